"""Run history: what each step of the workflow did, beside its outputs and in the project.

A run is one step (dataset, training, prediction, comparison, export): its parameters, the data
fingerprint, metrics, output files and, on SageMaker, the job or endpoint. ``run.json`` lies in
the run's own folder, so a run folder explains itself; the project keeps the list of run folders.
No Qt, no project: the dock stores ``RunRecord.to_json()`` in the project itself.
"""
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from . import dataset

RUN_JSON = "run.json"
KINDS = ("dataset", "train", "predict", "compare", "export")


@dataclass
class RunRecord:
    kind: str
    name: str
    folder: str
    started: str = ""
    finished: str = ""
    status: str = "running"  # running, completed, failed, cancelled
    backend: str = "local"
    parameters: Dict[str, object] = field(default_factory=dict)
    fingerprint: str = ""
    metrics: Dict[str, object] = field(default_factory=dict)
    outputs: Dict[str, str] = field(default_factory=dict)  # name -> file path
    sagemaker: Dict[str, str] = field(default_factory=dict)  # job, endpoint, model artifact
    message: str = ""

    @property
    def path(self) -> Path:
        return Path(self.folder) / RUN_JSON

    def save(self) -> None:
        dataset.write_json(self.path, asdict(self))  # atomic: a crash never leaves half a record

    def finish(self, status: str, message: str = "") -> None:
        self.status, self.message, self.finished = status, message, now()
        self.save()

    def label(self) -> str:
        metric = ""
        for key in ("f1", "building_iou", "validation:mIOU", "building_pixels", "footprints"):
            if key in self.metrics and self.metrics[key] is not None:
                value = self.metrics[key]
                metric = f", {key} {value:.3f}" if isinstance(value, float) else f", {key} {value}"
                break
        return f"{self.name} [{self.kind}, {self.backend}] {self.status}{metric}"


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def new_run(kind: str, workspace: Path, backend: str = "local", parameters: Optional[dict] = None) -> RunRecord:
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
    record = RunRecord(kind, folder.name, str(folder), started=now(), backend=backend, parameters=dict(parameters or {}))
    record.save()
    return record


def load(folder: Path) -> Optional[RunRecord]:
    path = Path(folder) / RUN_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunRecord(**data)
    except (OSError, ValueError, TypeError):
        return None


def load_all(folders: List[str]) -> List[RunRecord]:
    """The records that still exist, newest first."""
    records = [r for r in (load(Path(f)) for f in folders) if r is not None]
    return sorted(records, key=lambda r: r.started, reverse=True)
