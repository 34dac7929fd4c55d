"""e84segment:trainsagemaker: train on SageMaker, the plugin's own model (default) or the built-in algorithm."""
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core import dataset, run_comparison
from . import aws_common
from .base import E84Algorithm
from .train_local import DEFAULT_KEEP, KEEP_CHOICES
from .upload_dataset import upload_folder

from ..backends.sagemaker import contract, pytorch_job  # boto3-free
from ..backends.sagemaker.contract import ALGORITHMS, BACKBONES, DEFAULT_TRAINING_INSTANCE, LR_SCHEDULERS, OPTIMIZERS
from ..i18n import tr

TRAINERS = ("The plugin's model (PyTorch; comes back to run offline)", "SageMaker's built-in semantic segmentation (MXNet; runs only on SageMaker)")
PLUGIN_MODEL, BUILTIN = 0, 1


class TrainSageMakerAlgorithm(E84Algorithm):
    ID = "trainsagemaker"
    KEPT_ON_FAILURE = ("OUTPUT_RECORD",)  # the record says why a job failed
    TITLE = "Train model on SageMaker"
    GROUP = "sagemaker"
    DATASET = "DATASET"
    TRAINER = "TRAINER"
    INSTANCE_COUNT = "INSTANCE_COUNT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    S3_URI = "S3_URI"
    OUTPUT_URI = "OUTPUT_URI"
    ROLE_ARN = "ROLE_ARN"
    INSTANCE_TYPE = "INSTANCE_TYPE"
    ALGORITHM = "ALGORITHM"
    BACKBONE = "BACKBONE"
    USE_PRETRAINED = "USE_PRETRAINED_MODEL"
    EPOCHS = "EPOCHS"
    LEARNING_RATE = "LEARNING_RATE"
    OPTIMIZER = "OPTIMIZER"
    LR_SCHEDULER = "LR_SCHEDULER"
    MINI_BATCH_SIZE = "MINI_BATCH_SIZE"
    CROP_SIZE = "CROP_SIZE"
    EARLY_STOPPING = "EARLY_STOPPING"
    USE_SPOT = "USE_SPOT"
    MAX_RUNTIME = "MAX_RUNTIME"
    MAX_WAIT = "MAX_WAIT"
    WAIT = "WAIT"
    POLL_SECONDS = "POLL_SECONDS"
    OUTPUT_RECORD = "OUTPUT_RECORD"
    JOB_NAME = "JOB_NAME"
    STATUS = "STATUS"
    MODEL_ARTIFACT = "MODEL_ARTIFACT"
    MIOU = "MIOU"
    PIXEL_ACCURACY = "PIXEL_ACCURACY"
    BUILDING_IOU = "BUILDING_IOU"
    HISTORY = "HISTORY"
    KEEP = "KEEP"
    CHECKPOINT_SECONDS = "CHECKPOINT_SECONDS"

    def shortHelpString(self):
        return (
            "Trains a building model on a SageMaker instance. Give a local DATASET (it is checked and uploaded to "
            "S3_URI first, only what is missing) or an S3_URI that already holds one.\n\n"
            "TRAINER 0 (default) trains the plugin's own model, with the same code as 'Train model locally', in AWS's "
            "PyTorch container: EPOCHS, LEARNING_RATE, MINI_BATCH_SIZE and USE_PRETRAINED_MODEL apply; several GPUs or "
            "INSTANCE_COUNT > 1 train data-parallel; spot jobs resume from the last periodic checkpoint (CHECKPOINT_SECONDS: "
            "AWS's container gives the script no warning of a reclaim); KEEP chooses the weights kept, and the job's final "
            "metrics are that model's. Jobs write to OUTPUT_URI, by default beside the dataset (<S3_URI>-models/), never "
            "inside it: the whole dataset prefix is the training channel. When the job completes (WAIT), its "
            "model is downloaded to OUTPUT_MODEL, a model file that 'Predict buildings', 'Train model locally' (BASE_MODEL) "
            "and the local endpoint use with no network. Without WAIT the model stays in S3 (MODEL_ARTIFACT).\n\n"
            "TRAINER 1 trains SageMaker's built-in semantic segmentation algorithm (MXNet FCN, PSP or DeepLab on a "
            "ResNet; GPU instances only), as in the study this plugin comes from. Its model runs only on SageMaker "
            "(an endpoint or batch transform): it cannot come back to the field.\n\n"
            "Before submitting it shows the estimated cost from the AWS Price List API. The job name is written to "
            "OUTPUT_RECORD (by default beside DATASET: <dataset>-<job>.json) before the job is created, so a lost answer never creates a second job. With WAIT it follows "
            "the job: status, validation mIoU and pixel accuracy per epoch; cancel stops the job. Credentials come from "
            "the AWS profile; nothing secret is stored."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(self.DATASET, "Training dataset folder (uploaded first)", QgsProcessingParameterFile.Folder, optional=True)
        )
        self.addParameter(QgsProcessingParameterString(self.S3_URI, "Dataset S3 location (s3://bucket/prefix/)"))
        self.addParameter(QgsProcessingParameterEnum(self.TRAINER, "Model to train", options=list(TRAINERS), defaultValue=PLUGIN_MODEL))
        aws_common.add_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.ROLE_ARN, "SageMaker execution role ARN"))
        self.addParameter(QgsProcessingParameterString(self.INSTANCE_TYPE, "Training instance type", DEFAULT_TRAINING_INSTANCE))
        self.addParameter(QgsProcessingParameterNumber(self.INSTANCE_COUNT, "Instances (the plugin's model: more than 1 trains data-parallel)",
                                                       QgsProcessingParameterNumber.Integer, 1, minValue=1, maxValue=16))
        self.addParameter(QgsProcessingParameterEnum(self.ALGORITHM, "Built-in algorithm", options=list(ALGORITHMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.BACKBONE, "Built-in algorithm's backbone", options=list(BACKBONES), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.USE_PRETRAINED, "Start from the pretrained backbone", True))
        self.addParameter(QgsProcessingParameterNumber(self.EPOCHS, "Epochs", QgsProcessingParameterNumber.Integer, 10, minValue=1))
        self.addParameter(
            QgsProcessingParameterNumber(self.LEARNING_RATE, "Learning rate", QgsProcessingParameterNumber.Double, 0.001, minValue=1e-6, maxValue=0.999)
        )
        self.addParameter(QgsProcessingParameterEnum(self.OPTIMIZER, "Optimizer", options=list(OPTIMIZERS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.LR_SCHEDULER, "Learning rate schedule", options=list(LR_SCHEDULERS), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterNumber(self.MINI_BATCH_SIZE, "Mini-batch size", QgsProcessingParameterNumber.Integer, 16, minValue=1)
        )
        self.addParameter(QgsProcessingParameterNumber(self.CROP_SIZE, "Crop size (pixels)", QgsProcessingParameterNumber.Integer, 240, minValue=17))
        self.addParameter(QgsProcessingParameterBoolean(self.EARLY_STOPPING, "Early stopping", False))
        self.addParameter(QgsProcessingParameterBoolean(self.USE_SPOT, "Managed spot training (cheaper, may wait)", False))
        self.addParameter(
            QgsProcessingParameterNumber(self.MAX_RUNTIME, "Maximum run time (hours)", QgsProcessingParameterNumber.Double, 2.0, minValue=0.1, maxValue=672)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_WAIT, "Maximum wait for spot capacity + run time (hours; 0: twice the run time)", QgsProcessingParameterNumber.Double, 0.0, minValue=0.0
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.WAIT, "Follow the job until it ends", True))
        self.addAdvancedParameter(QgsProcessingParameterString(self.OUTPUT_URI, "Model output S3 location (empty: beside the dataset, <S3_URI>-models/)", "", optional=True))
        self.addAdvancedParameter(QgsProcessingParameterEnum(
            self.KEEP, "Model kept (the plugin's model)", options=[label for _, label in KEEP_CHOICES],
            defaultValue=[key for key, _ in KEEP_CHOICES].index(DEFAULT_KEEP)))
        self.addAdvancedParameter(QgsProcessingParameterNumber(
            self.CHECKPOINT_SECONDS, "Checkpoint at most every (seconds; 0: every epoch; the plugin's model)",
            QgsProcessingParameterNumber.Double, pytorch_job.Hyperparameters.checkpoint_every_s, minValue=0.0))
        self.addAdvancedParameter(QgsProcessingParameterNumber(self.POLL_SECONDS, "Seconds between status checks", QgsProcessingParameterNumber.Double, 30.0, minValue=0.0)
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_RECORD, "Run record (empty: beside the dataset)",
                                                                "JSON (*.json)", optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_MODEL, "Model file for offline use (the plugin's model; empty: beside the record)",
                                                                "e84 segment model (*.pt)", optional=True, createByDefault=False))
        for name, label in ((self.JOB_NAME, "Training job name"), (self.STATUS, "Job status"), (self.MODEL_ARTIFACT, "Model artifact S3 URI")):
            self.addOutput(QgsProcessingOutputString(name, label))
        self.addOutput(QgsProcessingOutputNumber(self.MIOU, "Final validation mIoU"))
        self.addOutput(QgsProcessingOutputNumber(self.PIXEL_ACCURACY, "Final validation pixel accuracy"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDING_IOU, "Final validation building IoU (the plugin's model)"))
        self.addOutput(QgsProcessingOutputString(self.HISTORY, "Validation scores per epoch (JSON)"))

    def processAlgorithm(self, parameters, context, feedback):
        from ..backends.sagemaker import training

        chosen_model = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        trainer = self.parameterAsEnum(parameters, self.TRAINER, context)
        with aws_common.aws_errors("Training on SageMaker"):
            job_name = contract.unique_name("e84-segment" if trainer == BUILTIN else "e84-model")
            job = self.prepare_job(parameters, context, feedback, job_name, "sagemaker-training")
            if job is None:
                return {}
            count = self.parameterAsInt(parameters, self.INSTANCE_COUNT, context) if trainer == PLUGIN_MODEL else 1
            feedback.pushInfo(job.estimate.text if count == 1 else f"{job.estimate.text} per instance, {count} instances")
            settings, request, record, record_path = job.settings, job.request, job.record, job.record_path
            dataset.write_json(record_path, record)  # the name is on disk before the create call
            sm = settings.client("sagemaker")
            if trainer == PLUGIN_MODEL:
                upload_source(settings, request, feedback)
            try:
                description = training.submit(sm, request, report=feedback.pushInfo)
            except Exception as error:
                record.update(status="NotCreated", error=str(error))
                dataset.write_json(record_path, record)
                raise
            name = job_name
            feedback.pushInfo(tr("Submitted {}: {}").format(name, description["TrainingJobStatus"]))
            record["status"] = description["TrainingJobStatus"]
            dataset.write_json(record_path, record)
            if self.parameterAsBoolean(parameters, self.WAIT, context):

                def on_update(latest, metrics):
                    record["status"] = latest["TrainingJobStatus"]
                    record["epochs"] = {str(k): v for k, v in sorted(metrics.by_epoch.items())}

                epochs = self.parameterAsInt(parameters, self.EPOCHS, context)
                description = training.follow(
                    sm,
                    settings.client("logs"),
                    name,
                    report=feedback.pushInfo,
                    progress=feedback.setProgress,
                    cancelled=feedback.isCanceled,
                    on_update=on_update,
                    poll_seconds=self.parameterAsDouble(parameters, self.POLL_SECONDS, context),
                    parse=training.builtin_log_line if trainer == BUILTIN else (lambda line: pytorch_job.parse_log_line(line, epochs)),
                )
        status = description["TrainingJobStatus"]
        final = training.final_metrics(description)
        artifact = description.get("ModelArtifacts", {}).get("S3ModelArtifacts", "")
        record.update(status=status, final_metrics=final, model_artifact=artifact, failure_reason=description.get("FailureReason"),
                      billable_seconds=training.cost_seconds(description))
        dataset.write_json(record_path, record)
        if status == "Failed":
            raise QgsProcessingException(tr("Training job {} failed: {}")
                                         .format(name, description.get("FailureReason", 'no reason given')))
        if status == "Stopped":
            feedback.pushWarning(tr("Training job {} was stopped; its record is in {}").format(name, record_path))
        for key, value in sorted(final.items()):
            feedback.pushInfo(tr("{}: {:.4f}").format(key, value))
        results = {
            self.JOB_NAME: name,
            self.STATUS: status,
            self.MODEL_ARTIFACT: artifact,
            self.MIOU: final.get("validation:mIOU", final.get("validation:miou")),
            self.PIXEL_ACCURACY: final.get("validation:pixel_accuracy"),
            self.BUILDING_IOU: final.get(pytorch_job.OBJECTIVE),
            self.OUTPUT_RECORD: str(record_path),
        }
        if trainer == PLUGIN_MODEL and status == "Completed" and artifact and self.parameterAsBoolean(parameters, self.WAIT, context):
            results[self.OUTPUT_MODEL] = str(bring_back(settings, artifact, chosen_model, record, record_path, feedback))
        # The model file's own history when it came back (exact), else what the log said per epoch.
        results[self.HISTORY] = json.dumps(record.get("history") or run_comparison.history_from_log(record.get("epochs", {})))
        return results

    def prepare_job(self, parameters, context, feedback, job_name: str, kind: str) -> Optional["PreparedJob"]:
        """What a training or tuning job needs before it is created: every setting checked, the buckets'
        region checked, the dataset uploaded (only what is missing), the request and the run record
        built, the cost estimated. None when cancelled during the upload."""
        from ..backends.sagemaker import aws as plugin_aws
        from ..backends.sagemaker import pricing

        settings = aws_common.settings(self, parameters, context)
        trainer = self.parameterAsEnum(parameters, self.TRAINER, context)
        region = settings.session().region_name
        dataset_uri = contract.s3_uri(*contract.parse_s3_uri(self.parameterAsString(parameters, self.S3_URI, context)))
        instance_type = self.parameterAsString(parameters, self.INSTANCE_TYPE, context).strip()
        output_uri = self.parameterAsString(parameters, self.OUTPUT_URI, context).strip() or contract.models_uri(dataset_uri)
        # Everything that can be refused is refused here, before anything is uploaded.
        make_request = (self._builtin_request if trainer == BUILTIN else self._plugin_request)(parameters, context, region, instance_type)
        if trainer == PLUGIN_MODEL:
            pytorch_job.check_outside_channel(dataset_uri, output_uri)
        for bucket in dict.fromkeys(contract.parse_s3_uri(uri)[0] for uri in (dataset_uri, output_uri)):
            plugin_aws.check_bucket_region(settings, bucket)
        folder = self.parameterAsFile(parameters, self.DATASET, context)
        meta = upload_folder(Path(folder), dataset_uri, settings, feedback)["meta"] if folder else remote_meta(settings, dataset_uri)
        if feedback.isCanceled():
            return None
        max_runtime_h = self.parameterAsDouble(parameters, self.MAX_RUNTIME, context)
        use_spot = self.parameterAsBoolean(parameters, self.USE_SPOT, context)
        request = make_request(meta, job_name, dataset_uri, output_uri, dict(
            role_arn=self.parameterAsString(parameters, self.ROLE_ARN, context).strip(),
            max_runtime_s=int(max_runtime_h * 3600), use_spot=use_spot,
            max_wait_s=int(self.parameterAsDouble(parameters, self.MAX_WAIT, context) * 3600)))
        request["Tags"] += contract.grid_tags(meta["zoom"], meta["tile_size"])
        record_path = self._record_path(self.parameterAsFileOutput(parameters, self.OUTPUT_RECORD, context), folder, job_name)
        record = {
            "kind": kind,
            "trainer": "plugin-model" if trainer == PLUGIN_MODEL else "builtin-semantic-segmentation",
            "job_name": job_name,
            "region": region,
            "profile": settings.profile,
            "dataset": {"folder": str(folder or ""), "s3_uri": dataset_uri, "zoom": meta["zoom"], "tile_size": meta["tile_size"],
                        "counts": meta["counts"], "classes": meta["classes"]},
            "request": request,
            "status": "Submitting",
            "submitted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        estimate = pricing.estimate(settings, region, instance_type, max_runtime_h, use_spot)
        return PreparedJob(settings, region, trainer, request, record, record_path, estimate, max_runtime_h)

    def _builtin_request(self, parameters, context, region, instance_type):
        """The built-in algorithm's request, once the dataset's counts are known; checked now."""
        contract.check_training_instance(instance_type)
        contract.image_uri(region)  # an unknown region fails here
        hyperparameters = contract.Hyperparameters(
            algorithm=ALGORITHMS[self.parameterAsEnum(parameters, self.ALGORITHM, context)],
            backbone=BACKBONES[self.parameterAsEnum(parameters, self.BACKBONE, context)],
            use_pretrained_model=self.parameterAsBoolean(parameters, self.USE_PRETRAINED, context),
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            optimizer=OPTIMIZERS[self.parameterAsEnum(parameters, self.OPTIMIZER, context)],
            lr_scheduler=LR_SCHEDULERS[self.parameterAsEnum(parameters, self.LR_SCHEDULER, context)],
            mini_batch_size=self.parameterAsInt(parameters, self.MINI_BATCH_SIZE, context),
            crop_size=self.parameterAsInt(parameters, self.CROP_SIZE, context),
            early_stopping=self.parameterAsBoolean(parameters, self.EARLY_STOPPING, context),
        )
        hyperparameters.check()

        def make(meta, job_name, dataset_uri, output_uri, common):
            hyperparameters.base_size = meta["tile_size"]  # train at the scale the tiles are predicted at
            return contract.TrainingRequest(
                job_name=job_name, region=region, dataset_uri=dataset_uri, output_uri=output_uri, instance_type=instance_type,
                hyperparameters=hyperparameters.as_strings(len(meta["classes"]), meta["counts"]["train"]), **common,
            ).as_kwargs()

        return make

    def _plugin_request(self, parameters, context, region, instance_type):
        """The plugin's model in AWS's PyTorch container; checked now (instance, region, settings)."""
        hyperparameters = pytorch_job.Hyperparameters(
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            batch_size=self.parameterAsInt(parameters, self.MINI_BATCH_SIZE, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            initialisation="imagenet" if self.parameterAsBoolean(parameters, self.USE_PRETRAINED, context) else "scratch",
            keep=KEEP_CHOICES[self.parameterAsEnum(parameters, self.KEEP, context)][0],
            checkpoint_every_s=self.parameterAsDouble(parameters, self.CHECKPOINT_SECONDS, context),
        )
        count = self.parameterAsInt(parameters, self.INSTANCE_COUNT, context)

        def make(meta, job_name, dataset_uri, output_uri, common):
            return pytorch_job.TrainingRequest(
                job_name=job_name, region=region, dataset_uri=dataset_uri, output_uri=output_uri, instance_type=instance_type,
                hyperparameters=hyperparameters, instance_count=count, **common,
            ).as_kwargs()

        # A dry run with placeholders: a wrong instance type, region or setting stops before any upload.
        make({}, "check", "s3://check-bucket/data/", "s3://check-bucket/models/", dict(role_arn="arn:aws:iam::000000000000:role/check"))
        pytorch_job.vendored_roots()  # the encoder must be installed here to travel with the job
        return make

    @staticmethod
    def _record_path(chosen: str, folder: str, job_name: str) -> Path:
        """The run record: where the analyst said, else beside the local dataset, else a temporary file."""
        if chosen:
            return Path(chosen)
        if folder:
            return Path(folder).with_name(f"{Path(folder).name}-{job_name}.json")
        return Path(QgsProcessingUtils.generateTempFilename(f"{job_name}.json"))


@dataclass
class PreparedJob:
    settings: object
    region: str
    trainer: int
    request: dict
    record: dict
    record_path: Path
    estimate: object  # pricing.Estimate
    max_runtime_h: float


def upload_source(settings, request: dict, feedback) -> None:
    """sourcedir.tar.gz where the request's sagemaker_submit_directory points."""
    uri = json.loads(request["HyperParameters"]["sagemaker_submit_directory"])
    bucket, key = contract.parse_s3_uri(uri)
    with tempfile.TemporaryDirectory() as folder:
        archive = pytorch_job.write_source_archive(Path(folder) / pytorch_job.SOURCE_ARCHIVE)
        feedback.pushInfo(tr("Uploading the training code to {} ({:.1f} MB, the encoder's weights included)")
                          .format(uri, archive.stat().st_size / 1e6))
        settings.client("s3").upload_file(str(archive), bucket, key.rstrip("/"))


def bring_back(settings, artifact: str, chosen: str, record: dict, record_path: Path, feedback) -> Path:
    """The job's model as a local model file, checked to load; the record links it."""
    from ..backends.local import modelfile
    from ..backends.sagemaker import training

    target = Path(chosen) if chosen else record_path.with_suffix(".pt")
    training.download_model(settings.client("s3"), artifact, target, report=feedback.pushInfo)
    meta = modelfile.read(target)["meta"]  # weights_only: a foreign archive is refused here
    # The job recorded the container's channel folder; 'Improve the model from reviewed footprints'
    # replays the chips from the path the model records: the local folder, else where they are in S3.
    here = record["dataset"]["folder"] or record["dataset"]["s3_uri"]
    if (meta.get("dataset") or {}).get("path") != here:
        meta["dataset"] = dict(meta.get("dataset") or {}, path=here, s3_uri=record["dataset"]["s3_uri"])
        modelfile.save(target, modelfile.load(target)[0], meta)
    best = meta.get("best", {})
    record.update(local_model=str(target), best_epoch=best, history=meta.get("history", []))
    dataset.write_json(record_path, record)
    feedback.pushInfo(tr("Model for offline use: {} (best epoch {}: building IoU {:.4f}, object F1 {:.4f})")
                      .format(target, best.get("epoch"), best.get("building_iou", float("nan")),
                              best.get("object_f1", float("nan"))))
    return target


def remote_meta(settings, dataset_uri: str) -> dict:
    """dataset.json from S3: num_classes and num_training_samples come from it."""
    from botocore.exceptions import ClientError

    bucket, prefix = contract.parse_s3_uri(dataset_uri)
    try:
        body = settings.client("s3").get_object(Bucket=bucket, Key=f"{prefix}{dataset.DATASET_JSON}")["Body"].read()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            raise QgsProcessingException(
                tr("{} holds no dataset.json: give DATASET (the local folder) or upload it with 'Upload dataset "
                   "to S3'").format(dataset_uri)
            ) from None
        raise
    return json.loads(body)
