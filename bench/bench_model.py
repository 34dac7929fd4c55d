"""`make bench` (model part): quality, prediction throughput and prediction memory.

1. Quality (Kampala z20, the OSM buildings): train on the training split for --minutes of CPU
   time (default 15, the plugin's default), with the pretrained encoder and from scratch; score the
   spatially separate validation block: building IoU (pixels) and object F1 (IoU >= 0.5) of the
   polygonized prediction against OSM. Targets: building IoU >= 0.70, F1 >= 0.60.
2. Throughput: predictlocal's streaming (GDAL reads, windows, blending, GeoTIFF writing) against
   the bare network forward pass on the same tiles, in the same run. Target: >= 70 %. Also the
   same streaming with the four flips averaged (TTA, predictlocal's default): what it costs.
3. Memory: predicting about 5 km2 at zoom 19 (a VRT repeating the real z19 mosaic) in a fresh
   process. Target: peak RSS under 2 GB.

Writes a section into docs/benchmarks.md (--output), after the export figures.
"""
import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KAMPALA = ROOT.parent / "shared" / "data" / "kampala"
XYZ = f"type=xyz&url={(KAMPALA / 'xyz').as_uri()}/{{z}}/{{x}}/{{y}}.png&zmin=19&zmax=21"
BOTH_AOIS = "3627854,3628466,38753,39136 [EPSG:3857]"
MARKER = "<!-- model benchmarks -->"

from common import start_qgis, write_section  # noqa: E402


def quality(processing, work: Path, minutes: float) -> dict:
    from qgis.core import QgsProcessingFeedback, QgsRasterLayer

    from e84_segment.backends.local import train

    dataset = work / "dataset"
    processing.run(
        "e84segment:buildtrainingdata",
        {"IMAGERY": QgsRasterLayer(XYZ, "kampala", "wms"), "LABELS": str(KAMPALA / "buildings.geojson"), "ZOOM": 20,
         "AOI": BOTH_AOIS, "SPLIT_METHOD": 1, "SPLIT_BLOCK": 2, "VALIDATION_FRACTION": 0.25, "BACKGROUND_RATIO": 0,
         "OUTPUT": str(dataset)},
    )
    counts = json.loads((dataset / "dataset.json").read_text())["counts"]
    validation_tiles = f"{dataset / 'tiles.geojson'}|subset=\"split\" = 'validation'"
    rows = {}
    for initialisation in ("imagenet", "scratch"):
        model = work / f"{initialisation}.pt"
        result = train.train(dataset, model, train.TrainOptions(time_limit_min=minutes, initialisation=initialisation), report=print)
        out = work / initialisation
        predicted = processing.run(
            "e84segment:predictlocal",
            {"IMAGERY": QgsRasterLayer(XYZ, "kampala", "wms"), "AOI_LAYER": validation_tiles, "MODEL": str(model),
             "OUTPUT_CLASSES": str(out / "classes.tif"), "OUTPUT_PROBABILITY": str(out / "probability.tif")},
            feedback=QgsProcessingFeedback(),
        )
        footprints = processing.run(
            "e84segment:polygonize",
            {"INPUT": predicted["OUTPUT_CLASSES"], "PROBABILITY": predicted["OUTPUT_PROBABILITY"], "OUTPUT": str(out / "footprints.gpkg")},
        )
        aoi = gdal.Info(str(out / "classes.tif"), format="json")["cornerCoordinates"]
        extent = f"{aoi['upperLeft'][0]},{aoi['lowerRight'][0]},{aoi['lowerRight'][1]},{aoi['upperLeft'][1]} [EPSG:3857]"
        processing.run(
            "e84segment:compareosm",
            {"PREDICTED": footprints["OUTPUT"], "REFERENCE": str(KAMPALA / "buildings.geojson"), "AOI": extent,
             "MATCHED": "TEMPORARY_OUTPUT", "PREDICTED_ONLY": "TEMPORARY_OUTPUT", "REFERENCE_ONLY": "TEMPORARY_OUTPUT",
             "OUTPUT_REPORT": str(out / "report.json")},
        )
        scores = json.loads((out / "report.json").read_text())
        rows[initialisation] = {
            "best": result.meta["best"],
            "curve": [(h["minutes"], h.get("building_iou")) for h in result.meta["history"]],
            "epochs": len(result.meta["history"]),
            "objects": scores,
        }
    return {"counts": counts, "minutes": minutes, "rows": rows}


