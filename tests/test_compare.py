"""Object matching reproduces SpaceNet's golden scores from their truth and prediction polygons."""
import csv
from collections import defaultdict

import pytest
from osgeo import ogr

from e84_segment.core import compare

from .conftest import ATLANTA, require

SN2 = ATLANTA / "sn2_eval"
SPACENET_MIN_AREA = 20  # pixels: SpaceNet 2's scoring leaves out smaller footprints


def polygons_by_image(path):
    csv.field_size_limit(10**8)
    images = defaultdict(list)
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            wkt = row["PolygonWKT_Pix"]
            images[row["ImageId"]].append(None if "EMPTY" in wkt else ogr.CreateGeometryFromWkt(wkt))
    return images


@pytest.fixture(scope="module")
def sn2():
    truth = polygons_by_image(require(SN2 / "SN2_sample_truth.csv"))
    preds = polygons_by_image(SN2 / "SN2_sample_preds.csv")
    with open(SN2 / "SN2_test_results_full.csv", newline="") as handle:
        expected = list(csv.DictReader(handle))
    return truth, preds, expected


def test_per_image_scores_match_spacenet(sn2):
    truth, preds, expected = sn2
    assert len(expected) == 6
    for row in expected:
        image = row["imageID"]
        scores = compare.match(preds.get(image, []), truth.get(image, []), 0.5, min_area=SPACENET_MIN_AREA).scores()
        assert (scores["tp"], scores["fp"], scores["fn"]) == (
            int(row["TruePos"]), int(row["FalsePos"]), int(row["FalseNeg"])
        ), image
        assert scores["f1"] == pytest.approx(float(row["F1Score"]), abs=1e-9)


def test_city_totals_match_spacenet(sn2):
    truth, preds, expected = sn2
    totals = defaultdict(lambda: [0, 0, 0])
    for row in expected:
        image = row["imageID"]
        scores = compare.match(preds.get(image, []), truth.get(image, []), 0.5, min_area=SPACENET_MIN_AREA).scores()
        for i, key in enumerate(("tp", "fp", "fn")):
            totals[row["AOI"]][i] += scores[key]
    assert totals["AOI_2_Vegas"] == [35, 2, 7]
    assert totals["AOI_5_Khartoum"] == [52, 55, 75]
    tp, fp, fn = totals["AOI_2_Vegas"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) == pytest.approx(0.8861, abs=1e-4)


def test_one_to_one_and_threshold():
    square = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
    shifted = ogr.CreateGeometryFromWkt("POLYGON ((2 0, 12 0, 12 10, 2 10, 2 0))")  # IoU 8/12
    far = ogr.CreateGeometryFromWkt("POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50))")
    result = compare.match([shifted, square, far], [square], 0.5)
    assert [(m.predicted, m.reference) for m in result.matches] == [(0, 0)]  # first come, first served
    assert result.matches[0].iou == pytest.approx(8 / 12)
    assert result.predicted_only == [1, 2] and result.reference_only == []
    assert compare.match([shifted], [square], 0.7).scores()["tp"] == 0
    assert compare.area_iou([shifted], [square]) == pytest.approx(8 / 12)
    assert compare.match([], [], 0.5).scores()["f1"] == 0.0
    sliver = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 4 0, 4 1, 0 1, 0 0))")
    assert compare.match([square], [square, sliver], 0.5, min_area=20).scores()["fn"] == 0
    assert compare.match([square, sliver], [square], 0.5, min_area=20).scores()["fp"] == 0


def test_clip_keeps_the_part_inside():
    square = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
    left = ogr.CreateGeometryFromWkt("POLYGON ((-5 -5, 4 -5, 4 15, -5 15, -5 -5))")
    assert compare.clip(square, left).GetArea() == pytest.approx(40)
    far = ogr.CreateGeometryFromWkt("POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50))")
    assert compare.clip(square, far) is None and compare.clip(None, left) is None
