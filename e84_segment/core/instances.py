"""One footprint per building: split blobs of touching buildings at the valleys of the probability.

Markers are the buildings' cores (high probability, shrunk so that thin bridges between roofs break),
and each core grows into the building pixels around it, the most probable pixels first (a watershed
by levels). A blob with one core stays whole; a blob with two cores splits where they meet. Pixels no
core reaches keep their own component. numpy and GDAL only: QGIS ships neither scipy nor scikit-image
everywhere.
"""
from typing import Tuple

import numpy as np

try:
    from osgeo import gdal, ogr
except ImportError:  # SageMaker's PyTorch containers have no GDAL: components are labelled with numpy there
    gdal = ogr = None
else:
    gdal.UseExceptions()
    ogr.UseExceptions()

_SHIFTS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def label_components(mask: np.ndarray) -> Tuple[np.ndarray, int]:
    """8-connected components of a boolean mask, numbered 1..n (0 outside), with GDAL's polygonizer:
    each component's pixel-exact outline burnt back with its number."""
    if gdal is None:
        return label_components_numpy(mask)
    height, width = mask.shape
    driver = gdal.GetDriverByName("MEM")
    binary = driver.Create("", width, height, 1, gdal.GDT_Byte)
    binary.SetGeoTransform((0, 1, 0, 0, 0, -1))
    binary.GetRasterBand(1).WriteArray(mask.astype(np.uint8))
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("parts", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    band = binary.GetRasterBand(1)
    gdal.Polygonize(band, band, layer, 0, ["8CONNECTED=8"])
    count = 0
    for feature in layer:
        count += 1
        feature.SetField("id", count)
        layer.SetFeature(feature)
    labels = driver.Create("", width, height, 1, gdal.GDT_Int32)
    labels.SetGeoTransform((0, 1, 0, 0, 0, -1))
    if count:
        # Pixel coordinates with no CRS on either side: GDAL warns that it cannot build a transformer.
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            gdal.RasterizeLayer(labels, [1], layer, options=["ATTRIBUTE=id"])
        finally:
            gdal.PopErrorHandler()
    out = labels.GetRasterBand(1).ReadAsArray()
    del layer, source
    return out, count


def label_components_numpy(mask: np.ndarray) -> Tuple[np.ndarray, int]:
    """label_components without GDAL: every pixel takes the smallest pixel number among its eight
    neighbours and jumps to what that pixel holds, until nothing changes (a few dozen passes)."""
    height, width = mask.shape
    mask = mask.astype(bool)
    outside = np.iinfo(np.int64).max
    labels = np.where(mask, np.arange(mask.size, dtype=np.int64).reshape(mask.shape), outside)
    while True:
        padded = np.pad(labels, 1, constant_values=outside)
        smallest = labels.copy()
        for dy in range(3):
            for dx in range(3):
                np.minimum(smallest, padded[dy : dy + height, dx : dx + width], out=smallest)
        smallest[~mask] = outside
        flat = smallest.ravel()
        inside = flat != outside
        flat[inside] = flat[flat[inside]]  # pointer jumping: a label's pixel is in the same component
        if np.array_equal(smallest, labels):
            break
        labels = smallest
    roots, numbered = np.unique(labels[mask], return_inverse=True)
    out = np.zeros(mask.shape, np.int32)
    out[mask] = numbered.ravel() + 1
    return out, len(roots)


def _shift(array: np.ndarray, dy: int, dx: int) -> np.ndarray:
    out = np.zeros_like(array)
    h, w = array.shape
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = array[max(-dy, 0):h + min(-dy, 0), max(-dx, 0):w + min(-dx, 0)]
    return out


def _erode(mask: np.ndarray, steps: int) -> np.ndarray:
    for _ in range(steps):
        kept = mask.copy()
        for dy, dx in _SHIFTS:
            kept &= _shift(mask, dy, dx)
        mask = kept
    return mask


def separate(buildings: np.ndarray, probability: np.ndarray, core_level: int = 230, erode_px: int = 2,
             min_core_px: int = 20, levels: Tuple[int, ...] = (200, 160, 128, 0)) -> np.ndarray:
    """Instance labels (int32, 0 background) of a building mask, from the building probability (0-255)."""
    buildings = buildings.astype(bool)
    cores = _erode(buildings & (probability >= core_level), erode_px)
    labels, count = label_components(cores)
    if count:
        sizes = np.bincount(labels.ravel(), minlength=count + 1)
        small = sizes < min_core_px
        small[0] = False
        labels[small[labels]] = 0
    for level in levels:
        allowed = buildings & (probability >= level)
        while True:
            grown = False
            for dy, dx in _SHIFTS:
                neighbour = _shift(labels, dy, dx)
                take = (labels == 0) & allowed & (neighbour > 0)
                if take.any():
                    labels[take] = neighbour[take]
                    grown = True
            if not grown:
                break
    rest = buildings & (labels == 0)
    if rest.any():
        extra, _ = label_components(rest)
        labels[extra > 0] = extra[extra > 0] + labels.max()
    return labels.astype(np.int32)
