"""The SageMaker built-in semantic segmentation contract as plain data: requests, names, metrics.

No boto3, no Qt: every request the plugin sends is built here, so tests check each field against
AWS's documented contract without a network.
"""
import json
import re
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from ...core.sentence import said

CHANNELS = ("train", "validation", "train_annotation", "validation_annotation")
LABEL_MAP_CHANNEL = "label_map"
PLUGIN_TAG_KEY = "created-by"
PLUGIN_TAG_VALUE = "e84-segment"
PLUGIN_TAGS = [{"Key": PLUGIN_TAG_KEY, "Value": PLUGIN_TAG_VALUE}]
# The tile grid a model was trained on travels with the job, its model and its endpoint.
TAG_ZOOM = "e84-segment:zoom"
TAG_TILE_SIZE = "e84-segment:tile-size"
JOB_NAME_MAX = 63
_NAME_PATTERN = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")

# The algorithm trains on one GPU instance (AWS: "only supports GPU instances for training": P2, P3,
# G4dn and G5). Current families first; ml.p2 is retired and ml.p3 is being retired, so it comes last.
GPU_TRAINING_INSTANCES = (
    "ml.g4dn.xlarge", "ml.g4dn.2xlarge", "ml.g4dn.4xlarge", "ml.g4dn.8xlarge", "ml.g4dn.12xlarge", "ml.g4dn.16xlarge",
    "ml.g5.xlarge", "ml.g5.2xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.g5.12xlarge", "ml.g5.16xlarge",
    "ml.g5.24xlarge", "ml.g5.48xlarge",
    "ml.p3.2xlarge", "ml.p3.8xlarge", "ml.p3.16xlarge",
)
DEFAULT_TRAINING_INSTANCE = "ml.g4dn.xlarge"  # one T4 (16 GB), the cheapest current GPU that trains the algorithm
DEFAULT_HOSTING_INSTANCE = "ml.c5.xlarge"  # inference runs on CPU too, at a fraction of a GPU's price
ALGORITHMS = ("fcn", "psp", "deeplab")
BACKBONES = ("resnet-50", "resnet-101")
OPTIMIZERS = ("sgd", "adam", "adagrad", "nag", "rmsprop")
LR_SCHEDULERS = ("poly", "cosine")  # "step" also needs lr_scheduler_step: not offered
# InvokeEndpoint's answer cap (bytes): a larger answer fails as ModelError ("Received client error
# (413) from primary"). A probability answer takes 4 bytes per class and pixel plus its framing.
ANSWER_LIMIT = 6 * 1024 * 1024
ANSWER_FRAMING = 64
PNG = "image/png"
PROTOBUF = "application/x-recordio-protobuf"
JPEG = "image/jpeg"

_IMAGES = json.loads((Path(__file__).with_name("images.json")).read_text(encoding="utf-8"))


class ContractError(ValueError):
    """A request that AWS would refuse; the message says what to change."""


def regions() -> List[str]:
    return sorted(_IMAGES["registries"])


def dns_suffix(region: str) -> str:
    # ECR's domain per AWS partition (China, the ISO partitions, and the commercial/GovCloud one).
    for prefix, suffix in (("cn-", "amazonaws.com.cn"), ("us-isob-", "sc2s.sgov.gov"), ("us-isof-", "csp.hci.ic.gov"),
                           ("us-iso-", "c2s.ic.gov")):
        if region.startswith(prefix):
            return suffix
    return "amazonaws.com"


def image_uri(region: str) -> str:
    """The algorithm's container (the same image trains and serves)."""
    account = _IMAGES["registries"].get(region)
    if account is None:
        raise said(
            ContractError, "The semantic segmentation algorithm is not offered in region '{region}'. Choose one of: {regions}",
            region=region, regions=", ".join(regions()),
        )
    return f"{account}.dkr.ecr.{region}.{dns_suffix(region)}/{_IMAGES['repository']}:{_IMAGES['tag']}"


def check_training_instance(instance_type: str) -> None:
    if instance_type not in GPU_TRAINING_INSTANCES:
        raise said(
            ContractError, "{instance_type} cannot train the semantic segmentation algorithm: it trains on GPU instances only. "
                           "Choose one of: {instances}",
            instance_type=instance_type or "No instance type", instances=", ".join(GPU_TRAINING_INSTANCES),
        )


