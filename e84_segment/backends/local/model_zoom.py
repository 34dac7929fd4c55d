"""What a model's zoom means for prediction at another zoom (no torch: the ONNX path uses it too)."""
from typing import Dict, List


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