def throughput(work: Path) -> dict:
    """Chips per second: bare forward on 256 px tiles against predict_area on the same tiles."""
    import torch

    from e84_segment.backends.local import modelfile, predict, train
    from e84_segment.core import mosaic
    from e84_segment.backends.local.model import SegmentationNet, normalise
    from e84_segment.core import chips, tiles

    torch.set_num_threads(train.os.cpu_count() or 1)
    tif = str(KAMPALA / "geotiff" / "aoiB_west_z21.tif")
    ds = gdal.Open(tif)
    gt = ds.GetGeoTransform()
    aoi_tiles = tiles.tiles_in_box((gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3]), 21)
    model_path = work / "throughput.pt"
    net = SegmentationNet(2, "scratch").eval()
    modelfile.save(model_path, net, {"zoom": 21, "tile_size": 256, "classes": ["background", "building"]})
    predictor = predict.Predictor(model_path)
    flipped = predict.Predictor(model_path, tta=True)
    from e84_segment.backends.local import onnx_model

    onnx_model.export(model_path, work / "throughput.onnx")
    light = onnx_model.OnnxPredictor(work / "throughput.onnx")
    reader = chips.GdalChipReader(tif, 256)
    batch = np.stack([reader.read(tiles.mercator_bounds(t))[0] for t in aoi_tiles[:8]])
    bare, ours, with_tta, with_onnx = [], [], [], []
    for round_ in range(3):
        tick = time.perf_counter()
        with torch.inference_mode():
            for start in range(0, len(aoi_tiles), 8):
                predictor.model(normalise(torch.from_numpy(batch)))
        bare.append(len(aoi_tiles) / (time.perf_counter() - tick))
        tick = time.perf_counter()
        mosaic.predict_area(predictor, reader.read, aoi_tiles, 256, 16, work / f"c{round_}.tif", work / f"p{round_}.tif")
        ours.append(len(aoi_tiles) / (time.perf_counter() - tick))
        tick = time.perf_counter()
        mosaic.predict_area(flipped, reader.read, aoi_tiles, 256, 16, work / f"ct{round_}.tif", work / f"pt{round_}.tif")
        with_tta.append(len(aoi_tiles) / (time.perf_counter() - tick))
        tick = time.perf_counter()
        mosaic.predict_area(light, reader.read, aoi_tiles, 256, 16, work / f"co{round_}.tif", work / f"po{round_}.tif")
        with_onnx.append(len(aoi_tiles) / (time.perf_counter() - tick))
    return {"tiles": len(aoi_tiles), "bare": statistics.median(bare), "ours": statistics.median(ours),
            "ratio": statistics.median(ours) / statistics.median(bare), "tta": statistics.median(with_tta),
            "tta_ratio": statistics.median(with_tta) / statistics.median(ours), "onnx": statistics.median(with_onnx),
            "onnx_ratio": statistics.median(with_onnx) / statistics.median(ours)}


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's ru_maxrss survives fork and exec, so a child of a
    large parent would report the parent's size: VmHWM belongs to this process's own memory map."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(vrt: str, folder: str) -> None:
    app, provider, processing = start_qgis()
    from e84_segment.backends.local import modelfile
    from e84_segment.backends.local.model import SegmentationNet

    model = Path(folder) / "m.pt"
    modelfile.save(model, SegmentationNet(2, "scratch"), {"zoom": 19, "tile_size": 256, "classes": ["background", "building"]})
    tick = time.perf_counter()
    processing.run(
        "e84segment:predictlocal",
        {"IMAGERY": vrt, "MODEL": str(model), "OUTPUT_CLASSES": f"{folder}/c.tif", "OUTPUT_PROBABILITY": f"{folder}/p.tif"},
    )
    from e84_segment.core.vectorize import ground_scale

    ds = gdal.Open(f"{folder}/c.tif")
    gt = ds.GetGeoTransform()
    centre_y = gt[3] + gt[5] * ds.RasterYSize / 2
    km2 = ds.RasterXSize * ds.RasterYSize * gt[1] ** 2 / ground_scale(centre_y) ** 2 / 1e6
    print(json.dumps({"peak_mb": peak_rss_mb(), "km2": km2,
                      "pixels": ds.RasterXSize * ds.RasterYSize, "seconds": time.perf_counter() - tick}))


