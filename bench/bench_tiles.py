"""`make bench-tiles` (part of `make bench`): chips from a tile service, against a bare downloader.

The shared Kampala zoom 21 tiles (both areas, 80 tiles) are served from 127.0.0.1, each answer held
back 100 ms (a remote service's latency). In the same run:

* bare downloader: 8 threads of urllib fetching the same tiles, nothing else (the ceiling);
* e84segment:buildtrainingdata with CONCURRENCY 8: the layer's own tiles, fetched ahead, plus labels,
  masks, JPEG/PNG encoding and the atomic dataset (target: >= 0.8x the downloader);
* the same with CONCURRENCY 0: QGIS renders each chip (the way before);
* e84segment:cacheimagery of the same tiles, and buildtrainingdata from the saved MBTiles file.

Each figure is the median of ROUNDS; every run gets a fresh server port, so QGIS's network cache
never answers for the server. Figures go to docs/benchmarks.md (--output).
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from osgeo import gdal, ogr, osr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KAMPALA = ROOT.parent / "shared" / "data" / "kampala"
LABELS = KAMPALA / "buildings.geojson"
AREAS = [KAMPALA / "geotiff" / "aoiA_dense_z21.tif", KAMPALA / "geotiff" / "aoiB_west_z21.tif"]
LATENCY_S = 0.1
CONCURRENCY = 8
ROUNDS = 5

from common import MARKERS, start_qgis, write_section  # noqa: E402
from tests.tile_server import Behaviour, TileServer  # noqa: E402

MARKER = MARKERS[2]


def area_layer(path: Path) -> str:
    """A GeoPackage of the two areas' extents: the AOI_LAYER of every run."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    layer = source.CreateLayer("areas", srs, ogr.wkbPolygon)
    for tif in AREAS:
        ds = gdal.Open(str(tif))
        gt = ds.GetGeoTransform()
        x0, y1 = gt[0], gt[3]
        x1, y0 = x0 + ds.RasterXSize * gt[1], y1 + ds.RasterYSize * gt[5]
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(feature)
    source = None
    return str(path)


def bare_downloader(urls) -> float:
    """Seconds for 8 urllib threads to fetch every URL."""
    def get(url):
        with urllib.request.urlopen(url, timeout=30) as answer:
            return len(answer.read())

    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        assert all(pool.map(get, urls))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if not all(p.exists() for p in AREAS + [LABELS]):
        sys.exit(f"benchmark data is absent: {KAMPALA} (../shared/data beside the repository)")
    from qgis.core import QgsProcessingFeedback, QgsRasterLayer

    app, provider, processing = start_qgis()  # noqa: F841 (kept alive)
    urls_of = sorted((KAMPALA / "xyz" / "21").glob("*/*.png"))
    rates = {"bare": [], "direct": [], "rendered": [], "cache": [], "from_file": []}
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        aoi = area_layer(work / "areas.gpkg")

        def run(algorithm, **parameters):
            return processing.run(f"e84segment:{algorithm}", parameters, feedback=QgsProcessingFeedback())

        def chips(imagery, name, **extra):
            start = time.perf_counter()
            result = run("buildtrainingdata", IMAGERY=imagery, LABELS=str(LABELS), ZOOM=21, AOI_LAYER=aoi,
                         BACKGROUND_RATIO=100, EXTRA_ZOOMS="", OUTPUT=str(work / name), **extra)
            return result["NUM_TRAIN"] + result["NUM_VALIDATION"], time.perf_counter() - start

        for index in range(-1, ROUNDS):  # round -1 warms imports and caches, and is not counted
            with TileServer(KAMPALA / "xyz", Behaviour(latency_s=LATENCY_S)) as server:
                seconds = bare_downloader([f"{server.url}/21/{p.parent.name}/{p.name}" for p in urls_of])
                counts["tiles"] = counts["bare"] = len(urls_of)
                figures = {"bare": len(urls_of) / seconds}
            for key, concurrency in (("direct", CONCURRENCY), ("rendered", 0)):
                with TileServer(KAMPALA / "xyz", Behaviour(latency_s=LATENCY_S)) as server:
                    layer = QgsRasterLayer(server.xyz_source(), "kampala", "wms")
                    counts[key], seconds = chips(layer, f"{key}{index}", CONCURRENCY=concurrency)
                    figures[key] = counts[key] / seconds
            with TileServer(KAMPALA / "xyz", Behaviour(latency_s=LATENCY_S)) as server:
                saved = work / f"cache{index}.mbtiles"
                start = time.perf_counter()
                result = run("cacheimagery", IMAGERY=QgsRasterLayer(server.xyz_source(), "kampala", "wms"),
                             AOI_LAYER=aoi, MIN_ZOOM=21, MAX_ZOOM=21, CONCURRENCY=CONCURRENCY, OUTPUT=str(saved))
                counts["cache"] = result["SAVED"]
                figures["cache"] = result["SAVED"] / (time.perf_counter() - start)
            counts["from_file"], seconds = chips(str(saved), f"file{index}")
            figures["from_file"] = counts["from_file"] / seconds
            print(index, json.dumps(figures), flush=True)
            if index >= 0:
                for key, value in figures.items():
                    rates[key].append(value)
    median = {key: statistics.median(values) for key, values in rates.items()}
    body = report(median, rates, counts)
    print(body)
    write_section(args.output, MARKER, body)
    print(f"wrote {args.output}")
    if median["direct"] / median["bare"] < 0.8:
        sys.exit("the direct tile fetch missed its target (0.8x the bare downloader): see the figures above")


def report(median: dict, rates: dict, counts: dict) -> str:
    def row(label, key, unit):
        runs = ", ".join(f"{v:.1f}" for v in rates[key])
        return f"| {label} | {counts[key]} | {median[key]:.1f} {unit} | {median[key] / median['bare']:.2f}x | {runs} |"

    return "\n".join([
        MARKER,
        "## Chips from a tile service (`make bench-tiles`)",
        "",
        f"The shared Kampala zoom 21 tiles ({counts['tiles']}) served from 127.0.0.1 with {LATENCY_S * 1000:.0f} ms "
        f"per answer; {CONCURRENCY} requests at a time where the step fetches itself; median of {ROUNDS} rounds, "
        "each against the bare downloader of the same round (a fresh server port per run: QGIS's network "
        "cache never answers).",
        "",
        "| path | tiles or chips | rate | against the bare downloader | every round |",
        "|---|---|---|---|---|",
        row("bare downloader (8 urllib threads, nothing else)", "bare", "tiles/s"),
        row("buildtrainingdata, the layer's own tiles (CONCURRENCY 8; target >= 0.8x)", "direct", "chips/s"),
        row("buildtrainingdata, QGIS renders each chip (CONCURRENCY 0, the way before)", "rendered", "chips/s"),
        row("cacheimagery to MBTiles (CONCURRENCY 8)", "cache", "tiles/s"),
        row("buildtrainingdata from the saved MBTiles (no network)", "from_file", "chips/s"),
        "",
    ])


if __name__ == "__main__":
    main()
