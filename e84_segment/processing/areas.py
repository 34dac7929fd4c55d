"""What the algorithms that read imagery over an area share: layer snapshots, the AOI as one
EPSG:3857 geometry, its tiles, and a chip reader for the imagery."""
import math
from contextlib import contextmanager
from dataclasses import dataclass
from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core import chips, tile_fetch, tiles
from ..i18n import sentence, tr

MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
CONCURRENCY = "CONCURRENCY"


@dataclass
class LayerSnapshot:
    """What a worker thread may use of a project layer: plain data, never the layer itself."""

    name: str
    source: str
    provider: str
    crs: QgsCoordinateReferenceSystem
    extent: QgsRectangle
    renderer: object = None

    @classmethod
    def of(cls, layer, with_renderer: bool = False) -> "LayerSnapshot":
        renderer = layer.renderer().clone() if with_renderer and layer.renderer() else None
        return cls(layer.name(), layer.source(), layer.providerType(), layer.crs(), layer.extent(), renderer)

    def describe(self) -> dict:
        return {
            "name": self.name,
            "provider": self.provider,
            "source": QgsDataSourceUri.removePassword(self.source),
            "crs": self.crs.authid(),
        }


def snapshot_imagery(algorithm, parameters, name, context) -> LayerSnapshot:
    layer = algorithm.parameterAsRasterLayer(parameters, name, context)
    if layer is None or not layer.isValid():
        raise QgsProcessingException(tr("{}: choose a raster layer QGIS can display (GeoTIFF, XYZ, WMS)").format(name))
    extent = layer.extent()
    if layer.providerType() == "gdal" and (not all(math.isfinite(v) for v in bounds(extent)) or extent.isEmpty()):
        # Before any work: a file without georeferencing lies nowhere (it failed late, or as 'no buildings').
        raise QgsProcessingException(tr("{}: '{}' has no usable georeferencing: georeference it (Raster > Georeferencer) "
                                        "or choose imagery that carries its position").format(name, layer.name()))
    return LayerSnapshot.of(layer, with_renderer=True)


def bounds(box: QgsRectangle):
    return (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())


def prepared(geometry: QgsGeometry):
    """A prepared GEOS engine of ``geometry`` (keep ``geometry`` alive while the engine is used)."""
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def tile_geometry(tile: tiles.Tile) -> QgsGeometry:
    """The tile's square in EPSG:3857."""
    return QgsGeometry.fromRect(QgsRectangle(*tiles.mercator_bounds(tile)))


def intersects_tile(engine, tile: tiles.Tile, touching: bool = True) -> bool:
    # Hold the QgsGeometry in a variable: constGet() of a temporary points into freed memory.
    rect = tile_geometry(tile)
    if not engine.intersects(rect.constGet()):
        return False
    return touching or not engine.touches(rect.constGet())


def imagery_extent(imagery: LayerSnapshot, context) -> Optional[QgsRectangle]:
    try:
        transform = QgsCoordinateTransform(imagery.crs, MERCATOR, context.transformContext())
        extent = transform.transformBoundingBox(imagery.extent)
    except Exception:  # extents reaching the poles do not project; skip the check then
        return None
    return extent if extent.isFinite() and not extent.isEmpty() else None


