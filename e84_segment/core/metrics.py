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
