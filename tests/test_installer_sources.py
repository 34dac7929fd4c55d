"""Where the Dependencies dialog's packages come from on Linux QGIS: PyTorch's CPU index, a PyPI mirror,
and a QGIS Python without pip (Debian, Ubuntu). Real pip against package indexes on 127.0.0.1 that
serve real wheel files; pip's own configuration is switched off so those indexes are its only source."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from e84_segment import installer

from .package_index import PackageIndex, closed_url

SMALL = installer.Kit("small", "mpmath", ("mpmath==1.3.0",), ("mpmath",),
                      "import mpmath\nprint('ok', mpmath.__version__)\n", "1 MB")


@pytest.fixture(autouse=True)
def only_the_test_indexes(monkeypatch):
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # no pip.conf: no mirror, find-links or constraints of this machine
    for name in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL", "PIP_NO_INDEX"):
        monkeypatch.delenv(name, raising=False)


def download(folder: Path, *requirements: str) -> list:
    """Real wheels, from this machine's own package sources (pip's configuration as it is)."""
    environment = {k: v for k, v in os.environ.items() if k != "PIP_CONFIG_FILE"}
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest", str(folder), *requirements],
                   check=True, capture_output=True, timeout=600, env=environment)
    return sorted(folder.glob("*.whl"))


def with_manifest(folder: Path) -> Path:
    """The manifest.json make wheelhouse writes: every wheel of the folder with its SHA-256."""
    import json

    (folder / "manifest.json").write_text(json.dumps(installer.manifest(folder)))
    return folder


@pytest.fixture(scope="module")
def small_wheels(tmp_path_factory):
    return download(tmp_path_factory.mktemp("small"), f"pip=={installer.PIP_VERSION}", "mpmath==1.3.0")


@pytest.fixture(scope="module")
def python_without_pip(tmp_path_factory):
    """A Python as Debian's QGIS has it: no pip module (python3-pip is a separate package there)."""
    folder = tmp_path_factory.mktemp("nopip")
    subprocess.run([sys.base_prefix + "/bin/python3" if Path(sys.base_prefix, "bin", "python3").exists() else "/usr/bin/python3",
                    "-m", "venv", "--without-pip", str(folder / "venv")], check=True, capture_output=True, timeout=120)
    python = folder / "venv" / "bin" / "python"
    assert not installer.has_pip(python)
    return python


def test_without_pip_the_install_runs_pip_from_its_wheel_fetched_from_the_index(tmp_path, small_wheels, python_without_pip, monkeypatch):
    with PackageIndex(small_wheels) as index:
        monkeypatch.setenv("PIP_INDEX_URL", index.url)  # an organisation's mirror is found the same way
        lines = []
        result = installer.install(tmp_path / "packages" / "py", kit=SMALL, python=python_without_pip, report=lines.append)
    assert result.check == "ok 1.3.0", lines[-20:]
    assert any(line.startswith(f"QGIS's Python has no pip: running pip from pip-{installer.PIP_VERSION}") for line in lines), lines
    assert sorted(index.served) == sorted(w.name for w in small_wheels)  # pip's wheel, then mpmath's
    assert (tmp_path / "packages" / "py" / "mpmath").is_dir()
    assert not installer.has_pip(python_without_pip)  # QGIS's Python itself is unchanged


def test_without_pip_offline_the_folder_of_wheels_carries_it_or_the_message_says_what_to_install(tmp_path, small_wheels, python_without_pip):
    folder = tmp_path / "wheels"
    folder.mkdir()
    for wheel in small_wheels:
        (folder / wheel.name).symlink_to(wheel)
    with_manifest(folder)
    result = installer.install(tmp_path / "a" / "py", folder, kit=SMALL, python=python_without_pip, report=lambda line: None)
    assert result.check == "ok 1.3.0"
    for wheel in folder.glob("pip-*.whl"):
        wheel.unlink()
    with_manifest(folder)
    target = tmp_path / "b" / "py"
    with pytest.raises(installer.InstallError, match=r"holds no pip wheel.*sudo apt install python3-pip"):
        installer.install(target, folder, kit=SMALL, python=python_without_pip, report=lambda line: None)
    assert not target.exists() and not list(target.parent.glob(".*"))  # nothing staged, nothing left


