"""e84segment:buildtrainingdata: imagery + building polygons -> SageMaker segmentation dataset."""
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import metadata
from ..core import dataset, tiles
from . import areas, chip_dataset, styles
from .chip_dataset import CANCELLED
from .base import E84Algorithm
from ..i18n import sentence, tr

TILE_SIZES = (256, 512)


class BuildTrainingDataAlgorithm(E84Algorithm):
    ID = "buildtrainingdata"
    TITLE = "Build training data"
    GROUP = "trainingdata"
    IMAGERY = "IMAGERY"
    LABELS = "LABELS"
    LABEL_FILTER = "LABEL_FILTER"
    BUFFER = "BUFFER"
    AOI = "AOI"
    AOI_LAYER = "AOI_LAYER"
    ZOOM = "ZOOM"
    TILE_SIZE = "TILE_SIZE"
    BACKGROUND_RATIO = "BACKGROUND_RATIO"
    VALIDATION_FRACTION = "VALIDATION_FRACTION"
    SPLIT_METHOD = "SPLIT_METHOD"
    SPLIT_BLOCK = "SPLIT_BLOCK"
    SEED = "SEED"
    MAX_TILES = "MAX_TILES"
    ALLOW_NO_LABELS = "ALLOW_NO_LABELS"
    EXTRA_ZOOMS = "EXTRA_ZOOMS"
    OUTPUT = "OUTPUT"
    TILES = "TILES"
    NUM_TRAIN = "NUM_TRAIN"
    NUM_VALIDATION = "NUM_VALIDATION"

    def shortHelpString(self):
        return (
            "Cuts the imagery into slippy-map tiles (EPSG:3857) over the area of interest and burns the "
            "building polygons into masks (0 background, 1 building, 255 no imagery), in the layout of "
            "Amazon SageMaker's built-in semantic segmentation algorithm: train/, train_annotation/, "
            "validation/, validation_annotation/, label_map/. tiles.geojson previews the chips by split; "
            "dataset.json records parameters and counts.\n\n"
            "16-bit, float and single-band imagery is stretched to 8-bit RGB with a 2-98 % percentile stretch "
            "measured once over the whole image. BACKGROUND_RATIO keeps at most that many building-free "
            "chips per chip with buildings. SPLIT_METHOD spatial sends whole blocks of SPLIT_BLOCK x "
            "SPLIT_BLOCK tiles to one side. The same inputs and SEED give the same dataset byte for byte.\n\n"
            "EXTRA_ZOOMS (advanced) adds training chips of the same area at other zooms (within 2 levels; by default "
            "one zoom above and one below, -1,+1), so the model sees buildings at several scales: on areas it never "
            "saw, this measurably helps (docs/benchmarks.md). They never cover a validation tile; an extra zoom that "
            "would need more than MAX_TILES tiles is skipped with a warning. Leave it empty for ZOOM alone. The "
            "dataset keeps ZOOM as its zoom (the model predicts at it).\n\n"
            "The output folder must be new or empty; it appears only when the run succeeds."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.IMAGERY, "Imagery (GeoTIFF, XYZ, WMS, ...)"))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LABELS, "Building polygons (e.g. OSM buildings)", [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.LABEL_FILTER, "Label filter expression", parentLayerParameterName=self.LABELS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BUFFER, "Label buffer (metres)", QgsProcessingParameterNumber.Double, 0.0, minValue=0.0
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.AOI, "Area of interest", optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AOI_LAYER,
                "Area of interest polygons (only tiles touching them)",
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.ZOOM, "Zoom level", QgsProcessingParameterNumber.Integer, 19, minValue=1, maxValue=24)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TILE_SIZE, "Chip size in pixels (256 or 512)", QgsProcessingParameterNumber.Integer, 256, minValue=256, maxValue=512
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BACKGROUND_RATIO, "Building-free chips per chip with buildings", QgsProcessingParameterNumber.Double, 1.0, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.VALIDATION_FRACTION, "Validation fraction", QgsProcessingParameterNumber.Double, 0.2, minValue=0.0, maxValue=0.9
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.SPLIT_METHOD, "Split method", options=list(tiles.SPLIT_METHODS), defaultValue=0)
        )
        self.addParameter(QgsProcessingParameterNumber(self.SEED, "Random seed", QgsProcessingParameterNumber.Integer, 42))
        advanced = [
            QgsProcessingParameterNumber(
                self.SPLIT_BLOCK, "Spatial split block (tiles per side)", QgsProcessingParameterNumber.Integer, 4, minValue=1
            ),
            QgsProcessingParameterNumber(
                self.MAX_TILES, "Stop above this many tiles", QgsProcessingParameterNumber.Integer, 20000, minValue=1
            ),
            QgsProcessingParameterBoolean(
                self.ALLOW_NO_LABELS, "Allow an AOI with no building polygons (negative-only data)", False
            ),
            QgsProcessingParameterString(
                self.EXTRA_ZOOMS, "Also chip these zooms for training (-1,+1 relative to Zoom, or 19,21; empty: none)",
                tiles.DEFAULT_EXTRA_ZOOMS, optional=True
            ),

            areas.concurrency_parameter(),
        ]
        for parameter in advanced:
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, "Output dataset folder"))
        self.addOutput(QgsProcessingOutputVectorLayer(self.TILES, "Training tiles"))
        self.addOutput(QgsProcessingOutputNumber(self.NUM_TRAIN, "Training chips"))
        self.addOutput(QgsProcessingOutputNumber(self.NUM_VALIDATION, "Validation chips"))

    # Runs on the main thread: take plain snapshots of the project layers here.
    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, self.IMAGERY, context)
        labels = self.parameterAsVectorLayer(parameters, self.LABELS, context)
        self.labels_info = (
            areas.LayerSnapshot.of(labels).describe()
            if labels is not None
            else {"source": str(parameters.get(self.LABELS))}
        )
        return True

    def processAlgorithm(self, parameters, context, feedback):
        zoom = self.parameterAsInt(parameters, self.ZOOM, context)
        tile_size = self.parameterAsInt(parameters, self.TILE_SIZE, context)
        if tile_size not in TILE_SIZES:
            raise QgsProcessingException(tr("TILE_SIZE must be 256 or 512, not {}").format(tile_size))
        output = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        try:
            dataset.check_output_folder(output)
        except dataset.DatasetError as error:
            raise QgsProcessingException(sentence(error))
        area = areas.area_of_interest(self, parameters, context, self.imagery, feedback=feedback)
        candidates = areas.tiles_in_area(area, zoom, self.parameterAsInt(parameters, self.MAX_TILES, context))
        feedback.pushInfo(
            tr("{} tiles at zoom {} cover the area of interest (about {:.1f} MB at most)")
            .format(len(candidates), zoom, tiles.estimate(len(candidates), tile_size).disk_bytes / 1e6)
        )
        labels = self._collect_labels(parameters, context, feedback, area, candidates, zoom)
        if feedback.isCanceled():
            feedback.pushWarning(CANCELLED)
            return {}

        ratio = self.parameterAsDouble(parameters, self.BACKGROUND_RATIO, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        with_labels = sorted(labels.by_tile)
        without = sorted(set(candidates) - set(with_labels))
        kept = tiles.select_background(with_labels, without, ratio, seed)
        method = tiles.SPLIT_METHODS[self.parameterAsEnum(parameters, self.SPLIT_METHOD, context)]
        block = self.parameterAsInt(parameters, self.SPLIT_BLOCK, context)
        fraction = self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context)
        splits = tiles.split_tiles(kept, fraction, method, seed, block)
        extra_zooms = []
        for extra_zoom in self._extra_zooms(parameters, context, zoom):
            extra = self._extra_zoom_tiles(parameters, context, feedback, area, extra_zoom, splits, labels, ratio, seed)
            if feedback.isCanceled():
                feedback.pushWarning(CANCELLED)
                return {}
            if extra is not None:
                splits.update(extra)
                extra_zooms.append(extra_zoom)
        feedback.pushInfo(
            tr("{} tiles hold buildings; keeping {} of {} building-free tiles (ratio {:g}); {} split, seed {}")
            .format(len(with_labels), len(kept) - len(with_labels), len(without), ratio, method, seed)
        )

        counts = chip_dataset.write_dataset(
            self.imagery, splits, lambda tile: [labels.wkb[i] for i in labels.by_tile.get(tile, ())], output, tile_size,
            self.parameterAsInt(parameters, areas.CONCURRENCY, context), feedback,
            lambda stats, plan: self._metadata(parameters, context, zoom, extra_zooms, tile_size, method, area, plan,
                                               labels, candidates, kept, stats))
        if counts is None:
            return {}
        if fraction > 0 and counts[tiles.VALIDATION] == 0:
            feedback.pushWarning(tr("The validation split is empty: SageMaker needs one; use a larger AOI"))
        feedback.pushInfo(tr("Wrote {} training and {} validation chips to {}")
                          .format(counts[tiles.TRAIN], counts[tiles.VALIDATION], output))

        tiles_path = str(output / dataset.TILES_GEOJSON)
        details = QgsProcessingContext.LayerDetails("Training tiles", context.project(), self.TILES)
        details.setPostProcessor(styles.TilesStyler.create())
        context.addLayerToLoadOnCompletion(tiles_path, details)
        return {
            self.OUTPUT: str(output),
            self.TILES: tiles_path,
            self.NUM_TRAIN: counts[tiles.TRAIN],
            self.NUM_VALIDATION: counts[tiles.VALIDATION],
        }

    def _extra_zooms(self, parameters, context, zoom: int) -> List[int]:
        try:
            return tiles.parse_extra_zooms(self.parameterAsString(parameters, self.EXTRA_ZOOMS, context), zoom)
        except ValueError as error:
            raise QgsProcessingException(tr("EXTRA_ZOOMS: {}").format(sentence(error))) from None

    def _extra_zoom_tiles(self, parameters, context, feedback, area, zoom, splits, labels, ratio, seed):
        """Training chips of the same area at another zoom (buildings at another scale), never over a
        validation tile: validation must stay ground the model never saw. None when cancelled or skipped."""
        validation = [tiles.mercator_bounds(t) for t, split in splits.items() if split == tiles.VALIDATION]
        try:
            covering = areas.tiles_in_area(area, zoom, self.parameterAsInt(parameters, self.MAX_TILES, context))
        except QgsProcessingException as error:
            # Extra chips are a bonus: an area that is fine at ZOOM still builds without them.
            feedback.pushWarning(tr("No training chips at zoom {}: {}").format(zoom, sentence(error)))
            return None
        candidates = [t for t in covering if not any(_overlaps(tiles.mercator_bounds(t), box) for box in validation)]
        self._collect_labels(parameters, context, feedback, area, candidates, zoom, labels)
        if feedback.isCanceled():
            return None
        with_labels = sorted(t for t in candidates if t in labels.by_tile)
        without = sorted(set(candidates) - set(with_labels))
        kept = tiles.select_background(with_labels, without, ratio, seed)
        feedback.pushInfo(tr("Zoom {}: {} more training chips ({} with buildings)")
                          .format(zoom, len(kept), len(with_labels)))
        return {t: tiles.TRAIN for t in kept}

    def _collect_labels(self, parameters, context, feedback, area, candidates, zoom, labels=None) -> "Labels":
        """The label polygons over ``candidates``; with ``labels``, their tiles at another zoom are added to it."""
        source = self.parameterAsSource(parameters, self.LABELS, context)
        if source is None:
            raise QgsProcessingException(tr("LABELS: choose the building polygon layer"))
        kind = QgsWkbTypes.geometryType(source.wkbType())
        if kind in (QgsWkbTypes.PointGeometry, QgsWkbTypes.LineGeometry, QgsWkbTypes.NullGeometry):
            raise QgsProcessingException(
                tr("LABELS must be polygons, but '{}' holds {} geometries: choose the building polygon layer "
                   "(for OSM data, the multipolygons layer)")
                .format(self.labels_info.get("name", 'the layer'), QgsWkbTypes.displayString(source.wkbType()))
            )
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(tr("LABELS has no coordinate reference system: set it in the layer's "
                                            "properties"))
        request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
        request.setFilterRect(area.boundingBox())
        # parameterAsExpression silently drops an invalid expression: read the raw text and check it.
        expression = self.parameterAsString(parameters, self.LABEL_FILTER, context)
        if expression:
            parsed = QgsExpression(expression)
            if parsed.hasParserError():
                raise QgsProcessingException(tr("LABEL_FILTER is not a valid expression: {}")
                                             .format(parsed.parserErrorString()))
            request.setFilterExpression(expression)
            request.setExpressionContext(self.createExpressionContext(parameters, context, source))
        buffer_m = self.parameterAsDouble(parameters, self.BUFFER, context)
        candidate_set = set(candidates)
        extending = labels is not None
        labels = labels if extending else Labels()
        total = source.featureCount() or 1
        # We repair invalid geometries ourselves (and count them) rather than let Processing stop.
        features = source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
        for n, feature in enumerate(features):
            if feedback.isCanceled():
                break
            feedback.setProgress(min(10.0, 10.0 * n / total))
            polygon = labels.polygon_of(feature.geometry())
            if polygon is None:
                continue
            if buffer_m > 0:
                latitude = tiles.latitude_of_mercator_y(polygon.centroid().asPoint().y())
                polygon = polygon.buffer(tiles.metres_to_mercator(buffer_m, latitude), 8)
            engine = areas.prepared(polygon)
            hits = [
                t
                for t in tiles.tiles_in_box(areas.bounds(polygon.boundingBox()), zoom)
                if t in candidate_set and areas.intersects_tile(engine, t)
            ]
            if hits:
                labels.add(polygon, hits)
        if feedback.isCanceled() or extending:
            return labels
        if labels.repaired:
            feedback.pushWarning(tr("Repaired {} invalid label geometries").format(labels.repaired))
        if labels.non_polygon:
            feedback.pushWarning(tr("Skipped {} label features that are not polygons").format(labels.non_polygon))
        allow_empty = self.parameterAsBoolean(parameters, self.ALLOW_NO_LABELS, context)
        if not labels.wkb and not allow_empty:
            where = f" matching {expression!r}" if expression else ""
            raise QgsProcessingException(
                tr("No building polygons{} from LABELS fall inside the area of interest: move the AOI over the "
                   "buildings, check the label filter, or set ALLOW_NO_LABELS to build negative-only data")
                .format(where)
            )
        feedback.pushInfo(tr("{} building polygons inside the area of interest").format(len(labels.wkb)))
        return labels

    def _metadata(self, parameters, context, zoom, extra_zooms, tile_size, method, area, plan, labels, candidates, kept,
                  stats):
        box = area.boundingBox()
        return {
            "created_by": f"e84_segment {metadata.version()} e84segment:buildtrainingdata",
            "crs": areas.MERCATOR.authid(),
            "zoom": zoom,
            "extra_zooms": extra_zooms,
            "tile_size": tile_size,
            "parameters": {
                "label_filter": self.parameterAsString(parameters, self.LABEL_FILTER, context) or None,
                "buffer_m": self.parameterAsDouble(parameters, self.BUFFER, context),
                "aoi_bounds_3857": [round(v, 3) for v in areas.bounds(box)],
                "background_ratio": self.parameterAsDouble(parameters, self.BACKGROUND_RATIO, context),
                "validation_fraction": self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
                "split_method": method,
                "split_block": self.parameterAsInt(parameters, self.SPLIT_BLOCK, context),
                "seed": self.parameterAsInt(parameters, self.SEED, context),
                "allow_no_labels": self.parameterAsBoolean(parameters, self.ALLOW_NO_LABELS, context),
            },
            "sources": {"imagery": self.imagery.describe(), "labels": self.labels_info},
            "imagery_to_rgb": plan.describe() if plan else {"method": "QGIS layer rendering"},
            "labels": {
                "polygons": len(labels.wkb),
                "repaired_geometries": labels.repaired,
                "non_polygon_skipped": labels.non_polygon,
            },
            "tiles": {
                "in_aoi": len(candidates),
                "with_labels": len(labels.by_tile),
                "kept": len(kept),
                "skipped_no_imagery": stats.skipped_no_imagery,
            },
        }


def _overlaps(a, b, tolerance: float = 1e-6) -> bool:
    """Two (minx, miny, maxx, maxy) boxes share area (touching edges do not count)."""
    return a[0] < b[2] - tolerance and a[2] > b[0] + tolerance and a[1] < b[3] - tolerance and a[3] > b[1] + tolerance


class Labels:
    """Label polygons in EPSG:3857 as WKB, and which tiles each touches."""

    def __init__(self):
        self.wkb: List[bytes] = []
        self.by_tile: Dict[tiles.Tile, List[int]] = defaultdict(list)
        self.repaired = 0
        self.non_polygon = 0

    def polygon_of(self, geometry: QgsGeometry) -> Optional[QgsGeometry]:
        """The polygon part of a label, repaired if invalid; None for empty or non-polygon features."""
        polygon, repaired = areas.polygon_part(geometry)
        self.repaired += repaired
        if polygon is None and geometry is not None and not geometry.isNull() and not geometry.isEmpty():
            self.non_polygon += 1
        return polygon

    def add(self, polygon: QgsGeometry, touched: List[tiles.Tile]) -> None:
        index = len(self.wkb)
        self.wkb.append(bytes(polygon.asWkb()))
        for tile in touched:
            self.by_tile[tile].append(index)

