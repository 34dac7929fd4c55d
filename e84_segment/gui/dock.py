"""The workflow dock: area of interest to exported footprints, each step a Processing algorithm.

The frame only: the form is dock.ui, each tab's Python is a mixin in gui/tabs/, and this module
runs steps. Every button builds the parameters of one algorithm (or a short chain) and runs it in
the background through AlgorithmRun. Each run writes into its own folder of the workspace, loads
its layers into a layer-tree group named after what it did, and leaves a run.json (core.runs) that
the Runs tab lists and reloads.
"""
import shutil
import traceback
from pathlib import Path
from typing import Callable, List, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayerTree,
    QgsMessageLog,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QMessageBox

from ..backends.sagemaker.contract import DEFAULT_TRAINING_INSTANCE, GPU_TRAINING_INSTANCES
from ..core import runs
from ..i18n import sentence
from ..processing.chip_dataset import CANCELLED
from .runner import AlgorithmRun
from .settings import Settings
from .tabs.compare import CompareTab
from .tabs.correct import CorrectTab
from .tabs.data import DataTab
from .tabs.people import PeopleTab
from .tabs.predict import PredictTab
from .tabs.review import ReviewTab
from .tabs.runs import RunsTab
from .tabs.train import TrainTab
from .wheel_guard import guard_wheel

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dock.ui")))
LOG_TAG = "e84 segment"
# The width the dock opens at: every tab title and form row whole, with room to spare (checked by a
# test against the form's own minimum sizes).
DEFAULT_WIDTH = 480
FORM_PAGES = ("data", "train", "predict", "compare")  # the tabs whose form scrolls


