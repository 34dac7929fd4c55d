"""Where the buildings are and where OSM is behind: a grid of square or hexagonal cells (a ground
size in metres) over an area, each building of a comparison counted in the one cell that holds its
centre, so the cells add up to the comparison's totals exactly.

Pure OGR + math, EPSG:3857 coordinates; ``scale`` is EPSG:3857 metres per ground metre at the area.
"""
import math
from dataclasses import dataclass, field
from typing import Dict, Optional, Sequence, Tuple

from osgeo import ogr

from . import compare

SQUARE, HEXAGON = "square", "hexagon"
SHAPES = (SQUARE, HEXAGON)


@dataclass
class Cell:
    geometry: ogr.Geometry
    predicted: int = 0
    osm: int = 0
    matched: int = 0
    predicted_only: int = 0
    osm_only: int = 0
    built_up_m2: float = 0.0
    area_m2: float = 0.0

    @property
    def completeness(self) -> Optional[float]:
        """Matched / predicted: the share of the buildings the model sees that OSM has; None with none seen."""
        return self.matched / self.predicted if self.predicted else None


@dataclass
class Grid:
    shape: str
    size: float  # EPSG:3857 units per cell side (square) or per hexagon edge
    origin: Tuple[float, float]
    cells: Dict[Tuple[int, int], Cell] = field(default_factory=dict)

    def key_of(self, x: float, y: float) -> Tuple[int, int]:
        if self.shape == SQUARE:
            return (math.floor((x - self.origin[0]) / self.size), math.floor((y - self.origin[1]) / self.size))
        return _hex_round((x - self.origin[0]) / self.size, (y - self.origin[1]) / self.size)

    def cell(self, key: Tuple[int, int], scale: float) -> Cell:
        found = self.cells.get(key)
        if found is None:
            found = Cell(self._polygon(key))
            found.area_m2 = found.geometry.GetArea() / scale**2
            self.cells[key] = found
        return found

    def _polygon(self, key: Tuple[int, int]) -> ogr.Geometry:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        if self.shape == SQUARE:
            x0, y0 = self.origin[0] + key[0] * self.size, self.origin[1] + key[1] * self.size
            corners = [(x0, y0), (x0 + self.size, y0), (x0 + self.size, y0 + self.size), (x0, y0 + self.size)]
        else:  # pointy-top hexagons in axial coordinates (q, r)
            q, r = key
            cx = self.origin[0] + self.size * math.sqrt(3) * (q + r / 2)
            cy = self.origin[1] + self.size * 1.5 * r
            corners = [(cx + self.size * math.cos(math.radians(60 * i - 30)),
                        cy + self.size * math.sin(math.radians(60 * i - 30))) for i in range(6)]
        for x, y in corners + corners[:1]:
            ring.AddPoint_2D(x, y)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        return polygon


def _hex_round(fx: float, fy: float) -> Tuple[int, int]:
    """The axial (q, r) of the pointy-top hexagon of edge 1 holding the point (fx, fy)."""
    q = (math.sqrt(3) / 3 * fx - fy / 3)
    r = 2 / 3 * fy
    x, z = q, r
    y = -x - z
    rx, ry, rz = round(x), round(y), round(z)
    dx, dy, dz = abs(rx - x), abs(ry - y), abs(rz - z)
    if dx > dy and dx > dz:
        rx = -ry - rz
    elif dy <= dz:
        rz = -rx - ry
    return int(rx), int(rz)


def tally(result: compare.Comparison, predicted: Sequence[ogr.Geometry], reference: Sequence[ogr.Geometry],
          bounds: Tuple[float, float, float, float], cell_m: float, scale: float, shape: str = SQUARE,
          area: Optional[ogr.Geometry] = None) -> Grid:
    """Counts the comparison's buildings per cell; cells cover ``bounds`` (inside ``area`` if given),
    including the empty ones, so the map shows where nothing was seen too."""
    if shape not in SHAPES:
        raise ValueError(f"shape: {', '.join(SHAPES)}")
    size = cell_m * scale if shape == SQUARE else cell_m * scale / math.sqrt(3)  # hexagons: cell_m across the flats
    grid = Grid(shape, size, (bounds[0], bounds[1]))
    _cover(grid, bounds, scale, area)

    def place(geometry: ogr.Geometry) -> Cell:
        point = geometry.PointOnSurface() if geometry.IsValid() else geometry.Centroid()
        return grid.cell(grid.key_of(point.GetX(), point.GetY()), scale)

    for match in result.matches:
        cell = place(predicted[match.predicted])
        cell.predicted += 1
        cell.matched += 1
        cell.built_up_m2 += predicted[match.predicted].GetArea() / scale**2
        place(reference[match.reference]).osm += 1
    for index in result.predicted_only:
        cell = place(predicted[index])
        cell.predicted += 1
        cell.predicted_only += 1
        cell.built_up_m2 += predicted[index].GetArea() / scale**2
    for index in result.reference_only:
        cell = place(reference[index])
        cell.osm += 1
        cell.osm_only += 1
    return grid


def _cover(grid: Grid, bounds, scale: float, area: Optional[ogr.Geometry]) -> None:
    """Makes every cell holding a point of the bounds (sampled every half cell) that reaches the area."""
    minx, miny, maxx, maxy = bounds
    step = grid.size / 2
    x = minx + step / 2
    while x < maxx:
        y = miny + step / 2
        while y < maxy:
            key = grid.key_of(x, y)
            if key not in grid.cells:
                cell = grid.cell(key, scale)
                if area is not None and not cell.geometry.Intersects(area):
                    del grid.cells[key]
            y += step
        x += step

