"""Issue 23, reliability F2, F5, F6, F7, F14: bad files end in a sentence, a full disk leaves nothing
half-written, one damaged record does not break the others, and what is written is what a reader opens."""
import json
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from e84_segment.core import runs

from .conftest import KAMPALA, needs_torch, require
from .test_honest_results import refusal

BUILDINGS = KAMPALA / "buildings.geojson"
Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"


def run(name, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=QgsProcessingFeedback())


def test_control_characters_in_source_still_make_an_osm_file_every_reader_opens(provider, tmp_path):
    """F7 (2.9b): SOURCE from a layer name with U+0001, U+000B, U+001F wrote a file no XML reader opened."""
    output = tmp_path / "buildings.osm"
    run("exportosm", INPUT=str(require(BUILDINGS)), MIN_CONFIDENCE=0, SOURCE="Maxar \x01\x0b\x1f 2026 <&\"'>",
        OUTPUT=str(output))
    root = ElementTree.parse(output).getroot()
    sources = {tag.get("v") for tag in root.iter("tag") if tag.get("k") == "source"}
    assert sources == {"Maxar  2026 <&\"'>"}


def test_imagery_without_usable_georeferencing_is_refused_in_a_sentence(provider, tmp_path):
    """F2 (2.4c): a NaN origin with an AOI gave 'ValueError: cannot convert float NaN to integer'."""
    from e84_segment.core import chips

    broken = tmp_path / "gt_nan.tif"
    gdal.Translate(str(broken), str(require(Z20_A)))
    ds = gdal.Open(str(broken), gdal.GA_Update)
    ds.SetGeoTransform((float("nan"), 0.15, 0, float("nan"), 0, -0.15))
    ds = None
    with pytest.raises(ValueError, match="has no usable georeferencing"):
        chips.open_in_mercator(str(broken))
    source = gdal.Open(str(Z20_A))
    gt = source.GetGeoTransform()
    aoi = f"{gt[0]},{gt[0] + 50},{gt[3] - 50},{gt[3]} [EPSG:3857]"
    said = refusal("buildtrainingdata", IMAGERY=str(broken), LABELS=str(BUILDINGS), ZOOM=20, EXTRA_ZOOMS="", AOI=aoi,
                   OUTPUT=str(tmp_path / "ds"))
    assert "has no usable georeferencing" in said, said
    assert not (tmp_path / "ds").exists()


def test_one_wrongly_typed_run_record_leaves_the_others_listed(tmp_path):
    """F5 (2.8b): 'started': null broke the sort of the whole Runs list; a list as metrics or a word as a
    score broke its row."""
    records = []
    for kind in ("train", "train", "predict", "compare"):
        record = runs.new_run(kind, tmp_path, tag=kind)
        record.metrics = {"building_iou": 0.5, "f1": 0.4} if kind == "compare" else {}
        record.finish("completed")
        records.append(record)
    for record, damage in zip(records, ({"started": None}, {"metrics": [1, 2]}, {"metrics": {"building_iou": "high"}})):
        data = json.loads(record.path.read_text())
        data.update(damage)
        record.path.write_text(json.dumps(data))
    listed = runs.load_all([r.folder for r in records])
    assert len(listed) == 4
    labels = [r.label() for r in listed]
    assert all(label.endswith(": completed") or "F1" in label for label in labels), labels


