"""The dock widget: the training-data step of the workflow, run through the Processing algorithm."""
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDockWidget

from ..core import tiles
from ..processing.build_training_data import CANCELLED
from ..processing.build_training_data import BuildTrainingDataAlgorithm as Build
from .runner import AlgorithmRun
from .settings import Settings

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dock.ui")))
BUILD_ID = "e84segment:buildtrainingdata"


class E84SegmentDock(QDockWidget, FORM):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("E84SegmentDock")
        self.iface = iface
        self.settings = Settings()
        self.run = None
        self.imageryCombo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.labelsCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        # No filter unless the analyst writes one (the widget would otherwise pick the first field).
        self.filterExpression.setAllowEmptyFieldName(True)
        self.filterExpression.setLayer(self.labelsCombo.currentLayer())
        self.filterExpression.setExpression("")
        self.labelsCombo.layerChanged.connect(self.filterExpression.setLayer)
        self.aoiGroup.setTitleBase("Area of interest")
        self.aoiGroup.setMapCanvas(iface.mapCanvas())
        # The tile grid's own CRS: an extent taken from a Web Mercator layer stays exact.
        self.aoiGroup.setOutputCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        self.outputWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.splitCombo.addItems(list(tiles.SPLIT_METHODS))
        self._restore_settings()
        self.aoiGroup.extentChanged.connect(self.update_estimate)
        self.zoomSpin.valueChanged.connect(self.update_estimate)
        self.runButton.clicked.connect(self.start)
        self.cancelButton.clicked.connect(self.cancel)
        self.update_estimate()

    def _restore_settings(self):
        s = self.settings
        self.zoomSpin.setValue(s.zoom)
        self.bufferSpin.setValue(s.buffer_m)
        self.ratioSpin.setValue(s.background_ratio)
        self.validationSpin.setValue(s.validation_fraction)
        self.splitCombo.setCurrentIndex(s.split_method)
        self.seedSpin.setValue(s.seed)
        self.outputWidget.setFilePath(s.output_folder)

    def _save_settings(self):
        s = self.settings
        s.zoom = self.zoomSpin.value()
        s.buffer_m = self.bufferSpin.value()
        s.background_ratio = self.ratioSpin.value()
        s.validation_fraction = self.validationSpin.value()
        s.split_method = self.splitCombo.currentIndex()
        s.seed = self.seedSpin.value()
        s.output_folder = self.outputWidget.filePath()

    def update_estimate(self, *_):
        """Tell the tile count before anything runs, so a too-large AOI is caught early."""
        extent = self.aoiGroup.outputExtent()
        if extent.isEmpty():
            self.estimateLabel.setText("Pick an area of interest: canvas extent, a layer's extent, or draw it.")
            return
        to_mercator = QgsCoordinateTransform(
            self.aoiGroup.outputCrs(), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance()
        )
        box = to_mercator.transformBoundingBox(extent)
        count = tiles.count_tiles((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), self.zoomSpin.value())
        size = tiles.estimate(count, 256).disk_bytes / 1e6
        self.estimateLabel.setText(f"{count:,} tiles at zoom {self.zoomSpin.value()} (at most about {size:,.1f} MB)")

    def parameters(self) -> dict:
        extent = self.aoiGroup.outputExtent()
        crs = self.aoiGroup.outputCrs().authid()
        return {
            Build.IMAGERY: self.imageryCombo.currentLayer(),
            Build.LABELS: self.labelsCombo.currentLayer(),
            Build.LABEL_FILTER: self.filterExpression.expression(),
            Build.BUFFER: self.bufferSpin.value(),
            Build.AOI: f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [{crs}]",
            Build.ZOOM: self.zoomSpin.value(),
            Build.BACKGROUND_RATIO: self.ratioSpin.value(),
            Build.VALIDATION_FRACTION: self.validationSpin.value(),
            Build.SPLIT_METHOD: self.splitCombo.currentIndex(),
            Build.SEED: self.seedSpin.value(),
            Build.OUTPUT: self.outputWidget.filePath(),
        }

    def validation_problem(self) -> str:
        if self.imageryCombo.currentLayer() is None:
            return "Choose an imagery layer (add a GeoTIFF, XYZ or WMS layer to the project first)."
        if self.labelsCombo.currentLayer() is None:
            return "Choose the building polygons layer (e.g. OSM buildings)."
        if self.aoiGroup.outputExtent().isEmpty():
            return "Pick an area of interest."
        if not self.outputWidget.filePath():
            return "Choose an output folder (a new or empty one)."
        return ""

    def start(self):
        problem = self.validation_problem()
        if problem:
            self.statusLabel.setText(problem)
            return
        self._save_settings()
        self.run = AlgorithmRun(BUILD_ID, self.parameters(), self)
        self.run.progress.connect(lambda value: self.progressBar.setValue(int(value)))
        self.run.finished.connect(self._finished)
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.progressBar.setValue(0)
        self.statusLabel.setText("Building training data...")
        self.run.start()

    def cancel(self):
        if self.run is not None:
            self.run.cancel()
            self.statusLabel.setText("Cancelling: nothing will be written.")

    def _finished(self, ok: bool, results: dict, log: str):
        self.runButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if ok:
            self.statusLabel.setText(
                f"Wrote {results.get(Build.NUM_TRAIN, 0)} training and "
                f"{results.get(Build.NUM_VALIDATION, 0)} validation chips to {results.get(Build.OUTPUT)}"
            )
            self.iface.messageBar().pushSuccess("e84 segment", self.statusLabel.text())
        elif self.run.feedback.isCanceled():
            self.statusLabel.setText(CANCELLED)
        else:
            lines = [line for line in log.splitlines() if line.strip()]
            message = lines[-1] if lines else "Building training data failed."
            self.statusLabel.setText(message)
            self.iface.messageBar().pushWarning("e84 segment", message)
        self.run = None
