"""Stream chips and masks to a dataset: read in order, rasterize and encode on worker threads.

Reading stays on the calling thread (one reader, so QGIS renderers never cross threads; a tile
service reader fetches ahead on its own, a bounded number of requests at a time); masks and JPEG/PNG encoding, the costly part, run on a
small pool. At most a few chips are in flight, so memory does not grow with the AOI.
"""
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import dataset, masks, tiles

MERCATOR_WKT = (
    'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
    'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Mercator_1SP"],'
    'PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],'
    'PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3857"]]'
)


@dataclass
class ExportStats:
    written: int = 0
    skipped_no_imagery: int = 0
    skipped_unlabelled: int = 0  # every pixel IGNORE: nothing to learn (a reviewed outline grazing a tile)
    cancelled: bool = False


def encode_chip(
    rgb: np.ndarray, valid: np.ndarray, labels_wkb: Sequence, bounds: Tuple[float, float, float, float],
    fill: int = masks.BACKGROUND,
) -> Optional[Tuple[bytes, bytes, float]]:
    """JPEG image, PNG mask (255 where the imagery has no data) and the building fraction; None when
    the mask is IGNORE throughout (a batch of such chips has no loss at all: NaN). ``labels_wkb`` as
    masks.rasterize takes them: buildings, or (polygon, class) pairs over ``fill``. Touching buildings
    stay apart by a one-pixel background wall (masks.rasterize's ``walls``)."""
    height, width = valid.shape
    mask = masks.rasterize(labels_wkb, bounds, width, height, MERCATOR_WKT, valid, fill=fill, walls=True)
    if (mask == masks.IGNORE).all():
        return None
    if not valid.all():
        rgb = rgb.copy()
        rgb[~valid] = 0
    return dataset.encode_jpeg(rgb), dataset.encode_mask_png(mask), masks.building_fraction(mask)


def export_chips(
    splits: Dict[tiles.Tile, str],
    read: Callable[[Tuple[float, float, float, float]], Tuple[np.ndarray, np.ndarray]],
    labels_for_tile: Callable[[tiles.Tile], Sequence],
    writer: dataset.DatasetWriter,
    workers: int = 2,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Callable[[], bool] = lambda: False,
    ahead: Optional[Callable[[List[Tuple[Tuple[float, float, float, float], int]]], None]] = None,
    fill: int = masks.BACKGROUND,
) -> ExportStats:
    """``ahead``, where the reader fetches ahead (a tile service), is told every read in order first.
    ``fill`` is what a mask holds where no polygon lies (IGNORE where only reviewed places are known)."""
    stats = ExportStats()
    order = sorted(splits)
    if ahead is not None and order:
        ahead([(tiles.mercator_bounds(tile), None) for tile in order])  # None: the reader's chip size
    pending: deque = deque()

    def collect() -> None:
        tile, future = pending.popleft()
        chip = future.result()
        if chip is None:
            stats.skipped_unlabelled += 1
            return
        writer.add_chip(tile, splits[tile], *chip)
        stats.written += 1

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for done, tile in enumerate(order):
            if cancelled():
                stats.cancelled = True
                break
            bounds = tiles.mercator_bounds(tile)
            rgb, valid = read(bounds)
            if not valid.any():
                stats.skipped_no_imagery += 1
            else:
                pending.append((tile, pool.submit(encode_chip, rgb, valid, labels_for_tile(tile), bounds, fill)))
            while len(pending) > 2 * workers:
                collect()
            if progress:
                progress(100.0 * (done + 1) / len(order))
        while pending:
            if stats.cancelled:
                pending.popleft()[1].cancel()
            else:
                collect()
    return stats
