"""The slippy-map tile grid: which tiles cover an area, which are kept, and how they split.

Pure Python (mercantile): no Qt, no QGIS, so it tests fast and runs anywhere.
"""
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Sequence, Tuple

try:
    import mercantile
except ImportError:  # an installed plugin carries its own copy (see scripts/package.py)
    from .._vendor import mercantile

TRAIN = "train"
VALIDATION = "validation"
SPLIT_RANDOM = "random"
SPLIT_SPATIAL = "spatial"
SPLIT_METHODS = (SPLIT_RANDOM, SPLIT_SPATIAL)

Tile = Tuple[int, int, int]  # (x, y, z), the order mercantile uses

# Rough JPEG + PNG size of one 256 px chip and mask, for the disk estimate.
_BYTES_PER_CHIP_256 = 30_000


@dataclass(frozen=True)
class Estimate:
    tiles: int
    disk_bytes: int


def tiles_in_lonlat_box(west: float, south: float, east: float, north: float, zoom: int) -> List[Tile]:
    """Every tile at ``zoom`` touching the box (degrees), sorted so runs are repeatable."""
    # Clamp to Web Mercator's valid latitudes so polar boxes give tiles, not errors.
    south = max(south, -85.0511)
    north = min(north, 85.0511)
    if west >= east or south >= north:
        return []
    return sorted((t.x, t.y, t.z) for t in mercantile.tiles(west, south, east, north, [zoom]))


def count_tiles_in_lonlat_box(west: float, south: float, east: float, north: float, zoom: int) -> int:
    """The number of tiles ``tiles_in_lonlat_box`` would give, without listing them."""
    south = max(south, -85.0511)
    north = min(north, 85.0511)
    if west >= east or south >= north:
        return 0
    ul = mercantile.tile(west, north, zoom)
    lr = mercantile.tile(east - 1e-12, south + 1e-12, zoom)
    return (lr.x - ul.x + 1) * (lr.y - ul.y + 1)


def estimate(tile_count: int, tile_size: int) -> Estimate:
    return Estimate(tile_count, tile_count * _BYTES_PER_CHIP_256 * (tile_size // 256) ** 2)


def mercator_bounds(tile: Tile) -> Tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) of a tile in EPSG:3857 metres."""
    b = mercantile.xy_bounds(*tile)
    return (b.left, b.bottom, b.right, b.top)


def lonlat_bounds(tile: Tile) -> Tuple[float, float, float, float]:
    b = mercantile.bounds(*tile)
    return (b.west, b.south, b.east, b.north)


def tile_name(tile: Tile) -> str:
    """Base name of a chip, ``{z}-{x}-{y}``."""
    x, y, z = tile
    return f"{z}-{x}-{y}"


def latitude_of_mercator_y(y: float) -> float:
    return mercantile.lnglat(0.0, y).lat


def lonlat_box_of_mercator(bounds: Tuple[float, float, float, float]) -> Tuple[float, float, float, float]:
    """EPSG:3857 (minx, miny, maxx, maxy) -> (west, south, east, north) degrees; exact, the grid is rectangular."""
    minx, miny, maxx, maxy = bounds
    sw = mercantile.lnglat(minx, miny)
    ne = mercantile.lnglat(maxx, maxy)
    return (sw.lng, sw.lat, ne.lng, ne.lat)


def metres_to_mercator(metres: float, latitude: float) -> float:
    """EPSG:3857 units stretch by 1/cos(latitude): a ground distance in map units."""
    return metres / math.cos(math.radians(latitude))


def select_background(
    with_labels: Sequence[Tile], without_labels: Sequence[Tile], ratio: float, seed: int
) -> List[Tile]:
    """Keep every tile with labels and at most ``ratio`` label-free tiles for each of them.

    With no labelled tile at all (negative-only data) every label-free tile is kept.
    """
    if not with_labels:
        return sorted(without_labels)
    keep = min(len(without_labels), int(math.floor(ratio * len(with_labels) + 1e-9)))
    background = random.Random(seed).sample(sorted(without_labels), keep)
    return sorted(list(with_labels) + background)


def split_tiles(
    tiles: Iterable[Tile],
    validation_fraction: float,
    method: str,
    seed: int,
    block_size: int = 4,
) -> Dict[Tile, str]:
    """Assign each tile to ``train`` or ``validation``.

    ``random`` draws tiles one by one. ``spatial`` groups tiles into blocks of ``block_size`` x
    ``block_size`` neighbours and sends whole blocks to one side, so validation measures how the
    model does on ground it never saw rather than on the tile next door.
    """
    if method not in SPLIT_METHODS:
        raise ValueError(f"split method must be one of {', '.join(SPLIT_METHODS)}, not {method!r}")
    if not 0.0 <= validation_fraction < 1.0:
        raise ValueError("validation fraction must be at least 0 and below 1")
    tiles = sorted(tiles)
    rng = random.Random(seed)
    target = int(round(validation_fraction * len(tiles)))
    if method == SPLIT_RANDOM:
        validation = set(rng.sample(tiles, target))
        return {t: VALIDATION if t in validation else TRAIN for t in tiles}

    blocks: Dict[Tuple[int, int], List[Tile]] = defaultdict(list)
    for t in tiles:
        blocks[(t[0] // block_size, t[1] // block_size)].append(t)
    order = sorted(blocks)
    rng.shuffle(order)
    split: Dict[Tile, str] = {}
    taken = 0
    for key in order:
        members = blocks[key]
        # Take a block while it brings validation closer to the target; never all blocks.
        side = TRAIN
        if target and abs(taken + len(members) - target) < abs(taken - target) and taken + len(members) < len(tiles):
            side = VALIDATION
            taken += len(members)
        for t in members:
            split[t] = side
    if target and taken == 0 and len(order) > 1:
        # Every block overshoots the target: the smallest block still gives a validation side.
        smallest = min(order, key=lambda k: (len(blocks[k]), k))
        for t in blocks[smallest]:
            split[t] = VALIDATION
    return split
