"""Chips and prediction windows made of a tile service's own tiles, fetched many at a time.

The same contract as the readers of ``chips``: ``read(bounds, size) -> (rgb, valid)``. A window on the
pixel grid of one of the service's zoom levels is cut from the tiles that cover it, which is what
QGIS's renderer draws there; windows are announced in order (``expect``) so their tiles arrive
ahead, fetched in a background thread while the caller encodes chips or runs the model.
"""
import math
import queue
import threading
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import tile_check, tile_fetch, tiles
from .sentence import said

Bounds = Tuple[float, float, float, float]
Decoded = Optional[Tuple[np.ndarray, np.ndarray]]  # (rgb HxWx3, valid HxW), None: not an image
_DONE = object()


def pixel_grid(bounds: Bounds, size: int, tile_size: int) -> Optional[Tuple[int, int, int]]:
    """(zoom, column, row) of the window's top-left pixel at the zoom whose pixels it uses, or None
    where the window is not on any zoom's pixel grid (it then needs resampling: rendering does it)."""
    minx, _, maxx, maxy = bounds
    zoom_f = math.log2(tiles.WORLD * size / ((maxx - minx) * tile_size))
    zoom = round(zoom_f)
    if abs(zoom_f - zoom) > 1e-6 or zoom < 0:
        return None
    res = tiles.WORLD / (tile_size << zoom)
    col = (minx + tiles.WORLD / 2) / res
    row = (tiles.WORLD / 2 - maxy) / res
    if abs(col - round(col)) > 1e-3 or abs(row - round(row)) > 1e-3:
        return None
    return zoom, int(round(col)), int(round(row))


