"""The analyst's day in the dock, driven like a user: AOI, dataset, training, prediction, comparison,
export, run history. Real layers, real algorithms in background tasks, real files."""
import json
import re
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsPalettedRasterRenderer, QgsProject, QgsVectorLayer

from .conftest import needs_torch
from .test_plugin import dock, layers_named, run_group, run_to_end  # noqa: F401 (fixture)


def draw_aoi(dock, canvas, imagery, margin=0.1):
    """Drags a rectangle over the inner part of the imagery on a shown canvas, as a user draws the AOI;
    returns the two corners in map units."""
    from pytest_qgis.utils import wait
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest

    canvas.resize(600, 400)
    canvas.show()
    wait(300)  # let the canvas take its size before its pixels are mapped
    canvas.setDestinationCrs(imagery.crs())
    canvas.setExtent(imagery.extent())
    wait(300)
    to_pixels = canvas.getCoordinateTransform()
    box = imagery.extent()
    dx, dy = box.width() * margin, box.height() * margin
    top_left = to_pixels.transform(box.xMinimum() + dx, box.yMaximum() - dy)
    bottom_right = to_pixels.transform(box.xMaximum() - dx, box.yMinimum() + dy)
    start, end = QPoint(int(top_left.x()), int(top_left.y())), QPoint(int(bottom_right.x()), int(bottom_right.y()))
    corners = to_pixels.toMapCoordinates(start), to_pixels.toMapCoordinates(end)
    dock.aoiGroup.setOutputExtentFromDrawOnCanvas()
    viewport = canvas.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    return corners


def group_layers(record):
    """A run's layers, top to bottom, with whether each is ticked on."""
    group = run_group(record)
    return [(node.layer().name().split(" (")[0], node.isVisible()) for node in group.findLayers()] if group else []


