"""The local PyTorch model as a predictor for core.mosaic.predict_area."""
from pathlib import Path
from typing import Dict, List

import numpy as np
import torch

from . import modelfile
from .model import normalise


class Predictor:
    """A loaded model and how to feed it."""

    def __init__(self, model_path: Path):
        self.model, self.meta = modelfile.load(model_path)
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.model.to(self.device)

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """uint8 N,H,W,3 -> building probability N,H,W float32."""
        with torch.inference_mode():
            logits = self.model(normalise(torch.from_numpy(batch).to(self.device)))
            return torch.softmax(logits, dim=1)[:, 1].float().cpu().numpy()


def describe_zoom_mismatch(model_meta: Dict, zoom: int) -> List[str]:
    """Warnings when the imagery will not look like what the model learned from (prediction always
    uses the model's own tile size, so only the zoom can differ)."""
    notes = []
    if model_meta["zoom"] != zoom:
        factor = 2 ** (zoom - model_meta["zoom"])
        notes.append(
            f"The model was trained at zoom {model_meta['zoom']} and is predicting at zoom {zoom}: buildings appear "
            f"{factor:g} times {'larger' if factor > 1 else 'smaller'} than in training, which usually lowers accuracy. "
            f"Predict at ZOOM={model_meta['zoom']} unless you mean to."
        )
    return notes
