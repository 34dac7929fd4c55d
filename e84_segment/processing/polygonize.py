"""e84segment:polygonize: building footprints from a predicted class raster."""
from pathlib import Path

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..core import evaluate, rasters, vectorize
from . import field_types, styles
from .base import E84Algorithm
from ..i18n import sentence, tr



def footprint_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("area_m2", field_types.DOUBLE))
    fields.append(QgsField("confidence", field_types.DOUBLE))
    fields.append(QgsField("model", field_types.STRING))
    return fields


def open_prediction(algorithm, parameters, context, classes_name: str, probability_name: str, refusal: str):
    """A prediction's class raster (required: ``refusal`` otherwise) and probability raster (optional),
    opened with GDAL. Call it from prepareAlgorithm, on the main thread, while the dock may be loading
    these files as layers there: a second GDAL handle opened from the task's thread at that moment
    crashed GDAL 3.6 (the model's name read there in 2 of 3 test runs, then the rasters in CI)."""
    classes = algorithm.parameterAsRasterLayer(parameters, classes_name, context)
    if classes is None:
        raise QgsProcessingException(refusal)
    try:
        opened = gdal.OpenEx(classes.source(), gdal.OF_RASTER)
    except RuntimeError:  # GDAL raises where the plugin turned its exceptions on
        opened = None
    if opened is None:  # an XYZ, WMS or other service layer: no file GDAL reads, and never a prediction
        raise QgsProcessingException(tr("{}: '{}' is a {} layer, not a file a prediction wrote. Choose the class raster "
                                        "'Predict buildings' wrote").format(classes_name, classes.name(), classes.providerType()))
    problem = rasters.class_raster_problem(opened, classes.name())
    if problem is not None:
        raise QgsProcessingException(tr("{}: {}").format(classes_name, sentence(problem)))
    probability = algorithm.parameterAsRasterLayer(parameters, probability_name, context)
    return opened, (gdal.Open(probability.source()) if probability else None)


def confidence_of(footprint):
    """Three decimals: what a reviewer reads (17 digits filled GeoJSON exports)."""
    return None if footprint.confidence is None else round(footprint.confidence, 3)


def add_outline_parameters(algorithm, advanced: bool = False) -> None:
    """SIMPLIFY, SQUARE and SEPARATE: how predicted pixels become outlines (polygonize, evaluatemodel)."""
    add = algorithm.addAdvancedParameter if advanced else algorithm.addParameter
    add(QgsProcessingParameterNumber("SIMPLIFY", "Simplify tolerance (m)", QgsProcessingParameterNumber.Double, 0.3, minValue=0.0))
    add(QgsProcessingParameterBoolean("SQUARE", "Regular outlines (right angles, diagonals, circles)", False))
    add(QgsProcessingParameterBoolean("SEPARATE", "Separate touching buildings (needs the probability)", True))


def outline_options(algorithm, parameters, context) -> dict:
    return {
        "simplify_m": algorithm.parameterAsDouble(parameters, "SIMPLIFY", context),
        "square": algorithm.parameterAsBoolean(parameters, "SQUARE", context),
        "separate": algorithm.parameterAsBoolean(parameters, "SEPARATE", context),
    }


