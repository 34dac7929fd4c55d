"""`make bench-review` (in `make bench`): does reviewing predictions make the next model better where nobody
reviewed?

A base model trained on Kampala aoiA (the plugin's defaults, --base-minutes of CPU) predicts aoiB's western
half with `e84segment:evaluatemodel`'s defaults. A simulated analyst reviews its footprints in the dock's
order (least confident first) against the OSM buildings: a footprint matching one building (IoU >= 0.5) is
accepted, one on no building (less than 10 % covered) rejected, any other is edited into the OSM outlines it
covers (half or more of each); buildings OSM has and the model missed are not added (only predictions are
reviewed). After N = 10, 20 and all decisions, `e84segment:trainfromreview` fine-tunes the base with its
defaults. Against it: the base simply trained longer, the same minutes on its own data (trainlocal
BASE_MODEL). Every model is scored on aoiB's eastern half, which nobody reviewed, with evaluatemodel's
defaults: pixel building IoU and object F1, every run listed (--seeds fine-tuning seeds). Nothing is tuned on
the eastern half: the review defaults (0.6 m ring, 3 minutes at 0.0003, the last epoch) were set beforehand.
"""
import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KAMPALA = ROOT.parent / "shared" / "data" / "kampala"
LABELS = KAMPALA / "buildings.geojson"
BASE_AREA = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
REVIEW_AREA = KAMPALA / "geotiff" / "aoiB_west_z20.tif"
REVIEWS = (10, 20, None)  # None: every footprint

from bench_field import extent  # noqa: E402
from common import MARKERS, start_qgis, write_section  # noqa: E402
from simulated_analyst import buildings_in_3857  # noqa: E402 (the same OSM buildings the tests use)

MARKER = MARKERS[3]


def check(processing, model: Path, report: Path, aoi: str, footprints: Path = None) -> dict:
    parameters = {"MODEL": str(model), "IMAGERY": str(REVIEW_AREA), "REFERENCE": str(LABELS), "AOI": aoi,
                  "OUTPUT_REPORT": str(report)}
    if footprints is not None:
        parameters["FOOTPRINTS"] = str(footprints)
    processing.run("e84segment:evaluatemodel", parameters)
    return json.loads(report.read_text())


def decide(footprint, truth) -> list:
    """The simulated analyst: [(geometry, decision)] for one predicted footprint."""
    from e84_segment.core import review

    footprint = footprint if footprint.IsValid() else footprint.MakeValid()
    touching = [t for t in truth if footprint.Intersects(t)]
    covered = sum(footprint.Intersection(t).GetArea() for t in touching)
    if covered < 0.1 * footprint.GetArea():
        return [(footprint, review.REJECTED)]
    best = max(touching, key=lambda t: footprint.Intersection(t).GetArea() / footprint.Union(t).GetArea())
    if footprint.Intersection(best).GetArea() / footprint.Union(best).GetArea() >= 0.5:
        return [(footprint, review.ACCEPTED)]
    redrawn = [t for t in touching if footprint.Intersection(t).GetArea() >= 0.5 * t.GetArea()]
    return [(t.Clone(), review.EDITED) for t in redrawn] or [(footprint, review.REJECTED)]


def reviewed_layer(footprints: Path, out: Path, count, truth) -> dict:
    """The first ``count`` footprints in review order decided (None: all); the layer and its decisions."""
    from e84_segment.core import review

    source = ogr.Open(str(footprints))
    layer = source.GetLayer(0)
    features = [(f.GetGeometryRef().Clone(), f.GetField("confidence")) for f in layer]
    srs = layer.GetSpatialRef().Clone()
    order = review.next_to_review((n, None, confidence) for n, (_, confidence) in enumerate(features))
    decided = set(order if count is None else order[:count])
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    written = target.CreateLayer("reviewed", srs, ogr.wkbMultiPolygon)
    written.CreateField(ogr.FieldDefn("confidence", ogr.OFTReal))
    written.CreateField(ogr.FieldDefn(review.FIELD, ogr.OFTString))
    decisions, outlines = [], 0
    for n, (geometry, confidence) in enumerate(features):
        rows = decide(geometry, truth) if n in decided else [(geometry, None)]
        for shape, decision in rows:
            feature = ogr.Feature(written.GetLayerDefn())
            feature.SetGeometry(ogr.ForceToMultiPolygon(shape))
            feature.SetField("confidence", confidence)
            if decision:
                feature.SetField(review.FIELD, decision)
            written.CreateFeature(feature)
        if n in decided:
            decisions.append(rows[0][1])
            outlines += len(rows) if rows[0][1] == review.EDITED else 0
    target = None
    return {"footprints": len(features), "reviewed": len(decided), "edited_outlines": outlines,
            **{d: decisions.count(d) for d in (review.ACCEPTED, review.EDITED, review.REJECTED)}}


