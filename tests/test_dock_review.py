"""The review loop in the dock: next to review (least confident first, zoomed to), accept and reject (saved at once),
edits and new buildings marked while the layer is edited, then the model improved from the decisions."""
import json

from qgis.core import QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from e84_segment.core import review
from e84_segment.processing import styles

from .conftest import buildings_in_3857
from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)
from .test_review import Z20_A, area_a, footprint_layer  # noqa: F401 (fixture)


def saved_decisions(path) -> dict:
    """The review field as written to the file (a fresh layer: nothing of the edit buffer)."""
    layer = QgsVectorLayer(str(path), "saved", "ogr")
    return {f.id(): f[review.FIELD] for f in layer.getFeatures()}


def test_review_then_improve_the_model(dock, tmp_path, trained, area_a):  # noqa: F811
    dock.use(Z20_A.name, 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    _, inside = area_a
    path = tmp_path / "footprints.gpkg"
    footprint_layer(path, [(g, None) for g in inside[:8]])
    layer = QgsVectorLayer(str(path), "Footprints", "ogr")
    # Confidence falling with the fid: the last footprints are the least confident.
    layer.dataProvider().changeAttributeValues({f.id(): {layer.fields().lookupField("confidence"): 0.9 - f.id() / 100}
                                                for f in layer.getFeatures()})
    layer.dataProvider().deleteAttributes([layer.fields().lookupField(review.FIELD)])  # as polygonize writes it
    layer.updateFields()
    styles.mark_output(layer, 10)
    QgsProject.instance().addMapLayer(layer)
    dock.reviewLayerCombo.setLayer(layer)
    assert dock.reviewProgressLabel.text() == "8 to review"

    dock.acceptButton.click()  # nothing selected: refused, nothing written
    assert "Select the footprints to mark accepted" in dock.statusLabel.text()
    assert layer.fields().lookupField(review.FIELD) < 0

    dock.nextReviewButton.click()
    assert layer.selectedFeatureIds() == [8]  # the least confident
    canvas = dock.iface.mapCanvas()
    centre = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()).transform(
        layer.getFeature(8).geometry().centroid().asPoint())
    assert canvas.extent().contains(centre) and "confidence 0.82" in dock.statusLabel.text()

    dock.acceptButton.click()  # saved at once, then on to the next one
    assert saved_decisions(path)[8] == review.ACCEPTED and layer.selectedFeatureIds() == [7]
    dock.rejectButton.click()
    assert saved_decisions(path)[7] == review.REJECTED and layer.selectedFeatureIds() == [6]
    assert layer.renderer().type() == "categorizedSymbol"  # decided footprints read apart from the rest
    assert not layer.isEditable()  # the layer is left as it was found

    # QGIS's own editing tools: a redrawn outline is 'edited', a building drawn by hand 'added'.
    layer.startEditing()
    layer.changeGeometry(5, layer.getFeature(5).geometry().buffer(0.5, 4))
    added = QgsFeature(layer.fields())
    added.setGeometry(QgsGeometry.fromWkt(buildings_in_3857()[0].ExportToWkt()))
    layer.addFeature(added)
    assert dock.reviewProgressLabel.text().startswith("1 accepted, 1 edited, 1 added, 1 rejected"), dock.reviewProgressLabel.text()
    dock.modelWidget.setFilePath(str(trained[0]))
    dock.improveButton.click()  # unsaved edits would not be what the task reads
    assert "Save the edits of 'Footprints' first" in dock.statusLabel.text() and dock.run is None
    assert layer.commitChanges()
    assert sorted(v for v in saved_decisions(path).values() if v) == ["accepted", "added", "edited", "rejected"]

    dock.modelWidget.setFilePath("")
    dock.improveButton.click()
    assert "Choose the model that predicted the footprints" in dock.statusLabel.text() and dock.run is None
    dock.modelWidget.setFilePath(str(trained[0]))
    dock.reviewMinutesSpin.setValue(0.1)
    dock.improveButton.click()
    run_to_end(dock)
    text = dock.statusLabel.text()
    assert "fine-tuned from kampala.pt on 1 accepted, 1 edited, 1 added, 1 rejected, 5 to review" in text, text
    record = next(json.loads(p.read_text()) for p in tmp_path.glob("train-*/run.json"))
    assert record["status"] == "completed" and record["metrics"]["review"]["rejected"] == 1
    assert dock.modelWidget.filePath() == record["outputs"]["model"] and record["outputs"]["model"].endswith("model.pt")
    assert "fine-tuned on 1 accepted" in dock.runsList.item(0).text()


def test_cancelling_an_improvement_keeps_the_model_predictions_use(dock, tmp_path, trained, area_a):  # noqa: F811
    """ux-walk H8: cancelled after 6 epochs, the half-trained model became the Predict tab's model."""
    from pytest_qgis.utils import wait_until

    dock.use(Z20_A.name, 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    _, inside = area_a
    path = tmp_path / "footprints.gpkg"
    footprint_layer(path, [(g, review.ACCEPTED) for g in inside[:6]])
    layer = QgsVectorLayer(str(path), "Footprints", "ogr")
    styles.mark_output(layer, 10)
    QgsProject.instance().addMapLayer(layer)
    dock.reviewLayerCombo.setLayer(layer)
    dock.modelWidget.setFilePath(str(trained[0]))
    dock.reviewMinutesSpin.setValue(1.0)
    dock.improveButton.click()
    wait_until(lambda: dock.run is not None and len(dock.plot.iou) >= 1, timeout_milliseconds=120_000)
    dock.cancelButton.click()
    run_to_end(dock)
    assert dock.modelWidget.filePath() == str(trained[0])
    assert "holds the improvement so far; predictions still use" in dock.statusLabel.text(), dock.statusLabel.text()
    record = next(json.loads(p.read_text()) for p in tmp_path.glob("train-*/run.json"))
    assert record["status"] == "cancelled" and record["outputs"]["model"].endswith("model.pt")
