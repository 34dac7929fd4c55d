"""e84segment:evaluatemodel: check a model on an area it never saw, against buildings the analyst trusts."""
import shutil
import tempfile
from pathlib import Path

from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import dataset, evaluate, runs, vectorize
from . import areas, styles
from .base import E84Algorithm
from .compare_osm import compare_and_write, summary_of_predicted_only
from .polygonize import add_outline_parameters, confidence_of, footprint_fields, outline_options
from .predict_local import add_imagery_and_area, add_model_prediction_parameters, predict_with_model
from ..i18n import tr

OPTIONAL_SINKS = (
    ("FOOTPRINTS", "Predicted footprints", styles.FootprintsStyler),
    ("MATCHED", "Matched with reference", styles.MatchedStyler),
    ("PREDICTED_ONLY", "Predicted, no reference match", styles.PredictedOnlyStyler),
    ("REFERENCE_ONLY", "Reference, not predicted", styles.ReferenceOnlyStyler),
)


def training_overlap(meta: dict, area: QgsGeometry) -> float:
    """Share of the area the model's training tiles cover (0 when its dataset is not at hand): a
    score on tiles the model learned from flatters it."""
    tiles_path = Path(meta.get("dataset", {}).get("path", "")) / "tiles.geojson"
    if not tiles_path.is_file() or area.isEmpty():
        return 0.0
    source = ogr.Open(str(tiles_path))
    if source is None:
        return 0.0
    layer = source.GetLayer(0)
    layer.SetAttributeFilter("split = 'train'")
    tiles_union = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in layer:
        tiles_union.AddGeometry(feature.GetGeometryRef().Clone())
    if tiles_union.GetGeometryCount() == 0:
        return 0.0
    from osgeo import osr

    wgs84, mercator = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    mercator.ImportFromEPSG(3857)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    tiles_union = tiles_union.UnionCascaded()
    tiles_union.Transform(osr.CoordinateTransformation(wgs84, mercator))
    target = ogr.CreateGeometryFromWkb(bytes(area.asWkb()))
    return target.Intersection(tiles_union).GetArea() / target.GetArea() if target.GetArea() else 0.0


