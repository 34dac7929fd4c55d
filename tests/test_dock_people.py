"""The Compare tab's People and Print situation map: runs like the other steps, listed and reloaded from Runs."""
import json

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QDesktopServices

from .conftest import KAMPALA, require
from .test_plugin import dock, layers_named, run_to_end  # noqa: F401 (fixture)


def test_people_then_a_situation_map_from_the_compare_tab(dock, tmp_path, monkeypatch):  # noqa: F811
    dock.use("aoiA_dense_z20.tif", 20)
    dock.outputWidget.setFilePath(str(tmp_path))
    buildings = QgsVectorLayer(str(require(KAMPALA / "buildings.geojson")), "Footprints (kampala)", "ogr")
    QgsProject.instance().addMapLayer(buildings)
    dock.footprintsCombo.setLayer(buildings)
    dock.referenceCombo.setLayer(buildings)  # the same layer: nothing to merge in
    dock.situationButton.click()  # nothing to print yet: refused, with what to do first
    assert "Run 'People' first" in dock.statusLabel.text() and dock.run is None
    dock.householdSpin.setValue(5.0)
    dock.peopleButton.click()
    run_to_end(dock)
    assert "settlements of 5 or more buildings" in dock.statusLabel.text(), dock.statusLabel.text()
    people = next(json.loads(p.read_text()) for p in tmp_path.glob("people-*/run.json"))
    assert people["status"] == "completed" and people["outputs"]["settlements"].endswith("settlements.gpkg")
    sent = people["parameters"]["e84segment:populationcentres"]
    assert sent["FIGURE"] == 5.0 and sent["LOW"] < 5.0 < sent["HIGH"] and "OSM" not in sent
    assert people["metrics"]["people"] > 0 and people["metrics"]["buildings"] == buildings.featureCount()
    layer = layers_named("Where people live")[0]
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "people"

    dock.situationButton.click()
    run_to_end(dock)
    assert "Situation map:" in dock.statusLabel.text() and "'not checked'" in dock.statusLabel.text(), dock.statusLabel.text()
    printed = next(json.loads(p.read_text()) for p in tmp_path.glob("situation-*/run.json"))
    assert printed["status"] == "completed" and printed["outputs"]["map"].endswith("situation_map.pdf")
    pdf = printed["outputs"]["map"]
    assert open(pdf, "rb").read(5) == b"%PDF-"
    parameters = printed["parameters"]["e84segment:situationmap"]
    assert parameters["SETTLEMENTS"] == people["outputs"]["settlements"] and parameters["IMAGERY"]

    # Both runs are in the Runs tab; reloading the map opens the document.
    dock.refresh_runs()
    titles = [dock.runsList.item(i).text() for i in range(dock.runsList.count())]
    assert any(t.startswith("Situation map:") for t in titles) and any(t.startswith("People:") for t in titles), titles
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dock.runsList.setCurrentRow(next(i for i, t in enumerate(titles) if t.startswith("Situation map:")))
    dock.reloadButton.click()
    assert opened == [pdf]