def test_aoi_to_exported_footprints(dock, tmp_path, qgis_iface, monkeypatch):  # noqa: F811 (fixture)
    needs_torch()
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.outputWidget.setFilePath(str(tmp_path / "work"))
    draw_aoi(dock, qgis_iface.mapCanvas(), imagery)
    dock.runButton.click()
    run_to_end(dock)
    assert "Wrote 15 training and 1 validation chips" in dock.statusLabel.text(), dock.statusLabel.text()  # 12 at z19, z21
    # The plugin's own layers are no building labels: the pickers leave them out unless asked.
    tiles = layers_named("Training tiles")[0]
    offered = [dock.labelsCombo.layer(i) for i in range(dock.labelsCombo.count())]
    assert tiles not in offered and dock.labelsCombo.currentLayer().name() == "OSM buildings"
    dock.ownLayersCheck.setChecked(True)
    assert tiles in [dock.labelsCombo.layer(i) for i in range(dock.labelsCombo.count())]
    dock.ownLayersCheck.setChecked(False)

    dock.timeLimitSpin.setValue(0.1)
    dock.trainButton.click()
    assert not dock.predictButton.isEnabled()  # one step at a time; the dock stays usable otherwise
    run_to_end(dock)
    assert "best building IoU" in dock.statusLabel.text() and "on the validation chips" in dock.statusLabel.text()
    assert dock.plot.loss and dock.plot.iou  # the epochs arrived while it trained
    assert dock.progressBar.value() == 100 and dock.progressBar.format() == "%p%"  # done reads done (ux-walk C4); the next step starts at 0
    model = dock.modelWidget.filePath()
    assert model.endswith("model.pt")
    assert "tiles at zoom 20 (the model's zoom)" in dock.predictEstimateLabel.text()

    dock.regularCheck.setChecked(True)  # outlines to hand over: the choice reaches polygonize and is remembered
    dock.predictButton.click()
    run_to_end(dock)
    assert "building footprints in" in dock.statusLabel.text(), dock.statusLabel.text()
    assert dock.settings.regular_outlines
    runs = {json.loads(p.read_text())["kind"]: json.loads(p.read_text()) for p in (tmp_path / "work").glob("*/run.json")}
    predict = runs["predict"]
    assert predict["status"] == "completed" and predict["parameters"]["e84segment:predictlocal"]["MODEL"] == model
    assert predict["parameters"]["e84segment:polygonize"]["SQUARE"] is True
    # What prediction is for shows: outlines on top, the rasters below them, ticked off.
    assert group_layers(predict) == [("Footprints", True), ("Predicted buildings", False), ("Building probability", False)]
    classes = layers_named("Predicted buildings")[0]
    assert isinstance(classes.renderer(), QgsPalettedRasterRenderer) and classes.source().endswith("classes.tif")
    footprints = dock.footprintsCombo.currentLayer()
    assert footprints is not None and footprints.source().split("|")[0] == predict["outputs"]["footprints"]
    assert footprints.name() == f"Footprints ({predict['tag']})" and footprints.renderer().symbol().color().alpha() == 0
    assert dock.reviewLayerCombo.currentLayer() is footprints  # ready to review

    dock.compareButton.click()
    run_to_end(dock)
    assert "F1" in dock.statusLabel.text() and "overlap OSM buildings" in dock.statusLabel.text(), dock.statusLabel.text()
    compare = next(json.loads(p.read_text()) for p in (tmp_path / "work").glob("compare-*/run.json"))
    metrics = compare["metrics"]
    assert set(metrics) >= {"tp", "fp", "fn", "f1", "area_iou"}
    assert metrics["predicted_only_overlapping_osm"] + metrics["predicted_only_alone"] == metrics["fp"]
    assert group_layers(compare) == [("Predicted, no OSM match: check", True), ("OSM, not predicted", True),
                                     ("Matched with OSM", True), ("Building density and OSM completeness", False)]
    root = QgsProject.instance().layerTreeRoot()
    assert not root.findLayer(footprints.id()).isVisible()  # the inputs step aside for the comparison
    assert run_group(compare).isExpanded() and not run_group(predict).isExpanded()
    assert not run_group(predict).itemVisibilityChecked() and not run_group(runs["dataset"]).itemVisibilityChecked()
    assert not root.findLayer(dock.referenceCombo.currentLayer().id()).isVisible()
    grid = layers_named("Building density and OSM completeness")[0]  # after every comparison
    assert compare["outputs"]["grid"].endswith("grid.gpkg") and grid.renderer().type() == "graduatedSymbol"
    assert sum(cell["matched"] for cell in grid.getFeatures()) == compare["metrics"]["tp"]
    check = layers_named("Predicted, no OSM match: check")[0]
    assert "osm_overlap" in check.fields().names()
    for key in ("matched", "predicted_only", "reference_only"):
        assert compare["outputs"][key].endswith(".gpkg")

    dock.exportLayerCombo.setLayer(footprints)
    dock.formatCombo.setCurrentIndex(1)  # GeoJSON: WGS 84 by default (RFC 7946)
    assert dock.crsWidget.crs().authid() == "EPSG:4326"
    dock.exportWidget.setFilePath(str(tmp_path / "out" / "buildings"))
    dock.exportButton.click()
    run_to_end(dock)
    exported = tmp_path / "out" / "buildings.geojson"
    assert exported.is_file(), dock.statusLabel.text()
    layer = QgsVectorLayer(str(exported), "exported", "ogr")
    assert layer.featureCount() == footprints.featureCount() > 0
    assert layer.crs().authid() == "EPSG:4326" and "area_m2" in layer.fields().names()
    geojson = json.loads(exported.read_text())
    assert "crs" not in geojson  # RFC 7946 has no crs member
    numbers = re.findall(r"-?\d+\.(\d+)", json.dumps(geojson["features"][0]["geometry"]))
    assert numbers and max(len(decimals) for decimals in numbers) <= 7  # about 1 cm, as OSM stores

    dock.formatCombo.setCurrentIndex(4)  # for OSM mappers: JOSM's format
    assert not dock.crsWidget.isEnabled()
    dock.exportLayerCombo.setLayer(check)
    dock.exportWidget.setFilePath(str(tmp_path / "out" / "for_mappers"))
    dock.exportButton.click()
    run_to_end(dock)
    osm_file = tmp_path / "out" / "for_mappers.osm"
    assert osm_file.is_file() and "for OSM editors" in dock.statusLabel.text(), dock.statusLabel.text()
    text = osm_file.read_text()
    assert 'upload="false"' in text and 'k="building" v="yes"' in text and "aoiA_dense_z20" in text

    assert dock.runsList.count() == 4  # an export writes the analyst's file: it is no run
    predict_row = next(i for i in range(4) if dock.runsList.item(i).text().startswith("Prediction: aoiA_dense_z20.tif z20"))
    assert "footprints" in dock.runsList.item(predict_row).text()
    dock.runsList.setCurrentRow(predict_row)
    before = len(QgsProject.instance().mapLayers())
    dock.reloadButton.click()  # loaded already: selected, not duplicated
    assert len(QgsProject.instance().mapLayers()) == before and "loaded already" in dock.statusLabel.text()
    group = run_group(predict)
    QgsProject.instance().removeMapLayers([node.layerId() for node in group.findLayers()])
    root.removeChildNode(group)
    dock.reloadButton.click()
    assert group_layers(predict) == [("Footprints", True), ("Predicted buildings", False), ("Building probability", False)]


