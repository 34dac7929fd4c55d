"""Shared fixtures: real QGIS (pytest-qgis, headless), real Processing, real data from ../shared/data."""
import os
from pathlib import Path

import pytest
from qgis.core import QgsProcessingFeedback

from .sagemaker_fixtures import aws, local_endpoint, moto_url, pricing_url  # noqa: F401 (fixtures for the SageMaker tests)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
KAMPALA = SHARED_DATA / "kampala"
ATLANTA = SHARED_DATA / "atlanta"
PORTUGAL = SHARED_DATA / "portugal_z17"


def _untracked() -> set:
    """New files git would see (ignored outputs such as build/ are not among them)."""
    import subprocess

    result = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    return {line for line in result.stdout.splitlines() if line.startswith("??")} if result.returncode == 0 else set()


def pytest_sessionstart(session):
    # Tests write under tmp_path only. GDAL and QGIS put sidecars (.aux.xml) in the working directory for
    # sources without a folder: start in a scratch one, and check the working tree at the end.
    import tempfile

    session.config._e84_untracked = _untracked()
    os.chdir(tempfile.mkdtemp(prefix="e84-tests-cwd-"))


def pytest_sessionfinish(session, exitstatus):
    os.chdir(ROOT)
    written = _untracked() - getattr(session.config, "_e84_untracked", set())
    if written:
        print("\nTests wrote into the working tree (write under tmp_path instead):\n  " + "\n  ".join(sorted(written)))
        session.exitstatus = 1


NO_TORCH = ("PyTorch is not installed in this Python (make test-qgis-current's chroot: there is no CPU wheel of "
            "torch 2.13 for its Python on this machine)")


def needs_torch():
    return pytest.importorskip("torch", reason=NO_TORCH)


class Recorder(QgsProcessingFeedback):
    """A Processing feedback that keeps the log lines, warnings, errors and debug lines; it cancels after
    ``cancel_after_epochs`` epochs."""

    def __init__(self, cancel_after_epochs=None):
        super().__init__()
        self.lines, self.cancel_after = [], cancel_after_epochs
        self.warnings, self.errors, self.debug = [], [], []

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushDebugInfo(self, info):  # noqa: N802
        self.debug.append(info)

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.lines.append(info)
        if self.cancel_after and sum(line.startswith("epoch ") for line in self.lines) >= self.cancel_after:
            self.cancel()


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"sample data {path} is absent (../shared/data is laid beside the repo in CI)")
    return path


def kampala_xyz_source() -> str:
    folder = require(KAMPALA / "xyz").as_uri()
    return f"type=xyz&url={folder}/{{z}}/{{x}}/{{y}}.png&zmin=19&zmax=21"


def buildings_in_3857():
    """The Kampala OSM buildings as OGR geometries in EPSG:3857 (the few self-crossing rings made valid)."""
    from bench.simulated_analyst import buildings_in_3857 as read

    return read(require(KAMPALA / "buildings.geojson"))


