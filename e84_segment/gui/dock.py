"""The workflow dock: area of interest to exported footprints, each step a Processing algorithm.

Thin on purpose: the form is dock.ui; every button builds the parameters of one algorithm (or a
short chain) and runs it in the background through AlgorithmRun. Each run writes into its own
folder of the workspace, loads its layers into a layer-tree group named after it, and leaves a
run.json (core.runs) that the Runs tab lists and reloads.
"""
import json
import math
import shutil
from pathlib import Path
from typing import Callable, List, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsMessageLog,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QListWidgetItem

from ..backends.sagemaker.contract import DEFAULT_TRAINING_INSTANCE, GPU_TRAINING_INSTANCES
from ..core import runs, tiles
from ..processing import areas, styles
from ..processing.areas import MERCATOR
from ..processing.build_training_data import CANCELLED
from ..processing.build_training_data import BuildTrainingDataAlgorithm as Build
from ..processing.train_local import ENCODER_CHOICES
from .epoch_plot import EpochPlot
from .runner import AlgorithmRun
from .settings import Settings

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dock.ui")))
BUILD_ID = "e84segment:buildtrainingdata"
LOG_TAG = "e84 segment"
PROJECT_SCOPE, PROJECT_RUNS = "e84_segment", "runs"
BACKENDS = ("Local (this machine)", "Amazon SageMaker")
SOURCES = ("Local model file", "SageMaker endpoint", "SageMaker training job")
EXPORT_FORMATS = (("GeoPackage", ".gpkg"), ("GeoJSON", ".geojson"), ("ESRI Shapefile", ".shp"), ("FlatGeobuf", ".fgb"))
# Output files -> (layer name, styler) when a run's layers are loaded again.
RELOAD = {
    "tiles": ("Training tiles", styles.TilesStyler), "classes": ("Predicted buildings", styles.ClassesStyler),
    "probability": ("Building probability", styles.ProbabilityStyler), "footprints": ("Building footprints", styles.FootprintsStyler),
    "matched": ("Matched buildings", styles.MatchedStyler), "predicted_only": ("Buildings OSM lacks", styles.PredictedOnlyStyler),
    "reference_only": ("OSM buildings not found", styles.ReferenceOnlyStyler),
}


