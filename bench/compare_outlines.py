"""Regular outlines compared on real predictions (issue 10, section 5; docs/model-choices.md).

The models that `make bench-field` saved (--models, ``<area>-baseline-seed<n>.pt``) predict their
left-out area once with evaluatemodel's defaults; the traced footprints are then regularised each way
and scored against the OSM buildings there: object F1 (SpaceNet's rule), the footprints' area IoU, mean
vertices and the share of square corners. Ways: as traced; QGIS's orthogonalize (polygonize's SQUARE
before); the plugin's regulariser (core.regularize); and, with --buildingregulariser PYTHON (a Python
with that package, which needs numpy >= 2 and geopandas and so cannot live in QGIS's Python), the
buildingregulariser package from PyPI with its defaults.
"""
import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from osgeo import ogr, osr

from bench_field import AREAS, LABELS, ROOT, check, extent
from common import start_qgis

HELPER = """
import sys, geopandas, buildingregulariser
frame = geopandas.read_file(sys.argv[1])
buildingregulariser.regularize_geodataframe(frame, simplify_tolerance=float(sys.argv[3])).to_file(sys.argv[2], driver="GPKG")
"""


def qgis_orthogonalize(geometry: ogr.Geometry) -> ogr.Geometry:
    """polygonize's SQUARE before core.regularize: QGIS's orthogonalize, angles within 15 degrees."""
    from qgis.core import QgsGeometry

    squared = QgsGeometry.fromWkt(geometry.ExportToWkt()).orthogonalize(1e-8, 1000, 15.0)
    return geometry if squared.isNull() or squared.isEmpty() else ogr.CreateGeometryFromWkb(bytes(squared.asWkb()))


def read(path: Path) -> list:
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    mercator.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs = layer.GetSpatialRef()
    if srs is not None:
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(srs, mercator) if srs is not None and not srs.IsSame(mercator) else None
    geometries = []
    for feature in layer:
        geometry = feature.GetGeometryRef().Clone()
        if transform:
            geometry.Transform(transform)
        geometries.append(geometry)
    return geometries


def score(name: str, footprints: list, reference: list, seconds: float) -> dict:
    from e84_segment.core import compare, evaluate

    result = compare.match(footprints, reference).scores()
    result.update(area_iou=compare.area_iou(footprints, reference), seconds=seconds, **evaluate.shape_figures(footprints))
    print(json.dumps({"way": name, **{k: round(v, 3) for k, v in result.items()}}), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, default=ROOT / "build" / "bench-models")
    parser.add_argument("--buildingregulariser", help="a Python that imports buildingregulariser and geopandas")
    parser.add_argument("--output", type=Path, help="write the rows as JSON here")
    parser.add_argument("--keep", type=Path, help="keep the traced footprints here and reuse them on the next run")
    args = parser.parse_args()
    app, provider, processing = start_qgis()
    from e84_segment.core import compare, regularize, vectorize

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for model in sorted(args.models.glob("*-baseline-seed*.pt")):
            trained_on = model.name.split("-")[0]
            scored_on = next(a for a in AREAS if a != trained_on)
            traced_path = work / f"{model.stem}.gpkg"
            if not traced_path.exists():
                check(processing, model, AREAS[scored_on], work / f"{model.stem}.json", FOOTPRINTS=str(traced_path), SQUARE=False)
            west, east, south, north = (float(v) for v in extent(AREAS[scored_on]).split(" ")[0].split(","))
            area = ogr.CreateGeometryFromWkt(f"POLYGON(({west} {south},{east} {south},{east} {north},{west} {north},{west} {south}))")
            reference = [g for g in (compare.clip(g, area) for g in read(LABELS)) if g is not None]
            traced = read(traced_path)
            metre = vectorize.ground_scale((south + north) / 2)
            ways = {"as traced": lambda g: g, "QGIS orthogonalize": qgis_orthogonalize,
                    "core.regularize": lambda g: regularize.regularize(g, metre)}
            for name, way in ways.items():
                tick = time.perf_counter()
                footprints = [way(g) for g in traced]
                rows.append({"model": model.stem, "way": name, **score(name, footprints, reference, time.perf_counter() - tick)})
            if args.buildingregulariser:
                out = work / f"{model.stem}-br.gpkg"
                tick = time.perf_counter()
                subprocess.run([args.buildingregulariser, "-c", HELPER, str(traced_path), str(out), str(0.5 * metre)], check=True)
                rows.append({"model": model.stem, "way": "buildingregulariser",
                             **score("buildingregulariser", read(out), reference, time.perf_counter() - tick)})
    if args.output:
        args.output.write_text(json.dumps(rows, indent=1))
    del app, provider


if __name__ == "__main__":
    main()