def memory(work: Path) -> dict:
    from bench_export import repeated_mosaic

    vrt = repeated_mosaic(work, 15, KAMPALA / "geotiff" / "aoiB_west_z19.tif")
    child = subprocess.run([sys.executable, __file__, "--memory-child", str(vrt), str(work)], capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


QUALITY_TITLE = "## Local model: quality (Kampala z20, spatially separate validation block)"


def previous_quality(path: Path) -> list:
    """The quality table an earlier run wrote into ``path`` (kept when this run skips the training)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    start, end = text.find(QUALITY_TITLE), text.find("## Local model: prediction throughput")
    return text[start + len(QUALITY_TITLE):end].strip().splitlines() + [""] if 0 <= start < end else []


def section(q: dict, t: dict, m: dict, kept: list = ()) -> str:
    lines = [MARKER, "", QUALITY_TITLE, ""]
    if not q:
        lines += list(kept)
    if q:
        lines += [
            f"Training split {q['counts']['train']} chips, validation block {q['counts']['validation']} chips; "
            f"{q['minutes']:g} minutes of CPU training each, defaults otherwise.",
            "",
            "| encoder | epochs | best building IoU | mIoU | precision | recall | object F1 (IoU >= 0.5) | TP | FP | FN |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, row in q["rows"].items():
            b, o = row["best"], row["objects"]
            lines.append(
                f"| {name} | {row['epochs']} | {b['building_iou']:.3f} | {b['miou']:.3f} | {b['precision']:.3f} | "
                f"{b['recall']:.3f} | {o['f1']:.3f} | {o['tp']} | {o['fp']} | {o['fn']} |"
            )
        lines += ["", "Validation building IoU against training minutes (best so far):", "", "| minutes | " + " | ".join(q["rows"]) + " |",
                  "|---|" + "---|" * len(q["rows"])]
        for mark in (1, 2, 3, 5, 8, 10, 15):
            if mark > q["minutes"]:
                break
            cells = []
            for row in q["rows"].values():
                seen = [iou for minutes, iou in row["curve"] if minutes <= mark and iou is not None]
                cells.append(f"{max(seen):.3f}" if seen else "-")
            lines.append(f"| {mark} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        "## Local model: prediction throughput",
        "",
        f"{t['tiles']} tiles of 256 px (Kampala z21 GeoTIFF), median of 3 rounds.",
        "",
        "| pipeline | tiles / s |",
        "|---|---|",
        f"| bare forward pass, batches of 8 tiles | {t['bare']:.2f} |",
        f"| predictlocal streaming: reads, 512 px windows + 16 px blended overlap (the default), GeoTIFF writes | {t['ours']:.2f} |",
        f"| **ratio** (target >= 0.70) | **{t['ratio']:.2f}** |",
        f"| the same with the four flips averaged (TTA, predictlocal's default) | {t['tta']:.2f} |",
        f"| TTA against one pass (four forward passes per window) | {t['tta_ratio']:.2f} |",
        f"| one pass with the model exported as ONNX, run by onnxruntime (no torch) | {t['onnx']:.2f} |",
        f"| onnxruntime against torch, one pass each | {t['onnx_ratio']:.2f} |",
        "",
        "## Local model: prediction memory",
        "",
        f"A {m['km2']:.1f} km2 AOI at zoom 19 ({m['pixels'] / 1e6:.0f} Mpx, a VRT repeating the real Kampala z19 mosaic), "
        f"predicted in a fresh process in {m['seconds']:.0f} s: peak RSS **{m['peak_mb']:.0f} MB** (target < 2,048 MB).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--memory-child":
        memory_child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--minutes", type=float, default=15.0,
                        help="training minutes per encoder (0: skip the training, keep the quality table already written)")
    args = parser.parse_args()
    app, provider, processing = start_qgis()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = throughput(work)
        print(json.dumps(t), flush=True)
        m = memory(work)
        print(json.dumps(m), flush=True)
        q = quality(processing, work, args.minutes) if args.minutes > 0 else {}
        print(json.dumps({k: {"best": v["best"], "objects": v["objects"]} for k, v in q.get("rows", {}).items()}), flush=True)
    write_section(args.output, MARKER, section(q, t, m, previous_quality(args.output)))
    failed = t["ratio"] < 0.7 or m["peak_mb"] > 2048
    if q:
        best = q["rows"]["imagenet"]
        failed |= best["best"]["building_iou"] < 0.70 or best["objects"]["f1"] < 0.60
    if failed:
        sys.exit("a benchmark target was missed: see docs/benchmarks.md")


if __name__ == "__main__":
    main()