def polygon_part(geometry: Optional[QgsGeometry]) -> Tuple[Optional[QgsGeometry], bool]:
    """The polygon part of a geometry, repaired first if invalid, and whether it was repaired; None
    for an empty or non-polygon geometry (makeValid may return a collection: its polygons are kept)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None, False
    if geometry.type() != QgsWkbTypes.PolygonGeometry and not QgsWkbTypes.isMultiType(geometry.wkbType()):
        return None, False
    repaired = not geometry.isGeosValid()
    if repaired:
        geometry = geometry.makeValid()
    if geometry.type() != QgsWkbTypes.PolygonGeometry:
        parts = [p for p in geometry.asGeometryCollection() if p.type() == QgsWkbTypes.PolygonGeometry]
        geometry = QgsGeometry.collectGeometry(parts) if parts else None
    return geometry, repaired


def union_of_polygons(geometries) -> Tuple[QgsGeometry, int]:
    """One geometry of polygons, invalid ones repaired first (one bad OSM ring must not empty the
    whole area: GEOS refuses to union it); returns it and how many were repaired."""
    parts, repaired = [], 0
    for geometry in geometries:
        polygon, fixed = polygon_part(geometry)
        repaired += fixed
        if polygon is not None:
            parts.append(polygon)
    return (QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()), repaired


def area_of_interest(
    algorithm, parameters, context, imagery: LayerSnapshot, aoi="AOI", aoi_layer="AOI_LAYER", feedback=None
) -> QgsGeometry:
    """The AOI as one EPSG:3857 geometry: the extent, narrowed to AOI_LAYER polygons if given."""
    polygons = None
    source = algorithm.parameterAsSource(parameters, aoi_layer, context)
    if source is not None:
        request = QgsFeatureRequest().setDestinationCrs(MERCATOR, context.transformContext())
        flags = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks
        polygons, repaired = union_of_polygons(f.geometry() for f in source.getFeatures(request, flags) if f.hasGeometry())
        if polygons.isEmpty():
            raise QgsProcessingException(
                tr("{} has no polygons (or none is selected): select some, or untick 'Selected features only'")
                .format(aoi_layer)
            )
        if repaired and feedback is not None:
            feedback.pushInfo(tr("{} invalid polygons of {} were repaired").format(repaired, aoi_layer))
    extent = imagery_extent(imagery, context)
    if parameters.get(aoi) not in (None, ""):
        area = algorithm.parameterAsExtentGeometry(parameters, aoi, context, MERCATOR)
    elif polygons is not None:
        area = QgsGeometry.fromRect(polygons.boundingBox())
    elif extent is not None and imagery.provider == "gdal":
        area = QgsGeometry.fromRect(extent)
    else:
        raise QgsProcessingException(tr("Set {} (an extent) or {}: this imagery covers the whole world")
                                     .format(aoi, aoi_layer))
    if polygons is not None:
        area = area.intersection(polygons)
    if area.isEmpty() or area.area() <= 0:
        raise QgsProcessingException(
            tr("The area of interest is empty: the extent {} and the {} polygons do not overlap; clear {} or "
               "move it onto the polygons").format(aoi, aoi_layer, aoi)
        )
    if extent is not None and not area.intersects(QgsGeometry.fromRect(extent)):
        raise QgsProcessingException(
            tr("The area of interest lies outside the imagery '{}' (imagery {}, AOI {}, EPSG:3857): move the "
               "AOI onto the imagery or choose another imagery layer")
            .format(imagery.name, extent.toString(0), area.boundingBox().toString(0))
        )
    return area


def tiles_in_area(area: QgsGeometry, zoom: int, max_tiles: int) -> List[tiles.Tile]:
    count = tiles.count_tiles(bounds(area.boundingBox()), zoom)
    parts = area.asGeometryCollection() if area.isMultipart() else [area]
    if count > max_tiles and len(parts) > 1:
        # Scattered polygons: count part by part rather than their whole bounding box.
        count = sum(tiles.count_tiles(bounds(p.boundingBox()), zoom) for p in parts)
    if count > max_tiles:
        raise QgsProcessingException(
            tr("The area of interest needs {:,} tiles at zoom {}, above MAX_TILES ({:,}). Choose a smaller AOI "
               "or a lower zoom (zoom {} needs about {:,}), or raise MAX_TILES")
            .format(count, zoom, max_tiles, zoom - 1, math.ceil(count / 4))
        )
    engine = prepared(area)
    found = set()
    for part in parts:
        for tile in tiles.tiles_in_box(bounds(part.boundingBox()), zoom):
            # Touching an edge is not covering: floating-point edges must not add a row of tiles.
            if intersects_tile(engine, tile, touching=False):
                found.add(tile)
    if not found:
        raise QgsProcessingException(tr("No tile covers the area of interest: draw a larger AOI"))
    return sorted(found)


def chip_reader(imagery: LayerSnapshot, tile_size: int, concurrency: int = 0, sample: Optional[tiles.Tile] = None,
                feedback=None):
    """GDAL's windowed reads where GDAL opens the source; an XYZ or WMTS layer's own tiles, ``concurrency`` at a
    time, where they line up with the chips (``sample`` is one of them); QGIS rendering otherwise."""
    if imagery.provider == "gdal":
        try:
            return chips.GdalChipReader(imagery.source, tile_size)
        except (RuntimeError, ValueError) as error:
            raise QgsProcessingException(tr("GDAL cannot read the imagery '{}': {}").format(imagery.name, sentence(error)))
    if concurrency > 0 and sample is not None:
        from . import tile_service

        reader = tile_service.direct_reader(imagery, tile_size, concurrency, feedback)
        if reader is not None and reader.lines_up(tiles.mercator_bounds(sample), tile_size):
            if feedback is not None:
                feedback.pushInfo(tr("Reading the layer's own tiles, {} requests at a time").format(concurrency))
            return reader
        if feedback is not None and reader is not None:
            feedback.pushInfo(tr("The layer's tiles do not line up with the chips at this zoom: QGIS renders "
                                 "each chip"))
    return chips.RenderedChipReader(imagery.source, imagery.provider, tile_size, imagery.renderer)


def concurrency_parameter() -> QgsProcessingParameterNumber:
    """CONCURRENCY, an advanced parameter of the algorithms that read imagery."""
    return QgsProcessingParameterNumber(
        CONCURRENCY, "Tile requests at a time (XYZ layers whose tiles make the chips; 0: QGIS renders each chip)",
        QgsProcessingParameterNumber.Integer, tile_fetch.DEFAULT_CONCURRENCY, minValue=0, maxValue=32,
    )


@contextmanager
def reading(reader, feedback=None):
    """A tile service's refusal as the step's own error, and its fetching ahead stopped however the step
    ends (a cancel, an error); other readers hold nothing to stop. Tiles the service sent that were no
    usable tile are said, with why, as the step ends."""
    try:
        yield reader
    except tile_fetch.FetchError as error:
        raise QgsProcessingException(sentence(error)) from None
    finally:
        if hasattr(reader, "close"):
            reader.close()
        unusable = getattr(reader, "unusable", None)
        if unusable and feedback is not None:
            feedback.pushWarning(tr("{} tiles the service sent could not be used ({}) and were read as no imagery: "
                                    "check the layer in QGIS (a login or quota page?), and run again")
                                 .format(sum(unusable.values()), unusable.describe()))


def add_ogr_feature(sink, geometry, attributes: list) -> None:
    """One feature into ``sink``: an OGR geometry (core's shapes) with its attributes."""
    feature = QgsFeature()
    converted = QgsGeometry()
    converted.fromWkb(bytes(geometry.ExportToWkb()))
    feature.setGeometry(converted)
    feature.setAttributes(attributes)
    sink.addFeature(feature, QgsFeatureSink.FastInsert)


def require_polygons(source, name: str) -> None:
    """Refuses a source of points or lines (given as buildings they compared as nothing, without a word)."""
    from qgis.core import QgsWkbTypes

    kind = QgsWkbTypes.geometryType(source.wkbType())
    empty = kind in (QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry) and source.featureCount() == 0
    if kind != QgsWkbTypes.PolygonGeometry and not empty:  # an empty file has no type: judged by what it holds
        raise QgsProcessingException(
            tr("{} must be building polygons, but '{}' holds {} geometries: choose a polygon layer")
            .format(name, source.sourceName(), QgsWkbTypes.displayString(source.wkbType())))
