"""Training augmentations: what a chip may look like in imagery the model has not seen.

``geometric``: the eight symmetries of the square. ``photometric`` (the default) adds colour,
brightness, contrast, saturation, channel order, blur or sharpening and JPEG noise, so that roof
colour stops being the cue (red soil is not a red roof; a grey roof is still a roof). Masks follow
the geometric changes only. numpy and Pillow: no torch.
"""
import io
from typing import Callable, Dict, Tuple

import numpy as np
from PIL import Image, ImageFilter

Pair = Tuple[np.ndarray, np.ndarray]


def geometric(rgb: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> Pair:
    """The eight symmetries of the square (flips and quarter turns): buildings have no up."""
    turns = int(rng.integers(4))
    rgb, mask = np.rot90(rgb, turns), np.rot90(mask, turns)
    if rng.integers(2):
        rgb, mask = rgb[:, ::-1], mask[:, ::-1]
    return np.ascontiguousarray(rgb), np.ascontiguousarray(mask)


def colour(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Colour and texture changes of one uint8 H,W,3 chip."""
    x = rgb.astype(np.float32)
    if rng.random() < 0.8:  # contrast about the chip's mean, then brightness
        mean = x.mean()
        x = (x - mean) * rng.uniform(0.7, 1.3) + mean + rng.uniform(-30, 30)
    if rng.random() < 0.5:  # saturation, from grey (0) to vivid (1.5)
        grey = x.mean(axis=2, keepdims=True)
        x = grey + (x - grey) * rng.uniform(0.0, 1.5)
    if rng.random() < 0.3:  # channel order: a hue change that keeps textures
        x = x[..., rng.permutation(3)]
    image = Image.fromarray(np.clip(x, 0, 255).astype(np.uint8))
    texture = rng.random()
    if texture < 0.15:
        image = image.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.5, 1.5))))
    elif texture < 0.3:
        image = image.filter(ImageFilter.UnsharpMask(radius=2, percent=int(rng.integers(50, 150))))
    if rng.random() < 0.3:  # the compression of another imagery source
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=int(rng.integers(30, 80)))
        buffer.seek(0)
        image = Image.open(buffer).convert("RGB")
    return np.asarray(image)


def photometric(rgb: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> Pair:
    rgb, mask = geometric(rgb, mask, rng)
    return np.ascontiguousarray(colour(rgb, rng)), mask


PIPELINES: Dict[str, Callable[[np.ndarray, np.ndarray, np.random.Generator], Pair]] = {
    "geometric": geometric,
    "photometric": photometric,
}