class E84SegmentDock(QDockWidget, FORM):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("E84SegmentDock")
        self.iface = iface
        self.settings = Settings()
        self.run: Optional[AlgorithmRun] = None
        self.record: Optional[runs.RunRecord] = None
        self.imageryCombo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        for combo in (self.labelsCombo, self.aoiLayerCombo, self.footprintsCombo, self.referenceCombo, self.exportLayerCombo):
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        # No filter unless the analyst writes one (the widget would otherwise pick the first field).
        self.filterExpression.setAllowEmptyFieldName(True)
        self.filterExpression.setLayer(self.labelsCombo.currentLayer())
        self.filterExpression.setExpression("")
        self.labelsCombo.layerChanged.connect(self.filterExpression.setLayer)
        self.labelsCombo.layerChanged.connect(self.referenceCombo.setLayer)
        self.aoiGroup.setTitleBase(self.tr("Area of interest"))
        self.aoiGroup.setMapCanvas(iface.mapCanvas())
        # The tile grid's own CRS: an extent taken from a Web Mercator layer stays exact.
        self.aoiGroup.setOutputCrs(MERCATOR)
        self.rubber_band = QgsRubberBand(iface.mapCanvas(), QgsWkbTypes.PolygonGeometry)
        self.rubber_band.setStrokeColor(QColor(255, 127, 0))
        self.rubber_band.setFillColor(QColor(255, 127, 0, 30))
        self.rubber_band.setWidth(2)
        for widget in (self.outputWidget, self.datasetWidget):
            widget.setStorageMode(QgsFileWidget.GetDirectory)
        self.modelWidget.setFilter("e84 segment model (*.pt)")
        self.exportWidget.setStorageMode(QgsFileWidget.SaveFile)
        self.splitCombo.addItems(list(tiles.SPLIT_METHODS))
        self.backendCombo.addItems([self.tr(b) for b in BACKENDS])
        self.sourceCombo.addItems([self.tr(s) for s in SOURCES])
        self.encoderCombo.addItems([label for _, label in ENCODER_CHOICES])
        self.instanceCombo.addItems(list(GPU_TRAINING_INSTANCES))
        self.formatCombo.addItems([name for name, _ in EXPORT_FORMATS])
        self.crsWidget.setCrs(MERCATOR)
        self.plot = EpochPlot(self.plotContainer)
        self.plotContainer.layout().addWidget(self.plot)
        self._restore_settings()
        for signal in (self.aoiGroup.extentChanged, self.zoomSpin.valueChanged, self.aoiPolygonsGroup.toggled,
                       self.aoiLayerCombo.layerChanged, self.aoiSelectedCheck.toggled, self.imageryCombo.layerChanged):
            signal.connect(self.update_estimate)
        self.backendCombo.currentIndexChanged.connect(self._show_backend)
        self.sourceCombo.currentIndexChanged.connect(self._show_source)
        self.clearAoiButton.clicked.connect(self.clear_aoi)
        self.runButton.clicked.connect(self.build_dataset)
        self.trainButton.clicked.connect(self.train)
        self.predictButton.clicked.connect(self.predict)
        self.compareButton.clicked.connect(self.compare)
        self.exportButton.clicked.connect(self.export)
        self.checkButton.clicked.connect(self.check_connection)
        self.cancelButton.clicked.connect(self.cancel)
        self.reloadButton.clicked.connect(self.reload_run)
        self.openFolderButton.clicked.connect(self.open_run_record)
        self.refreshEndpointsButton.clicked.connect(self.refresh_endpoints)
        self.deleteEndpointButton.clicked.connect(self.delete_endpoint)
        self.runButtons = [self.runButton, self.trainButton, self.predictButton, self.compareButton, self.exportButton,
                           self.checkButton, self.refreshEndpointsButton, self.deleteEndpointButton]
        self._show_backend()
        self._show_source()
        self.update_estimate()
        self.refresh_runs()

    # --- settings ---------------------------------------------------------------------------------

    def _restore_settings(self):
        s = self.settings
        self.zoomSpin.setValue(s.zoom)
        self.bufferSpin.setValue(s.buffer_m)
        self.ratioSpin.setValue(s.background_ratio)
        self.validationSpin.setValue(s.validation_fraction)
        self.splitCombo.setCurrentIndex(s.split_method)
        self.seedSpin.setValue(s.seed)
        self.outputWidget.setFilePath(s.output_folder)
        self.profileEdit.setText(s.aws_profile)
        self.regionEdit.setText(s.aws_region)
        self.s3UriEdit.setText(s.aws_s3_uri)
        self.roleEdit.setText(s.aws_role_arn)
        self.instanceCombo.setCurrentText(s.aws_training_instance or DEFAULT_TRAINING_INSTANCE)

    def _save_settings(self):
        s = self.settings
        s.zoom = self.zoomSpin.value()
        s.buffer_m = self.bufferSpin.value()
        s.background_ratio = self.ratioSpin.value()
        s.validation_fraction = self.validationSpin.value()
        s.split_method = self.splitCombo.currentIndex()
        s.seed = self.seedSpin.value()
        s.output_folder = self.outputWidget.filePath()
        s.aws_profile = self.profileEdit.text().strip()
        s.aws_region = self.regionEdit.text().strip()
        s.aws_s3_uri = self.s3UriEdit.text().strip()
        s.aws_role_arn = self.roleEdit.text().strip()
        s.aws_training_instance = self.instanceCombo.currentText().strip()

    def _show_backend(self, *_):
        sagemaker = self.backendCombo.currentIndex() == 1
        self.localGroup.setVisible(not sagemaker)
        self.sagemakerGroup.setVisible(sagemaker)

    def _show_source(self, *_):
        source = self.sourceCombo.currentIndex()
        for widget, shown in ((self.modelWidget, source == 0), (self.endpointEdit, source == 1), (self.jobEdit, source == 2),
                              (self.keepEndpointCheck, source == 2)):
            widget.setEnabled(shown)

    # --- area of interest -------------------------------------------------------------------------

    def aoi_geometry(self) -> QgsGeometry:
        """The AOI in EPSG:3857: the chosen polygons, or the extent box."""
        project = QgsProject.instance()
        if self.aoiPolygonsGroup.isChecked():
            layer = self.aoiLayerCombo.currentLayer()
            if layer is None:
                return QgsGeometry()
            features = layer.getSelectedFeatures() if self.aoiSelectedCheck.isChecked() else layer.getFeatures()
            parts = [f.geometry() for f in features if f.hasGeometry()]
            if not parts:
                return QgsGeometry()
            geometry = QgsGeometry.unaryUnion(parts)
            geometry.transform(QgsCoordinateTransform(layer.crs(), MERCATOR, project))
            return geometry
        extent = self.aoiGroup.outputExtent()
        if extent.isEmpty():
            return QgsGeometry()
        transform = QgsCoordinateTransform(self.aoiGroup.outputCrs(), MERCATOR, project)
        return QgsGeometry.fromRect(transform.transformBoundingBox(extent))

    def aoi_parameters(self) -> dict:
        box: QgsRectangle = self.aoi_geometry().boundingBox()
        parameters = {"AOI": f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:3857]"}
        if self.aoiPolygonsGroup.isChecked():
            parameters["AOI_LAYER"] = QgsProcessingFeatureSourceDefinition(
                self.aoiLayerCombo.currentLayer().id(), self.aoiSelectedCheck.isChecked()
            )
        return parameters

    def clear_aoi(self):
        self.aoiGroup.setOutputExtentFromUser(QgsRectangle(), MERCATOR)
        self.aoiPolygonsGroup.setChecked(False)
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.update_estimate()

    def update_estimate(self, *_):
        """Area, tile count and disk size before anything runs, so a too-large AOI is caught early."""
        self._advise_zoom()
        geometry = self.aoi_geometry()
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        if geometry.isEmpty():
            self.estimateLabel.setText(self.tr("Pick an area of interest: canvas extent, a layer's extent or polygons, or draw it."))
            return
        shown = QgsGeometry(geometry)
        shown.transform(QgsCoordinateTransform(MERCATOR, canvas_crs, QgsProject.instance()))
        self.rubber_band.setToGeometry(shown, None)  # shown until the area is cleared
        box = geometry.boundingBox()
        count = tiles.count_tiles(areas.bounds(box), self.zoomSpin.value())
        size = tiles.estimate(count, 256).disk_bytes / 1e6
        area = QgsDistanceArea()
        area.setSourceCrs(MERCATOR, QgsProject.instance().transformContext())
        area.setEllipsoid("WGS84")
        km2 = area.measureArea(geometry) / 1e6
        self.estimateLabel.setText(
            self.tr("{:,.3f} km², {:,} tiles at zoom {} (at most about {:,.1f} MB)").format(km2, count, self.zoomSpin.value(), size)
        )

    def _advise_zoom(self):
        """The imagery's native resolution and the zoom whose pixels match it."""
        layer = self.imageryCombo.currentLayer()
        if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
            self.zoomAdviceLabel.setText(self.tr("Tiled imagery (XYZ, WMS): use a zoom the service offers."))
            return
        centre = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()).transform(
            layer.extent().center()
        )
        metres = layer.rasterUnitsPerPixelX()
        if layer.crs().isGeographic():
            metres *= 111_320 * math.cos(math.radians(centre.y()))
        elif layer.crs() == MERCATOR:
            metres /= tiles.metres_to_mercator(1.0, centre.y())
        if metres <= 0:
            return
        zoom = tiles.zoom_for_resolution(metres, centre.y())
        self.zoomAdviceLabel.setText(self.tr("Imagery: {:.2f} m per pixel, which matches zoom {}.").format(metres, zoom))

    # --- running steps ----------------------------------------------------------------------------

    def workspace(self) -> Optional[Path]:
        path = self.outputWidget.filePath().strip()
        return Path(path) if path else None

    def _refuse(self, problem: str) -> None:
        self.statusLabel.setText(problem)
        self.iface.messageBar().pushWarning(LOG_TAG, problem)

    def _start(self, kind: str, steps: List[tuple], backend: str = "local", parameters: Optional[dict] = None,
               done: Callable[[dict, runs.RunRecord], None] = lambda results, record: None) -> bool:
        """Runs ``steps`` [(algorithm id, parameters or callable(previous results) -> parameters)] one after
        another in the background, in a new run folder; ``done`` gets the last results."""
        workspace = self.workspace()
        if workspace is None:
            self._refuse(self.tr("Choose a workspace folder on the Data tab: every run writes into its own folder there."))
            return False
        if self.run is not None:
            self._refuse(self.tr("Another step is running: wait for it or cancel it."))
            return False
        self._save_settings()
        try:
            self.record = runs.new_run(kind, workspace, backend, _printable(parameters or {}))
        except OSError as error:
            self._refuse(self.tr("Cannot write into the workspace: {}").format(error))
            return False
        self._remember(self.record)
        self._queue = list(steps)
        self._done = done
        for button in self.runButtons:
            button.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self._next({})
        return True

    def _next(self, previous: dict) -> None:
        algorithm, parameters = self._queue.pop(0)
        if callable(parameters):
            parameters = parameters(previous)
        self.record.parameters.setdefault(algorithm, _printable(parameters))
        self.run = AlgorithmRun(algorithm, parameters, self, group=self.record.name)
        self.run.progress.connect(lambda value: self.progressBar.setValue(int(value)))
        self.run.feedback.line.connect(self.plot.add_line)
        self.run.finished.connect(self._finished)
        self.progressBar.setValue(0)
        self.statusLabel.setText(self.tr("{}: {}...").format(self.record.name, self.run.algorithm.displayName()))
        self.run.start()

    def cancel(self):
        if self.run is not None:
            self.run.cancel()
            self.statusLabel.setText(self.tr("Cancelling: nothing half-written will be left."))

    def _finished(self, ok: bool, results: dict, log: str):
        cancelled = self.run.feedback.isCanceled()
        self.run = None
        if ok and self._queue:
            self.record.outputs.update(_files(results))
            self._next(results)
            return
        record, self.record = self.record, None
        for button in self.runButtons:
            button.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if ok:
            self.progressBar.setValue(100)
            record.outputs.update(_files(results))
            try:
                self._done(results, record)
            finally:
                record.finish("completed", self.statusLabel.text())
            self.iface.messageBar().pushSuccess(LOG_TAG, self.statusLabel.text())
        elif cancelled and record.kind == "train" and (Path(record.folder) / "model.pt").is_file():
            # Training promises the best model so far on cancel (and RESUME from its checkpoint).
            record.outputs["model"] = str(Path(record.folder) / "model.pt")
            self.modelWidget.setFilePath(record.outputs["model"])
            self.statusLabel.setText(self.tr("Cancelled: {} holds the best model so far.").format(record.outputs["model"]))
            record.finish("cancelled", self.statusLabel.text())
        elif cancelled:
            self._discard(record)
            record.finish("cancelled", CANCELLED)
            self.statusLabel.setText(self.tr("Cancelled: {} holds no outputs.").format(record.name))
        else:
            lines = [line for line in log.splitlines() if line.strip()]
            message = next((line for line in reversed(lines) if not line.startswith(("Results:", "Execution"))), "")
            message = message or self.tr("The step failed.")
            self._discard(record)
            record.finish("failed", message)
            self.statusLabel.setText(message)
            self.iface.messageBar().pushWarning(LOG_TAG, self.tr("{} (details in the log panel, {} tab)").format(message, LOG_TAG))
            QgsMessageLog.logMessage(log, LOG_TAG, Qgis.Warning)
        self.refresh_runs()

    def _discard(self, record: runs.RunRecord) -> None:
        """A chain stopped part way: what its earlier steps wrote and loaded goes too, so a run is
        whole or holds only its run.json."""
        project = QgsProject.instance()
        group = project.layerTreeRoot().findGroup(record.name)
        if group is not None:
            project.removeMapLayers([layer.layerId() for layer in group.findLayers()])
            project.layerTreeRoot().removeChildNode(group)
        for path in Path(record.folder).iterdir():
            if path.name != runs.RUN_JSON:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        record.outputs.clear()

    # --- the steps --------------------------------------------------------------------------------

    def build_dataset(self):
        problem = ""
        if self.imageryCombo.currentLayer() is None:
            problem = self.tr("Choose an imagery layer (add a GeoTIFF, XYZ or WMS layer to the project first).")
        elif self.labelsCombo.currentLayer() is None:
            problem = self.tr("Choose the building polygons layer (e.g. OSM buildings).")
        elif self.aoi_geometry().isEmpty():
            problem = self.tr("Pick an area of interest.")
        if problem:
            return self._refuse(problem)
        parameters = {
            Build.IMAGERY: self.imageryCombo.currentLayer(),
            Build.LABELS: self.labelsCombo.currentLayer(),
            Build.LABEL_FILTER: self.filterExpression.expression(),
            Build.BUFFER: self.bufferSpin.value(),
            Build.ZOOM: self.zoomSpin.value(),
            Build.BACKGROUND_RATIO: self.ratioSpin.value(),
            Build.VALIDATION_FRACTION: self.validationSpin.value(),
            Build.SPLIT_METHOD: self.splitCombo.currentIndex(),
            Build.SEED: self.seedSpin.value(),
            **self.aoi_parameters(),
        }

        def with_output(_):
            return {**parameters, Build.OUTPUT: str(Path(self.record.folder) / "dataset")}

        def done(results, record):
            folder = results.get(Build.OUTPUT, "")
            record.metrics.update(train=results.get(Build.NUM_TRAIN), validation=results.get(Build.NUM_VALIDATION))
            record.outputs["dataset"] = folder
            record.outputs["tiles"] = str(Path(folder) / "tiles.geojson")
            record.fingerprint = _fingerprint(folder)
            self.datasetWidget.setFilePath(folder)
            self.statusLabel.setText(
                self.tr("Wrote {} training and {} validation chips to {}").format(
                    results.get(Build.NUM_TRAIN, 0), results.get(Build.NUM_VALIDATION, 0), folder)
            )

        self._start("dataset", [(BUILD_ID, with_output)], parameters=parameters, done=done)

    def _aws(self) -> dict:
        return {"PROFILE": self.profileEdit.text().strip(), "REGION": self.regionEdit.text().strip()}

    def _aws_problem(self, need_bucket: bool = True, need_role: bool = True) -> str:
        missing = [name for name, value, needed in (
            (self.tr("a region"), self.regionEdit.text().strip(), True),
            (self.tr("an S3 location"), self.s3UriEdit.text().strip(), need_bucket),
            (self.tr("an execution role"), self.roleEdit.text().strip(), need_role),
        ) if needed and not value]
        if missing:
            return self.tr("SageMaker needs {} on the Train tab (the profile may stay empty).").format(", ".join(missing))
        return ""

    def train(self):
        dataset = self.datasetWidget.filePath().strip()
        if not dataset or not (Path(dataset) / "dataset.json").is_file():
            return self._refuse(self.tr("Choose a dataset folder from Build dataset (it holds dataset.json)."))
        self.plot.clear()
        if self.backendCombo.currentIndex() == 1:
            problem = self._aws_problem()
            if problem:
                return self._refuse(problem)
            parameters = {"DATASET": dataset, "S3_URI": self.s3UriEdit.text().strip(), "ROLE_ARN": self.roleEdit.text().strip(),
                          "INSTANCE_TYPE": self.instanceCombo.currentText().strip(), "EPOCHS": self.epochsSpin.value(),
                          "USE_SPOT": self.spotCheck.isChecked(), **self._aws()}

            def remote(_):
                return {**parameters, "OUTPUT_RECORD": str(Path(self.record.folder) / "sagemaker.json")}

            def done(results, record):
                record.sagemaker.update(job=results.get("JOB_NAME", ""), model_artifact=results.get("MODEL_ARTIFACT", ""))
                record.metrics.update({"validation:mIOU": results.get("MIOU"), "validation:pixel_accuracy": results.get("PIXEL_ACCURACY")})
                self.jobEdit.setText(results.get("JOB_NAME", ""))
                self.sourceCombo.setCurrentIndex(2)
                self.statusLabel.setText(self.tr("Training job {}: {}").format(results.get("JOB_NAME"), results.get("STATUS")))

            self._start("train", [("e84segment:trainsagemaker", remote)], "sagemaker", parameters, done)
            return
        parameters = {"DATASET": dataset, "TIME_LIMIT": self.timeLimitSpin.value(), "ENCODER": self.encoderCombo.currentIndex()}

        def local(_):
            return {**parameters, "OUTPUT": str(Path(self.record.folder) / "model.pt")}

        def done(results, record):
            record.metrics.update(building_iou=results.get("BUILDING_IOU"), miou=results.get("MIOU"))
            record.fingerprint = _fingerprint(dataset)
            self.modelWidget.setFilePath(results.get("OUTPUT", ""))
            self.sourceCombo.setCurrentIndex(0)
            self.statusLabel.setText(self.tr("Model {}: best validation building IoU {:.3f}").format(
                results.get("OUTPUT"), results.get("BUILDING_IOU") or 0.0))

        self._start("train", [("e84segment:trainlocal", local)], "local", parameters, done)

    def predict(self):
        if self.imageryCombo.currentLayer() is None:
            return self._refuse(self.tr("Choose the imagery layer on the Data tab."))
        if self.aoi_geometry().isEmpty():
            return self._refuse(self.tr("Pick an area of interest on the Data tab."))
        source = self.sourceCombo.currentIndex()
        base = {"IMAGERY": self.imageryCombo.currentLayer(), **self.aoi_parameters()}
        if source == 0:
            model = self.modelWidget.filePath().strip()
            if not model or not Path(model).is_file():
                return self._refuse(self.tr("Choose a model file from Train (local)."))
            algorithm, backend, parameters = "e84segment:predictlocal", "local", {**base, "MODEL": model}
        else:
            name = (self.endpointEdit if source == 1 else self.jobEdit).text().strip()
            problem = self._aws_problem(need_bucket=False, need_role=False) or (
                "" if name else self.tr("Give the endpoint or training job name."))
            if problem:
                return self._refuse(problem)
            key = "ENDPOINT" if source == 1 else "TRAINING_JOB"
            algorithm, backend = "e84segment:predictendpoint", "sagemaker"
            parameters = {**base, key: name, "KEEP_ENDPOINT": self.keepEndpointCheck.isChecked(),
                          "ROLE_ARN": self.roleEdit.text().strip(), **self._aws()}

        def rasters(_):
            folder = Path(self.record.folder)
            return {**parameters, "OUTPUT_CLASSES": str(folder / "classes.tif"), "OUTPUT_PROBABILITY": str(folder / "probability.tif")}

        def footprints(previous):
            return {"INPUT": previous["OUTPUT_CLASSES"], "PROBABILITY": previous["OUTPUT_PROBABILITY"],
                    "OUTPUT": _loaded(Path(self.record.folder) / "footprints.gpkg", RELOAD["footprints"][0])}

        def done(results, record):
            record.outputs["footprints"] = results.get("OUTPUT", "")
            record.metrics["footprints"] = results.get("COUNT")
            if record.outputs.get("OUTPUT_CLASSES"):
                record.outputs["classes"] = record.outputs.pop("OUTPUT_CLASSES")
                record.outputs["probability"] = record.outputs.pop("OUTPUT_PROBABILITY", "")
            for layer in QgsProject.instance().mapLayersByName("Building footprints"):
                if layer.source().split("|")[0] == record.outputs["footprints"]:
                    self.footprintsCombo.setLayer(layer)
                    self.exportLayerCombo.setLayer(layer)
            self.statusLabel.setText(self.tr("{} building footprints in {}").format(results.get("COUNT", 0), record.folder))

        self._start("predict", [(algorithm, rasters), ("e84segment:polygonize", footprints)], backend, parameters, done)

    def compare(self):
        predicted, reference = self.footprintsCombo.currentLayer(), self.referenceCombo.currentLayer()
        if predicted is None or reference is None:
            return self._refuse(self.tr("Choose the predicted footprints and the OSM buildings to compare."))
        parameters = {"PREDICTED": predicted, "REFERENCE": reference, "IOU_THRESHOLD": self.iouSpin.value()}
        if not self.aoi_geometry().isEmpty():
            parameters["AOI"] = self.aoi_parameters()["AOI"]

        def outputs(_):
            folder = Path(self.record.folder)
            return {**parameters, **{key: _loaded(folder / f"{key.lower()}.gpkg", RELOAD[key.lower()][0])
                                     for key in ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY")},
                    "OUTPUT_REPORT": str(folder / "report.json")}

        def done(results, record):
            for key in ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY"):
                record.outputs[key.lower()] = record.outputs.pop(key, results.get(key, ""))
            scores = json.loads(Path(results["OUTPUT_REPORT"]).read_text(encoding="utf-8"))
            record.metrics.update(scores)
            self.statusLabel.setText(self.tr("TP {tp}, FP {fp}, FN {fn}: F1 {f1:.3f}, area IoU {area_iou:.3f}").format(**scores))

        self._start("compare", [("e84segment:compareosm", outputs)], parameters=parameters, done=done)

    def export(self):
        layer = self.exportLayerCombo.currentLayer()
        target = self.exportWidget.filePath().strip()
        if layer is None or not target:
            return self._refuse(self.tr("Choose the footprints layer and the file to export to."))
        name, suffix = EXPORT_FORMATS[self.formatCombo.currentIndex()]
        path = str(Path(target).with_suffix(suffix))
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return self._refuse(self.tr("Cannot write {}: {}").format(path, error))
        parameters = {"INPUT": layer, "TARGET_CRS": self.crsWidget.crs(), "OUTPUT": path}

        def done(results, record):
            record.outputs["export"] = path
            self.statusLabel.setText(self.tr("Exported {} features to {} ({})").format(layer.featureCount(), path, name))

        self._start("export", [("native:reprojectlayer", parameters)], parameters={**parameters, "FORMAT": name}, done=done)

    # --- SageMaker ----------------------------------------------------------------------------------

    def check_connection(self):
        problem = self._aws_problem(need_bucket=False, need_role=False)
        if problem:
            self.connectionLabel.setText(problem)
            return
        self._save_settings()
        run = AlgorithmRun("e84segment:checkaws", {**self._aws(), "S3_URI": self.s3UriEdit.text().strip(),
                                                    "ROLE_ARN": self.roleEdit.text().strip(),
                                                    "INSTANCE_TYPE": self.instanceCombo.currentText().strip()}, self)
        self.connectionLabel.setText(self.tr("Checking..."))
        run.finished.connect(lambda ok, results, log: self.connectionLabel.setText(
            results.get("REPORT") or (log.strip().splitlines() or [self.tr("The check failed.")])[-1]))
        self._check_run = run
        run.start()

    def refresh_endpoints(self):
        if self._aws_problem(need_bucket=False, need_role=False):
            self.endpointsList.clear()
            self.endpointsList.addItem(self.tr("Set a region on the Train tab to list endpoints."))
            return
        self._endpoints({})

    def delete_endpoint(self):
        item = self.endpointsList.currentItem()
        if item is not None and item.data(256):
            self._endpoints({"DELETE": item.data(256)})

    def _endpoints(self, extra: dict):
        run = AlgorithmRun("e84segment:sagemakerendpoints", {**self._aws(), **extra}, self)

        def listed(ok, results, log):
            self.endpointsList.clear()
            if not ok:
                self.endpointsList.addItem((log.strip().splitlines() or ["?"])[-1])
                return
            for endpoint in json.loads(results.get("ENDPOINTS") or "[]"):
                item = QListWidgetItem(f"{endpoint['name']} ({endpoint['status']}, since {endpoint['created']})")
                item.setData(256, endpoint["name"])
                self.endpointsList.addItem(item)
            if not self.endpointsList.count():
                self.endpointsList.addItem(self.tr("No live endpoints of the plugin."))

        run.finished.connect(listed)
        self._endpoint_run = run
        run.start()

    # --- run history ----------------------------------------------------------------------------

    def _run_folders(self) -> List[str]:
        folders, _ = QgsProject.instance().readListEntry(PROJECT_SCOPE, PROJECT_RUNS)
        return list(folders)

    def _remember(self, record: runs.RunRecord) -> None:
        folders = self._run_folders()
        if record.folder not in folders:
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_RUNS, folders + [record.folder])

    def refresh_runs(self):
        self.runsList.clear()
        for record in runs.load_all(self._run_folders()):
            item = QListWidgetItem(record.label())
            item.setData(256, record.folder)
            item.setToolTip(record.message)
            self.runsList.addItem(item)

    def _selected_record(self) -> Optional[runs.RunRecord]:
        item = self.runsList.currentItem()
        return runs.load(Path(item.data(256))) if item is not None else None

    def reload_run(self):
        record = self._selected_record()
        if record is None:
            return
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.findGroup(record.name) or root.insertGroup(0, record.name)
        for key, path in record.outputs.items():
            if key not in RELOAD or not path or not Path(path).exists():
                continue
            name, styler = RELOAD[key]
            layer = QgsRasterLayer(path, name) if path.endswith(".tif") else QgsVectorLayer(path, name, "ogr")
            if not layer.isValid():
                continue
            project.addMapLayer(layer, False)
            group.addLayer(layer)
            styler().style(layer)
        self.statusLabel.setText(self.tr("Loaded the layers of {}").format(record.name))

    def open_run_record(self):
        record = self._selected_record()
        if record is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(record.path)))

    def remove_canvas_items(self) -> None:
        """Called when the plugin unloads: the area drawn on the canvas goes with it."""
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.iface.mapCanvas().scene().removeItem(self.rubber_band)


def _printable(parameters: dict) -> dict:
    out = {}
    for key, value in parameters.items():
        if hasattr(value, "source") and callable(value.source):
            out[key] = value.source()
        elif isinstance(value, QgsProcessingFeatureSourceDefinition):
            out[key] = f"{value.source.staticValue()} (selected only: {value.selectedFeaturesOnly})"
        elif isinstance(value, QgsProcessingOutputLayerDefinition):
            out[key] = value.sink.staticValue()
        elif isinstance(value, QgsCoordinateReferenceSystem):
            out[key] = value.authid()
        else:
            out[key] = value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
    return out


def _loaded(path: Path, name: str) -> QgsProcessingOutputLayerDefinition:
    """A file output that loads into the project when the algorithm ends (sinks load only if asked)."""
    definition = QgsProcessingOutputLayerDefinition(str(path), QgsProject.instance())
    definition.destinationName = name
    return definition


def _files(results: dict) -> dict:
    return {key: value for key, value in results.items() if isinstance(value, str) and Path(value.split("|")[0]).exists()}


def _fingerprint(folder: str) -> str:
    from ..backends.local.data import fingerprint

    try:
        return fingerprint(Path(folder))
    except OSError:
        return ""
