"""Object-level comparison of building polygons: SpaceNet's one-to-one matching rule.

Each predicted polygon, in order, is matched to the not-yet-matched reference polygon with which it
has the highest IoU; at IoU >= the threshold it is a true positive and that reference polygon is
used up, otherwise a false positive. Reference polygons left over are false negatives. This is the
rule of SpaceNet's evaluator (solaris ``Evaluator.eval_iou``), which the golden scores reproduce.

Pure OGR geometry: no Qt, no project.
"""
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from osgeo import gdal, ogr

ogr.UseExceptions()


@dataclass
class Match:
    predicted: int
    reference: int
    iou: float


@dataclass
class Comparison:
    matches: List[Match] = field(default_factory=list)
    predicted_only: List[int] = field(default_factory=list)
    reference_only: List[int] = field(default_factory=list)

    @property
    def true_positives(self) -> int:
        return len(self.matches)

    @property
    def false_positives(self) -> int:
        return len(self.predicted_only)

    @property
    def false_negatives(self) -> int:
        return len(self.reference_only)

    def scores(self) -> dict:
        tp, fp, fn = self.true_positives, self.false_positives, self.false_negatives
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def polygon_iou(a: ogr.Geometry, b: ogr.Geometry) -> float:
    if not a.Intersects(b):
        return 0.0
    intersection = a.Intersection(b).GetArea()
    union = a.Union(b).GetArea()
    return intersection / union if union > 0 else 0.0


def _usable(geometry: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
    if geometry is None or geometry.IsEmpty():
        return None
    geometry = geometry.Clone()
    geometry.FlattenTo2D()
    # GEOS reports each invalid ring on stderr; an invalid OSM polygon is expected, and repaired here.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        valid = geometry.IsValid()
    finally:
        gdal.PopErrorHandler()
    if not valid:
        geometry = geometry.Buffer(0)  # SpaceNet's repair of self-intersecting rings
    return geometry if not geometry.IsEmpty() and geometry.GetArea() > 0 else None


def match(
    predicted: Sequence[Optional[ogr.Geometry]],
    reference: Sequence[Optional[ogr.Geometry]],
    threshold: float = 0.5,
    min_area: float = 0.0,
) -> Comparison:
    """Match predicted to reference polygons (same CRS). Empty or missing geometries take no part.

    With ``min_area`` (CRS units squared), reference polygons smaller than it and predicted ones
    not larger than it are left out, as SpaceNet's scoring does with 20 pixels.
    """
    refs = [_usable(g) for g in reference]
    refs = [g if g is not None and g.GetArea() >= min_area else None for g in refs]
    envelopes: List[Optional[Tuple[float, float, float, float]]] = [g.GetEnvelope() if g else None for g in refs]
    remaining = {i for i, g in enumerate(refs) if g is not None}
    result = Comparison()
    for p_index, raw in enumerate(predicted):
        geometry = _usable(raw)
        if geometry is None or geometry.GetArea() <= min_area:
            continue
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        best, best_iou = None, 0.0
        for r_index in sorted(remaining):
            rminx, rmaxx, rminy, rmaxy = envelopes[r_index]
            if rminx > maxx or rmaxx < minx or rminy > maxy or rmaxy < miny:
                continue
            iou = polygon_iou(geometry, refs[r_index])
            if iou > best_iou:
                best, best_iou = r_index, iou
        if best is not None and best_iou >= threshold:
            result.matches.append(Match(p_index, best, best_iou))
            remaining.discard(best)
        else:
            result.predicted_only.append(p_index)
    result.reference_only = sorted(remaining)
    return result


def clip(geometry: Optional[ogr.Geometry], area: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
    """The part of a polygon inside ``area``; None when nothing of it is."""
    geometry = _usable(geometry)
    if geometry is None or area is None or not geometry.Intersects(area):
        return None
    part = geometry.Intersection(area)
    return part if part is not None and not part.IsEmpty() and part.GetArea() > 0 else None


# A predicted-only footprint that covers at least this share of OSM buildings is a merged or partial
# prediction of mapped buildings, not a building OSM lacks.
OVERLAP_SHARE = 0.1


def overlap_shares(geometries: Sequence[Optional[ogr.Geometry]], reference: Sequence[Optional[ogr.Geometry]]) -> List[float]:
    """For each polygon, the share of its area that reference polygons cover (0 for empty ones)."""
    covered = _union(reference)
    shares = []
    for g in geometries:
        g = _usable(g)
        if g is None or covered is None or not g.Intersects(covered):
            shares.append(0.0)
            continue
        shares.append(min(g.Intersection(covered).GetArea() / g.GetArea(), 1.0))
    return shares


def area_iou(predicted: Sequence[Optional[ogr.Geometry]], reference: Sequence[Optional[ogr.Geometry]]) -> float:
    """Area IoU of the two sets' unions: the pixel IoU of the footprints, free of any raster grid."""
    union_p = _union(predicted)
    union_r = _union(reference)
    if union_p is None and union_r is None:
        return 1.0
    if union_p is None or union_r is None:
        return 0.0
    union = union_p.Union(union_r).GetArea()
    return union_p.Intersection(union_r).GetArea() / union if union > 0 else 0.0


def _union(geometries: Sequence[Optional[ogr.Geometry]]) -> Optional[ogr.Geometry]:
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geometries:
        g = _usable(g)
        if g is None:
            continue
        if g.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D):
            for i in range(g.GetGeometryCount()):
                collection.AddGeometry(g.GetGeometryRef(i))
        elif g.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D):
            collection.AddGeometry(g)
    return collection.UnionCascaded() if collection.GetGeometryCount() else None
