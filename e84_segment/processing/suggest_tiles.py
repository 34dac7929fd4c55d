"""e84segment:suggesttiles: the tiles whose correction should teach the model most (core.active)."""
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from .. import dependencies
from ..core import active, tiles
from . import areas, field_types, styles
from .base import E84Algorithm
from .predict_local import add_imagery_and_area
from ..i18n import sentence, tr

FIELDS = (("rank", field_types.INT), ("score", field_types.DOUBLE), ("z", field_types.INT), ("x", field_types.INT),
          ("y", field_types.INT), ("size", field_types.INT), ("reason", field_types.STRING), ("undecided", field_types.DOUBLE),
          ("buildings", field_types.DOUBLE))
BATCH = 4


def tile_fields() -> QgsFields:
    return field_types.fields(FIELDS)


def excluded_tiles(source, context, candidates) -> set:
    """The candidates whose centre lies inside EXCLUDE's polygons (tiles corrected already)."""
    request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
    polygons, _ = areas.union_of_polygons(
        f.geometry() for f in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
        if f.hasGeometry())
    if polygons.isEmpty():
        return set()
    engine = areas.prepared(polygons)
    found = set()
    for tile in candidates:
        minx, miny, maxx, maxy = tiles.mercator_bounds(tile)
        centre = QgsGeometry.fromPointXY(QgsPointXY((minx + maxx) / 2, (miny + maxy) / 2))
        if engine.intersects(centre.constGet()):
            found.add(tile)
    return found


