"""e84segment:compareosm: predicted footprints against OSM, object by object (SpaceNet's rule)."""
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
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import compare, dataset, vectorize
from . import areas, styles
from .base import E84Algorithm


def _fields(*names_and_types) -> QgsFields:
    fields = QgsFields()
    for name, kind in names_and_types:
        fields.append(QgsField(name, kind))
    return fields


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
            "Outputs: MATCHED pairs with their IoU, PREDICTED_ONLY (buildings OSM lacks: candidates to map), "
            "REFERENCE_ONLY (OSM buildings the prediction does not support: destroyed, hidden, or missed) and a "
            "JSON report (TP, FP, FN, precision, recall, F1, area IoU). Reference buildings count only inside AOI "
            "(default: the predicted footprints' extent)."
        )

    def initAlgorithm(self, config=None):
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.PREDICTED, "Predicted footprints", polygons))
        self.addParameter(QgsProcessingParameterFeatureSource(self.REFERENCE, "Reference buildings (OSM)", polygons))
        self.addParameter(QgsProcessingParameterExtent(self.AOI, "Area compared", optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(self.IOU_THRESHOLD, "IoU threshold", QgsProcessingParameterNumber.Double, 0.5, minValue=0.01, maxValue=1.0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA, "Ignore buildings smaller than (m²)", QgsProcessingParameterNumber.Double, 4.0, minValue=0.0
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.MATCHED, "Matched buildings", QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PREDICTED_ONLY, "Buildings OSM lacks", QgsProcessing.TypeVectorPolygon))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.REFERENCE_ONLY, "OSM buildings not found", QgsProcessing.TypeVectorPolygon)
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, "Report", "JSON (*.json)"))
        self.addOutput(QgsProcessingOutputNumber(self.F1, "F1"))

    def _geometries(self, source, context, rect=None):
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

    def processAlgorithm(self, parameters, context, feedback):
        predicted_source = self.parameterAsSource(parameters, self.PREDICTED, context)
        reference_source = self.parameterAsSource(parameters, self.REFERENCE, context)
        if predicted_source is None or reference_source is None:
            raise QgsProcessingException("Choose the predicted footprints and the reference (OSM) buildings")
        predicted, predicted_geometries = self._geometries(predicted_source, context)
        if parameters.get(self.AOI) not in (None, ""):
            aoi = self.parameterAsExtentGeometry(parameters, self.AOI, context, areas.MERCATOR)
        else:
            # The footprints' extent (a union would fail on one invalid footprint).
            extent = QgsRectangle()
            extent.setMinimal()
            for feature in predicted:
                extent.combineExtentWith(feature.geometry().boundingBox())
            aoi = QgsGeometry.fromRect(extent) if predicted else QgsGeometry()
        reference, reference_geometries = ([], []) if aoi.isEmpty() else self._geometries(reference_source, context, aoi.boundingBox())
        # Only what lies inside the compared area counts, on both sides (a city-wide OSM layer is
        # fine): a building cut by the AOI's edge is compared with the part a prediction could see.
        aoi_ogr = ogr.CreateGeometryFromWkb(bytes(aoi.asWkb())) if not aoi.isEmpty() else None
        predicted, predicted_geometries = _inside(predicted, predicted_geometries, aoi_ogr)
        reference, reference_geometries = _inside(reference, reference_geometries, aoi_ogr)
        threshold = self.parameterAsDouble(parameters, self.IOU_THRESHOLD, context)
        feedback.pushInfo(f"Comparing {len(predicted)} predicted footprints with {len(reference)} reference buildings")
        # SpaceNet leaves out footprints under 20 pixels; here a ground area, by default polygonize's
        # MIN_AREA, so specks and the slivers the AOI's edge cuts off buildings count on neither side.
        min_area_m2 = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        scale = vectorize.ground_scale(aoi.centroid().asPoint().y()) if not aoi.isEmpty() else 1.0
        result = compare.match(predicted_geometries, reference_geometries, threshold, min_area=min_area_m2 * scale**2)
        if feedback.isCanceled():
            return {}
        scores = result.scores()
        scores["area_iou"] = compare.area_iou(predicted_geometries, reference_geometries)
        scores["iou_threshold"] = threshold
        scores["min_area_m2"] = min_area_m2
        scores["predicted"] = len(predicted)
        scores["reference"] = len(reference)

        outputs = {}
        matched_fields = _fields(("predicted_fid", QVariant.LongLong), ("reference_fid", QVariant.LongLong), ("iou", QVariant.Double))
        sink, outputs[self.MATCHED] = self._sink(parameters, context, self.MATCHED, matched_fields, styles.MatchedStyler)
        for m in result.matches:
            feature = QgsFeature(matched_fields)
            feature.setGeometry(predicted[m.predicted].geometry())
            feature.setAttributes([predicted[m.predicted].id(), reference[m.reference].id(), round(m.iou, 4)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        for name, features, indices, styler in (
            (self.PREDICTED_ONLY, predicted, result.predicted_only, styles.PredictedOnlyStyler),
            (self.REFERENCE_ONLY, reference, result.reference_only, styles.ReferenceOnlyStyler),
        ):
            source = predicted_source if features is predicted else reference_source
            sink, outputs[name] = self._sink(parameters, context, name, source.fields(), styler)
            for index in indices:
                sink.addFeature(features[index], QgsFeatureSink.FastInsert)
        report_path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context))
        report_path.parent.mkdir(parents=True, exist_ok=True)
        dataset.write_json(report_path, scores)
        feedback.pushInfo(
            f"TP {scores['tp']}, FP {scores['fp']}, FN {scores['fn']}: precision {scores['precision']:.3f}, "
            f"recall {scores['recall']:.3f}, F1 {scores['f1']:.3f}, area IoU {scores['area_iou']:.3f}"
        )
        outputs.update({self.OUTPUT_REPORT: str(report_path), self.F1: scores["f1"]})
        return outputs

    def _sink(self, parameters, context, name, fields, styler):
        sink, dest = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.MultiPolygon, areas.MERCATOR)
        if sink is None:
            raise QgsProcessingException(f"Could not create the {name} output")
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler.create())
        return sink, dest


def _inside(features, geometries, area):
    """The features that reach into ``area``, with their geometries clipped to it."""
    clipped = [compare.clip(g, area) for g in geometries]
    keep = [i for i, g in enumerate(clipped) if g is not None]
    return [features[i] for i in keep], [clipped[i] for i in keep]
