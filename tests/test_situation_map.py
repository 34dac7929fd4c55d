"""e84segment:situationmap on the Kampala buildings and imagery: a PDF with an overview page and one page
per large settlement, its pages rendered (pdftoppm) and read (pdftotext) as a field team would see them."""
import json
import shutil
import subprocess

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .conftest import KAMPALA, require
from .test_building_grid import BUILDINGS

IMAGERY = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
REPORT = {"f1": 0.6234, "tp": 53, "fp": 21, "fn": 43, "building_iou": 0.581, "precision": 0.716, "recall": 0.552,
          "training_overlap": 0.0, "model": {"file": "/field/kampala-model.pt"}}


def run(name, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=QgsProcessingFeedback())


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils, make setup installs it) is not installed: the PDF cannot be read back")
    return found


def pages_as_images(pdf, folder, dpi=40) -> list:
    """Each page as an RGB array, as pdftoppm renders it."""
    from PIL import Image

    subprocess.run([poppler("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(folder / "page")], check=True, timeout=120)
    return [np.asarray(Image.open(path).convert("RGB")) for path in sorted(folder.glob("page-*.png"))]


def text_of(pdf, page: int) -> str:
    done = subprocess.run([poppler("pdftotext"), "-f", str(page), "-l", str(page), str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60)
    return " ".join(done.stdout.split())


@pytest.fixture
def people(provider, tmp_path):
    """Settlements of the Kampala buildings (a second or so). The project is emptied first: a path that is the
    source of a project layer is read as that layer, with its style (here: another test's default colours)."""
    from qgis.core import QgsProject

    QgsProject.instance().removeAllMapLayers()
    return run("populationcentres", FOOTPRINTS=str(require(BUILDINGS)), FROM_MODEL=False, DISTANCE=10.0, MIN_BUILDINGS=3,
               OUTPUT=str(tmp_path / "settlements.gpkg"), OUTPUT_GRID=str(tmp_path / "cells.gpkg"))


def test_the_map_has_an_overview_and_a_page_per_large_settlement(provider, people, tmp_path):
    (tmp_path / "report.json").write_text(json.dumps(REPORT))
    pdf = tmp_path / "map.pdf"
    result = run("situationmap", FOOTPRINTS=str(BUILDINGS), SETTLEMENTS=people["OUTPUT"], GRID=people["OUTPUT_GRID"],
                 IMAGERY=str(require(IMAGERY)), REPORT=str(tmp_path / "report.json"), MAP_TITLE="Kampala, 5 December", PAGES=3,
                 OUTPUT=str(pdf))
    assert result["OUTPUT"] == str(pdf) and pdf.is_file() and not list(tmp_path.glob(".*partial*"))
    pages = pages_as_images(pdf, tmp_path)
    assert len(pages) == 1 + min(3, people["SETTLEMENTS"])
    overview = text_of(pdf, 1)
    assert "Kampala, 5 December" in overview and "Legend" in overview
    assert f"{people['SETTLEMENTS']} settlements" in overview and "1. about" in overview
    assert "object F1 0.62 (53 found, 21 false, 43 missed), pixel building IoU 0.58" in overview
    assert "OpenStreetMap contributors" in overview and "kampala-model.pt" in overview and "aoiA_dense_z20" in overview
    assert "°E" in overview and "°N" in overview  # the latitude and longitude grid is labelled
    first = text_of(pdf, 2)
    assert first.startswith("Settlement 1:") and "people" in first and "(latitude, longitude)" in first
    # What the pages show: the overview has the settlements' red fills; a settlement's page has the imagery
    # under it (many distinct colours) and the footprints' yellow outlines.
    for page in pages:
        assert page.std() > 20  # not blank
    colours = [len(np.unique(page.reshape(-1, 3), axis=0)) for page in pages]
    assert colours[1] > 2000, colours  # the drone imagery of settlement 1
    yellow = (pages[1][..., 0] > 200) & (pages[1][..., 1] > 150) & (pages[1][..., 2] < 80)
    assert yellow.sum() > 200


def test_an_unchecked_model_says_so_on_every_page(provider, people, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    pdf = tmp_path / "unchecked.pdf"
    # The footprints as a memory layer (a scratch layer, a temporary output): its features travel to the worker.
    in_memory = QgsVectorLayer(str(BUILDINGS), "buildings", "ogr").materialize(QgsFeatureRequest())
    assert in_memory.providerType() == "memory"
    run("situationmap", FOOTPRINTS=in_memory, SETTLEMENTS=people["OUTPUT"], PAGES=1, PAPER=1, ORIENTATION=1, OUTPUT=str(pdf))
    yellow = [(page[..., 0] > 200) & (page[..., 1] > 150) & (page[..., 2] < 80) for page in pages_as_images(pdf, tmp_path)]
    assert yellow[1].sum() > 100  # the memory layer's outlines are on the settlement's page
    for page in (1, 2):
        assert "Model quality: not checked" in text_of(pdf, page)
    info = subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "x 1191 pts (A3)" in info and "842 x" in info  # A3 portrait: the width is the short side


def test_bad_input_gets_a_sentence_and_leaves_no_file(provider, people, tmp_path):
    pdf = tmp_path / "map.pdf"
    with pytest.raises(QgsProcessingException, match="SETTLEMENTS lacks the fields rank, buildings"):
        run("situationmap", FOOTPRINTS=str(BUILDINGS), SETTLEMENTS=str(BUILDINGS), OUTPUT=str(pdf))
    (tmp_path / "other.json").write_text(json.dumps({"tp": 3}))
    with pytest.raises(QgsProcessingException, match="is not a report of 'Check a model on an area'"):
        run("situationmap", FOOTPRINTS=str(BUILDINGS), SETTLEMENTS=people["OUTPUT"], REPORT=str(tmp_path / "other.json"),
            OUTPUT=str(pdf))
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(QgsProcessingException):
        run("situationmap", FOOTPRINTS=str(BUILDINGS), SETTLEMENTS=people["OUTPUT"], OUTPUT=str(tmp_path / "a-file" / "map.pdf"))
    assert not pdf.exists() and not list(tmp_path.rglob("*.pdf"))
