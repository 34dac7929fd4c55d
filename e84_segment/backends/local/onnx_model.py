"""The model as ONNX, for machines with onnxruntime and no PyTorch (lighter field laptops).

The exported graph takes what Deepness feeds a segmentation model, float RGB in 0-1 (N, 3, H, W) of
any size divisible by 32, and gives class probabilities (N, C, H, W): the ImageNet normalisation and
the softmax are inside it. Its metadata carries Deepness's keys (model_type, class_names,
resolution, tiles_size, tiles_overlap) and the plugin's own model meta as JSON under ``e84_segment``
(zoom, tile size, classes, normalisation, metrics), so predictlocal reads it as it reads a model file.
"""
import json
import os
from pathlib import Path
from typing import Dict

import numpy as np

from ...core.sentence import said

META_KEY = "e84_segment"
OPSET = 17
_FLIPS = ((), (3,), (2,), (2, 3))  # as backends.local.predict: the window, mirrored, upside down, both


class OnnxModelError(ValueError):
    pass


def export(model_path: Path, output: Path) -> Dict:
    """Writes ``output`` (atomically) from a model file; returns the metadata written."""
    import torch

    from . import modelfile
    from .model import normalise

    model, meta = modelfile.load(model_path)

    class Deployable(torch.nn.Module):
        def __init__(self, network):
            super().__init__()
            self.network = network

        def forward(self, rgb01):  # float N,3,H,W in 0-1 -> probabilities N,C,H,W
            uint8_like = rgb01.permute(0, 2, 3, 1) * 255.0
            return torch.softmax(self.network(normalise(uint8_like)), dim=1)

    output = Path(output)
    partial = output.with_name(f".{output.name}.partial-{os.getpid()}")
    size = meta["tile_size"]
    try:
        torch.onnx.export(Deployable(model).eval(), torch.zeros(1, 3, size, size), str(partial), dynamo=False, opset_version=OPSET,
                          input_names=["image"], output_names=["probabilities"],
                          dynamic_axes={"image": {0: "batch", 2: "height", 3: "width"}, "probabilities": {0: "batch", 2: "height", 3: "width"}})
        properties = _describe(partial, meta)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return properties


def _describe(partial: Path, meta: dict) -> Dict[str, str]:
    """Deepness's keys and the plugin's model meta, written into the exported file."""
    import onnx

    size = meta["tile_size"]
    document = onnx.load(str(partial))
    metres_per_pixel = 40075016.686 / (size * 2 ** meta["zoom"])  # at the equator; Deepness's "resolution" is cm/px
    properties = {
        "model_type": "Segmentor", "class_names": json.dumps(dict(enumerate(meta["classes"]))),
        "resolution": f"{metres_per_pixel * 100:.2f}", "tiles_size": str(size), "tiles_overlap": "15",
        META_KEY: json.dumps({k: meta[k] for k in meta if k not in ("history",)}, default=str),
    }
    for key, value in properties.items():
        entry = document.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(document, str(partial))
    return properties


class OnnxPredictor:
    """An ONNX model as a predictor for core.mosaic; ``tta`` averages the four flips."""

    def __init__(self, path: Path, tta: bool = False):
        import onnxruntime

        try:
            self.session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime's own exception types
            raise said(OnnxModelError, "{path} is not a readable ONNX model: {error}", path=path, error=error) from error
        properties = self.session.get_modelmeta().custom_metadata_map
        if META_KEY not in properties:
            raise said(
                OnnxModelError, "{path} was not exported by e84 segment (no '{key}' metadata): export a model file with 'Export "
                                "model as ONNX'",
                path=path, key=META_KEY,
            )
        self.meta = json.loads(properties[META_KEY])
        self.flips = _FLIPS if tta else _FLIPS[:1]
        self.input = self.session.get_inputs()[0].name

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """uint8 N,H,W,3 -> building probability N,H,W float32."""
        x = np.ascontiguousarray(batch.transpose(0, 3, 1, 2), dtype=np.float32) / np.float32(255.0)
        total = None
        for dims in self.flips:
            seen = np.flip(x, dims) if dims else x
            building = self.session.run(None, {self.input: np.ascontiguousarray(seen)})[0][:, 1]
            building = np.flip(building, tuple(d - 1 for d in dims)) if dims else building
            total = building if total is None else total + building
        return (total / len(self.flips)).astype(np.float32)
