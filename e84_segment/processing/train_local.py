"""e84segment:trainlocal: train the building model on this machine (PyTorch, CPU; CUDA if present)."""
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import dependencies
from .base import E84Algorithm

ENCODER_CHOICES = (
    ("imagenet", "efficientnet-lite0, ImageNet weights (shipped, offline)"),
    ("scratch", "efficientnet-lite0, from scratch"),
)


class TrainLocalAlgorithm(E84Algorithm):
    ID = "trainlocal"
    TITLE = "Train model locally"
    GROUP = "model"
    DATASET = "DATASET"
    EPOCHS = "EPOCHS"
    TIME_LIMIT = "TIME_LIMIT"
    BATCH_SIZE = "BATCH_SIZE"
    LEARNING_RATE = "LEARNING_RATE"
    ENCODER = "ENCODER"
    SEED = "SEED"
    RESUME = "RESUME"
    OUTPUT = "OUTPUT"
    BUILDING_IOU = "BUILDING_IOU"
    MIOU = "MIOU"

    def shortHelpString(self):
        return (
            "Trains a building segmentation model (EfficientNet-lite0 encoder, U-Net decoder) on a dataset from "
            "'Build training data', with PyTorch on this machine: no account, no network.\n\n"
            "The defaults are the recommendation: with EPOCHS 0 it trains as many epochs as fit in TIME_LIMIT "
            "minutes. Each epoch reports train loss and validation pixel accuracy, mIoU, building IoU, precision "
            "and recall. The best model so far (by validation building IoU) is kept in OUTPUT, also when you "
            "cancel; RESUME continues from the checkpoint beside it."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.DATASET, "Training dataset folder", QgsProcessingParameterFile.Folder))
        self.addParameter(
            QgsProcessingParameterNumber(self.EPOCHS, "Epochs (0: as many as fit in the time limit)", QgsProcessingParameterNumber.Integer, 0, minValue=0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.TIME_LIMIT, "Time limit (minutes)", QgsProcessingParameterNumber.Double, 15.0, minValue=0.1)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.BATCH_SIZE, "Batch size", QgsProcessingParameterNumber.Integer, 8, minValue=1, maxValue=256)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.LEARNING_RATE, "Learning rate", QgsProcessingParameterNumber.Double, 0.001, minValue=1e-6, maxValue=1.0)
        )
        self.addParameter(QgsProcessingParameterEnum(self.ENCODER, "Encoder", options=[label for _, label in ENCODER_CHOICES], defaultValue=0))
        seed = QgsProcessingParameterNumber(self.SEED, "Random seed", QgsProcessingParameterNumber.Integer, 0)
        resume = QgsProcessingParameterBoolean(self.RESUME, "Resume from the checkpoint beside OUTPUT", False)
        for parameter in (seed, resume):
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Model file", "e84 segment model (*.pt)"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDING_IOU, "Best validation building IoU"))
        self.addOutput(QgsProcessingOutputNumber(self.MIOU, "Validation mIoU of the best model"))

    def processAlgorithm(self, parameters, context, feedback):
        dependencies.require_torch()
        from ..backends.local import data, model, train

        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        options = train.TrainOptions(
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            time_limit_min=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            initialisation=ENCODER_CHOICES[self.parameterAsEnum(parameters, self.ENCODER, context)][0],
            seed=self.parameterAsInt(parameters, self.SEED, context),
            resume=self.parameterAsBoolean(parameters, self.RESUME, context),
        )
        try:
            result = train.train(
                Path(self.parameterAsFile(parameters, self.DATASET, context)),
                output,
                options,
                report=feedback.pushInfo,
                progress=feedback.setProgress,
                cancelled=feedback.isCanceled,
            )
        except (data.DatasetFolderError, model.WeightsMissing, ValueError) as error:
            raise QgsProcessingException(str(error))
        if result.model_path is None:
            feedback.pushWarning("Cancelled before the first epoch ended: no model was written")
            return {}
        best = result.meta["best"]
        if result.cancelled:
            feedback.pushWarning(f"Cancelled: {output} holds the best model so far (epoch {best['epoch']}); RESUME continues")
        feedback.pushInfo(f"Best model: epoch {best['epoch']}, building IoU {best.get('building_iou', float('nan')):.4f}")
        return {
            self.OUTPUT: str(output),
            self.BUILDING_IOU: best.get("building_iou"),
            self.MIOU: best.get("miou"),
        }
