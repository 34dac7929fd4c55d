"""e84segment:compareosm: predicted footprints against OSM, object by object (SpaceNet's rule)."""
from dataclasses import dataclass
from pathlib import Path

from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core import compare, dataset, vectorize
from . import areas, field_types, styles
from .base import E84Algorithm
from ..i18n import tr


def _fields(*names_and_types) -> QgsFields:
    return field_types.fields(names_and_types)


class CompareOsmAlgorithm(E84Algorithm):
    ID = "compareosm"
    TITLE = "Compare with OSM"
    GROUP = "footprints"
    PREDICTED = "PREDICTED"
    REFERENCE = "REFERENCE"
    AOI = "AOI"
    IOU_THRESHOLD = "IOU_THRESHOLD"
    MIN_AREA = "MIN_AREA"
    MATCHED = "MATCHED"
    PREDICTED_ONLY = "PREDICTED_ONLY"
    REFERENCE_ONLY = "REFERENCE_ONLY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    F1 = "F1"

    def shortHelpString(self):
        return (
            "Matches predicted footprints with reference (OSM) buildings one to one, SpaceNet's rule: each predicted "
            "footprint takes the unmatched reference building it overlaps most, if their IoU reaches IOU_THRESHOLD. "
            "Outputs: 'Matched with OSM' pairs with their IoU; 'Predicted, no OSM match: check', whose osm_overlap "
            "field says how much of each footprint OSM buildings cover (0.1 or more: a merged or partial prediction "
            "of mapped buildings; 0: a building OSM may lack, to check before mapping); 'OSM, not predicted' (OSM "
            "buildings the prediction does not support: missed by the model, hidden, or gone); and a JSON report "
            "(TP, FP, FN, precision, recall, F1, area IoU, predicted-only footprints overlapping OSM or alone). "
            "Only what lies inside the 'Area compared' counts (default: the predicted footprints' extent)."
        )

    def initAlgorithm(self, config=None):
        add_comparison_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.MATCHED, "Matched with OSM", QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PREDICTED_ONLY, "Predicted, no OSM match: check", QgsProcessing.TypeVectorPolygon))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.REFERENCE_ONLY, "OSM, not predicted", QgsProcessing.TypeVectorPolygon)
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, "Report", "JSON (*.json)"))
        self.addOutput(QgsProcessingOutputNumber(self.F1, "F1"))

    def processAlgorithm(self, parameters, context, feedback):
        comparison = compare_sources(self, parameters, context, feedback)
        if comparison is None:
            return {}
        outputs, scores = comparison.outputs, comparison.scores
        report_path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context))
        report_path.parent.mkdir(parents=True, exist_ok=True)
        dataset.write_json(report_path, scores)
        outputs.update({self.OUTPUT_REPORT: str(report_path), self.F1: scores["f1"]})
        return outputs


def add_comparison_parameters(algorithm) -> None:
    """PREDICTED, REFERENCE, AOI, IOU_THRESHOLD and MIN_AREA, as compareosm and buildinggrid take them."""
    polygons = [QgsProcessing.TypeVectorPolygon]
    algorithm.addParameter(QgsProcessingParameterFeatureSource("PREDICTED", "Predicted footprints", polygons))
    algorithm.addParameter(QgsProcessingParameterFeatureSource("REFERENCE", "Reference buildings (OSM)", polygons))
    algorithm.addParameter(QgsProcessingParameterExtent("AOI", "Area compared", optional=True))
    algorithm.addParameter(QgsProcessingParameterNumber("IOU_THRESHOLD", "IoU threshold", QgsProcessingParameterNumber.Double,
                                                        0.5, minValue=0.01, maxValue=1.0))
    algorithm.addParameter(QgsProcessingParameterNumber("MIN_AREA", "Ignore buildings smaller than (m²)",
                                                        QgsProcessingParameterNumber.Double, 4.0, minValue=0.0))


