"""Training runs side by side against a baseline: what differs, how they scored, how they learned.

The seed's complaint about RoboSat was that runs could not be compared; here a training run's record
keeps its settings and its per-epoch history (from the model file or the SageMaker log), and a
check of the model on an area it never saw ('Check a model on an area') is found by the model file
it names. No Qt: the Runs tab shows what ``comparison`` returns.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from .runs import RunRecord

# The per-epoch series the curves overlay, and their words.
SERIES = (("building_iou", "building IoU"), ("object_f1", "object F1"), ("train_loss", "training loss"))
# Settings that name files rather than choices: shown by name, never a difference in themselves.
_PATHS = ("DATASET", "OUTPUT", "OUTPUT_RECORD", "OUTPUT_MODEL", "BASE_MODEL")


@dataclass
class Row:
    label: str
    cells: List[str]
    differs: bool = False  # some run's value differs from the baseline's


@dataclass
class Comparison:
    titles: List[str]  # the baseline first
    settings: List[Row] = field(default_factory=list)
    figures: List[Row] = field(default_factory=list)
    curves: List[Dict[str, Dict[int, float]]] = field(default_factory=list)  # per run: series -> {epoch: value}


def model_file(record: RunRecord) -> str:
    return record.outputs.get("model", "")


def history(record: RunRecord) -> List[dict]:
    return [entry for entry in record.metrics.get("history") or [] if isinstance(entry, dict) and "epoch" in entry]


def latest_check(record: RunRecord, records: Sequence[RunRecord]) -> Optional[RunRecord]:
    """The newest completed check of this run's model on an area (an 'evaluate' run naming its file)."""
    model = model_file(record)
    if not model:
        return None
    checks = [r for r in records if r.kind == "evaluate" and r.status == "completed"
              and any(isinstance(p, dict) and p.get("MODEL") == model for p in r.parameters.values())]
    return max(checks, key=lambda r: r.started, default=None)


def _settings(record: RunRecord) -> Dict[str, str]:
    """The run's settings, one level deep ('<algorithm>' -> {NAME: value}), as text."""
    flat = {}
    for key, value in record.parameters.items():
        for name, setting in (value.items() if isinstance(value, dict) else [(key, value)]):
            if setting in (None, ""):
                continue
            flat[name] = Path(str(setting)).name if name in _PATHS else str(setting)
    flat["backend"] = record.backend
    return flat


def figures(record: RunRecord, records: Sequence[RunRecord] = ()) -> Dict[str, Optional[float]]:
    """Best and final validation figures from the history, and the newest check on an area."""
    entries = history(record)
    values: Dict[str, Optional[float]] = {}
    for key in ("building_iou", "object_f1", "miou"):
        series = [e[key] for e in entries if e.get(key) is not None]
        values[f"best {key}"] = max(series) if series else record.metrics.get(key)
        values[f"final {key}"] = series[-1] if series else None
    values["epochs"] = float(len(entries)) if entries else None
    values["minutes"] = entries[-1].get("minutes") if entries else None
    check = latest_check(record, records)
    values["checked F1"] = check.metrics.get("f1") if check else None
    values["checked building IoU"] = check.metrics.get("building_iou") if check else None
    return values


_FIGURE_WORDS = {
    "best building_iou": "best validation building IoU", "final building_iou": "final validation building IoU",
    "best object_f1": "best validation object F1", "final object_f1": "final validation object F1",
    "best miou": "best validation mIoU", "final miou": "final validation mIoU",
    "epochs": "epochs", "minutes": "minutes trained",
    "checked F1": "object F1 on an area it never saw", "checked building IoU": "building IoU on an area it never saw",
}


def _cell(value: Optional[float], base: Optional[float], integer: bool = False) -> str:
    if value is None:
        return "-"
    text = f"{value:.0f}" if integer else f"{value:.3f}"
    if base is not None and value != base:
        text += f" ({value - base:+.0f})" if integer else f" ({value - base:+.3f})"
    return text


def comparison(baseline: RunRecord, others: Sequence[RunRecord], records: Sequence[RunRecord] = ()) -> Comparison:
    """The baseline's column first, then each other run's, with differences from the baseline."""
    runs = [baseline, *others]
    result = Comparison([r.title + (" (baseline)" if i == 0 else "") for i, r in enumerate(runs)])
    settings = [_settings(r) for r in runs]
    for name in sorted(set().union(*settings)):
        cells = [s.get(name, "-") for s in settings]
        result.settings.append(Row(name, cells, differs=name not in _PATHS and len(set(cells)) > 1))
    scored = [figures(r, records) for r in runs]
    for key, words in _FIGURE_WORDS.items():
        if all(s[key] is None for s in scored):
            continue
        base = scored[0][key]
        integer = key == "epochs"
        cells = [_cell(s[key], None if i == 0 else base, integer) for i, s in enumerate(scored)]
        result.figures.append(Row(words, cells, differs=len({s[key] for s in scored}) > 1))
    for record in runs:
        entries = history(record)
        result.curves.append({key: {e["epoch"]: e[key] for e in entries if e.get(key) is not None} for key, _ in SERIES})
    return result


def history_from_log(by_epoch: Dict[str, Dict[str, float]]) -> List[dict]:
    """A SageMaker job's per-epoch metrics (as its log gave them) in the model file's history form.
    The built-in algorithm counts epochs from 0, the plugin's model from 1."""
    names = {"validation:building_iou": "building_iou", "validation:object_f1": "object_f1", "validation:miou": "miou",
             "validation:mIOU": "miou", "validation:pixel_accuracy": "pixel_accuracy", "train:loss": "train_loss"}
    epochs = sorted(int(e) for e in by_epoch)
    offset = 1 if epochs and epochs[0] == 0 else 0
    return [dict({names.get(k, k): v for k, v in by_epoch[str(e)].items()}, epoch=e + offset) for e in epochs]
