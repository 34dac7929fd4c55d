"""`make bench-population` (part of `make bench`): e84segment:populationcentres on 100,000 footprints.

The footprints are the shared Kampala OSM buildings (163 real outlines), copied on a grid of blocks
100 m apart until there are 100,000: a city of about 18 x 12 km. In the same run:

* floor: native:savefeatures of the same layer (reading and writing 100,000 polygons, nothing else);
* QGIS's own route to "which buildings form a settlement": native:centroids, then
  native:dbscanclustering with the same distance (points, not outlines; no people, no outlines out);
* e84segment:populationcentres with its defaults (DISTANCE 50 m, MIN_BUILDINGS 5) and the grid.

Target: populationcentres in under 10 s. Each figure is the median of ROUNDS. Figures go to
docs/benchmarks.md (--output).
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from osgeo import ogr, osr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
LABELS = ROOT.parent / "shared" / "data" / "kampala" / "buildings.geojson"
TARGET = 100_000
ROUNDS = 3
GAP_M = 100.0

from common import MARKERS, start_qgis, write_section  # noqa: E402

MARKER = MARKERS[6]


def city(path: Path) -> int:
    """A GeoPackage (EPSG:3857) of TARGET footprints: the Kampala outlines copied block by block."""
    from tests.conftest import buildings_in_3857

    outlines = buildings_in_3857()
    minx = min(g.GetEnvelope()[0] for g in outlines)
    maxx = max(g.GetEnvelope()[1] for g in outlines)
    miny = min(g.GetEnvelope()[2] for g in outlines)
    maxy = max(g.GetEnvelope()[3] for g in outlines)
    blocks = -(-TARGET // len(outlines))
    across = int(blocks ** 0.5) + 1
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("buildings", srs, ogr.wkbPolygon)
    layer.StartTransaction()
    written = 0
    for block in range(blocks):
        dx = (block % across) * (maxx - minx + GAP_M)
        dy = (block // across) * (maxy - miny + GAP_M)
        for outline in outlines:
            if written == TARGET:
                break
            copy = outline.Clone()
            for ring in range(copy.GetGeometryCount()):
                part = copy.GetGeometryRef(ring)
                for k in range(part.GetPointCount()):
                    x, y = part.GetX(k), part.GetY(k)
                    part.SetPoint_2D(k, x + dx, y + dy)
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(copy)
            layer.CreateFeature(feature)
            written += 1
    layer.CommitTransaction()
    source = None
    return written


def timed(function) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", type=Path)
    arguments = parser.parse_args()
    if not LABELS.is_file():
        sys.exit(f"{LABELS} is missing: the benchmark reads the shared Kampala buildings")
    app, provider, processing = start_qgis()  # noqa: F841 (kept alive)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        count = city(folder / "city.gpkg")
        layer = f"{folder / 'city.gpkg'}|layername=buildings"
        results = {}
        copies = iter(range(ROUNDS))
        results["floor"] = timed(lambda: processing.run("native:savefeatures", {
            "INPUT": layer, "OUTPUT": str(folder / f"copy{next(copies)}.gpkg")}))

        def dbscan():
            points = processing.run("native:centroids", {"INPUT": layer, "ALL_PARTS": False, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
            return processing.run("native:dbscanclustering", {"INPUT": points, "MIN_SIZE": 5, "EPS": 50.0, "DBSCAN*": False,
                                                              "FIELD_NAME": "CLUSTER_ID", "SIZE_FIELD_NAME": "CLUSTER_SIZE",
                                                              "OUTPUT": "TEMPORARY_OUTPUT"})

        results["dbscan"] = timed(dbscan)
        answers = []

        def people():
            round_ = len(answers)  # a new file each round: the plugin never overwrites a GeoPackage
            answers.append(processing.run("e84segment:populationcentres", {
                "FOOTPRINTS": layer, "FROM_MODEL": False, "OUTPUT": str(folder / f"settlements{round_}.gpkg"),
                "OUTPUT_GRID": str(folder / f"cells{round_}.gpkg")}))

        results["people"] = timed(people)
    answer = answers[-1]
    floor = results["floor"]
    body = "\n".join([
        MARKER,
        "## Where people live: 100,000 footprints (`make bench-population`)",
        "",
        f"The Kampala OSM outlines copied block by block into a city of {count:,} footprints (EPSG:3857); "
        f"median of {ROUNDS} runs on this machine. Target: populationcentres under 10 s.",
        "",
        "| step | seconds | x floor |",
        "|---|---|---|",
        f"| floor: native:savefeatures (read and write the footprints) | {floor:.2f} | 1.00 |",
        f"| QGIS's route: native:centroids + native:dbscanclustering (50 m, 5 points) | {results['dbscan']:.2f} | "
        f"{results['dbscan'] / floor:.2f} |",
        f"| e84segment:populationcentres (outlines within 50 m, 5 buildings; settlements and grid) | {results['people']:.2f} | "
        f"{results['people'] / floor:.2f} |",
        "",
        f"populationcentres found {answer['SETTLEMENTS']:,} settlements of 5 or more buildings, about {answer['PEOPLE']:,} people "
        f"({answer['PEOPLE_LOW']:,} to {answer['PEOPLE_HIGH']:,}); it is "
        f"{'under' if results['people'] < 10 else 'OVER'} the 10 s target.",
    ])
    print(body)
    if arguments.output:
        write_section(arguments.output, MARKER, body)


if __name__ == "__main__":
    main()