def compare_sources(algorithm, parameters, context, feedback) -> "Comparison":
    """PREDICTED against REFERENCE inside AOI (default: the footprints' extent), the algorithm's sinks
    written; None on cancel. Points or lines, a layer against itself, and no footprints with no AOI are
    refused: each would read as a score."""
    predicted_source = algorithm.parameterAsSource(parameters, "PREDICTED", context)
    reference_source = algorithm.parameterAsSource(parameters, "REFERENCE", context)
    if predicted_source is None or reference_source is None:
        raise QgsProcessingException(tr("Choose the predicted footprints and the reference (OSM) buildings"))
    for name, source in (("PREDICTED", predicted_source), ("REFERENCE", reference_source)):
        areas.require_polygons(source, name)
    predicted_layer = algorithm.parameterAsVectorLayer(parameters, "PREDICTED", context)
    reference_layer = algorithm.parameterAsVectorLayer(parameters, "REFERENCE", context)
    if predicted_layer is not None and reference_layer is not None and (
            predicted_layer.id() == reference_layer.id() or predicted_layer.source() == reference_layer.source()):
        raise QgsProcessingException(tr("PREDICTED and REFERENCE are the same layer ('{}'): a layer compared with itself "
                                        "scores F1 1. Choose the footprints of a prediction and the OSM buildings")
                                     .format(reference_layer.name()))
    predicted, predicted_geometries = features_in_mercator(predicted_source, context)
    aoi = area_compared(algorithm, parameters, context, predicted)
    if aoi.isEmpty():
        # Without footprints the area compared would be empty, and every reference building would drop out
        # of the comparison unseen: "0 against 0" reads as a perfect score.
        raise QgsProcessingException(tr("PREDICTED has no footprints, so there is no area to compare: set AOI to the "
                                        "area the prediction covered (every reference building there then counts as "
                                        "missed), or choose the footprints of a prediction"))
    return compare_and_write(algorithm, parameters, context, feedback, predicted, predicted_geometries,
                             predicted_source.fields(), reference_source, aoi)


def area_compared(algorithm, parameters, context, predicted) -> QgsGeometry:
    """AOI (EPSG:3857), or the predicted footprints' extent (a union would fail on one invalid footprint)."""
    if parameters.get("AOI") not in (None, ""):
        return algorithm.parameterAsExtentGeometry(parameters, "AOI", context, areas.MERCATOR)
    extent = QgsRectangle()
    extent.setMinimal()
    for feature in predicted:
        extent.combineExtentWith(feature.geometry().boundingBox())
    return QgsGeometry.fromRect(extent) if predicted else QgsGeometry()


def features_in_mercator(source, context, rect=None):
    """A source's features in EPSG:3857 (only those in ``rect``), with their geometries as OGR's."""
    request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
    if rect is not None:
        request.setFilterRect(rect)
    features, geometries = [], []
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        if not feature.hasGeometry():
            continue
        features.append(feature)
        geometries.append(ogr.CreateGeometryFromWkb(bytes(feature.geometry().asWkb())))
    return features, geometries


@dataclass
class Comparison:
    outputs: dict
    scores: dict
    predicted: list  # OGR geometries, clipped to the area
    reference: list
    area: object  # OGR geometry or None
    match: object = None  # core.compare.Comparison: which of ``predicted`` and ``reference`` matched


