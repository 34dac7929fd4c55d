"""e84segment:evaluatemodel and core.evaluate: the model's quality where it never looked, as pixel IoU
and object F1 together, on the real Kampala data."""
import json

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingFeedback

from e84_segment.core import evaluate

from .conftest import KAMPALA, require, torch_paths
from .test_package import installed_profile, qgis_process  # noqa: F401 (fixture)

Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"


class Lines(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def square(x, y, size, angle_offset=0.0):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x, y), (x + size, y + angle_offset), (x + size, y + size), (x, y + size), (x, y)):
        ring.AddPoint_2D(px, py)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon


def test_shape_figures_tell_squares_from_blobs():
    squares = evaluate.shape_figures([square(0, 0, 10), square(20, 0, 5)])
    assert squares == {"mean_vertices": 4.0, "right_angle_share": 1.0}
    blob = ogr.CreateGeometryFromWkt("POINT (0 0)").Buffer(10, 8)  # a 32-gon
    figures = evaluate.shape_figures([blob])
    assert figures["mean_vertices"] == 32 and figures["right_angle_share"] == 0.0


def test_pixel_scores_against_the_reference_on_the_class_raster_grid(tmp_path):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    raster = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "classes.tif"), 100, 100, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((0, 1, 0, 100, 0, -1))
    raster.SetSpatialRef(srs)
    band = raster.GetRasterBand(1)
    band.Fill(0)
    band.WriteArray(__import__("numpy").ones((20, 20), dtype="uint8"), 10, 10)  # rows 10-29, columns 10-29
    raster = None
    truth = square(10, 70, 20)  # the same 20 x 20 pixels, in map units (y up)
    assert evaluate.pixel_scores(str(tmp_path / "classes.tif"), [truth])["building_iou"] == pytest.approx(1.0)
    half = square(10, 70, 10)  # a quarter of it
    scores = evaluate.pixel_scores(str(tmp_path / "classes.tif"), [half])
    assert scores["building_iou"] == pytest.approx(0.25) and scores["recall"] == pytest.approx(1.0)
    inside = square(0, 80, 20)  # scoring only the top-left 20 x 20: 10 x 10 predicted, none true
    scores = evaluate.pixel_scores(str(tmp_path / "classes.tif"), [half], area=inside)
    assert scores["pixels"] == 400 and scores["precision"] == 0.0


def test_evaluatemodel_agrees_with_compareosm_on_its_footprints(provider, trained, tmp_path):
    import processing

    feedback = Lines()
    result = processing.run(
        "e84segment:evaluatemodel",
        {"MODEL": str(trained[0]), "IMAGERY": str(require(Z20_A)), "REFERENCE": str(KAMPALA / "buildings.geojson"),
         "OUTPUT_REPORT": str(tmp_path / "report.json"), "FOOTPRINTS": str(tmp_path / "footprints.gpkg"),
         "PREDICTED_ONLY": str(tmp_path / "check.gpkg")},
        feedback=feedback,
    )
    report = json.loads((tmp_path / "report.json").read_text())
    assert set(report) >= {"tp", "fp", "fn", "precision", "recall", "f1", "building_iou", "pixel_precision",
                           "pixel_recall", "mean_vertices", "right_angle_share", "training_overlap"}
    assert result["F1"] == report["f1"] and 0.2 < report["building_iou"] <= 1 and report["tp"] > 5
    assert report["model"]["zoom"] == 20 and report["model"]["file"] == str(trained[0])
    # The test model learned on this very area: the check says its scores flatter it.
    assert report["training_overlap"] > 0.5 and any("training tiles" in w for w in feedback.warnings)
    assert not any(p.name.startswith("evaluate-") for p in tmp_path.iterdir())
    extent = gdal.Info(str(Z20_A), format="json")["cornerCoordinates"]
    aoi = f"{extent['upperLeft'][0]},{extent['lowerRight'][0]},{extent['lowerRight'][1]},{extent['upperLeft'][1]} [EPSG:3857]"
    compared = processing.run(
        "e84segment:compareosm",
        {"PREDICTED": str(tmp_path / "footprints.gpkg"), "REFERENCE": str(KAMPALA / "buildings.geojson"), "AOI": aoi,
         "MATCHED": "TEMPORARY_OUTPUT", "PREDICTED_ONLY": "TEMPORARY_OUTPUT", "REFERENCE_ONLY": "TEMPORARY_OUTPUT",
         "OUTPUT_REPORT": str(tmp_path / "compare.json")},
    )
    again = json.loads((tmp_path / "compare.json").read_text())
    for key in ("tp", "fp", "fn", "precision", "recall", "f1", "area_iou"):
        assert again[key] == pytest.approx(report[key]), key
    assert ogr.Open(str(tmp_path / "check.gpkg")).GetLayer(0).GetFeatureCount() == report["fp"]
    assert compared["F1"] == pytest.approx(report["f1"])


@pytest.mark.slow
def test_qgis_process_checks_a_model(installed_profile, trained, tmp_path):  # noqa: F811
    run = qgis_process(
        installed_profile, "run", "e84segment:evaluatemodel", "--json", "--",
        f"MODEL={trained[0]}", f"IMAGERY={require(Z20_A)}", f"REFERENCE={KAMPALA / 'buildings.geojson'}",
        f"OUTPUT_REPORT={tmp_path / 'report.json'}",
        python_path=torch_paths(),
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["F1"] == json.loads((tmp_path / "report.json").read_text())["f1"]
