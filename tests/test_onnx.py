"""Models for lighter machines: a model file exported as ONNX runs with onnxruntime and no PyTorch,
and predicts what the model file predicts."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal

from e84_segment.backends.local import onnx_model

from .conftest import ROOT
from .test_sagemaker_aws import _predict_endpoint_parameters, run

pytest.importorskip("onnxruntime", reason="onnxruntime is installed by requirements-onnx.txt (make setup)")


@pytest.fixture(scope="module")
def exported(trained, tmp_path_factory):
    import processing

    path = tmp_path_factory.mktemp("onnx") / "kampala.onnx"
    processing.run("e84segment:exportonnx", {"MODEL": str(trained[0]), "OUTPUT": str(path)})
    return path


def _chips(kampala_dataset, count=8):
    from PIL import Image

    return np.stack([np.asarray(Image.open(p).convert("RGB")) for p in sorted((kampala_dataset / "validation").glob("*.jpg"))[:count]])


def test_the_onnx_file_carries_the_models_metadata_and_deepness_keys(provider, trained, exported):
    import onnx

    properties = {p.key: p.value for p in onnx.load(str(exported)).metadata_props}
    assert properties["model_type"] == "Segmentor" and json.loads(properties["class_names"]) == {"0": "background", "1": "building"}
    meta = json.loads(properties[onnx_model.META_KEY])
    assert (meta["zoom"], meta["tile_size"], meta["classes"]) == (trained[1].meta["zoom"], trained[1].meta["tile_size"], ["background", "building"])
    assert meta["best"]["building_iou"] == trained[1].meta["best"]["building_iou"]
    assert float(properties["resolution"]) == pytest.approx(40075016.686 / (256 * 2 ** 20) * 100, abs=0.01)  # cm per pixel at z20


@pytest.mark.parametrize("tta", [False, True])
def test_onnxruntime_agrees_with_torch(provider, trained, exported, kampala_dataset, tta):
    from e84_segment.backends.local import predict

    chips = _chips(kampala_dataset)
    ours = predict.Predictor(trained[0], tta=tta).probabilities(chips)
    theirs = onnx_model.OnnxPredictor(exported, tta=tta).probabilities(chips)
    assert theirs.shape == ours.shape and theirs.dtype == np.float32
    assert ((theirs >= 0.5) == (ours >= 0.5)).mean() >= 0.999
    assert np.abs(theirs - ours).max() < 1e-3


def test_onnx_prediction_needs_no_torch(tmp_path, exported, kampala_dataset, trained):
    from e84_segment.backends.local import predict

    shadow = tmp_path / "no-torch" / "torch"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text('raise ImportError("no PyTorch on this laptop")\n')
    np.save(tmp_path / "chips.npy", _chips(kampala_dataset, 2))
    script = ("import sys, numpy as np; from e84_segment.backends.local import onnx_model; "
              "p = onnx_model.OnnxPredictor(sys.argv[1]); np.save(sys.argv[3], p.probabilities(np.load(sys.argv[2])))")
    done = subprocess.run([sys.executable, "-c", script, str(exported), str(tmp_path / "chips.npy"), str(tmp_path / "out.npy")],
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(  # the shadow first: torch hidden, the rest kept
                              [str(tmp_path / "no-torch"), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])),
                          capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    expected = predict.Predictor(trained[0]).probabilities(np.load(tmp_path / "chips.npy"))
    assert np.abs(np.load(tmp_path / "out.npy") - expected).max() < 1e-3


def test_predictlocal_takes_an_onnx_model(provider, trained, exported, tmp_path):
    local = run("predictlocal", {**_predict_endpoint_parameters(tmp_path / "pt"), "MODEL": str(trained[0])})
    light = run("predictlocal", {**_predict_endpoint_parameters(tmp_path / "onnx"), "MODEL": str(exported)})
    a, b = (gdal.Open(r["OUTPUT_CLASSES"]).ReadAsArray() for r in (local, light))
    assert a.shape == b.shape and (a == b).mean() >= 0.999
    foreign = tmp_path / "foreign.onnx"
    foreign.write_bytes(b"not an onnx model")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not a readable ONNX model"):
        run("predictlocal", {**_predict_endpoint_parameters(tmp_path / "x"), "MODEL": str(foreign)})
