"""Records what the SageMaker Python SDK sends for the plugin's own training and tuning settings.

Run it in a virtual environment of its own with the SDK the plugin was checked against (never in
QGIS's Python: the SDK pulls numpy 2, which breaks QGIS's GDAL):

    python3 -m venv /tmp/sdk && /tmp/sdk/bin/pip install sagemaker==2.257.7
    /tmp/sdk/bin/python scripts/sdk_reference.py tests/data/sdk_requests.json

The SDK's client is replaced by one that records each request instead of sending it, and the source
upload by its S3 location: no AWS account and no network are needed. tests/test_sagemaker_pytorch.py
compares the plugin's requests with these.
"""
import json
import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import boto3  # noqa: E402
import sagemaker  # noqa: E402
from sagemaker.fw_utils import UploadedCode  # noqa: E402
from sagemaker.inputs import TrainingInput  # noqa: E402
from sagemaker.pytorch import PyTorch  # noqa: E402
from sagemaker.tuner import CategoricalParameter, ContinuousParameter, HyperparameterTuner, WarmStartConfig, WarmStartTypes  # noqa: E402

from e84_segment.backends.sagemaker import pytorch_job  # noqa: E402

REGION, ROLE = "us-east-1", "arn:aws:iam::123456789012:role/service-role/e84-sagemaker"
JOB, TUNING = "e84-model-20261202-120000-abcdef", "e84-tune-261202-120000-ab12"
OUTPUT = "s3://bucket/kampala-models/"  # beside the dataset: the training channel is the dataset prefix
PARENT = "e84-tune-261201-090000-cd34"  # a warm start's parent tuning job


class Recorder:
    """Stands for the SDK's boto3 SageMaker client: keeps each request, answers what the SDK reads back."""

    def __init__(self):
        self.requests = {}

    def create_training_job(self, **request):
        self.requests["CreateTrainingJob"] = request
        return {"TrainingJobArn": f"arn:aws:sagemaker:{REGION}:123456789012:training-job/{JOB}"}

    def create_hyper_parameter_tuning_job(self, **request):
        self.requests["CreateHyperParameterTuningJob"] = request
        return {"HyperParameterTuningJobArn": f"arn:aws:sagemaker:{REGION}:123456789012:hyper-parameter-tuning-job/{TUNING}"}

    def __getattr__(self, name):
        raise AttributeError(f"the SDK called {name}, which this recorder does not answer")


def estimator(session, job_name):
    source = UploadedCode(s3_prefix=pytorch_job.source_uri(OUTPUT, job_name), script_name=pytorch_job.PROGRAM)
    settings = pytorch_job.Hyperparameters()
    made = PyTorch(
        entry_point=pytorch_job.PROGRAM, role=ROLE, instance_count=1, instance_type="ml.g4dn.xlarge", framework_version="2.8.0",
        py_version="py312", hyperparameters=settings.as_dict(), metric_definitions=pytorch_job.METRIC_DEFINITIONS,
        output_path=OUTPUT, max_run=7200, volume_size=30, sagemaker_session=session, disable_profiler=True,
        debugger_hook_config=False, tags=[{"Key": "created-by", "Value": "e84-segment"}],
    )
    made._stage_user_code_in_s3 = lambda: source  # what the SDK would have uploaded, and where
    return made


def main(output: Path):
    recorder = Recorder()
    boto_session = boto3.Session(region_name=REGION, aws_access_key_id="none", aws_secret_access_key="none")
    session = sagemaker.Session(boto_session=boto_session, sagemaker_client=recorder, default_bucket="bucket")
    channel = {"training": TrainingInput("s3://bucket/kampala/", distribution="FullyReplicated")}
    with mock.patch.object(sagemaker.Session, "logs_for_job", lambda *a, **k: None):
        estimator(session, JOB).fit(channel, job_name=JOB, wait=False, logs=False)
        tuner = HyperparameterTuner(
            estimator(session, TUNING), pytorch_job.OBJECTIVE,
            {"learning_rate": ContinuousParameter(1e-4, 1e-2, scaling_type="Logarithmic"),
             "batch_size": CategoricalParameter([8, 16])},
            metric_definitions=pytorch_job.METRIC_DEFINITIONS, strategy="Bayesian", objective_type="Maximize",
            max_jobs=8, max_parallel_jobs=2, early_stopping_type="Off", base_tuning_job_name="e84-tune",
            warm_start_config=WarmStartConfig(WarmStartTypes.TRANSFER_LEARNING, parents={PARENT}),
        )
        tuner.fit(channel, job_name=TUNING, wait=False)
    # The SDK prints to stdout itself: the requests go to their own file.
    output.write_text(json.dumps({"sdk": sagemaker.__version__, **recorder.requests}, indent=1, sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
