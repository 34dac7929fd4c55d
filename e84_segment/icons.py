"""Icons, loaded by path from the plugin's folder (PyQt6, in QGIS 4, has no compiled resources)."""
from pathlib import Path

from qgis.PyQt.QtGui import QIcon

_FOLDER = Path(__file__).resolve().parent / "resources"


def icon_path(name: str) -> str:
    return str(_FOLDER / name)


def plugin_icon() -> QIcon:
    return QIcon(icon_path("icon.svg"))
