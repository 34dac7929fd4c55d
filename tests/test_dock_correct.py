"""The tile-first correction loop in the dock: suggest tiles, correct one with real edits (delete, reshape, add),
Tile done, the next tile, improve the model from the corrected tiles, suggest again (corrected ones left out) and
predict again (the corrected tiles keep the analyst's outlines)."""
import json
from pathlib import Path

from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer

from e84_segment.core import review, tiles
from e84_segment.processing import styles

from .conftest import buildings_in_3857
from .test_dock_review import saved_decisions
from .test_plugin import dock, run_to_end  # noqa: F401 (fixture)
from .test_review import Z20_A, area_a, footprint_layer  # noqa: F401 (fixture)


def tile_rect(tile) -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(*tiles.mercator_bounds(tile)))


def in_tile(layer, tile) -> list:
    box = tile_rect(tile)
    return [f for f in layer.getFeatures() if f.geometry().intersects(box) and not f.geometry().touches(box)]


def suggested_tiles(dock) -> list:
    layer = dock.suggested_layer()
    return [(f["x"], f["y"], f["z"]) for f in sorted(layer.getFeatures(), key=lambda f: f["rank"])]


def test_correct_tiles_then_improve_and_predict_again(dock, tmp_path, trained, area_a):  # noqa: F811
    imagery = dock.use(Z20_A.name, 20)
    dock.aoiGroup.setOutputExtentFromLayer(imagery)
    dock.outputWidget.setFilePath(str(tmp_path))
    dock.modelWidget.setFilePath(str(trained[0]))
    _, inside = area_a
    path = tmp_path / "footprints.gpkg"
    footprint_layer(path, [(g, None) for g in inside[:20]])
    layer = QgsVectorLayer(str(path), "Footprints", "ogr")
    layer.dataProvider().deleteAttributes([layer.fields().lookupField(review.FIELD)])  # as polygonize writes it
    layer.updateFields()
    styles.mark_output(layer, 10)
    QgsProject.instance().addMapLayer(layer)
    dock.reviewLayerCombo.setLayer(layer)

    dock.nextTileButton.click()
    assert "Press Suggest tiles first" in dock.statusLabel.text() and not layer.isEditable()
    dock.tileDoneButton.click()
    assert "Press Next tile first" in dock.statusLabel.text()

    dock.suggestCountSpin.setValue(2)
    dock.suggestButton.click()
    run_to_end(dock)
    first_round = suggested_tiles(dock)
    assert len(first_round) == 2 and "2 tiles to correct, ranked on the map" in dock.statusLabel.text()
    assert dock.suggested_layer().labelsEnabled()  # the rank reads on the map
    assert dock.tileProgressLabel.text() == "Tiles corrected: 0 (0 buildings in them); suggested, still to do: 2"

    # Next tile: the best one, on screen, the footprints open for editing with snapping.
    dock.nextTileButton.click()
    tile = first_round[0]
    assert layer.isEditable() and dock.iface.activeLayer() is layer
    assert dock.iface.mapCanvas().extent().contains(tile_rect(tile).centroid().asPoint())
    assert QgsProject.instance().snappingConfig().enabled() and "rank 1" in dock.statusLabel.text()

    # Real edits, as QGIS's tools make them: delete a wrong one, reshape one, draw a missed building.
    there = in_tile(layer, tile)
    assert len(there) >= 2, len(there)
    deleted, reshaped = there[0].id(), there[1].id()
    assert layer.deleteFeature(deleted)
    assert layer.changeGeometry(reshaped, layer.getFeature(reshaped).geometry().buffer(0.4, 4))
    box = tile_rect(tile).boundingBox()
    drawn = QgsFeature(layer.fields())
    drawn.setGeometry(QgsGeometry.fromRect(QgsRectangle(box.xMinimum() + 3, box.yMinimum() + 3, box.xMinimum() + 9,
                                                        box.yMinimum() + 8)))
    assert layer.addFeature(drawn)
    dock.tileDoneButton.click()

    # Saved to the file, the tile recorded in the workspace, on to the next one.
    saved = saved_decisions(path)
    assert deleted not in saved and saved[reshaped] == review.EDITED and list(saved.values()).count(review.ADDED) == 1
    corrected = QgsVectorLayer(str(tmp_path / "corrected-tiles.gpkg"), "c", "ogr")
    rows = [(f["x"], f["y"], f["z"], f["size"], f["buildings"]) for f in corrected.getFeatures()]
    assert rows == [(*tile, 256, len(there))]  # one deleted, one drawn: as many as before
    assert dock.tileProgressLabel.text() == f"Tiles corrected: 1 ({len(there)} buildings in them); suggested, still to do: 1"
    assert "rank 2" in dock.statusLabel.text() and layer.isEditable()
    dock.tileDoneButton.click()  # the second tile is right as it is
    assert "Every suggested tile is corrected" in dock.statusLabel.text() and not layer.isEditable()

    # Improve: trainfromreview with the corrected tiles; the new model is the Predict tab's.
    dock.reviewMinutesSpin.setValue(0.1)
    dock.improveButton.click()
    run_to_end(dock)
    record = next(json.loads(p.read_text()) for p in tmp_path.glob("train-*/run.json"))
    assert record["status"] == "completed" and record["metrics"]["corrected_tiles"] == 2, record
    chips = json.loads((Path(record["folder"]) / "review-chips" / "dataset.json").read_text())
    assert chips["review"]["corrected_tiles"] == sorted(tiles.tile_name(t) for t in first_round)
    assert dock.modelWidget.filePath() == record["outputs"]["model"]
    assert "and 2 corrected tiles" in dock.statusLabel.text()

    # The next round leaves the corrected tiles out.
    dock.suggestButton.click()
    run_to_end(dock)
    assert len(suggested_tiles(dock)) == 2 and not set(suggested_tiles(dock)) & set(first_round)

    # Predict again: the new model's footprints, the corrected tiles keeping the analyst's outlines.
    kept = sorted(f.geometry().area() for f in in_tile(layer, tile))
    dock.predictAgainButton.click()
    run_to_end(dock)
    new_layer = dock.reviewLayerCombo.currentLayer()
    assert new_layer is not layer and "the 2 corrected tiles keep your" in dock.statusLabel.text(), dock.statusLabel.text()
    assert sorted(round(a, 3) for a in (f.geometry().area() for f in in_tile(new_layer, tile))) == [round(a, 3) for a in kept]
    decisions = [f[review.FIELD] for f in in_tile(new_layer, tile)]
    assert decisions.count(review.ADDED) == 1 and decisions.count(review.EDITED) == 1
