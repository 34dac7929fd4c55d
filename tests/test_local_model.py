"""The local backend on real data: model file, training (metrics, cancel, resume), prediction."""
import dataclasses
import json
import math

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException

from e84_segment.core import chips, mosaic, tiles

from .conftest import KAMPALA, NO_TORCH, Recorder, require

torch = pytest.importorskip("torch", reason=NO_TORCH)

from e84_segment.backends.local import modelfile, train  # noqa: E402 (after the skip: they import torch)
from e84_segment.backends.local.model import SegmentationNet  # noqa: E402

Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
Z21_B = KAMPALA / "geotiff" / "aoiB_west_z21.tif"


def test_model_file_round_trip_and_contents(trained, kampala_dataset):
    path, result = trained
    model, meta = modelfile.load(path)
    assert meta["zoom"] == 20 and meta["tile_size"] == 256 and meta["classes"] == ["background", "building"]
    assert meta["normalisation"]["mean"] == [0.485, 0.456, 0.406]
    assert meta["encoder"] == "efficientnet-lite0" and meta["initialisation"] == "imagenet"
    assert len(meta["history"]) == 3 and meta["best"] in meta["history"]
    for key in ("train_loss", "pixel_accuracy", "miou", "building_iou", "precision", "recall", "object_f1", "tp", "fp", "fn"):
        assert key in meta["history"][0]
    assert meta["options"]["average_decay"] == train.TrainOptions().average_decay
    counts = json.loads((kampala_dataset / "dataset.json").read_text())["counts"]
    assert meta["dataset"]["counts"] == counts and len(meta["dataset"]["fingerprint"]) == 16
    assert not train.checkpoint_path(path).exists()  # a finished run leaves no checkpoint
    x = torch.zeros(1, 3, 256, 256)
    assert model(x).shape == (1, 2, 256, 256)


def test_training_learns(trained):
    _, result = trained
    history = result.meta["history"]
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    assert result.meta["best"]["building_iou"] > 0.25  # 3 epochs, on a block it never saw


def test_foreign_and_damaged_model_files_are_refused(tmp_path, trained):
    text = tmp_path / "notes.pt"
    text.write_text("not a model")
    with pytest.raises(modelfile.ModelFileError, match="not a readable e84 segment model: it looks like a text file of only 11 bytes") as refused:
        modelfile.load(text)
    assert "pop from empty list" not in str(refused.value) and "model.pt that 'Train model locally' wrote" in str(refused.value)
    foreign = tmp_path / "imagenet.pth"
    torch.save({"conv.weight": torch.zeros(1)}, foreign)
    with pytest.raises(modelfile.ModelFileError, match="not an e84 segment model file"):
        modelfile.load(foreign)
    truncated = tmp_path / "truncated.pt"
    truncated.write_bytes(trained[0].read_bytes()[:100_000])
    with pytest.raises(modelfile.ModelFileError, match="a zip archive or a damaged PyTorch file of 0.1 MB"):
        modelfile.load(truncated)


def test_pickled_code_is_never_run(tmp_path):
    class Payload:
        def __reduce__(self):
            return (exec, ("raise SystemExit('pickle code ran')",))

    evil = tmp_path / "evil.pt"
    torch.save({"format": "e84_segment.model", "payload": Payload()}, evil)
    with pytest.raises(modelfile.ModelFileError):
        modelfile.load(evil)


def test_cancel_keeps_best_and_resume_continues(kampala_dataset, tmp_path):
    path = tmp_path / "m.pt"
    feedback = Recorder(cancel_after_epochs=1)
    options = train.TrainOptions(epochs=3, seed=2, average_decay=0.998, keep="best")
    first = train.train(kampala_dataset, path, options, report=feedback.pushInfo, cancelled=feedback.isCanceled)
    assert first.cancelled and path.is_file() and train.checkpoint_path(path).is_file()
    saved = modelfile.read(train.checkpoint_path(path))
    assert saved["progress"]["average_steps"] > 0 and saved["average"].keys() == saved["state_dict"].keys()
    assert len(modelfile.load(path)[1]["history"]) == 1
    lines = []
    second = train.train(kampala_dataset, path, dataclasses.replace(options, resume=True), report=lines.append,
                         also_save={"last": tmp_path / "last.pt"})
    assert modelfile.load(tmp_path / "last.pt")[1]["best"]["epoch"] == 3  # the weights as they ended
    assert not second.cancelled and "Resuming after epoch 1" in lines[0]
    assert [h["epoch"] for h in second.meta["history"]] == [1, 2, 3]
    assert not train.checkpoint_path(path).exists()


