"""Regular building outlines from traced pixel outlines: right angles (and 45-degree diagonals) along
each building's own main direction, circles for round buildings, as ArcGIS's Regularize Building
Footprint and fAIr do.

Each edge of the simplified outline snaps to the building's main direction or across it, or to a
diagonal when it lies near 45 degrees to them; consecutive edges of one direction merge into one side
through their length-weighted middle, sides shorter than a metre (pixel steps) are dropped, and the
corners are where neighbouring sides meet. A circle of the same area is tried too, and the closer of
the two is kept. An outline that would move too far from the traced one (IoU below ``min_iou``) is
kept as traced, so a shape no regular outline fits keeps its own. Pure OGR and numpy: no Qt, no
project; shapely and the buildingregulariser package (numpy >= 2) cannot be installed into QGIS's
Python without breaking GDAL.
"""
import math
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from osgeo import gdal, ogr

from .compare import polygon_iou

ogr.UseExceptions()

RIGHT_TOLERANCE = 37.5  # degrees from the main direction (or across it) that snap to it; the rest go diagonal
MIN_SIDE_M = 1.0  # shorter sides are steps or jags of the traced outline
ROUND_TOLERANCE = 0.12  # largest relative spread of the outline's distance from the centre of a circle
MIN_IOU = 0.75
SIMPLIFY_M = 0.5  # drop the pixel staircase before reading edge directions
_PARALLEL = math.sin(math.radians(10.0))  # sides nearer parallel than this meet through a step


def main_direction(points: np.ndarray) -> float:
    """The outline's main direction in radians, modulo 90 degrees: the length-weighted mean of its edge
    directions on the circle where directions 90 degrees apart coincide (angles times four)."""
    edges = np.roll(points, -1, axis=0) - points
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    angles = np.arctan2(edges[:, 1], edges[:, 0])
    return 0.25 * math.atan2(float(np.sum(lengths * np.sin(4 * angles))), float(np.sum(lengths * np.cos(4 * angles))))


def _snapped(angle: float, theta: float, diagonals: bool) -> float:
    """The direction an edge takes (radians, modulo 180 degrees): along or across the main direction,
    or with ``diagonals`` at 45 degrees to it when the edge is nearer that than RIGHT_TOLERANCE allows."""
    relative = math.degrees(angle - theta) % 180.0
    right = round(relative / 90.0) * 90.0
    if diagonals and abs(relative - right) > RIGHT_TOLERANCE:
        return (theta + math.radians(45.0 + math.floor(relative / 90.0) * 90.0)) % math.pi
    return (theta + math.radians(right)) % math.pi


@dataclass
class _Side:
    angle: float  # radians, modulo 180 degrees
    length: float
    anchor: np.ndarray  # length-weighted middle of its edges: the side's line passes through it
    start: np.ndarray  # the traced corner where it begins

    @property
    def direction(self) -> np.ndarray:
        return np.array([math.cos(self.angle), math.sin(self.angle)])

    def merged(self, other: "_Side") -> "_Side":
        length = self.length + other.length
        return _Side(self.angle, length, (self.anchor * self.length + other.anchor * other.length) / length, self.start)


def _parallel(a: _Side, b: _Side) -> bool:
    return abs(math.sin(a.angle - b.angle)) < 1e-6


def _sides(points: np.ndarray, theta: float, diagonals: bool) -> List[_Side]:
    """Runs of consecutive edges that snap to one direction, each one side."""
    sides: List[_Side] = []
    for start, end in zip(points, np.roll(points, -1, axis=0)):
        edge = end - start
        length = float(np.hypot(*edge))
        if length == 0:
            continue
        side = _Side(_snapped(math.atan2(edge[1], edge[0]), theta, diagonals), length, start + edge / 2, start)
        sides.append(sides.pop().merged(side) if sides and _parallel(sides[-1], side) else side)
    if len(sides) > 1 and _parallel(sides[0], sides[-1]):
        sides[0] = sides.pop().merged(sides[0])
    return sides


def _drop_short(sides: List[_Side], min_side: float) -> List[_Side]:
    """Drops sides shorter than ``min_side`` (pixel steps and jags), the shortest first: the two sides
    around a dropped one merge when parallel, else meet at a corner."""
    while len(sides) > 3:
        index = min(range(len(sides)), key=lambda i: sides[i].length)
        if sides[index].length >= min_side:
            break
        before, after = sides[index - 1], sides[(index + 1) % len(sides)]
        if _parallel(before, after):
            if len(sides) <= 4:
                break
            around = ((index - 1) % len(sides), (index + 1) % len(sides))
            merged = before.merged(after)
            sides = [merged if i == around[0] else side for i, side in enumerate(sides) if i not in (index, around[1])]
        else:
            sides = sides[:index] + sides[index + 1:]
    return sides


