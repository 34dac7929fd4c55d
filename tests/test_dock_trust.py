"""The dock an analyst can trust: it fits the screen, never changes a value by itself, loses no work
when the plugin goes away, keeps its history with the project, and explains bad input before work."""
import json
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QWheelEvent
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea

from e84_segment.core import runs
from e84_segment.gui.dock import DEFAULT_WIDTH
from e84_segment.processing.areas import MERCATOR

from .conftest import KAMPALA, needs_torch, require
from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)

PAGES = ("data", "train", "predict", "compare")


def shown(dock, qgis_parent, width=DEFAULT_WIDTH, height=900):
    dock.setParent(qgis_parent)
    dock.setFloating(True)
    dock.resize(width, height)
    dock.show()
    from pytest_qgis.utils import wait

    wait(100)


def test_the_form_fits_its_default_width(dock, qgis_parent):  # noqa: F811
    shown(dock, qgis_parent)
    assert dock.stepsTabs.tabBar().sizeHint().width() <= dock.stepsTabs.width()  # every tab title whole
    for page in PAGES:
        dock.stepsTabs.setCurrentWidget(getattr(dock, f"{page}Page"))
        scroll: QScrollArea = getattr(dock, f"{page}Scroll")
        assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff
        # Nothing is cut: the form's minimum width fits the visible width of its scroll area.
        assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width(), page
        # The action buttons live outside the scroll area: always visible, whatever the scroll.
        for button in getattr(dock, f"{page}Actions").parentWidget().findChildren(type(dock.runButton)):
            if button.parent() is getattr(dock, f"{page}Page"):
                assert not scroll.isAncestorOf(button)
    dock.stepsTabs.setCurrentWidget(dock.trainPage)
    for combo in (dock.encoderCombo, dock.backendCombo):  # choices read whole
        assert combo.sizeHint().width() <= combo.width(), combo.currentText()
    for button in (dock.runButton, dock.trainButton, dock.predictButton, dock.compareButton, dock.exportButton):
        assert not any(getattr(dock, f"{page}Scroll").isAncestorOf(button) for page in PAGES)
    assert not dock.stepsTabs.isAncestorOf(dock.cancelButton) and not dock.stepsTabs.isAncestorOf(dock.progressBar)


def test_the_wheel_scrolls_the_form_and_changes_no_value(dock, qgis_parent):  # noqa: F811
    shown(dock, qgis_parent, height=300)
    dock.zoomSpin.setValue(20)
    dock.seedSpin.setValue(42)
    dock.runButton.setFocus()
    guarded = dock.findChildren(QAbstractSpinBox) + dock.findChildren(QComboBox)
    assert guarded and all(widget.focusPolicy() == Qt.StrongFocus for widget in guarded)
    for spin in (dock.zoomSpin, dock.seedSpin, dock.splitCombo):
        before = spin.value() if hasattr(spin, "value") else spin.currentIndex()
        centre = QPointF(spin.rect().center())
        event = QWheelEvent(centre, QPointF(spin.mapToGlobal(spin.rect().center())), QPoint(0, 0), QPoint(0, -120),
                            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(spin, event)
        after = spin.value() if hasattr(spin, "value") else spin.currentIndex()
        assert after == before, spin.objectName()
    assert dock.dataScroll.verticalScrollBar().value() > 0  # the form scrolled instead
    dock.zoomSpin.setFocus()
    QApplication.sendEvent(dock.zoomSpin, QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120),
                                                      Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False))
    assert dock.zoomSpin.value() == 21  # focused: the wheel is the analyst's choice


def test_unloading_during_training_ends_the_run_as_a_cancel(qgis_iface, qgis_new_project, kampala_dataset, tmp_path):
    needs_torch()
    import e84_segment
    from pytest_qgis.utils import wait_until

    registry = QgsApplication.processingRegistry()
    if registry.providerById("e84segment") is not None:
        registry.removeProvider(registry.providerById("e84segment"))
    plugin = e84_segment.classFactory(qgis_iface)
    plugin.initGui()
    plugin.dock.outputWidget.setFilePath(str(tmp_path))
    plugin.dock.datasetWidget.setFilePath(str(kampala_dataset))
    plugin.dock.timeLimitSpin.setValue(5)
    plugin.dock.trainButton.click()
    wait_until(lambda: len(plugin.dock.plot.iou) >= 1, timeout_milliseconds=60_000)
    plugin.unload()
    (folder,) = tmp_path.iterdir()
    record = json.loads((folder / "run.json").read_text())
    assert record["status"] == "cancelled" and record["outputs"]["model"].endswith("model.pt")
    assert (folder / "model.pt").is_file()  # what a cancel leaves: the best model so far (and its checkpoint)
    from e84_segment.processing.provider import E84Provider  # the other tests' provider, back

    from . import conftest

    conftest._KEEP_ALIVE[:] = [E84Provider()]
    registry.addProvider(conftest._KEEP_ALIVE[0])


