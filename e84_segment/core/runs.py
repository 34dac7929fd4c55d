"""Run history: what each step of the workflow did, beside its outputs and in the project.

A run is one step (dataset, training, prediction, comparison, export): its parameters, the data
fingerprint, metrics, output files and, on SageMaker, the job or endpoint. ``run.json`` lies in
the run's own folder, so a run folder explains itself; the project keeps the list of run folders.
No Qt, no project: the dock stores ``RunRecord.to_json()`` in the project itself.
"""
import json
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Dict, List, Optional

from . import dataset, review

RUN_JSON = "run.json"
KIND_TITLES = {"dataset": "Dataset", "train": "Model", "predict": "Prediction", "compare": "Comparison",
               "evaluate": "Check", "triage": "Triage", "suggest": "Tiles to correct", "people": "People",
               "situation": "Situation map"}
KINDS = tuple(KIND_TITLES)
INTERRUPTED = "QGIS closed or the plugin was unloaded while this run was working"


@dataclass
class RunRecord:
    kind: str
    name: str
    folder: str
    started: str = ""
    finished: str = ""
    status: str = "running"  # running, completed, failed, cancelled, interrupted
    backend: str = "local"
    parameters: Dict[str, object] = field(default_factory=dict)
    fingerprint: str = ""
    metrics: Dict[str, object] = field(default_factory=dict)
    outputs: Dict[str, str] = field(default_factory=dict)  # name -> file path
    sagemaker: Dict[str, str] = field(default_factory=dict)  # job, endpoint, model artifact
    message: str = ""
    tag: str = ""  # what and when, for layer and group names: "aoiA_dense z20 10:15"
    area_km2: Optional[float] = None

    @property
    def path(self) -> Path:
        return Path(self.folder) / RUN_JSON

    def save(self) -> None:
        dataset.write_json(self.path, asdict(self))  # atomic: a crash never leaves half a record

    def finish(self, status: str, message: str = "") -> None:
        self.status, self.message, self.finished = status, message, now()
        self.save()

    @property
    def title(self) -> str:
        """The run's layer-tree group: what it is and what it was made from."""
        return f"{KIND_TITLES.get(self.kind, self.kind)}: {self.tag}" if self.tag else self.name

    def label(self) -> str:
        """One row of the Runs tab: kind, imagery and zoom, area, when, status and the key figure."""
        parts = [self.title]
        if self.area_km2:
            parts.append(f"{self.area_km2:,.2f} km²")
        if self.backend != "local":
            parts.append(self.backend)
        parts.append(self.started[:10])
        try:
            metric = key_metric(self.metrics)
        except (TypeError, ValueError, KeyError, AttributeError):  # a figure damaged by hand: the row without it
            metric = ""
        status = self.status if not metric or self.status != "completed" else metric
        return f"{', '.join(parts)}: {status}"


# The figure a row shows for each kind of run, and its words.
_KEY_METRICS = (
    ("f1", "object F1 {:.3f}"),
    ("building_iou", "building IoU {:.3f}"),
    ("validation:mIOU", "validation mIoU {:.3f}"),
    ("footprints", "{} footprints"),
    ("train", "{} training chips"),
    ("suggested", "{} tiles to correct"),
)


def key_metric(metrics: dict) -> str:
    # Only numbers are figures: a run.json edited by hand ("building_iou": "high") must not break the list.
    metrics = {key: value for key, value in metrics.items()
               if key in ("review", "measured_on") or isinstance(value, (int, float)) and not isinstance(value, bool)}
    if isinstance(metrics.get("review"), dict):  # a model improved from an analyst's review
        tiles = f" and {metrics['corrected_tiles']} corrected tiles" if metrics.get("corrected_tiles") else ""
        return f"fine-tuned on {review.describe(metrics['review'])}{tiles}"
    if metrics.get("f1") is not None and metrics.get("building_iou") is not None:  # a model checked on an area
        return f"object F1 {metrics['f1']:.3f}, building IoU {metrics['building_iou']:.3f}"
    for key, words in _KEY_METRICS:
        value = metrics.get(key)
        if value is not None:
            text = words.format(value)
            if key == "building_iou":
                if metrics.get("object_f1") is not None:
                    text += f", object F1 {metrics['object_f1']:.3f}"
                if metrics.get("measured_on"):
                    text += f" (on {metrics['measured_on']} chips)"
            elif key == "train" and metrics.get("validation") is not None:
                text += f", {metrics['validation']} validation"
            return text
    return ""