def test_a_damaged_dataset_json_is_a_sentence(provider, tmp_path, kampala_dataset):
    """F6 (2.8c): a dataset.json cut in half gave a JSONDecodeError traceback."""
    import shutil

    needs_torch()
    copy = tmp_path / "dataset"
    shutil.copytree(kampala_dataset, copy)
    text = (copy / "dataset.json").read_text()
    (copy / "dataset.json").write_text(text[: len(text) // 2])
    with pytest.raises(QgsProcessingException, match=r"dataset\.json is damaged .*copy the dataset folder again"):
        run("trainlocal", DATASET=str(copy), TIME_LIMIT=0.1, OUTPUT=str(tmp_path / "model.pt"))
    assert not (tmp_path / "model.pt").exists()


@pytest.fixture
def full_disk(tmp_path):
    """A folder on a tmpfs of 8 kB (reliability F14 used 20 MB with 1 MB free): root and mount needed."""
    folder = tmp_path / "full"
    folder.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(folder)], capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("a full disk needs a tmpfs mount, and this system has no mount command")
    if mounted.returncode != 0:
        pytest.skip(f"a full disk needs a tmpfs mount (root): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def class_raster(path: Path) -> Path:
    """A class raster as 'Predict buildings' writes it, with 400 square buildings, beside Kampala."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 1000, 1000, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((3628000.0, 0.15, 0, 39000.0, 0, -0.15))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    ds.SetSpatialRef(srs)
    pixels = np.zeros((1000, 1000), np.uint8)
    for row in range(20):
        for col in range(20):
            pixels[row * 50 + 10: row * 50 + 40, col * 50 + 10: col * 50 + 40] = 1
    ds.GetRasterBand(1).SetNoDataValue(255)  # first: GDAL 3.13 leaves a new file's all-zero blocks unwritten (read as nodata)
    ds.GetRasterBand(1).WriteArray(pixels)
    ds = None
    return path


def test_a_full_disk_is_a_sentence_and_leaves_nothing(provider, tmp_path, full_disk):
    """F14 (6.4b-h): tracebacks, half files (.partial) filling the disk for the next step, and a 0-byte
    GeoPackage under the name asked for."""
    steps = [
        ("exportosm", dict(INPUT=str(require(BUILDINGS)), MIN_CONFIDENCE=0, SOURCE="x", OUTPUT=str(full_disk / "b.osm"))),
        ("polygonize", dict(INPUT=str(class_raster(tmp_path / "classes.tif")), SEPARATE=False,
                            OUTPUT=str(full_disk / "footprints.gpkg"))),
        ("exportfootprints", dict(INPUT=str(BUILDINGS), OUTPUT=str(full_disk / "footprints.fgb"))),
    ]
    for name, parameters in steps:
        with pytest.raises(QgsProcessingException) as failed:
            run(name, **parameters)
        assert "Traceback" not in str(failed.value)
        assert list(full_disk.iterdir()) == [], (name, list(full_disk.iterdir()))


def test_a_prediction_on_a_full_disk_leaves_no_half_raster(provider, tmp_path, full_disk, trained):
    needs_torch()
    model, _ = trained
    with pytest.raises(QgsProcessingException, match="disk|write"):
        run("predictlocal", IMAGERY=str(require(Z20_A)), MODEL=str(model), TTA=False,
            OUTPUT_CLASSES=str(full_disk / "c.tif"), OUTPUT_PROBABILITY=str(full_disk / "p.tif"))
    assert list(full_disk.iterdir()) == []


def test_training_exporting_and_caching_on_a_full_disk_leave_nothing(provider, tmp_path, full_disk, trained, kampala_dataset):
    """F14 (6.4c, d, g2): torch.save's 'iostream error' and SQLite's 'disk is full' as tracebacks, and a
    0-byte .onnx partial left."""
    from qgis.core import QgsRasterLayer

    from .test_build_training_data import Z20_A as AOI_IMAGE, extent_of
    from .tile_server import TileServer

    needs_torch()
    model, _ = trained
    with pytest.raises(QgsProcessingException, match="disk"):
        run("trainlocal", DATASET=str(kampala_dataset), TIME_LIMIT=0.1, OUTPUT=str(full_disk / "model.pt"))
    assert list(full_disk.iterdir()) == []
    with pytest.raises(QgsProcessingException, match="disk|write|Write"):
        run("exportonnx", MODEL=str(model), OUTPUT=str(full_disk / "model.onnx"))
    assert list(full_disk.iterdir()) == []
    with TileServer(require(KAMPALA / "xyz")) as server, pytest.raises(QgsProcessingException, match="disk"):
        run("cacheimagery", IMAGERY=QgsRasterLayer(server.xyz_source(), "k", "wms"), AOI=extent_of(AOI_IMAGE),
            MIN_ZOOM=19, MAX_ZOOM=21, ATTRIBUTION="t", OUTPUT=str(full_disk / "cache.mbtiles"))
    assert list(full_disk.iterdir()) == []