def test_a_run_cut_off_by_a_crash_is_marked_interrupted(tmp_path):
    record = runs.new_run("predict", tmp_path, tag="aoiA z20 10:00")
    (listed,) = runs.load_all([record.folder])
    assert listed.status == "interrupted" and runs.load(Path(record.folder)).status == "interrupted"
    live = runs.new_run("dataset", tmp_path)
    assert {r.status for r in runs.load_all([live.folder], live=live.folder)} == {"running"}


def build_a_dataset(dock, workspace) -> None:
    """One run in the workspace: a dataset of the z20 mosaic over its own extent."""
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(workspace))
    dock.runButton.click()
    run_to_end(dock)


def test_the_runs_tab_follows_the_project(dock, tmp_path):  # noqa: F811
    build_a_dataset(dock, tmp_path / "work")
    assert dock.runsList.count() == 1
    project_file = tmp_path / "analysis.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    dock.outputWidget.setFilePath(str(tmp_path / "elsewhere"))
    assert dock.runsList.count() == 0  # a new project on another workspace has no runs
    assert QgsProject.instance().read(str(project_file))
    assert dock.runsList.count() == 1 and dock.runsList.item(0).text().startswith("Dataset: aoiA_dense_z20.tif z20")


def test_runs_of_a_project_closed_unsaved_are_still_listed_from_the_workspace(dock, tmp_path):  # noqa: F811
    """ux-walk H6: 16 run folders in the workspace, 6 listed: the runs after the last save vanished."""
    build_a_dataset(dock, tmp_path / "work")
    QgsProject.instance().clear()  # closed without saving: the project never knew the run
    assert QgsProject.instance().readListEntry("e84_segment", "runs")[0] == []
    assert dock.runsList.count() == 1 and dock.runsList.item(0).text().startswith("Dataset: aoiA_dense_z20.tif z20")


def test_refused_steps_leave_no_run_folder(dock, tmp_path):  # noqa: F811
    needs_torch()  # the model file is read by the local backend
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(tmp_path / "no-dataset"))
    dock.trainButton.click()
    dock.modelWidget.setFilePath(str(require(KAMPALA / "buildings.geojson")))  # not a model
    dock.predictButton.click()
    run_to_end(dock)
    assert "Model file: '" in dock.statusLabel.text() and "is not accepted here; choose a .pt or .onnx file" in dock.statusLabel.text()
    notes = tmp_path.parent / f"{tmp_path.name}-notes.pt"
    notes.write_text("meeting notes, not a model")
    dock.modelWidget.setFilePath(str(notes))
    dock.predictButton.click()
    run_to_end(dock)
    assert "not a readable e84 segment model: it looks like a text file" in dock.statusLabel.text()
    assert "pop from empty list" not in dock.statusLabel.text()
    assert list(tmp_path.iterdir()) == [] and dock.runsList.count() == 0