def model_label(path) -> str:
    """What to call a model file in names and tags: its name, or for the plugin's own 'model.pt' (every
    training writes one) the run that made it ('train aoiA_dense z20 10:15'), so two models read apart."""
    path = Path(path)
    if path.stem != "model":
        return path.name
    record = load(path.parent)
    if record is not None and record.tag:
        return f"{record.kind} {record.tag}"
    return path.parent.name or path.stem


def make_tag(subject: str, zoom: Optional[int] = None, when: Optional[float] = None) -> str:
    """'aoiA_dense z20 10:15': the subject (imagery, dataset or layer), the zoom and the time."""
    words = [subject.strip()[:40]] if subject and subject.strip() else []
    if zoom:
        words.append(f"z{zoom}")
    words.append(time.strftime("%H:%M", time.localtime(when)))
    return " ".join(words)


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def new_run(
    kind: str, workspace: Path, backend: str = "local", parameters: Optional[dict] = None, tag: str = "",
    area_km2: Optional[float] = None,
) -> RunRecord:
    """A record and its empty folder, ``<workspace>/<kind>-<time>`` (made unique)."""
    if kind not in KINDS:
        raise ValueError(f"unknown run kind {kind}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = Path(workspace) / f"{kind}-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = Path(workspace) / f"{kind}-{stamp}-{n}"
    folder.mkdir(parents=True)
    record = RunRecord(kind, folder.name, str(folder), started=now(), backend=backend, parameters=dict(parameters or {}),
                       tag=tag, area_km2=area_km2)
    record.save()
    return record


def load(folder: Path) -> Optional[RunRecord]:
    """The run of a folder, or None where there is none or it is unreadable. Fields of the wrong type
    (a hand edit, another tool) are set aside, so one damaged record never breaks the whole list."""
    path = Path(folder) / RUN_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunRecord(**_typed(data))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


_TEXT_FIELDS = ("kind", "name", "folder", "started", "finished", "status", "backend", "fingerprint", "message", "tag")
_TABLE_FIELDS = ("parameters", "metrics", "outputs", "sagemaker")


def _typed(data: dict) -> dict:
    known = {f.name for f in fields(RunRecord)}
    data = {key: value for key, value in data.items() if key in known}  # a newer plugin's fields wait for it
    for key in _TEXT_FIELDS:
        if key in data and not isinstance(data[key], str):
            data[key] = "" if data[key] is None else str(data[key])
    for key in _TABLE_FIELDS:
        if key in data and not isinstance(data[key], dict):
            data[key] = {}
    if not isinstance(data.get("area_km2"), (int, float, type(None))) or isinstance(data.get("area_km2"), bool):
        data["area_km2"] = None
    return data


def load_all(folders: List[str], live: Optional[str] = None) -> List[RunRecord]:
    """The records that still exist, newest first. One still 'running' that is not ``live`` (the run
    in progress) was cut off by a crash: it is marked interrupted, so it never says running forever."""
    records = [r for r in (load(Path(f)) for f in folders) if r is not None]
    for record in records:
        if record.status == "running" and record.folder != live:
            try:
                record.finish("interrupted", INTERRUPTED)
            except OSError:  # a read-only workspace: say it here all the same
                record.status, record.message = "interrupted", INTERRUPTED
    return sorted(records, key=lambda r: r.started, reverse=True)
