"""Run a Processing algorithm in the background from the GUI and load its outputs, styled."""
from qgis.core import (
    QgsApplication,
    QgsLayerTreeGroup,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..i18n import tr
from ..processing.styles import RANK_PROPERTY

# Runs whose dock went away (plugin unloaded) while their task still ends: the task holds C++
# references to their context and feedback, so Python must keep them until QGIS exits.
_ORPHANS = []


class LineFeedback(QgsProcessingFeedback):
    """Feedback that also hands every info line to the main thread, as it comes."""

    line = pyqtSignal(str)

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        super().pushInfo(info)
        self.line.emit(info)


class AlgorithmRun(QObject):
    """One background run. ``finished(ok, results, log)`` arrives on the main thread."""

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, dict, str)

    def __init__(self, algorithm_id: str, parameters: dict, parent=None, group: str = "", layer_suffix: str = ""):
        """``group``: the layer-tree group (made when missing) the outputs load into; ``layer_suffix``
        goes after each output layer's name, so layers of different runs tell themselves apart."""
        super().__init__(parent)
        self.group = group
        self.layer_suffix = layer_suffix
        self.parameters = parameters
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            raise RuntimeError(f"Processing has no algorithm {algorithm_id}: reload the e84 segment plugin")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = LineFeedback()
        self.feedback.progressChanged.connect(self.progress)
        self.task = None
        self._ended = False
        # Asked by the analyst (or the plugin unloading): QGIS also cancels the feedback of a task that
        # failed to prepare, which is a failure to report, not a cancel.
        self.cancelled = False

    def start(self) -> None:
        """Starts the task; a parameter the algorithm refuses (an unwritable folder, say) ends the run
        at once, before any work, with the algorithm's own sentence. Whatever happens after, the run
        ends with ``finished`` exactly once: a step that fails to prepare is never run by QGIS and says
        nothing of its own, which would leave the dock waiting for ever."""
        ok, message = self.algorithm.checkParameterValues(self.parameters, self.context)
        if not ok:
            self._end_soon(message)
            return
        task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)
        if task.status() == QgsTask.TaskStatus.Terminated:  # prepareAlgorithm refused (QGIS cancels the task)
            self._end_soon(self._last_error() or tr("The step could not start: the details are in the log panel "
                                                    "(Processing tab)."))
            return
        self.task = task
        self.task.executed.connect(self._executed)
        self.task.taskTerminated.connect(self._terminated)
        QgsApplication.taskManager().addTask(self.task)

    def _end_soon(self, message: str) -> None:
        self._ended = True
        QTimer.singleShot(0, lambda: self.finished.emit(False, {}, message))

    def _last_error(self) -> str:
        lines = [line for line in self.feedback.textLog().splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def _terminated(self) -> None:
        # QGIS reports a cancelled or failed task here; ``executed`` normally follows, and when it does
        # not (a task ended before it ran), the run must still end.
        QTimer.singleShot(0, self._end_if_silent)

    def _end_if_silent(self) -> None:
        if not self._ended:
            self.task = None
            self._ended = True
            self.finished.emit(False, {}, self.feedback.textLog() or tr("The step stopped: the details are in the log "
                                                                        "panel (Processing tab)."))

    def cancel(self) -> None:
        self.cancelled = True
        self.feedback.cancel()

    def stop_and_wait(self, timeout_ms: int = 60_000) -> None:
        """Cancels and blocks until the algorithm has stopped writing (the plugin is unloading)."""
        self.cancel()
        try:
            self.finished.disconnect()
        except TypeError:  # nothing connected
            pass
        if self.task is not None:
            self.task.waitForFinished(timeout_ms)
        self.setParent(None)
        _ORPHANS.append(self)

    def _executed(self, ok: bool, results: dict) -> None:
        # The task object belongs to the task manager and is deleted after this slot.
        self.task = None
        if self._ended:
            return
        self._ended = True
        if ok and not self.cancelled:
            self._load_outputs()
        self.finished.emit(ok and not self.cancelled, results or {}, self.feedback.textLog())

    def _load_outputs(self) -> None:
        for source, details in self.context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(source, self.context)
            if layer is None:
                continue
            self.context.temporaryLayerStore().takeMapLayer(layer)
            layer.setName(f"{details.name} ({self.layer_suffix})" if self.layer_suffix else details.name)
            project = details.project or QgsProject.instance()
            if self.group:
                project.addMapLayer(layer, False)
                root = project.layerTreeRoot()
                group = root.findGroup(self.group) or root.insertGroup(0, self.group)
                group.addLayer(layer)
            else:
                project.addMapLayer(layer)
            if details.postProcessor():
                details.postProcessor().postProcessLayer(layer, self.context, self.feedback)
            if self.group:
                place_by_rank(group, layer)


def place_by_rank(group: QgsLayerTreeGroup, layer) -> None:
    """Moves the layer's node above the first sibling of a higher rank (lower ranks draw on top)."""
    node = group.findLayer(layer.id())
    rank = int(layer.customProperty(RANK_PROPERTY, 50))
    siblings = [child for child in group.children() if child is not node]
    position = next(
        (i for i, child in enumerate(siblings)
         if hasattr(child, "layer") and child.layer() is not None
         and int(child.layer().customProperty(RANK_PROPERTY, 50)) > rank),
        len(siblings),
    )
    clone = node.clone()
    group.insertChildNode(position, clone)
    group.removeChildNode(node)