MODELS_AT_BUCKET_ROOT = "e84-segment-models/"


def parse_s3_uri(uri: str) -> Tuple[str, str]:
    """(bucket, prefix) of ``s3://bucket/prefix/``; the prefix is '' or ends with '/'."""
    match = re.match(r"^s3://([a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(.*))?$", (uri or "").strip())
    if not match:
        raise said(ContractError, "'{uri}' is not an S3 location: write it as s3://bucket/prefix/", uri=uri)
    prefix = match.group(2) or ""
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return match.group(1), prefix


def s3_uri(bucket: str, key: str) -> str:
    return f"s3://{bucket}/{key}"


def models_uri(dataset_uri: str) -> str:
    """Where jobs write by default: beside the dataset (``<prefix>-models/``), never under it, since
    a channel that names the dataset's prefix would download every model and tarball written there."""
    bucket, prefix = parse_s3_uri(dataset_uri)
    return s3_uri(bucket, f"{prefix.rstrip('/')}-models/" if prefix else MODELS_AT_BUCKET_ROOT)


def channel_uris(dataset_uri: str) -> Dict[str, str]:
    """Each channel's prefix, ending in '/': 's3://b/p/train' would also match train_annotation/."""
    bucket, prefix = parse_s3_uri(dataset_uri)
    return {channel: s3_uri(bucket, f"{prefix}{channel}/") for channel in CHANNELS}


def label_map_uri(dataset_uri: str) -> str:
    bucket, prefix = parse_s3_uri(dataset_uri)
    return s3_uri(bucket, f"{prefix}{LABEL_MAP_CHANNEL}/")


