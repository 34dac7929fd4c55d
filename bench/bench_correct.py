"""`make bench-correct` (in `make bench`): the labels-to-quality curve of the correction loop.

A base model trained on one Kampala area (the plugin's defaults, --base-minutes of CPU) predicts a new area
it never saw (evaluatemodel's defaults: its footprints are what the analyst starts from). A simulated analyst
then corrects K tiles of the new area completely, with the OSM buildings as the truth: a footprint matching
a building (IoU >= 0.5) is kept when close (IoU >= 0.8) or reshaped to it, any other footprint in the tile is
deleted, and every building OSM has there and the model missed is drawn. Edits = deleted + reshaped + drawn.
The K tiles are chosen three ways:

* suggested: `e84segment:suggesttiles` with its defaults (uncertainty, flips, expected errors, diversity);
* random: `suggesttiles` METHOD random, a new draw per seed;
* review: no tiles; today's footprint review (least confident first, bench_review's analyst) with as many
  decisions as the suggested tiles took edits.

After each: `e84segment:trainfromreview` with its defaults (3 minutes, replay of the base's chips), then
`e84segment:evaluatemodel` on the tiles nobody corrected, beside the base model on those same tiles. Nothing
is tuned here: suggesttiles' rule and trainfromreview's defaults were set before this ran.
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KAMPALA = ROOT.parent / "shared" / "data" / "kampala"
LABELS = KAMPALA / "buildings.geojson"
AREAS = {"aoiA": KAMPALA / "geotiff" / "aoiA_dense_z20.tif", "aoiB_west": KAMPALA / "geotiff" / "aoiB_west_z20.tif"}
DIRECTIONS = {"forward": ("aoiA", "aoiB_west"), "reverse": ("aoiB_west", "aoiA")}
STRATEGIES = ("suggested", "random", "review")

from bench_review import reviewed_layer  # noqa: E402
from common import MARKERS, start_qgis, write_section  # noqa: E402
from simulated_analyst import area_tiles, box_of, buildings_in_3857, correct_tiles, read_footprints, write_layer  # noqa: E402

MARKER = MARKERS[4]
PLOT = ROOT / "docs" / "bench-correct.png"


def check(processing, model: Path, imagery: Path, report: Path, rest: Path, footprints: Path = None) -> dict:
    parameters = {"MODEL": str(model), "IMAGERY": str(imagery), "REFERENCE": str(LABELS), "AOI_LAYER": str(rest),
                  "OUTPUT_REPORT": str(report)}
    if footprints is not None:
        parameters["FOOTPRINTS"] = str(footprints)
    processing.run("e84segment:evaluatemodel", parameters)
    scores = json.loads(report.read_text())
    return {k: scores[k] for k in ("building_iou", "f1", "tp", "fp", "fn")}


def ranking(processing, model: Path, imagery: Path, count: int, method: int, seed: int, out: Path) -> list:
    processing.run("e84segment:suggesttiles", {"MODEL": str(model), "IMAGERY": str(imagery), "COUNT": count,
                                               "METHOD": method, "SEED": seed, "OUTPUT": str(out)})
    source = ogr.Open(str(out))
    rows = sorted((f.GetField("rank"), (f.GetField("x"), f.GetField("y"), f.GetField("z"))) for f in source.GetLayer(0))
    return [tile for _, tile in rows]


def run_direction(processing, work: Path, direction: str, args, results: dict, save) -> None:
    from e84_segment.backends.local import train

    base_name, new_name = DIRECTIONS[direction]
    base_area, new_area = AREAS[base_name], AREAS[new_name]
    folder = work / direction
    folder.mkdir(parents=True, exist_ok=True)
    base_data, base = folder / "base-dataset", folder / "base.pt"
    if args.base and (args.base / direction / "base.pt").is_file():
        base_data, base = args.base / direction / "base-dataset", args.base / direction / "base.pt"
    else:
        processing.run("e84segment:buildtrainingdata", {"IMAGERY": str(base_area), "LABELS": str(LABELS), "ZOOM": 20,
                                                        "OUTPUT": str(base_data)})
        train.train(base_data, base, train.TrainOptions(time_limit_min=args.base_minutes, seed=0), report=lambda line: None)
    everything = area_tiles(new_area, 20)
    ks = [k for k in args.ks if k < len(everything)]
    entry = results.setdefault(direction, {"base": base_name, "new": new_name, "tiles": len(everything), "rows": [],
                                           "skipped_ks": [k for k in args.ks if k >= len(everything)]})
    whole = write_layer(folder / "whole.gpkg", [(box_of(t), {}) for t in everything])
    predicted_path = folder / "predicted.gpkg"
    entry["before_whole"] = check(processing, base, new_area, folder / "before.json", whole, predicted_path)
    save()
    predicted, truth = read_footprints(predicted_path), buildings_in_3857(LABELS)
    suggested = ranking(processing, base, new_area, max(ks), 0, 0, folder / "suggested.gpkg")
    base_on = {}
    for k in ks:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            edits_budget = None
            for strategy in args.strategies:
                name = f"{strategy}-{k}-{seed}"
                layer = folder / f"{name}.gpkg"
                if strategy == "review":
                    decisions = reviewed_layer(predicted_path, layer, edits_budget or k, truth)
                    chosen, cost = [], {"edits": decisions["reviewed"], **decisions}
                    tiles_parameter = {}
                else:
                    chosen = suggested[:k] if strategy == "suggested" else ranking(
                        processing, base, new_area, k, 2, 1000 + seed, folder / f"random-{k}-{seed}.gpkg")
                    cost = correct_tiles(predicted, truth, chosen, layer)
                    tiles_parameter = {"TILES": str(layer.with_name(layer.stem + "-tiles.gpkg"))}
                    if strategy == "suggested":
                        edits_budget = cost["edits"]
                model = folder / f"{name}.pt"
                started = time.perf_counter()
                processing.run("e84segment:trainfromreview", {
                    "IMAGERY": str(new_area), "FOOTPRINTS": str(layer), "BASE_MODEL": str(base), "SEED": seed,
                    "TIME_LIMIT": args.minutes, "BASE_DATASET": str(base_data), "DATASET": str(folder / f"chips-{name}"),
                    "OUTPUT": str(model), **tiles_parameter})
                seconds = time.perf_counter() - started
                rest_tiles = [t for t in everything if t not in chosen]
                key = tuple(sorted(rest_tiles))
                rest = write_layer(folder / f"rest-{name}.gpkg", [(box_of(t), {}) for t in rest_tiles])
                if key not in base_on:
                    base_on[key] = check(processing, base, new_area, folder / f"base-{name}.json", rest)
                scores = check(processing, model, new_area, folder / f"{name}.json", rest)
                row = {"strategy": strategy, "k": k, "seed": seed, "tiles": [list(t) for t in chosen], "cost": cost,
                       "seconds": round(seconds, 1), "scores": scores, "base": base_on[key], "scored_tiles": len(rest_tiles)}
                entry["rows"].append(row)
                print(json.dumps({"direction": direction, "strategy": strategy, "k": k, "seed": seed,
                                  "edits": cost["edits"], "iou": scores["building_iou"], "f1": scores["f1"],
                                  "base_f1": base_on[key]["f1"], "seconds": row["seconds"]}), flush=True)
                save()


def _mean_spread(values):
    values = list(values)
    return statistics.mean(values), (min(values), max(values))


def section(results: dict, args_text: dict) -> str:
    lines = [MARKER, "", "## Correcting a few tiles: the labels-to-quality curve (`make bench-correct`)", "",
             f"Base model: {args_text['base_minutes']:g} minutes of `trainlocal` defaults on one Kampala area (z20); new "
             "area: the other one, never seen. A simulated analyst corrects K tiles of the new area completely against "
             "OSM (a footprint matching a building at IoU >= 0.5 kept when IoU >= 0.8, else reshaped; others deleted; "
             "missed buildings drawn), the tiles chosen by `suggesttiles` (*suggested*) or at random (*random*); "
             "*review* is today's footprint review with as many decisions as the suggested tiles took edits. Then "
             f"`trainfromreview` ({args_text['minutes']:g} minutes, its defaults) and `evaluatemodel` on the tiles "
             "nobody corrected, beside the base model on the same tiles (*base*). Every run is listed; means and "
             "min-max over seeds below. Figures: pixel building IoU and object F1 (IoU >= 0.5).", "",
             "How to read it: each strategy is scored on the tiles it left uncorrected, so the tiles scored differ from "
             "row to row; the *gain over base* (the same model before, on the same tiles) is the fair comparison. "
             "*review* corrects no tile and is scored on every tile of the area, those whose footprints it reviewed "
             "included. The new area has few buildings (about 60 in OSM; 25 on the 8 tiles left at K = 8): one "
             "building moves object F1 by 0.02-0.04.", ""]
    for direction, entry in results.items():
        whole = entry.get("before_whole", {})
        lines += [f"### {entry['base']} -> {entry['new']} ({entry['tiles']} tiles at z20 in the new area)", "",
                  f"Base model on the whole new area: building IoU {whole.get('building_iou', 0):.3f}, object F1 "
                  f"{whole.get('f1', 0):.3f} (TP {whole.get('tp')}, FP {whole.get('fp')}, FN {whole.get('fn')})."
                  + (f" K = {', '.join(map(str, entry['skipped_ks']))} left out: the area has only {entry['tiles']} "
                     "tiles, and a score needs tiles nobody corrected." if entry.get("skipped_ks") else ""), "",
                  "| strategy | K | seed | edits (deleted / reshaped / drawn) | tiles scored | building IoU (base) | "
                  "object F1 (base) | TP / FP / FN | round (s) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for row in entry["rows"]:
            c, s, b = row["cost"], row["scores"], row["base"]
            detail = (f"{c['edits']} ({c['deleted']} / {c['reshaped']} / {c['drawn']})" if "deleted" in c else
                      f"{c['edits']} decisions ({c['accepted']} acc. / {c['edited']} ed. / {c['rejected']} rej.)")
            lines.append(f"| {row['strategy']} | {row['k']} | {row['seed']} | {detail} | {row['scored_tiles']} | "
                         f"**{s['building_iou']:.3f}** ({b['building_iou']:.3f}) | **{s['f1']:.3f}** ({b['f1']:.3f}) | "
                         f"{s['tp']} / {s['fp']} / {s['fn']} | {row['seconds']:.0f} |")
        lines += ["", "| strategy | K | runs | mean edits | building IoU: mean (min-max) | gain over base | "
                  "object F1: mean (min-max) | gain over base |", "|---|---|---|---|---|---|---|---|"]
        for k in sorted({r["k"] for r in entry["rows"]}):
            for strategy in dict.fromkeys(r["strategy"] for r in entry["rows"]):
                mine = [r for r in entry["rows"] if r["k"] == k and r["strategy"] == strategy]
                if not mine:
                    continue
                iou_mean, iou_range = _mean_spread(r["scores"]["building_iou"] for r in mine)
                f1_mean, f1_range = _mean_spread(r["scores"]["f1"] for r in mine)
                iou_gain = statistics.mean(r["scores"]["building_iou"] - r["base"]["building_iou"] for r in mine)
                f1_gain = statistics.mean(r["scores"]["f1"] - r["base"]["f1"] for r in mine)
                edits = statistics.mean(r["cost"]["edits"] for r in mine)
                lines.append(f"| {strategy} | {k} | {len(mine)} | {edits:.0f} | {iou_mean:.3f} ({iou_range[0]:.3f}-"
                             f"{iou_range[1]:.3f}) | {iou_gain:+.3f} | {f1_mean:.3f} ({f1_range[0]:.3f}-{f1_range[1]:.3f}) | "
                             f"{f1_gain:+.3f} |")
        seconds = [r["seconds"] for r in entry["rows"]]
        if seconds:
            lines += ["", f"A round of improvement (chips + fine-tuning) took {min(seconds):.0f}-{max(seconds):.0f} s "
                          "on this machine's 2 cores."]
        lines.append("")
    if PLOT.is_file():
        lines += [f"![F1 against tiles corrected and against edits]({PLOT.name})", ""]
    return "\n".join(lines)


def plot(results: dict) -> None:
    """docs/bench-correct.png: object F1 against K and against edits, a line per strategy (mean, min-max bars)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    directions = [d for d in results.values() if d["rows"]]
    if not directions:
        return
    figure, axes = plt.subplots(len(directions), 2, figsize=(10, 3.6 * len(directions)), squeeze=False)
    colours = {"suggested": "#1f78b4", "random": "#ff7f00", "review": "#33a02c"}
    for row_axes, entry in zip(axes, directions):
        for strategy in dict.fromkeys(r["strategy"] for r in entry["rows"]):
            ks = sorted({r["k"] for r in entry["rows"] if r["strategy"] == strategy})
            groups = [[r for r in entry["rows"] if r["strategy"] == strategy and r["k"] == k] for k in ks]
            f1 = [statistics.mean(r["scores"]["f1"] for r in g) for g in groups]
            low = [m - min(r["scores"]["f1"] for r in g) for m, g in zip(f1, groups)]
            high = [max(r["scores"]["f1"] for r in g) - m for m, g in zip(f1, groups)]
            edits = [statistics.mean(r["cost"]["edits"] for r in g) for g in groups]
            for axis, xs in zip(row_axes, (ks, edits)):
                axis.errorbar(xs, f1, yerr=[low, high], marker="o", capsize=3, label=strategy, color=colours.get(strategy))
        base = statistics.mean(r["base"]["f1"] for r in entry["rows"])
        for axis, label in zip(row_axes, ("tiles corrected (K)", "edits")):
            axis.axhline(base, color="grey", linestyle=":", label="base model (mean)")
            axis.set_xlabel(label)
            axis.set_ylabel("object F1, tiles nobody corrected")
            axis.set_title(f"{entry['base']} -> {entry['new']}")
            axis.grid(alpha=0.3)
        row_axes[0].set_xscale("log", base=2)
        row_axes[0].legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(PLOT, dpi=90)
    plt.close(figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--base-minutes", type=float, default=15.0, help="the base model's training (trainlocal's default)")
    parser.add_argument("--minutes", type=float, default=3.0, help="each round's fine-tuning (trainfromreview's default)")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--first-seed", type=int, default=0, help="with --add: more seeds of a run already made")
    parser.add_argument("--add", action="store_true", help="add the runs to build/bench-correct.json's, not replace them")
    parser.add_argument("--ks", type=lambda text: [int(k) for k in text.split(",")], default=[1, 2, 4, 8, 16])
    parser.add_argument("--strategies", type=lambda text: [s for s in text.split(",") if s], default=list(STRATEGIES))
    parser.add_argument("--directions", type=lambda text: [d for d in text.split(",") if d], default=list(DIRECTIONS))
    parser.add_argument("--base", type=Path, help="a folder of an earlier run (DIRECTION/base.pt and base-dataset): reused")
    parser.add_argument("--keep", type=Path, help="work here and keep it (models, chips, layers), not in a temporary folder")
    parser.add_argument("--results", type=Path, help="write the section and plot again from saved results, measuring nothing")
    args = parser.parse_args()
    if not all(p.exists() for p in (LABELS, *AREAS.values())):
        sys.exit(f"benchmark data is absent: {KAMPALA} (../shared/data beside the repository)")
    described = {"base_minutes": args.base_minutes, "minutes": args.minutes}
    saved = ROOT / "build" / "bench-correct.json"
    if args.results:
        results = json.loads(args.results.read_text())
        plot(results)
        write_section(args.output, MARKER, section(results, described))
        return
    gdal.UseExceptions()
    app, provider, processing = start_qgis()
    results = json.loads(saved.read_text()) if args.add and saved.is_file() else {}
    saved.parent.mkdir(exist_ok=True)

    def save():
        saved.write_text(json.dumps(results, indent=1))
        plot(results)
        write_section(args.output, MARKER, section(results, described))

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        for direction in args.directions:
            run_direction(processing, work, direction, args, results, save)
    save()
    print(f"wrote {args.output} and {PLOT}")


if __name__ == "__main__":
    main()