def test_without_pip_and_without_an_index_the_message_says_what_to_install(tmp_path, python_without_pip, monkeypatch):
    monkeypatch.setenv("PIP_INDEX_URL", closed_url())
    with pytest.raises(installer.InstallError, match=r"has no pip, and the package index .* cannot be reached.*python3-pip"):
        installer.install(tmp_path / "py", kit=SMALL, python=python_without_pip, report=lambda line: None)
    assert not (tmp_path / "py").exists()


def test_the_builds_each_platform_gets():
    requirements, indexes, with_deps = installer.plan(installer.TORCH, "cpu", online=True, platform="linux")
    assert "torch==2.13.0+cpu" in requirements and indexes == [installer.PYTORCH_CPU_INDEX] and not with_deps
    assert installer.plan(installer.TORCH, "cpu", online=False, platform="linux") == (list(installer.REQUIREMENTS), [], False)
    for platform in ("win32", "darwin"):  # PyPI's torch there is the CPU build already
        assert installer.plan(installer.TORCH, "cpu", online=True, platform=platform) == (list(installer.REQUIREMENTS), [], False)
    cuda = installer.plan(installer.TORCH, "cuda", online=True, platform="linux")
    assert cuda == (list(installer.REQUIREMENTS), [], True)
    assert "--no-deps" not in installer.pip_command(Path("p"), Path("t"), cuda[0], with_dependencies=True)
    # onnxruntime has one build; its dependencies (numpy) must never come along.
    assert installer.plan(installer.ONNXRUNTIME, "cuda", online=True, platform="linux")[2] is False


@pytest.fixture(scope="module")
def torch_wheels(tmp_path_factory):
    try:
        # setuptools: torch declares it, so pip's resolution (the download size) asks for it too.
        return download(tmp_path_factory.mktemp("torch"), *installer.plan(installer.TORCH, "cpu", platform="linux")[0],
                        "setuptools>=77.0.3")
    except subprocess.CalledProcessError:
        pytest.skip("this machine's package sources have no CPU build of torch 2.13.0 for this Python "
                    "(../shared/docs/qgis-notes.md)")


@pytest.mark.slow
def test_on_linux_torch_comes_from_pytorchs_cpu_index_and_the_rest_from_the_mirror(tmp_path, torch_wheels, monkeypatch):
    torch = [w for w in torch_wheels if w.name.startswith("torch-")]
    with PackageIndex([w for w in torch_wheels if w not in torch]) as mirror, PackageIndex(torch) as pytorch:
        monkeypatch.setenv("PIP_INDEX_URL", mirror.url)
        monkeypatch.setattr(installer, "PYTORCH_CPU_INDEX", pytorch.url)
        lines = []
        result = installer.install(tmp_path / "py", report=lines.append, platform="linux")
    assert result.check.startswith("ok 2.13.0+cpu"), lines[-20:]
    assert pytorch.served == [torch[0].name] and torch[0].name not in mirror.served
    assert sorted(mirror.served) == sorted(w.name for w in torch_wheels if w not in torch and not w.name.startswith("setuptools"))


@pytest.mark.slow
def test_where_pytorchs_index_is_out_of_reach_the_install_stops_and_changes_nothing(tmp_path, torch_wheels, monkeypatch):
    target = tmp_path / "py"
    target.mkdir()
    (target / "kept.txt").write_text("an earlier install")
    others = [w for w in torch_wheels if not w.name.startswith("torch-")]  # a PyPI mirror has no CPU build of torch
    with PackageIndex(others) as mirror:
        monkeypatch.setenv("PIP_INDEX_URL", mirror.url)
        monkeypatch.setattr(installer, "PYTORCH_CPU_INDEX", closed_url())
        with pytest.raises(installer.InstallError) as refused:
            installer.install(target, report=lambda line: None, platform="linux")
    message = str(refused.value)
    assert "cannot be reached" in message and "Choose the CUDA build" in message and "Nothing was changed" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["py"] and [p.name for p in target.iterdir()] == ["kept.txt"]


