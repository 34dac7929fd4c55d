"""The training dataset on disk, in the layout of SageMaker's built-in semantic segmentation.

::

    OUTPUT/
      train/{z}-{x}-{y}.jpg              validation/{z}-{x}-{y}.jpg
      train_annotation/{z}-{x}-{y}.png   validation_annotation/{z}-{x}-{y}.png
      label_map/train_label_map.json     label_map/validation_label_map.json
      tiles.geojson                      one polygon per chip: z, x, y, split, building_fraction
      dataset.json                       parameters, sources, classes, counts

Everything is written into a hidden sibling folder and renamed into place at the end, so a
cancelled or failed run never leaves a half-written dataset behind.
"""
import io
import json
import shutil
import uuid
from pathlib import Path
from typing import Dict, Iterable, Optional

import numpy as np
from PIL import Image

from . import masks, tiles
from .sentence import said

FORMAT_VERSION = 1
SPLITS = (tiles.TRAIN, tiles.VALIDATION)
CLASSES = ({"name": "background", "value": masks.BACKGROUND}, {"name": "building", "value": masks.BUILDING})
JPEG_QUALITY = 90
# Masks are flat; level 1 costs little size and is several times faster than the default.
PNG_COMPRESS_LEVEL = 1
# Palette that makes masks viewable: background black, building red, no-data grey.
MASK_PALETTE = [0, 0, 0, 227, 69, 47] + [0, 0, 0] * 253 + [128, 128, 128]
DATASET_JSON = "dataset.json"
TILES_GEOJSON = "tiles.geojson"


class DatasetError(ValueError):
    """Input the user must change; the message says what."""


def annotation_dir(split: str) -> str:
    return f"{split}_annotation"


def check_output_folder(path: Path) -> None:
    """An existing, non-empty output folder is never overwritten."""
    if path.exists() and not path.is_dir():
        raise said(DatasetError, "OUTPUT {path} is a file: choose a folder path", path=path)
    if path.is_dir() and any(path.iterdir()):
        raise said(
            DatasetError, "OUTPUT folder {path} already exists and is not empty: choose a new folder name (nothing is "
                          "overwritten)",
            path=path,
        )


def encode_jpeg(rgb: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def encode_mask_png(mask: np.ndarray) -> bytes:
    height, width = mask.shape
    image = Image.frombytes("P", (width, height), np.ascontiguousarray(mask, dtype=np.uint8).tobytes())
    image.putpalette(MASK_PALETTE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def read_mask(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image)


def tiles_feature_collection(records: Iterable[dict]) -> dict:
    """One GeoJSON polygon (WGS 84) per chip, sorted so the file is the same on every run."""
    features = []
    for r in sorted(records, key=lambda r: (r["split"], r["z"], r["x"], r["y"])):
        w, s, e, n = tiles.lonlat_bounds((r["x"], r["y"], r["z"]))
        ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": tiles.tile_name((r["x"], r["y"], r["z"])),
                    "z": r["z"],
                    "x": r["x"],
                    "y": r["y"],
                    "split": r["split"],
                    "building_fraction": round(r["building_fraction"], 6),
                },
                "geometry": {"type": "Polygon", "coordinates": [[[round(c, 9) for c in p] for p in ring]]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def label_map() -> dict:
    """Masks already hold class indices, so the map is the identity."""
    return {"scale": "1"}


def dump_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8")


def write_json(path: Path, data: dict) -> None:
    """Written under a temporary name and renamed: a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(dump_json(data))
    partial.replace(path)


class DatasetWriter:
    """Writes chips into a staging folder; ``commit`` moves the finished dataset into place."""

    def __init__(self, output: Path):
        self.output = Path(output)
        check_output_folder(self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = self.output.parent / f".{self.output.name}.partial-{uuid.uuid4().hex[:8]}"
        self.staging.mkdir()
        for split in SPLITS:
            (self.staging / split).mkdir()
            (self.staging / annotation_dir(split)).mkdir()
        (self.staging / "label_map").mkdir()
        self.records: Dict[str, dict] = {}

    def add_chip(self, tile: tiles.Tile, split: str, jpeg: bytes, png: bytes, fraction: float) -> None:
        name = tiles.tile_name(tile)
        (self.staging / split / f"{name}.jpg").write_bytes(jpeg)
        (self.staging / annotation_dir(split) / f"{name}.png").write_bytes(png)
        x, y, z = tile
        self.records[name] = {"x": x, "y": y, "z": z, "split": split, "building_fraction": fraction}

    def counts(self) -> Dict[str, int]:
        counts = {split: 0 for split in SPLITS}
        for record in self.records.values():
            counts[record["split"]] += 1
        return counts

    def commit(self, metadata: dict) -> Path:
        counts = self.counts()
        for split in SPLITS:
            (self.staging / "label_map" / f"{split}_label_map.json").write_bytes(dump_json(label_map()))
        (self.staging / TILES_GEOJSON).write_bytes(dump_json(tiles_feature_collection(self.records.values())))
        document = dict(metadata)
        document.update(
            {
                "format": "sagemaker-semantic-segmentation",
                "format_version": FORMAT_VERSION,
                "classes": list(CLASSES),
                "ignore_value": masks.IGNORE,
                "counts": counts,
                "num_training_samples": counts[tiles.TRAIN],
            }
        )
        (self.staging / DATASET_JSON).write_bytes(dump_json(document))
        # Re-check: another run may have taken the name while this one worked.
        check_output_folder(self.output)
        if self.output.is_dir():
            self.output.rmdir()
        self.staging.rename(self.output)
        return self.output

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.staging.exists():
            self.abort()
        return False


def load_dataset_json(folder: Path) -> Optional[dict]:
    """The dataset's description; None where there is none. A damaged one (cut short by a copy) is refused
    with what to do, not a JSON traceback."""
    path = Path(folder) / DATASET_JSON
    if not path.is_file():
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise said(DatasetError, "{path} is damaged ({error}): copy the dataset folder again, or build it again with "
                                 "'Build training data'", path=path, error=error) from None
    if not isinstance(meta, dict):
        raise said(DatasetError, "{path} is not a dataset description of this plugin: build the dataset again with "
                                 "'Build training data'", path=path)
    return meta
