"""A dataset folder to S3 in the algorithm's channel layout: checked first, resumable, cancellable.

A file is skipped when S3 already holds an object of the same size whose ETag equals the one S3
computes for it (MD5, or MD5 of part MD5s for multipart uploads, with our fixed part size). Buckets
that encrypt with KMS have other ETags; there the SHA-256 the plugin stores in the object's
metadata decides, at the cost of one HEAD request per same-sized file.
"""
import hashlib
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import numpy as np
from PIL import Image

from ...core import dataset
from . import contract

PART_SIZE = 8 * 1024 * 1024
MAX_CONCURRENCY = 4
SHA256_METADATA = "sha256"


class DatasetInvalid(ValueError):
    pass


class Cancelled(Exception):
    pass


@dataclass
class LocalFile:
    path: Path
    key: str
    size: int


@dataclass
class UploadPlan:
    bucket: str
    prefix: str
    to_upload: List[LocalFile] = field(default_factory=list)
    unchanged: List[LocalFile] = field(default_factory=list)

    @property
    def bytes_to_upload(self) -> int:
        return sum(f.size for f in self.to_upload)


def validate(folder: Path) -> dict:
    """dataset.json when the folder is a valid training set for the algorithm; DatasetInvalid says what is wrong."""
    folder = Path(folder)
    meta = dataset.load_dataset_json(folder)
    if meta is None or meta.get("format") != "sagemaker-semantic-segmentation":
        raise DatasetInvalid(f"{folder} is not a training dataset of e84 segment (no dataset.json): build one with 'Build training data'")
    num_classes = len(meta.get("classes", []))
    allowed = set(range(num_classes)) | {255}
    for split in dataset.SPLITS:
        images = sorted((folder / split).glob("*.jpg"))
        annotations = folder / dataset.annotation_dir(split)
        stems = {p.stem for p in annotations.glob("*.png")}
        missing = [p.name for p in images if p.stem not in stems]
        if missing:
            raise DatasetInvalid(f"{split}: {len(missing)} images have no mask in {annotations.name}/, e.g. {missing[0]}")
        orphans = stems - {p.stem for p in images}
        if orphans:
            raise DatasetInvalid(f"{annotations.name}: {len(orphans)} masks have no image, e.g. {sorted(orphans)[0]}.png")
        for mask_path in sorted(annotations.glob("*.png")):
            with Image.open(mask_path) as mask:
                if mask.mode not in ("L", "P"):
                    raise DatasetInvalid(f"{mask_path.name} is a {mask.mode} image: masks must be single-channel 8-bit PNGs")
                values = set(np.unique(np.asarray(mask)).tolist())
            if not values <= allowed:
                raise DatasetInvalid(
                    f"{mask_path.name} holds pixel values {sorted(values - allowed)}: masks may only hold class indices "
                    f"0-{num_classes - 1} and 255 (ignore)"
                )
        counted = meta.get("counts", {}).get(split)
        if counted != len(images):
            raise DatasetInvalid(
                f"dataset.json counts {counted} {split} images but {split}/ holds {len(images)}: rebuild the dataset"
            )
    if not meta["counts"].get(dataset.SPLITS[0]):
        raise DatasetInvalid("The dataset has no training images: the algorithm needs num_training_samples >= 1")
    return meta


def local_files(folder: Path, prefix: str) -> List[LocalFile]:
    """The channels, the label maps and dataset.json, keyed under ``prefix``."""
    folder = Path(folder)
    files = []
    for channel in contract.CHANNELS + (contract.LABEL_MAP_CHANNEL,):
        for path in sorted((folder / channel).glob("*")):
            if path.is_file():
                files.append(LocalFile(path, f"{prefix}{channel}/{path.name}", path.stat().st_size))
    for name in (dataset.DATASET_JSON, dataset.TILES_GEOJSON):
        if (folder / name).is_file():
            files.append(LocalFile(folder / name, f"{prefix}{name}", (folder / name).stat().st_size))
    return files


def s3_etag(path: Path, part_size: int = PART_SIZE) -> str:
    """The ETag S3 gives an object uploaded from ``path`` in parts of ``part_size`` (SSE-S3 or none)."""
    digests = []
    with open(path, "rb") as stream:
        while True:
            chunk = stream.read(part_size)
            if not chunk:
                break
            digests.append(hashlib.md5(chunk).digest())
    if len(digests) <= 1:
        return f'"{(digests[0] if digests else hashlib.md5(b"").digest()).hex()}"'
    return f'"{hashlib.md5(b"".join(digests)).hexdigest()}-{len(digests)}"'


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def plan(s3, folder: Path, dataset_uri: str) -> UploadPlan:
    bucket, prefix = contract.parse_s3_uri(dataset_uri)
    remote: Dict[str, dict] = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            remote[item["Key"]] = item
    result = UploadPlan(bucket, prefix)
    for local in local_files(folder, prefix):
        item = remote.get(local.key)
        same = item is not None and item["Size"] == local.size and (
            item.get("ETag") == s3_etag(local.path)
            or _metadata_sha256(s3, bucket, local.key) == sha256(local.path)
        )
        (result.unchanged if same else result.to_upload).append(local)
    return result


def _metadata_sha256(s3, bucket: str, key: str) -> Optional[str]:
    return s3.head_object(Bucket=bucket, Key=key).get("Metadata", {}).get(SHA256_METADATA)


def upload(
    s3,
    upload_plan: UploadPlan,
    progress: Callable[[float], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Uploads the plan's files, a few at a time; returns the number uploaded. Raises Cancelled."""
    from boto3.s3.transfer import TransferConfig

    config = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE, max_concurrency=2,
                            use_threads=True)
    total = max(upload_plan.bytes_to_upload, 1)
    sent = [0]

    def callback(count):
        sent[0] += count
        progress(100.0 * min(sent[0], total) / total)
        if cancelled():
            raise Cancelled()  # s3transfer aborts the multipart upload in flight

    def one(local: LocalFile):
        extra = {
            "ChecksumAlgorithm": "SHA256",
            "Metadata": {SHA256_METADATA: sha256(local.path)},
            "ContentType": _content_type(local.path),
        }
        s3.upload_file(str(local.path), upload_plan.bucket, local.key, ExtraArgs=extra, Config=config, Callback=callback)

    done = 0
    queue = list(upload_plan.to_upload)
    with ThreadPoolExecutor(MAX_CONCURRENCY) as pool:
        running = set()
        while queue or running:
            while queue and len(running) < MAX_CONCURRENCY and not cancelled():
                running.add(pool.submit(one, queue.pop(0)))
            if not running:
                break
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()
                done += 1
        if cancelled():
            raise Cancelled()
    return done


def _content_type(path: Path) -> str:
    return {".jpg": contract.JPEG, ".png": contract.PNG, ".json": "application/json", ".geojson": "application/geo+json"}.get(
        path.suffix.lower(), "application/octet-stream"
    )