def test_an_empty_area_and_a_world_sized_one_are_explained(dock, tmp_path):  # noqa: F811
    dock.use("aoiA_dense_z20.tif", 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.clear_aoi()
    assert dock.aoiGroup.title() == "Area of interest (none yet)"
    dock.aoiGroup.setOutputExtentFromUser(QgsRectangle(-20_000_000, -20_000_000, 20_000_000, 20_000_000), MERCATOR)
    assert "more than 20,000: draw a smaller area of interest, or lower the zoom to" in dock.estimateLabel.text()
    # ux-walk 11: the world measured 0.000 km², and Build and Predict stayed enabled.
    km2 = float(dock.estimateLabel.text().split(" km²")[0].replace(",", ""))
    assert 4.5e8 < km2 < 5.2e8, dock.estimateLabel.text()  # the Earth's 510 million km², less its poles
    assert not dock.runButton.isEnabled() and not dock.predictButton.isEnabled()
    assert "more than 20,000" in dock.predictEstimateLabel.text()
    dock.runButton.click()  # a click that gets through all the same is refused
    assert dock.run is None and list(tmp_path.iterdir()) == []
    dock.aoiGroup.setOutputExtentFromLayer(dock.imageryCombo.currentLayer())
    assert dock.runButton.isEnabled() and dock.predictButton.isEnabled()


def test_aoi_polygons_invalid_or_unselected(dock, tmp_path, build):  # noqa: F811
    labels = dock.labelsCombo.currentLayer()
    assert any(not f.geometry().isGeosValid() for f in labels.getFeatures())  # real OSM: one bad ring
    dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiPolygonsGroup.setChecked(True)
    dock.aoiLayerCombo.setLayer(labels)
    dock.aoiSelectedCheck.setChecked(True)
    labels.removeSelection()
    assert "No polygon of 'OSM buildings' is selected" in dock.estimateLabel.text()
    dock.aoiSelectedCheck.setChecked(False)
    assert "invalid polygons repaired" in dock.estimateLabel.text() and not dock.aoi_geometry().isEmpty()
    # The algorithm too: every polygon, one of them invalid, and no extent given.
    from qgis.core import QgsProcessingFeedback

    class Lines(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

    feedback = Lines()
    source = str(require(KAMPALA / "geotiff" / "aoiA_dense_z20.tif"))
    result = build(feedback, IMAGERY=source, LABELS=labels.source(), AOI_LAYER=labels.source(), ZOOM=18,
                   OUTPUT=str(tmp_path / "ds"))
    assert result["NUM_TRAIN"] > 0 and any("invalid polygons of AOI_LAYER were repaired" in line for line in feedback.lines)


def test_a_dataset_without_validation_is_asked_about_before_training(dock, tmp_path, kampala_dataset, monkeypatch):  # noqa: F811
    needs_torch()
    import shutil

    folder = tmp_path / "small"
    shutil.copytree(kampala_dataset, folder)
    for path in (folder / "validation").glob("*.jpg"):
        path.unlink()
    dock.outputWidget.setFilePath(str(tmp_path / "work"))
    dock.datasetWidget.setFilePath(str(folder))
    questions = []
    monkeypatch.setattr(dock, "ask", lambda question: questions.append(question) or False)
    dock.trainButton.click()
    assert "no validation chips" in questions[0] and dock.run is None
    assert "Not trained" in dock.statusLabel.text() and not (tmp_path / "work").exists()
    monkeypatch.setattr(dock, "ask", lambda question: True)
    dock.timeLimitSpin.setValue(0.1)
    dock.trainButton.click()
    run_to_end(dock)
    assert "on the training chips (no validation split" in dock.statusLabel.text(), dock.statusLabel.text()
    assert "(on training chips)" in dock.runsList.item(0).text()


def test_trainlocal_refuses_no_validation_unless_asked(build, kampala_dataset, tmp_path):
    needs_torch()
    import shutil

    import processing
    from qgis.core import QgsProcessingException

    folder = tmp_path / "small"
    shutil.copytree(kampala_dataset, folder)
    for path in (folder / "validation").glob("*.jpg"):
        path.unlink()
    with pytest.raises(QgsProcessingException, match="no validation chips.*tick 'Train without validation'"):
        processing.run("e84segment:trainlocal", {"DATASET": str(folder), "OUTPUT": str(tmp_path / "m.pt")})
    assert not (tmp_path / "m.pt").exists()


def test_a_model_of_another_zoom_is_said_before_predicting(dock, trained):  # noqa: F811
    imagery = dock.use("aoiB_west_z21.tif", 21)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.modelWidget.setFilePath(str(trained[0]))
    text = dock.predictEstimateLabel.text()
    assert "at zoom 20 (the model's zoom)" in text  # the model's zoom, not the Data tab's 21
    assert "The imagery is zoom 21" in text and "works at zoom 20" in text and "read 2x coarser" in text
    assert "buildings keep the size the model learned" in text  # ux-walk C2: it said they would look smaller


def test_unwritable_outputs_are_refused_before_work(build, tmp_path, kampala_dataset):
    import processing
    from qgis.core import QgsProcessingException

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(QgsProcessingException, match="cannot write into .*not-a-folder.*Choose a folder you can write to"):
        processing.run("e84segment:trainlocal", {"DATASET": str(kampala_dataset), "OUTPUT": str(blocker / "m.pt")})
    with pytest.raises(QgsProcessingException, match="cannot write into"):
        build(IMAGERY=str(require(KAMPALA / "geotiff" / "aoiA_dense_z20.tif")), LABELS=str(KAMPALA / "buildings.geojson"),
              ZOOM=18, OUTPUT=str(blocker / "dataset"))


def test_an_os_error_becomes_a_sentence(provider):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    from e84_segment.processing.base import E84Algorithm

    class Failing(E84Algorithm):
        ID, TITLE, GROUP = "failing", "Failing", "model"

        def initAlgorithm(self, config=None):
            pass

        def processAlgorithm(self, parameters, context, feedback):
            raise PermissionError(13, "Permission denied", "/media/usb/model.pt")

    with pytest.raises(QgsProcessingException, match="Cannot read or write /media/usb/model.pt: Permission denied"):
        Failing().processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())


def test_toolbox_groups_follow_the_workflow_and_help_uses_the_dialogs_words(provider):
    import re

    groups = sorted({algorithm.group() for algorithm in provider.algorithms()})
    assert groups == ["1 Training data", "2 Model", "3 Footprints", "4 SageMaker", "5 Set-up"]
    for algorithm in provider.algorithms():
        text = algorithm.shortHelpString()
        for definition in algorithm.parameterDefinitions():
            label = definition.description().split(" (")[0]
            if label != definition.name():
                assert not re.search(rf"\b{definition.name()}\b", text), (algorithm.id(), definition.name())


def test_the_training_plot_has_axes_and_values(dock):  # noqa: F811
    needs_torch()
    from e84_segment.backends.local.train import _epoch_line

    for epoch, loss, iou, f1 in ((1, 0.6, 0.4, 0.25), (2, 0.3, 0.6, 0.5)):
        # The very lines trainlocal writes.
        dock.plot.add_line(_epoch_line({"epoch": epoch, "minutes": epoch / 2, "train_loss": loss, "pixel_accuracy": 0.9, "miou": 0.7,
                                        "building_iou": iou, "precision": 0.8, "recall": 0.7, "object_f1": f1, "tp": 3, "fp": 1,
                                        "fn": 2, "measured_on": "validation"}))
    assert dock.plot.iou == {1: 0.4, 2: 0.6} and dock.plot.f1 == {1: 0.25, 2: 0.5}
    labels = dock.plot.axis_labels()
    assert labels == {"iou": ["0", "0.5", "1"], "loss": ["0", "0.3", "0.6"], "epoch": ["1", "2"]}
    dock.plot.resize(400, 160)
    assert not dock.plot.grab().isNull()


def test_the_dock_restores_its_choices_with_the_project(dock, tmp_path):  # noqa: F811
    """ux-walk H5: reopened, the pickers defaulted to the OSM layer (Compare ran OSM against itself) and the
    model, dataset, imagery and AOI were gone."""
    import shutil

    imagery = dock.use("aoiB_west_z20.tif", 20)
    copy = tmp_path / "footprints.geojson"
    shutil.copy(require(KAMPALA / "buildings.geojson"), copy)
    footprints = QgsVectorLayer(str(copy), "Footprints", "ogr")
    QgsProject.instance().addMapLayer(footprints)
    osm = dock.labelsCombo.currentLayer()
    dock.footprintsCombo.setLayer(footprints)
    dock.referenceCombo.setLayer(osm)
    dock.reviewLayerCombo.setLayer(footprints)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.modelWidget.setFilePath(str(tmp_path / "train-1" / "model.pt"))
    dock.datasetWidget.setFilePath(str(tmp_path / "dataset-1"))
    extent = dock.aoiGroup.outputExtent()
    ids = {"footprints": footprints.id(), "osm": osm.id(), "imagery": imagery.id()}  # the layers go with clear()
    project_file = tmp_path / "day one.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    dock.modelWidget.setFilePath("")
    dock.datasetWidget.setFilePath("")
    assert QgsProject.instance().read(str(project_file))
    assert dock.footprintsCombo.currentLayer().id() == ids["footprints"]
    assert dock.referenceCombo.currentLayer().id() == ids["osm"] and dock.reviewLayerCombo.currentLayer().id() == ids["footprints"]
    assert dock.imageryCombo.currentLayer().id() == ids["imagery"]
    assert dock.modelWidget.filePath() == str(tmp_path / "train-1" / "model.pt")
    assert dock.datasetWidget.filePath() == str(tmp_path / "dataset-1")
    restored = dock.aoiGroup.outputExtent()
    assert abs(restored.xMinimum() - extent.xMinimum()) < 1e-6 and abs(restored.yMaximum() - extent.yMaximum()) < 1e-6


def test_the_zoom_follows_new_imagery_and_the_estimate_follows_the_selection(dock):  # noqa: F811
    """ux-walk C9 (the zoom stayed at the remembered 19 beside 'matches zoom 20') and C10 (the estimate
    kept '4 tiles' with nothing selected)."""
    from qgis.core import QgsRasterLayer

    dock.zoomSpin.setValue(19)
    imagery = QgsRasterLayer(str(require(KAMPALA / "geotiff" / "aoiA_dense_z20.tif")), "aoiA z20")
    QgsProject.instance().addMapLayer(imagery)
    dock.imageryCombo.setLayer(imagery)
    assert dock.zoomSpin.value() == 20 and "matches zoom 20" in dock.zoomAdviceLabel.text()
    labels = dock.labelsCombo.currentLayer()
    dock.aoiPolygonsGroup.setChecked(True)
    dock.aoiLayerCombo.setLayer(labels)
    dock.aoiSelectedCheck.setChecked(True)
    labels.selectByIds([next(labels.getFeatures()).id()])
    assert "tiles at zoom 20" in dock.estimateLabel.text(), dock.estimateLabel.text()
    labels.removeSelection()
    assert "No polygon of 'OSM buildings' is selected" in dock.estimateLabel.text()
