"""e84segment:populationcentres on the Kampala OSM buildings: the figures add up to the input, the range
brackets the estimate, settlements follow DISTANCE (checked against every pair's outline distance), OSM
merges in once, and bad input gets a sentence."""
import itertools

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from e84_segment.core import compare, settlements, vectorize
from e84_segment.processing import styles
from e84_segment.processing.population_centres import DEFAULT_RATES

from .conftest import buildings_in_3857
from .test_building_grid import BUILDINGS, predicted  # noqa: F401 (a fixture)


class Said(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)

    def text(self) -> str:
        return "\n".join(self.lines)


def run(feedback=None, **parameters):
    import processing

    return processing.run("e84segment:populationcentres", parameters, feedback=feedback or Said())


def _rows(path) -> list:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def _expected_groups(distance_m: float) -> list:
    """Settlement sizes by brute force: every pair's outline distance, joined transitively."""
    outlines = buildings_in_3857()
    minx, maxx, miny, maxy = outlines[0].GetEnvelope()
    scale = vectorize.ground_scale(np.mean([g.GetEnvelope()[2] for g in outlines]))
    parent = list(range(len(outlines)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in itertools.combinations(range(len(outlines)), 2):
        if outlines[a].Distance(outlines[b]) <= distance_m * scale:
            parent[find(b)] = find(a)
    sizes = np.bincount([find(x) for x in range(len(outlines))])
    return sorted(sizes[sizes > 0].tolist(), reverse=True), scale


@pytest.mark.parametrize("distance", [5.0, 25.0])
def test_settlements_add_up_to_the_buildings_and_follow_distance(provider, tmp_path, distance):
    feedback = Said()
    result = run(feedback, FOOTPRINTS=str(BUILDINGS), FROM_MODEL=False, DISTANCE=distance, MIN_BUILDINGS=1,
                 OUTPUT=str(tmp_path / "settlements.gpkg"), OUTPUT_GRID=str(tmp_path / "cells.gpkg"))
    rows = _rows(result["OUTPUT"])
    outlines = buildings_in_3857()
    expected_sizes, scale = _expected_groups(distance)
    roof = sum(g.GetArea() for g in outlines) / scale ** 2
    # Every building in one settlement; roof areas add up to the input's.
    assert result["BUILDINGS"] == len(outlines) == sum(r["buildings"] for r in rows)
    assert sum(r["roof_m2"] for r in rows) == pytest.approx(roof, rel=1e-3)
    # Settlements are the groups of outlines within DISTANCE of each other, found pair by pair.
    assert sorted((r["buildings"] for r in rows), reverse=True) == expected_sizes
    # The range brackets the estimate; the default is the household size a building.
    figure, low, high = DEFAULT_RATES[settlements.PER_BUILDING]
    for r in rows:
        assert r["people_low"] <= r["people"] <= r["people_high"]
        assert r["people"] == pytest.approx(figure * r["buildings"], abs=0.1)
        assert r["model_only_share"] == 0.0
    assert result["PEOPLE"] == round(figure * len(outlines)) and result["PEOPLE_LOW"] == round(low * len(outlines))
    # Ranked: the most people first.
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["people"] for r in rows] == sorted((r["people"] for r in rows), reverse=True)
    # The grid holds the same figures.
    cells = _rows(tmp_path / "cells.gpkg")
    assert sum(c["buildings"] for c in cells) == len(outlines)
    assert sum(c["roof_m2"] for c in cells) == pytest.approx(roof, rel=1e-3)
    assert sum(c["people_high"] for c in cells) == pytest.approx(high * len(outlines), abs=1)
    # The footprints are in degrees: the log says the metres are on the ground.
    assert "FOOTPRINTS is in degrees (EPSG:4326)" in feedback.text()


def test_a_larger_distance_joins_settlements_and_smaller_ones_drop_out(provider, tmp_path):
    counts = [run(FOOTPRINTS=str(BUILDINGS), FROM_MODEL=False, DISTANCE=d, MIN_BUILDINGS=1, OUTPUT="TEMPORARY_OUTPUT")["SETTLEMENTS"]
              for d in (2.0, 10.0, 40.0, 200.0)]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1] >= 1
    big = run(FOOTPRINTS=str(BUILDINGS), FROM_MODEL=False, DISTANCE=10.0, MIN_BUILDINGS=5, OUTPUT=str(tmp_path / "five.gpkg"))
    rows = _rows(big["OUTPUT"])
    assert rows and min(r["buildings"] for r in rows) >= 5
    assert big["BUILDINGS"] == 163 and big["PEOPLE"] == round(4.2 * 163)  # small groups still count in the totals


