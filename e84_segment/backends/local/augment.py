"""Training augmentations: what a chip may look like in imagery the model has not seen.

``geometric``: the eight symmetries of the square. ``photometric`` (the default) adds colour,
brightness, contrast, saturation, channel order, blur or sharpening and JPEG noise, so that roof
colour stops being the cue (red soil is not a red roof; a grey roof is still a roof). Masks follow
the geometric changes only. ``photometric-scale`` (a candidate, docs/model-choices.md) also zooms each
chip in or out a little, for imagery of another resolution than the chips'. numpy and Pillow: no torch.
"""
import io
from typing import Callable, Dict, Tuple

import numpy as np
from PIL import Image, ImageFilter

from ...core.metrics import IGNORE

# Scale factors drawn log-uniformly between these: about a third of a zoom level either way. The
# dataset's extra zooms (19, 21) already give whole levels; the mask's one-pixel walls survive 0.8x.
SCALE_RANGE = (0.8, 1.25)

Pair = Tuple[np.ndarray, np.ndarray]


def geometric(rgb: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> Pair:
    """The eight symmetries of the square (flips and quarter turns): buildings have no up."""
    turns = int(rng.integers(4))
    rgb, mask = np.rot90(rgb, turns), np.rot90(mask, turns)
    if rng.integers(2):
        rgb, mask = rgb[:, ::-1], mask[:, ::-1]
    return np.ascontiguousarray(rgb), np.ascontiguousarray(mask)


def scale(rgb: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> Pair:
    """Zoomed in (a random crop of the enlarged chip) or out (the reduced chip padded by reflection, the
    padding IGNORE in the mask: reflected roofs are no evidence either way)."""
    factor = float(np.exp(rng.uniform(*np.log(SCALE_RANGE))))
    side = rgb.shape[0]
    size = max(1, int(round(side * factor)))
    if size == side:
        return rgb, mask
    image = np.asarray(Image.fromarray(rgb).resize((size, size), Image.BILINEAR))
    labels = np.asarray(Image.fromarray(mask).resize((size, size), Image.NEAREST))
    if size > side:
        row, column = (int(v) for v in rng.integers(0, size - side + 1, 2))
        return (np.ascontiguousarray(image[row:row + side, column:column + side]),
                np.ascontiguousarray(labels[row:row + side, column:column + side]))
    before = (int(v) for v in rng.integers(0, side - size + 1, 2))
    pads = [(b, side - size - b) for b in before]
    padded_labels = np.full((side, side), IGNORE, dtype=mask.dtype)
    padded_labels[pads[0][0]:pads[0][0] + size, pads[1][0]:pads[1][0] + size] = labels
    return np.pad(image, pads + [(0, 0)], mode="reflect"), padded_labels


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


def photometric_scale(rgb: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> Pair:
    return photometric(*scale(rgb, mask, rng), rng)


PIPELINES: Dict[str, Callable[[np.ndarray, np.ndarray, np.random.Generator], Pair]] = {
    "geometric": geometric,
    "photometric": photometric,
    "photometric-scale": photometric_scale,
}
