"""Training chips from a dataset folder (the SageMaker layout written by Build training data)."""
import hashlib
from pathlib import Path
from typing import Callable, Iterator, List, Sequence, Tuple

import numpy as np
from PIL import Image

from ...core import dataset, instances
from . import augment as augmentations
from ...core.sentence import said

# Below this many decoded bytes a split is kept in memory; above, chips are decoded per batch.
_CACHE_LIMIT = 1_500_000_000


class DatasetFolderError(ValueError):
    """The folder is not a dataset of ours; the message says what is missing."""


def check_dataset(folder: Path) -> dict:
    folder = Path(folder)
    meta = dataset.load_dataset_json(folder)
    if meta is None or meta.get("format") != "sagemaker-semantic-segmentation":
        raise said(
            DatasetFolderError, "{folder} is not a training dataset of e84 segment (no dataset.json): build one with 'Build training "
                                "data'",
            folder=folder,
        )
    for split in dataset.SPLITS:
        for sub in (split, dataset.annotation_dir(split)):
            if not (folder / sub).is_dir():
                raise said(DatasetFolderError, "{folder} lacks the {sub}/ folder: rebuild the dataset", folder=folder, sub=sub)
    return meta


def fingerprint(folder: Path) -> str:
    """Identifies a dataset's content cheaply: dataset.json plus every chip's name and size."""
    digest = hashlib.sha256((Path(folder) / dataset.DATASET_JSON).read_bytes())
    for path in sorted(Path(folder).glob("*/*.*")):
        digest.update(f"{path.parent.name}/{path.name}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


class ChipSet:
    """The image/mask pairs of one split."""

    def __init__(self, folder: Path, split: str, target: Callable[[np.ndarray], np.ndarray] = None,
                 also: Sequence[Path] = ()):
        """``target`` turns a mask into what the loss sees, once per chip (it must commute with flips
        and quarter turns, which augmentation applies afterwards); the same split of the datasets in
        ``also`` joins in (a base model's own chips, replayed while it learns a review)."""
        self._target = target
        self.images = [image for each in (folder, *also) for image in sorted((Path(each) / split).glob("*.jpg"))]
        self.masks = [p.parent.parent / dataset.annotation_dir(split) / f"{p.stem}.png" for p in self.images]
        missing = [m.name for m in self.masks if not m.is_file()]
        if missing:
            raise said(
                DatasetFolderError, "{split}: {count} images have no mask, e.g. {example}",
                split=split, count=len(missing), example=missing[0],
            )
        self._cache = None
        self._buildings = {}
        if self.images:
            with Image.open(self.images[0]) as first:
                width, height = first.size
            if len(self.images) * width * height * 4 < _CACHE_LIMIT:
                self._cache = [self._decode(i) for i in range(len(self.images))]

    def __len__(self) -> int:
        return len(self.images)

    def _decode(self, index: int) -> Tuple[np.ndarray, np.ndarray]:
        with Image.open(self.images[index]) as image:
            rgb = np.asarray(image.convert("RGB"))
        mask = dataset.read_mask(self.masks[index])
        return rgb, self._target(mask) if self._target else mask

    def pair(self, index: int) -> Tuple[np.ndarray, np.ndarray]:
        return self._cache[index] if self._cache is not None else self._decode(index)

    def buildings(self, index: int) -> np.ndarray:
        """The mask's buildings numbered 1..n; kept with the decoded chips, since validation counts
        them every epoch."""
        if index in self._buildings:
            return self._buildings[index]
        labels = instances.label_components(self.pair(index)[1] == 1)[0].astype(np.uint16)
        if self._cache is not None:
            self._buildings[index] = labels
        return labels

    def batches(self, batch_size: int, rng: np.random.Generator = None, augment: Callable = augmentations.geometric,
                shard: Tuple[int, int] = (0, 1), augment_rng: np.random.Generator = None) -> Iterator[Tuple[np.ndarray, np.ndarray]]:
        """(images N,H,W,3 uint8, masks N,H,W uint8); shuffled and augmented when ``rng`` is given.

        ``shard`` (rank, world size) gives each of several data-parallel processes every world-th batch,
        and every process the same number of them (a step one process takes alone would hang the others).
        They must share ``rng`` (the order) and draw augmentations from ``augment_rng``, their own."""
        order = rng.permutation(len(self)) if rng is not None else np.arange(len(self))
        rank, world = shard
        starts = list(range(0, len(order), batch_size))
        if world > 1:
            starts = starts[: len(starts) // world * world][rank::world]
        for start in starts:
            pairs: List[Tuple[np.ndarray, np.ndarray]] = [self.pair(i) for i in order[start : start + batch_size]]
            if rng is not None:
                pairs = [augment(rgb, mask, augment_rng or rng) for rgb, mask in pairs]
            yield np.stack([p[0] for p in pairs]), np.stack([p[1] for p in pairs])
