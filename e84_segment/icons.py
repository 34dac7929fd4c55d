"""Icons: from the compiled Qt resources when the plugin is packaged, else from the source tree."""
from pathlib import Path

from qgis.PyQt.QtCore import QFile
from qgis.PyQt.QtGui import QIcon

RESOURCE_PREFIX = ":/plugins/e84_segment"
_FOLDER = Path(__file__).resolve().parent / "resources"


def icon_path(name: str) -> str:
    resource = f"{RESOURCE_PREFIX}/{name}"
    return resource if QFile.exists(resource) else str(_FOLDER / name)


def plugin_icon() -> QIcon:
    return QIcon(icon_path("icon.svg"))
