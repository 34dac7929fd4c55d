"""What issue 21 added to training and prediction: walls between touching buildings in the masks,
contact pixels weighed in the loss, the choice of the weights kept (best / last / SWA), validation
on a time schedule, and the fastest installed engine for a .pt model."""
import dataclasses

import numpy as np
import pytest
from osgeo import gdal

from e84_segment.core import export, instances, masks

from .conftest import KAMPALA, Recorder, buildings_in_3857, needs_torch, require

AOI_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"


def _osm_over(path):
    """The OSM buildings over a GeoTIFF (EPSG:3857): WKBs, and the raster's bounds and size."""
    from osgeo import ogr

    raster = gdal.Open(str(require(path)))
    gt = raster.GetGeoTransform()
    width, height = raster.RasterXSize, raster.RasterYSize
    bounds = (gt[0], gt[3] + gt[5] * height, gt[0] + gt[1] * width, gt[3])
    box = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*bounds))
    wkbs = [bytes(g.ExportToWkb()) for g in buildings_in_3857() if g.Intersects(box)]
    return wkbs, bounds, width, height


def _polygons_per_blob(blobs: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """How many OSM polygons each blob of ``blobs`` holds pixels of (``numbers``: each pixel's polygon)."""
    pairs = np.unique(np.stack([blobs.ravel(), numbers.ravel()]), axis=1)
    pairs = pairs[:, (pairs[0] > 0) & (pairs[1] > 0)]
    return np.bincount(pairs[0])[1:]


def test_walls_keep_every_touching_osm_building_its_own_blob():
    wkbs, bounds, width, height = _osm_over(AOI_A)
    assert len(wkbs) < 255
    numbers = masks.rasterize([(wkb, i + 1) for i, wkb in enumerate(wkbs)], bounds, width, height, export.MERCATOR_WKT)
    union = masks.rasterize(wkbs, bounds, width, height, export.MERCATOR_WKT)
    walled = masks.rasterize(wkbs, bounds, width, height, export.MERCATOR_WKT, walls=True)
    merged = _polygons_per_blob(instances.label_components(union == masks.BUILDING)[0], numbers)
    apart = _polygons_per_blob(instances.label_components(walled == masks.BUILDING)[0], numbers)
    # The dense block has neighbours sharing walls: the union merges them, the walls keep them apart.
    assert (merged > 1).sum() >= 3
    assert (apart > 1).sum() == 0 and len(apart) >= len(np.unique(numbers[numbers > 0]))
    # A wall is one pixel on one side of the shared edge: the buildings lose almost nothing.
    lost = np.count_nonzero(union == masks.BUILDING) - np.count_nonzero(walled == masks.BUILDING)
    assert 0 < lost < 0.002 * np.count_nonzero(union == masks.BUILDING)
    assert ((walled == masks.BUILDING) <= (union == masks.BUILDING)).all()


def test_walls_leave_review_classes_and_separate_buildings_alone():
    from osgeo import ogr

    def square(x0, x1):
        return bytes(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} 0,{x1} 0,{x1} 10,{x0} 10,{x0} 0))").ExportToWkb())

    srs = export.MERCATOR_WKT
    apart = masks.rasterize([square(0, 4), square(6, 10)], (0, 0, 10, 10), 10, 10, srs, walls=True)
    assert (apart == masks.rasterize([square(0, 4), square(6, 10)], (0, 0, 10, 10), 10, 10, srs)).all()
    touching = masks.rasterize([square(0, 5), square(5, 10)], (0, 0, 10, 10), 10, 10, srs, walls=True)
    assert (touching[:, 4] == masks.BACKGROUND).all() and (touching[:, [3, 5]] == masks.BUILDING).all()
    # An ignored ring touching a building draws no wall (only building against building does).
    ring = masks.rasterize([(square(0, 5), masks.IGNORE), (square(5, 10), masks.BUILDING)], (0, 0, 10, 10), 10, 10, srs,
                           walls=True, fill=masks.IGNORE)
    assert (ring[:, :5] == masks.IGNORE).all() and (ring[:, 5:] == masks.BUILDING).all()