def unique_name(prefix: str, now: Optional[float] = None) -> str:
    """A job/model/endpoint name unique per account and region: prefix, UTC time, random suffix."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now if now is not None else time.time()))
    suffix = secrets.token_hex(3)
    head = re.sub(r"[^a-zA-Z0-9-]+", "-", prefix).strip("-")[: JOB_NAME_MAX - len(stamp) - len(suffix) - 2]
    name = f"{head}-{stamp}-{suffix}"
    assert _NAME_PATTERN.match(name), name
    return name


def check_name(name: str) -> None:
    if not _NAME_PATTERN.match(name or ""):
        raise said(ContractError, "'{name}' is not a valid SageMaker name: at most 63 letters, digits and hyphens", name=name)


@dataclass
class Hyperparameters:
    """The algorithm's tunable hyperparameters, with AWS's defaults."""

    algorithm: str = "fcn"
    backbone: str = "resnet-50"
    use_pretrained_model: bool = True
    epochs: int = 10
    learning_rate: float = 0.001
    optimizer: str = "sgd"
    lr_scheduler: str = "poly"
    mini_batch_size: int = 16
    crop_size: int = 240
    # Training rescales each image's shorter side to base_size (times a random 0.5-2) before cropping;
    # AWS's default is 520. The tile size keeps training at the scale inference sees (None: AWS's).
    base_size: Optional[int] = None
    early_stopping: bool = False
    early_stopping_min_epochs: int = 5
    early_stopping_patience: int = 4
    early_stopping_tolerance: float = 0.0

    def check(self) -> None:
        for name, value, allowed in (
            ("algorithm", self.algorithm, ALGORITHMS),
            ("backbone", self.backbone, BACKBONES),
            ("optimizer", self.optimizer, OPTIMIZERS),
            ("lr_scheduler", self.lr_scheduler, LR_SCHEDULERS),
        ):
            if value not in allowed:
                raise said(
                    ContractError, "{name} '{value}' is not offered: choose one of {choices}",
                    name=name, value=value, choices=", ".join(allowed),
                )
        if self.epochs < 1 or self.mini_batch_size < 1:
            raise said(ContractError, "epochs and mini_batch_size must be at least 1")
        if self.crop_size <= 16:
            raise said(ContractError, "crop_size must be greater than 16 pixels")
        if self.base_size is not None and self.base_size <= 16:
            raise said(ContractError, "base_size must be greater than 16 pixels")
        if not 0 < self.learning_rate < 1:
            raise said(ContractError, "learning_rate must lie between 0 and 1")

    def as_strings(self, num_classes: int, num_training_samples: int) -> Dict[str, str]:
        """The HyperParameters map: every value a string, booleans as the algorithm spells them."""
        self.check()
        if not 2 <= num_classes <= 254:
            raise said(ContractError, "num_classes must lie between 2 and 254, not {num_classes}", num_classes=num_classes)
        if num_training_samples < 1:
            raise said(ContractError, "The dataset has no training images")
        values = {"num_classes": num_classes, "num_training_samples": num_training_samples, **asdict(self)}
        if self.base_size is None:
            values.pop("base_size")
        if not self.early_stopping:
            for key in ("early_stopping_min_epochs", "early_stopping_patience", "early_stopping_tolerance"):
                values.pop(key)
        return {key: ("True" if value is True else "False" if value is False else str(value)) for key, value in values.items()}


@dataclass
class TrainingRequest:
    job_name: str
    region: str
    role_arn: str
    dataset_uri: str
    output_uri: str
    instance_type: str
    hyperparameters: Dict[str, str]
    max_runtime_s: int = 24 * 3600
    use_spot: bool = False
    max_wait_s: int = 0
    volume_gb: int = 50

    def as_kwargs(self) -> dict:
        """The CreateTrainingJob request."""
        check_job(self.job_name, self.role_arn)
        check_training_instance(self.instance_type)
        output_bucket, output_prefix = parse_s3_uri(self.output_uri)
        channels = channel_uris(self.dataset_uri)
        request = {
            "TrainingJobName": self.job_name,
            "AlgorithmSpecification": {"TrainingImage": image_uri(self.region), "TrainingInputMode": "File"},
            "RoleArn": self.role_arn,
            "HyperParameters": dict(self.hyperparameters),
            "InputDataConfig": [
                {
                    "ChannelName": channel,
                    "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": uri, "S3DataDistributionType": "FullyReplicated"}},
                    "ContentType": JPEG if channel in ("train", "validation") else PNG,
                    "CompressionType": "None",
                }
                for channel, uri in channels.items()
            ] + [
                # The masks hold class indices ({"scale": "1"}); the channel is optional and takes its JSON files
                # with no content type of their own.
                {
                    "ChannelName": LABEL_MAP_CHANNEL,
                    "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": label_map_uri(self.dataset_uri),
                                                    "S3DataDistributionType": "FullyReplicated"}},
                    "CompressionType": "None",
                }
            ],
            "OutputDataConfig": {"S3OutputPath": s3_uri(output_bucket, output_prefix)},
            "ResourceConfig": {"InstanceType": self.instance_type, "InstanceCount": 1, "VolumeSizeInGB": self.volume_gb},
            "Tags": list(PLUGIN_TAGS),
        }
        # Spot capacity can be reclaimed: the algorithm resumes from checkpoints written there.
        request.update(stopping(self.job_name, self.output_uri, self.max_runtime_s, self.use_spot, self.max_wait_s))
        return request


def check_job(job_name: str, role_arn: str) -> None:
    check_name(job_name)
    if not role_arn.startswith("arn:"):
        raise said(
            ContractError, "ROLE_ARN must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) that SageMaker can assume",
        )


def stopping(job_name: str, output_uri: str, max_runtime_s: int, use_spot: bool, max_wait_s: int,
             checkpoint_path: Optional[str] = None) -> dict:
    """StoppingCondition, and for managed spot training its wait and the checkpoints' S3 location
    (under the job's output), where a restarted job finds what the reclaimed one left."""
    fields = {"StoppingCondition": {"MaxRuntimeInSeconds": int(max_runtime_s)}}
    if use_spot:
        max_wait = int(max_wait_s or max_runtime_s * 2)
        if max_wait < max_runtime_s:
            raise said(ContractError, "MAX_WAIT must be at least MAX_RUNTIME for spot training")
        bucket, prefix = parse_s3_uri(output_uri)
        fields["EnableManagedSpotTraining"] = True
        fields["StoppingCondition"]["MaxWaitTimeInSeconds"] = max_wait
        fields["CheckpointConfig"] = {"S3Uri": s3_uri(bucket, f"{prefix}{job_name}/checkpoints/")}
        if checkpoint_path:
            fields["CheckpointConfig"]["LocalPath"] = checkpoint_path
    return fields


def model_request(name: str, region: str, model_data_url: str, role_arn: str) -> dict:
    check_name(name)
    return {
        "ModelName": name,
        "PrimaryContainer": {"Image": image_uri(region), "ModelDataUrl": model_data_url},
        "ExecutionRoleArn": role_arn,
        "Tags": list(PLUGIN_TAGS),
    }


def endpoint_config_request(name: str, model_name: str, instance_type: str) -> dict:
    check_name(name)
    return {
        "EndpointConfigName": name,
        "ProductionVariants": [
            {"VariantName": "AllTraffic", "ModelName": model_name, "InitialInstanceCount": 1, "InstanceType": instance_type}
        ],
        "Tags": list(PLUGIN_TAGS),
    }


def endpoint_request(name: str, config_name: str) -> dict:
    check_name(name)
    return {"EndpointName": name, "EndpointConfigName": config_name, "Tags": list(PLUGIN_TAGS)}


def transform_request(name: str, model_name: str, input_uri: str, output_uri: str, instance_type: str) -> dict:
    """Batch transform of every JPEG under ``input_uri``: one PNG class mask per image."""
    check_name(name)
    return {
        "TransformJobName": name,
        "ModelName": model_name,
        "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": input_uri}},
            "ContentType": JPEG,
            "SplitType": "None",
        },
        "TransformOutput": {"S3OutputPath": output_uri, "Accept": PNG, "AssembleWith": "None"},
        "TransformResources": {"InstanceType": instance_type, "InstanceCount": 1},
        "Tags": list(PLUGIN_TAGS),
    }