class EvaluateModelAlgorithm(E84Algorithm):
    ID = "evaluatemodel"
    TITLE = "Check a model on an area"
    GROUP = "model"
    REFERENCE = "REFERENCE"
    IOU_THRESHOLD = "IOU_THRESHOLD"
    MIN_AREA = "MIN_AREA"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    F1 = "F1"
    BUILDING_IOU = "BUILDING_IOU"

    def shortHelpString(self):
        return (
            "Measures what the analyst will get: keep a block you trust aside (OSM mapped it well, or you "
            "checked it), and check the model there before predicting the whole area. It predicts IMAGERY over "
            "the AOI, traces footprints as 'Building footprints from prediction' does (the same SIMPLIFY, SQUARE "
            "and SEPARATE, advanced), and compares them with "
            "REFERENCE (any CRS) as 'Compare with OSM' does (SpaceNet's rule).\n\n"
            "The OUTPUT_REPORT (JSON) holds the object figures (tp, fp, fn, precision, recall, f1), the pixel "
            "figures of the class raster inside the area (building_iou, pixel_precision, pixel_recall), the "
            "footprints' shape (mean_vertices, right_angle_share: corners within 10 degrees of 90) and the "
            "model it checked. A warning says when the area overlaps the model's own training tiles: scores "
            "there flatter the model. FOOTPRINTS, MATCHED, PREDICTED_ONLY and REFERENCE_ONLY are optional layers."
        )

    def initAlgorithm(self, config=None):
        add_imagery_and_area(self)
        add_model_prediction_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REFERENCE, "Trusted buildings (reference)", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(
            self.IOU_THRESHOLD, "IoU threshold", QgsProcessingParameterNumber.Double, 0.5, minValue=0.01, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, "Ignore buildings smaller than (m²)", QgsProcessingParameterNumber.Double, 4.0, minValue=0.0))
        add_outline_parameters(self, advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, "Report", "JSON (*.json)"))
        for name, label, _ in OPTIONAL_SINKS:
            self.addParameter(QgsProcessingParameterFeatureSink(
                name, label, QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.F1, "Object F1"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDING_IOU, "Pixel building IoU"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, "IMAGERY", context)
        return True

    def processAlgorithm(self, parameters, context, feedback):
        reference_source = self.parameterAsSource(parameters, self.REFERENCE, context)
        if reference_source is None:
            raise QgsProcessingException(tr("Trusted buildings: choose a polygon layer"))
        model_path = Path(self.parameterAsFile(parameters, "MODEL", context))
        work = Path(tempfile.mkdtemp(prefix="evaluate-", dir=QgsProcessingUtils.tempFolder()))
        try:
            classes, probability = str(work / "classes.tif"), str(work / "probability.tif")
            feedback.setProgressText(tr("Predicting"))
            stats, meta, area = predict_with_model(self, parameters, context, feedback, self.imagery, model_path,
                                                   classes, probability)
            if stats.cancelled or feedback.isCanceled():
                return {}
            feedback.setProgressText(tr("Tracing footprints"))
            min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
            found = list(vectorize.footprints(classes, probability, min_area, **outline_options(self, parameters, context),
                                              cancelled=feedback.isCanceled))
            fields = footprint_fields()
            predicted, geometries = [], []
            for footprint in found:
                geometry = QgsGeometry()
                geometry.fromWkb(footprint.wkb)
                feature = QgsFeature(fields)
                feature.setGeometry(QgsGeometry.collectGeometry([geometry]) if not geometry.isMultipart() else geometry)
                feature.setAttributes([round(footprint.area_m2, 2), confidence_of(footprint), runs.model_label(model_path)])
                predicted.append(feature)
                geometries.append(ogr.CreateGeometryFromWkb(footprint.wkb))
            feedback.setProgressText(tr("Comparing"))
            comparison = compare_and_write(self, parameters, context, feedback, predicted, geometries, fields,
                                           reference_source, area)
            if comparison is None:
                return {}
            outputs = comparison.outputs
            if parameters.get("FOOTPRINTS") is not None:
                sink, outputs["FOOTPRINTS"] = self.parameterAsSink(
                    parameters, "FOOTPRINTS", context, fields, QgsWkbTypes.MultiPolygon, areas.MERCATOR)
                for feature in predicted:
                    sink.addFeature(feature, QgsFeatureSink.FastInsert)
                if context.willLoadLayerOnCompletion(outputs["FOOTPRINTS"]):
                    context.layerToLoadOnCompletionDetails(outputs["FOOTPRINTS"]).setPostProcessor(styles.FootprintsStyler.create())
            pixels = evaluate.pixel_scores(classes, comparison.reference, comparison.area)
        except vectorize.Cancelled:
            return {}
        finally:
            shutil.rmtree(work, ignore_errors=True)
        overlap = training_overlap(meta, area)
        if overlap > 0.01:
            feedback.pushWarning(
                tr("{:.0%} of this area lies in the model's own training tiles: the scores flatter the model. "
                   "Check it on a block it never saw.").format(overlap)
            )
        report = dict(comparison.scores)
        report.update(
            building_iou=pixels["building_iou"], pixel_precision=pixels["precision"], pixel_recall=pixels["recall"],
            pixel_accuracy=pixels["pixel_accuracy"], scored_pixels=pixels["pixels"],
            **evaluate.shape_figures(comparison.predicted),
            training_overlap=round(overlap, 4),
            model={"file": str(model_path), "zoom": meta.get("zoom"), "trained_minutes": meta.get("trained_minutes"),
                   "dataset_fingerprint": meta.get("dataset", {}).get("fingerprint"),
                   "validation": meta.get("best")},
        )
        report_path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context))
        report_path.parent.mkdir(parents=True, exist_ok=True)
        dataset.write_json(report_path, report)
        feedback.pushInfo(
            tr("On this area: object F1 {:.3f} (TP {}, FP {}, FN {}), pixel building IoU {:.3f}; {:.1f} "
               "vertices per footprint, {:.0%} of corners square")
            .format(report["f1"], report["tp"], report["fp"], report["fn"], report["building_iou"],
                    report["mean_vertices"], report["right_angle_share"])
        )
        feedback.pushInfo(summary_of_predicted_only(report))
        return {**outputs, self.OUTPUT_REPORT: str(report_path), self.F1: report["f1"], self.BUILDING_IOU: report["building_iou"]}

