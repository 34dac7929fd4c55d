"""The review loop's plain rules: what an analyst's decision on a predicted footprint teaches the next
model, which footprint to look at next, and how far the review has come.

A footprint layer holds one decision per feature in the ``review`` field: accepted (the outline is
right), edited (the analyst redrew it), added (a building the model missed), rejected (no building
there), or nothing yet. Accepted, edited and added outlines become building pixels, rejected ones
background; a thin ring round an accepted outline is background too (an outline the analyst accepted
says where the building ends). Everything else is unknown and teaches nothing: the masks hold
IGNORE there, so an unreviewed prediction is never taken for the truth.

A corrected tile is the exception, and the unit that teaches most: the analyst has looked at every
pixel of it (deleted what is wrong, reshaped, drawn what was missed), so inside it every footprint not
rejected is building and everything else background. A tile with no footprint left says "no building here".
"""
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from . import masks

FIELD = "review"
ACCEPTED, EDITED, ADDED, REJECTED = "accepted", "edited", "added", "rejected"
BUILDING_DECISIONS = (ACCEPTED, EDITED, ADDED)
DECISIONS = BUILDING_DECISIONS + (REJECTED,)
# Metres of background round an accepted outline: a few pixels at zooms 19-21, less than the gap
# between two houses, so a neighbour the analyst has not looked at is rarely painted as background.
RING_M = 0.6


def decision_of(value) -> Optional[str]:
    """The decision a field value records (case and spaces forgiven); None for no decision yet.
    Anything else is refused by ``unknown_values`` before training, not guessed."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in ("", "null"):
        return None
    return text if text in DECISIONS else None


def unknown_values(values: Iterable) -> List[str]:
    """Values of the review field that are no decision and not empty: the analyst's typo, shown back."""
    found = {str(v).strip() for v in values if v is not None and str(v).strip() not in ("", "NULL")}
    return sorted(v for v in found if v.lower() not in DECISIONS)


def mask_class(decision: Optional[str]) -> int:
    """The mask value a decision burns: building, background, or IGNORE (not reviewed)."""
    if decision in BUILDING_DECISIONS:
        return masks.BUILDING
    if decision == REJECTED:
        return masks.BACKGROUND
    return masks.IGNORE


@dataclass(frozen=True)
class Reviewed:
    """One footprint as the training data sees it: its polygon (WKB, EPSG:3857), the analyst's
    decision, and the polygon grown by RING_M (WKB), whose ring round the outline is background
    for a building the analyst confirmed and unknown round one not reviewed."""

    wkb: bytes
    decision: Optional[str]
    grown_wkb: Optional[bytes] = None


# The order classes burn in, the later winning where polygons overlap: a grown ring or a rejected duplicate
# must not call an unreviewed building background, and a building the analyst confirmed wins over all.
_BURN_STAGE = {masks.BACKGROUND: 0, masks.IGNORE: 1, masks.BUILDING: 2}


def burn_order(footprints: Sequence[Reviewed]) -> List[Tuple[bytes, int]]:
    """(polygon, class) pairs for masks.rasterize over IGNORE: rejected outlines and the rings round
    confirmed ones as background, unreviewed footprints (grown) as IGNORE, confirmed outlines as building."""
    pairs = []
    for footprint in footprints:
        value = mask_class(footprint.decision)
        if value == masks.IGNORE:
            pairs.append((footprint.grown_wkb or footprint.wkb, value))
            continue
        if value == masks.BUILDING and footprint.grown_wkb:
            pairs.append((footprint.grown_wkb, masks.BACKGROUND))
        pairs.append((footprint.wkb, value))
    return sorted(pairs, key=lambda pair: _BURN_STAGE[pair[1]])  # stable: each stage keeps its order


def corrected_tile(tile_wkb: bytes, footprints: Sequence[Reviewed]) -> List[Tuple[bytes, int]]:
    """(polygon, class) pairs for a tile the analyst corrected completely: every pixel is known, so the
    tile burns as background and every footprint in it that is not rejected as building."""
    return [(tile_wkb, masks.BACKGROUND)] + [(f.wkb, masks.BUILDING) for f in footprints if f.decision != REJECTED]


def next_to_review(candidates: Iterable[Tuple[object, Optional[str], Optional[float]]]) -> List[object]:
    """Ids of the footprints without a decision, least confident first (those without a confidence
    last, in their order): (id, decision, confidence) triples in."""
    waiting = [(c is None, c if c is not None else 0.0, n, key)
               for n, (key, decision, c) in enumerate(candidates) if decision_of(decision) is None]
    return [key for *_, key in sorted(waiting, key=lambda item: item[:3])]


def progress(decisions: Iterable[Optional[str]]) -> Dict[str, int]:
    """How many of each decision, and how many are still to review (key 'to review')."""
    counts = Counter(decision_of(d) for d in decisions)
    summary = {decision: counts.get(decision, 0) for decision in DECISIONS}
    summary["to review"] = counts.get(None, 0)
    return summary


def describe(summary: Dict[str, int]) -> str:
    """'12 accepted, 3 edited, 4 rejected, 30 to review' (decisions never taken left out)."""
    shown = [f"{n} {name}" for name, n in summary.items() if n or name == "to review"]
    return ", ".join(shown)
