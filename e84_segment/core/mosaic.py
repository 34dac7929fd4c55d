"""Predict buildings over an area and stream the result into GeoTIFFs (EPSG:3857, on the tile grid).

Any predictor with ``probabilities(uint8 N,H,W,3) -> float32 N,H,W`` works: the local PyTorch model
or a SageMaker endpoint. The model is fully convolutional, so it runs on windows of several tiles at
once (about 512 px: fewer seams and less overlap to pay for), each padded by ``overlap`` pixels of
context on every side. Overlapping predictions are blended with weights that fall off linearly
towards the window edge, so tile and window seams do not show. Work goes one row of windows at a
time: memory holds one strip of the AOI's width, never the whole area.
"""
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np

from . import rasters, tiles

CLASS_NODATA = 255
# Windows span about this many pixels (a multiple of the tile size). Measured on a 2-core CPU, the
# network runs fastest per pixel on 512-576 px inputs (2.1-2.3 Mpx/s), slower on 1,088 px (1.2-1.3,
# cache-bound) and on 256 px tiles (1.6).
WINDOW_TARGET = 512
NETWORK_MULTIPLE = 32  # the encoder downsamples 32x: window sides must be multiples of it


@dataclass
class PredictStats:
    tiles: int = 0
    windows: int = 0
    forward_seconds: float = 0.0
    total_seconds: float = 0.0
    building_pixels: int = 0
    area_pixels: int = 0  # inside the area's tiles
    imagery_pixels: int = 0  # of those, where the imagery had pixels (the rest is no data in the outputs)
    cancelled: bool = False

    @property
    def no_imagery_share(self) -> float:
        return 1.0 - self.imagery_pixels / self.area_pixels if self.area_pixels else 1.0


