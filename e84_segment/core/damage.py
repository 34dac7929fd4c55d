"""Damage triage: how much of each pre-event building a post-event prediction still sees.

For every footprint, the share of its pixels (with imagery) the prediction calls building and their
mean building probability; a status from the share; a rank, least supported first, for review.
"Not seen" means not seen by this model on this imagery: cloud, shadow, a tarpaulin roof or a model
error read the same as a collapsed building. Pure GDAL + numpy.
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr

from . import vectorize

INTACT, PARTLY, NOT_SEEN, NO_IMAGERY = "intact", "partly", "not seen", "no imagery"
STATUSES = (NOT_SEEN, PARTLY, INTACT, NO_IMAGERY)
BUILDING_CLASS, CLASS_NODATA = 1, 255  # the class raster of 'Predict buildings'
SEEN_SHARE = 0.5  # at least this share of the footprint predicted as building: intact
PARTLY_SHARE = 0.15  # below it: not seen
# Below this share of a footprint on imagery, what the prediction says of it is too little to judge: a
# building at the image's edge with 0.1 % of its area inside must not become a damage candidate.
COVERED_SHARE = 0.5


@dataclass
class Support:
    index: int  # of the footprint in the input order
    pixels: int
    seen_share: Optional[float]
    mean_probability: Optional[float]
    status: str
    rank: int = 0  # 1: the least supported, reviewed first


def status_of(share: Optional[float], seen: float = SEEN_SHARE, partly: float = PARTLY_SHARE) -> str:
    if share is None:
        return NO_IMAGERY
    return INTACT if share >= seen else PARTLY if share >= partly else NOT_SEEN


def triage(classes: gdal.Dataset, footprints: Sequence[bytes], probability: Optional[gdal.Dataset] = None,
           seen: float = SEEN_SHARE, partly: float = PARTLY_SHARE) -> List[Support]:
    """Each footprint (WKB, EPSG:3857) against a post-event prediction: its class raster (1 building,
    0 background, 255 no imagery, as 'Predict buildings' writes it) and, for the mean, its probability
    raster. A footprint with less than COVERED_SHARE of its area on imagery (outside the raster, or over
    no-imagery pixels) is 'no imagery'."""
    gt = classes.GetGeoTransform()
    pixel_area = abs(gt[1] * gt[5])
    found = []
    for index, wkb in enumerate(footprints):
        geometry = ogr.CreateGeometryFromWkb(wkb)
        values = vectorize.values_inside(classes, gt, geometry)
        known = values[values != CLASS_NODATA]
        # Pixel centres inside the outline: a footprint of a few pixels may count more than its area.
        covered = min(known.size * pixel_area / geometry.GetArea(), 1.0) if geometry.GetArea() > 0 else 0.0
        if known.size == 0 or covered < COVERED_SHARE:
            found.append(Support(index, int(known.size), None, None, NO_IMAGERY))
            continue
        share = float(np.count_nonzero(known == BUILDING_CLASS) / known.size)
        mean = None
        if probability is not None:
            inside = vectorize.values_inside(probability, probability.GetGeoTransform(), geometry)
            mean = float(inside.mean() / 255.0) if inside.size else None
        found.append(Support(index, int(known.size), share, mean, status_of(share, seen, partly)))
    ordered = sorted((s for s in found if s.seen_share is not None), key=lambda s: (s.seen_share, s.mean_probability or 0.0))
    for rank, support in enumerate(ordered, 1):
        support.rank = rank
    return found