def test_contact_pixels_are_the_gaps_between_close_buildings():
    needs_torch()
    from e84_segment.backends.local import train

    mask = np.zeros((1, 12, 30), np.uint8)
    mask[0, 2:10, 2:8] = 1
    mask[0, 2:10, 10:16] = 1  # 2 px from the first: a gap
    mask[0, 2:10, 26:29] = 1  # 10 px from the second: no gap
    mask[0, 0, :] = masks.IGNORE
    target = train.contact_targets(mask)
    assert (target[0, 2:10, 8:10] == train.CONTACT).all()
    assert (target == train.CONTACT).sum() == 16
    assert ((target == 1) == (mask == 1)).all() and ((target == masks.IGNORE) == (mask == masks.IGNORE)).all()


def test_contact_weight_makes_a_bridge_between_roofs_cost_more():
    needs_torch()
    import torch

    from e84_segment.backends.local import train

    target = torch.zeros((1, 8, 8), dtype=torch.int64)
    target[0, :, :3], target[0, :, 5:] = 1, 1
    target[0, :, 3:5] = train.CONTACT
    bridged = torch.zeros((1, 2, 8, 8))
    bridged[:, 1] = 2.0  # building everywhere: the gap bridged
    plain = train.loss_fn(bridged, target.masked_fill(target == train.CONTACT, 0))
    assert float(train.loss_fn(bridged, target)) == pytest.approx(float(plain))
    assert float(train.loss_fn(bridged, target, contact_weight=5.0)) > float(plain) + 0.1


def test_swa_keeps_the_averaged_weights_and_writes_the_other_choices(kampala_dataset, tmp_path):
    needs_torch()
    import torch

    from e84_segment.backends.local import modelfile, train

    lines = []
    result = train.train(kampala_dataset, tmp_path / "swa.pt", train.TrainOptions(epochs=4, seed=3, keep="swa", contact_weight=5.0),
                         report=lines.append, also_save={"best": tmp_path / "best.pt", "last": tmp_path / "last.pt"})
    best = result.meta["best"]
    assert best["selection"] == "swa" and best["averaged_epochs"] == 2  # epochs 3 and 4: the last quarter
    assert any(line.startswith("Weights averaged over the last 2 epochs (SWA)") for line in lines)
    swa, meta = modelfile.load(tmp_path / "swa.pt")
    last, last_meta = modelfile.load(tmp_path / "last.pt")
    assert last_meta["best"]["epoch"] == 4 and [h["epoch"] for h in meta["history"]] == [1, 2, 3, 4]
    assert modelfile.load(tmp_path / "best.pt")[1]["best"]["building_iou"] == max(h["building_iou"] for h in meta["history"])
    swa_state, last_state = swa.state_dict(), last.state_dict()
    weights = [k for k, v in swa_state.items() if v.dtype.is_floating_point and "running" not in k]
    assert any(not torch.equal(swa_state[k], last_state[k]) for k in weights)
    # Batch-norm statistics were measured again for the averaged weights, not averaged.
    assert any(not torch.equal(swa_state[k], last_state[k]) for k in swa_state if k.endswith("running_mean"))
    with pytest.raises(ValueError, match="keep must be one of"):
        train.train(kampala_dataset, tmp_path / "x.pt", train.TrainOptions(epochs=1, keep="luckiest"))


def test_validation_runs_on_a_schedule_and_after_the_last_epoch(kampala_dataset, tmp_path, monkeypatch):
    needs_torch()
    import types

    from e84_segment.backends.local import train

    # A clock that moves one second each time training reads it: the schedule, not this machine's speed.
    ticks = iter(range(10 ** 6))
    monkeypatch.setattr(train, "time", types.SimpleNamespace(perf_counter=lambda: float(next(ticks))))
    monkeypatch.setattr(train, "VALIDATE_EVERY_FRACTION", 0.4)
    result = train.train(kampala_dataset, tmp_path / "m.pt", train.TrainOptions(time_limit_min=1.0, seed=1), report=lambda line: None)
    history = result.meta["history"]
    epochs = history[-1]["epoch"]
    # At 40 % and 80 % of the time, then after the last epoch (unless the second was the last).
    assert epochs >= 5 and 2 <= len(history) <= 3
    assert [h["minutes"] for h in history[:2]] == sorted(h["minutes"] for h in history[:2]) and history[0]["minutes"] >= 0.4
    assert all(h["train_loss"] > 0 for h in history)