@pytest.mark.slow
def test_the_cuda_builds_size_is_what_pip_would_download(torch_wheels, monkeypatch):
    """pip resolves the requirements with their dependencies without downloading them, and the index
    tells each file's size (here the CPU wheel stands in for PyPI's CUDA build: same pins, real files)."""
    with PackageIndex(torch_wheels) as mirror:
        monkeypatch.setenv("PIP_INDEX_URL", mirror.url)
        resolved = [r for r in installer.REQUIREMENTS if r not in installer.WITHOUT_DEPENDENCIES]
        size = installer.download_size([sys.executable, "-m", "pip"], resolved)
    sizes = {w.name: w.stat().st_size for w in torch_wheels}
    assert size == sum(sizes[name] for name in set(mirror.served)) and size > 100e6
    assert installer.describe_size(size) == f"{size / 1e6:.0f} MB"


@pytest.mark.slow
def test_the_cuda_build_brings_torchs_dependencies_but_never_numpy(tmp_path, torch_wheels, monkeypatch):
    """The CUDA path resolves torch's dependencies; onnx and ml_dtypes, which declare numpy, install without
    theirs: numpy in the folder would shadow QGIS's own (here the CPU wheel stands in for the CUDA one)."""
    with PackageIndex(torch_wheels) as mirror:
        monkeypatch.setenv("PIP_INDEX_URL", mirror.url)
        lines = []
        result = installer.install(tmp_path / "py", report=lines.append, build="cuda", platform="linux")
    assert result.check.startswith("ok 2.13.0"), lines[-20:]
    assert any("CUDA build of PyTorch with its NVIDIA libraries" in line for line in lines)
    assert (tmp_path / "py" / "onnx").is_dir() and not (tmp_path / "py" / "numpy").exists()


def planted_wheel(folder: Path, marker: Path) -> Path:
    """A wheel of the same package and version with a build tag, which pip prefers, that runs code on import
    (reliability.md, appendix C)."""
    import base64
    import hashlib
    import zipfile

    files = {
        "mpmath/__init__.py": f"open({str(marker)!r}, 'w').write('ran')\n__version__ = '1.3.0'\n",
        "mpmath-1.3.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: mpmath\nVersion: 1.3.0\n",
        "mpmath-1.3.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nBuild: 1\nTag: py3-none-any\n",
    }
    record = [f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b'=').decode()},"
              f"{len(text.encode())}" for name, text in files.items()] + ["mpmath-1.3.0.dist-info/RECORD,,"]
    files["mpmath-1.3.0.dist-info/RECORD"] = "\n".join(record) + "\n"
    path = folder / "mpmath-1.3.0-1-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def test_a_wheel_the_manifest_does_not_list_is_never_installed_nor_run(tmp_path, small_wheels):
    """Reliability F8 (3.2, 3.5): pip preferred a planted build-tagged wheel; its code ran in the check and
    replaced the working install, and a folder without manifest.json skipped every check."""
    folder = tmp_path / "wheels"
    folder.mkdir()
    for wheel in small_wheels:
        (folder / wheel.name).symlink_to(wheel)
    with_manifest(folder)
    marker = tmp_path / "PLANTED-CODE-RAN"
    planted = planted_wheel(folder, marker)
    lines = []
    result = installer.install(tmp_path / "a" / "py", folder, kit=SMALL, report=lines.append)
    assert result.check == "ok 1.3.0" and not marker.exists()
    assert any(f"Left out 1 wheel(s) its manifest does not list: {planted.name}" in line for line in lines), lines
    assert (tmp_path / "a" / "py" / "mpmath" / "libmp").is_dir()  # the real package, not the planted one
    (folder / "manifest.json").unlink()
    target = tmp_path / "b" / "py"
    with pytest.raises(installer.InstallError, match="has no manifest.json, so its wheels cannot be checked"):
        installer.install(target, folder, kit=SMALL, report=lines.append)
    assert not marker.exists() and not target.exists() and not list(target.parent.glob(".*"))


def test_a_manifest_entry_outside_the_folder_is_refused(tmp_path, small_wheels):
    import json
    import shutil

    folder = tmp_path / "wheels"
    folder.mkdir()
    outside = tmp_path / "x.whl"
    shutil.copy(small_wheels[-1], outside)
    entries = installer.manifest(tmp_path)["wheels"]  # x.whl, checksum and all
    (folder / "manifest.json").write_text(json.dumps({"wheels": {"../x.whl": entries["x.whl"]}}))
    with pytest.raises(installer.InstallError, match=r"damaged: \.\./x\.whl is not a wheel of this folder"):
        installer.install(tmp_path / "py", folder, kit=SMALL, report=lambda line: None)
    assert not (tmp_path / "py").exists()
