"""Would the plugin load on QGIS 4 (Qt6)? Resolves every Qt name the code uses against PyQt6.

Run with a Python that has PyQt6 from PyPI and no QGIS (``make qt6-check`` builds that venv):

    python scripts/qt6_check.py e84_segment

What it reports, as QGIS's own migration script (``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py`` in the
QGIS repository) rewrites them:
- a name imported from ``qgis.PyQt`` whose attribute chain PyQt6 does not resolve: unscoped enums
  (``Qt.Horizontal``), ``QVariant.Int`` field types, classes that moved or were removed;
- imports straight from PyQt5/PyQt6 (QGIS picks the binding through ``qgis.PyQt``);
- ``exec_()`` (``exec()`` in both), compiled resources (``resources_rc``);
- Designer ``.ui`` files PyQt6's ``uic`` cannot load (QGIS's custom widgets stand in as plain widgets).

Each finding names the file and line and, where PyQt6 has the value under a scoped enum, the name
that works in both. Exit status 1 when there is any finding.
"""
import argparse
import ast
import enum
import importlib
import sys
import types
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

Finding = Tuple[Path, int, str]


def _pyqt6(module: str):
    return importlib.import_module("PyQt6." + module)


def scoped_name(owner, member: str) -> Optional[str]:
    """``Orientation.Horizontal`` for ``Qt``, ``Horizontal``: where PyQt6 keeps an unscoped member."""
    for name in dir(owner):
        value = getattr(owner, name, None)
        if isinstance(value, type) and issubclass(value, enum.Enum) and member in value.__members__:
            return f"{name}.{member}"
    return None


def _chain(node: ast.Attribute) -> Optional[List[str]]:
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id] + names[::-1]


def check_source(path: Path, source: str) -> Iterator[Finding]:
    tree = ast.parse(source, str(path))
    bound = {}  # local name -> PyQt6 object
    # Imports in an ``except ImportError`` block are the Qt5 fallback of a Qt6 import above them.
    fallbacks = {id(inner) for handler in ast.walk(tree) if isinstance(handler, ast.ExceptHandler)
                 and "ImportError" in ast.dump(handler.type or ast.Name("")) for inner in ast.walk(handler)}
    for node in ast.walk(tree):
        if id(node) in fallbacks:
            continue
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                yield path, node.lineno, f"import from {module}: import from qgis.PyQt instead"
            if module.endswith("resources_rc") or any(alias.name == "resources_rc" for alias in node.names):
                yield path, node.lineno, "compiled resources (resources_rc) do not exist in PyQt6: load icons by path"
            if module == "qgis.PyQt" or module.startswith("qgis.PyQt."):
                sub = node.module[len("qgis.PyQt"):].lstrip(".")
                for alias in node.names:
                    try:
                        if sub:
                            value = getattr(_pyqt6(sub), alias.name)
                        else:
                            value = _pyqt6(alias.name)
                    except (ImportError, AttributeError):
                        yield path, node.lineno, f"{node.module}.{alias.name} does not exist in PyQt6"
                        continue
                    bound[alias.asname or alias.name] = value
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                    yield path, node.lineno, f"import {alias.name}: import from qgis.PyQt instead"
    seen = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_" and isinstance(getattr(node, "ctx", None), ast.Load):
            yield path, node.lineno, "exec_() is gone in PyQt6: call exec()"
        if not isinstance(node, ast.Attribute) or id(node) in seen:
            continue
        chain = _chain(node)
        # Inner attributes of this chain are visited later: resolve only the longest.
        inner = node.value
        while isinstance(inner, ast.Attribute):
            seen.add(id(inner))
            inner = inner.value
        if not chain or chain[0] not in bound:
            continue
        value = bound[chain[0]]
        for depth, name in enumerate(chain[1:], start=1):
            if isinstance(value, enum.Enum):
                break  # a member's own attributes (value, name) are Python's
            try:
                value = getattr(value, name)
            except AttributeError:
                owner = ".".join(chain[:depth])
                hint = scoped_name(value, name)
                yield path, node.lineno, (f"{owner}.{name} does not exist in PyQt6"
                                          + (f": use {owner}.{hint}" if hint else ""))
                break
            if not isinstance(value, (type, types.ModuleType, enum.EnumMeta)) and not isinstance(value, enum.Enum):
                break  # a function or constant: what follows is a call's result


def check_ui(path: Path) -> Iterator[Finding]:
    """Load the form with PyQt6's uic; QGIS's widgets (qgis.gui, qgis.core) stand in as QWidget."""
    import xml.etree.ElementTree as ElementTree

    from PyQt6 import QtWidgets, uic

    headers = {header.text for header in ElementTree.parse(path).iter("header")}
    for header in headers | {"qgis.gui", "qgis.core", "qgis"}:
        name = header[:-2] if header.endswith(".h") else header
        module = sys.modules.setdefault(name, types.ModuleType(name))
        module.__getattr__ = lambda attribute: type(attribute, (QtWidgets.QWidget,), {})
    try:
        uic.loadUiType(str(path))
    except Exception as error:  # noqa: BLE001 (uic raises many kinds; each is a finding)
        yield path, 0, f"PyQt6's uic cannot load it: {type(error).__name__}: {error}"


def check(paths: List[Path]) -> List[Finding]:
    findings: List[Finding] = []
    for root in paths:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.suffix == ".py":
                findings.extend(check_source(path, path.read_text(encoding="utf-8")))
            elif path.suffix == ".ui":
                findings.extend(check_ui(path))
    return findings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    arguments = parser.parse_args(argv)
    from PyQt6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication(["qt6_check", "-platform", "offscreen"])  # noqa: F841 (uic needs one)
    findings = check(arguments.paths)
    for path, line, message in findings:
        print(f"{path}:{line}: {message}")
    from PyQt6.QtCore import PYQT_VERSION_STR

    print(f"{len(findings)} finding(s) against PyQt6 {PYQT_VERSION_STR}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
