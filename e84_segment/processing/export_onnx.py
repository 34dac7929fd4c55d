"""e84segment:exportonnx: a model file as ONNX, for onnxruntime (and Deepness) without PyTorch."""
from pathlib import Path

from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterFileDestination

from .. import dependencies
from .base import E84Algorithm
from ..i18n import sentence, tr


class ExportOnnxAlgorithm(E84Algorithm):
    ID = "exportonnx"
    TITLE = "Export model as ONNX"
    GROUP = "model"
    MODEL = "MODEL"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return (
            "Writes a model file from 'Train model locally' (or brought back from SageMaker) as ONNX. 'Predict buildings' "
            "runs it with onnxruntime where PyTorch is not installed, which is about 75 MB instead of about 900; Deepness "
            "reads it too. The file carries the model's metadata: zoom, tile size, classes and metrics, and "
            "Deepness's keys (model type, class names, resolution, tile size). The network takes RGB in 0-1 and gives "
            "class probabilities: its normalisation is inside it."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.MODEL, "Model file", fileFilter="e84 segment model (*.pt)"))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "ONNX model", "ONNX model (*.onnx)"))

    def processAlgorithm(self, parameters, context, feedback):
        dependencies.require_torch()
        try:
            import onnx  # noqa: F401  (torch's exporter writes through it)
        except ImportError:
            raise QgsProcessingException(tr("Exporting needs the onnx package beside PyTorch: install the PyTorch "
                                            "packages again from Plugins > e84 segment > Dependencies (they include "
                                            "onnx now), or run 'Install packages for local steps'")) from None
        from ..backends.local import modelfile, onnx_model

        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            properties = onnx_model.export(Path(self.parameterAsFile(parameters, self.MODEL, context)), output)
        except modelfile.ModelFileError as error:
            raise QgsProcessingException(sentence(error)) from None
        feedback.pushInfo(tr("Wrote {} ({:.1f} MB; {} cm per pixel, tiles of {} px)")
                          .format(output, output.stat().st_size / 1e6, properties["resolution"], properties["tiles_size"]))
        return {self.OUTPUT: str(output)}
