"""The local PyTorch model as a predictor for core.mosaic.predict_area."""
from pathlib import Path
from typing import Dict

import numpy as np
import torch

from . import modelfile
from .model import normalise


# Test-time augmentation: the window as it is, mirrored left-right, upside down, and both (each
# undone on the answer); the model learned all of them, so their mean is steadier than one.
_FLIPS = ((), (3,), (2,), (2, 3))


class Predictor:
    """A loaded model and how to feed it; ``tta`` averages the four flips (four times the work)."""

    def __init__(self, model_path: Path, tta: bool = False):
        self.model, self.meta = modelfile.load(model_path)
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.model.to(self.device)
        self.flips = _FLIPS if tta else _FLIPS[:1]

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """uint8 N,H,W,3 -> building probability N,H,W float32."""
        return self.flip_probabilities(batch).mean(axis=0)

    def flip_probabilities(self, batch: np.ndarray) -> np.ndarray:
        """uint8 N,H,W,3 -> building probability of each flip, undone: F,N,H,W float32 (F = 1 without TTA)."""
        with torch.inference_mode():
            x = normalise(torch.from_numpy(batch).to(self.device))
            found = []
            for dims in self.flips:
                logits = self.model(torch.flip(x, dims) if dims else x)
                building = torch.softmax(logits, dim=1)[:, 1]
                found.append(torch.flip(building, [d - 1 for d in dims]) if dims else building)
            return torch.stack(found).float().cpu().numpy()
