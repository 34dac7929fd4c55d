"""Fine-tuning from an existing model file (the field loop: new imagery, a few corrected chips): is
the base compatible with the dataset, and what does the new model descend from."""
import hashlib
from pathlib import Path
from typing import Callable, Tuple

from ...core import dataset

# A base model already knows buildings: a few minutes at a lower rate adapt it without forgetting.
MINUTES = 3.0
LEARNING_RATE = 3e-4


class IncompatibleBase(ValueError):
    """The base model cannot continue on this dataset; the message says why and what to do."""


def file_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def load_base(path: Path, info: dict, report: Callable[[str], None]) -> Tuple[dict, dict]:
    """The base model's weights and the lineage the new model records. Refuses a base of other
    classes or tile size (the network could not continue); another zoom is allowed, with a warning."""
    from . import modelfile  # torch: only when a base model is read
    from .model import ENCODER

    path = Path(path)
    document = modelfile.read(path)  # ModelFileError for what is no model of ours
    meta = document["meta"]
    classes = [c["name"] for c in dataset.CLASSES]
    if list(meta.get("classes", [])) != classes:
        raise IncompatibleBase(
            f"The base model {path.name} predicts the classes {meta.get('classes')} and this dataset has {classes}: "
            "choose a base model trained on a dataset of the same classes, or train without one."
        )
    if meta.get("tile_size") != info["tile_size"]:
        raise IncompatibleBase(
            f"The base model {path.name} learned on {meta.get('tile_size')} px tiles and this dataset has "
            f"{info['tile_size']} px tiles: build the dataset with {meta.get('tile_size')} px tiles, or train without a base."
        )
    if meta.get("zoom") != info["zoom"]:
        report(
            f"Warning: the base model {path.name} learned at zoom {meta.get('zoom')} and this dataset is zoom {info['zoom']}: "
            "buildings look a different size, so it adapts more slowly than from the same zoom"
        )
    lineage = {
        "base_model": str(path),
        "base_fingerprint": file_fingerprint(path),
        "base_dataset": meta.get("dataset", {}).get("fingerprint"),
        "base_zoom": meta.get("zoom"),
        "encoder": meta.get("encoder", ENCODER),  # the network continues with the base's encoder
        "base_metrics": meta.get("best"),
        "base_lineage": meta.get("lineage"),
    }
    return document["state_dict"], lineage
