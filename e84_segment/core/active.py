"""Which tiles an analyst should correct next: those whose correction should teach the model most.

Pure numpy. Each candidate tile is measured from the model's four flipped predictions of it:

* undecided: the share of pixels whose mean probability lies between UNDECIDED[0] and [1];
* disagreement: how far the flips' answers differ (twice their mean absolute deviation, 0-1);
* expected errors: the share of pixels that would be wrong if the probabilities were calibrated
  (twice the mean of min(p, 1 - p), 0-1).

A tile's score is the mean of the three. The ranking then keeps the selection diverse: each next tile
is the best score discounted by its likeness (colour, texture, predicted buildings) to the tiles
already chosen, since eight tiles of one kind teach less than eight different ones.

The baselines the benchmark compares with are here too: most predicted buildings first, and random.
"""
import math
import random
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np

UNDECIDED = (0.2, 0.8)
# Tiles with less imagery than this share are not suggested: a half-empty tile teaches half as much.
MIN_VALID = 0.5

SUGGESTED, MOST_BUILDINGS, RANDOM = "suggested", "most buildings", "random"
METHODS = (SUGGESTED, MOST_BUILDINGS, RANDOM)


@dataclass
class TileMeasure:
    """What the model makes of one tile; ``features`` describe its look for the diversity rule."""

    tile: Tuple[int, int, int]
    undecided: float
    disagreement: float
    expected_errors: float
    buildings: float  # share of pixels predicted building (mean probability >= 0.5)
    valid: float
    features: np.ndarray = field(repr=False, default=None)

    @property
    def score(self) -> float:
        return (self.undecided + self.disagreement + self.expected_errors) / 3.0


def measure(tile, rgb: np.ndarray, valid: np.ndarray, flips: np.ndarray) -> TileMeasure:
    """One tile from its RGB chip (H, W, 3 uint8), its valid mask (H, W bool) and the building
    probability of each flip (F, H, W float, already flipped back)."""
    flips = np.asarray(flips, dtype=np.float32)
    keep = np.asarray(valid, dtype=bool)
    share = float(keep.mean()) if keep.size else 0.0
    if not keep.any():
        return TileMeasure(tuple(tile), 0.0, 0.0, 0.0, 0.0, 0.0, np.zeros(8, np.float32))
    mean = flips.mean(axis=0)
    p = mean[keep]
    spread = np.abs(flips - mean).mean(axis=0)[keep]
    pixels = rgb[keep].astype(np.float32) / 255.0
    grey = rgb.astype(np.float32).mean(axis=2) / 255.0
    # Texture: mean absolute difference of neighbouring pixels (roofs, trees and bare ground differ).
    texture = float((np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean()) / 2.0)
    buildings = float((p >= 0.5).mean())
    features = np.concatenate([pixels.mean(axis=0), pixels.std(axis=0), [texture, buildings]]).astype(np.float32)
    return TileMeasure(
        tile=tuple(tile),
        undecided=float(((p > UNDECIDED[0]) & (p < UNDECIDED[1])).mean()),
        disagreement=float(min(1.0, 2.0 * spread.mean())),
        expected_errors=float(2.0 * np.minimum(p, 1.0 - p).mean()),
        buildings=buildings,
        valid=share,
        features=features,
    )


@dataclass(frozen=True)
class Suggestion:
    rank: int
    measure: TileMeasure
    score: float  # what the method ranked by (the suggested score after the diversity discount)
    reason: str


def _standardised(measures: Sequence[TileMeasure]) -> np.ndarray:
    features = np.stack([m.features for m in measures]).astype(np.float64)
    spread = features.std(axis=0)
    spread[spread == 0] = 1.0
    return (features - features.mean(axis=0)) / spread


def _reason(m: TileMeasure, unlike_above: bool) -> str:
    parts = [f"{m.undecided:.0%} of pixels undecided", f"flips differ {m.disagreement:.2f}",
             f"{m.expected_errors:.0%} pixels likely wrong"]
    if unlike_above:
        parts.append("unlike the tiles above")
    return ", ".join(parts)


def rank(measures: Sequence[TileMeasure], count: int, method: str = SUGGESTED, seed: int = 0) -> List[Suggestion]:
    """The ``count`` tiles to correct next, best first, by ``method`` (one of METHODS). Tiles with
    less imagery than MIN_VALID are left out."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    pool = [m for m in measures if m.valid >= MIN_VALID]
    count = min(count, len(pool))
    if count <= 0:
        return []
    if method == RANDOM:
        chosen = random.Random(seed).sample(pool, count)
        return [Suggestion(n + 1, m, 0.0, "random choice") for n, m in enumerate(chosen)]
    if method == MOST_BUILDINGS:
        chosen = sorted(pool, key=lambda m: (-m.buildings, m.tile))[:count]
        return [Suggestion(n + 1, m, m.buildings, f"{m.buildings:.0%} predicted building") for n, m in enumerate(chosen)]
    return _diverse(pool, count)


def _diverse(pool: List[TileMeasure], count: int) -> List[Suggestion]:
    """Greedy: the highest score discounted by likeness to what is already chosen. Likeness is the
    distance in standardised features, as a share of the typical distance between two tiles."""
    points = _standardised(pool)
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    typical = float(np.median(distances[np.triu_indices(len(pool), 1)])) if len(pool) > 1 else 1.0
    typical = typical if typical > 0 and math.isfinite(typical) else 1.0
    scores = np.array([m.score for m in pool])
    nearest = np.full(len(pool), np.inf)
    left = list(range(len(pool)))
    found: List[Suggestion] = []
    for n in range(count):
        discount = np.minimum(1.0, nearest[left] / typical)
        adjusted = scores[left] * discount
        best = int(np.argmax(adjusted))
        # Said when a tile of a higher score was passed over for looking like one chosen already.
        passed_over = bool(scores[left].max() > scores[left[best]])
        index = left.pop(best)
        found.append(Suggestion(n + 1, pool[index], float(adjusted[best]), _reason(pool[index], passed_over)))
        nearest = np.minimum(nearest, distances[index])
    return found


def tile_of_box(box: Tuple[float, float, float, float], candidates: Sequence[Tuple[int, int, int]],
                bounds_of, tolerance: float = 0.05) -> Optional[Tuple[int, int, int]]:
    """The candidate tile whose bounds are ``box`` (each edge within ``tolerance`` of a tile's width),
    else None: a polygon that is not one tile of the grid (another zoom, or a hand-drawn area)."""
    for tile in candidates:
        minx, miny, maxx, maxy = bounds_of(tile)
        slack = (maxx - minx) * tolerance
        if all(abs(a - b) <= slack for a, b in zip(box, (minx, miny, maxx, maxy))):
            return tuple(tile)
    return None
