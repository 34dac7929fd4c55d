"""`make bench`: training-data export throughput and memory, each against a baseline in the same run.

1. Throughput (image + mask pairs per second), Kampala z20 GeoTIFF, 256 px chips:
   e84segment:buildtrainingdata end to end (Processing, labels, splits, staging, metadata) against a
   bare loop: GDAL ReadRaster windows + Pillow JPEG + gdal.Rasterize + PNG. Target: >= 50 %.
2. Peak memory against AOI size: the same algorithm on a small and a 16x larger AOI of real pixels
   (a VRT that repeats the Kampala mosaic over a larger area). Target: peak RSS independent of size.

Figures go to docs/benchmarks.md (--output). The machine is noisy: each figure is the median of
several rounds, and only ratios measured in the same run are compared.
"""
import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KAMPALA = ROOT.parent / "shared" / "data" / "kampala"
TIFS = [KAMPALA / "geotiff" / "aoiA_dense_z20.tif", KAMPALA / "geotiff" / "aoiB_west_z20.tif"]
LABELS = KAMPALA / "buildings.geojson"
ROUNDS = 7
# GDAL's block cache grows to 5 % of RAM with the pixels read; bounding it (as QGIS's own
# Options > GDAL setting does) separates that from what the plugin itself holds per tile.
GDAL_CACHE_MB = 16

from e84_segment.core import dataset, tiles  # noqa: E402
from common import write_section  # noqa: E402


def tiles_of(path: Path):
    ds = gdal.Open(str(path))
    gt = ds.GetGeoTransform()
    bounds = (gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3])
    return tiles.tiles_in_box(bounds, 20)


def baseline_round(work: Path, labels_3857: str) -> tuple:
    """The bare pipeline, single-threaded, no checks: what a quick script would do."""
    count = 0
    start = time.perf_counter()
    for path in TIFS:
        ds = gdal.Open(str(path))
        gt = ds.GetGeoTransform()
        for tile in tiles_of(path):
            minx, miny, maxx, maxy = tiles.mercator_bounds(tile)
            xoff, yoff = round((minx - gt[0]) / gt[1]), round((maxy - gt[3]) / gt[5])
            raw = ds.ReadRaster(xoff, yoff, 256, 256, band_list=[1, 2, 3])
            rgb = np.frombuffer(raw, np.uint8).reshape(3, 256, 256).transpose(1, 2, 0)
            buffer = io.BytesIO()
            Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, "JPEG", quality=dataset.JPEG_QUALITY)
            (work / f"{tiles.tile_name(tile)}.jpg").write_bytes(buffer.getvalue())
            mask = gdal.Rasterize(
                "", labels_3857, format="MEM", outputBounds=[minx, miny, maxx, maxy], width=256, height=256,
                burnValues=[1], outputType=gdal.GDT_Byte,
            ).ReadAsArray()
            buffer = io.BytesIO()
            Image.fromarray(mask).save(buffer, "PNG", compress_level=dataset.PNG_COMPRESS_LEVEL)
            (work / f"{tiles.tile_name(tile)}.png").write_bytes(buffer.getvalue())
            count += 1
    return count, time.perf_counter() - start


def plugin_round(build, work: Path, index: int) -> tuple:
    count = 0
    start = time.perf_counter()
    for n, path in enumerate(TIFS):
        # One zoom, as the baseline loop: chips per second of the same work.
        result = build(IMAGERY=str(path), LABELS=str(LABELS), ZOOM=20, BACKGROUND_RATIO=100, EXTRA_ZOOMS="",
                       OUTPUT=str(work / f"r{index}-{n}"))
        count += result["NUM_TRAIN"] + result["NUM_VALIDATION"]
    return count, time.perf_counter() - start


def throughput() -> dict:
    from qgis.core import QgsProcessingFeedback

    from common import start_qgis

    app, provider, processing = start_qgis()

    def build(**parameters):
        return processing.run("e84segment:buildtrainingdata", parameters, feedback=QgsProcessingFeedback())

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        labels_3857 = str(work / "labels_3857.gpkg")
        gdal.VectorTranslate(labels_3857, str(LABELS), dstSRS="EPSG:3857", format="GPKG", makeValid=True)
        base_rates, plugin_rates = [], []
        plugin_round(build, work, -1)  # warm caches and imports for both sides
        for index in range(ROUNDS):
            folder = work / f"base{index}"
            folder.mkdir()
            count, seconds = baseline_round(folder, labels_3857)
            base_rates.append(count / seconds)
            count, seconds = plugin_round(build, work, index)
            plugin_rates.append(count / seconds)
    base, ours = statistics.median(base_rates), statistics.median(plugin_rates)
    return {"chips_per_round": count, "baseline_chips_per_s": base, "plugin_chips_per_s": ours, "ratio": ours / base}