def test_export_never_replaces_the_analysts_layers(dock, tmp_path, monkeypatch):  # noqa: F811
    """The GeoPackage the analyst keeps their edits in gets a new layer; replacing one needs a yes."""
    from osgeo import gdal, ogr

    labels = dock.labelsCombo.currentLayer()
    work = tmp_path / "analyst_work.gpkg"
    gdal.VectorTranslate(str(work), labels.source(), format="GPKG", layerName="my_edited_buildings")

    def layers():
        source = ogr.Open(str(work))
        return {source.GetLayer(i).GetName(): source.GetLayer(i).GetFeatureCount() for i in range(source.GetLayerCount())}

    original = layers()
    assert list(original) == ["my_edited_buildings"]
    dock.outputWidget.setFilePath(str(tmp_path / "workspace"))
    dock.exportLayerCombo.setLayer(labels)
    dock.formatCombo.setCurrentIndex(0)
    dock.exportWidget.setFilePath(str(work))
    dock.exportButton.click()
    run_to_end(dock)
    assert layers() == {**original, "osm_buildings": labels.featureCount()}, dock.statusLabel.text()
    assert "layer 'osm_buildings'" in dock.statusLabel.text()

    asked = []
    monkeypatch.setattr(dock, "ask", lambda question: asked.append(question) or False)
    dock.exportLayerNameEdit.setText("my_edited_buildings")
    dock.exportButton.click()
    assert "already holds a layer 'my_edited_buildings'" in asked[0] and "other layers are kept" in asked[0]
    assert dock.run is None and "Not exported" in dock.statusLabel.text() and layers()["my_edited_buildings"] == original["my_edited_buildings"]

    monkeypatch.setattr(dock, "ask", lambda question: True)
    dock.exportLayerCombo.setLayer(labels)
    labels.selectByIds([next(labels.getFeatures()).id()])
    dock.exportButton.click()
    run_to_end(dock)
    assert layers() == {"my_edited_buildings": labels.featureCount(), "osm_buildings": labels.featureCount()}

    # A one-layer format: an existing file is replaced only after a yes.
    monkeypatch.setattr(dock, "ask", lambda question: asked.append(question) or False)
    dock.formatCombo.setCurrentIndex(3)  # FlatGeobuf
    target = tmp_path / "handover.fgb"
    target.write_bytes(b"the coordinator's file")
    dock.exportWidget.setFilePath(str(target))
    dock.exportButton.click()
    assert "handover.fgb exists" in asked[-1] and target.read_bytes() == b"the coordinator's file"
    assert not (tmp_path / "workspace").exists()  # exports make no run folders