def probability_answer_bytes(width: int, height: int, classes: int = 2) -> int:
    """Bytes of an endpoint's probability answer (float32 [1, C, H, W] in one RecordIO frame)."""
    return 4 * classes * width * height + ANSWER_FRAMING


def max_window_overlap(block: int, classes: int = 2) -> int:
    """The largest overlap core.mosaic can send (a multiple of its rounding step) whose window,
    ``block`` + 2 x overlap pixels square, still gets its probabilities back within ANSWER_LIMIT."""
    from ...core.mosaic import overlap_for_network  # GDAL: not in the containers that import this module

    step = overlap_for_network(1)  # mosaic rounds overlaps up to multiples of this
    overlap = 0
    while probability_answer_bytes(block + 2 * (overlap + step), block + 2 * (overlap + step), classes) <= ANSWER_LIMIT:
        overlap += step
    return overlap


def grid_tags(zoom: int, tile_size: int) -> List[dict]:
    return [{"Key": TAG_ZOOM, "Value": str(zoom)}, {"Key": TAG_TILE_SIZE, "Value": str(tile_size)}]


def is_ours(tags: Iterable[dict]) -> bool:
    return any(t.get("Key") == PLUGIN_TAG_KEY and t.get("Value") == PLUGIN_TAG_VALUE for t in tags)


# "#quality_metric. host: algo-1, epoch: 0, validation mIOU: 0.4796 ." (and "=" instead of ": ").
_QUALITY = re.compile(
    r"#quality_metric\W+host\s*[:=]\s*[^,]+,\s*epoch\s*[:=]\s*(\d+),\s*(train|validation)\s+([A-Za-z_]+)\s*[:=]\s*"
    r"([-+0-9.eE]+|nan|inf)"
)
_PROGRESS = re.compile(r"#progress_metric\W+host\s*[:=]\s*[^,]+,\s*completed\s+([0-9.]+)\s*%")


@dataclass
class LogMetric:
    epoch: int
    name: str  # "validation:mIOU", "validation:pixel_accuracy", ...
    value: float


def parse_log_line(line: str):
    """A LogMetric, a float (percent of epochs completed) or None for other lines."""
    quality = _QUALITY.search(line)
    if quality:
        return LogMetric(int(quality.group(1)), f"{quality.group(2)}:{quality.group(3)}", float(quality.group(4)))
    progress = _PROGRESS.search(line)
    return float(progress.group(1)) if progress else None


def log_stream_prefix(job_name: str) -> str:
    return f"{job_name}/algo-"


TRAINING_LOG_GROUP = "/aws/sagemaker/TrainingJobs"
