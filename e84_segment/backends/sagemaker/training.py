"""A SageMaker training job: submitted once, followed to its end, stopped on cancel.

The job name is written to the run record before CreateTrainingJob is sent. If the call times out,
or botocore's retry of it finds the name taken, the job is looked up by that name: it is never
created twice.
"""
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from botocore.exceptions import ClientError

from . import aws, contract
from ...core.sentence import said

TERMINAL = ("Completed", "Failed", "Stopped")
POLL_SECONDS = 30.0
# Rough share of the run before and after the epochs, for the progress bar.
_SECONDARY_PROGRESS = {"Starting": 2.0, "LaunchingMLInstances": 3.0, "PreparingTrainingStack": 4.0, "Downloading": 5.0,
                       "DownloadingTrainingImage": 6.0, "Training": 8.0, "Uploading": 97.0, "Completed": 100.0}


def submit(sm, request: dict, report: Callable[[str], None] = print) -> dict:
    """CreateTrainingJob; after a timeout or a name clash, the existing job of that name is used."""
    name = request["TrainingJobName"]
    try:
        sm.create_training_job(**request)
    except aws.TIMEOUTS as error:
        report(f"CreateTrainingJob did not answer ({error}); looking the job up by name")
        existing = _describe_or_none(sm, name)
        if existing is None:
            raise said(
                aws.AwsError, "Submitting {name} timed out and no job of that name exists: nothing was created, run again",
                name=name,
            )
        return existing
    except ClientError as error:
        # botocore may resend a create whose answer was lost: the first one created the job.
        if aws.error_code(error) in ("ResourceInUse", "ValidationException") and "already" in str(error).lower():
            existing = _describe_or_none(sm, name)
            if existing is not None and contract.is_ours(sm.list_tags(ResourceArn=existing["TrainingJobArn"]).get("Tags", [])):
                report(f"{name} was already created by this submission")
                return existing
        usage = aws.USAGES[1] if request.get("EnableManagedSpotTraining") else aws.USAGES[0]
        raise aws.explain(error, f"Creating training job {name}", usage) from None
    return sm.describe_training_job(TrainingJobName=name)


def _describe_or_none(sm, name: str) -> Optional[dict]:
    try:
        return sm.describe_training_job(TrainingJobName=name)
    except ClientError as error:
        if aws.error_code(error) in ("ValidationException", "ResourceNotFound"):
            return None
        raise


@dataclass
class EpochMetrics:
    by_epoch: Dict[int, Dict[str, float]] = field(default_factory=dict)
    percent: Optional[float] = None


class LogFollower:
    """New lines of the job's CloudWatch log streams; metrics parsed from them."""

    def __init__(self, logs, job_name: str):
        self.logs = logs
        self.job_name = job_name
        self.tokens: Dict[str, Optional[str]] = {}
        self.disabled = ""

    def poll(self) -> List[str]:
        if self.logs is None or self.disabled:
            return []
        try:
            streams = self.logs.describe_log_streams(
                logGroupName=contract.TRAINING_LOG_GROUP, logStreamNamePrefix=contract.log_stream_prefix(self.job_name)
            ).get("logStreams", [])
        except ClientError as error:
            if aws.error_code(error) == "ResourceNotFoundException":
                return []  # no log yet: the instance is still starting
            self.disabled = str(aws.explain(error, "Reading the training log"))
            return []
        lines = []
        for stream in streams:
            name = stream["logStreamName"]
            while True:
                arguments = {"logGroupName": contract.TRAINING_LOG_GROUP, "logStreamName": name, "startFromHead": True}
                if self.tokens.get(name):
                    arguments["nextToken"] = self.tokens[name]
                page = self.logs.get_log_events(**arguments)
                lines.extend(event["message"] for event in page.get("events", []))
                token = page.get("nextForwardToken")
                if not page.get("events") or token == self.tokens.get(name):
                    self.tokens[name] = token
                    break
                self.tokens[name] = token
        return lines


