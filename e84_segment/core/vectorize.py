"""Class raster -> building footprints: polygonize (touching buildings separated by the probability),
drop specks, simplify, regular outlines (core.regularize), confidence.

The whole prediction mosaic is polygonized at once, so buildings cut by tile edges come out whole.
"""
import math
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Union

import numpy as np
from osgeo import gdal, ogr, osr

from . import instances, masks, regularize, tiles
from .sentence import said

gdal.UseExceptions()
ogr.UseExceptions()

# Touching buildings: cores shrink by this much so bridges between roofs break, and smaller cores are
# no building of their own (ground units, so any zoom behaves alike).
SEPARATE_ERODE_M = 0.3
SEPARATE_MIN_CORE_M2 = 1.0


@dataclass
class Footprint:
    wkb: bytes  # EPSG:3857
    area_m2: float
    confidence: Optional[float]


class Cancelled(Exception):
    pass


def ground_scale(y: float) -> float:
    """EPSG:3857 metres per ground metre at northing ``y`` (1/cos(latitude))."""
    return tiles.metres_to_mercator(1.0, tiles.latitude_of_mercator_y(y))


def footprints(
    classes_path: Union[str, gdal.Dataset],
    probability_path: Union[str, gdal.Dataset, None] = None,
    min_area_m2: float = 0.0,
    simplify_m: float = 0.0,
    square: bool = False,
    separate: bool = False,
    building_value: int = masks.BUILDING,
    progress: Callable[[float], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Footprint]:
    """The footprints of the building pixels. Either raster may come open: a caller in a worker thread
    opens them on the main thread first, since GDAL 3.6 crashed when QGIS opened the same file there
    at the same moment (the dock loads a prediction's layers as polygonize starts)."""
    classes = _opened(classes_path)
    srs = classes.GetSpatialRef()
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    if srs is None or not srs.IsSame(mercator):
        raise said(
            ValueError, "{raster} is not in EPSG:3857: use the class raster that 'Predict buildings' wrote",
            raster=classes.GetDescription(),
        )
    gt = classes.GetGeoTransform()
    buildings = (classes.GetRasterBand(1).ReadAsArray() == building_value).astype(np.uint8)
    memory = gdal.GetDriverByName("MEM")
    mask_ds = memory.Create("", classes.RasterXSize, classes.RasterYSize, 1, gdal.GDT_Byte)
    mask_ds.SetGeoTransform(gt)
    mask_ds.SetSpatialRef(mercator)
    mask_ds.GetRasterBand(1).WriteArray(buildings)
    values_ds = mask_ds
    if separate:
        if not probability_path:
            raise said(ValueError, "Separating touching buildings needs the probability raster of the prediction")
        pixel_m = gt[1] / ground_scale(gt[3] + gt[5] * classes.RasterYSize / 2)
        probability_ds = _opened(probability_path)  # held: a band outliving its dataset crashes GDAL
        labels = instances.separate(
            buildings, probability_ds.GetRasterBand(1).ReadAsArray(),
            erode_px=max(1, round(SEPARATE_ERODE_M / pixel_m)), min_core_px=max(4, round(SEPARATE_MIN_CORE_M2 / pixel_m**2)),
        )
        # Each building polygonizes from its own label; touching ones share an edge.
        values_ds = memory.Create("", classes.RasterXSize, classes.RasterYSize, 1, gdal.GDT_Int32)
        values_ds.SetGeoTransform(gt)
        values_ds.SetSpatialRef(mercator)
        values_ds.GetRasterBand(1).WriteArray(labels)
        del labels, probability_ds
    del buildings
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("buildings", mercator, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))

    def callback(fraction, message, data):
        progress(80.0 * fraction)
        return 0 if cancelled() else 1

    try:
        gdal.Polygonize(values_ds.GetRasterBand(1), mask_ds.GetRasterBand(1), layer, 0, ["8CONNECTED=8"], callback=callback)
    except RuntimeError as error:
        if cancelled():
            raise Cancelled() from error
        raise
    probability = _opened(probability_path) if probability_path else None
    count = layer.GetFeatureCount() or 1
    for n, feature in enumerate(layer):
        if cancelled():
            raise Cancelled()
        progress(80.0 + 20.0 * n / count)
        geometry = feature.GetGeometryRef().Clone()
        scale = ground_scale(geometry.Centroid().GetY())
        if geometry.GetArea() / scale**2 < min_area_m2:
            continue
        confidence = _mean_probability(probability, gt, geometry) if probability else None
        if simplify_m > 0:
            geometry = geometry.SimplifyPreserveTopology(simplify_m * scale)
        if square:
            geometry = regularize.regularize(geometry, scale)
        if geometry is None or geometry.IsEmpty():
            continue
        yield Footprint(bytes(geometry.ExportToWkb()), geometry.GetArea() / scale**2, confidence)


def _opened(raster: Union[str, gdal.Dataset]) -> gdal.Dataset:
    return raster if isinstance(raster, gdal.Dataset) else gdal.Open(str(raster))


def _mean_probability(probability: gdal.Dataset, gt, geometry: ogr.Geometry) -> float:
    """Mean building probability (0-1) of the pixels inside a footprint."""
    values = values_inside(probability, gt, geometry).astype(np.float64)
    return float(values.mean() / 255.0) if values.size else 0.0


def values_inside(probability: gdal.Dataset, gt, geometry: ogr.Geometry) -> np.ndarray:
    """The first band's pixels inside a polygon (EPSG:3857, the raster's CRS); empty where it misses."""
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    col0 = max(int(math.floor((minx - gt[0]) / gt[1])), 0)
    row0 = max(int(math.floor((maxy - gt[3]) / gt[5])), 0)
    col1 = min(int(math.ceil((maxx - gt[0]) / gt[1])), probability.RasterXSize)
    row1 = min(int(math.ceil((miny - gt[3]) / gt[5])), probability.RasterYSize)
    if col1 <= col0 or row1 <= row0:
        return np.zeros(0, dtype=np.uint8)
    window = probability.GetRasterBand(1).ReadAsArray(col0, row0, col1 - col0, row1 - row0)
    bounds = (gt[0] + col0 * gt[1], gt[3] + row1 * gt[5], gt[0] + col1 * gt[1], gt[3] + row0 * gt[5])
    inside = masks.rasterize([bytes(geometry.ExportToWkb())], bounds, col1 - col0, row1 - row0, probability.GetProjection())
    return window[inside == masks.BUILDING]

