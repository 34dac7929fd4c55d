"""Read one chip (RGB pixels + where the imagery has data) for a tile of the EPSG:3857 grid.

Two readers, one contract ``read(bounds) -> (rgb uint8 HxWx3, valid bool HxW)``:

* ``GdalChipReader`` for files GDAL opens: windowed ``ReadRaster`` (pixel-exact when the file
  sits on the tile grid, resampled otherwise), with a percentile stretch for 16-bit or float
  imagery and grey-to-RGB for single bands.
* ``RenderedChipReader`` for everything else QGIS draws (XYZ, WMS, ...): a map render of the
  tile extent; transparent pixels are "no data".

A reader is not thread-safe: make one per worker thread.
"""
import math
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, osr

from . import tiles
from .sentence import said

Bounds = Tuple[float, float, float, float]

# Percentiles of the documented stretch for imagery that is not 8-bit.
STRETCH_PERCENTILES = (2.0, 98.0)
# Stretch statistics come from a decimated read of the whole image at most this many pixels wide.
_STATS_MAX_SIZE = 1024

gdal.UseExceptions()


@dataclass(frozen=True)
class BandPlan:
    """How a GDAL source becomes 8-bit RGB: which bands, and the stretch (None for 8-bit)."""

    bands: Tuple[int, int, int]
    stretch: Optional[Tuple[Tuple[float, float], ...]]  # per output band (low, high)
    palette: Optional[Tuple[Tuple[int, int, int], ...]] = None  # single-band paletted rasters

    def describe(self) -> dict:
        return {
            "bands": list(self.bands),
            "stretch": None
            if self.stretch is None
            else {
                "method": "linear percentile",
                "percentiles": list(STRETCH_PERCENTILES),
                "low_high": [list(map(float, lh)) for lh in self.stretch],
            },
            "palette": self.palette is not None,
        }


def open_in_mercator(path: str) -> gdal.Dataset:
    """Open a raster; sources not already north-up EPSG:3857 are warped through a VRT (no copy)."""
    ds = gdal.Open(path)
    srs = ds.GetSpatialRef()
    if srs is None:
        raise said(ValueError, "{path} has no coordinate reference system: assign one in QGIS first", path=path)
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None or not all(math.isfinite(v) for v in gt) or gt[1] == 0 or gt[5] == 0:
        # A NaN origin crashed the reads; none at all put the image at 0,0 where no building lies.
        raise said(ValueError, "{path} has no usable georeferencing (its geotransform is {geotransform}): georeference it "
                               "(Raster > Georeferencer in QGIS) or choose imagery that carries its position",
                   path=path, geotransform=gt)
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    if srs.IsSame(mercator) and gt[2] == 0 and gt[4] == 0 and gt[5] < 0:
        return ds
    add_alpha = not _has_alpha(ds)
    ds = None  # the VRT opens the file itself: a handle freed under it would crash GDAL
    return gdal.Warp("", path, format="VRT", dstSRS="EPSG:3857", resampleAlg="bilinear", dstAlpha=add_alpha)


def _has_alpha(ds: gdal.Dataset) -> bool:
    return any(
        ds.GetRasterBand(i).GetColorInterpretation() == gdal.GCI_AlphaBand for i in range(1, ds.RasterCount + 1)
    )


def plan_bands(ds: gdal.Dataset) -> BandPlan:
    """Choose RGB bands and, for non-8-bit data, measure the stretch once for the whole image."""
    interp = {ds.GetRasterBand(i).GetColorInterpretation(): i for i in range(1, ds.RasterCount + 1)}
    colour = [b for b in range(1, ds.RasterCount + 1) if ds.GetRasterBand(b).GetColorInterpretation() != gdal.GCI_AlphaBand]
    if all(c in interp for c in (gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand)):
        bands = (interp[gdal.GCI_RedBand], interp[gdal.GCI_GreenBand], interp[gdal.GCI_BlueBand])
    elif len(colour) >= 3:
        bands = (colour[0], colour[1], colour[2])
    else:
        bands = (colour[0],) * 3
    first = ds.GetRasterBand(bands[0])
    table = first.GetColorTable()
    if bands[0] == bands[1] and table is not None:
        palette = tuple(table.GetColorEntry(i)[:3] for i in range(min(table.GetCount(), 256)))
        return BandPlan(bands, None, palette)
    if all(ds.GetRasterBand(b).DataType == gdal.GDT_Byte for b in bands):
        return BandPlan(bands, None)
    return BandPlan(bands, _percentile_stretch(ds, bands))


