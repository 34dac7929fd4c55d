"""The handler AWS's PyTorch inference container runs for the plugin's model (code/inference.py).

The container's inference toolkit calls ``model_fn(model_dir)`` once and ``transform_fn(model,
body, content_type, accept)`` per request. The answers are the built-in algorithm's (a PNG class
mask, or RecordIO-protobuf probabilities), computed by the same function as the plugin's local
endpoint, so ``predictendpoint`` reads either kind of endpoint the same way.
"""
from pathlib import Path

from . import local_endpoint, pytorch_job


def model_fn(model_dir: str) -> local_endpoint.LocalModel:
    return local_endpoint.LocalModel(Path(model_dir) / pytorch_job.MODEL_FILE)


def transform_fn(model: local_endpoint.LocalModel, body: bytes, content_type: str, accept: str) -> bytes:
    """The answer to one request. A refused request raises the inference toolkit's error with its
    HTTP status (415, 406, 413), which the toolkit answers with; any other exception would be a 500.
    The toolkit has already replaced a missing or */* Accept with SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT
    (image/png in the model the plugin creates); the same default holds when called directly."""
    content_type = (content_type or "").split(";")[0].strip()
    accept = (accept or "").split(",")[0].strip()
    if accept in ("", "*/*"):
        accept = local_endpoint.contract.PNG
    try:
        return local_endpoint.answer(model, body, content_type, accept)
    except local_endpoint.Refused as refusal:
        raise _toolkit_error(refusal.status, f"{refusal.error_type}: {refusal}") from None


def _toolkit_error(status: int, message: str) -> Exception:
    try:
        from sagemaker_inference.errors import GenericInferenceToolkitError
    except ImportError:  # not in AWS's container (a direct call, a test)
        return ValueError(f"{status} {message}")
    return GenericInferenceToolkitError(status, message)