def builtin_log_line(line: str) -> list:
    """The built-in algorithm's log: a metric, or the percent of epochs done."""
    parsed = contract.parse_log_line(line)
    return [] if parsed is None else [parsed]


def follow(
    sm,
    logs,
    job_name: str,
    report: Callable[[str], None] = print,
    progress: Callable[[float], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    on_update: Callable[[dict, EpochMetrics], None] = lambda d, m: None,
    poll_seconds: float = POLL_SECONDS,
    parse: Callable[[str], list] = builtin_log_line,
) -> dict:
    """Follows the job until it ends; cancel stops it (the job keeps its partial output). Returns
    the last DescribeTrainingJob answer. ``parse`` reads one log line into LogMetrics and percents."""
    follower = LogFollower(logs, job_name)
    metrics = EpochMetrics()
    transitions_seen = 0
    stopper = aws.StopOnCancel(cancelled, lambda: sm.stop_training_job(TrainingJobName=job_name),
                               f"Stopping {job_name} (SageMaker gives it up to 2 minutes)", report)
    log_warning_shown = False
    while True:
        description = sm.describe_training_job(TrainingJobName=job_name)
        transitions = description.get("SecondaryStatusTransitions", [])
        for transition in transitions[transitions_seen:]:
            report(f"{transition['Status']}: {transition.get('StatusMessage', '')}".rstrip(": "))
        transitions_seen = len(transitions)
        for line in follower.poll():
            for parsed in parse(line):
                if isinstance(parsed, contract.LogMetric):
                    epoch = metrics.by_epoch.setdefault(parsed.epoch, {})
                    epoch[parsed.name] = parsed.value
                    report(f"Epoch {parsed.epoch}: {parsed.name} {parsed.value:.4f}")
                else:
                    metrics.percent = parsed
        if follower.disabled and not log_warning_shown:
            report(f"{follower.disabled}; per-epoch metrics will appear when the job ends")
            log_warning_shown = True
        progress(_progress(description, metrics))
        on_update(description, metrics)
        status = description["TrainingJobStatus"]
        if status in TERMINAL:
            return description
        stopper.check()
        stopper.pause(poll_seconds)


def _progress(description: dict, metrics: EpochMetrics) -> float:
    secondary = description.get("SecondaryStatus", "")
    if secondary == "Training" and metrics.percent is not None:
        return 8.0 + 0.88 * metrics.percent
    return _SECONDARY_PROGRESS.get(secondary, 1.0)


def final_metrics(description: dict) -> Dict[str, float]:
    return {m["MetricName"]: m["Value"] for m in description.get("FinalMetricDataList", [])}


def cost_seconds(description: dict) -> int:
    return int(description.get("BillableTimeInSeconds") or description.get("TrainingTimeInSeconds") or 0)


def download_model(s3, artifact_uri: str, destination: Path, report: Callable[[str], None] = print) -> Path:
    """The job's model.tar.gz -> the plugin's model file at ``destination`` (only model.pt is taken
    out of the archive); what predictlocal, trainlocal and the local endpoint use offline."""
    from . import pytorch_job

    bucket, key = contract.parse_s3_uri(artifact_uri)
    key = key.rstrip("/")
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as folder:
        archive = Path(folder) / "model.tar.gz"
        try:
            s3.download_file(bucket, key, str(archive))
        except ClientError as error:
            if aws.error_code(error) in ("404", "NoSuchKey", "NotFound"):  # S3's HEAD says only "Not Found"
                raise said(
                    aws.AwsError, "{artifact_uri} does not exist: the job wrote no model there",
                    artifact_uri=artifact_uri,
                ) from None
            raise aws.explain(error, f"Downloading {artifact_uri}") from None
        report(f"Downloaded {artifact_uri} ({archive.stat().st_size / 1e6:.1f} MB)")
        return pytorch_job.extract_model(archive, destination)
