"""`make bench-throughput`: how much of the machine training turns into learning.

On the datasets `make bench-field` trains on (Kampala z20, plugin defaults), the same seconds are
spent three ways:
1. a bare loop: batches made beforehand, then forward, loss, backward and step, nothing else, in each
   numeric setting (float32 NCHW as the trainer was; channels-last; bfloat16 autocast + channels-last);
2. `train.train` itself (augmentation, learning-rate schedule, validation, checkpoints) for the same
   seconds, in the setting it chooses;
3. the parts the trainer adds, each timed alone: making a batch (augmentation) and one validation.
Reported: steps per second, the trainer against the bare loop of its own setting (target >= 0.9x), the
settings against float32 NCHW, and the epochs that fit in 15 minutes. Writes its section of
docs/benchmarks.md (--output).
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_field import AREAS, LABELS, build  # noqa: E402
from common import MARKERS, start_qgis, write_section  # noqa: E402

MARKER = MARKERS[5]
SETTINGS = {  # name: (channels_last, bfloat16 autocast)
    "float32, NCHW (the trainer before)": (False, False),
    "float32, channels-last": (True, False),
    "bfloat16 autocast, channels-last": (True, True),
}


def bare_loop(seconds: float, channels_last: bool, bfloat16: bool, batches: list) -> float:
    """Steps per second of forward + loss + backward + step alone, over ``seconds`` (first step included,
    as the trainer's is)."""
    import numpy as np
    import torch

    from e84_segment.backends.local import train
    from e84_segment.backends.local.model import SegmentationNet, normalise

    torch.manual_seed(0)
    model = SegmentationNet(2, "imagenet")
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=fmt).train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    steps, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        images, masks = batches[steps % len(batches)]
        x = normalise(torch.from_numpy(images)).contiguous(memory_format=fmt)
        y = torch.from_numpy(masks.astype(np.int64))
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bfloat16):
            logits = model(x)
        loss = train.loss_fn(logits, y, train.TrainOptions.contact_weight)
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        steps += 1
    return steps / (time.perf_counter() - started)


def trainer(dataset: Path, seconds: float, work: Path, mixed: bool) -> dict:
    """train.train for ``seconds`` with its defaults: steps per second and epochs."""
    from e84_segment.backends.local import train

    steps = []
    started = time.perf_counter()
    result = train.train(dataset, work / "throughput.pt", train.TrainOptions(time_limit_min=seconds / 60, mixed_precision=mixed),
                         report=lambda line: None, progress=lambda p: steps.append(p))
    wall = time.perf_counter() - started
    return {"steps_per_s": len(steps) / wall, "epochs": len(result.meta["history"]) and result.meta["history"][-1]["epoch"],
            "validations": len(result.meta["history"]), "precision": result.meta["precision"], "wall": wall}


def parts(dataset: Path) -> dict:
    """Seconds to make one augmented batch, and one validation of the model."""
    import numpy as np
    import torch

    from e84_segment.backends.local import augment, data, train
    from e84_segment.backends.local.model import SegmentationNet
    from e84_segment.core import dataset as layout

    chips = data.ChipSet(dataset, layout.SPLITS[0])
    rng = np.random.default_rng(0)
    tick = time.perf_counter()
    made = sum(1 for _ in chips.batches(8, rng, augment.PIPELINES["photometric"]))
    batch = (time.perf_counter() - tick) / made
    validation = data.ChipSet(dataset, layout.SPLITS[1])
    model = SegmentationNet(2, "imagenet").to(memory_format=torch.channels_last)
    train.evaluate(model, validation, 8, torch.device("cpu"))
    tick = time.perf_counter()
    train.evaluate(model, validation, 8, torch.device("cpu"))
    return {"batch_s": batch, "validation_s": time.perf_counter() - tick, "train_chips": len(chips),
            "validation_chips": len(validation)}


def measure(dataset: Path, seconds: float, work: Path) -> dict:
    import numpy as np

    from e84_segment.backends.local import augment, data, train
    from e84_segment.core import dataset as layout

    chips = data.ChipSet(dataset, layout.SPLITS[0], target=lambda mask: train.contact_targets(mask[None])[0])
    rng = np.random.default_rng(0)
    batches = [b for _ in range(3) for b in chips.batches(8, rng, augment.PIPELINES["photometric"])]
    row = {"bare": {name: bare_loop(seconds, *flags, batches) for name, flags in SETTINGS.items()}}
    row["parts"] = parts(dataset)
    row["trainer"] = {"mixed": trainer(dataset, seconds, work, True), "float32": trainer(dataset, seconds, work, False)}
    print(json.dumps(row), flush=True)
    return row


def section(rows: dict, seconds: float) -> str:
    lines = [
        MARKER, "",
        "## Training throughput (make bench-throughput)", "",
        f"Steps (a batch of 8 chips of 256 px) per second over {seconds:g} s each, on the datasets `make bench-field` "
        "trains on. *Bare loop*: the same augmented batches made beforehand, then forward, loss, backward and "
        "step only. *Trainer*: `train.train` with its defaults for the same seconds (augmentation, schedule, "
        "validation, checkpoints, model building included). Ratios against the bare loop measured in the same run.", "",
        "| dataset | setting | bare loop, steps/s | against float32 NCHW | trainer, steps/s | trainer / bare loop | epochs in 15 min (trainer) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        base = row["bare"][next(iter(SETTINGS))]
        per_epoch = -(-row["parts"]["train_chips"] // 8)
        for setting, rate in row["bare"].items():
            run = row["trainer"]["mixed"] if setting.startswith("bfloat16") else (
                row["trainer"]["float32"] if setting == "float32, channels-last" else None)
            lines.append(
                f"| {name} | {setting} | {rate:.2f} | {rate / base:.2f}x | "
                + (f"{run['steps_per_s']:.2f} | **{run['steps_per_s'] / rate:.2f}x** | {900 * run['steps_per_s'] / per_epoch:.0f} |"
                   if run else "- | - | - |"))
    lines += ["", "| dataset | training / validation chips | one augmented batch | one validation | validations in the trainer's run |",
              "|---|---|---|---|---|"]
    for name, row in rows.items():
        p = row["parts"]
        lines.append(f"| {name} | {p['train_chips']} / {p['validation_chips']} | {1000 * p['batch_s']:.0f} ms | "
                     f"{1000 * p['validation_s']:.0f} ms | {row['trainer']['mixed']['validations']} in {row['trainer']['mixed']['epochs']} epochs |")
    return "\n".join(lines + [""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--seconds", type=float, default=60.0, help="seconds per measurement")
    args = parser.parse_args()
    if not all(p.exists() for p in list(AREAS.values()) + [LABELS]):
        sys.exit("benchmark data is absent: ../shared/data/kampala beside the repository")
    app, provider, processing = start_qgis()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = {}
        for area, imagery in AREAS.items():
            dataset = work / area
            build(processing, imagery, dataset)
            rows[area] = measure(dataset, args.seconds, work)
    write_section(args.output, MARKER, section(rows, args.seconds))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