def test_osm_merges_in_once_and_the_model_only_share_is_reported(provider, tmp_path, predicted):  # noqa: F811
    # The fixture keeps two OSM buildings of three and adds small squares beside buildings: those that OSM
    # does not half cover are buildings it lacks (core.compare's own overlap, an independent measure).
    transform = QgsCoordinateTransform(predicted.crs(), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    footprints = []
    for feature in predicted.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        footprints.append(ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())))
    squares = sum(share < 0.5 for share in compare.overlap_shares(footprints, buildings_in_3857()))
    assert 0 < squares < predicted.featureCount() - 100
    feedback = Said()
    result = run(feedback, FOOTPRINTS=predicted, OSM=str(BUILDINGS), DISTANCE=1000.0, MIN_BUILDINGS=1, METHOD=1,
                 OUTPUT=str(tmp_path / "merged.gpkg"))
    rows = _rows(result["OUTPUT"])
    assert result["BUILDINGS"] == 163 + squares == sum(r["buildings"] for r in rows)
    share = sum(r["model_only_share"] * r["buildings"] for r in rows) / result["BUILDINGS"]
    assert share == pytest.approx(squares / (163 + squares), abs=1e-3)
    assert f"{squares} footprints are not mapped and are added" in feedback.text()
    # Per m² of roof: the people follow the roof area.
    figure, low, high = DEFAULT_RATES[settlements.PER_M2]
    for r in rows:
        assert r["people"] == pytest.approx(figure * r["roof_m2"], rel=1e-3, abs=0.2)
        assert r["people_low"] <= r["people"] <= r["people_high"]


def test_the_settlements_load_styled_by_people(provider, tmp_path):
    result = run(FOOTPRINTS=str(BUILDINGS), FROM_MODEL=False, DISTANCE=10.0, MIN_BUILDINGS=1, OUTPUT=str(tmp_path / "s.gpkg"))
    layer = QgsVectorLayer(result["OUTPUT"], "settlements", "ogr")
    styles.PeopleStyler().style(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "people"
    assert renderer.ranges()[-1].upperValue() == max(f["people"] for f in layer.getFeatures())


def test_bad_input_gets_a_sentence(provider, tmp_path):
    empty = QgsVectorLayer("Polygon?crs=EPSG:3857", "no buildings", "memory")
    with pytest.raises(QgsProcessingException, match="There are no buildings in FOOTPRINTS"):
        run(FOOTPRINTS=empty, OUTPUT="TEMPORARY_OUTPUT")
    with pytest.raises(QgsProcessingException, match=r"no buildings inside the area \(AOI\)"):
        run(FOOTPRINTS=str(BUILDINGS), AOI="0,1000,0,1000 [EPSG:3857]", OUTPUT="TEMPORARY_OUTPUT")
    with pytest.raises(QgsProcessingException, match="low <= estimate <= high"):
        run(FOOTPRINTS=str(BUILDINGS), FIGURE=4.0, LOW=5.0, HIGH=6.0, OUTPUT="TEMPORARY_OUTPUT")
    no_crs = QgsVectorLayer("Polygon?crs=", "no crs", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"))
    no_crs.dataProvider().addFeature(feature)
    with pytest.raises(QgsProcessingException, match="has no coordinate reference system"):
        run(FOOTPRINTS=no_crs, OUTPUT="TEMPORARY_OUTPUT")
    points = QgsVectorLayer("Point?crs=EPSG:3857", "points", "memory")
    with pytest.raises(QgsProcessingException):
        run(FOOTPRINTS=points, OUTPUT="TEMPORARY_OUTPUT")


def test_candidate_pairs_find_every_pair_within_reach():
    """The grid hashing against all pairs, on boxes of very different sizes."""
    rng = np.random.default_rng(3)
    low = rng.uniform(0, 500, (400, 2))
    size = rng.choice([2.0, 10.0, 150.0], (400, 2), p=[0.6, 0.35, 0.05])
    boxes = np.hstack([low, low + size])
    i, j = settlements.candidate_pairs(boxes, 8.0)
    found = set(zip(i.tolist(), j.tolist()))
    gap_x = np.maximum(boxes[:, None, 0] - boxes[None, :, 2], boxes[None, :, 0] - boxes[:, None, 2])
    gap_y = np.maximum(boxes[:, None, 1] - boxes[None, :, 3], boxes[None, :, 1] - boxes[:, None, 3])
    near = (gap_x <= 8.0) & (gap_y <= 8.0)
    expected = {(a, b) for a, b in zip(*np.nonzero(np.triu(near, k=1)))}
    assert found == expected and all(a < b for a, b in found)