class SuggestTilesAlgorithm(E84Algorithm):
    ID = "suggesttiles"
    TITLE = "Tiles to correct next"
    GROUP = "model"
    MODEL = "MODEL"
    COUNT = "COUNT"
    EXCLUDE = "EXCLUDE"
    METHOD = "METHOD"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    SUGGESTED = "SUGGESTED"
    CANDIDATES = "CANDIDATES"

    def shortHelpString(self):
        return (
            "Where the analyst's minutes teach the model most. The MODEL (a .pt file) predicts every tile of the area "
            "(its zoom and chip size) four times, flipped, and each tile is measured: the share of pixels it cannot "
            "decide (probability 0.2-0.8), how far the four flips disagree, and how many pixels are likely wrong. "
            "COUNT tiles are chosen, the highest mean of the three first, each next one discounted by its likeness "
            "(colour, texture, buildings) to those above it, so eight suggestions are eight kinds of place.\n\n"
            "OUTPUT: one square per tile with rank, score, z, x, y, size (chip pixels) and a short reason. Correct a "
            "suggested tile completely (delete wrong footprints, reshape, draw the missed ones: every pixel of it is "
            "then known), then run 'Improve the model from reviewed footprints' with the corrected tiles as TILES. "
            "EXCLUDE takes the tiles corrected already, so the next round suggests new ones. METHOD (advanced) ranks by "
            "most predicted buildings, or at random, instead: the benchmark's baselines (docs/benchmarks.md)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.MODEL, "Model file", fileFilter="e84 segment model (*.pt)"))
        add_imagery_and_area(self)
        self.addParameter(QgsProcessingParameterNumber(self.COUNT, "Tiles to suggest", QgsProcessingParameterNumber.Integer,
                                                       8, minValue=1, maxValue=500))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXCLUDE, "Tiles corrected already (left out)", [QgsProcessing.TypeVectorPolygon], optional=True))
        for parameter in (
            QgsProcessingParameterEnum(self.METHOD, "Rank by", options=list(active.METHODS), defaultValue=0),
            QgsProcessingParameterNumber(self.SEED, "Random seed (random ranking)", QgsProcessingParameterNumber.Integer, 0),
            QgsProcessingParameterNumber("MAX_TILES", "Stop above this many tiles", QgsProcessingParameterNumber.Integer,
                                         20000, minValue=1),
            areas.concurrency_parameter(),
        ):
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, "Tiles to correct next", QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.SUGGESTED, "Tiles suggested"))
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATES, "Tiles measured"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, "IMAGERY", context)
        return True

    def processAlgorithm(self, parameters, context, feedback):
        dependencies.require_torch()
        from ..backends.local import modelfile, predict

        model_path = Path(self.parameterAsFile(parameters, self.MODEL, context))
        try:
            predictor = predict.Predictor(model_path, tta=True)
        except modelfile.ModelFileError as error:
            raise QgsProcessingException(tr("MODEL: {}").format(sentence(error)))
        zoom, tile_size = predictor.meta["zoom"], predictor.meta["tile_size"]
        area = areas.area_of_interest(self, parameters, context, self.imagery, feedback=feedback)
        candidates = areas.tiles_in_area(area, zoom, self.parameterAsInt(parameters, "MAX_TILES", context))
        exclude = self.parameterAsSource(parameters, self.EXCLUDE, context)
        left_out = excluded_tiles(exclude, context, candidates) if exclude is not None else set()
        candidates = [t for t in candidates if t not in left_out]
        if not candidates:
            raise QgsProcessingException(
                tr("Every one of the {} tiles of the area is in EXCLUDE (corrected already): choose a larger "
                   "area, or improve the model and predict again").format(len(left_out)))
        feedback.pushInfo(f"Measuring {len(candidates)} tiles at zoom {zoom} ({tile_size} px) with {model_path.name}"
                          + (f"; {len(left_out)} corrected already left out" if left_out else ""))
        measures = self._measure(predictor, candidates, tile_size, parameters, context, feedback)
        if measures is None:
            return {}
        method = active.METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        suggestions = active.rank(measures, self.parameterAsInt(parameters, self.COUNT, context), method,
                                  self.parameterAsInt(parameters, self.SEED, context))
        if not suggestions:
            raise QgsProcessingException(
                tr("None of the {} tiles has imagery over half its area: check that '{}' covers the area of "
                   "interest").format(len(candidates), self.imagery.name))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, tile_fields(), QgsWkbTypes.Polygon,
                                          areas.MERCATOR)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for suggestion in suggestions:
            m = suggestion.measure
            x, y, z = m.tile
            feature = QgsFeature(tile_fields())
            feature.setGeometry(areas.tile_geometry(m.tile))
            feature.setAttributes([suggestion.rank, round(suggestion.score, 4), z, x, y, tile_size, suggestion.reason,
                                   round(m.undecided, 4), round(m.buildings, 4)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.pushInfo(tr("Suggested {} of {} tiles ({}); correct them completely, then 'Improve the model "
                             "from reviewed footprints' with them as TILES")
                          .format(len(suggestions), len(candidates), method))
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.SuggestedTilesStyler.create())
        return {self.OUTPUT: dest, self.SUGGESTED: len(suggestions), self.CANDIDATES: len(candidates)}

    def _measure(self, predictor, candidates, tile_size, parameters, context, feedback):
        """active.TileMeasure of every candidate, BATCH tiles a forward pass; None when cancelled."""
        reader = areas.chip_reader(self.imagery, tile_size, self.parameterAsInt(parameters, areas.CONCURRENCY, context),
                                   candidates[0], feedback)
        if hasattr(reader, "expect"):
            reader.expect([(tiles.mercator_bounds(t), tile_size) for t in candidates])
        measures = []
        with areas.reading(reader, feedback):
            for start in range(0, len(candidates), BATCH):
                if feedback.isCanceled():
                    feedback.pushWarning(tr("Cancelled: no suggestions were written"))
                    return None
                batch = candidates[start:start + BATCH]
                chips = [reader.read(tiles.mercator_bounds(t)) for t in batch]
                flips = predictor.flip_probabilities(np.stack([rgb for rgb, _ in chips]))
                for n, (tile, (rgb, valid)) in enumerate(zip(batch, chips)):
                    measures.append(active.measure(tile, rgb, valid, flips[:, n]))
                feedback.setProgress(100.0 * (start + len(batch)) / len(candidates))
        return measures
