"""Runs inside the QGIS desktop (qgis --code): drives the dock from the dataset to the comparison
with OSM (the map then shows the comparison classes over the imagery) and saves a screenshot. Then two
more beside it: <output>-grid.png, the building density and OSM completeness grid in 20 m cells (the dock's
100 m cells would be one cell over this small area), <output>-review.png, the review group in use
(decisions taken against the OSM buildings, as in bench/bench_review.py, then the next footprint shown),
and <output>-correct.png, the tile loop: tiles suggested, the first corrected against OSM (wrong footprints
deleted, missed buildings drawn), Tile done, the next tile open for editing.

Started by scripts/screenshot.py, which sets E84_SCREENSHOT, E84_WORKSPACE and E84_DATA. With
E84_WHEELS, QGIS's Python has no torch: the Dependencies dialog installs it from that folder first
(the screenshot is then the dialog's), and the dock builds a dataset and trains with it.
"""
import os
from pathlib import Path

import processing
from qgis.core import QgsCoordinateTransform, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

DATA = Path(os.environ["E84_DATA"])
OUTPUT = Path(os.environ["E84_SCREENSHOT"])
steps = []


def install_first():
    """The Dependencies dialog, as an analyst uses it, from the folder of wheels."""
    iface.mainWindow().showMaximized()
    plugin = plugins["e84_segment"]
    plugin.show_dependencies()
    dialog = plugin.dependencies_dialog
    dialog.folderRadio.setChecked(True)
    dialog.wheelFolderWidget.setFilePath(os.environ["E84_WHEELS"])
    dialog.installButton.click()

    def wait():
        if dialog.run is not None:
            QTimer.singleShot(1000, wait)
            return
        dialog.grab().save(str(OUTPUT))
        dialog.close()
        dock = plugin.dock
        plugin.action.setChecked(True)
        prepare(dock)
        dock.timeLimitSpin.setValue(0.2)
        steps.extend([dock.runButton.click, dock.trainButton.click, lambda: report(dock)])
        QTimer.singleShot(1000, lambda: advance(dock))

    QTimer.singleShot(1000, wait)


def report(dock):
    OUTPUT.with_suffix(".txt").write_text(dock.statusLabel.text() + "\n", encoding="utf-8")
    QApplication.instance().exit(0)


def prepare(dock):
    imagery = QgsRasterLayer(str(DATA / "geotiff" / "aoiA_dense_z20.tif"), "Kampala drone imagery (z20)")
    labels = QgsVectorLayer(str(DATA / "buildings.geojson"), "OSM buildings", "ogr")
    QgsProject.instance().addMapLayers([imagery, labels])
    dock.imageryCombo.setLayer(imagery)
    dock.labelsCombo.setLayer(labels)
    dock.zoomSpin.setValue(20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(os.environ["E84_WORKSPACE"])


def start():
    iface.mainWindow().showMaximized()
    plugin = plugins["e84_segment"]
    plugin.action.setChecked(True)
    dock = plugin.dock
    prepare(dock)
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
    grid()


def named(prefix: str):
    return next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name().startswith(prefix))


def show_only(*layers) -> None:
    root = QgsProject.instance().layerTreeRoot()
    for node in root.findLayers():
        node.setItemVisibilityChecked(node.layer() in layers)
    for layer in layers:
        node = root.findLayer(layer.id())
        parent = node.parent()
        while parent is not None:
            parent.setItemVisibilityChecked(True)
            parent = parent.parent()


def grid():
    imagery, footprints = named("Kampala drone imagery"), named("Footprints (")
    processing.runAndLoadResults("e84segment:buildinggrid", {
        "PREDICTED": footprints, "REFERENCE": named("OSM buildings"), "CELL_SIZE": 20.0,
        "AOI": "{},{},{},{} [{}]".format(imagery.extent().xMinimum(), imagery.extent().xMaximum(),
                                         imagery.extent().yMinimum(), imagery.extent().yMaximum(), imagery.crs().authid()),
        "OUTPUT": os.path.join(os.environ["E84_WORKSPACE"], "grid-20m.gpkg")})
    cells = next(layer for layer in QgsProject.instance().mapLayers().values() if "grid-20m" in layer.source())
    cells.setOpacity(0.75)
    show_only(imagery, cells)
    QgsProject.instance().layerTreeRoot().findLayer(cells.id()).setExpanded(True)  # the legend: its four classes
    iface.setActiveLayer(cells)
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(4000, lambda: (iface.mainWindow().grab().save(str(OUTPUT.with_name(f"{OUTPUT.stem}-grid.png"))),
                                     review()))