def compare_and_write(algorithm, parameters, context, feedback, predicted, predicted_geometries, predicted_fields,
                      reference_source, aoi) -> "Comparison":
    """Matches predicted features (EPSG:3857) with the reference inside ``aoi`` and writes the
    algorithm's MATCHED, PREDICTED_ONLY and REFERENCE_ONLY sinks (those it was given); None on cancel.
    compareosm and evaluatemodel share it, so their figures agree by construction."""
    reference, reference_geometries = ([], []) if aoi.isEmpty() else features_in_mercator(reference_source, context, aoi.boundingBox())
    # Only what lies inside the compared area counts, on both sides (a city-wide OSM layer is
    # fine): a building cut by the AOI's edge is compared with the part a prediction could see.
    aoi_ogr = ogr.CreateGeometryFromWkb(bytes(aoi.asWkb())) if not aoi.isEmpty() else None
    predicted, predicted_geometries = _inside(predicted, predicted_geometries, aoi_ogr)
    reference, reference_geometries = _inside(reference, reference_geometries, aoi_ogr)
    threshold = algorithm.parameterAsDouble(parameters, "IOU_THRESHOLD", context)
    feedback.pushInfo(tr("Comparing {} predicted footprints with {} reference buildings")
                      .format(len(predicted), len(reference)))
    # SpaceNet leaves out footprints under 20 pixels; here a ground area, by default polygonize's
    # MIN_AREA, so specks and the slivers the AOI's edge cuts off buildings count on neither side.
    min_area_m2 = algorithm.parameterAsDouble(parameters, "MIN_AREA", context)
    scale = vectorize.ground_scale(aoi.centroid().asPoint().y()) if not aoi.isEmpty() else 1.0
    result = compare.match(predicted_geometries, reference_geometries, threshold, min_area=min_area_m2 * scale**2)
    if feedback.isCanceled():
        return None
    scores = result.scores()
    scores["area_iou"] = compare.area_iou(predicted_geometries, reference_geometries)
    scores["iou_threshold"] = threshold
    scores["min_area_m2"] = min_area_m2
    scores["predicted"] = len(predicted)
    scores["reference"] = len(reference)
    shares = compare.overlap_shares([predicted_geometries[i] for i in result.predicted_only], reference_geometries)
    scores["predicted_only_overlapping_osm"] = sum(share >= compare.OVERLAP_SHARE for share in shares)
    scores["predicted_only_alone"] = len(shares) - scores["predicted_only_overlapping_osm"]

    outputs = {}
    matched_fields = _fields(("predicted_fid", field_types.LONG_LONG), ("reference_fid", field_types.LONG_LONG), ("iou", field_types.DOUBLE))
    sink, outputs["MATCHED"] = _sink(algorithm, parameters, context, "MATCHED", matched_fields, styles.MatchedStyler)
    for m in result.matches:
        feature = QgsFeature(matched_fields)
        feature.setGeometry(predicted[m.predicted].geometry())
        feature.setAttributes([predicted[m.predicted].id(), reference[m.reference].id(), round(m.iou, 4)])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    only_fields = QgsFields(predicted_fields)
    only_fields.append(QgsField("osm_overlap", field_types.DOUBLE))
    sink, outputs["PREDICTED_ONLY"] = _sink(algorithm, parameters, context, "PREDICTED_ONLY", only_fields, styles.PredictedOnlyStyler)
    for index, share in zip(result.predicted_only, shares):
        feature = QgsFeature(only_fields)
        feature.setGeometry(predicted[index].geometry())
        feature.setAttributes(predicted[index].attributes() + [round(share, 3)])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    sink, outputs["REFERENCE_ONLY"] = _sink(algorithm, parameters, context, "REFERENCE_ONLY", reference_source.fields(),
                                            styles.ReferenceOnlyStyler)
    for index in result.reference_only:
        sink.addFeature(reference[index], QgsFeatureSink.FastInsert)
    feedback.pushInfo(
        tr("TP {}, FP {}, FN {}: precision {:.3f}, recall {:.3f}, F1 {:.3f}, area IoU {:.3f}")
        .format(scores["tp"], scores["fp"], scores["fn"], scores["precision"], scores["recall"], scores["f1"],
                scores["area_iou"])
    )
    feedback.pushInfo(summary_of_predicted_only(scores))
    return Comparison({k: v for k, v in outputs.items() if v is not None}, scores, predicted_geometries,
                      reference_geometries, aoi_ogr, result)


class _NoSink:
    """An optional output the caller did not ask for: features go nowhere."""

    def addFeature(self, feature, flags=None):  # noqa: N802 (QGIS's name)
        return True


def _sink(algorithm, parameters, context, name, fields, styler):
    definition = algorithm.parameterDefinition(name)  # buildinggrid has none of these outputs
    if definition is None or parameters.get(name) is None and definition.flags() & QgsProcessingParameterDefinition.FlagOptional:
        return _NoSink(), None
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.MultiPolygon, areas.MERCATOR)
    if sink is None:
        raise QgsProcessingException(tr("Could not create the {} output").format(name))
    if context.willLoadLayerOnCompletion(dest):
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler.create())
    return sink, dest


def summary_of_predicted_only(scores: dict) -> str:
    """What the predicted-only footprints are, in one sentence: most are rarely buildings OSM lacks."""
    return (
        f"Of {scores['fp']} predicted footprints without an OSM match, {scores['predicted_only_overlapping_osm']} "
        f"overlap OSM buildings (merged or partial predictions) and {scores['predicted_only_alone']} stand alone "
        "(possibly buildings OSM lacks: check them against the imagery)"
    )


def _inside(features, geometries, area):
    """The features that reach into ``area``, with their geometries clipped to it."""
    clipped = [compare.clip(g, area) for g in geometries]
    keep = [i for i, g in enumerate(clipped) if g is not None]
    return [features[i] for i in keep], [clipped[i] for i in keep]