def test_missing_aws_settings_are_explained_and_nothing_runs(dock, tmp_path):  # noqa: F811
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(tmp_path))
    (tmp_path / "dataset.json").write_text("{}")
    dock.backendCombo.setCurrentIndex(1)
    dock.regionEdit.setText("")
    dock.trainButton.click()
    assert "SageMaker needs a region" in dock.statusLabel.text() and dock.run is None
    dock.sourceCombo.setCurrentIndex(1)
    dock.predictButton.click()
    assert dock.run is None and sorted(p.name for p in tmp_path.iterdir()) == ["dataset.json"]


def test_a_remembered_retired_instance_type_gives_way_to_the_default(dock):  # noqa: F811
    from e84_segment.backends.sagemaker.contract import DEFAULT_TRAINING_INSTANCE

    assert dock.instanceCombo.itemText(0) == "ml.g4dn.xlarge"
    assert not [dock.instanceCombo.itemText(i) for i in range(dock.instanceCombo.count()) if ".p2." in dock.instanceCombo.itemText(i)]
    for remembered, shown in (("ml.p2.xlarge", DEFAULT_TRAINING_INSTANCE), ("ml.g5.2xlarge", "ml.g5.2xlarge")):
        dock.settings.aws_training_instance = remembered
        dock._restore_settings()
        assert dock.instanceCombo.currentText() == shown


def test_wrong_inputs_are_refused_before_anything_runs(dock, tmp_path):  # noqa: F811
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.trainButton.click()
    assert "dataset folder" in dock.statusLabel.text()
    dock.modelWidget.setFilePath(str(tmp_path / "missing.pt"))
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiPolygonsGroup.setChecked(True)  # polygons chosen, but none selected
    dock.aoiLayerCombo.setLayer(dock.labelsCombo.currentLayer())
    dock.predictButton.click()
    assert "area of interest" in dock.statusLabel.text()
    assert dock.run is None and list(tmp_path.iterdir()) == []
    # A raster can never be chosen where polygons are expected, nor polygons as imagery.
    for combo in (dock.labelsCombo, dock.footprintsCombo, dock.exportLayerCombo, dock.aoiLayerCombo):
        assert imagery not in [combo.layer(i) for i in range(combo.count())]
    assert dock.labelsCombo.currentLayer() not in [dock.imageryCombo.layer(i) for i in range(dock.imageryCombo.count())]


def test_selected_polygons_make_the_area(dock, tmp_path):  # noqa: F811
    dock.use("aoiA_dense_z20.tif", 20)
    labels = dock.labelsCombo.currentLayer()
    labels.selectByIds([next(labels.getFeatures()).id()])
    dock.aoiPolygonsGroup.setChecked(True)
    dock.aoiLayerCombo.setLayer(labels)
    assert dock.aoiSelectedCheck.isChecked()
    parameters = dock.aoi_parameters()
    assert parameters["AOI_LAYER"].selectedFeaturesOnly and "tiles at zoom 20" in dock.estimateLabel.text()
    box = ogr.CreateGeometryFromWkt(dock.aoi_geometry().asWkt())
    assert 0 < box.GetArea() < 5000  # one building, in EPSG:3857 square metres


def test_aoi_drawn_with_the_mouse_on_the_canvas(dock, qgis_iface):  # noqa: F811
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    corner_a, corner_b = draw_aoi(dock, qgis_iface.mapCanvas(), imagery, margin=0.3)
    drawn = dock.aoiGroup.outputExtent()
    assert abs(drawn.xMinimum() - corner_a.x()) < 1 and abs(drawn.xMaximum() - corner_b.x()) < 1
    assert abs(drawn.yMaximum() - corner_a.y()) < 1 and abs(drawn.yMinimum() - corner_b.y()) < 1
    assert "tiles at zoom 20" in dock.estimateLabel.text() and dock.rubber_band.numberOfVertices() >= 4
    dock.clearAoiButton.click()
    assert dock.aoi_geometry().isEmpty() and dock.rubber_band.numberOfVertices() == 0


def _cancel_when(dock, predicate):
    from pytest_qgis.utils import wait_until

    wait_until(lambda: dock.run is not None and predicate(), timeout_milliseconds=60_000)
    dock.cancelButton.click()
    said = dock.statusLabel.text()
    run_to_end(dock)
    return said