def review():
    """The dock's review group over the prediction's footprints; decisions as an analyst with OSM at hand takes them."""
    from qgis.core import QgsGeometry

    dock = plugins["e84_segment"].dock
    imagery, footprints, osm = named("Kampala drone imagery"), named("Footprints ("), named("OSM buildings")
    show_only(imagery, footprints)
    transform = QgsCoordinateTransform(osm.crs(), footprints.crs(), QgsProject.instance())
    buildings = [QgsGeometry(f.geometry()) for f in osm.getFeatures()]
    for geometry in buildings:
        geometry.transform(transform)
    dock.stepsTabs.setCurrentIndex(3)
    dock.reviewLayerCombo.setLayer(footprints)
    dock.compareScroll.ensureWidgetVisible(dock.improveButton)
    dock.nextReviewButton.click()
    for _ in range(12):
        if not footprints.selectedFeatureIds():
            break
        outline = footprints.getFeature(footprints.selectedFeatureIds()[0]).geometry()
        covered = sum(outline.intersection(b).area() for b in buildings if outline.intersects(b))
        (dock.acceptButton if covered > 0.5 * outline.area() else dock.rejectButton).click()
    canvas = iface.mapCanvas()  # the whole area: every decision so far, and the next footprint selected
    canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(imagery, imagery.extent()))
    canvas.refreshAllLayers()
    QTimer.singleShot(4000, lambda: (iface.mainWindow().grab().save(str(OUTPUT.with_name(f"{OUTPUT.stem}-review.png"))),
                                     correct()))


def correct():
    """The tile loop: Suggest tiles, then the first tile corrected as an analyst with OSM at hand does it."""
    dock = plugins["e84_segment"].dock
    dock.suggestCountSpin.setValue(6)
    dock.suggestButton.click()

    def wait():
        if dock.run is not None:
            QTimer.singleShot(1000, wait)
            return
        from qgis.core import QgsFeature, QgsGeometry

        footprints, osm = named("Footprints ("), named("OSM buildings")
        tile = dock.next_tile()
        if tile is not None:
            from e84_segment.gui.tabs.correct import inside, tile_box

            transform = QgsCoordinateTransform(osm.crs(), footprints.crs(), QgsProject.instance())
            box = tile_box(tile, footprints.crs())
            buildings = []
            for feature in osm.getFeatures():
                geometry = QgsGeometry(feature.geometry())
                geometry.transform(transform)
                if geometry.intersects(box):
                    buildings.append(geometry)
            for feature in inside(footprints, box):  # no building under it: deleted
                if not any(feature.geometry().intersects(b) for b in buildings):
                    footprints.deleteFeature(feature.id())
            for building in buildings:  # missed by the model: drawn
                if not any(f.geometry().intersects(building) for f in inside(footprints, box)):
                    drawn = QgsFeature(footprints.fields())
                    drawn.setGeometry(building)
                    footprints.addFeature(drawn)
            dock.tileDoneButton.click()
        loop_layers = (named("Kampala drone imagery"), footprints, dock.suggested_layer(), dock.corrected_layer())
        show_only(*[layer for layer in loop_layers if layer is not None])
        dock.compareScroll.ensureWidgetVisible(dock.tileDoneButton)
        canvas = iface.mapCanvas()
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(footprints, footprints.extent()))
        canvas.refreshAllLayers()
        QTimer.singleShot(4000, lambda: (iface.mainWindow().grab().save(str(OUTPUT.with_name(f"{OUTPUT.stem}-correct.png"))),
                                         QApplication.instance().exit(0)))

    QTimer.singleShot(1000, wait)


QTimer.singleShot(3000, install_first if os.environ.get("E84_WHEELS") else start)
