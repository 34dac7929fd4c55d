"""e84segment:trainfromreview: the analyst's corrected tiles and accept / reject / edit decisions on predicted
footprints become training chips, and the model that predicted them is fine-tuned on them."""
from collections import defaultdict
from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)

from .. import dependencies, metadata
from ..core import active, dataset, masks, review, tiles
from . import areas, chip_dataset
from .base import E84Algorithm, plain
from .train_local import TrainLocalAlgorithm, run_training
from ..i18n import sentence, tr


class TrainFromReviewAlgorithm(E84Algorithm):
    ID = "trainfromreview"
    TITLE = "Improve the model from reviewed footprints"
    GROUP = "model"
    IMAGERY = "IMAGERY"
    FOOTPRINTS = "FOOTPRINTS"
    TILES = "TILES"
    REVIEW_FIELD = "REVIEW_FIELD"
    BASE_MODEL = "BASE_MODEL"
    REPLAY = "REPLAY"
    BASE_DATASET = "BASE_DATASET"
    RING = "RING"
    TIME_LIMIT = "TIME_LIMIT"
    EPOCHS = "EPOCHS"
    LEARNING_RATE = "LEARNING_RATE"
    BATCH_SIZE = "BATCH_SIZE"
    SEED = "SEED"
    DATASET = "DATASET"
    OUTPUT = "OUTPUT"
    BUILDINGS = "BUILDINGS"
    REJECTED = "REJECTED"
    UNREVIEWED = "UNREVIEWED"
    CHIPS = "CHIPS"
    CORRECTED = "CORRECTED"
    HISTORY = "HISTORY"

    def shortHelpString(self):
        return (
            "The correction loop. TILES (optional) are tiles the analyst corrected completely, as 'Tiles to correct "
            "next' suggests them: inside each, every FOOTPRINTS feature that is not rejected is building and every other "
            "pixel background (a tile with no footprint left teaches 'no building here'). Deleting wrong footprints, "
            "reshaping and drawing the missed ones in a few suggested tiles teaches far more than accepting outlines: "
            "the missed buildings and the ground between are known there.\n\n"
            "Outside the tiles, FOOTPRINTS are predicted buildings the analyst has reviewed: the REVIEW_FIELD "
            "('review') of each says accepted (the outline is right), edited (redrawn with QGIS's editing tools), "
            "added (a building the model missed, drawn by hand) or rejected (no building there); empty is not "
            "reviewed yet. The dock's Review buttons fill it.\n\n"
            "Each tile (at the model's zoom and chip size) under a reviewed footprint becomes a training chip. "
            "Accepted, edited and added outlines are building, rejected ones background, and a ring of RING metres "
            "round an accepted outline is background too (the outline says where the building ends). Everything "
            "else, unreviewed footprints included, is unknown and teaches nothing. BASE_MODEL, the model that "
            "predicted the footprints, is then fine-tuned on these chips (TIME_LIMIT minutes at LEARNING_RATE) into "
            "OUTPUT (the last epoch), which records its lineage. DATASET keeps the chips (SageMaker's layout) for later runs.\n\n"
            "REPLAY (on by default) has the base model keep learning its own training chips alongside the review: "
            "BASE_DATASET, or the folder its model file records, and whatever that folder replayed in turn (earlier "
            "review rounds). A review is mostly rejections at first (the least confident footprints are the "
            "model's mistakes), and learned alone it can teach the model to see no building at all.\n\n"
            "A few minutes of review on the area at hand can do more than hours of training on other areas, but "
            "the scores training reports are measured on the reviewed chips themselves: check the new model with "
            "'Check a model on an area' on an area left out of the review."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.IMAGERY, "Imagery the footprints were predicted on"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.FOOTPRINTS, "Reviewed footprints",
                                                              [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TILES, "Tiles corrected completely (optional)", [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.REVIEW_FIELD, "Review field (accepted / edited / added / rejected)",
                                                      review.FIELD, parentLayerParameterName=self.FOOTPRINTS,
                                                      type=QgsProcessingParameterField.String, optional=True))
        self.addParameter(QgsProcessingParameterFile(self.BASE_MODEL, "Model to improve (the one that predicted them)",
                                                     fileFilter="e84 segment model (*.pt)"))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIME_LIMIT, "Time limit (minutes)", QgsProcessingParameterNumber.Double, 3.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLAY, "Keep learning the base model's own chips alongside the review", True))
        advanced = [
            QgsProcessingParameterNumber(self.EPOCHS, "Epochs (0: as many as fit in the time limit)",
                                         QgsProcessingParameterNumber.Integer, 0, minValue=0),
            QgsProcessingParameterNumber(self.RING, "Background ring round accepted outlines (metres)",
                                         QgsProcessingParameterNumber.Double, review.RING_M, minValue=0.0, maxValue=5.0),
            QgsProcessingParameterFile(self.BASE_DATASET, "Base model's training data (empty: the folder it records)",
                                       QgsProcessingParameterFile.Folder, optional=True),
            QgsProcessingParameterNumber(self.LEARNING_RATE, "Learning rate", QgsProcessingParameterNumber.Double, 3e-4,
                                         minValue=1e-6, maxValue=1.0),
            QgsProcessingParameterNumber(self.BATCH_SIZE, "Batch size", QgsProcessingParameterNumber.Integer, 8,
                                         minValue=1, maxValue=256),
            QgsProcessingParameterNumber(self.SEED, "Random seed", QgsProcessingParameterNumber.Integer, 0),
            areas.concurrency_parameter(),
        ]
        for parameter in advanced:
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFolderDestination(self.DATASET, "Training chips from the review",
                                                                  createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Improved model file", "e84 segment model (*.pt)"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDINGS, "Buildings confirmed (accepted, edited, added)"))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, "Footprints rejected"))
        self.addOutput(QgsProcessingOutputNumber(self.UNREVIEWED, "Footprints not reviewed (ignored)"))
        self.addOutput(QgsProcessingOutputNumber(self.CHIPS, "Training chips"))
        self.addOutput(QgsProcessingOutputNumber(self.CORRECTED, "Tiles corrected"))
        self.addOutput(QgsProcessingOutputString(self.HISTORY, "Scores per epoch on the reviewed chips (JSON)"))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Refuses a footprints or tiles layer with unsaved edits, before any work: the task would not read
        what the analyst sees."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        for name in (self.FOOTPRINTS, self.TILES):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is not None and layer.isEditable() and layer.isModified():
                return False, (f"{name}: '{layer.name()}' has unsaved edits. Save them (Layer > Save Layer Edits, or "
                               "the dock's Tile done), then run this again: the correction is read from the saved layer")
        return True, ""

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, self.IMAGERY, context)
        return True

    def processAlgorithm(self, parameters, context, feedback):
        dependencies.require_torch()
        from ..backends.local import modelfile, train

        base = Path(self.parameterAsFile(parameters, self.BASE_MODEL, context))
        try:
            base_meta = modelfile.read(base)["meta"]
        except modelfile.ModelFileError as error:
            raise QgsProcessingException(tr("BASE_MODEL: {}").format(sentence(error)))
        zoom, tile_size = base_meta["zoom"], base_meta["tile_size"]
        output_dataset = Path(self.parameterAsString(parameters, self.DATASET, context))
        try:
            dataset.check_output_folder(output_dataset)
        except dataset.DatasetError as error:
            raise QgsProcessingException(sentence(error))

        corrected = self._read_tiles(parameters, context, feedback, zoom, tile_size)
        footprints, summary = self._read_review(parameters, context, feedback, zoom, bool(corrected))
        if feedback.isCanceled():
            feedback.pushWarning(chip_dataset.CANCELLED)
            return {}
        by_tile = defaultdict(list)
        for footprint, touched in footprints:
            for tile in touched:
                by_tile[tile].append(footprint)
        # Only tiles under a decision or corrected: a tile of unreviewed footprints alone would be IGNORE throughout.
        splits = {tile: tiles.TRAIN for tile, found in by_tile.items() if any(f.decision for f in found)}
        splits.update((tile, tiles.TRAIN) for tile in corrected)
        in_corrected = sum(1 for t in corrected for f in by_tile.get(t, ()) if f.decision != review.REJECTED)
        if corrected and footprints and not any(by_tile.get(t) for t in corrected):
            feedback.pushWarning(
                tr("None of the {} footprints lies in the {} corrected tiles: each is taught as 'no building "
                   "here'. If they hold buildings, choose the footprints layer you corrected")
                .format(len(footprints), len(corrected)))
        feedback.pushInfo(tr("Review: {}; {} tiles corrected completely ({} building outlines in them). {} "
                             "tiles at zoom {} teach")
                          .format(review.describe(summary), len(corrected), in_corrected, len(splits), zoom))

        def labels_for(tile):
            if tile in corrected:
                return review.corrected_tile(bytes(areas.tile_geometry(tile).asWkb()), by_tile.get(tile, ()))
            return review.burn_order(by_tile[tile])

        replay = self._replay(parameters, context, feedback, base_meta) if self.parameterAsBoolean(
            parameters, self.REPLAY, context) else ()

        def describe(stats, plan):
            return {
                "created_by": f"e84_segment {metadata.version()} e84segment:trainfromreview",
                "crs": areas.MERCATOR.authid(),
                "zoom": zoom,
                "extra_zooms": [],
                "tile_size": tile_size,
                "review": dict(summary, ring_m=self.parameterAsDouble(parameters, self.RING, context),
                               corrected_tiles=[tiles.tile_name(t) for t in sorted(corrected)],
                               skipped_unlabelled=stats.skipped_unlabelled, replayed=[str(f) for f in replay]),
                "sources": {"imagery": self.imagery.describe(), "base_model": str(base)},
                "imagery_to_rgb": plan.describe() if plan else {"method": "QGIS layer rendering"},
            }

        counts = chip_dataset.write_dataset(
            self.imagery, splits, labels_for, output_dataset, tile_size,
            self.parameterAsInt(parameters, areas.CONCURRENCY, context), feedback, describe, fill=masks.IGNORE,
            progress_from=0.0)
        if counts is None:
            return {}
        feedback.pushInfo(tr("Wrote {} training chips to {}; fine-tuning {}")
                          .format(counts[tiles.TRAIN], output_dataset, base.name))
        options = train.TrainOptions(
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            time_limit_min=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            base_model=str(base),
            keep="last",  # scores on the reviewed chips themselves choose no model: the last epoch is kept
            replay=tuple(str(folder) for folder in replay),
        )
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        trained = run_training(output_dataset, output, options, feedback)
        if not trained:
            return {self.DATASET: str(output_dataset)}
        feedback.pushInfo(
            tr("The scores above are on the reviewed chips themselves: check the new model on an area left out "
               "of the review ('Check a model on an area') before relying on it"))
        return {
            self.OUTPUT: str(output),
            self.DATASET: str(output_dataset),
            self.BUILDINGS: sum(summary[d] for d in review.BUILDING_DECISIONS),
            self.REJECTED: summary[review.REJECTED],
            self.UNREVIEWED: summary["to review"],
            self.CHIPS: counts[tiles.TRAIN],
            self.CORRECTED: len(corrected),
            self.HISTORY: trained[TrainLocalAlgorithm.HISTORY],
        }

    def _replay(self, parameters, context, feedback, base_meta: dict) -> tuple:
        """The datasets whose chips are learned alongside the review: BASE_DATASET, else the one the base model
        records, and the datasets that one replayed in turn (an earlier review round's, and so on)."""
        from ..backends.local import data

        given = self.parameterAsFile(parameters, self.BASE_DATASET, context)
        recorded = (base_meta.get("dataset") or {}).get("path")
        folder = Path(given or recorded or "")
        try:
            meta = data.check_dataset(folder) if (given or recorded) else None
        except data.DatasetFolderError as error:
            if given:
                raise QgsProcessingException(tr("BASE_DATASET: {}").format(sentence(error)))
            meta = None
        if meta is None:
            feedback.pushWarning(
                tr("The base model's training chips ({}) are not on this machine: the review alone teaches it, "
                   "and a review of mostly rejections can teach it to see no building at all. Give BASE_DATASET "
                   "(the folder it learned from), or untick REPLAY to learn the review alone")
                .format(recorded or 'not recorded'))
            return ()
        chain = [folder] + [Path(f) for f in (meta.get("review") or {}).get("replayed", []) if Path(f).is_dir()]
        feedback.pushInfo(tr("Replaying the chips of {} alongside the review")
                          .format(', '.join(str(f) for f in chain)))
        return tuple(chain)

    def _read_tiles(self, parameters, context, feedback, zoom: int, tile_size: int) -> set:
        """The corrected tiles of TILES at the model's grid: a feature's z, x, y fields where it has them (as
        suggesttiles writes them), else the one tile its outline is. Refuses another zoom or chip size, an
        outline that is no tile, and tiles wholly off the imagery."""
        source = self.parameterAsSource(parameters, self.TILES, context)
        if source is None:
            return set()
        names = source.fields().names()
        by_fields = all(n in names for n in ("z", "x", "y"))
        request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
        found = set()
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
            if by_fields and all(plain(feature[n]) not in (None, "") for n in ("z", "x", "y")):
                tile = (int(feature["x"]), int(feature["y"]), int(feature["z"]))
                if tile[2] != zoom:
                    raise QgsProcessingException(
                        tr("TILES: tile {} is at zoom {}, but the model works at zoom {}: suggest tiles with "
                           "this model ('Tiles to correct next'), or choose the model they were suggested for")
                        .format(tiles.tile_name(tile), tile[2], zoom))
                size = plain(feature["size"]) if "size" in names else None
                if size not in (None, "") and int(size) != tile_size:
                    raise QgsProcessingException(
                        tr("TILES: tile {} was suggested for {} px chips, but the model reads {} px: suggest "
                           "tiles with this model, or choose the model they were suggested for")
                        .format(tiles.tile_name(tile), int(size), tile_size))
            elif feature.hasGeometry():
                box = feature.geometry().boundingBox()
                tile = active.tile_of_box(areas.bounds(box), tiles.tiles_in_box(areas.bounds(box), zoom), tiles.mercator_bounds)
                if tile is None:
                    side = tiles.mercator_bounds(tiles.tiles_in_box(areas.bounds(box), zoom)[0])
                    raise QgsProcessingException(
                        tr("TILES: feature {} ({:.0f} x {:.0f} map units) is not one tile of zoom {} ({:.0f} "
                           "units across): give the tiles 'Tiles to correct next' suggested, or polygons that "
                           "are exactly one tile of the model's zoom")
                        .format(feature.id(), box.width(), box.height(), zoom, side[2] - side[0]))
            else:
                continue
            found.add(tile)
        if not found:
            return set()
        extent = areas.imagery_extent(self.imagery, context)
        if extent is not None:
            off = {t for t in found if not QgsRectangle(*tiles.mercator_bounds(t)).intersects(extent)}
            if off == found:
                raise QgsProcessingException(
                    tr("TILES: none of the {} tiles overlaps the imagery '{}': choose the imagery the tiles "
                       "were corrected on, or the tiles of this area")
                    .format(len(found), self.imagery.name))
            if off:
                feedback.pushWarning(tr("{} of the {} tiles lie off the imagery and are left out")
                                     .format(len(off), len(found)))
                found -= off
        return found

    def _read_review(self, parameters, context, feedback, zoom: int, tiles_given: bool = False):
        """[(review.Reviewed, tiles it touches)] in EPSG:3857 and the review's counts; refuses a layer
        with nothing decided and no corrected tile, or with values that are no decision (a typo must not
        teach silently)."""
        source = self.parameterAsSource(parameters, self.FOOTPRINTS, context)
        if source is None:
            raise QgsProcessingException(tr("FOOTPRINTS: choose the reviewed footprint layer"))
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
            raise QgsProcessingException(
                tr("FOOTPRINTS must be polygons, not {}: choose the footprints layer of a prediction")
                .format(QgsWkbTypes.displayString(source.wkbType())))
        field = self.parameterAsString(parameters, self.REVIEW_FIELD, context) or review.FIELD
        index = source.fields().lookupField(field)
        if index < 0 and not tiles_given:
            raise QgsProcessingException(
                tr("FOOTPRINTS has no field '{}': review the footprints first (the dock's Accept and Reject "
                   "buttons add it), or choose the field that holds {}")
                .format(field, ', '.join(review.DECISIONS)))
        request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
        features = list(source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks))
        unknown = review.unknown_values(f.attributes()[index] for f in features) if index >= 0 else []
        if unknown:
            raise QgsProcessingException(
                tr("The field '{}' holds {}, which is no decision: use {}, or leave it empty for footprints not "
                   "reviewed")
                .format(field, ', '.join(repr(v) for v in unknown[:5]), ', '.join(review.DECISIONS)))
        ring_m = self.parameterAsDouble(parameters, self.RING, context)
        found, decisions, repaired = [], [], 0
        for feature in features:
            if feedback.isCanceled():
                break
            decision = review.decision_of(feature.attributes()[index]) if index >= 0 else None
            polygon, fixed = areas.polygon_part(feature.geometry())
            repaired += fixed
            if polygon is None:
                continue
            decisions.append(decision)
            grown = None
            if ring_m > 0 and decision != review.REJECTED:
                latitude = tiles.latitude_of_mercator_y(polygon.centroid().asPoint().y())
                grown = bytes(polygon.buffer(tiles.metres_to_mercator(ring_m, latitude), 4).asWkb())
            engine = areas.prepared(polygon)
            touched = [t for t in tiles.tiles_in_box(areas.bounds(polygon.boundingBox()), zoom)
                       if areas.intersects_tile(engine, t, touching=False)]
            found.append((review.Reviewed(bytes(polygon.asWkb()), decision, grown), touched))
        if feedback.isCanceled():
            return [], {}
        if repaired:
            feedback.pushWarning(tr("Repaired {} invalid footprint geometries").format(repaired))
        summary = review.progress(decisions)
        if not tiles_given and not any(summary[d] for d in review.DECISIONS):
            raise QgsProcessingException(
                tr("None of the {} footprints has a decision in '{}' (or none is selected): accept, edit or "
                   "reject some first (the dock's Review group), then run this again")
                .format(len(decisions), field))
        if not tiles_given and not any(summary[d] for d in review.BUILDING_DECISIONS):
            feedback.pushWarning(tr("Every decision is a rejection: the model learns only where buildings are "
                                    "not"))
        return found, summary
