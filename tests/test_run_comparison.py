"""Training runs compared against a baseline in the Runs tab: real local runs trained and checked in
the dock, then the settings that differ, the scores and the epoch curves side by side."""
import json

from e84_segment.core import run_comparison, runs

from .conftest import needs_torch
from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)


def _select(dock, records):
    folders = {r["folder"] for r in records}
    dock.runsList.clearSelection()
    for index in range(dock.runsList.count()):
        item = dock.runsList.item(index)
        if item.data(0x0100) in folders:  # Qt.UserRole: the run's folder
            item.setSelected(True)
            dock.runsList.setCurrentItem(item)


def test_runs_are_compared_with_a_baseline_in_the_runs_tab(dock, tmp_path, kampala_dataset):  # noqa: F811
    needs_torch()
    imagery = dock.use("aoiA_dense_z20.tif", 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.datasetWidget.setFilePath(str(kampala_dataset))
    dock.timeLimitSpin.setValue(0.1)
    dock.trainButton.click()
    run_to_end(dock)
    dock.checkModelButton.click()  # the baseline's model, on a block (scored where it never looked, in the field)
    run_to_end(dock)
    dock.encoderCombo.setCurrentIndex(1)  # the same network from random weights
    dock.trainButton.click()
    run_to_end(dock)
    trained = sorted((json.loads(p.read_text()) for p in tmp_path.glob("train-*/run.json")), key=lambda r: r["started"])
    assert len(trained) == 2 and all(r["metrics"]["history"] and r["outputs"]["model"] for r in trained)

    dock.compareRunsButton.click()
    assert "Set a baseline" in dock.baselineLabel.text()
    _select(dock, trained[:1])
    dock.baselineButton.click()
    assert dock.baselineLabel.text().startswith("Baseline: Model:")
    _select(dock, trained)  # the baseline among the selection is not compared with itself
    dock.compareRunsButton.click()
    dialog = dock.comparison_dialog
    table = dialog.table
    assert table.columnCount() == 2 and table.horizontalHeaderItem(0).text().endswith("(baseline)")
    rows = {table.verticalHeaderItem(i).text(): [table.item(i, c).text() for c in range(2)] for i in range(table.rowCount())}
    assert rows["ENCODER"] == ["0", "1"] and table.item(list(rows).index("ENCODER"), 0).font().bold()
    base_iou = max(e["building_iou"] for e in trained[0]["metrics"]["history"])
    other_iou = max(e["building_iou"] for e in trained[1]["metrics"]["history"])
    assert rows["best validation building IoU"] == [f"{base_iou:.3f}", f"{other_iou:.3f} ({other_iou - base_iou:+.3f})"]
    check = json.loads(next(tmp_path.glob("evaluate-*/run.json")).read_text())
    assert rows["object F1 on an area it never saw"] == [f"{check['metrics']['f1']:.3f}", "-"]
    curves = dialog.plot.curves
    assert [sorted(c["building_iou"]) for c in curves] == [[e["epoch"] for e in r["metrics"]["history"]] for r in trained]
    assert dialog.plot.epochs()[0] == 1
    dialog.plot.grab()  # paints without error
    dialog.close()


def test_sagemaker_log_histories_read_like_model_file_histories():
    builtin = run_comparison.history_from_log({"0": {"validation:mIOU": 0.41}, "1": {"validation:mIOU": 0.52}})
    assert builtin == [{"miou": 0.41, "epoch": 1}, {"miou": 0.52, "epoch": 2}]
    plugin = run_comparison.history_from_log({"1": {"validation:building_iou": 0.3, "train:loss": 1.2}})
    assert plugin == [{"building_iou": 0.3, "train_loss": 1.2, "epoch": 1}]
    record = runs.RunRecord("train", "t", "/nowhere", backend="sagemaker", metrics={"history": builtin})
    figures = run_comparison.figures(record)
    assert figures["best miou"] == 0.52 and figures["final miou"] == 0.52 and figures["epochs"] == 2.0
