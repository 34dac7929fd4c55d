"""e84segment:trainlocal: train the building model on this machine (PyTorch, CPU; CUDA if present)."""
import json
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import dependencies
from ..core import dataset
from ..i18n import N_, sentence, tr
from .base import E84Algorithm

AUGMENTATION_CHOICES = (
    ("geometric", N_("Flips and turns")),
    ("photometric", N_("Flips and turns, colour and texture")),
)
KEEP_CHOICES = (
    ("best", N_("The best validation epoch")),
    ("last", N_("The last epoch")),
    ("swa", N_("Weights averaged over the last quarter (SWA)")),
)
# TrainOptions.keep (the trainer imports torch, which processing loads only when it runs).
DEFAULT_KEEP = "last"
KEPT = {"best": "Best model", "last": "Model kept (the last)", "swa": "Model kept (weights averaged, SWA)"}
ENCODER_CHOICES = (
    ("imagenet", N_("EfficientNet-lite0, ImageNet")),
    ("scratch", N_("EfficientNet-lite0, scratch")),
)


NO_VALIDATION = (
    "The dataset has no validation chips, so nothing would measure the model on chips it did not learn from. "
    "Build the dataset again with a larger area or a higher validation fraction, or tick 'Train without "
    "validation' (the scores are then measured on the training chips)."
)


def validation_chips(folder: Path) -> int:
    return len(list((Path(folder) / dataset.SPLITS[1]).glob("*.jpg")))


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
    ALLOW_NO_VALIDATION = "ALLOW_NO_VALIDATION"
    BASE_MODEL = "BASE_MODEL"
    AUGMENTATION = "AUGMENTATION"
    KEEP = "KEEP"
    BASE_FINGERPRINT = "BASE_FINGERPRINT"
    OUTPUT = "OUTPUT"
    BUILDING_IOU = "BUILDING_IOU"
    MIOU = "MIOU"
    OBJECT_F1 = "OBJECT_F1"
    MEASURED_ON = "MEASURED_ON"
    HISTORY = "HISTORY"

    def shortHelpString(self):
        return (
            "Trains a building segmentation model (EfficientNet-lite0 encoder, U-Net decoder) on a dataset from "
            "'Build training data', with PyTorch on this machine: no account, no network.\n\n"
            "The defaults are the recommendation: with 'Epochs' 0 it trains as many epochs as fit in the 'Time "
            "limit'. It reports train loss and validation pixel accuracy, mIoU, building IoU, precision, recall and "
            "object F1 (buildings found on the validation tiles) as it goes; the 'Model file' holds the model so "
            "far, also when you cancel, and at the end the weights KEEP chooses. Neighbouring roofs are kept apart: "
            "background between close buildings weighs 5x in the loss. The validation tiles lie beside the "
            "training tiles and flatter the model: check it on an area it never saw with 'Check a model on an "
            "area'. 'Resume from the checkpoint' continues from the checkpoint beside it.\n\n"
            "BASE_MODEL continues from an existing model file instead of the encoder's ImageNet weights: the "
            "field loop (new imagery, a new area, a few corrected chips). It must predict the same classes on "
            "tiles of the same size (another zoom only warns); the new model records its lineage (the base's "
            "fingerprint, dataset and metrics). Left empty, TIME_LIMIT and LEARNING_RATE are 15 minutes and "
            "0.001 from ImageNet weights, 3 minutes and 0.0003 when fine-tuning a base model.\n\n"
            "AUGMENTATION (advanced): flips and turns, and by default also colour, brightness, contrast, saturation, "
            "channel order, blur or sharpening and JPEG noise, so roof colour stops being the cue (it measurably "
            "helps on areas the model never saw: docs/model-choices.md).\n\n"
            "KEEP (advanced): which weights the model file holds: the best validation epoch, the last epoch, or the "
            "weights averaged over the last quarter of training (SWA). A few validation chips make the best epoch a "
            "matter of luck; docs/model-choices.md compares the three on areas the models never saw.\n\n"
            "A dataset without validation chips is refused unless 'Train without validation' is ticked; the "
            "scores are then measured on the training chips and flatter the model."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.DATASET, "Training dataset folder", QgsProcessingParameterFile.Folder))
        self.addParameter(
            QgsProcessingParameterNumber(self.EPOCHS, "Epochs (0: as many as fit in the time limit)", QgsProcessingParameterNumber.Integer, 0, minValue=0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.TIME_LIMIT, "Time limit (minutes; empty: 15, or 3 fine-tuning)",
                                         QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.1)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.BATCH_SIZE, "Batch size", QgsProcessingParameterNumber.Integer, 8, minValue=1, maxValue=256)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.LEARNING_RATE, "Learning rate (empty: 0.001, or 0.0003 fine-tuning)",
                                         QgsProcessingParameterNumber.Double, None, optional=True, minValue=1e-6, maxValue=1.0)
        )
        self.addParameter(QgsProcessingParameterEnum(self.ENCODER, "Encoder", options=[label for _, label in ENCODER_CHOICES], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.BASE_MODEL, "Continue from model (fine-tune)", fileFilter="e84 segment model (*.pt)", optional=True))
        seed = QgsProcessingParameterNumber(self.SEED, "Random seed", QgsProcessingParameterNumber.Integer, 0)
        resume = QgsProcessingParameterBoolean(self.RESUME, "Resume from the checkpoint beside the model file", False)
        no_validation = QgsProcessingParameterBoolean(
            self.ALLOW_NO_VALIDATION, "Train without validation (scores on training chips)", False
        )
        augmentation = QgsProcessingParameterEnum(
            self.AUGMENTATION, "Augmentation", options=[label for _, label in AUGMENTATION_CHOICES], defaultValue=1)
        keep = QgsProcessingParameterEnum(
            self.KEEP, "Model kept", options=[label for _, label in KEEP_CHOICES],
            defaultValue=[key for key, _ in KEEP_CHOICES].index(DEFAULT_KEEP))
        for parameter in (seed, resume, no_validation, augmentation, keep):
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Model file", "e84 segment model (*.pt)"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDING_IOU, "Best validation building IoU"))
        self.addOutput(QgsProcessingOutputNumber(self.MIOU, "Validation mIoU of the model kept"))
        self.addOutput(QgsProcessingOutputNumber(self.OBJECT_F1, "Validation object F1 of the model kept"))
        self.addOutput(QgsProcessingOutputString(self.MEASURED_ON, "Scores measured on (validation or training chips)"))
        self.addOutput(QgsProcessingOutputString(self.BASE_FINGERPRINT, "Fingerprint of the base model (fine-tuning)"))
        self.addOutput(QgsProcessingOutputString(self.HISTORY, "Validation scores per epoch (JSON)"))

    def _given(self, parameters, name, context):
        """The number the analyst gave, or None (empty: the algorithm picks)."""
        return None if parameters.get(name) in (None, "") else self.parameterAsDouble(parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):
        dependencies.require_torch()
        from ..backends.local import data, train

        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        folder = Path(self.parameterAsFile(parameters, self.DATASET, context))
        try:
            data.check_dataset(folder)
        except data.DatasetFolderError as error:
            raise QgsProcessingException(sentence(error))
        if not validation_chips(folder) and not self.parameterAsBoolean(parameters, self.ALLOW_NO_VALIDATION, context):
            raise QgsProcessingException(NO_VALIDATION)
        from ..backends.local import finetune

        base = self.parameterAsFile(parameters, self.BASE_MODEL, context) or None
        defaults = (finetune.MINUTES, finetune.LEARNING_RATE) if base else (train.TrainOptions.time_limit_min,
                                                                            train.TrainOptions.learning_rate)
        options = train.TrainOptions(
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            time_limit_min=self._given(parameters, self.TIME_LIMIT, context) or defaults[0],
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            learning_rate=self._given(parameters, self.LEARNING_RATE, context) or defaults[1],
            initialisation=ENCODER_CHOICES[self.parameterAsEnum(parameters, self.ENCODER, context)][0],
            seed=self.parameterAsInt(parameters, self.SEED, context),
            resume=self.parameterAsBoolean(parameters, self.RESUME, context),
            base_model=base,
            augment=AUGMENTATION_CHOICES[self.parameterAsEnum(parameters, self.AUGMENTATION, context)][0],
            keep=KEEP_CHOICES[self.parameterAsEnum(parameters, self.KEEP, context)][0],
        )
        return run_training(folder, output, options, feedback)


