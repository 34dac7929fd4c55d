"""e84segment:buildinggrid on the shared Kampala OSM buildings: the cells add up to compareosm's totals,
their size is on the ground, and the layer is styled by OSM completeness."""
import json
import math

import pytest
from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from e84_segment.core import vectorize
from e84_segment.processing import styles

from .conftest import KAMPALA, require

BUILDINGS = KAMPALA / "buildings.geojson"


def run(name, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=QgsProcessingFeedback())


@pytest.fixture
def predicted():
    """'Predictions' from the OSM buildings: every third one missed, the rest kept, and 25 buildings OSM
    lacks (small squares beside the mapped ones)."""
    source = ogr.Open(str(require(BUILDINGS)))
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "predicted", "memory")
    features = []
    for index, feature in enumerate(source.GetLayer(0)):
        geometry = QgsGeometry.fromWkt(feature.GetGeometryRef().ExportToWkt())
        if index % 3 == 0:
            if index % 6 == 0 and len(features) < 200:  # a building OSM lacks, 30 m east of this one
                centre = geometry.centroid().asPoint()
                x, y, d = centre.x() + 0.0003, centre.y(), 0.00004
                features.append(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + d} {y},{x + d} {y + d},{x} {y + d},{x} {y}))"))
            continue
        features.append(geometry)
    provider = layer.dataProvider()
    for geometry in features:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        provider.addFeature(feature)
    return layer


@pytest.mark.parametrize("shape", [0, 1])
def test_cells_add_up_to_the_comparison(provider, tmp_path, predicted, shape):
    report = tmp_path / "report.json"
    run("compareosm", PREDICTED=predicted, REFERENCE=str(BUILDINGS), OUTPUT_REPORT=str(report),
        MATCHED="TEMPORARY_OUTPUT", PREDICTED_ONLY="TEMPORARY_OUTPUT", REFERENCE_ONLY="TEMPORARY_OUTPUT")
    scores = json.loads(report.read_text())
    output = tmp_path / "grid.gpkg"
    result = run("buildinggrid", PREDICTED=predicted, REFERENCE=str(BUILDINGS), CELL_SIZE=50, SHAPE=shape, OUTPUT=str(output))
    grid = QgsVectorLayer(str(output), "grid", "ogr")
    cells = list(grid.getFeatures())
    assert result["CELLS"] == len(cells) > 4
    total = {name: sum(c[name] for c in cells) for name in ("predicted", "osm", "matched", "predicted_only", "osm_only")}
    assert scores["tp"] > 50 and scores["fp"] > 10 and scores["fn"] > 10
    assert total == {"predicted": scores["tp"] + scores["fp"], "osm": scores["tp"] + scores["fn"], "matched": scores["tp"],
                     "predicted_only": scores["fp"], "osm_only": scores["fn"]}
    for cell in cells:
        if cell["predicted"]:
            assert cell["completeness"] == pytest.approx(cell["matched"] / cell["predicted"], abs=1e-3)
        else:
            assert cell["completeness"] is None or str(cell["completeness"]) == "NULL"
    # Cells are 50 m on the ground (EPSG:3857 stretches them by 1/cos(latitude)).
    first = cells[0].geometry()
    scale = vectorize.ground_scale(first.centroid().asPoint().y())
    ground_area = first.area() / scale**2
    expected = 2500 if shape == 0 else 50**2 * math.sqrt(3) / 2  # a hexagon 50 m across the flats
    assert ground_area == pytest.approx(expected, rel=1e-3)
    assert sum(c["built_up_m2"] for c in cells) > 0


def test_the_grid_is_styled_by_completeness(provider, tmp_path, predicted):
    output = tmp_path / "grid.gpkg"
    run("buildinggrid", PREDICTED=predicted, REFERENCE=str(BUILDINGS), OUTPUT=str(output))
    layer = QgsVectorLayer(str(output), "grid", "ogr")
    styles.CompletenessStyler().style(layer)
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "completeness"
    assert [r.label() for r in renderer.ranges()][0] == "OSM has under 25 %"


def test_no_footprints_is_refused(provider, tmp_path):
    empty = QgsVectorLayer("Polygon?crs=EPSG:4326", "empty", "memory")
    with pytest.raises(QgsProcessingException, match="PREDICTED has no footprints"):
        run("buildinggrid", PREDICTED=empty, REFERENCE=str(require(BUILDINGS)), OUTPUT=str(tmp_path / "g.gpkg"))
