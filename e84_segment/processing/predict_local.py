"""e84segment:predictlocal: predict buildings over an area with a local model."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from .. import dependencies
from ..i18n import N_, sentence, tr
from . import areas, styles
from .base import E84Algorithm

CANCELLED = "Cancelled: no prediction raster was written"
OUTPUT_CLASSES = "OUTPUT_CLASSES"
OUTPUT_PROBABILITY = "OUTPUT_PROBABILITY"
BUILDING_PIXELS = "BUILDING_PIXELS"
# From this share of the area without imagery, the step says so: edges of a mosaic stay below it.
NO_IMAGERY_WARNING = 0.01


def add_imagery_and_area(algorithm) -> None:
    """IMAGERY, AOI and AOI_LAYER, as every prediction algorithm takes them."""
    algorithm.addParameter(QgsProcessingParameterRasterLayer("IMAGERY", "Imagery (GeoTIFF, XYZ, WMS, ...)"))
    algorithm.addParameter(QgsProcessingParameterExtent("AOI", "Area of interest", optional=True))
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            "AOI_LAYER", "Area of interest polygons (only tiles touching them)", [QgsProcessing.TypeVectorPolygon], optional=True
        )
    )


def add_prediction_outputs(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterRasterDestination(OUTPUT_CLASSES, "Building classes"))
    algorithm.addParameter(QgsProcessingParameterRasterDestination(OUTPUT_PROBABILITY, "Building probability"))
    algorithm.addOutput(QgsProcessingOutputNumber(BUILDING_PIXELS, "Building pixels"))


def finish_prediction(stats, context, feedback, classes_path: str, probability_path: str) -> dict:
    """Reports a prediction and loads its rasters styled; {} when it was cancelled (nothing written)."""
    if stats.cancelled:
        feedback.pushWarning(CANCELLED)
        return {}
    feedback.pushInfo(
        tr("{} windows in {:.1f} s ({:.1f} s in the network); {:,} building pixels")
        .format(stats.windows, stats.total_seconds, stats.forward_seconds, stats.building_pixels)
    )
    if stats.building_pixels == 0:
        feedback.pushWarning(tr("The model found no buildings where the imagery was read: the outputs are valid, "
                                "and empty"))
    load_prediction_layers(context, classes_path, probability_path)
    return {OUTPUT_CLASSES: classes_path, OUTPUT_PROBABILITY: probability_path, BUILDING_PIXELS: stats.building_pixels}


def say_coverage(stats, feedback) -> None:
    """How much of the area the imagery covered: none stops the step (nothing was written), a part is said."""
    if stats.cancelled:
        return
    if stats.imagery_pixels == 0:
        raise QgsProcessingException(tr(
            "No pixel of the imagery could be read over the area ({} tiles), so nothing was predicted and nothing "
            "was written: the area lies off the imagery, or the service sent no usable tiles (the warnings above say "
            "why). Check that the layer draws there in QGIS").format(stats.tiles))
    if stats.no_imagery_share >= NO_IMAGERY_WARNING:
        feedback.pushWarning(tr("{:.0%} of the area had no imagery: the outputs are no data there (255 in the classes), "
                                "not 'no building'").format(stats.no_imagery_share))


def load_prediction_layers(context, classes_path: str, probability_path: str) -> None:
    """The class and probability rasters load styled when the algorithm ends."""
    for path, output, name, styler in (
        (classes_path, OUTPUT_CLASSES, "Predicted buildings", styles.ClassesStyler),
        (probability_path, OUTPUT_PROBABILITY, "Building probability", styles.ProbabilityStyler),
    ):
        details = QgsProcessingContext.LayerDetails(name, context.project(), output)
        details.setPostProcessor(styler.create())
        context.addLayerToLoadOnCompletion(path, details)


class PredictLocalAlgorithm(E84Algorithm):
    ID = "predictlocal"
    TITLE = "Predict buildings"
    GROUP = "model"
    IMAGERY = "IMAGERY"
    AOI = "AOI"
    AOI_LAYER = "AOI_LAYER"
    MODEL = "MODEL"
    ZOOM = "ZOOM"
    OVERLAP = "OVERLAP"
    BATCH_SIZE = "BATCH_SIZE"
    MAX_TILES = "MAX_TILES"
    OUTPUT_CLASSES = OUTPUT_CLASSES
    OUTPUT_PROBABILITY = OUTPUT_PROBABILITY
    BUILDING_PIXELS = BUILDING_PIXELS

    def shortHelpString(self):
        return (
            "Predicts buildings over the area of interest with a model from 'Train model locally' (a .pt file), or its "
            "export from 'Export model as ONNX' (a .onnx file, run by onnxruntime where PyTorch is not installed). Writes a class "
            "raster (0 background, 1 building, 255 no imagery) and a building probability raster (0-255), both "
            "GeoTIFF in EPSG:3857 on the slippy-map tile grid at ZOOM (default: the model's zoom).\n\n"
            "The model runs on windows of several tiles with OVERLAP pixels of context on each side; overlapping "
            "predictions are blended so tile seams do not show. Memory holds one row of windows, not the area. "
            "TTA (advanced, on by default) averages each window with its three flips: four times the work, and "
            "with 'Separate touching buildings' it raised object F1 on areas the models never saw (docs/benchmarks.md)."
        )

    def initAlgorithm(self, config=None):
        add_imagery_and_area(self)
        add_model_prediction_parameters(self)
        add_prediction_outputs(self)

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, self.IMAGERY, context)
        return True

    def processAlgorithm(self, parameters, context, feedback):
        classes_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CLASSES, context)
        probability_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITY, context)
        stats, _, _ = predict_with_model(self, parameters, context, feedback, self.imagery,
                                      Path(self.parameterAsFile(parameters, self.MODEL, context)), classes_path, probability_path)
        return finish_prediction(stats, context, feedback, classes_path, probability_path)


def predict_with_model(algorithm, parameters, context, feedback, imagery, model_path: Path, classes_path: str,
                       probability_path: str):
    """Predicts the algorithm's AOI / AOI_LAYER (ZOOM, OVERLAP, BATCH_SIZE, MAX_TILES) with a local model
    into the two GeoTIFFs; returns the mosaic's stats, the model's meta and the area (EPSG:3857).
    predictlocal and evaluatemodel share it."""
    from ..backends.local.model_zoom import describe_zoom_mismatch
    from ..core import mosaic, runs

    tta = algorithm.parameterAsBoolean(parameters, "TTA", context)
    if model_path.suffix.lower() == ".onnx":  # onnxruntime alone: no PyTorch needed
        dependencies.require_onnxruntime()
        from ..backends.local import onnx_model

        try:
            predictor = onnx_model.OnnxPredictor(model_path, tta=tta)
        except onnx_model.OnnxModelError as error:
            raise QgsProcessingException(sentence(error))
    else:
        dependencies.require_torch()
        from ..backends.local import engine, modelfile

        try:
            predictor = engine.predictor(model_path, tta, ENGINE_CHOICES[algorithm.parameterAsEnum(parameters, "ENGINE", context)][0],
                                         report=feedback.pushInfo)
        except modelfile.ModelFileError as error:
            raise QgsProcessingException(sentence(error))
    meta = predictor.meta
    zoom = algorithm.parameterAsInt(parameters, "ZOOM", context) or meta["zoom"]
    tile_size = meta["tile_size"]
    for note in describe_zoom_mismatch(meta, zoom):
        feedback.pushWarning(note)
    area = areas.area_of_interest(algorithm, parameters, context, imagery, feedback=feedback)
    aoi_tiles = areas.tiles_in_area(area, zoom, algorithm.parameterAsInt(parameters, "MAX_TILES", context))
    overlap = algorithm.parameterAsInt(parameters, "OVERLAP", context)
    if mosaic.overlap_for_network(overlap) != overlap:
        feedback.pushInfo(tr("OVERLAP rounded up to {} px (a multiple of 16)")
                          .format(mosaic.overlap_for_network(overlap)))
    feedback.pushInfo(tr("Predicting {} tiles at zoom {} with {}").format(len(aoi_tiles), zoom, model_path.name))
    reader = areas.chip_reader(imagery, tile_size, algorithm.parameterAsInt(parameters, areas.CONCURRENCY, context),
                               aoi_tiles[0], feedback)
    with areas.reading(reader, feedback):
        stats = mosaic.predict_area(
            predictor,
            reader.read,
            aoi_tiles,
            tile_size,
            overlap,
            Path(classes_path),
            Path(probability_path),
            batch_size=algorithm.parameterAsInt(parameters, "BATCH_SIZE", context),
            source_model=runs.model_label(model_path),
            progress=feedback.setProgress,
            cancelled=feedback.isCanceled,
            ahead=getattr(reader, "expect", None),
        )
    say_coverage(stats, feedback)
    return stats, meta, area


# backends.local.engine.ENGINES, with labels (the engine module imports torch when it runs).
ENGINE_CHOICES = (
    ("auto", N_("The fastest installed (onnxruntime on a CPU, PyTorch on a CUDA GPU)")),
    ("pytorch", "PyTorch"),
    ("onnxruntime", N_("onnxruntime (the model exported to ONNX once, cached)")),
)


def add_model_prediction_parameters(algorithm) -> None:
    """MODEL, ZOOM, OVERLAP and the advanced BATCH_SIZE and MAX_TILES, as predictlocal and evaluatemodel take them."""
    algorithm.addParameter(QgsProcessingParameterFile("MODEL", "Model file", fileFilter="e84 segment model (*.pt *.onnx)"))
    algorithm.addParameter(
        QgsProcessingParameterNumber("ZOOM", "Zoom level (0: the model's)", QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=24)
    )
    algorithm.addParameter(
        QgsProcessingParameterNumber("OVERLAP", "Overlap (pixels of context, blended)", QgsProcessingParameterNumber.Integer, 16, minValue=0, maxValue=256)
    )
    for parameter in (
        QgsProcessingParameterNumber("BATCH_SIZE", "Windows per batch", QgsProcessingParameterNumber.Integer, 2, minValue=1, maxValue=64),
        QgsProcessingParameterNumber("MAX_TILES", "Stop above this many tiles", QgsProcessingParameterNumber.Integer, 20000, minValue=1),
        QgsProcessingParameterBoolean("TTA", "Average the four flips of each window (4x the work)", True),
        QgsProcessingParameterEnum("ENGINE", "Engine for a .pt model", options=[label for _, label in ENGINE_CHOICES], defaultValue=0),
        areas.concurrency_parameter(),
    ):
        algorithm.addAdvancedParameter(parameter)
