"""The fastest installed way to run a ``.pt`` model file.

On a laptop CPU onnxruntime runs the same network about twice as fast as PyTorch (docs/benchmarks.md,
prediction throughput), so where onnxruntime and onnx are installed the model file is exported once
to ONNX, kept in a cache keyed by the file's content and this plugin's version, and run there. With a
CUDA GPU, or where either package is missing or the export fails, PyTorch runs it. The probabilities
agree with PyTorch's within 1e-3 (tests/test_onnx.py).
"""
import hashlib
import importlib.util
import tempfile
from pathlib import Path
from typing import Callable

from ... import metadata

ENGINES = ("auto", "pytorch", "onnxruntime")


def cache_folder() -> Path:
    return Path(tempfile.gettempdir()) / "e84_segment-onnx"


def cached_onnx(model_path: Path) -> Path:
    """The model file as ONNX, exported on first use (atomically: a crash leaves no half file)."""
    from . import onnx_model

    digest = hashlib.sha256()
    with open(model_path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    digest.update(f"{metadata.version()}:{onnx_model.OPSET}".encode())
    path = cache_folder() / f"{digest.hexdigest()[:20]}.onnx"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        onnx_model.export(Path(model_path), path)
    return path


def onnxruntime_usable() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "onnx"))


def predictor(model_path: Path, tta: bool, engine: str = "auto", report: Callable[[str], None] = lambda line: None):
    """A predictor for core.mosaic of the model file: backends.local.predict.Predictor (PyTorch) or
    onnx_model.OnnxPredictor on the same weights. ``engine`` "auto" picks the faster one installed."""
    import torch

    from . import modelfile, onnx_model, predict

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    wanted = engine
    if engine == "auto":
        wanted = "pytorch" if torch.cuda.is_available() or not onnxruntime_usable() else "onnxruntime"
    if wanted == "onnxruntime":
        meta = modelfile.read(model_path)["meta"]  # a foreign file says so in the model file's words
        try:
            running = onnx_model.OnnxPredictor(cached_onnx(Path(model_path)), tta=tta)
            running.meta = meta  # the file's own, history included
        except Exception as error:  # the exporter's and onnxruntime's many types: PyTorch still runs the model
            if engine == "onnxruntime":
                raise
            report(f"onnxruntime could not run {Path(model_path).name} ({error}); PyTorch runs it instead")
        else:
            report(f"Engine: onnxruntime (the model file exported once to {cache_folder()})")
            return running
    report(f"Engine: PyTorch ({'CUDA GPU' if torch.cuda.is_available() else 'CPU'})")
    return predict.Predictor(model_path, tta=tta)