class E84SegmentDock(QDockWidget, FORM, DataTab, TrainTab, PredictTab, CompareTab, PeopleTab, ReviewTab, CorrectTab, RunsTab):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("E84SegmentDock")
        self.iface = iface
        self.settings = Settings()
        self.run: Optional[AlgorithmRun] = None
        self.record: Optional[runs.RunRecord] = None
        self.aoi_repaired = 0
        self.setup_data_tab()
        self.setup_train_tab()
        self.setup_predict_tab()
        self.setup_compare_tab()
        self.setup_people_tab()
        self.setup_review_tab()
        self.setup_correct_tab()
        self._restore_settings()
        self.cancelButton.clicked.connect(self.cancel)
        self.runButtons = [self.runButton, self.trainButton, self.checkModelButton, self.predictButton, self.compareButton, self.exportButton,
                           self.improveButton, self.checkButton, self.refreshEndpointsButton, self.deleteEndpointButton,
                           self.suggestButton, self.predictAgainButton, self.peopleButton, self.situationButton]
        self.setup_runs_tab()
        self.update_estimate()
        guard_wheel(self.stepsTabs)
        self._lay_out_pages()

    def _lay_out_pages(self) -> None:
        """The dock never gets narrower than its widest form or its tab bar: scrolling sideways is
        off, so nothing may be cut instead (QScrollArea does not pass its form's minimum on). Each
        form keeps its rows together at the top: the spacer below them takes the spare height."""
        self.stepsTabs.tabBar().setUsesScrollButtons(False)
        self.stepsTabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        for page in FORM_PAGES:
            scroll = getattr(self, f"{page}Scroll")
            layout = scroll.widget().layout()
            layout.setStretch(layout.count() - 1, 1)
        self._fit_forms()

    def _fit_forms(self) -> None:
        # Widgets know their final size only once styled (QGIS 3.40's are wider than 3.22's): measured
        # again when the dock shows, with the scroll area's frame.
        for page in FORM_PAGES:
            scroll = getattr(self, f"{page}Scroll")
            scroll.widget().ensurePolished()
            scroll.setMinimumWidth(scroll.widget().minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                                   + 2 * scroll.frameWidth())

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_forms()

    # --- settings ---------------------------------------------------------------------------------

    def _restore_settings(self):
        s = self.settings
        self.zoomSpin.setValue(s.zoom)
        self.bufferSpin.setValue(s.buffer_m)
        self.ratioSpin.setValue(s.background_ratio)
        self.validationSpin.setValue(s.validation_fraction)
        self.splitCombo.setCurrentIndex(s.split_method)
        self.seedSpin.setValue(s.seed)
        self.scaleCheck.setChecked(s.extra_zooms)
        self.regularCheck.setChecked(s.regular_outlines)
        self.outputWidget.setFilePath(s.output_folder)
        self.profileEdit.setText(s.aws_profile)
        self.regionEdit.setText(s.aws_region)
        self.s3UriEdit.setText(s.aws_s3_uri)
        self.roleEdit.setText(s.aws_role_arn)
        # An instance type remembered from an older version may be retired since: back to the default.
        saved = s.aws_training_instance
        self.instanceCombo.setCurrentText(saved if saved in GPU_TRAINING_INSTANCES else DEFAULT_TRAINING_INSTANCE)
        self.trainerCombo.setCurrentIndex(s.aws_trainer if 0 <= s.aws_trainer < self.trainerCombo.count() else 0)

    def _save_settings(self):
        s = self.settings
        s.zoom = self.zoomSpin.value()
        s.buffer_m = self.bufferSpin.value()
        s.background_ratio = self.ratioSpin.value()
        s.validation_fraction = self.validationSpin.value()
        s.split_method = self.splitCombo.currentIndex()
        s.seed = self.seedSpin.value()
        s.extra_zooms = self.scaleCheck.isChecked()
        s.regular_outlines = self.regularCheck.isChecked()
        s.output_folder = self.outputWidget.filePath()
        s.aws_profile = self.profileEdit.text().strip()
        s.aws_region = self.regionEdit.text().strip()
        s.aws_s3_uri = self.s3UriEdit.text().strip()
        s.aws_role_arn = self.roleEdit.text().strip()
        s.aws_training_instance = self.instanceCombo.currentText().strip()
        s.aws_trainer = self.trainerCombo.currentIndex()

    # --- running steps ----------------------------------------------------------------------------

    def workspace(self) -> Optional[Path]:
        path = self.outputWidget.filePath().strip()
        return Path(path) if path else None

    def ask(self, question: str) -> bool:
        """A yes/no question before something is replaced or a step runs on doubtful input."""
        answer = QMessageBox.question(self, LOG_TAG, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def local_packages_ready(self) -> bool:
        """Local steps need PyTorch: when QGIS's Python lacks it, offer to install it instead of failing."""
        from .. import dependencies

        if not dependencies.missing(dependencies.LOCAL_PACKAGES):
            return True
        if self.ask(self.tr("Local training and prediction need PyTorch, which QGIS's Python does not have yet (about "
                            "900 MB, installed into this QGIS profile only).\n\nInstall it now, online or from a folder "
                            "of wheels?")):
            from .dependencies_dialog import open_dialog

            self.dependencies_dialog = open_dialog(self)
        self._refuse(self.tr("Not started: PyTorch is missing. Install it from Plugins > e84 segment > Dependencies."))
        return False

    def _refuse(self, problem: str) -> None:
        self.statusLabel.setText(problem)
        self.iface.messageBar().pushWarning(LOG_TAG, problem)

    def _start(self, kind: Optional[str], steps: List[tuple], backend: str = "local", parameters: Optional[dict] = None,
               done: Callable[[dict, Optional[runs.RunRecord]], None] = lambda results, record: None, tag: str = "",
               area_km2: Optional[float] = None) -> bool:
        """Runs ``steps`` [(algorithm id, parameters or callable(previous results) -> parameters)] one after
        another in the background, in a new run folder (none when ``kind`` is None); ``done`` gets the
        last results."""
        workspace = self.workspace()
        if kind is not None and workspace is None:
            self._refuse(self.tr("Choose a workspace folder on the Data tab: every run writes into its own folder there."))
            return False
        if self.run is not None:
            self._refuse(self.tr("Another step is running: wait for it or cancel it."))
            return False
        self._save_settings()
        if kind is not None:
            try:
                self.record = runs.new_run(kind, workspace, backend, _printable(parameters or {}), tag, area_km2)
            except OSError as error:
                self._refuse(self.tr("Cannot write into the workspace {}: {}. Choose a folder you can write to.").format(
                    workspace, error.strerror or error))
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
        record = self.record
        try:
            if callable(parameters):
                parameters = parameters(previous)
            if record is not None:
                record.parameters.setdefault(algorithm, _printable(parameters))
            self.run = AlgorithmRun(algorithm, parameters, self, group=record.title if record else "",
                                    layer_suffix=record.tag if record else "")
            self.run.progress.connect(lambda value: self.progressBar.setValue(int(value)))
            self.run.feedback.line.connect(self.plot.add_line)
            self.run.finished.connect(self._finished)
            self.progressBar.setFormat("%p%")
            self.progressBar.setValue(0)
            self.statusLabel.setText(self.tr("{}: {}...").format(record.title if record else "", self.run.algorithm.displayName()))
            self.run.start()
        except Exception as error:  # noqa: BLE001 (any failure ends the run in the dock, with its sentence)
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Warning)
            self.run = None
            self._queue = []
            self._failed(sentence(error), "")

    def cancel(self):
        if self.run is None:
            return
        self.run.cancel()
        self.progressBar.setFormat(self.tr("Cancelling…"))  # not a percentage frozen where the cancel came
        if self.record is not None and self.record.kind == "train":
            self.statusLabel.setText(self.tr("Cancelling: the model so far is kept, with its checkpoint to resume from."))
        else:
            self.statusLabel.setText(self.tr("Cancelling: nothing half-written will be left."))

    def _finished(self, ok: bool, results: dict, log: str):
        cancelled = self.run.cancelled
        self.run = None
        self.filter_label_pickers()  # the step's layers are marked as the plugin's now
        if ok and self._queue:
            if self.record is not None:
                self.record.outputs.update(_files(results))
            self._next(results)
            return
        record, self.record = self.record, None
        for button in self.runButtons:
            button.setEnabled(True)
        self.gate_by_area()
        self.cancelButton.setEnabled(False)
        self.progressBar.setFormat("%p%")
        self.progressBar.setValue(100 if ok else 0)  # done reads done; a stopped step leaves nothing
        if ok:
            if record is not None:
                record.outputs.update(_files(results))
            try:
                self._done(results, record)
            finally:
                if record is not None:
                    record.finish("completed", self.statusLabel.text())
            if record is not None:
                self._focus_on(record)
            self.iface.messageBar().pushSuccess(LOG_TAG, self.statusLabel.text())
        elif cancelled:
            self._cancelled(record)
        else:
            lines = [line for line in log.splitlines() if line.strip()]
            message = next((line for line in reversed(lines) if not line.startswith(("Results:", "Execution"))), "")
            self._failed(message or self.tr("The step failed."), log, record)
            return
        self.refresh_runs()

    def _failed(self, message: str, log: str, record: Optional[runs.RunRecord] = None) -> None:
        """Ends a run that failed at any stage: the dock is free again and says why."""
        if record is None:
            record, self.record = self.record, None
        self._queue = []
        for button in self.runButtons:
            button.setEnabled(True)
        self.gate_by_area()
        self.cancelButton.setEnabled(False)
        self.progressBar.setFormat("%p%")
        self.progressBar.setValue(0)
        if record is not None:
            # A refused or failed step did no work worth a history row: its folder goes entirely.
            self._remove_layers(record)
            shutil.rmtree(record.folder, ignore_errors=True)
            self._forget(record)
        self.statusLabel.setText(message)
        self.iface.messageBar().pushWarning(LOG_TAG, self.tr("{} (details in the log panel, {} tab)").format(message, LOG_TAG))
        if log:
            QgsMessageLog.logMessage(log, LOG_TAG, Qgis.MessageLevel.Warning)
        self.refresh_runs()

    def _focus_on(self, record: runs.RunRecord) -> None:
        """The map shows what this step is for: its group open on top of the layer tree, the groups of
        earlier runs closed and ticked off (still there, a tick away)."""
        root = QgsProject.instance().layerTreeRoot()
        group = root.findGroup(record.title)
        if group is None:
            return
        titles = tuple(f"{title}: " for title in runs.KIND_TITLES.values())
        for other in root.children():
            if other is not group and QgsLayerTree.isGroup(other) and other.name().startswith(titles):
                other.setExpanded(False)
                other.setItemVisibilityChecked(False)
        group.setExpanded(False)  # a change of state, so a view that folded the new group opens it
        group.setExpanded(True)

    def _cancelled(self, record: Optional[runs.RunRecord]) -> None:
        if record is None:
            self.statusLabel.setText(self.tr("Cancelled: nothing was written."))
            return
        model = Path(record.folder) / "model.pt"
        if record.kind == "train" and model.is_file():
            # Training promises the model so far on cancel (and RESUME from its checkpoint).
            record.outputs["model"] = str(model)
            if "e84segment:trainfromreview" in record.parameters:
                # Half an improvement is no model to predict with: the Predict tab keeps the analyst's model.
                self.statusLabel.setText(self.tr("Cancelled: {} holds the improvement so far; predictions still use {}.")
                                         .format(model, self.modelWidget.filePath()))
            else:
                self.modelWidget.setFilePath(record.outputs["model"])
                self.statusLabel.setText(self.tr("Cancelled: {} holds the model so far.").format(record.outputs["model"]))
            record.finish("cancelled", self.statusLabel.text())
        else:
            self._discard(record)
            record.finish("cancelled", CANCELLED)
            self.statusLabel.setText(self.tr("Cancelled: {} holds no outputs.").format(record.title))

    def _remove_layers(self, record: runs.RunRecord) -> None:
        project = QgsProject.instance()
        group = project.layerTreeRoot().findGroup(record.title)
        if group is not None:
            project.removeMapLayers([layer.layerId() for layer in group.findLayers()])
            project.layerTreeRoot().removeChildNode(group)

    def _discard(self, record: runs.RunRecord) -> None:
        """A chain stopped part way: what its earlier steps wrote and loaded goes too, so a run is
        whole or holds only its run.json."""
        self._remove_layers(record)
        for path in Path(record.folder).iterdir():
            if path.name != runs.RUN_JSON:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        record.outputs.clear()

    def shutdown(self) -> None:
        """The plugin unloads (or QGIS closes) during a run: it ends as a cancel would, recorded as
        cancelled, never left 'running'."""
        self.disconnect_project()
        if self.run is None:
            return
        run, self.run = self.run, None
        run.stop_and_wait()
        record, self.record = self.record, None
        if record is not None:
            self._cancelled(record)

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


def _files(results: dict) -> dict:
    return {key: value for key, value in results.items() if isinstance(value, str) and _is_file(value.split("|")[0])}


def _is_file(text: str) -> bool:
    """Whether an output's text names a file; other text outputs (JSON, names) are not paths at all."""
    try:
        return bool(text) and Path(text).exists()
    except (OSError, ValueError):  # too long, or characters no path may hold
        return False