@pytest.fixture(autouse=True)
def no_modal_question(monkeypatch):
    """A modal question nobody answers would hang the run: here it is answered No (the safe answer), and the
    test fails at its end (tests that expect a question answer it by replacing the dock's ``ask``). Raising
    instead would abort QGIS: PyQt ends the process on an exception in a slot."""
    from qgis.PyQt.QtWidgets import QMessageBox

    asked = []

    def unanswered(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", unanswered)
    yield
    if asked:
        pytest.fail(f"a modal question opened during the test and nobody answered it: {asked[0]}")


_KEEP_ALIVE = []


@pytest.fixture
def provider(qgis_processing):
    """The plugin's Processing provider, registered (again, if a plugin test unloaded it)."""
    from qgis.core import QgsApplication

    from e84_segment.processing.provider import E84Provider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("e84segment") is None:
        # Python must keep the provider alive, as the plugin does with self.provider.
        _KEEP_ALIVE[:] = [E84Provider()]
        registry.addProvider(_KEEP_ALIVE[0])
    return registry.providerById("e84segment")


@pytest.fixture
def build(provider):
    """Run e84segment:buildtrainingdata through processing.run, as scripts and the dock do."""
    import processing
    from qgis.core import QgsProcessingFeedback

    def run(feedback=None, **parameters):
        # One zoom unless a test asks for more (most check one zoom's tiles); EXTRA_ZOOMS=None leaves the
        # algorithm's own default, one zoom above and one below.
        parameters.setdefault("EXTRA_ZOOMS", "")
        if parameters["EXTRA_ZOOMS"] is None:
            del parameters["EXTRA_ZOOMS"]
        return processing.run("e84segment:buildtrainingdata", parameters, feedback=feedback or QgsProcessingFeedback())

    return run


@pytest.fixture(scope="session")
def kampala_dataset(tmp_path_factory, qgis_processing):
    """Kampala z20 (both AOIs through the XYZ layer), validation a spatially separate block."""
    import processing
    from qgis.core import QgsApplication, QgsRasterLayer

    from e84_segment.processing.provider import E84Provider

    if QgsApplication.processingRegistry().providerById("e84segment") is None:
        _KEEP_ALIVE[:] = [E84Provider()]
        QgsApplication.processingRegistry().addProvider(_KEEP_ALIVE[0])
    out = tmp_path_factory.mktemp("kampala") / "dataset"
    xyz = QgsRasterLayer(kampala_xyz_source(), "kampala", "wms")
    processing.run(
        "e84segment:buildtrainingdata",
        {
            "IMAGERY": xyz, "LABELS": str(KAMPALA / "buildings.geojson"), "ZOOM": 20,
            "AOI": "3627854,3628466,38753,39136 [EPSG:3857]", "SPLIT_METHOD": 1, "SPLIT_BLOCK": 2,
            "VALIDATION_FRACTION": 0.25, "BACKGROUND_RATIO": 0, "EXTRA_ZOOMS": "", "OUTPUT": str(out),  # small: fast tests
        },
    )
    return out


@pytest.fixture(scope="session")
def trained(kampala_dataset, tmp_path_factory):
    needs_torch()
    path = tmp_path_factory.mktemp("model") / "kampala.pt"
    from e84_segment.backends.local import train

    result = train.train(kampala_dataset, path, train.TrainOptions(epochs=3, seed=1), report=lambda line: None)
    return path, result


def render_seams(size: int, band: int = 1):
    """Where a chip QGIS rendered may differ from the service's own tiles: on QGIS after 3.40 (found on
    3.44; 3.40 draws tiles exactly), within `band` pixels of the edges of each drawn piece
    (core.chips.RENDER_PIECE), where the neighbouring tile can overdraw a line; nowhere on older QGIS.
    A band of 24 covers what such a line changes in a JPEG: its 16-pixel blocks of subsampled colour, and
    the smoothing of that colour when decoded."""
    import numpy as np
    from qgis.core import Qgis

    from e84_segment.core.chips import RENDER_PIECE

    seams = np.zeros((size, size), bool)
    if Qgis.versionInt() > 34099:
        offset = np.arange(size) % RENDER_PIECE
        near = (offset < band) | (offset >= RENDER_PIECE - band)
        seams[near, :] = True
        seams[:, near] = True
    return seams


def same_outside_seams(rendered: bytes, direct: bytes, band: int = 24) -> bool:
    """Two encoded chips equal byte for byte where QGIS draws exactly, pixel for pixel off the seams where not."""
    import io

    import numpy as np
    from PIL import Image

    if rendered == direct:
        return True
    a, b = (np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")) for data in (rendered, direct))
    seams = render_seams(a.shape[0], band)
    return a.shape == b.shape and seams.any() and (a[~seams] == b[~seams]).all()


def torch_paths() -> list:
    """Where a fresh QGIS finds torch as this Python does: its site-packages, and the folder torch came
    from (make test-qgis-current --torch puts it in a folder of its own, as the Dependencies dialog does)."""
    import importlib.util
    import site

    spec = importlib.util.find_spec("torch")
    extra = [str(Path(spec.origin).parents[1])] if spec is not None and spec.origin else []
    return list(dict.fromkeys(site.getsitepackages() + extra))