def _percentile_stretch(ds: gdal.Dataset, bands: Sequence[int]) -> Tuple[Tuple[float, float], ...]:
    scale = max(ds.RasterXSize, ds.RasterYSize) / _STATS_MAX_SIZE
    w = max(1, int(ds.RasterXSize / max(scale, 1)))
    h = max(1, int(ds.RasterYSize / max(scale, 1)))
    valid = _read_valid(ds, bands[0], 0, 0, ds.RasterXSize, ds.RasterYSize, w, h)
    result = []
    for b in bands:
        data = ds.GetRasterBand(b).ReadAsArray(0, 0, ds.RasterXSize, ds.RasterYSize, w, h).astype(np.float64)
        values = data[valid]
        if values.size == 0:
            result.append((0.0, 1.0))
            continue
        low, high = np.percentile(values, STRETCH_PERCENTILES)
        result.append((float(low), float(high) if high > low else float(low) + 1.0))
    return tuple(result)


def _read_valid(ds, band, xoff, yoff, xsize, ysize, w, h) -> np.ndarray:
    """Where the source has data (nodata, alpha or mask band, as GDAL resolves them), nearest-neighbour."""
    mask_band = ds.GetRasterBand(band).GetMaskBand()
    return mask_band.ReadAsArray(xoff, yoff, xsize, ysize, w, h, resample_alg=gdal.GRIORA_NearestNeighbour) > 0


def to_rgb8(arrays: List[np.ndarray], plan: BandPlan) -> np.ndarray:
    """Stack band arrays into uint8 RGB using the plan's palette or stretch."""
    if plan.palette is not None:
        lut = np.zeros((256, 3), dtype=np.uint8)
        lut[: len(plan.palette)] = np.asarray(plan.palette, dtype=np.uint8)
        return lut[arrays[0].astype(np.uint8)]
    if plan.stretch is None:
        return np.dstack(arrays).astype(np.uint8, copy=False)
    out = []
    for data, (low, high) in zip(arrays, plan.stretch):
        scaled = (data.astype(np.float32) - low) * (255.0 / (high - low))
        out.append(np.clip(np.rint(scaled), 0, 255).astype(np.uint8))
    return np.dstack(out)


class GdalChipReader:
    def __init__(self, path: str, tile_size: int):
        self.ds = open_in_mercator(path)
        self.plan = plan_bands(self.ds)
        self.size = tile_size
        gt = self.ds.GetGeoTransform()
        self._origin = (gt[0], gt[3])
        self._res = (gt[1], -gt[5])
        self._unique_bands = sorted(set(self.plan.bands))

    def read(self, bounds: Bounds, size: Optional[int] = None) -> Tuple[np.ndarray, np.ndarray]:
        """RGB and validity of a square window (``size`` pixels, the chip size by default)."""
        minx, miny, maxx, maxy = bounds
        size = size or self.size
        rgb = np.zeros((size, size, 3), dtype=np.uint8)
        valid = np.zeros((size, size), dtype=bool)
        dst_res = (maxx - minx) / size
        ox, oy = self._origin
        rx, ry = self._res
        # The part of the tile the raster covers, in whole output pixels.
        left = max(minx, ox)
        right = min(maxx, ox + self.ds.RasterXSize * rx)
        top = min(maxy, oy)
        bottom = max(miny, oy - self.ds.RasterYSize * ry)
        c0 = int(round((left - minx) / dst_res))
        c1 = int(round((right - minx) / dst_res))
        r0 = int(round((maxy - top) / dst_res))
        r1 = int(round((maxy - bottom) / dst_res))
        if c1 <= c0 or r1 <= r0:
            return rgb, valid
        w, h = c1 - c0, r1 - r0
        # Source window for exactly those output pixels: pixel-exact when the grids agree.
        xoff = (minx + c0 * dst_res - ox) / rx
        yoff = (oy - (maxy - r0 * dst_res)) / ry
        xsize = w * dst_res / rx
        ysize = h * dst_res / ry
        xoff, yoff, xsize, ysize = (_snap(v) for v in (xoff, yoff, xsize, ysize))
        xsize = min(xsize, self.ds.RasterXSize - xoff)
        ysize = min(ysize, self.ds.RasterYSize - yoff)
        resample = gdal.GRIORA_NearestNeighbour if _same_grid(xsize, ysize, w, h) else gdal.GRIORA_Bilinear
        arrays = {}
        for b in self._unique_bands:
            band = self.ds.GetRasterBand(b)
            arrays[b] = band.ReadAsArray(xoff, yoff, xsize, ysize, w, h, resample_alg=resample)
        rgb[r0:r1, c0:c1] = to_rgb8([arrays[b] for b in self.plan.bands], self.plan)
        valid[r0:r1, c0:c1] = _read_valid(self.ds, self.plan.bands[0], xoff, yoff, xsize, ysize, w, h)
        return rgb, valid


