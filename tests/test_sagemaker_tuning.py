"""SageMaker Automatic Model Tuning: the request (botocore's own validator) and the job followed
against moto's server. moto creates and describes tuning jobs but does not list their training jobs
or stop them: those answers are given by the test (AWS's documented shapes), and the tuning job is
walked through its states in moto's backend."""
import io
import json
import tarfile
import time

import pytest
from qgis.core import QgsProcessingException

from e84_segment.backends.sagemaker import contract, pytorch_job, tuning

from .sagemaker_fixtures import REGION, aws_response, json_error, sagemaker_backend
from .test_sagemaker_aws import Feedback, run
from .test_sagemaker_pytorch import ROLE, _validate


def _training(framework: bool) -> dict:
    if framework:
        return pytorch_job.TrainingRequest("e84-tune-261202-120000-ab12", REGION, ROLE, "s3://bucket/k/", "s3://bucket/k-models/",
                                           "ml.g4dn.xlarge").as_kwargs()
    hp = contract.Hyperparameters(base_size=256).as_strings(2, 40)
    return contract.TrainingRequest("e84-tune-261202-120000-ab12", REGION, ROLE, "s3://bucket/k/", "s3://bucket/k-models/",
                                    "ml.g4dn.xlarge", hp).as_kwargs()


def test_tuning_requests_are_valid_and_encoded_as_the_sdk_encodes_them():
    ranges = tuning.Ranges((1e-4, 1e-2), {"batch_size": ["8", "16"], "initialisation": ["imagenet", "scratch"]})
    request = tuning.tuning_request("e84-tune-261202-120000-ab12", _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 8, 2, True)
    _validate("CreateHyperParameterTuningJob", request)
    config = request["HyperParameterTuningJobConfig"]
    assert config["HyperParameterTuningJobObjective"] == {"Type": "Maximize", "MetricName": "validation:building_iou"}
    assert config["ResourceLimits"] == {"MaxNumberOfTrainingJobs": 8, "MaxParallelTrainingJobs": 2}
    categorical = {r["Name"]: r["Values"] for r in config["ParameterRanges"]["CategoricalParameterRanges"]}
    assert categorical == {"batch_size": ['"8"', '"16"'], "initialisation": ['"imagenet"', '"scratch"']}  # JSON text, as the SDK sends
    assert config["ParameterRanges"]["ContinuousParameterRanges"][0] == {"Name": "learning_rate", "MinValue": "0.0001",
                                                                          "MaxValue": "0.01", "ScalingType": "Logarithmic"}
    static = request["TrainingJobDefinition"]["StaticHyperParameters"]
    assert "batch_size" not in static and "learning_rate" not in static and static["sagemaker_program"] == '"e84_train.py"'
    metric_names = [d["Name"] for d in request["TrainingJobDefinition"]["AlgorithmSpecification"]["MetricDefinitions"]]
    assert "validation:building_iou" in metric_names  # the objective must be a metric the jobs emit

    builtin = tuning.tuning_request("e84-tune-261202-120000-ab12", _training(False),
                                    tuning.Ranges((1e-4, 1e-2), {"mini_batch_size": ["8", "16"], "backbone": ["resnet-50", "resnet-101"]}),
                                    tuning.BUILTIN_OBJECTIVE, 4, 1, False)
    _validate("CreateHyperParameterTuningJob", builtin)
    values = {r["Name"]: r["Values"] for r in builtin["HyperParameterTuningJobConfig"]["ParameterRanges"]["CategoricalParameterRanges"]}
    assert values["backbone"] == ["resnet-50", "resnet-101"] and "MetricDefinitions" not in builtin["TrainingJobDefinition"]["AlgorithmSpecification"]

    assert len(tuning.tuning_name()) <= 32 and tuning.tuning_name() != tuning.tuning_name()
    with pytest.raises(contract.ContractError, match="32 characters"):
        tuning.tuning_request("e84-tune-" + "x" * 30, _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 8, 2, True)
    with pytest.raises(contract.ContractError, match="between 1 and the number of jobs"):
        tuning.tuning_request("e84-tune-1", _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 2, 3, True)
    with pytest.raises(contract.ContractError, match="lowest first"):
        tuning.Ranges((1e-2, 1e-4)).as_request(True)
    with pytest.raises(contract.ContractError, match="backbone cannot be tuned"):
        tuning.tuning_request("e84-tune-1", _training(True), tuning.Ranges(categorical={"backbone": ["resnet-50"]}),
                              tuning.PLUGIN_OBJECTIVE, 2, 1, True)
    assert tuning.cost_text(0.736, 8, 2.0) == "Estimated cost: up to 8 jobs x 2 h x $0.736/h = $11.78"


