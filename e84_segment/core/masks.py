"""Polygons -> annotation masks: 0 background, 1 building, 255 where the imagery has no data."""
from typing import Iterable, Optional, Tuple, Union

import numpy as np

try:
    from osgeo import gdal, ogr, osr
except ImportError:  # SageMaker's PyTorch containers have no GDAL: training needs only the values below
    gdal = ogr = osr = None
else:
    gdal.UseExceptions()
    ogr.UseExceptions()

BACKGROUND = 0
BUILDING = 1
IGNORE = 255


def rasterize(
    polygons_wkb: Iterable[Union[bytes, Tuple[bytes, int]]],
    bounds: Tuple[float, float, float, float],
    width: int,
    height: int,
    srs_wkt: str,
    valid: Optional[np.ndarray] = None,
    burn: int = BUILDING,
    fill: int = BACKGROUND,
    walls: bool = False,
) -> np.ndarray:
    """Burn polygons (WKB, in the grid's CRS) into a ``height`` x ``width`` uint8 grid of ``fill``.

    GDAL's default rule (pixel centre inside the polygon), the same rule SpaceNet's reference masks
    use. A polygon given as ``(wkb, value)`` burns its own value; where polygons overlap, the later
    one wins. Pixels where ``valid`` is False become ``IGNORE``. With ``walls``, where two building
    polygons touch or overlap, the pixels along their shared edge become background: a one-pixel line
    that keeps touching roofs apart in the mask, so that training sees where one building ends and the
    next begins (the union alone says nothing of it).
    """
    minx, miny, maxx, maxy = bounds
    # With walls, each polygon burns its own number first (Int32), then numbers become values.
    raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32 if walls else gdal.GDT_Byte)
    raster.SetGeoTransform((minx, (maxx - minx) / width, 0.0, maxy, 0.0, -(maxy - miny) / height))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(srs_wkt)
    raster.SetSpatialRef(srs)
    if fill and not walls:
        raster.GetRasterBand(1).Fill(fill)
    # The datasource must outlive the layer while GDAL reads it (see docs/qgis-notes on segfaults).
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("labels", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    definition = layer.GetLayerDefn()
    values = [fill]
    for item in polygons_wkb:
        wkb, value = item if isinstance(item, tuple) else (item, burn)
        feature = ogr.Feature(definition)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        feature.SetField("value", len(values) if walls else int(value))
        layer.CreateFeature(feature)
        values.append(int(value))
    if len(values) > 1:
        # Features burn in their order, so a later polygon overwrites an earlier one.
        gdal.RasterizeLayer(raster, [1], layer, options=["ATTRIBUTE=value"])
    mask = raster.GetRasterBand(1).ReadAsArray()
    del layer, source, raster
    if walls:
        mask = _with_walls(mask, np.asarray(values, dtype=np.uint8))
    if valid is not None:
        mask[~valid] = IGNORE
    return mask


def _with_walls(numbers: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Polygon numbers (0 none) -> mask values, with background where a building pixel's right or lower
    neighbour belongs to another building polygon (a line on one side only), then where a diagonal
    neighbour still does: no 8-connected path crosses the wall, and a straight edge loses one pixel."""
    mask = values[numbers]
    height, width = numbers.shape
    for shifts in (((0, 1), (1, 0)), ((1, 1), (1, -1))):
        building = mask == BUILDING
        wall = np.zeros_like(building)
        for dy, dx in shifts:
            here = (slice(0, height - dy), slice(max(-dx, 0), width - max(dx, 0)))
            there = (slice(dy, height), slice(max(dx, 0), width - max(-dx, 0)))
            wall[here] |= building[here] & building[there] & (numbers[here] != numbers[there])
        mask[wall] = BACKGROUND
    return mask


def building_fraction(mask: np.ndarray) -> float:
    """Share of building pixels among the pixels the imagery covers."""
    covered = np.count_nonzero(mask != IGNORE)
    return float(np.count_nonzero(mask == BUILDING)) / covered if covered else 0.0
