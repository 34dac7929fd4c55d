"""The model file: weights plus everything prediction needs, loaded with weights_only=True.

A plain dict of tensors, numbers, strings, lists and dicts (what torch's safe unpickler accepts):
``format``, ``format_version``, ``state_dict`` and ``meta`` (zoom, tile size, classes,
normalisation, encoder, metrics history, dataset fingerprint, ...). Written to a temporary name and
renamed, so a reader never sees half a file.
"""
import errno
import os
import shutil
from pathlib import Path
from typing import Tuple

import torch

from .model import ENCODER, SegmentationNet
from ...core.sentence import said

FORMAT = "e84_segment.model"
FORMAT_VERSION = 1
# Less free space than a model takes (15-50 MB) when a save fails: the disk is full, whatever torch says.
FULL_DISK_BYTES = 64 << 20


class ModelFileError(ValueError):
    """Not a model file of ours, or a damaged one; the message says which file and what to do."""


def save(path: Path, model: torch.nn.Module, meta: dict, extra: dict = None) -> None:
    path = Path(path)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        "meta": meta,
    }
    document.update(extra or {})
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        torch.save(document, partial)
        os.replace(partial, path)
    except RuntimeError as error:
        # torch reports a full disk in its own words ("iostream error", "unexpected pos 64 vs 0").
        if shutil.disk_usage(path.parent).free < FULL_DISK_BYTES:
            raise OSError(errno.ENOSPC, "No space left on device", str(path)) from error
        raise
    finally:
        if partial.exists():
            partial.unlink()


def read(path: Path) -> dict:
    """The raw document, checked to be ours. Never unpickles arbitrary objects."""
    path = Path(path)
    if not path.is_file():
        raise said(ModelFileError, "Model file {path} does not exist", path=path)
    try:
        document = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # torch raises several types for foreign or truncated files
        # torch's own words ("pop from empty list", "PytorchStreamReader failed ...") tell an analyst
        # nothing: say what the file looks like and what is expected instead.
        raise said(
            ModelFileError, "{path} is not a readable e84 segment model: it looks like {kind}. Choose the model.pt that 'Train "
                            "model locally' wrote (a damaged or half-copied file must be copied again).",
            path=path, kind=describe_file(path),
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise said(ModelFileError, "{path} is not an e84 segment model file: train one with 'Train model locally'", path=path)
    if document.get("format_version", 0) > FORMAT_VERSION:
        raise said(ModelFileError, "{path} was written by a newer e84 segment: update the plugin", path=path)
    return document


_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive or a damaged PyTorch file"),
    (b"\x80", "an old-style pickle, not a model of this plugin"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8", "a JPEG image"),
    (b"SQLite format 3", "a GeoPackage or SQLite database"),
    (b"\x1f\x8b", "a gzip archive (a SageMaker model.tar.gz must be unpacked by the plugin)"),
)


def describe_file(path: Path) -> str:
    """What a file that is not a model seems to be, from its first bytes, and its size."""
    size = path.stat().st_size
    with open(path, "rb") as stream:
        head = stream.read(16)
    kind = next((what for magic, what in _SIGNATURES if head.startswith(magic)), None)
    if kind is None:
        kind = "a text file" if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head) else "an unknown kind of file"
    if size < 1024:
        kind += f" of only {size} bytes (a model file is about 15 MB)"
    else:
        kind += f" of {size / 1e6:.1f} MB"
    return kind


def load(path: Path) -> Tuple[SegmentationNet, dict]:
    """The network in eval mode (no pretrained weights are read: the file holds all of them)."""
    document = read(path)
    meta = document["meta"]
    try:
        model = SegmentationNet(len(meta["classes"]), initialisation="scratch", encoder=meta.get("encoder", ENCODER))
    except ValueError as error:
        raise said(
            ModelFileError, "{path} was made by another version of this plugin: {error}; update the plugin",
            path=path, error=error,
        ) from error
    try:
        model.load_state_dict(document["state_dict"], strict=True)
    except RuntimeError as error:
        raise said(ModelFileError, "{path} does not fit this plugin's network: {error}", path=path, error=error) from error
    model.eval()
    return model, meta
