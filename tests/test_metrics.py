"""Object counts on label images (the validation F1 training reports), against hand-made cases."""
import numpy as np

from e84_segment.core import metrics


def labels(*boxes, size=20):
    out = np.zeros((size, size), dtype=np.int32)
    for number, (y0, y1, x0, x1) in enumerate(boxes, start=1):
        out[y0:y1, x0:x1] = number
    return out


def test_one_to_one_matches_at_iou_one_half():
    truth = labels((0, 4, 0, 4), (10, 14, 10, 14), (0, 4, 10, 14))
    predicted = labels((0, 4, 0, 3), (10, 14, 10, 12), (15, 19, 0, 4))  # IoU 0.75, 0.5, nothing
    assert metrics.object_counts(predicted, truth) == {"tp": 2, "fp": 1, "fn": 1}
    assert metrics.f1({"tp": 2, "fp": 1, "fn": 1}) == 2 * 2 / (2 * 2 + 2)


def test_merged_neighbours_match_one_at_most():
    truth = labels((0, 4, 0, 4), (0, 4, 4, 8))
    merged = labels((0, 4, 0, 8))  # IoU exactly 16 / 32 with each: it matches one, the other is missed
    assert metrics.object_counts(merged, truth) == {"tp": 1, "fp": 0, "fn": 1}
    three = labels((0, 4, 0, 4), (0, 4, 4, 8), (0, 4, 8, 12))
    assert metrics.object_counts(labels((0, 4, 0, 12)), three) == {"tp": 0, "fp": 1, "fn": 3}


def test_small_objects_are_left_out_on_both_sides():
    truth = labels((0, 4, 0, 4), (10, 11, 10, 11))
    predicted = labels((0, 4, 0, 4), (15, 16, 15, 16))
    assert metrics.object_counts(predicted, truth, min_pixels=2) == {"tp": 1, "fp": 0, "fn": 0}
    assert metrics.object_counts(predicted, truth) == {"tp": 1, "fp": 1, "fn": 1}
    assert metrics.object_counts(labels(), labels()) == {"tp": 0, "fp": 0, "fn": 0}