class TileServiceReader:
    """``service``: an ``xyz.XyzService`` or a ``wmts.WmtsService`` (url, has_zoom, tile_size)."""

    def __init__(self, service, tile_size: int, fetcher: tile_fetch.TileFetcher,
                 decode: Callable[[bytes], Decoded], ahead_tiles: int = 64):
        self.service = service
        self.size = tile_size
        self.fetcher = fetcher
        self.decode = decode
        self._ahead = max(ahead_tiles, fetcher.policy.concurrency)
        self._plan: List[List[tiles.Tile]] = []
        self._last_use: Dict[tiles.Tile, int] = {}
        self._reads = 0
        self._have: Dict[tiles.Tile, Decoded] = {}
        self._queue: Optional[queue.Queue] = None
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.unusable = tile_check.Tally()  # answers that were no usable tile: read as no imagery

    def lines_up(self, bounds: Bounds, size: Optional[int] = None) -> bool:
        grid = pixel_grid(bounds, size or self.size, self.service.tile_size)
        return grid is not None and self.service.has_zoom(grid[0])

    def tiles_of(self, bounds: Bounds, size: Optional[int] = None) -> List[tiles.Tile]:
        """The service tiles under a window, row by row."""
        size = size or self.size
        grid = pixel_grid(bounds, size, self.service.tile_size)
        if grid is None or not self.service.has_zoom(grid[0]):
            raise said(ValueError, "This window is not on the tile service's grid: read it through QGIS's renderer")
        zoom, col, row = grid
        t = self.service.tile_size
        last = (1 << zoom) - 1
        return [(x, y, zoom)
                for y in range(max(row // t, 0), min((row + size - 1) // t, last) + 1)
                for x in range(max(col // t, 0), min((col + size - 1) // t, last) + 1)]

    def expect(self, windows: Sequence[Tuple[Bounds, int]]) -> None:
        """The windows that will be read, in that order: their tiles are fetched ahead."""
        self.close()
        self._plan = [self.tiles_of(b, s) for b, s in windows]
        self._last_use = {tile: i for i, needed in enumerate(self._plan) for tile in needed}
        self._reads = 0
        self._stop.clear()
        self._queue = queue.Queue(maxsize=self._ahead)
        order = tile_fetch.unique((tile, self.service.url(tile)) for needed in self._plan for tile in needed)
        self._thread = threading.Thread(target=self._produce, args=(order,), name="tile-ahead", daemon=True)
        self._thread.start()

    def read(self, bounds: Bounds, size: Optional[int] = None) -> Tuple[np.ndarray, np.ndarray]:
        size = size or self.size
        needed = self.tiles_of(bounds, size)
        planned = self._queue is not None and self._reads < len(self._plan) and self._plan[self._reads] == needed
        for tile in needed:
            while tile not in self._have:
                if planned:
                    self._take()
                else:
                    self._have[tile] = self._decode(self.fetcher.fetch(self.service.url(tile)))
        rgb, valid = self._compose(bounds, size, needed)
        if planned:
            for tile in needed:
                if self._last_use.get(tile, -1) <= self._reads:
                    self._have.pop(tile, None)
            self._reads += 1
        else:  # off the plan: keep only what a later planned window still needs
            for tile in needed:
                if self._last_use.get(tile, -1) < self._reads:
                    self._have.pop(tile, None)
        return rgb, valid

    def close(self) -> None:
        """Stops fetching ahead (a cancelled run); the reader can still read on demand."""
        self._stop.set()
        if self._thread is not None:
            while self._thread.is_alive():
                try:  # unblock a producer waiting for room
                    self._queue.get_nowait()
                except queue.Empty:
                    self._thread.join(0.05)
        self._thread = None
        self._queue = None
        self._have.clear()

    def _produce(self, order) -> None:
        try:
            # Tiles are decoded here, not on the reading thread, which encodes chips or runs the model.
            for tile, data in self.fetcher.fetch_in_order(order):
                if self._stop.is_set():
                    return
                self._put((tile, self._decode(data)))
        except BaseException as error:  # handed to the reading thread, which raises it
            self._put(error)
        finally:
            self._put(_DONE)

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _take(self) -> None:
        item = self._queue.get()
        if item is _DONE:
            raise RuntimeError("The tile fetch ended before every announced window was read")
        if isinstance(item, BaseException):
            raise item
        tile, decoded = item
        self._have[tile] = decoded

    def _decode(self, data: Optional[bytes]) -> Decoded:
        """None for no tile, or an answer that is no usable tile (counted in ``unusable``): both read as
        no imagery, as QGIS draws them. A service whose every tile has another size is set up wrongly:
        that stops the step."""
        if data is None:
            return None
        problem = tile_check.problem(data, self.service.tile_size)
        if problem is not None and problem != tile_check.WRONG_SIZE:
            self.unusable[problem] += 1
            return None
        decoded = self.decode(data)
        if decoded is not None and decoded[0].shape[:2] != (self.service.tile_size, self.service.tile_size):
            raise said(
                ValueError, "The tile service sends tiles of {width} x {height} px, not {tile_size}: set the layer's tile "
                            "resolution in its connection settings",
                width=decoded[0].shape[1], height=decoded[0].shape[0], tile_size=self.service.tile_size,
            )
        return decoded

    def _compose(self, bounds: Bounds, size: int, needed: List[tiles.Tile]) -> Tuple[np.ndarray, np.ndarray]:
        _, col, row = pixel_grid(bounds, size, self.service.tile_size)
        t = self.service.tile_size
        rgb = np.zeros((size, size, 3), dtype=np.uint8)
        valid = np.zeros((size, size), dtype=bool)
        for tile in needed:
            decoded = self._have[tile]
            x, y, _ = tile
            if decoded is None:
                continue
            # The tile's part inside the window, in window and in tile pixels.
            left, top = x * t - col, y * t - row
            c0, r0 = max(left, 0), max(top, 0)
            c1, r1 = min(left + t, size), min(top + t, size)
            rgb[r0:r1, c0:c1] = decoded[0][r0 - top:r1 - top, c0 - left:c1 - left]
            valid[r0:r1, c0:c1] = decoded[1][r0 - top:r1 - top, c0 - left:c1 - left]
        return rgb, valid