class TuningScript:
    """moto's tuning job, walked InProgress -> Completed over DescribeHyperParameterTuningJob calls, with
    two training jobs created from its definition; the best one's model.tar.gz is put in S3."""

    def __init__(self, aws, model_file, monkeypatch):
        self.backend = sagemaker_backend()
        self.aws, self.model_file = aws, model_file
        self.jobs = []
        self.calls = 0
        self.ended = set()
        original_create, original_describe = self.backend.create_hyper_parameter_tuning_job, self.backend.describe_hyper_parameter_tuning_job

        def create(**kwargs):
            self.request = json.loads(json.dumps(kwargs))
            return original_create(**kwargs)

        def describe(hyper_parameter_tuning_job_name):
            job = self.backend.hyper_parameter_tuning_jobs[hyper_parameter_tuning_job_name]
            if hyper_parameter_tuning_job_name not in self.ended:  # an ended one stays as it is
                self.calls += 1
                self.advance(job)
            return original_describe(hyper_parameter_tuning_job_name)

        monkeypatch.setattr(self.backend, "create_hyper_parameter_tuning_job", create)
        monkeypatch.setattr(self.backend, "describe_hyper_parameter_tuning_job", describe)
        aws.hooks.handlers["ListTrainingJobsForHyperParameterTuningJob"] = self.list_answer

    def advance(self, job):
        import boto3

        definition = self.request["training_job_definition"]
        if not self.jobs:
            sm = boto3.client("sagemaker", region_name=REGION)
            for index, (rate, objective) in enumerate(((0.003, 0.41), (0.0005, 0.52))):
                name = f"{job.hyper_parameter_tuning_job_name}-{index + 1:03d}-abcd{index}"
                sm.create_training_job(TrainingJobName=name, AlgorithmSpecification=definition["AlgorithmSpecification"],
                                       RoleArn=definition["RoleArn"], InputDataConfig=definition["InputDataConfig"],
                                       OutputDataConfig=definition["OutputDataConfig"],
                                       ResourceConfig=definition["HyperParameterTuningResourceConfig"],
                                       StoppingCondition=definition["StoppingCondition"],
                                       HyperParameters={**definition["StaticHyperParameters"], "learning_rate": str(rate), "batch_size": "16"})
                self.jobs.append((name, rate, objective))
        done = self.calls >= 3
        job.hyper_parameter_tuning_job_status = "Completed" if done else "InProgress"
        job.training_job_status_counters = {"Completed": 2 if done else 1, "InProgress": 0 if done else 1, "RetryableError": 0,
                                            "NonRetryableError": 0, "Stopped": 0}
        best_name, best_rate, best_value = self.jobs[1]
        job.best_training_job = {"TrainingJobName": best_name, "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:123456789012:training-job/{best_name}",
                                 "CreationTime": job.creation_time, "TrainingJobStatus": "Completed",
                                 "TunedHyperParameters": {"learning_rate": str(best_rate), "batch_size": "16"},
                                 "FinalHyperParameterTuningJobObjectiveMetric": {"MetricName": "validation:building_iou", "Value": best_value}}
        if done:
            import boto3

            self.ended.add(job.hyper_parameter_tuning_job_name)

            buffer = io.BytesIO()
            with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
                archive.add(self.model_file, arcname="model.pt")
            output = definition["OutputDataConfig"]["S3OutputPath"].rstrip("/")
            bucket, key = contract.parse_s3_uri(f"{output}/{best_name}/output/model.tar.gz")
            boto3.client("s3", region_name=REGION).put_object(Bucket=bucket, Key=key.rstrip("/"), Body=buffer.getvalue())

    def list_answer(self, request):
        finished = len(self.jobs) if self.calls >= 3 else 1
        summaries = [{"TrainingJobName": name, "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:123456789012:training-job/{name}",
                      "CreationTime": time.time(), "TrainingJobStatus": "Completed" if i < finished else "InProgress",
                      "TunedHyperParameters": {"learning_rate": str(rate), "batch_size": "16"},
                      **({"FinalHyperParameterTuningJobObjectiveMetric": {"MetricName": "validation:building_iou", "Value": value}}
                         if i < finished else {})}
                     for i, (name, rate, value) in enumerate(self.jobs)]
        return aws_response(200, {"TrainingJobSummaries": summaries}, request.url)


