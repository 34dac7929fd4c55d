"""QGIS 4 runs Qt6: every Qt name the plugin uses must resolve in PyQt6 (scripts/qt6_check.py).

PyQt6 comes from PyPI in a venv of its own (make test builds it and names it in E84_PYQT6_PYTHON);
QGIS's PyQt5 and PyQt6 cannot share one interpreter."""
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

CHECK = ROOT / "scripts" / "qt6_check.py"


def run_check(*paths) -> subprocess.CompletedProcess:
    python = os.environ.get("E84_PYQT6_PYTHON")
    if not python or not Path(python).exists():
        pytest.skip("no PyQt6 venv: run through make test, which builds build/pyqt6-venv and sets E84_PYQT6_PYTHON")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([python, str(CHECK), *map(str, paths)], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_plugin_has_no_name_pyqt6_lacks():
    result = run_check(ROOT / "e84_segment")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stdout


BAD = '''
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QAction, QMessageBox
from PyQt5.QtGui import QIcon
from . import resources_rc
try:
    from qgis.PyQt.QtGui import QShortcut
except ImportError:
    from qgis.PyQt.QtWidgets import QShortcut

ORIENTATION = Qt.Horizontal
KIND = QVariant.Int
GOOD = Qt.Orientation.Vertical, Qt.ItemDataRole.UserRole + 1, QMessageBox.StandardButton.Yes


def ask(dialog):
    return dialog.exec_() == QMessageBox.Yes
'''

BAD_FORM = '''<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0"><class>Form</class>
 <widget class="QWidget" name="Form">
  <layout class="QVBoxLayout"><item><widget class="QgsFileWidget" name="folder"/></item>
   <item><widget class="QNoSuchWidget" name="broken"/></item></layout>
 </widget>
 <customwidgets><customwidget><class>QgsFileWidget</class><extends>QWidget</extends><header>qgsfilewidget.h</header></customwidget></customwidgets>
</ui>
'''


def test_the_check_finds_what_qt6_breaks(tmp_path):
    (tmp_path / "bad.py").write_text(BAD, encoding="utf-8")
    (tmp_path / "bad.ui").write_text(BAD_FORM, encoding="utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [
        "bad.py:3: qgis.PyQt.QtWidgets.QAction does not exist in PyQt6",
        "bad.py:4: import from PyQt5.QtGui: import from qgis.PyQt instead",
        "bad.py:5: compiled resources (resources_rc)",
        "bad.py:11: Qt.Horizontal does not exist in PyQt6: use Qt.Orientation.Horizontal",
        "bad.py:12: QVariant.Int does not exist in PyQt6",
        "bad.py:17: exec_() is gone in PyQt6",
        "bad.py:17: QMessageBox.Yes does not exist in PyQt6: use QMessageBox.StandardButton.Yes",
        "bad.ui:0: PyQt6's uic cannot load it",
    ]
    for text in expected:
        assert any(text in line for line in lines), f"{text!r} not reported:\n{result.stdout}"
    # The Qt5 fallback under 'except ImportError', scoped names and the QGIS widget are not findings.
    assert len([line for line in lines if ": " in line and "finding(s)" not in line]) == len(expected), result.stdout
    assert "QgsFileWidget" not in result.stdout