def regular_ring(points: np.ndarray, theta: float, diagonals: bool = True, min_side: float = 0.0,
                 max_shift: float = float("inf")) -> Optional[np.ndarray]:
    """Corners of the regularised ring (open, in the order given) or None when fewer than three sides
    remain. Sides shorter than ``min_side`` are dropped; ``max_shift`` bounds how far a corner may move
    from the traced corner it replaces."""
    sides = _drop_short(_sides(points, theta, diagonals), min_side)
    if len(sides) < 3:
        return None
    corners = []
    for j, first in enumerate(sides):
        second = sides[(j + 1) % len(sides)]
        d1, d2 = first.direction, second.direction
        cross = d1[0] * d2[1] - d1[1] * d2[0]
        if abs(cross) >= _PARALLEL:
            offset = second.anchor - first.anchor
            corner = first.anchor + (offset[0] * d2[1] - offset[1] * d2[0]) / cross * d1
            if np.hypot(*(corner - second.start)) <= max_shift:
                corners.append(corner)
                continue
        # Parallel sides (a step in the wall) or a corner thrown far away: join them square through the
        # traced corner.
        corners.append(first.anchor + np.dot(second.start - first.anchor, d1) * d1)
        corners.append(second.anchor + np.dot(second.start - second.anchor, d2) * d2)
    return np.array(corners)


def _ring_geometry(points: np.ndarray) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in points:
        ring.AddPoint_2D(float(x), float(y))
    ring.AddPoint_2D(float(points[0][0]), float(points[0][1]))
    return ring


def _points(ring: ogr.Geometry) -> np.ndarray:
    points = np.array([p[:2] for p in ring.GetPoints() or []], dtype=np.float64)
    if len(points) > 1 and np.array_equal(points[0], points[-1]):
        points = points[:-1]
    return points


def _circle(polygon: ogr.Geometry, simplified: ogr.Geometry) -> Optional[ogr.Geometry]:
    """The circle of the polygon's area around its centroid, when every corner of the simplified
    outline lies within ROUND_TOLERANCE of that radius (a rectangle's corners lie 25 % or more out)."""
    points = _points(simplified.GetGeometryRef(0))
    if len(points) < 6:
        return None
    centre = polygon.Centroid()
    radius = math.sqrt(polygon.GetArea() / math.pi)
    distances = np.hypot(points[:, 0] - centre.GetX(), points[:, 1] - centre.GetY())
    if np.max(np.abs(distances / radius - 1.0)) > ROUND_TOLERANCE:
        return None
    return centre.Buffer(radius, 8)


def regularize_polygon(polygon: ogr.Geometry, metre: float = 1.0, diagonals: bool = True,
                       min_iou: float = MIN_IOU) -> ogr.Geometry:
    """A regular outline for one polygon (``metre``: CRS units per ground metre), or the polygon itself
    when no regular outline stays within ``min_iou`` of it."""
    simplified = polygon.SimplifyPreserveTopology(SIMPLIFY_M * metre)
    if simplified is None or simplified.IsEmpty() or simplified.GetGeometryType() != ogr.wkbPolygon:
        return polygon
    outer = _points(simplified.GetGeometryRef(0))
    if len(outer) < 3:
        return polygon
    candidates = [_circle(polygon, simplified), _rectilinear(simplified, outer, metre, diagonals)]
    scored = [(polygon_iou(c, polygon), -n, c) for n, c in enumerate(candidates) if c is not None]
    best = max(scored, key=lambda s: s[:2], default=None)
    return best[2] if best is not None and best[0] >= min_iou else polygon


def _rectilinear(simplified: ogr.Geometry, outer: np.ndarray, metre: float, diagonals: bool) -> Optional[ogr.Geometry]:
    """Every ring of the simplified polygon squared to the outer ring's main direction."""
    theta = main_direction(outer)
    result = ogr.Geometry(ogr.wkbPolygon)
    for index in range(simplified.GetGeometryCount()):
        points = _points(simplified.GetGeometryRef(index))
        ring = regular_ring(points, theta, diagonals, MIN_SIDE_M * metre, 2.0 * metre) if len(points) >= 3 else None
        if ring is None:
            if index == 0:
                return None
            continue  # a courtyard too small to keep its own shape
        result.AddGeometry(_ring_geometry(ring))
    return _valid(result)


def _valid(polygon: ogr.Geometry) -> Optional[ogr.Geometry]:
    """The polygon, or where its sides cross, the largest piece of its repair (GEOS's zero buffer)."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS reports every crossing on stderr
    try:
        if not polygon.IsValid():
            polygon = polygon.Buffer(0)
    finally:
        gdal.PopErrorHandler()
    if ogr.GT_Flatten(polygon.GetGeometryType()) == ogr.wkbMultiPolygon:
        parts = [polygon.GetGeometryRef(i).Clone() for i in range(polygon.GetGeometryCount())]
        polygon = max(parts, key=lambda part: part.GetArea(), default=None)
    if polygon is None or ogr.GT_Flatten(polygon.GetGeometryType()) != ogr.wkbPolygon or polygon.GetArea() <= 0:
        return None
    return polygon


def regularize(geometry: ogr.Geometry, metre: float = 1.0, diagonals: bool = True, min_iou: float = MIN_IOU) -> ogr.Geometry:
    """Regular outlines for a polygon or each part of a multipolygon."""
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return regularize_polygon(geometry, metre, diagonals, min_iou)
    if kind == ogr.wkbMultiPolygon:
        result = ogr.Geometry(ogr.wkbMultiPolygon)
        for index in range(geometry.GetGeometryCount()):
            result.AddGeometry(regularize_polygon(geometry.GetGeometryRef(index), metre, diagonals, min_iou))
        return result
    return geometry