def test_tunesagemaker_estimates_follows_each_job_and_brings_the_best_model_back(aws, provider, kampala_dataset, trained, tmp_path, monkeypatch):
    script = TuningScript(aws, trained[0], monkeypatch)
    feedback = Feedback()
    result = run("tunesagemaker", {"DATASET": str(kampala_dataset), "S3_URI": f"s3://{aws.bucket}/kampala", "ROLE_ARN": aws.role_arn,
                                   "INSTANCE_TYPE": "ml.g4dn.xlarge", "MAX_JOBS": 2, "MAX_PARALLEL": 1, "BATCH_SIZES": "8,16",
                                   "POLL_SECONDS": 0, "OUTPUT_RECORD": str(tmp_path / "tune.json"), "OUTPUT_MODEL": str(tmp_path / "best.pt")},
                 feedback)
    text = feedback.text()
    assert "Estimated cost: up to 2 jobs x 2 h x $3.825/h = $15.30" in text, text
    assert result["STATUS"] == "Completed" and result["BEST_JOB"] == script.jobs[1][0] and result["BEST_OBJECTIVE"] == 0.52
    assert f"{script.jobs[0][0]}: Completed, 0.4100 (batch_size 16, learning_rate 0.003)" in text
    assert text.count(f"{script.jobs[0][0]}: Completed") == 1  # each job reported once, when it ends
    assert (tmp_path / "best.pt").read_bytes() == trained[0].read_bytes()
    sent = script.request
    assert sent["hyper_parameter_tuning_job_config"]["HyperParameterTuningJobObjective"]["MetricName"] == "validation:building_iou"
    assert len(sent["hyper_parameter_tuning_job_name"]) <= 32
    record = json.loads((tmp_path / "tune.json").read_text())
    assert record["kind"] == "sagemaker-tuning" and record["best_training_job"]["TrainingJobName"] == script.jobs[1][0]
    assert [job["name"] for job in record["jobs"]] == [name for name, _, _ in script.jobs]
    assert aws.hooks.counts["PutObject"] > 0  # the dataset and the training code went up first


def test_tuning_settings_are_refused_before_anything_is_uploaded(aws, provider, kampala_dataset, tmp_path):
    base = {"DATASET": str(kampala_dataset), "S3_URI": f"s3://{aws.bucket}/k/", "ROLE_ARN": aws.role_arn, "POLL_SECONDS": 0,
            "OUTPUT_RECORD": str(tmp_path / "t.json")}
    with pytest.raises(QgsProcessingException, match="lowest first"):
        run("tunesagemaker", {**base, "LEARNING_RATE_MIN": 0.01, "LEARNING_RATE_MAX": 0.001})
    with pytest.raises(QgsProcessingException, match="distinct values"):
        run("tunesagemaker", {**base, "BATCH_SIZES": "8,8"})
    assert aws.hooks.counts["PutObject"] == 0 and not (tmp_path / "t.json").exists()
    with pytest.raises(QgsProcessingException, match="between 1 and the number of jobs"):
        run("tunesagemaker", {**base, "MAX_JOBS": 2, "MAX_PARALLEL": 3})
    with pytest.raises(QgsProcessingException, match="turn spot training off"):
        run("tunesagemaker", {**base, "USE_SPOT": True})
    assert aws.hooks.counts["PutObject"] == 0 and not (tmp_path / "t.json").exists()


