"""The plugin inside QGIS: load, unload, reload; start-up cost; the dock running the algorithm."""
import json
import subprocess
import sys
import textwrap

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


def test_dock_builds_training_data_in_the_background(qgis_iface, provider, qgis_new_project, tmp_path):
    from pytest_qgis.utils import wait_until

    from e84_segment.gui.dock import E84SegmentDock

    imagery = QgsRasterLayer(str(require(KAMPALA / "geotiff" / "aoiA_dense_z20.tif")), "drone z20")
    labels = QgsVectorLayer(str(KAMPALA / "buildings.geojson"), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayers([imagery, labels])
    dock = E84SegmentDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.imageryCombo.setLayer(imagery)
        dock.labelsCombo.setLayer(labels)
        dock.zoomSpin.setValue(20)
        out = tmp_path / "dock_dataset"
        dock.runButton.click()
        assert "area of interest" in dock.statusLabel.text()  # refused: no AOI yet, nothing started
        assert dock.run is None
        dock.aoiGroup.setOutputExtentFromLayer(imagery)
        assert "4 tiles at zoom 20" in dock.estimateLabel.text()
        dock.outputWidget.setFilePath(str(out))
        dock.runButton.click()
        assert not dock.runButton.isEnabled() and dock.cancelButton.isEnabled()
        wait_until(lambda: dock.run is None, timeout_milliseconds=60_000)
        assert "Wrote 3 training and 1 validation chips" in dock.statusLabel.text()
        assert (out / "dataset.json").is_file()
        loaded = QgsProject.instance().mapLayersByName("Training tiles")
        assert len(loaded) == 1 and isinstance(loaded[0].renderer(), QgsCategorizedSymbolRenderer)
        assert dock.settings.zoom == 20  # remembered for next time
    finally:
        dock.deleteLater()
        flush_deletes()


def test_dock_reports_a_refused_run(qgis_iface, provider, qgis_new_project, tmp_path):
    from pytest_qgis.utils import wait_until

    from e84_segment.gui.dock import E84SegmentDock

    imagery = QgsRasterLayer(str(require(KAMPALA / "geotiff" / "aoiA_dense_z20.tif")), "drone z20")
    labels = QgsVectorLayer(str(KAMPALA / "buildings.geojson"), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayers([imagery, labels])
    out = tmp_path / "occupied"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    dock = E84SegmentDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.imageryCombo.setLayer(imagery)
        dock.labelsCombo.setLayer(labels)
        dock.aoiGroup.setOutputExtentFromLayer(imagery)
        dock.outputWidget.setFilePath(str(out))
        dock.runButton.click()
        wait_until(lambda: dock.run is None, timeout_milliseconds=60_000)
        assert "not empty" in dock.statusLabel.text()
        assert dock.runButton.isEnabled()
        assert [p.name for p in out.iterdir()] == ["keep.txt"]
    finally:
        dock.deleteLater()
        flush_deletes()


def test_dock_cancel_writes_nothing(qgis_iface, provider, qgis_new_project, tmp_path):
    from pytest_qgis.utils import wait_until

    from e84_segment.gui.dock import E84SegmentDock

    imagery = QgsRasterLayer(str(require(KAMPALA / "geotiff" / "aoiB_west_z21.tif")), "drone z21")
    labels = QgsVectorLayer(str(KAMPALA / "buildings.geojson"), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayers([imagery, labels])
    dock = E84SegmentDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.imageryCombo.setLayer(imagery)
        dock.labelsCombo.setLayer(labels)
        dock.zoomSpin.setValue(21)
        dock.aoiGroup.setOutputExtentFromLayer(imagery)
        out = tmp_path / "cancelled"
        dock.outputWidget.setFilePath(str(out))
        dock.runButton.click()
        dock.cancelButton.click()
        wait_until(lambda: dock.run is None, timeout_milliseconds=60_000)
        assert "Cancel" in dock.statusLabel.text()
        assert not out.exists() and list(tmp_path.iterdir()) == []
        assert not QgsProject.instance().mapLayersByName("Training tiles")
    finally:
        dock.deleteLater()
        flush_deletes()