class PolygonizeAlgorithm(E84Algorithm):
    ID = "polygonize"
    TITLE = "Building footprints from prediction"
    GROUP = "footprints"
    INPUT = "INPUT"
    PROBABILITY = "PROBABILITY"
    MIN_AREA = "MIN_AREA"
    SIMPLIFY = "SIMPLIFY"
    SQUARE = "SQUARE"
    SEPARATE = "SEPARATE"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"
    MEAN_VERTICES = "MEAN_VERTICES"
    RIGHT_ANGLE_SHARE = "RIGHT_ANGLE_SHARE"

    def shortHelpString(self):
        return (
            "Turns the class raster of 'Predict buildings' into building polygons: footprints smaller than MIN_AREA "
            "are dropped and outlines simplified by SIMPLIFY metres. Attributes: "
            "area_m2, confidence (mean building probability inside, with PROBABILITY) and the source model. The "
            "whole raster is traced at once, so buildings cut by tile edges come out whole.\n\n"
            "SEPARATE (on by default; it needs PROBABILITY) splits blobs of touching buildings where the probability "
            "dips between them: each building's core (high probability, shrunk by 0.3 m so thin bridges break) grows "
            "into the pixels around it, the most probable first; touching buildings come out as footprints sharing an "
            "edge.\n\n"
            "SQUARE regularises each outline along the building's own main direction: right angles, 45-degree "
            "diagonals, circles for round buildings; an outline that would move too far from the traced one (IoU "
            "under 0.75) is kept as traced. Measured on the shared Kampala areas: square corners from 15 % to about "
            "60 % and half the vertices, for about 0.01 of footprint area IoU and the same buildings found; off by "
            "default, since the traced outline is the closer one."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, "Building classes (from Predict buildings)"))
        self.addParameter(QgsProcessingParameterRasterLayer(self.PROBABILITY, "Building probability", optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(self.MIN_AREA, "Minimum area (m²)", QgsProcessingParameterNumber.Double, 4.0, minValue=0.0)
        )
        add_outline_parameters(self)
        sink = QgsProcessingParameterFeatureSink(self.OUTPUT, "Building footprints", QgsProcessing.TypeVectorPolygon)
        sink.setSupportsNonFileBasedOutput(False)  # a GeoPackage unless the analyst picks another file
        self.addParameter(sink)
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, "Footprints"))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_VERTICES, "Mean vertices per footprint"))
        self.addOutput(QgsProcessingOutputNumber(self.RIGHT_ANGLE_SHARE, "Share of corners within 10 degrees of square"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.classes, self.probability = open_prediction(
            self, parameters, context, self.INPUT, self.PROBABILITY,
            "INPUT: choose the building class raster from 'Predict buildings'")
        self.model = self.classes.GetMetadataItem(rasters.MODEL_METADATA_KEY) or ""
        return True

    def processAlgorithm(self, parameters, context, feedback):
        # Local names only: the handles close when this returns (Windows locks an open file).
        classes, probability, self.classes, self.probability = self.classes, self.probability, None, None
        source = classes.GetDescription()
        options = outline_options(self, parameters, context)
        if options["separate"] and probability is None:
            feedback.pushInfo(tr("Touching buildings stay merged: separating them needs the 'Building "
                                 "probability' raster"))
            options["separate"] = False
        try:
            # Footprints are all computed before the output is opened: a cancelled run writes nothing.
            found = list(
                vectorize.footprints(
                    classes,
                    probability,
                    self.parameterAsDouble(parameters, self.MIN_AREA, context),
                    **options,
                    progress=feedback.setProgress,
                    cancelled=feedback.isCanceled,
                )
            )
        except vectorize.Cancelled:
            feedback.pushWarning(tr("Cancelled: no footprints were written"))
            return {}
        except ValueError as error:
            raise QgsProcessingException(sentence(error))
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, footprint_fields(), QgsWkbTypes.MultiPolygon, QgsCoordinateReferenceSystem("EPSG:3857")
        )
        for footprint in found:
            feature = QgsFeature(footprint_fields())
            geometry = QgsGeometry()
            geometry.fromWkb(footprint.wkb)
            feature.setGeometry(QgsGeometry.collectGeometry([geometry]) if not geometry.isMultipart() else geometry)
            feature.setAttributes([round(footprint.area_m2, 2), confidence_of(footprint), self.model or Path(source).name])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        shapes = evaluate.shape_figures([ogr.CreateGeometryFromWkb(f.wkb) for f in found])
        feedback.pushInfo(
            tr("{} building footprints; {:.1f} vertices each on average, {:.0%} of corners square")
            .format(len(found), shapes["mean_vertices"], shapes["right_angle_share"])
        )
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.FootprintsStyler.create())
        return {self.OUTPUT: dest, self.COUNT: len(found), self.MEAN_VERTICES: shapes["mean_vertices"],
                self.RIGHT_ANGLE_SHARE: shapes["right_angle_share"]}
