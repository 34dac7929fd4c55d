"""e84segment:exportfootprints: footprints to the analyst's files, never at the cost of what they hold."""
import json
import re

import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .conftest import KAMPALA, require


def run(**parameters):
    import processing

    return processing.run("e84segment:exportfootprints", parameters, feedback=parameters.pop("feedback", None))


def layers(path):
    source = ogr.Open(str(path))
    return {source.GetLayer(i).GetName(): source.GetLayer(i).GetFeatureCount() for i in range(source.GetLayerCount())}


@pytest.fixture
def buildings():
    return str(require(KAMPALA / "buildings.geojson"))


def test_a_geopackage_gets_a_new_layer_and_keeps_the_others(provider, buildings, tmp_path):
    work = tmp_path / "analyst_work.gpkg"
    gdal.VectorTranslate(str(work), buildings, format="GPKG", layerName="my_edited_buildings")
    before = layers(work)
    result = run(INPUT=buildings, OUTPUT=str(work), LAYER_NAME="Predicted footprints (z20)")
    assert result["OUTPUT_LAYER"] == "predicted_footprints_z20" and result["COUNT"] == before["my_edited_buildings"]
    assert layers(work) == {**before, "predicted_footprints_z20": result["COUNT"]}
    with pytest.raises(QgsProcessingException, match="already holds a layer 'my_edited_buildings': choose another layer name"):
        run(INPUT=buildings, OUTPUT=str(work), LAYER_NAME="my_edited_buildings")
    assert layers(work) == {**before, "predicted_footprints_z20": result["COUNT"]}
    # Replacing is asked for by name: only that layer changes, and no staging layer is left.
    small = tmp_path / "two.geojson"
    gdal.VectorTranslate(str(small), buildings, format="GeoJSON", limit=2)
    run(INPUT=str(small), OUTPUT=str(work), LAYER_NAME="my_edited_buildings", OVERWRITE=True)
    assert layers(work) == {"my_edited_buildings": 2, "predicted_footprints_z20": result["COUNT"]}


def test_one_layer_formats_are_replaced_only_when_asked(provider, buildings, tmp_path):
    for suffix in (".geojson", ".shp", ".fgb"):
        target = tmp_path / f"handover{suffix}"
        run(INPUT=buildings, OUTPUT=str(target))
        size = target.stat().st_size
        with pytest.raises(QgsProcessingException, match=f"handover{re.escape(suffix)} exists: choose another file name"):
            run(INPUT=buildings, OUTPUT=str(target))
        assert target.stat().st_size == size
        run(INPUT=buildings, OUTPUT=str(target), OVERWRITE=True)
        assert ogr.Open(str(target)).GetLayer(0).GetFeatureCount() > 100
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing staged is left


def test_geojson_is_rfc7946_by_default(provider, buildings, tmp_path):
    target = tmp_path / "buildings.geojson"
    run(INPUT=buildings, OUTPUT=str(target))
    document = json.loads(target.read_text())
    assert "crs" not in document
    decimals = re.findall(r"\d+\.(\d+)", json.dumps(document["features"][0]["geometry"]))
    assert max(len(d) for d in decimals) == 7
    metres = tmp_path / "metres.geojson"
    run(INPUT=buildings, OUTPUT=str(metres), TARGET_CRS="EPSG:32636")
    decimals = re.findall(r"\d+\.(\d+)", json.dumps(json.loads(metres.read_text())["features"][0]["geometry"]))
    assert max(len(d) for d in decimals) <= 3  # millimetres, not 15 digits of noise


def test_a_cancelled_export_leaves_the_file_as_it_was(provider, buildings, tmp_path):
    work = tmp_path / "work.gpkg"
    gdal.VectorTranslate(str(work), buildings, format="GPKG", layerName="mine")
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    assert run(INPUT=buildings, OUTPUT=str(work), LAYER_NAME="new", feedback=feedback) == {}
    assert set(layers(work)) == {"mine"}
    fresh = tmp_path / "fresh.fgb"
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    run(INPUT=buildings, OUTPUT=str(fresh), feedback=feedback)
    assert list(p.name for p in tmp_path.iterdir()) == ["work.gpkg"]


def test_an_unknown_extension_is_refused(provider, buildings, tmp_path):
    with pytest.raises(QgsProcessingException, match="end it in .gpkg, .geojson, .shp or .fgb"):
        run(INPUT=buildings, OUTPUT=str(tmp_path / "buildings.kml"))


def test_other_algorithms_never_wipe_a_geopackage(provider, buildings, tmp_path):
    """QGIS writes a vector output by replacing the file: a GeoPackage holding layers is refused."""
    import processing

    work = tmp_path / "analyst_work.gpkg"
    gdal.VectorTranslate(str(work), buildings, format="GPKG", layerName="my_edited_buildings")
    with pytest.raises(QgsProcessingException, match="already holds the layers my_edited_buildings.*'Export footprints'"):
        processing.run("e84segment:compareosm", {"PREDICTED": buildings, "REFERENCE": buildings, "MATCHED": str(work),
                                                  "PREDICTED_ONLY": "TEMPORARY_OUTPUT", "REFERENCE_ONLY": "TEMPORARY_OUTPUT",
                                                  "OUTPUT_REPORT": str(tmp_path / "report.json")})
    assert layers(work) == {"my_edited_buildings": layers(work)["my_edited_buildings"]}


def test_an_export_killed_while_it_moves_into_a_geopackage_leaves_the_file_as_it_was(buildings, tmp_path):
    """Reliability F1 (1.5, 1.6b): killed after the write and before the rename, the export left a
    '<name>_partial_<hex>' layer holding every row inside the analyst's GeoPackage, and a rerun kept it."""
    import subprocess
    import sys
    import textwrap

    from .conftest import ROOT

    work = tmp_path / "analyst.gpkg"
    gdal.VectorTranslate(str(work), buildings, format="GPKG", layerName="footprints")
    gdal.VectorTranslate(str(work), buildings, format="GPKG", layerName="osm", accessMode="update")
    staged = tmp_path / ".analyst.partial-0000.gpkg"
    gdal.VectorTranslate(str(staged), buildings, format="GPKG", layerName="footprints")
    before = layers(work)
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from e84_segment.processing import export_footprints
        copied = []
        def killed():  # kill -9 halfway through the copy: no cleanup can run
            copied.append(1)
            if len(copied) == 80:
                os.kill(os.getpid(), 9)
            return False
        export_footprints._copy_layer_in_one_transaction(Path({str(staged)!r}), Path({str(work)!r}), {{name!r}}, killed)
    """)
    for name in ("new_layer", "footprints"):  # a new layer, and a replacement (OVERWRITE)
        done = subprocess.run([sys.executable, "-c", script.format(name=name)], capture_output=True, text=True,
                              env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
        assert done.returncode == -9, done.stderr
        assert layers(work) == before  # SQLite rolls the journal back: as it was, nothing stray
        check = ogr.Open(str(work)).ExecuteSQL("PRAGMA integrity_check")
        assert check.GetNextFeature().GetField(0) == "ok"
    # The same copy, not killed, replaces the layer in place.
    from pathlib import Path

    from e84_segment.processing import export_footprints

    export_footprints._copy_layer_in_one_transaction(Path(staged), work, "footprints", lambda: False)
    assert layers(work) == before
