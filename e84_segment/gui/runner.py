"""Run a Processing algorithm in the background from the GUI and load its outputs, styled."""
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal


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

    def __init__(self, algorithm_id: str, parameters: dict, parent=None, group: str = ""):
        """``group``: the layer-tree group (made when missing) the outputs load into."""
        super().__init__(parent)
        self.group = group
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            raise RuntimeError(f"Processing has no algorithm {algorithm_id}: reload the e84 segment plugin")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = LineFeedback()
        self.feedback.progressChanged.connect(self.progress)
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)

    def start(self) -> None:
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        self.feedback.cancel()

    def _executed(self, ok: bool, results: dict) -> None:
        # The task object belongs to the task manager and is deleted after this slot.
        self.task = None
        if ok and not self.feedback.isCanceled():
            self._load_outputs()
        self.finished.emit(ok and not self.feedback.isCanceled(), results or {}, self.feedback.textLog())

    def _load_outputs(self) -> None:
        for source, details in self.context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(source, self.context)
            if layer is None:
                continue
            self.context.temporaryLayerStore().takeMapLayer(layer)
            layer.setName(details.name)
            project = details.project or QgsProject.instance()
            if self.group:
                project.addMapLayer(layer, False)
                root = project.layerTreeRoot()
                (root.findGroup(self.group) or root.insertGroup(0, self.group)).addLayer(layer)
            else:
                project.addMapLayer(layer)
            if details.postProcessor():
                details.postProcessor().postProcessLayer(layer, self.context, self.feedback)