def test_trainlocal_algorithm_reports_every_epoch(build, kampala_dataset, tmp_path):
    import processing

    feedback = Recorder()
    result = processing.run(
        "e84segment:trainlocal",
        {"DATASET": str(kampala_dataset), "EPOCHS": 1, "ENCODER": 1, "OUTPUT": str(tmp_path / "scratch.pt")},
        feedback=feedback,
    )
    assert 0 <= result["BUILDING_IOU"] <= 1 and 0 <= result["OBJECT_F1"] <= 1
    epoch_lines = [line for line in feedback.lines if line.startswith("epoch 1")]
    assert epoch_lines and all(k in epoch_lines[0] for k in ("train loss", "pixel accuracy", "mIoU", "building IoU", "precision",
                                                             "recall", "object F1"))
    assert any(line.startswith("Model kept (the last): epoch 1") and "object F1" in line for line in feedback.lines)
    assert modelfile.load(tmp_path / "scratch.pt")[1]["initialisation"] == "scratch"


def test_trainlocal_refuses_a_folder_that_is_not_a_dataset(build, tmp_path):
    import processing

    (tmp_path / "photos").mkdir()
    with pytest.raises(QgsProcessingException, match="not a training dataset of e84 segment"):
        processing.run("e84segment:trainlocal", {"DATASET": str(tmp_path / "photos"), "OUTPUT": str(tmp_path / "m.pt")})
    assert not (tmp_path / "m.pt").exists()


def tiles_of(path, zoom):
    ds = gdal.Open(path)
    gt = ds.GetGeoTransform()
    return ds, tiles.tiles_in_box((gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3]), zoom)


class BrightnessModel:
    """A pixel-local stand-in for the network: any windowing or blending error shows in its output."""

    meta = {"zoom": 21, "tile_size": 256}

    def probabilities(self, batch):
        return batch.astype(np.float32).mean(axis=3) / 255.0


def test_streamed_blended_prediction_equals_whole_image_computation(tmp_path):
    path = str(require(Z21_B))
    ds, aoi_tiles = tiles_of(path, 21)
    gt = ds.GetGeoTransform()
    assert len(aoi_tiles) == 64  # 8 x 8 tiles: 4 x 4 windows of 2 x 2 tiles, four strips
    reader = chips.GdalChipReader(path, 256)
    stats = mosaic.predict_area(BrightnessModel(), reader.read, aoi_tiles, 256, 32, tmp_path / "c.tif", tmp_path / "p.tif")
    assert stats.windows == 16
    probability = gdal.Open(str(tmp_path / "p.tif"))
    assert probability.GetGeoTransform() == pytest.approx(gt)
    rgb = np.dstack([ds.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3)]).astype(np.float32)
    expected = np.rint(rgb.mean(axis=2))
    got = probability.ReadAsArray().astype(np.float32)
    assert np.abs(got - expected).max() <= 1  # float rounding only: no seams, no offsets
    classes = gdal.Open(str(tmp_path / "c.tif")).ReadAsArray()
    np.testing.assert_array_equal(classes, (rgb.mean(axis=2) / 255.0 >= 0.5).astype(np.uint8))


def test_ragged_area_streams_with_nodata_outside_the_tiles(tmp_path):
    path = str(require(Z21_B))
    ds, every = tiles_of(path, 21)
    x0, y0 = min(t[0] for t in every), min(t[1] for t in every)
    # 6 x 5 tiles (windows overhang the area) without the top-left tile (an AOI polygon's notch).
    chosen = [t for t in every if t[0] - x0 < 6 and t[1] - y0 < 5 and (t[0], t[1]) != (x0, y0)]
    reader = chips.GdalChipReader(path, 256)
    mosaic.predict_area(BrightnessModel(), reader.read, chosen, 256, 32, tmp_path / "c.tif", tmp_path / "p.tif")
    classes = gdal.Open(str(tmp_path / "c.tif"))
    assert (classes.RasterXSize, classes.RasterYSize) == (6 * 256, 5 * 256)
    values = classes.ReadAsArray()
    assert (values[:256, :256] == 255).all() and (values[256:, :] != 255).all()
    rgb = np.dstack([ds.GetRasterBand(b).ReadAsArray(0, 0, 6 * 256, 5 * 256) for b in (1, 2, 3)]).astype(np.float32)
    got = gdal.Open(str(tmp_path / "p.tif")).ReadAsArray().astype(np.float32)
    assert np.abs(got - np.rint(rgb.mean(axis=2)))[256:].max() <= 1