def run(processing, work: Path, base_minutes: float, seeds: int, minutes: float, reuse: Path = None) -> dict:
    from e84_segment.backends.local import train

    base_data, base = (reuse or work) / "aoiA-dataset", (reuse or work) / "base.pt"
    if reuse is None:
        processing.run("e84segment:buildtrainingdata", {"IMAGERY": str(BASE_AREA), "LABELS": str(LABELS), "ZOOM": 20,
                                                        "OUTPUT": str(base_data)})
        train.train(base_data, base, train.TrainOptions(time_limit_min=base_minutes, seed=0), report=lambda line: None)
    west, east = extent(REVIEW_AREA, 0.0, 0.5), extent(REVIEW_AREA, 0.5, 1.0)
    predicted = work / "predicted-west.gpkg"
    results = {"review_area": check(processing, base, work / "west.json", west, predicted),
               "before": check(processing, base, work / "before.json", east), "rows": []}
    truth = buildings_in_3857(LABELS)
    print(json.dumps({"before": {k: results["before"][k] for k in ("building_iou", "f1")}}), flush=True)
    for seed in range(seeds):
        longer = work / f"longer-{seed}.pt"
        processing.run("e84segment:trainlocal", {"DATASET": str(base_data), "BASE_MODEL": str(base), "SEED": seed,
                                                 "TIME_LIMIT": minutes, "OUTPUT": str(longer)})
        rows = [("trained longer on aoiA", None, longer)]
        for count in REVIEWS:
            layer = work / f"reviewed-{count}-{seed}.gpkg"
            decisions = reviewed_layer(predicted, layer, count, truth)
            model = work / f"review-{count}-{seed}.pt"
            processing.run("e84segment:trainfromreview", {"IMAGERY": str(REVIEW_AREA), "FOOTPRINTS": str(layer),
                                                          "BASE_MODEL": str(base), "SEED": seed,
                                                          "TIME_LIMIT": minutes, "BASE_DATASET": str(base_data),
                                                          "DATASET": str(work / f"chips-{count}-{seed}"), "OUTPUT": str(model)})
            rows.append((f"reviewed {count or 'all'}", decisions, model))
        for label, decisions, model in rows:
            scores = check(processing, model, work / f"{model.stem}.json", east)
            results["rows"].append({"label": label, "seed": seed, "decisions": decisions, "scores": scores})
            print(json.dumps({"label": label, "seed": seed, "building_iou": scores["building_iou"], "f1": scores["f1"],
                              "decisions": decisions}), flush=True)
    return results


def section(results: dict, base_minutes: float, minutes: float) -> str:
    before, west = results["before"], results["review_area"]
    footprints = next(r["decisions"]["footprints"] for r in results["rows"] if r["decisions"])
    lines = [
        MARKER, "",
        "## The review loop: reviewing predictions, then fine-tuning (`make bench-review`)", "",
        f"A base model trained {base_minutes:g} minutes on Kampala aoiA (z20, the plugin's defaults) predicted aoiB's "
        f"western half ({footprints} footprints; object F1 {west['f1']:.3f} there against OSM). A "
        "simulated analyst reviewed them least confident first, against OSM: matching a building (IoU >= 0.5) "
        "accepted, on no building rejected, otherwise redrawn to the OSM outlines (edited); missed buildings were "
        f"not added. `e84segment:trainfromreview` then fine-tuned the base with its defaults ({minutes:g} minutes). *Trained "
        f"longer*: the base trained the same {minutes:g} minutes more on its own aoiA chips (trainlocal BASE_MODEL). Every "
        "model scored on aoiB's **eastern** half, which nobody reviewed (evaluatemodel's defaults, OSM as the "
        "truth).", "",
        "| model | seed | footprints accepted / edited (into OSM outlines) / rejected, of all | building IoU | object F1 | TP | FP | FN |",
        "|---|---|---|---|---|---|---|---|",
        f"| base as it was | - | - | {before['building_iou']:.3f} | {before['f1']:.3f} | {before['tp']} | {before['fp']} | {before['fn']} |",
    ]
    for row in results["rows"]:
        s, d = row["scores"], row["decisions"]
        decided = f"{d['accepted']} / {d['edited']} ({d['edited_outlines']}) / {d['rejected']} of {d['footprints']}" if d else "-"
        lines.append(f"| {row['label']} | {row['seed']} | {decided} | **{s['building_iou']:.3f}** | **{s['f1']:.3f}** | "
                     f"{s['tp']} | {s['fp']} | {s['fn']} |")
    lines += ["", "Means over the seeds:", ""]
    for label in dict.fromkeys(r["label"] for r in results["rows"]):
        mine = [r["scores"] for r in results["rows"] if r["label"] == label]
        iou, f1 = statistics.mean(s["building_iou"] for s in mine), statistics.mean(s["f1"] for s in mine)
        lines.append(f"- {label}: building IoU {iou:.3f} ({iou - before['building_iou']:+.3f}), object F1 {f1:.3f} "
                     f"({f1 - before['f1']:+.3f}) against the base as it was")
    return "\n".join(lines + [""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--base-minutes", type=float, default=15.0, help="the base model's training (trainlocal's default)")
    parser.add_argument("--seeds", type=int, default=2, help="fine-tuning seeds (the base is trained once)")
    parser.add_argument("--minutes", type=float, default=3.0, help="fine-tuning minutes (trainfromreview's default)")
    parser.add_argument("--results", type=Path, help="write the section again from a run's saved results "
                                                     "(build/bench-review.json), measuring nothing")
    parser.add_argument("--base", type=Path, help="a folder holding base.pt and aoiA-dataset from an earlier run: reused, "
                                                  "not trained again")
    args = parser.parse_args()
    if not all(p.exists() for p in (LABELS, BASE_AREA, REVIEW_AREA)):
        sys.exit(f"benchmark data is absent: {KAMPALA} (../shared/data beside the repository)")
    if args.results:
        write_section(args.output, MARKER, section(json.loads(args.results.read_text()), args.base_minutes, args.minutes))
        return
    gdal.UseExceptions()
    app, provider, processing = start_qgis()
    with tempfile.TemporaryDirectory() as tmp:
        results = run(processing, Path(tmp), args.base_minutes, args.seeds, args.minutes, args.base)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench-review.json").write_text(json.dumps(results, indent=1))
    write_section(args.output, MARKER, section(results, args.base_minutes, args.minutes))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
