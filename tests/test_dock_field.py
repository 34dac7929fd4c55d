"""The field loop in the dock: check a model on a block it never saw, and continue from a model."""
import json

from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)


def test_check_model_on_an_area(dock, tmp_path, trained):  # noqa: F811
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.checkModelButton.click()
    assert "Choose the model to check" in dock.statusLabel.text() and dock.run is None
    dock.modelWidget.setFilePath(str(trained[0]))
    assert dock.checkReferenceCombo.currentLayer() is dock.labelsCombo.currentLayer()
    dock.checkModelButton.click()
    run_to_end(dock)
    text = dock.statusLabel.text()
    assert text.startswith("On this area: object F1") and "pixel building IoU" in text, text
    assert "these scores flatter it" in text  # the test model learned on this very block
    (folder,) = tmp_path.iterdir()
    record = json.loads((folder / "run.json").read_text())
    assert record["kind"] == "evaluate" and record["status"] == "completed"
    assert {"f1", "building_iou", "tp", "fp", "fn", "training_overlap"} <= set(record["metrics"])
    assert dock.runsList.item(0).text().startswith("Check: kampala.pt on aoiA_dense_z20.tif")
    assert "object F1" in dock.runsList.item(0).text() and "building IoU" in dock.runsList.item(0).text()


def test_continue_from_a_model(dock, tmp_path, kampala_dataset, trained):  # noqa: F811
    from e84_segment.backends.local import finetune, modelfile

    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(kampala_dataset))
    assert dock.timeLimitSpin.value() == 15
    dock.baseModelWidget.setFilePath(str(trained[0]))
    assert dock.timeLimitSpin.value() == finetune.MINUTES  # fine-tuning needs minutes, not a quarter hour
    dock.timeLimitSpin.setValue(0.1)
    dock.trainButton.click()
    run_to_end(dock)
    assert "fine-tuned from kampala.pt" in dock.statusLabel.text(), dock.statusLabel.text()
    record = json.loads(next(tmp_path.glob("train-*/run.json")).read_text())
    assert record["metrics"]["base_fingerprint"] == finetune.file_fingerprint(trained[0])
    _, meta = modelfile.load(record["outputs"]["OUTPUT"] if "OUTPUT" in record["outputs"] else dock.modelWidget.filePath())
    assert meta["lineage"]["base_fingerprint"] == record["metrics"]["base_fingerprint"]
    dock.baseModelWidget.setFilePath(str(tmp_path / "gone.pt"))
    dock.trainButton.click()
    assert "'Continue from' names no file" in dock.statusLabel.text() and dock.run is None
