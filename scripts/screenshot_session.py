"""Runs inside the QGIS desktop (qgis --code): drives the dock from the dataset to the comparison
with OSM (the map then shows the comparison classes over the imagery) and saves a screenshot.

Started by scripts/screenshot.py, which sets E84_SCREENSHOT, E84_WORKSPACE and E84_DATA.
"""
import os
from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

DATA = Path(os.environ["E84_DATA"])
OUTPUT = Path(os.environ["E84_SCREENSHOT"])
steps = []


def start():
    iface.mainWindow().showMaximized()
    plugin = plugins["e84_segment"]
    plugin.action.setChecked(True)
    dock = plugin.dock
    imagery = QgsRasterLayer(str(DATA / "geotiff" / "aoiA_dense_z20.tif"), "Kampala drone imagery (z20)")
    labels = QgsVectorLayer(str(DATA / "buildings.geojson"), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayers([imagery, labels])
    dock.imageryCombo.setLayer(imagery)
    dock.labelsCombo.setLayer(labels)
    dock.zoomSpin.setValue(20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(os.environ["E84_WORKSPACE"])
    dock.timeLimitSpin.setValue(1.0)
    steps.extend([
        dock.runButton.click,
        dock.trainButton.click,
        lambda: (dock.stepsTabs.setCurrentIndex(2), dock.predictButton.click()),
        lambda: (dock.stepsTabs.setCurrentIndex(3), dock.compareButton.click()),
    ])
    QTimer.singleShot(1000, lambda: advance(dock))


def advance(dock):
    if dock.run is not None:
        QTimer.singleShot(1000, lambda: advance(dock))
        return
    if steps:
        steps.pop(0)()
        QTimer.singleShot(1000, lambda: advance(dock))
        return
    imagery = QgsProject.instance().mapLayersByName("Kampala drone imagery (z20)")[0]
    canvas = iface.mapCanvas()
    canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(imagery, imagery.extent()))
    canvas.refreshAllLayers()
    QTimer.singleShot(5000, finish)


def finish():
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    iface.mainWindow().grab().save(str(OUTPUT))
    QApplication.instance().exit(0)


QTimer.singleShot(3000, start)