def test_the_tuning_request_is_the_sdks_for_the_same_settings():
    """tests/data/sdk_requests.json holds what the SageMaker Python SDK sends (scripts/sdk_reference.py)."""
    from pathlib import Path

    sdk = json.loads((Path(__file__).parent / "data" / "sdk_requests.json").read_text())["CreateHyperParameterTuningJob"]
    training = pytorch_job.TrainingRequest(sdk["HyperParameterTuningJobName"], REGION, ROLE, "s3://bucket/kampala/",
                                           "s3://bucket/kampala-models/", "ml.g4dn.xlarge").as_kwargs()
    ours = tuning.tuning_request(sdk["HyperParameterTuningJobName"], training,
                                 tuning.Ranges((1e-4, 1e-2), {"batch_size": ["8", "16"]}), tuning.PLUGIN_OBJECTIVE, 8, 2, True,
                                 ["e84-tune-261201-090000-cd34"], "TransferLearning")
    ours["Tags"] = [t for t in ours["Tags"] if t["Key"] == "created-by"]
    # The SDK adds its own class and module names (for its attach()); nothing in the container reads them.
    for key in ("sagemaker_estimator_class_name", "sagemaker_estimator_module"):
        sdk["TrainingJobDefinition"]["StaticHyperParameters"].pop(key)
    assert ours == sdk


def _parent(request: dict, **changes) -> dict:
    """DescribeHyperParameterTuningJob of an ended tuning job made from ``request``."""
    answer = {"HyperParameterTuningJobName": "e84-tune-261201-090000-cd34", "HyperParameterTuningJobStatus": "Completed",
              "HyperParameterTuningJobConfig": json.loads(json.dumps(request["HyperParameterTuningJobConfig"])),
              "TrainingJobDefinition": json.loads(json.dumps(request["TrainingJobDefinition"]))}
    answer.update(changes)
    return answer


def test_a_warm_start_is_checked_against_its_parents_as_sagemaker_checks_it():
    ranges = tuning.Ranges((1e-4, 1e-2), {"batch_size": ["8", "16"]})
    parent_name = "e84-tune-261201-090000-cd34"
    request = tuning.tuning_request("e84-tune-261205-100000-ef56", _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 8, 2, True,
                                    [parent_name])
    _validate("CreateHyperParameterTuningJob", request)
    assert request["WarmStartConfig"] == {"ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": parent_name}],
                                          "WarmStartType": "TransferLearning"}
    assert "WarmStartConfig" not in tuning.tuning_request("e84-tune-1", _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 8, 2, True)
    tuning.check_parents(request, {parent_name: _parent(request)})  # the same settings: accepted

    with pytest.raises(contract.ContractError, match="is InProgress: a warm start needs its parents ended"):
        tuning.check_parents(request, {parent_name: _parent(request, HyperParameterTuningJobStatus="InProgress")})
    builtin = _parent(request)
    builtin["HyperParameterTuningJobConfig"]["HyperParameterTuningJobObjective"]["MetricName"] = tuning.BUILTIN_OBJECTIVE
    with pytest.raises(contract.ContractError, match="maximised validation:mIOU"):
        tuning.check_parents(request, {parent_name: builtin})
    older = _parent(request)
    for name in ("keep", "checkpoint_every_s"):  # a parent from before these settings existed
        older["TrainingJobDefinition"]["StaticHyperParameters"].pop(name)
    with pytest.raises(contract.ContractError, match=r"other hyperparameters \(checkpoint_every_s, keep\)"):
        tuning.check_parents(request, {parent_name: older})
    integer = _parent(request)
    integer["HyperParameterTuningJobConfig"]["ParameterRanges"]["CategoricalParameterRanges"] = []
    integer["HyperParameterTuningJobConfig"]["ParameterRanges"]["IntegerParameterRanges"] = [{"Name": "batch_size", "MinValue": "8", "MaxValue": "16"}]
    with pytest.raises(contract.ContractError, match="batch_size changed type"):
        tuning.check_parents(request, {parent_name: integer})
    many = _parent(request)
    static = many["TrainingJobDefinition"]["StaticHyperParameters"]
    for name in list(static)[:11]:
        static[name] = '"something else"'
    with pytest.raises(contract.ContractError, match="11 settings changed.*allows 10"):
        tuning.check_parents(request, {parent_name: many})
    identical = tuning.tuning_request("e84-tune-261205-100000-ef56", _training(True), ranges, tuning.PLUGIN_OBJECTIVE, 8, 2, True,
                                      [parent_name], "IdenticalDataAndAlgorithm")
    elsewhere = _parent(identical)
    elsewhere["TrainingJobDefinition"]["InputDataConfig"][0]["DataSource"]["S3DataSource"]["S3Uri"] = "s3://bucket/other/"
    with pytest.raises(contract.ContractError, match="choose the TransferLearning warm start"):
        tuning.check_parents(identical, {parent_name: elsewhere})
    tuning.check_parents(identical, {parent_name: _parent(identical)})
    with pytest.raises(contract.ContractError, match="at most 5 parent tuning jobs"):
        tuning.parent_names("a1,a2,a3,a4,a5,a6")
    assert tuning.parent_names(" a1, a2 ,a1,") == ["a1", "a2"]


