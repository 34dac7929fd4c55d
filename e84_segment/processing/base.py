"""What every e84 segment algorithm declares the same way: its id, title and group."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterDefinition

GROUPS = {"trainingdata": "Training data", "model": "Model", "sagemaker": "SageMaker", "footprints": "Footprints"}


class E84Algorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ID``, ``TITLE`` and ``GROUP`` (a key of GROUPS)."""

    ID = ""
    TITLE = ""
    GROUP = ""

    def name(self):
        return self.ID

    def displayName(self):
        return self.TITLE

    def group(self):
        return GROUPS[self.GROUP]

    def groupId(self):
        return self.GROUP

    def createInstance(self):
        return type(self)()

    def addAdvancedParameter(self, parameter: QgsProcessingParameterDefinition) -> None:  # noqa: N802 (QGIS style)
        """A parameter under the dialog's "Advanced parameters"."""
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)