def _snap(value: float) -> float:
    """Floating-point noise from CRS maths must not turn an exact window into a resampled one."""
    nearest = round(value)
    return float(nearest) if abs(value - nearest) < 1e-6 else value


def _same_grid(xsize: float, ysize: float, w: int, h: int) -> bool:
    return xsize == w and ysize == h


class RenderedChipReader:
    """Chips through QGIS's renderer, for providers GDAL cannot read directly (XYZ, WMS, ...).

    Built in the worker thread from a snapshot (source, provider, renderer): never a project layer.
    """

    def __init__(self, source: str, provider: str, tile_size: int, renderer=None):
        from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer

        self.layer = QgsRasterLayer(source, "imagery", provider)
        if not self.layer.isValid():
            raise said(
                ValueError, "QGIS could not open the imagery source ({provider}): {source}",
                provider=provider, source=source,
            )
        if renderer is not None:
            self.layer.setRenderer(renderer.clone())
        self.size = tile_size
        self.crs = QgsCoordinateReferenceSystem("EPSG:3857")

    def read(self, bounds: Bounds, size: Optional[int] = None) -> Tuple[np.ndarray, np.ndarray]:
        size = size or self.size
        rgb = np.zeros((size, size, 3), np.uint8)
        valid = np.zeros((size, size), bool)
        west, south, east, north = bounds
        res_x, res_y = (east - west) / size, (north - south) / size
        columns = _pieces(tile_cuts((west + tiles.WORLD / 2) / res_x, size), size)
        rows = _pieces(tile_cuts((tiles.WORLD / 2 - north) / res_y, size), size)
        for top, bottom in rows:
            for left, right in columns:
                box = (west + left * res_x, north - bottom * res_y, west + right * res_x, north - top * res_y)
                window = np.s_[top:bottom, left:right]
                rgb[window], valid[window] = self._render(widened(box), right - left, bottom - top)
        return rgb, valid

    def _render(self, bounds: Bounds, width: int, height: int) -> Tuple[np.ndarray, np.ndarray]:
        from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings, QgsRectangle
        from qgis.PyQt.QtCore import QSize, Qt
        from qgis.PyQt.QtGui import QColor, QImage, QPainter

        settings = QgsMapSettings()
        settings.setLayers([self.layer])
        settings.setDestinationCrs(self.crs)
        settings.setOutputSize(QSize(width, height))
        settings.setExtent(QgsRectangle(*bounds))
        settings.setBackgroundColor(QColor(0, 0, 0, 0))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        painter.end()
        return qimage_to_rgb_valid(image)


# QGIS after 3.40 rounds each service tile's pixel rectangle outwards and then draws it unsmoothed, so a
# tile edge a rounding error past a pixel boundary draws the tile one pixel too big: a row or column
# repeated and half the chip shifted. Windows are drawn in pieces cut at the edges of the slippy tiles of
# their resolution, each widened by a millionth about its centre: every edge of the one tile a piece
# shows then moves into the piece (a ten-thousandth of a pixel, far beyond double rounding).
RENDER_PIECE = 256
WIDEN = 1e-6


def tile_cuts(offset: float, size: int) -> List[int]:
    """Pixel positions inside a window (0 < p < size) where tiles of RENDER_PIECE pixels meet, given the
    window's first pixel counted from the grid's origin; none where the window is off the pixel grid."""
    if abs(offset - round(offset)) > 1e-3:
        return []
    first = -round(offset) % RENDER_PIECE
    return list(range(first or RENDER_PIECE, size, RENDER_PIECE))


def _pieces(cuts: List[int], size: int) -> List[Tuple[int, int]]:
    edges = [0, *cuts, size]
    return list(zip(edges[:-1], edges[1:]))


def widened(bounds: Bounds) -> Bounds:
    west, south, east, north = bounds
    dx, dy = (east - west) * WIDEN / 2, (north - south) * WIDEN / 2
    return west - dx, south - dy, east + dx, north + dy


def qimage_to_rgb_valid(image) -> Tuple[np.ndarray, np.ndarray]:
    """ARGB32 QImage -> (RGB, alpha > 0). Bytes are B, G, R, A on little-endian machines."""
    import sys

    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    h, w = image.height(), image.width()
    raw = np.frombuffer(ptr, dtype=np.uint8).reshape(h, image.bytesPerLine() // 4, 4)[:, :w]
    order = (2, 1, 0, 3) if sys.byteorder == "little" else (1, 2, 3, 0)
    rgb = raw[:, :, list(order[:3])].copy()
    valid = raw[:, :, order[3]] > 0
    rgb[~valid] = 0
    return rgb, valid