def test_taper_weights_sum_to_one_across_a_seam():
    size, overlap = 96, 16
    weights = mosaic.taper(size, overlap)
    w = weights[size // 2]  # a row through the middle: the 1-D ramp
    block = size - 2 * overlap
    # Two windows one block apart share 2 x overlap pixels; there their weights add up to one.
    assert np.allclose(w[block:] + w[: 2 * overlap], 1.0) and math.isclose(w[size // 2], 1.0)
    assert weights.min() > 0


def test_prediction_cancel_leaves_no_raster(tmp_path):
    path = str(require(Z21_B))
    reader = chips.GdalChipReader(path, 256)
    _, aoi_tiles = tiles_of(path, 21)
    calls = []
    stats = mosaic.predict_area(
        BrightnessModel(), reader.read, aoi_tiles, 256, 32, tmp_path / "c.tif", tmp_path / "p.tif",
        batch_size=1, cancelled=lambda: len(calls) > 1 or calls.append(1) is not None and False,
    )
    assert stats.cancelled
    assert list(tmp_path.iterdir()) == []


def test_predictlocal_algorithm_styles_and_warns_about_zoom(build, trained, tmp_path):
    import processing

    feedback = Recorder()
    warnings = []
    feedback.pushWarning = warnings.append
    result = processing.run(
        "e84segment:predictlocal",
        {
            "IMAGERY": str(require(Z20_A)), "MODEL": str(trained[0]), "ZOOM": 21, "OVERLAP": 20,
            "OUTPUT_CLASSES": str(tmp_path / "classes.tif"), "OUTPUT_PROBABILITY": str(tmp_path / "probability.tif"),
        },
        feedback=feedback,
    )
    assert any("trained at zoom 20" in w for w in warnings)
    assert any("OVERLAP rounded up to 32" in line for line in feedback.lines)
    classes = gdal.Open(result["OUTPUT_CLASSES"])
    assert classes.GetRasterBand(1).GetNoDataValue() == 255 and classes.RasterXSize == 4 * 256
    assert set(np.unique(classes.ReadAsArray())) <= {0, 1, 255}
    assert classes.GetMetadataItem("E84_SEGMENT_MODEL") == "kampala.pt"


@pytest.mark.filterwarnings("ignore:Detected pickle protocol:UserWarning")  # torch on the corrupt bytes
def test_predictlocal_refuses_a_corrupt_model(build, tmp_path):
    import processing

    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"\x80\x04corrupt")
    with pytest.raises(QgsProcessingException, match="not a readable e84 segment model: it looks like an old-style pickle"):
        processing.run(
            "e84segment:predictlocal",
            {"IMAGERY": str(require(Z20_A)), "MODEL": str(bad), "OUTPUT_CLASSES": str(tmp_path / "c.tif"),
             "OUTPUT_PROBABILITY": str(tmp_path / "p.tif")},
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.pt"]


def test_untrained_network_shapes():
    net = SegmentationNet(2, "scratch").eval()
    with torch.inference_mode():
        assert net(torch.zeros(2, 3, 320, 320)).shape == (2, 2, 320, 320)


def test_prediction_loads_styled_through_the_gui_runner(trained, provider, qgis_new_project, tmp_path):
    from pytest_qgis.utils import wait_until
    from qgis.core import QgsPalettedRasterRenderer, QgsProject, QgsSingleBandPseudoColorRenderer

    from e84_segment.gui.runner import AlgorithmRun

    finished = []
    run = AlgorithmRun(
        "e84segment:predictlocal",
        {"IMAGERY": str(require(Z20_A)), "MODEL": str(trained[0]), "OUTPUT_CLASSES": str(tmp_path / "c.tif"),
         "OUTPUT_PROBABILITY": str(tmp_path / "p.tif")},
    )
    run.finished.connect(lambda ok, results, log: finished.append(ok))
    run.start()
    wait_until(lambda: finished, timeout_milliseconds=120_000)
    assert finished == [True]
    project = QgsProject.instance()
    classes = project.mapLayersByName("Predicted buildings")
    probability = project.mapLayersByName("Building probability")
    assert len(classes) == 1 and isinstance(classes[0].renderer(), QgsPalettedRasterRenderer)
    assert [c.label for c in classes[0].renderer().classes()] == ["background", "building"]
    assert len(probability) == 1 and isinstance(probability[0].renderer(), QgsSingleBandPseudoColorRenderer)


def test_test_time_augmentation_averages_the_flips(trained):
    from e84_segment.backends.local import predict

    rng = np.random.default_rng(0)
    batch = rng.integers(0, 255, (2, 64, 64, 3), dtype=np.uint8)
    plain, tta = predict.Predictor(trained[0]), predict.Predictor(trained[0], tta=True)
    flipped = [
        plain.probabilities(batch),
        plain.probabilities(np.ascontiguousarray(batch[:, :, ::-1]))[:, :, ::-1],
        plain.probabilities(np.ascontiguousarray(batch[:, ::-1]))[:, ::-1],
        plain.probabilities(np.ascontiguousarray(batch[:, ::-1, ::-1]))[:, ::-1, ::-1],
    ]
    assert np.allclose(tta.probabilities(batch), np.mean(flipped, axis=0), atol=1e-5)
    assert not np.allclose(flipped[0], flipped[1], atol=1e-3)  # the flips do differ: the average is no no-op


def test_weight_average_follows_the_weights_slowly():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2))
    averaged = train.WeightAverage(model, decay=0.9)
    start = averaged.model[0].weight.detach().clone()
    for _ in range(100):
        averaged.update()  # the weights have not moved: the average stays where they are
    assert torch.allclose(averaged.model[0].weight, start)
    with torch.no_grad():
        model[0].weight.add_(1.0)
    model.train()
    model(torch.randn(8, 2))  # moves the batch-norm statistics and counter
    averaged.update()
    moved = averaged.model[0].weight - start
    assert torch.allclose(moved, torch.full_like(moved, 0.1), atol=1e-6)  # one step of 1 - 0.9
    assert averaged.model[1].num_batches_tracked == model[1].num_batches_tracked
    assert train.WeightAverage(model, decay=0).model is model  # 0: no average, the weights themselves


def test_ignore_band_hides_only_the_pixels_along_outlines():
    masks = np.zeros((2, 12, 12), np.uint8)
    masks[0, 4:8, 4:8] = 1
    masks[0, :, 11] = 255  # no imagery: no outline against it
    masks[1, 2:10, 2:10] = 1
    banded = train.ignore_edges(masks, 2)
    assert banded is not masks and (masks[0, 4:8, 4:8] == 1).all()  # the input is left as it was
    # Two pixels either side of each outline go; the rest keeps its label.
    assert (banded[0, 2:10, 4:8] == 255).all() and (banded[0, 4:8, 2:10] == 255).all()
    assert banded[0, 0, 0] == 0 and banded[0, 1, 5] == 0 and (banded[0, :, 10] == 0).all()
    assert (banded[1, 4:8, 4:8] == 1).all() and (banded[1, 0:2, 4] == 255).all() and banded[1, 4, 4] == 1
    assert (train.ignore_edges(masks, 0) == masks).all()
    # Neighbours 3 px apart: the gap between them keeps its label, the band goes round the rest.
    pair = np.zeros((1, 12, 16), np.uint8)
    pair[0, 3:9, 2:7] = 1
    pair[0, 3:9, 10:15] = 1
    kept = train.ignore_edges(pair, 2)
    assert (kept[0, 3:9, 7:10] == 0).all() and (kept[0, 3:9, 5:7] == 255).all() and (kept[0, 3:9, 0:2] == 255).all()


def test_the_ignore_band_is_drawn_once_per_training_chip(kampala_dataset):
    from e84_segment.backends.local import data

    plain = data.ChipSet(kampala_dataset, "train")
    banded = data.ChipSet(kampala_dataset, "train", target=lambda mask: train.ignore_edges(mask[None], 2)[0])
    index = max(range(len(plain)), key=lambda i: (plain.pair(i)[1] == 1).sum())
    before, after = plain.pair(index)[1], banded.pair(index)[1]
    assert (after == 255).sum() > (before == 255).sum() and ((after == before) | (after == 255)).all()
    assert banded.pair(index)[1] is after  # kept with the decoded chip, not drawn again each epoch
