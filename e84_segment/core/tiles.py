"""The slippy-map tile grid: which tiles cover an area, which are kept, and how they split.

Pure Python (mercantile): no Qt, no QGIS, so it tests fast and runs anywhere.
"""
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Sequence, Tuple

from .sentence import said

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


# Half the width of the Web Mercator world, in metres.
_ORIGIN = 20037508.342789244
WORLD = 2 * _ORIGIN  # the whole width (and height) of the EPSG:3857 tile grid
# Edges within this fraction of a tile of a tile boundary count as on it: CRS round trips and
# extents rounded for display (QGIS's extent widget keeps 4 decimals) must not add a row of
# tiles that the AOI only grazes. 1e-4 of a tile is 4 mm at zoom 20.
_EDGE_TOLERANCE = 1e-4


def _index_range(low: float, high: float, zoom: int) -> Tuple[int, int]:
    span = 2 * _ORIGIN / 2**zoom
    first = math.floor(low / span + _EDGE_TOLERANCE)
    last = math.ceil(high / span - _EDGE_TOLERANCE) - 1
    return max(first, 0), min(last, 2**zoom - 1)


def tile_ranges(bounds: Tuple[float, float, float, float], zoom: int) -> Tuple[range, range]:
    """Column and row ranges of the tiles covering an EPSG:3857 box (minx, miny, maxx, maxy)."""
    minx, miny, maxx, maxy = bounds
    x0, x1 = _index_range(minx + _ORIGIN, maxx + _ORIGIN, zoom)
    y0, y1 = _index_range(_ORIGIN - maxy, _ORIGIN - miny, zoom)  # rows count down from the north
    return range(x0, x1 + 1), range(y0, y1 + 1)


def count_tiles(bounds: Tuple[float, float, float, float], zoom: int) -> int:
    """How many tiles ``tiles_in_box`` gives, without listing them (a world AOI at z20 is 10^12)."""
    xs, ys = tile_ranges(bounds, zoom)
    return len(xs) * len(ys)


def tiles_in_box(bounds: Tuple[float, float, float, float], zoom: int) -> List[Tile]:
    """Every tile at ``zoom`` covering an EPSG:3857 box, sorted so runs are repeatable."""
    xs, ys = tile_ranges(bounds, zoom)
    return [(x, y, zoom) for x in xs for y in ys]


# Training chips one zoom above and below the dataset's: buildings at several scales (measured on
# left-out areas in docs/benchmarks.md). Signed numbers are relative to the zoom, bare ones absolute.
DEFAULT_EXTRA_ZOOMS = "-1,+1"
MAX_EXTRA_ZOOM_DISTANCE = 2


def parse_extra_zooms(text: str, zoom: int) -> List[int]:
    """The extra zooms of ``text`` ('-1,+1' relative to ``zoom``, '19,21' absolute, '' none), sorted,
    without ``zoom`` itself. ValueError says what is wrong."""
    zooms = set()
    for part in (p.strip() for p in (text or "").replace(";", ",").split(",")):
        if not part:
            continue
        try:
            value = int(part)
        except ValueError:
            raise said(
                ValueError, "give zoom levels separated by commas, relative such as -1,+1 or absolute such as 19,21, not {text!r}",
                text=text,
            ) from None
        zooms.add(zoom + value if part[0] in "+-" else value)
    wrong = [z for z in sorted(zooms) if not 1 <= z <= 24 or abs(z - zoom) > MAX_EXTRA_ZOOM_DISTANCE]
    if wrong:
        raise said(
            ValueError, "{zooms} is not within {levels} levels of zoom {zoom} (1-24): buildings would look too different to "
                        "help",
            zooms=", ".join(map(str, wrong)), levels=MAX_EXTRA_ZOOM_DISTANCE, zoom=zoom,
        )
    return sorted(zooms - {zoom})


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


def metres_to_mercator(metres: float, latitude: float) -> float:
    """EPSG:3857 units stretch by 1/cos(latitude): a ground distance in map units."""
    return metres / math.cos(math.radians(latitude))


def zoom_for_resolution(metres_per_pixel: float, latitude: float, tile_size: int = 256) -> int:
    """The zoom whose tile pixels are closest to ``metres_per_pixel`` on the ground at ``latitude``."""
    at_zoom_0 = 2 * _ORIGIN / tile_size * math.cos(math.radians(latitude))
    return max(0, round(math.log2(at_zoom_0 / metres_per_pixel)))


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
        raise said(
            ValueError, "split method must be one of {methods}, not {method!r}",
            methods=", ".join(SPLIT_METHODS), method=method,
        )
    if not 0.0 <= validation_fraction < 1.0:
        raise said(ValueError, "validation fraction must be at least 0 and below 1")
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
