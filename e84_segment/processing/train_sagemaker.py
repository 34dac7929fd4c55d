"""e84segment:trainsagemaker: train the built-in semantic segmentation algorithm on SageMaker."""
import json
import time
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
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core import dataset
from . import aws_common
from .base import E84Algorithm
from .upload_dataset import upload_folder

from ..backends.sagemaker import contract  # boto3-free
from ..backends.sagemaker.contract import ALGORITHMS, BACKBONES, DEFAULT_TRAINING_INSTANCE, LR_SCHEDULERS, OPTIMIZERS


class TrainSageMakerAlgorithm(E84Algorithm):
    ID = "trainsagemaker"
    TITLE = "Train model on SageMaker"
    GROUP = "sagemaker"
    DATASET = "DATASET"
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

    def shortHelpString(self):
        return (
            "Trains SageMaker's built-in semantic segmentation algorithm (MXNet FCN, PSP or DeepLab on a ResNet) on a GPU "
            "instance, as in the study this plugin comes from. Give a local DATASET (it is checked and uploaded to "
            "S3_URI first, only what is missing) or an S3_URI that already holds one.\n\n"
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
        aws_common.add_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.ROLE_ARN, "SageMaker execution role ARN"))
        self.addParameter(QgsProcessingParameterString(self.INSTANCE_TYPE, "Training instance type (GPU)", DEFAULT_TRAINING_INSTANCE))
        self.addParameter(QgsProcessingParameterEnum(self.ALGORITHM, "Algorithm", options=list(ALGORITHMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.BACKBONE, "Backbone", options=list(BACKBONES), defaultValue=0))
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
        self.addAdvancedParameter(QgsProcessingParameterString(self.OUTPUT_URI, "Model output S3 location (empty: <S3_URI>models/)", "", optional=True))
        self.addAdvancedParameter(QgsProcessingParameterNumber(self.POLL_SECONDS, "Seconds between status checks", QgsProcessingParameterNumber.Double, 30.0, minValue=0.0)
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_RECORD, "Run record (empty: beside the dataset)",
                                                                "JSON (*.json)", optional=True, createByDefault=False))
        for name, label in ((self.JOB_NAME, "Training job name"), (self.STATUS, "Job status"), (self.MODEL_ARTIFACT, "Model artifact S3 URI")):
            self.addOutput(QgsProcessingOutputString(name, label))
        self.addOutput(QgsProcessingOutputNumber(self.MIOU, "Final validation mIoU"))
        self.addOutput(QgsProcessingOutputNumber(self.PIXEL_ACCURACY, "Final validation pixel accuracy"))

    def processAlgorithm(self, parameters, context, feedback):
        settings = aws_common.settings(self, parameters, context)
        from ..backends.sagemaker import aws as plugin_aws
        from ..backends.sagemaker import pricing, training

        chosen_record = self.parameterAsFileOutput(parameters, self.OUTPUT_RECORD, context)
        with aws_common.aws_errors("Training on SageMaker"):
            region = settings.session().region_name
            dataset_uri = contract.s3_uri(*contract.parse_s3_uri(self.parameterAsString(parameters, self.S3_URI, context)))
            instance_type = self.parameterAsString(parameters, self.INSTANCE_TYPE, context).strip()
            contract.check_training_instance(instance_type)
            contract.image_uri(region)  # an unknown region fails here, before anything is uploaded
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
            output_uri = self.parameterAsString(parameters, self.OUTPUT_URI, context).strip() or f"{dataset_uri}models/"
            for bucket in dict.fromkeys(contract.parse_s3_uri(uri)[0] for uri in (dataset_uri, output_uri)):
                plugin_aws.check_bucket_region(settings, bucket)  # before anything is uploaded
            folder = self.parameterAsFile(parameters, self.DATASET, context)
            if folder:
                meta = upload_folder(Path(folder), dataset_uri, settings, feedback)["meta"]
            else:
                meta = self._remote_meta(settings, dataset_uri)
            if feedback.isCanceled():
                return {}
            hyperparameters.base_size = meta["tile_size"]  # train at the scale the tiles are predicted at
            max_runtime_h = self.parameterAsDouble(parameters, self.MAX_RUNTIME, context)
            use_spot = self.parameterAsBoolean(parameters, self.USE_SPOT, context)
            feedback.pushInfo(pricing.estimate(settings, region, instance_type, max_runtime_h, use_spot).text)
            request = contract.TrainingRequest(
                job_name=contract.unique_name("e84-segment"),
                region=region,
                role_arn=self.parameterAsString(parameters, self.ROLE_ARN, context).strip(),
                dataset_uri=dataset_uri,
                output_uri=output_uri,
                instance_type=instance_type,
                hyperparameters=hyperparameters.as_strings(len(meta["classes"]), meta["counts"]["train"]),
                max_runtime_s=int(max_runtime_h * 3600),
                use_spot=use_spot,
                max_wait_s=int(self.parameterAsDouble(parameters, self.MAX_WAIT, context) * 3600),
            ).as_kwargs()
            request["Tags"] += contract.grid_tags(meta["zoom"], meta["tile_size"])
            record_path = self._record_path(chosen_record, folder, request["TrainingJobName"])
            record = {
                "kind": "sagemaker-training",
                "job_name": request["TrainingJobName"],
                "region": region,
                "profile": settings.profile,
                "dataset": {"folder": str(folder or ""), "s3_uri": dataset_uri, "zoom": meta["zoom"], "tile_size": meta["tile_size"],
                            "counts": meta["counts"], "classes": meta["classes"]},
                "request": request,
                "status": "Submitting",
                "submitted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
            dataset.write_json(record_path, record)  # the name is on disk before the create call
            sm = settings.client("sagemaker")
            try:
                description = training.submit(sm, request, report=feedback.pushInfo)
            except Exception as error:
                record.update(status="NotCreated", error=str(error))
                dataset.write_json(record_path, record)
                raise
            name = request["TrainingJobName"]
            feedback.pushInfo(f"Submitted {name}: {description['TrainingJobStatus']}")
            record["status"] = description["TrainingJobStatus"]
            dataset.write_json(record_path, record)
            if self.parameterAsBoolean(parameters, self.WAIT, context):

                def on_update(latest, metrics):
                    record["status"] = latest["TrainingJobStatus"]
                    record["epochs"] = {str(k): v for k, v in sorted(metrics.by_epoch.items())}

                description = training.follow(
                    sm,
                    settings.client("logs"),
                    name,
                    report=feedback.pushInfo,
                    progress=feedback.setProgress,
                    cancelled=feedback.isCanceled,
                    on_update=on_update,
                    poll_seconds=self.parameterAsDouble(parameters, self.POLL_SECONDS, context),
                )
        status = description["TrainingJobStatus"]
        final = training.final_metrics(description)
        artifact = description.get("ModelArtifacts", {}).get("S3ModelArtifacts", "")
        record.update(status=status, final_metrics=final, model_artifact=artifact, failure_reason=description.get("FailureReason"),
                      billable_seconds=training.cost_seconds(description))
        dataset.write_json(record_path, record)
        if status == "Failed":
            raise QgsProcessingException(f"Training job {name} failed: {description.get('FailureReason', 'no reason given')}")
        if status == "Stopped":
            feedback.pushWarning(f"Training job {name} was stopped; its record is in {record_path}")
        for key, value in sorted(final.items()):
            feedback.pushInfo(f"{key}: {value:.4f}")
        return {
            self.JOB_NAME: name,
            self.STATUS: status,
            self.MODEL_ARTIFACT: artifact,
            self.MIOU: final.get("validation:mIOU"),
            self.PIXEL_ACCURACY: final.get("validation:pixel_accuracy"),
            self.OUTPUT_RECORD: str(record_path),
        }

    @staticmethod
    def _record_path(chosen: str, folder: str, job_name: str) -> Path:
        """The run record: where the analyst said, else beside the local dataset, else a temporary file."""
        if chosen:
            return Path(chosen)
        if folder:
            return Path(folder).with_name(f"{Path(folder).name}-{job_name}.json")
        return Path(QgsProcessingUtils.generateTempFilename(f"{job_name}.json"))

    @staticmethod
    def _remote_meta(settings, dataset_uri: str) -> dict:
        """dataset.json from S3: num_classes and num_training_samples come from it."""
        from botocore.exceptions import ClientError

        bucket, prefix = contract.parse_s3_uri(dataset_uri)
        try:
            body = settings.client("s3").get_object(Bucket=bucket, Key=f"{prefix}{dataset.DATASET_JSON}")["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise QgsProcessingException(
                    f"{dataset_uri} holds no dataset.json: give DATASET (the local folder) or upload it with 'Upload dataset to S3'"
                ) from None
            raise
        return json.loads(body)
