"""The plugin inside QGIS: load, unload, reload; start-up cost; the dock running the algorithm."""
import json
import subprocess
import sys
import textwrap

import pytest

from qgis.core import QgsApplication, QgsCategorizedSymbolRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

import e84_segment

from .conftest import KAMPALA, ROOT, require


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def plugin_widgets(main_window):
    return (
        main_window.findChildren(QDockWidget, "E84SegmentDock"),
        main_window.findChildren(QToolBar, "e84SegmentToolbar"),
    )


def test_load_unload_reload_leaves_nothing_behind(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("e84segment")
    if existing is not None:  # registered by the session fixture of other tests
        registry.removeProvider(existing)
    main_window = qgis_iface.mainWindow()
    for _ in range(2):
        plugin = e84_segment.classFactory(qgis_iface)
        plugin.initGui()
        docks, toolbars = plugin_widgets(main_window)
        assert len(docks) == 1 and len(toolbars) == 1
        assert registry.algorithmById("e84segment:buildtrainingdata") is not None
        assert plugin.dock.isHidden()
        plugin.action.trigger()
        assert not plugin.dock.isHidden()
        plugin.unload()
        flush_deletes()
        assert plugin_widgets(main_window) == ([], [])
        assert registry.providerById("e84segment") is None
        assert registry.algorithmById("e84segment:buildtrainingdata") is None


def test_starting_qgis_with_the_plugin_loads_neither_torch_nor_boto3():
    script = textwrap.dedent(
        """
        import json, sys
        from qgis.core import QgsApplication
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow
        from pytest_qgis.mock_qgis_classes import MockMessageBar
        from pytest_qgis.qgis_interface import QgisInterface
        app = QgsApplication([], True)
        app.initQgis()
        iface = QgisInterface(QgsMapCanvas(), MockMessageBar(), QMainWindow())
        import e84_segment
        plugin = e84_segment.classFactory(iface)
        plugin.initGui()
        print(json.dumps(sorted(m for m in ("torch", "boto3", "botocore", "sagemaker") if m in sys.modules)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []


@pytest.fixture
def dock(qgis_iface, provider, qgis_new_project):
    """The dock on a fresh project holding the OSM buildings; ``dock.use(tif)`` picks the imagery."""
    from e84_segment.gui.dock import E84SegmentDock

    labels = QgsVectorLayer(str(require(KAMPALA / "buildings.geojson")), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayer(labels)
    widget = E84SegmentDock(qgis_iface, qgis_iface.mainWindow())
    widget.labelsCombo.setLayer(labels)

    def use(tif: str, zoom: int) -> QgsRasterLayer:
        imagery = QgsRasterLayer(str(require(KAMPALA / "geotiff" / tif)), tif)
        QgsProject.instance().addMapLayer(imagery)
        widget.imageryCombo.setLayer(imagery)
        widget.zoomSpin.setValue(zoom)
        return imagery

    widget.use = use
    yield widget
    widget.shutdown()  # as the plugin's unload does: the project's signals let go, a run still going stops
    widget.deleteLater()
    flush_deletes()


def layers_named(name: str) -> list:
    """The project's layers called ``name``, whatever run their name adds in brackets."""
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.name() == name or layer.name().startswith(f"{name} (")]


def run_group(record: dict):
    """The layer-tree group of a run (given as its run.json), named after what the run did."""
    from e84_segment.core.runs import RunRecord

    return QgsProject.instance().layerTreeRoot().findGroup(RunRecord(**record).title)


def run_to_end(dock) -> None:
    from pytest_qgis.utils import wait_until

    wait_until(lambda: dock.run is None, timeout_milliseconds=60_000)


def test_dock_builds_training_data_in_the_background(dock, tmp_path):
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.runButton.click()
    assert "area of interest" in dock.statusLabel.text()  # refused: no AOI yet, nothing started
    assert dock.run is None and list(tmp_path.iterdir()) == []
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    assert "4 tiles at zoom 20 and up to" in dock.estimateLabel.text() and "km²" in dock.estimateLabel.text()
    assert "at zooms 19 and 21 for scale" in dock.estimateLabel.text()
    dock.scaleCheck.setChecked(False)  # zoom 20 alone: the estimate follows
    assert "for scale" not in dock.estimateLabel.text() and "4 tiles at zoom 20 (at most" in dock.estimateLabel.text()
    dock.scaleCheck.setChecked(True)
    assert "matches zoom 20" in dock.zoomAdviceLabel.text()
    assert dock.rubber_band.numberOfVertices() >= 4  # the area is drawn on the canvas
    dock.runButton.click()
    assert not dock.runButton.isEnabled() and dock.cancelButton.isEnabled()
    run_to_end(dock)
    assert "Wrote 15 training and 1 validation chips" in dock.statusLabel.text()  # 3 at z20, 12 at z19 and z21
    (run_folder,) = tmp_path.iterdir()
    assert (run_folder / "dataset" / "dataset.json").is_file()
    record = json.loads((run_folder / "run.json").read_text())
    assert record["status"] == "completed" and record["kind"] == "dataset" and len(record["fingerprint"]) == 16
    assert record["metrics"] == {"train": 15, "validation": 1}
    loaded = layers_named("Training tiles")
    assert len(loaded) == 1 and isinstance(loaded[0].renderer(), QgsCategorizedSymbolRenderer)
    assert loaded[0].name() == "Training tiles (aoiA_dense_z20.tif z20 {})".format(record["started"][11:16])
    group = run_group(record)
    assert group.name().startswith("Dataset: aoiA_dense_z20.tif z20") and group.findLayer(loaded[0].id()) is not None
    assert dock.datasetWidget.filePath() == str(run_folder / "dataset")  # the next step starts from it
    assert dock.settings.zoom == 20  # remembered for next time
    row = dock.runsList.item(0).text()
    assert dock.runsList.count() == 1 and row.startswith("Dataset: aoiA_dense_z20.tif z20") and "15 training chips, 1 validation" in row


def test_dock_explains_and_runs_nothing_without_a_workspace(dock, tmp_path):
    dock.aoiGroup.setOutputExtentFromLayer(dock.use("aoiA_dense_z20.tif", 20))
    dock.outputWidget.setFilePath("")
    dock.runButton.click()
    assert "workspace folder" in dock.statusLabel.text() and dock.run is None


def test_dock_cancel_writes_nothing(dock, tmp_path):
    dock.aoiGroup.setOutputExtentFromLayer(dock.use("aoiB_west_z21.tif", 21))
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.runButton.click()
    dock.cancelButton.click()
    run_to_end(dock)
    assert "Cancel" in dock.statusLabel.text()
    (run_folder,) = tmp_path.iterdir()
    assert [p.name for p in run_folder.iterdir()] == ["run.json"]  # no dataset, half-written or not
    assert json.loads((run_folder / "run.json").read_text())["status"] == "cancelled"
    assert not layers_named("Training tiles")
