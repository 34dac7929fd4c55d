"""What the analyst will get on an area the model never saw: pixel building IoU, precision and recall
of the class raster against trusted buildings, and the shape of the footprints (vertex count, right
angles). The object figures (TP, FP, FN, F1) come from core.compare, SpaceNet's rule. One place for
evaluatemodel, the benchmarks and the dock.

Pure GDAL/OGR and numpy: no Qt, no project.
"""
import math
from typing import Dict, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr

from . import masks, metrics

gdal.UseExceptions()
ogr.UseExceptions()

RIGHT_ANGLE_TOLERANCE = 10.0  # degrees either side of 90
STRAIGHT_TOLERANCE = 10.0  # a vertex within this of 180 degrees is no corner


def pixel_scores(classes_path: str, reference: Sequence[Optional[ogr.Geometry]], area: Optional[ogr.Geometry] = None) -> Dict[str, float]:
    """Building IoU, precision, recall and pixel accuracy of a class raster (0/1, 255 no imagery)
    against reference polygons in its CRS, counted inside ``area`` (default: the whole raster)."""
    classes = gdal.Open(str(classes_path))
    width, height = classes.RasterXSize, classes.RasterYSize
    gt = classes.GetGeoTransform()
    bounds = (gt[0], gt[3] + gt[5] * height, gt[0] + gt[1] * width, gt[3])
    srs = classes.GetSpatialRef().ExportToWkt()
    predicted = classes.GetRasterBand(1).ReadAsArray()
    wkbs = [bytes(g.ExportToWkb()) for g in reference if g is not None and not g.IsEmpty()]
    truth = masks.rasterize(wkbs, bounds, width, height, srs)
    outside = predicted == metrics.IGNORE
    if area is not None:
        inside = masks.rasterize([bytes(area.ExportToWkb())], bounds, width, height, srs) == masks.BUILDING
        outside |= ~inside
    truth[outside] = metrics.IGNORE
    prediction = np.where(predicted == masks.BUILDING, 1, 0).astype(np.uint8)
    scores = metrics.scores(metrics.confusion(prediction, truth))
    scores["pixels"] = int(np.count_nonzero(~outside))
    return scores


def _corner_angles(ring: ogr.Geometry):
    points = ring.GetPoints() or []
    if len(points) > 1 and points[0][:2] == points[-1][:2]:
        points = points[:-1]
    n = len(points)
    for i in range(n):
        ax, ay = points[i - 1][:2]
        bx, by = points[i][:2]
        cx, cy = points[(i + 1) % n][:2]
        u, v = (ax - bx, ay - by), (cx - bx, cy - by)
        lengths = math.hypot(*u) * math.hypot(*v)
        if lengths == 0:
            continue
        cosine = max(-1.0, min(1.0, (u[0] * v[0] + u[1] * v[1]) / lengths))
        yield math.degrees(math.acos(cosine))


def _polygons(geometry: ogr.Geometry):
    if geometry.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D):
        for i in range(geometry.GetGeometryCount()):
            yield geometry.GetGeometryRef(i)
    elif geometry.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D):
        yield geometry


def shape_figures(footprints: Sequence[Optional[ogr.Geometry]]) -> Dict[str, float]:
    """Mean vertices per footprint (outer ring) and the share of corners within 10 degrees of a right
    angle: regular, rectilinear outlines score high; pixel staircases and blobs low."""
    vertices, corners, right = [], 0, 0
    for geometry in footprints:
        if geometry is None or geometry.IsEmpty():
            continue
        count = 0
        for polygon in _polygons(geometry):
            ring = polygon.GetGeometryRef(0)
            count += max(ring.GetPointCount() - 1, 0)
            for angle in _corner_angles(ring):
                if angle >= 180 - STRAIGHT_TOLERANCE:
                    continue
                corners += 1
                right += abs(angle - 90) <= RIGHT_ANGLE_TOLERANCE
        vertices.append(count)
    return {
        "mean_vertices": float(np.mean(vertices)) if vertices else 0.0,
        "right_angle_share": right / corners if corners else 0.0,
    }