def test_cancel_during_prediction_leaves_a_consistent_run(dock, tmp_path, trained):  # noqa: F811
    imagery = dock.use("aoiB_west_z21.tif", 21)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    layers_before = set(QgsProject.instance().mapLayers())
    dock.modelWidget.setFilePath(str(trained[0]))
    dock.zoomSpin.setValue(21)
    dock.predictButton.click()
    _cancel_when(dock, lambda: dock.progressBar.value() > 0)
    (folder,) = [p for p in tmp_path.iterdir() if p.name.startswith("predict-")]
    assert json.loads((folder / "run.json").read_text())["status"] == "cancelled"
    assert sorted(p.name for p in folder.iterdir()) == ["run.json"]  # no half-written GeoTIFF or GeoPackage
    assert set(QgsProject.instance().mapLayers()) == layers_before
    assert QgsProject.instance().layerTreeRoot().findGroup(folder.name) is None


def test_sagemaker_path_in_the_dock(dock, tmp_path, aws, local_endpoint, kampala_dataset, monkeypatch):  # noqa: F811
    needs_torch()
    pytest.importorskip("sagemaker_training", reason="AWS's training toolkit (requirements-container.txt) is not installed")
    from .sagemaker_fixtures import REGION

    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", local_endpoint.url)  # moto cannot answer images
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(kampala_dataset))
    dock.backendCombo.setCurrentIndex(1)
    assert not dock.sagemakerGroup.isHidden() and dock.localGroup.isHidden()
    dock.regionEdit.setText(REGION)
    dock.s3UriEdit.setText(f"s3://{aws.bucket}/dock/")
    dock.roleEdit.setText(aws.role_arn)
    dock.checkButton.click()
    from pytest_qgis.utils import wait_until

    wait_until(lambda: "Estimated cost" in dock.connectionLabel.text(), timeout_milliseconds=30_000)
    assert "is reachable" in dock.connectionLabel.text() and "$3.825/h" in dock.connectionLabel.text()
    # The plugin's model (the default) trains in a job run by AWS's training toolkit on this machine.
    from .sagemaker_container import Platform
    from .sagemaker_fixtures import sagemaker_backend

    Platform(aws.url, REGION, tmp_path / "sagemaker").install(monkeypatch, sagemaker_backend())
    assert dock.trainerCombo.currentIndex() == 0
    dock.epochsSpin.setValue(1)
    dock.trainButton.click()
    run_to_end(dock)
    assert "Completed" in dock.statusLabel.text() and "predicts here, with no network" in dock.statusLabel.text(), dock.statusLabel.text()
    train = json.loads(next(tmp_path.glob("train-*/run.json")).read_text())
    assert train["backend"] == "sagemaker" and train["sagemaker"]["job"] == dock.jobEdit.text() != ""
    assert Path(train["outputs"]["model"]).is_file() and dock.modelWidget.filePath() == train["outputs"]["model"]
    assert dock.sourceCombo.currentIndex() == 0 and dock.settings.aws_region == REGION and dock.settings.aws_trainer == 0
    dock.sourceCombo.setCurrentIndex(2)  # and deployed from the job, on the PyTorch inference container
    dock.predictButton.click()
    run_to_end(dock)
    assert "building footprints in" in dock.statusLabel.text(), dock.statusLabel.text()
    predict = json.loads(next(tmp_path.glob("predict-*/run.json")).read_text())
    assert predict["backend"] == "sagemaker" and predict["outputs"]["footprints"].endswith("footprints.gpkg")
    import boto3

    assert boto3.client("sagemaker", region_name=REGION).list_endpoints()["Endpoints"] == []  # deleted after use
    dock.settings.aws_region = ""


