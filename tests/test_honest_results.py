"""Issue 23: the dock never locks, and results say what they are (../shared/evidence/2026-12-04: ux-walk B1,
H2-H5; reliability F3, F4). Each test reproduces a finding that failed before."""
import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsRasterLayer, QgsVectorLayer

from e84_segment.core import damage

from .conftest import KAMPALA, Recorder, kampala_xyz_source, require
from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)

BUILDINGS = KAMPALA / "buildings.geojson"
Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"


def run(name, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=QgsProcessingFeedback())


def class_raster(path: Path, bounds, size=200, value=1) -> Path:
    """A class raster as 'Predict buildings' writes it (one byte band, EPSG:3857), all ``value``."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((bounds[0], (bounds[2] - bounds[0]) / size, 0, bounds[3], 0, -(bounds[3] - bounds[1]) / size))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    ds.SetSpatialRef(srs)
    ds.GetRasterBand(1).SetNoDataValue(255)  # first: GDAL 3.13 leaves a new file's all-zero blocks unwritten (read as nodata)
    ds.GetRasterBand(1).WriteArray(np.full((size, size), value, np.uint8))
    ds = None
    return path


def test_a_step_that_fails_to_prepare_ends_the_run_in_the_dock_with_its_sentence(dock, tmp_path):  # noqa: F811
    """B1: an XYZ layer as the post-event prediction failed in prepareAlgorithm; the dock stayed
    'running' with every button disabled until QGIS restarted."""
    xyz = QgsRasterLayer(kampala_xyz_source(), "Kampala XYZ", "wms")
    before = QgsVectorLayer(str(require(BUILDINGS)), "buildings", "ogr")
    QgsProject.instance().addMapLayers([xyz, before])
    assert xyz.id() in [layer.id() for layer in dock.postClassesCombo.exceptedLayerList()]  # never offered
    dock.outputWidget.setFilePath(str(tmp_path))
    started = dock._start("triage", [("e84segment:comparebuildings", {
        "BUILDINGS": before, "CLASSES": xyz, "OUTPUT": str(tmp_path / "triage.gpkg")})])
    assert started
    run_to_end(dock)
    assert "is a wms layer, not a file a prediction wrote" in dock.statusLabel.text(), dock.statusLabel.text()
    assert all(button.isEnabled() for button in dock.runButtons) and not dock.cancelButton.isEnabled()
    assert list(tmp_path.glob("triage-*")) == []  # the refused run leaves no folder


def test_a_failure_before_the_step_starts_frees_the_dock(dock, tmp_path):  # noqa: F811
    def parameters(_):
        raise ValueError("no such band")

    dock.outputWidget.setFilePath(str(tmp_path))
    dock._start("compare", [("e84segment:compareosm", parameters)])
    assert dock.run is None and "no such band" in dock.statusLabel.text()
    assert all(button.isEnabled() for button in dock.runButtons) and list(tmp_path.iterdir()) == []


def refusal(name, **parameters) -> str:
    """What a step that refuses says: processing.run raises only 'There were errors' where the refusal
    comes from prepareAlgorithm, which reports it to the feedback."""
    import processing

    feedback = Recorder()
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(f"e84segment:{name}", parameters, feedback=feedback)
    return " ".join(feedback.errors + [str(refused.value)])


def test_imagery_given_as_the_post_event_prediction_is_refused(tmp_path):
    """H2: the RGB imagery was read as a prediction: '65 buildings not seen'."""
    said = refusal("comparebuildings", BUILDINGS=str(require(BUILDINGS)), CLASSES=str(require(Z20_A)),
                   OUTPUT=str(tmp_path / "t.gpkg"))
    assert "CLASSES: 'aoiA_dense_z20' has 3 band(s) of Byte: it is imagery or another raster, not a prediction" in said
    grey = tmp_path / "grey.tif"
    gdal.Translate(str(grey), str(Z20_A), bandList=[1])  # one byte band, but values of imagery
    assert "holds values such as" in refusal("comparebuildings", BUILDINGS=str(BUILDINGS), CLASSES=str(grey),
                                             OUTPUT=str(tmp_path / "t.gpkg"))
    assert not (tmp_path / "t.gpkg").exists()


def test_a_building_mostly_off_the_imagery_is_no_imagery_not_a_damage_candidate(tmp_path):
    """H3: a building with 0.1 % of its area on the raster was ranked 'not seen'."""
    bounds = (0.0, 0.0, 100.0, 100.0)
    classes = gdal.Open(str(class_raster(tmp_path / "c.tif", bounds, value=0)))  # background everywhere
    square = "POLYGON(({x0} 10,{x1} 10,{x1} 30,{x0} 30,{x0} 10))"
    inside = ogr.CreateGeometryFromWkt(square.format(x0=40, x1=60))
    edge = ogr.CreateGeometryFromWkt(square.format(x0=99.9, x1=119.9))  # 0.5 % on the raster
    half = ogr.CreateGeometryFromWkt(square.format(x0=95, x1=105))  # half on it
    found = damage.triage(classes, [bytes(g.ExportToWkb()) for g in (inside, edge, half)])
    assert [s.status for s in found] == [damage.NOT_SEEN, damage.NO_IMAGERY, damage.NOT_SEEN]
    assert found[1].rank == 0 and {found[0].rank, found[2].rank} == {1, 2}


@pytest.fixture
def points(tmp_path) -> Path:
    """The Kampala buildings as their centroids (reliability F4)."""
    source = json.loads(require(BUILDINGS).read_text())
    features = []
    for feature in source["features"]:
        centroid = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"])).Centroid()
        features.append({"type": "Feature", "properties": {"building": "yes"},
                         "geometry": json.loads(centroid.ExportToJson())})
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def comparison(tmp_path, **parameters):
    outputs = {key: str(tmp_path / f"{key.lower()}.gpkg") for key in ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY")}
    return run("compareosm", OUTPUT_REPORT=str(tmp_path / "r.json"), **outputs, **parameters)


def test_points_a_layer_against_itself_and_an_empty_prediction_are_no_comparison(tmp_path, points):
    """F3, F4, H5: each of these read as a score (0 of 0 with area IoU 1.000; F1 0 from points; F1 1.000)."""
    with pytest.raises(QgsProcessingException, match="PREDICTED must be building polygons, but 'points' holds Point"):
        comparison(tmp_path, PREDICTED=str(points), REFERENCE=str(require(BUILDINGS)))
    with pytest.raises(QgsProcessingException, match="REFERENCE must be building polygons"):
        run("buildinggrid", PREDICTED=str(BUILDINGS), REFERENCE=str(points), OUTPUT=str(tmp_path / "g.gpkg"))
    osm = QgsVectorLayer(str(BUILDINGS), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayer(osm)
    try:
        with pytest.raises(QgsProcessingException, match=r"the same layer \('OSM buildings'\)"):
            comparison(tmp_path, PREDICTED=osm, REFERENCE=osm)
    finally:
        QgsProject.instance().removeMapLayer(osm.id())
    empty = tmp_path / "empty.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(QgsProcessingException, match="no area to compare: set AOI"):
        comparison(tmp_path, PREDICTED=str(empty), REFERENCE=str(BUILDINGS))
    assert not (tmp_path / "r.json").exists()
    # With the area the prediction covered, every OSM building there counts as missed.
    box = QgsVectorLayer(str(BUILDINGS), "b", "ogr").extent()
    aoi = f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:4326]"
    result = comparison(tmp_path, PREDICTED=str(empty), REFERENCE=str(BUILDINGS), AOI=aoi)
    report = json.loads(Path(result["OUTPUT_REPORT"]).read_text())
    assert report["fn"] > 100 and report["tp"] == 0 and report["f1"] == 0 and report["area_iou"] == 0


def test_next_to_review_shows_a_hidden_layer_and_an_analysts_own_file_is_asked_about(dock, tmp_path, monkeypatch):  # noqa: F811
    """H4: Next to review selected a footprint of a layer Compare had ticked off. H5: Accept on the OSM
    file added a 'review' field to the analyst's own file at once."""
    import shutil

    copy = tmp_path / "osm copy.geojson"
    shutil.copy(require(BUILDINGS), copy)
    layer = QgsVectorLayer(str(copy), "osm copy", "ogr")
    QgsProject.instance().addMapLayer(layer)
    QgsProject.instance().layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(False)
    dock.reviewLayerCombo.setLayer(layer)
    assert dock.next_to_review() is not None
    assert QgsProject.instance().layerTreeRoot().findLayer(layer.id()).isVisible()
    asked = []
    monkeypatch.setattr(dock, "ask", lambda question: asked.append(question) or False)
    before = copy.read_bytes()
    dock.acceptButton.click()
    assert asked and "is not footprints this plugin predicted" in asked[0] and "'review' field" in asked[0]
    assert "Not reviewed" in dock.statusLabel.text() and copy.read_bytes() == before
    monkeypatch.setattr(dock, "ask", lambda question: True)  # asked for: the review goes ahead
    dock.acceptButton.click()
    assert layer.fields().lookupField("review") >= 0
