"""e84segment:tunesagemaker: SageMaker Automatic Model Tuning over the training settings.

Everything a training job needs is taken from 'Train model on SageMaker' (the same parameters, the
same checks, the same upload and request); this algorithm adds the ranges to search, the number of
jobs, and the cost of all of them before anything starts.
"""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..backends.sagemaker import tuning
from ..core import dataset
from . import aws_common
from .train_sagemaker import PLUGIN_MODEL, TrainSageMakerAlgorithm, bring_back, upload_source
from ..i18n import tr

# Parameter -> the hyperparameter it tunes, for each trainer.
_TUNED = {"BATCH_SIZES": ("batch_size", "mini_batch_size"), "ENCODERS": ("initialisation", "backbone")}


class TuneSageMakerAlgorithm(TrainSageMakerAlgorithm):
    ID = "tunesagemaker"
    KEPT_ON_FAILURE = ("OUTPUT_RECORD",)  # the record says why a tuning job failed
    TITLE = "Tune model on SageMaker"
    MAX_JOBS = "MAX_JOBS"
    MAX_PARALLEL = "MAX_PARALLEL"
    LEARNING_RATE_MIN = "LEARNING_RATE_MIN"
    LEARNING_RATE_MAX = "LEARNING_RATE_MAX"
    BATCH_SIZES = "BATCH_SIZES"
    ENCODERS = "ENCODERS"
    TUNING_JOB = "TUNING_JOB"
    BEST_JOB = "BEST_JOB"
    BEST_OBJECTIVE = "BEST_OBJECTIVE"
    PARENT_TUNING_JOBS = "PARENT_TUNING_JOBS"
    WARM_START_TYPE = "WARM_START_TYPE"

    def shortHelpString(self):
        return (
            "Runs SageMaker Automatic Model Tuning: up to MAX_JOBS training jobs (MAX_PARALLEL at a time) that search the "
            "learning rate (between LEARNING_RATE_MIN and LEARNING_RATE_MAX, on a log scale), the batch sizes listed in "
            "BATCH_SIZES and the encoders listed in ENCODERS (the plugin's model: imagenet, scratch; the built-in "
            "algorithm: resnet-50, resnet-101), Bayesian search. Leave a list empty to keep that setting fixed.\n\n"
            "The objective is the validation building IoU (the plugin's model) or validation:mIOU (the built-in "
            "algorithm). The most all jobs can cost is shown before anything starts. Each training job is reported as it "
            "ends; cancel stops them all. The best job's model is downloaded to OUTPUT_MODEL (the plugin's model) for "
            "offline use. Every other setting is that of 'Train model on SageMaker'.\n\n"
            "PARENT_TUNING_JOBS (up to 5 names, comma-separated) warm-starts the search from earlier tuning jobs: after the "
            "field team adds reviewed chips, a new tuning job starts where the last one ended instead of from scratch. "
            "WARM_START_TYPE TransferLearning (default) allows other data; IdenticalDataAndAlgorithm needs the parents' "
            "dataset and image. The parents are checked first (ended, same objective, same hyperparameters), so a "
            "refused warm start costs nothing."
        )

    def initAlgorithm(self, config=None):
        super().initAlgorithm(config)
        self.addParameter(QgsProcessingParameterNumber(self.MAX_JOBS, "Training jobs in all", QgsProcessingParameterNumber.Integer, 8,
                                                       minValue=1, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_PARALLEL, "Training jobs at a time", QgsProcessingParameterNumber.Integer, 2,
                                                       minValue=1, maxValue=10))
        self.addParameter(QgsProcessingParameterNumber(self.LEARNING_RATE_MIN, "Learning rate from", QgsProcessingParameterNumber.Double,
                                                       0.0001, minValue=1e-6, maxValue=0.999))
        self.addParameter(QgsProcessingParameterNumber(self.LEARNING_RATE_MAX, "Learning rate to", QgsProcessingParameterNumber.Double,
                                                       0.01, minValue=1e-6, maxValue=0.999))
        self.addParameter(QgsProcessingParameterString(self.BATCH_SIZES, "Batch sizes to try (comma-separated; empty: fixed)", "8,16",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.ENCODERS, "Encoders to try (comma-separated; empty: fixed)", "", optional=True))
        self.addParameter(QgsProcessingParameterString(self.PARENT_TUNING_JOBS, "Warm start from tuning jobs (comma-separated; empty: none)",
                                                       "", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.WARM_START_TYPE, "Warm start type", options=list(tuning.WARM_START_TYPES),
                                                     defaultValue=0))
        self.addOutput(QgsProcessingOutputString(self.TUNING_JOB, "Tuning job name"))
        self.addOutput(QgsProcessingOutputString(self.BEST_JOB, "Best training job"))
        self.addOutput(QgsProcessingOutputNumber(self.BEST_OBJECTIVE, "Best objective value"))

    def _ranges(self, parameters, context, trainer: int) -> tuning.Ranges:
        categorical = {}
        for parameter, names in _TUNED.items():
            values = [v.strip() for v in self.parameterAsString(parameters, parameter, context).split(",") if v.strip()]
            if values:
                categorical[names[0] if trainer == PLUGIN_MODEL else names[1]] = values
        return tuning.Ranges((self.parameterAsDouble(parameters, self.LEARNING_RATE_MIN, context),
                              self.parameterAsDouble(parameters, self.LEARNING_RATE_MAX, context)), categorical)

    def _parents(self, parameters, context) -> dict:
        """Each parent tuning job's description, read before anything is uploaded: a name that does
        not exist in this account and region is refused here."""
        names = tuning.parent_names(self.parameterAsString(parameters, self.PARENT_TUNING_JOBS, context))
        if not names:
            return {}
        from ..backends.sagemaker import aws

        settings = aws_common.settings(self, parameters, context)
        sm = settings.client("sagemaker")
        parents = {}
        for name in names:
            try:
                parents[name] = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName=name)
            except aws.ClientError as error:
                if aws.error_code(error) not in ("ResourceNotFound", "ValidationException"):
                    raise
                raise QgsProcessingException(tr("Parent tuning job {} was not found in {}: check its name (the run record's "
                                                "job_name) and the region").format(name, settings.session().region_name)) from None
        return parents

    def processAlgorithm(self, parameters, context, feedback):
        trainer = self.parameterAsEnum(parameters, self.TRAINER, context)
        max_jobs = self.parameterAsInt(parameters, self.MAX_JOBS, context)
        max_parallel = self.parameterAsInt(parameters, self.MAX_PARALLEL, context)
        ranges = self._ranges(parameters, context, trainer)
        objective = tuning.PLUGIN_OBJECTIVE if trainer == PLUGIN_MODEL else tuning.BUILTIN_OBJECTIVE
        name = tuning.tuning_name()
        with aws_common.aws_errors("Tuning on SageMaker", "training job usage"):
            # Checked before anything is uploaded.
            ranges.as_request(trainer == PLUGIN_MODEL)
            tuning.check_limits(max_jobs, max_parallel, self.parameterAsBoolean(parameters, self.USE_SPOT, context))
            parents = self._parents(parameters, context)
            warm_start_type = tuning.WARM_START_TYPES[self.parameterAsEnum(parameters, self.WARM_START_TYPE, context)]
            job = self.prepare_job(parameters, context, feedback, name, "sagemaker-tuning")
            if job is None:
                return {}
            request = tuning.tuning_request(name, job.request, ranges, objective, max_jobs, max_parallel, trainer == PLUGIN_MODEL,
                                            list(parents), warm_start_type)
            tuning.check_parents(request, parents)
            if parents:
                feedback.pushInfo(tr("Warm start ({}) from {}").format(warm_start_type, ", ".join(parents)))
            count = job.request["ResourceConfig"]["InstanceCount"]
            feedback.pushInfo(tuning.cost_text(job.estimate.hourly_usd, max_jobs, job.max_runtime_h, count))
            record, record_path = job.record, job.record_path
            record.update(tuning_request=request, objective=objective)
            dataset.write_json(record_path, record)
            sm = job.settings.client("sagemaker")
            if trainer == PLUGIN_MODEL:
                upload_source(job.settings, job.request, feedback)
            sm.create_hyper_parameter_tuning_job(**request)
            feedback.pushInfo(tr("Tuning job {}: {} training jobs, {} at a time, maximising {}")
                              .format(name, max_jobs, max_parallel, objective))
            record["status"] = "InProgress"
            dataset.write_json(record_path, record)
            if not self.parameterAsBoolean(parameters, self.WAIT, context):
                return {self.TUNING_JOB: name, self.STATUS: "InProgress", self.OUTPUT_RECORD: str(record_path)}
            description = tuning.follow(sm, name, max_jobs, report=feedback.pushInfo, progress=feedback.setProgress,
                                        cancelled=feedback.isCanceled,
                                        poll_seconds=self.parameterAsDouble(parameters, self.POLL_SECONDS, context))
            status = description["HyperParameterTuningJobStatus"]
            best = tuning.best_job(description)
            record.update(status=status, best_training_job=best, failure_reason=description.get("FailureReason"),
                          jobs=[vars(j) for j in tuning.list_jobs(sm, name)])
            dataset.write_json(record_path, record)
            if status == "Failed":
                raise QgsProcessingException(tr("Tuning job {} failed: {}")
                                             .format(name, description.get("FailureReason") or 'no reason given'))
            results = {self.TUNING_JOB: name, self.STATUS: status, self.OUTPUT_RECORD: str(record_path)}
            if best is None:
                feedback.pushWarning(tr("Tuning job {} ended ({}) with no completed training job")
                                     .format(name, status))
                return results
            value = (best.get("FinalHyperParameterTuningJobObjectiveMetric") or {}).get("Value")
            feedback.pushInfo(f"Best: {best['TrainingJobName']} ({objective} {value}), "
                              + ", ".join(f"{k} {v.strip(chr(34))}" for k, v in sorted(best.get("TunedHyperParameters", {}).items())))
            results.update({self.BEST_JOB: best["TrainingJobName"], self.BEST_OBJECTIVE: value, self.JOB_NAME: best["TrainingJobName"]})
            artifact = sm.describe_training_job(TrainingJobName=best["TrainingJobName"]).get("ModelArtifacts", {}).get("S3ModelArtifacts", "")
            results[self.MODEL_ARTIFACT] = artifact
            if trainer == PLUGIN_MODEL:
                chosen = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
                results[self.OUTPUT_MODEL] = str(bring_back(job.settings, artifact, chosen, record, record_path, feedback))
        return results