def overlap_for_network(overlap: int) -> int:
    """Round the overlap up so a window side stays a multiple of the network's stride."""
    return int(math.ceil(max(overlap, 0) / (NETWORK_MULTIPLE // 2)) * (NETWORK_MULTIPLE // 2))


def window_block(tile_size: int) -> int:
    """Pixels of whole tiles a window covers per side (about WINDOW_TARGET), before its overlap."""
    return max(1, WINDOW_TARGET // tile_size) * tile_size


def window_side(tile_size: int, overlap: int) -> int:
    """Pixels per side of the windows predict_area sends: whole tiles plus the overlap on each side."""
    return window_block(tile_size) + 2 * overlap_for_network(overlap)


def taper(size: int, overlap: int) -> np.ndarray:
    """Blend weights of a window: linear ramps over the 2 x overlap pixels shared with neighbours."""
    if overlap <= 0:
        return np.ones((size, size), dtype=np.float32)
    distance = np.minimum(np.arange(size) + 0.5, size - np.arange(size) - 0.5)
    ramp = np.minimum(distance / (2 * overlap), 1.0).astype(np.float32)  # > 0: distance starts at 0.5
    return np.outer(ramp, ramp)


def predict_area(
    predictor,
    read: Callable[[Tuple[float, float, float, float], int], Tuple[np.ndarray, np.ndarray]],
    aoi_tiles: Sequence[tiles.Tile],
    tile_size: int,
    overlap: int,
    classes_path: Path,
    probability_path: Path,
    batch_size: int = 2,
    source_model: str = "",
    progress: Callable[[float], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    ahead: Optional[Callable[[List[Tuple[Tuple[float, float, float, float], int]]], None]] = None,
) -> PredictStats:
    """``ahead``, where the reader fetches ahead (a tile service), is told every window in order first."""
    started = time.perf_counter()
    stats = PredictStats(tiles=len(aoi_tiles))
    zoom = aoi_tiles[0][2]
    xs = [t[0] for t in aoi_tiles]
    ys = [t[1] for t in aoi_tiles]
    x0, y0 = min(xs), min(ys)
    nx, ny = max(xs) - x0 + 1, max(ys) - y0 + 1
    inside = np.zeros((ny, nx), dtype=bool)
    for x, y, _ in aoi_tiles:
        inside[y - y0, x - x0] = True
    width, height = nx * tile_size, ny * tile_size
    left, _, right, top = tiles.mercator_bounds((x0, y0, zoom))
    res = (right - left) / tile_size
    geotransform = (left, res, 0.0, top, 0.0, -res)

    block = window_block(tile_size)
    k = block // tile_size  # tiles per window side
    o = overlap_for_network(overlap)
    size = window_side(tile_size, overlap)
    weights = taper(size, o)
    block_rows, block_cols = math.ceil(ny / k), math.ceil(nx / k)
    strip_width = block_cols * block + 2 * o  # whole windows, also where the last one overhangs

    def window(bx: int, by: int) -> Tuple[float, float, float, float]:
        minx = left + (bx * block - o) * res
        maxy = top - (by * block - o) * res
        return (minx, maxy - size * res, minx + size * res, maxy)

    rows = [[bx for bx in range(block_cols) if inside[by * k : (by + 1) * k, bx * k : (bx + 1) * k].any()]
            for by in range(block_rows)]
    if ahead is not None:
        ahead([(window(bx, by), size) for by, jobs in enumerate(rows) for bx in jobs])

    with rasters.AtomicGeoTiffs(
        [(classes_path, "Byte", CLASS_NODATA), (probability_path, "Byte", None)], width, height, geotransform
    ) as outputs:
        for ds in outputs.datasets:
            ds.SetMetadataItem(rasters.MODEL_METADATA_KEY, source_model)
        classes_band, probability_band = outputs.bands
        acc = np.zeros((size, strip_width), dtype=np.float32)
        acc_w = np.zeros((size, strip_width), dtype=np.float32)
        for by, jobs in enumerate(rows):
            for start in range(0, len(jobs), batch_size):
                if cancelled():
                    stats.cancelled = True
                    outputs.abandon()
                    return stats
                batch_cols = jobs[start : start + batch_size]
                images, valids = [], []
                for bx in batch_cols:
                    rgb, valid = read(window(bx, by), size)
                    images.append(rgb)
                    valids.append(valid)
                tick = time.perf_counter()
                probs = predictor.probabilities(np.stack(images))
                stats.forward_seconds += time.perf_counter() - tick
                for bx, prob, valid in zip(batch_cols, probs, valids):
                    w = weights * valid
                    columns = slice(bx * block, bx * block + size)  # strip columns start at mosaic -o
                    acc[:, columns] += prob * w
                    acc_w[:, columns] += w
                stats.windows += len(batch_cols)
                progress(100.0 * (by + (start + len(batch_cols)) / max(len(jobs), 1)) / block_rows)
            # Strip rows [0, block) get nothing from later rows: finish and write them.
            last = by == block_rows - 1
            done = size if last else block
            strip_top = by * block - o
            counts = _write_rows(
                acc[:done], acc_w[:done], strip_top, o, inside, tile_size, height, width, classes_band, probability_band
            )
            stats.building_pixels += counts[0]
            stats.area_pixels += counts[1]
            stats.imagery_pixels += counts[2]
            # The bottom 2 x overlap rows carry over into the next strip.
            acc[: 2 * o] = acc[block:]
            acc_w[: 2 * o] = acc_w[block:]
            acc[2 * o :] = 0
            acc_w[2 * o :] = 0
        stats.total_seconds = time.perf_counter() - started
        if stats.imagery_pixels == 0:
            outputs.abandon()  # nothing could be read: no raster claims to be a prediction of this area
    return stats


def _write_rows(acc, acc_w, strip_top, o, inside, tile_size, height, width, classes_band,
                probability_band) -> Tuple[int, int, int]:
    """Writes finished rows; (building, in-area, with-imagery) pixel counts."""
    top = max(strip_top, 0)
    bottom = min(strip_top + acc.shape[0], height)
    if bottom <= top:
        return 0, 0, 0
    rows = slice(top - strip_top, bottom - strip_top)
    columns = slice(o, o + width)
    weight = acc_w[rows, columns]
    prob = np.divide(acc[rows, columns], weight, out=np.zeros_like(weight), where=weight > 0)
    in_area = inside[np.arange(top, bottom) // tile_size][:, np.arange(width) // tile_size]
    covered = (weight > 0) & in_area
    classes = np.where(covered, (prob >= 0.5).astype(np.uint8), CLASS_NODATA).astype(np.uint8)
    probability = np.where(covered, np.rint(prob * 255), 0).astype(np.uint8)
    classes_band.WriteArray(classes, 0, top)
    probability_band.WriteArray(probability, 0, top)
    return int(np.count_nonzero(classes == 1)), int(np.count_nonzero(in_area)), int(np.count_nonzero(covered))