def test_tunesagemaker_warm_starts_from_an_ended_tuning_job(aws, provider, kampala_dataset, trained, tmp_path, monkeypatch):
    script = TuningScript(aws, trained[0], monkeypatch)
    base = {"DATASET": str(kampala_dataset), "S3_URI": f"s3://{aws.bucket}/kampala", "ROLE_ARN": aws.role_arn, "INSTANCE_TYPE": "ml.g4dn.xlarge",
            "MAX_JOBS": 2, "MAX_PARALLEL": 1, "BATCH_SIZES": "8,16", "POLL_SECONDS": 0}
    parent = run("tunesagemaker", {**base, "OUTPUT_RECORD": str(tmp_path / "tune1.json"), "OUTPUT_MODEL": str(tmp_path / "best1.pt")})
    assert parent["STATUS"] == "Completed"
    parent_request = script.request
    script.jobs, script.calls = [], 0  # the script walks the second tuning job as it walked the first
    feedback = Feedback()
    result = run("tunesagemaker", {**base, "PARENT_TUNING_JOBS": parent["TUNING_JOB"], "OUTPUT_RECORD": str(tmp_path / "tune2.json"),
                                   "OUTPUT_MODEL": str(tmp_path / "best2.pt")}, feedback)
    assert result["STATUS"] == "Completed" and f"Warm start (TransferLearning) from {parent['TUNING_JOB']}" in feedback.text()
    assert script.request["warm_start_config"] == {"ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": parent["TUNING_JOB"]}],
                                                   "WarmStartType": "TransferLearning"}
    puts = aws.hooks.counts["PutObject"]
    # AWS's answer for a name it does not know (moto's server fails with 500 instead).
    aws.hooks.handlers["DescribeHyperParameterTuningJob"] = json_error("ResourceNotFound", "Amazon SageMaker can't find a tuning job")
    with pytest.raises(QgsProcessingException, match="Parent tuning job e84-tune-000000-000000-0000 was not found in us-east-1"):
        run("tunesagemaker", {**base, "PARENT_TUNING_JOBS": "e84-tune-000000-000000-0000", "OUTPUT_RECORD": str(tmp_path / "tune3.json")})
    assert aws.hooks.counts["PutObject"] == puts and not (tmp_path / "tune3.json").exists()  # refused before anything went up
    assert parent_request["hyper_parameter_tuning_job_name"] == parent["TUNING_JOB"] and parent_request.get("warm_start_config") is None