def run_training(folder: Path, output: Path, options, feedback) -> dict:
    """train.train with the feedback's log, progress and cancel; trainlocal's outputs (empty when
    cancelled before a model was written). Shared with trainfromreview."""
    from ..backends.local import data, model, train

    try:
        result = train.train(
            folder,
            output,
            options,
            report=feedback.pushInfo,
            progress=feedback.setProgress,
            cancelled=feedback.isCanceled,
        )
    except (data.DatasetFolderError, model.WeightsMissing, ValueError) as error:
        raise QgsProcessingException(sentence(error))
    if result.model_path is None:
        feedback.pushWarning(tr("Cancelled before the first epoch ended: no model was written"))
        return {}
    best = result.meta["best"]
    if result.cancelled:
        feedback.pushWarning(tr("Cancelled: {} holds the model as it was at epoch {}; RESUME continues")
                             .format(output, best["epoch"]))
    measured_on = best.get("measured_on", "validation")
    feedback.pushInfo(
        tr("{}: epoch {}, building IoU {:.4f}, object F1 {:.4f} on the {} chips (tiles beside the training "
           "tiles: check the model on an area it never saw with 'Check a model on an area')")
        .format(KEPT[options.keep], best["epoch"], best.get("building_iou", float("nan")),
                best.get("object_f1", float("nan")), measured_on)
    )
    lineage = result.meta.get("lineage") or {}
    return {
        TrainLocalAlgorithm.BASE_FINGERPRINT: lineage.get("base_fingerprint", ""),
        TrainLocalAlgorithm.MEASURED_ON: measured_on,
        TrainLocalAlgorithm.OUTPUT: str(output),
        TrainLocalAlgorithm.BUILDING_IOU: best.get("building_iou"),
        TrainLocalAlgorithm.MIOU: best.get("miou"),
        TrainLocalAlgorithm.OBJECT_F1: best.get("object_f1"),
        TrainLocalAlgorithm.HISTORY: json.dumps(result.meta["history"]),
    }
