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


class AlgorithmRun(QObject):
    """One background run. ``finished(ok, results, log)`` arrives on the main thread."""

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, dict, str)

    def __init__(self, algorithm_id: str, parameters: dict, parent=None):
        super().__init__(parent)
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            raise RuntimeError(f"Processing has no algorithm {algorithm_id}: reload the e84 segment plugin")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
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
            (details.project or QgsProject.instance()).addMapLayer(layer)
            if details.postProcessor():
                details.postProcessor().postProcessLayer(layer, self.context, self.feedback)