def test_cancel_during_training_keeps_the_best_model_so_far(dock, tmp_path, kampala_dataset):  # noqa: F811
    needs_torch()
    from e84_segment.backends.local import modelfile

    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(kampala_dataset))
    dock.timeLimitSpin.setValue(5)
    dock.trainButton.click()
    said = _cancel_when(dock, lambda: len(dock.plot.iou) >= 1)
    assert said == "Cancelling: the model so far is kept, with its checkpoint to resume from."
    (folder,) = tmp_path.iterdir()
    record = json.loads((folder / "run.json").read_text())
    assert record["status"] == "cancelled" and record["outputs"]["model"] == dock.modelWidget.filePath()
    _, meta = modelfile.load(folder / "model.pt")  # whole and loadable
    assert meta["zoom"] == 20 and len(meta["history"]) < 100


def test_live_endpoints_are_listed_and_deleted_from_the_runs_tab(dock, aws):  # noqa: F811
    from pytest_qgis.utils import wait_until

    from e84_segment.backends.sagemaker import contract, endpoints, training
    from e84_segment.backends.sagemaker.aws import AwsSettings

    from .sagemaker_fixtures import REGION

    sm = AwsSettings().client("sagemaker")
    request = contract.TrainingRequest(contract.unique_name("e84-segment"), REGION, aws.role_arn, f"s3://{aws.bucket}/k/",
                                       f"s3://{aws.bucket}/k/models/", "ml.p3.2xlarge", {"num_classes": "2"}).as_kwargs()
    artifact = training.submit(sm, request)["ModelArtifacts"]["S3ModelArtifacts"]
    live = endpoints.deploy(sm, REGION, artifact, aws.role_arn, contract.DEFAULT_HOSTING_INSTANCE, "e84-segment",
                            report=lambda m: None, poll_seconds=0)
    dock.regionEdit.setText(REGION)
    dock.refreshEndpointsButton.click()
    wait_until(lambda: dock.endpointsList.count() and dock.endpointsList.item(0).data(256), timeout_milliseconds=30_000)
    assert dock.endpointsList.item(0).data(256) == live.endpoint
    dock.endpointsList.setCurrentRow(0)
    dock.deleteEndpointButton.click()
    wait_until(lambda: "No live endpoints" in dock.endpointsList.item(0).text(), timeout_milliseconds=30_000)
    assert sm.list_endpoints()["Endpoints"] == []


def test_damage_triage_from_the_compare_tab(dock, tmp_path, trained):  # noqa: F811
    """Buildings before (OSM) against a prediction standing for the post-event one: ranked, styled, a run."""
    import processing
    from qgis.core import QgsProcessingFeedback, QgsRasterLayer

    from .conftest import KAMPALA

    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    model, _ = trained
    folder = tmp_path / "post"
    folder.mkdir()
    processing.run("e84segment:predictlocal", {
        "IMAGERY": imagery, "MODEL": str(model), "TTA": False, "OUTPUT_CLASSES": str(folder / "classes.tif"),
        "OUTPUT_PROBABILITY": str(folder / "probability.tif")}, feedback=QgsProcessingFeedback())
    classes = QgsRasterLayer(str(folder / "classes.tif"), "post-event classes")
    before = QgsVectorLayer(str(KAMPALA / "buildings.geojson"), "OSM before", "ogr")
    QgsProject.instance().addMapLayers([classes, before])
    dock.preEventCombo.setLayer(None)
    dock.triageButton.click()  # nothing chosen is refused with what to choose
    assert "Choose the buildings before the event" in dock.statusLabel.text() and dock.run is None
    dock.preEventCombo.setLayer(before)
    dock.postClassesCombo.setLayer(classes)
    dock.triageButton.click()
    run_to_end(dock)
    assert "are not seen by this model" in dock.statusLabel.text(), dock.statusLabel.text()
    record = next(json.loads(p.read_text()) for p in tmp_path.glob("triage-*/run.json"))
    assert record["status"] == "completed" and record["outputs"]["triage"].endswith("triage.gpkg")
    assert record["parameters"]["e84segment:comparebuildings"]["PROBABILITY"].endswith("probability.tif")
    layer = layers_named("Buildings by what the new imagery shows")[0]
    assert layer.renderer().type() == "categorizedSymbol" and layer.featureCount() == before.featureCount()
    assert {f["status"] for f in layer.getFeatures()} <= {"intact", "partly", "not seen", "no imagery"}
