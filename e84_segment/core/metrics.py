"""Pixel metrics from a confusion matrix, the numbers SageMaker's algorithm reports (pixel accuracy,
mIoU) plus building IoU, precision and recall. Pixels marked 255 (no imagery) are left out."""
from typing import Dict

import numpy as np

IGNORE = 255


def confusion(prediction: np.ndarray, truth: np.ndarray, num_classes: int = 2) -> np.ndarray:
    """``num_classes`` x ``num_classes`` counts, rows = truth, columns = prediction."""
    keep = truth != IGNORE
    index = truth[keep].astype(np.int64) * num_classes + prediction[keep].astype(np.int64)
    return np.bincount(index, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def scores(matrix: np.ndarray, positive: int = 1) -> Dict[str, float]:
    matrix = matrix.astype(np.float64)
    total = matrix.sum()
    diagonal = np.diag(matrix)
    unions = matrix.sum(0) + matrix.sum(1) - diagonal
    ious = np.divide(diagonal, unions, out=np.zeros_like(diagonal), where=unions > 0)
    present = unions > 0
    tp = matrix[positive, positive]
    predicted = matrix[:, positive].sum()
    actual = matrix[positive, :].sum()
    return {
        "pixel_accuracy": float(diagonal.sum() / total) if total else 0.0,
        "miou": float(ious[present].mean()) if present.any() else 0.0,
        "building_iou": float(ious[positive]),
        "precision": float(tp / predicted) if predicted else 0.0,
        "recall": float(tp / actual) if actual else 0.0,
    }


def object_counts(predicted: np.ndarray, truth: np.ndarray, min_pixels: int = 0) -> Dict[str, int]:
    """Object TP/FP/FN of two label images (0 background, 1..n objects), SpaceNet's rule on pixels as
    compare.match applies it to polygons: each predicted object in turn takes the unmatched true object
    it overlaps most, if their IoU is at least 0.5. Objects smaller than ``min_pixels`` are left out,
    as polygonize and compareosm leave out small footprints."""
    predicted_sizes, truth_sizes = np.bincount(predicted.ravel()), np.bincount(truth.ravel())
    kept_predicted = np.flatnonzero(predicted_sizes >= max(min_pixels, 1))
    kept_truth = np.flatnonzero(truth_sizes >= max(min_pixels, 1))
    kept_predicted, kept_truth = kept_predicted[kept_predicted > 0], kept_truth[kept_truth > 0]
    both = (predicted > 0) & (truth > 0)
    pairs, overlap = np.unique(np.stack([predicted[both], truth[both]]), axis=1, return_counts=True)
    iou = overlap / (predicted_sizes[pairs[0]] + truth_sizes[pairs[1]] - overlap)
    candidate = (iou >= 0.5) & np.isin(pairs[0], kept_predicted) & np.isin(pairs[1], kept_truth)
    matched_truth = set()
    matched_predicted = set()
    for p_label, t_label, _ in sorted(zip(pairs[0][candidate], pairs[1][candidate], -iou[candidate])):
        if p_label not in matched_predicted and t_label not in matched_truth:
            matched_predicted.add(p_label)
            matched_truth.add(t_label)
    tp = len(matched_truth)
    return {"tp": tp, "fp": len(kept_predicted) - tp, "fn": len(kept_truth) - tp}


def f1(counts: Dict[str, int]) -> float:
    found = 2 * counts["tp"] + counts["fp"] + counts["fn"]
    return 2 * counts["tp"] / found if found else 0.0
