"""trainlocal BASE_MODEL: the field loop continues from an existing model, records where it came from,
and refuses a base it cannot continue from, with a clear message."""
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

torch = pytest.importorskip("torch")

from e84_segment.backends.local import finetune, modelfile  # noqa: E402
from e84_segment.backends.local.model import SegmentationNet  # noqa: E402


class Lines(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)


def train(dataset, output, **parameters):
    import processing

    feedback = Lines()
    result = processing.run("e84segment:trainlocal", {"DATASET": str(dataset), "OUTPUT": str(output), **parameters},
                            feedback=feedback)
    return result, feedback.lines


def test_fine_tuning_records_its_lineage(provider, kampala_dataset, trained, tmp_path):
    base = trained[0]
    result, lines = train(kampala_dataset, tmp_path / "tuned.pt", BASE_MODEL=str(base), EPOCHS=1)
    _, meta = modelfile.load(tmp_path / "tuned.pt")
    lineage = meta["lineage"]
    assert lineage["base_fingerprint"] == finetune.file_fingerprint(base) == result["BASE_FINGERPRINT"]
    assert lineage["base_model"] == str(base) and lineage["base_metrics"]["epoch"] == trained[1].meta["best"]["epoch"]
    assert lineage["base_dataset"] == trained[1].meta["dataset"]["fingerprint"]
    assert meta["initialisation"] == "fine-tuned"
    # Fine-tuning defaults: a short time at a lower rate, unless the analyst gives them.
    assert meta["options"]["learning_rate"] == finetune.LEARNING_RATE and meta["options"]["time_limit_min"] == finetune.MINUTES
    assert any(line.startswith("Fine-tuning kampala.pt") for line in lines)
    # A model fine-tuned from a fine-tuned one keeps the whole chain.
    train(kampala_dataset, tmp_path / "again.pt", BASE_MODEL=str(tmp_path / "tuned.pt"), EPOCHS=1, LEARNING_RATE=0.0001)
    _, again = modelfile.load(tmp_path / "again.pt")
    assert again["lineage"]["base_lineage"]["base_fingerprint"] == lineage["base_fingerprint"]
    assert again["options"]["learning_rate"] == 0.0001


def test_without_a_base_the_defaults_are_the_full_training(provider, kampala_dataset, tmp_path):
    train(kampala_dataset, tmp_path / "m.pt", EPOCHS=1)
    _, meta = modelfile.load(tmp_path / "m.pt")
    assert "lineage" not in meta and meta["options"]["time_limit_min"] == 15.0 and meta["options"]["learning_rate"] == 0.001


@pytest.mark.filterwarnings("ignore:Detected pickle protocol:UserWarning")
def test_a_base_it_cannot_continue_from_is_refused(provider, kampala_dataset, tmp_path):
    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(b"\x80\x04 half a model")
    with pytest.raises(QgsProcessingException, match="not a readable e84 segment model: it looks like an old-style pickle"):
        train(kampala_dataset, tmp_path / "a.pt", BASE_MODEL=str(corrupt), EPOCHS=1)
    wide = tmp_path / "wide.pt"
    modelfile.save(wide, SegmentationNet(2, "scratch"), {"zoom": 20, "tile_size": 512, "classes": ["background", "building"]})
    with pytest.raises(QgsProcessingException, match="learned on 512 px tiles and this dataset has 256 px tiles"):
        train(kampala_dataset, tmp_path / "b.pt", BASE_MODEL=str(wide), EPOCHS=1)
    roads = tmp_path / "roads.pt"
    modelfile.save(roads, SegmentationNet(2, "scratch"), {"zoom": 20, "tile_size": 256, "classes": ["background", "road"]})
    with pytest.raises(QgsProcessingException, match=r"predicts the classes \['background', 'road'\]"):
        train(kampala_dataset, tmp_path / "c.pt", BASE_MODEL=str(roads), EPOCHS=1)
    assert not any(p.name in {"a.pt", "b.pt", "c.pt"} for p in tmp_path.iterdir())


def test_a_base_of_another_zoom_warns(provider, kampala_dataset, tmp_path):
    z21 = tmp_path / "z21.pt"
    modelfile.save(z21, SegmentationNet(2, "scratch"), {"zoom": 21, "tile_size": 256, "classes": ["background", "building"]})
    _, lines = train(kampala_dataset, tmp_path / "m.pt", BASE_MODEL=str(z21), EPOCHS=1)
    assert any("learned at zoom 21 and this dataset is zoom 20" in line for line in lines)