def repeated_mosaic(folder: Path, repeat: int, tif: Path = TIFS[1]) -> Path:
    """A VRT repeating a real Kampala mosaic repeat x repeat times: a larger AOI of real pixels."""
    source = gdal.Open(str(tif))
    width, height = source.RasterXSize, source.RasterYSize
    gt = source.GetGeoTransform()
    vrt = gdal.GetDriverByName("VRT").Create(str(folder / f"mosaic{repeat}.vrt"), width * repeat, height * repeat, 3)
    vrt.SetGeoTransform(gt)
    vrt.SetProjection(source.GetProjection())
    for band in range(1, 4):
        sources = "".join(
            f"<SimpleSource><SourceFilename relativeToVRT='0'>{tif}</SourceFilename><SourceBand>{band}</SourceBand>"
            f"<SrcRect xOff='0' yOff='0' xSize='{width}' ySize='{height}'/>"
            f"<DstRect xOff='{i * width}' yOff='{j * height}' xSize='{width}' ySize='{height}'/></SimpleSource>"
            for i in range(repeat)
            for j in range(repeat)
        )
        vrt.GetRasterBand(band).SetMetadataItem("source_0", sources, "new_vrt_sources")
    vrt = None
    return folder / f"mosaic{repeat}.vrt"


def peak_memory_child(vrt: str, out: str) -> None:
    """Run once in a fresh process and print its peak RSS (MB) and chip count."""
    import resource

    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    from e84_segment.processing.build_training_data import BuildTrainingDataAlgorithm

    algorithm = BuildTrainingDataAlgorithm()
    algorithm.initAlgorithm()
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    parameters = {"IMAGERY": vrt, "LABELS": str(LABELS), "ZOOM": 20, "BACKGROUND_RATIO": 1e6, "OUTPUT": out}
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok, feedback.textLog()
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mb": kib / 1024, "chips": results["NUM_TRAIN"] + results["NUM_VALIDATION"]}))


def memory() -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in (4, 16):
            vrt = repeated_mosaic(Path(tmp), repeat)
            child = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(vrt), str(Path(tmp) / f"out{repeat}")],
                capture_output=True, text=True, check=True, env=dict(os.environ, GDAL_CACHEMAX=str(GDAL_CACHE_MB)),
            )
            rows[repeat] = json.loads(child.stdout.strip().splitlines()[-1])
    small, large = rows[4], rows[16]
    return {"small": small, "large": large, "ratio": large["peak_mb"] / small["peak_mb"]}


def report(figures: dict, memory_figures: dict) -> str:
    return f"""# Benchmarks

Written by `make bench` ({time.strftime('%Y-%m-%d')}, {platform.node() and 'this machine'}: {os.cpu_count()} cores,
Python {platform.python_version()}, GDAL {gdal.__version__}). Medians of {ROUNDS} rounds; figures are
ratios against a baseline measured in the same run, because the machine is noisy.

## Training-data export throughput

Kampala z20 GeoTIFFs (aoiA_dense + aoiB_west, {figures['chips_per_round']} chips of 256 px per round) with
the 163 OSM buildings.

| pipeline | image + mask pairs / s |
|---|---|
| baseline: GDAL `ReadRaster` + Pillow JPEG + `gdal.Rasterize` + PNG, one thread, no checks | {figures['baseline_chips_per_s']:.0f} |
| `e84segment:buildtrainingdata` end to end (Processing, labels, splits, staging, metadata) | {figures['plugin_chips_per_s']:.0f} |
| **ratio** (target >= 0.50) | **{figures['ratio']:.2f}** |

## Peak memory against AOI size

The algorithm in a fresh process over a VRT that repeats the real Kampala z20 mosaic, every tile exported,
with GDAL's block cache bounded to {GDAL_CACHE_MB} MB (unbounded, GDAL caches up to 5 % of RAM of the pixels it
reads, whatever reads them).

| AOI | chips | peak RSS (MB) |
|---|---|---|
| 4 x 4 mosaics | {memory_figures['small']['chips']} | {memory_figures['small']['peak_mb']:.0f} |
| 16 x 16 mosaics (16x the area) | {memory_figures['large']['chips']} | {memory_figures['large']['peak_mb']:.0f} |
| **ratio** (target: about 1, independent of size) | | **{memory_figures['ratio']:.2f}** |
"""


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--memory-child":
        peak_memory_child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if not all(p.exists() for p in TIFS + [LABELS]):
        sys.exit(f"benchmark data is absent: {KAMPALA} (../shared/data beside the repository)")
    figures = throughput()
    print(json.dumps(figures, indent=1), flush=True)
    memory_figures = memory()
    print(json.dumps(memory_figures, indent=1), flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_section(args.output, None, report(figures, memory_figures))
    print(f"wrote {args.output}")
    if figures["ratio"] < 0.5 or memory_figures["ratio"] > 1.25:
        sys.exit("a benchmark target was missed: see the figures above")


if __name__ == "__main__":
    main()