def test_trainlocal_keeps_what_keep_says(provider, kampala_dataset, tmp_path):
    needs_torch()
    import processing

    from e84_segment.backends.local import modelfile, train
    from e84_segment.processing import train_local

    assert train_local.DEFAULT_KEEP == train.TrainOptions().keep
    feedback = Recorder()
    processing.run("e84segment:trainlocal", {"DATASET": str(kampala_dataset), "EPOCHS": 2, "KEEP": 2, "ENCODER": 1,
                                             "OUTPUT": str(tmp_path / "m.pt")}, feedback=feedback)
    assert modelfile.load(tmp_path / "m.pt")[1]["best"]["selection"] == "swa"
    assert any("Model kept (weights averaged, SWA)" in line for line in feedback.lines)


def test_the_fastest_engine_predicts_what_pytorch_predicts(provider, trained, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    from e84_segment.backends.local import engine

    from .test_sagemaker_aws import _predict_endpoint_parameters

    import processing

    monkeypatch.setattr(engine.tempfile, "gettempdir", lambda: str(tmp_path / "cache"))
    runs = {}
    for name, choice in (("auto", 0), ("pytorch", 1)):
        feedback = Recorder()
        runs[name] = processing.run("e84segment:predictlocal", {**_predict_endpoint_parameters(tmp_path / name), "MODEL": str(trained[0]),
                                                                 "ENGINE": choice}, feedback=feedback)
        runs[name]["log"] = feedback.lines
    assert any(line.startswith("Engine: onnxruntime") for line in runs["auto"]["log"])
    assert any(line.startswith("Engine: PyTorch") for line in runs["pytorch"]["log"])
    assert len(list((tmp_path / "cache" / "e84_segment-onnx").glob("*.onnx"))) == 1
    a, b = (gdal.Open(runs[n]["OUTPUT_PROBABILITY"]).ReadAsArray().astype(float) for n in ("auto", "pytorch"))
    assert a.shape == b.shape and np.abs(a - b).max() <= 1  # probabilities stored 0-255: within a step
    classes = [gdal.Open(runs[n]["OUTPUT_CLASSES"]).ReadAsArray() for n in ("auto", "pytorch")]
    assert (classes[0] == classes[1]).mean() >= 0.999
    # The cache is reused: a second prediction exports nothing new.
    feedback = Recorder()
    processing.run("e84segment:predictlocal", {**_predict_endpoint_parameters(tmp_path / "again"), "MODEL": str(trained[0])}, feedback=feedback)
    assert len(list((tmp_path / "cache" / "e84_segment-onnx").glob("*"))) == 1


def test_dataclass_defaults_match_the_model_choices():
    needs_torch()
    from e84_segment.backends.local import train

    options = train.TrainOptions()
    assert options.keep in train.KEEP_CHOICES and options.mixed_precision
    assert dataclasses.replace(options, keep="last").keep == "last"


@pytest.mark.parametrize("encoder", ["efficientnet-lite1", "efficientnet-lite2"])
def test_deeper_encoders_build_from_their_imagenet_weights_and_load_back(tmp_path, encoder):
    """Capacity candidates: the same U-Net on lite1 or lite2, the encoder recorded so the file loads as it was."""
    needs_torch()
    import torch

    from e84_segment.backends.local import model as network, modelfile

    pytest.importorskip(network.weights_module(encoder), reason=f"{network.ENCODERS[encoder].weights} is not installed")
    net = network.SegmentationNet(2, "imagenet", encoder).eval()
    shipped = torch.load(network.imagenet_weights(encoder), weights_only=True)
    key = "_blocks.3._project_conv.weight"
    assert torch.equal(net.encoder.state_dict()[key], shipped[key])  # pretrained, not random
    with torch.no_grad():
        out = net(torch.zeros(1, 3, 256, 256))
    assert out.shape == (1, 2, 256, 256)
    modelfile.save(tmp_path / "m.pt", net, {"zoom": 20, "tile_size": 256, "classes": ["background", "building"], "encoder": encoder})
    loaded, meta = modelfile.load(tmp_path / "m.pt")
    assert meta["encoder"] == encoder and len(loaded.encoder._blocks) == 21
    modelfile.save(tmp_path / "odd.pt", net, {"zoom": 20, "tile_size": 256, "classes": ["background", "building"],
                                              "encoder": "efficientnet-lite9"})
    with pytest.raises(modelfile.ModelFileError, match="another version of this plugin"):
        modelfile.load(tmp_path / "odd.pt")
