"""e84segment:buildtrainingdata end to end, on real imagery and OSM labels, through Processing."""
import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr
from PIL import Image
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsVectorLayer,
)

from e84_segment.core import dataset, tiles

from .conftest import ATLANTA, KAMPALA, PORTUGAL, kampala_xyz_source, require

Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
Z20_B = KAMPALA / "geotiff" / "aoiB_west_z20.tif"
Z21_B = KAMPALA / "geotiff" / "aoiB_west_z21.tif"
BUILDINGS = KAMPALA / "buildings.geojson"
SPLITS = ("train", "validation")


def extent_of(path: Path) -> str:
    ds = gdal.Open(str(require(path)))
    gt = ds.GetGeoTransform()
    return f"{gt[0]},{gt[0] + gt[1] * ds.RasterXSize},{gt[3] + gt[5] * ds.RasterYSize},{gt[3]} [EPSG:3857]"


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list:
    return [p.name for p in parent.iterdir() if ".partial-" in p.name]


def test_layout_is_sagemakers(build, tmp_path):
    out = tmp_path / "ds"
    result = build(IMAGERY=str(require(Z20_B)), LABELS=str(BUILDINGS), ZOOM=20, OUTPUT=str(out))
    assert result["OUTPUT"] == str(out)
    for split in SPLITS:
        images = sorted(p.stem for p in (out / split).glob("*.jpg"))
        annotations = sorted(p.stem for p in (out / f"{split}_annotation").glob("*.png"))
        assert images == annotations and images
        label_map = json.loads((out / "label_map" / f"{split}_label_map.json").read_text())
        assert label_map == {"scale": "1"}
        for name in images:
            z, x, y = map(int, name.split("-"))
            assert z == 20
            with Image.open(out / f"{split}_annotation" / f"{name}.png") as mask:
                assert mask.mode == "P" and mask.size == (256, 256)
                assert set(np.unique(np.asarray(mask))) <= {0, 1, 255}
            with Image.open(out / split / f"{name}.jpg") as image:
                assert image.format == "JPEG" and image.mode == "RGB" and image.size == (256, 256)
    meta = json.loads((out / "dataset.json").read_text())
    assert meta["num_training_samples"] == len(list((out / "train").glob("*.jpg"))) == result["NUM_TRAIN"]
    assert meta["counts"]["validation"] == result["NUM_VALIDATION"] == 3  # 20 % of 16 tiles
    assert meta["zoom"] == 20 and meta["crs"] == "EPSG:3857"
    assert meta["labels"]["repaired_geometries"] == 1  # one OSM building in the sample is invalid
    preview = QgsVectorLayer(str(out / "tiles.geojson"), "tiles", "ogr")
    assert preview.isValid() and preview.featureCount() == 16
    assert {f["split"] for f in preview.getFeatures()} == set(SPLITS)
    assert not leftovers(tmp_path)


def test_masks_agree_with_independent_rasterisation(build, tmp_path):
    out = tmp_path / "ds"
    build(IMAGERY=str(require(Z20_A)), LABELS=str(BUILDINGS), ZOOM=20, BUFFER=0, OUTPUT=str(out))
    # Independent path: OGR reprojects the OSM file, gdal.Rasterize burns it from disk.
    reprojected = str(tmp_path / "buildings_3857.gpkg")
    gdal.VectorTranslate(reprojected, str(BUILDINGS), dstSRS="EPSG:3857", format="GPKG", makeValid=True)
    checked = 0
    for png in sorted(out.glob("*_annotation/*.png")):
        z, x, y = map(int, png.stem.split("-"))
        minx, miny, maxx, maxy = tiles.mercator_bounds((x, y, z))
        reference = gdal.Rasterize(
            "", reprojected, format="MEM", outputBounds=[minx, miny, maxx, maxy], width=256, height=256,
            burnValues=[1], outputType=gdal.GDT_Byte,
        ).ReadAsArray()
        mask = dataset.read_mask(png)
        covered = mask != 255
        ours, theirs = (mask == 1) & covered, (reference == 1) & covered
        union = np.count_nonzero(ours | theirs)
        iou = np.count_nonzero(ours & theirs) / union if union else 1.0
        assert iou >= 0.99, (png.name, iou)
        checked += 1
    assert checked == 4


def test_geotiff_and_xyz_give_identical_chips(build, tmp_path):
    xyz = QgsRasterLayer(kampala_xyz_source(), "kampala xyz", "wms")
    assert xyz.isValid()
    common = dict(LABELS=str(BUILDINGS), ZOOM=20, AOI=extent_of(Z20_A), SEED=3)
    build(IMAGERY=str(Z20_A), OUTPUT=str(tmp_path / "tif"), **common)
    build(IMAGERY=xyz, OUTPUT=str(tmp_path / "xyz"), **common)
    tif, web = files_of(tmp_path / "tif"), files_of(tmp_path / "xyz")
    chips = sorted(k for k in tif if k.endswith(".jpg"))
    assert len(chips) == 4 and chips == sorted(k for k in web if k.endswith(".jpg"))
    for name in chips:
        assert tif[name] == web[name], name
    # The XYZ tiles are RGBA: their transparent pixels become 255 (no data) in the masks; the
    # GeoTIFF declares no nodata, so there the same pixels are ordinary black pixels.
    transparent = 0
    for name in chips:
        png = name.replace(".jpg", ".png").replace("/", "_annotation/", 1)
        from_tif, from_xyz = dataset.read_mask(tmp_path / "tif" / png), dataset.read_mask(tmp_path / "xyz" / png)
        known = from_xyz != 255
        np.testing.assert_array_equal(from_tif[known], from_xyz[known])
        transparent += np.count_nonzero(~known)
    assert transparent == 705 + 393 + 404 + 408  # the pixels with alpha < 255 in the four source PNGs


def test_16bit_atlanta_scene_gives_stretched_chips(build, tmp_path):
    out = tmp_path / "ds"
    build(
        IMAGERY=str(require(ATLANTA / "sample_geotiff.tif")),
        LABELS=str(ATLANTA / "geotiff_labels.geojson"),
        ZOOM=19,
        BACKGROUND_RATIO=0,
        OUTPUT=str(out),
    )
    meta = json.loads((out / "dataset.json").read_text())
    assert meta["imagery_to_rgb"]["stretch"]["percentiles"] == [2.0, 98.0]
    assert meta["sources"]["imagery"]["crs"] == "EPSG:32616"
    brightness = []
    for jpg in out.glob("*/*.jpg"):
        covered = dataset.read_mask(out / f"{jpg.parent.name}_annotation" / f"{jpg.stem}.png") != 255
        with Image.open(jpg) as image:
            pixels = np.asarray(image)[covered]
        if covered.mean() > 0.2:  # edge chips are mostly outside the scene
            brightness.append(pixels.mean())
    assert brightness and min(brightness) > 20
    building_pixels = sum(np.count_nonzero(dataset.read_mask(p) == 1) for p in out.glob("*_annotation/*.png"))
    assert building_pixels > 10_000  # 43 buildings at 0.3 m pixels


def test_portugal_mbtiles_polygons_are_read_as_labels(build, tmp_path):
    mbtiles = require(PORTUGAL / "portugal-z17.mbtiles")
    labels = QgsVectorLayer(f"{mbtiles}|layername=osm|geometrytype=Polygon", "osm polygons", "ogr")
    assert labels.isValid()
    imagery = QgsRasterLayer(
        f"type=xyz&url={(PORTUGAL / 'tiles').as_uri()}/{{x}}-{{y}}-{{z}}.jpg&zmin=17&zmax=17", "mapbox", "wms"
    )
    config = json.loads((PORTUGAL / "config.integration.segmentation.json").read_text())
    west, south, east, north = config["bounding_box"]
    out = tmp_path / "ds"
    build(
        IMAGERY=imagery,
        LABELS=labels,
        LABEL_FILTER='"building" IS NOT NULL',
        AOI=f"{west},{east},{south},{north} [EPSG:4326]",
        ZOOM=17,
        BACKGROUND_RATIO=0,
        VALIDATION_FRACTION=0,
        OUTPUT=str(out),
    )
    meta = json.loads((out / "dataset.json").read_text())
    assert meta["labels"]["polygons"] == 1  # the one mapped building, a water tower
    masks = [dataset.read_mask(p) for p in out.glob("train_annotation/*.png")]
    assert len(masks) >= 1 and sum(np.count_nonzero(m == 1) for m in masks) > 20


def test_same_seed_same_bytes_and_seed_matters(build, tmp_path):
    common = dict(IMAGERY=str(require(Z21_B)), LABELS=str(BUILDINGS), ZOOM=21, BACKGROUND_RATIO=0.5)
    build(OUTPUT=str(tmp_path / "a"), SEED=7, **common)
    build(OUTPUT=str(tmp_path / "b"), SEED=7, **common)
    build(OUTPUT=str(tmp_path / "c"), SEED=8, **common)
    first, second = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert first == second and len(first) > 20
    assert json.loads(first["dataset.json"])["counts"] != {} and first != files_of(tmp_path / "c")


def test_spatial_split_keeps_blocks_on_one_side(build, tmp_path):
    out = tmp_path / "ds"
    build(
        IMAGERY=str(require(Z21_B)), LABELS=str(BUILDINGS), ZOOM=21, SPLIT_METHOD=1, SPLIT_BLOCK=2,
        VALIDATION_FRACTION=0.25, BACKGROUND_RATIO=10, OUTPUT=str(out),
    )
    sides = {}
    for split in SPLITS:
        for jpg in (out / split).glob("*.jpg"):
            _, x, y = map(int, jpg.stem.split("-"))
            sides.setdefault((x // 2, y // 2), set()).add(split)
    assert len(sides) > 4
    assert all(len(s) == 1 for s in sides.values())
    assert {next(iter(s)) for s in sides.values()} == set(SPLITS)


def test_aoi_partly_off_the_imagery_is_masked_with_255(build, tmp_path):
    ds = gdal.Open(str(require(Z20_A)))
    gt = ds.GetGeoTransform()
    right, bottom = gt[0] + gt[1] * ds.RasterXSize, gt[3] + gt[5] * ds.RasterYSize
    # One tile column (38 m at z20) east of the image: those tiles have no imagery and are skipped.
    aoi = f"{gt[0] + 1},{right + 20},{bottom + 1},{gt[3] - 1} [EPSG:3857]"
    out = tmp_path / "ds"
    feedback = QgsProcessingFeedback()
    build(feedback=feedback, IMAGERY=str(Z20_A), LABELS=str(BUILDINGS), ZOOM=20, AOI=aoi, BACKGROUND_RATIO=5, OUTPUT=str(out))
    meta = json.loads((out / "dataset.json").read_text())
    assert meta["tiles"]["skipped_no_imagery"] == 2
    assert "no imagery at all" in feedback.textLog()
    assert sum(meta["counts"].values()) == 4


def test_cancel_leaves_nothing(build, tmp_path):
    class CancelDuringExport(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 30:
                self.cancel()

    out = tmp_path / "ds"
    result = build(
        feedback=CancelDuringExport(), IMAGERY=str(require(Z21_B)), LABELS=str(BUILDINGS), ZOOM=21, OUTPUT=str(out)
    )
    assert result == {} or "OUTPUT" not in result
    assert not out.exists()
    assert not leftovers(tmp_path)


# Bad input: a clear message that says what to change, and nothing written.

def expect_refusal(build, tmp_path, match, **parameters):
    out = tmp_path / "ds"
    parameters.setdefault("IMAGERY", str(require(Z20_A)))
    parameters.setdefault("LABELS", str(BUILDINGS))
    parameters.setdefault("ZOOM", 20)
    with pytest.raises(QgsProcessingException, match=match):
        build(OUTPUT=str(out), **parameters)
    assert not out.exists()
    assert not leftovers(tmp_path)


def test_aoi_outside_the_imagery(build, tmp_path):
    expect_refusal(build, tmp_path, "outside the imagery", AOI="32.0,32.01,0.0,0.01 [EPSG:4326]")


def test_labels_that_are_not_polygons(build, tmp_path):
    # Building centroids: a real point layer on disk (a memory layer outliving QGIS crashes at exit).
    points = str(tmp_path / "building_points.gpkg")
    gdal.VectorTranslate(
        points, str(require(BUILDINGS)), format="GPKG", SQLDialect="SQLITE", layerName="building_points", geometryType="POINT",
        SQLStatement="SELECT ST_Centroid(geometry) AS geometry FROM buildings",
    )
    assert ogr.Open(points).GetLayer(0).GetGeomType() == ogr.wkbPoint
    expect_refusal(build, tmp_path, "LABELS must be polygons.*building_points", LABELS=points)


def test_no_labels_in_aoi_is_refused_unless_allowed(build, tmp_path):
    expect_refusal(build, tmp_path, "No building polygons.*ALLOW_NO_LABELS", LABEL_FILTER="\"building\" = 'church'")
    out = tmp_path / "negative"
    result = build(
        IMAGERY=str(Z20_A), LABELS=str(BUILDINGS), LABEL_FILTER="\"building\" = 'church'", ZOOM=20,
        ALLOW_NO_LABELS=True, OUTPUT=str(out),
    )
    assert result["NUM_TRAIN"] + result["NUM_VALIDATION"] == 4
    assert all(not np.any(dataset.read_mask(p) == 1) for p in out.glob("*_annotation/*.png"))


def test_invalid_filter_expression(build, tmp_path):
    expect_refusal(build, tmp_path, "LABEL_FILTER is not a valid expression", LABEL_FILTER='"building" = = 1')


def test_too_many_tiles_names_the_count(build, tmp_path):
    expect_refusal(build, tmp_path, r"needs 4 tiles at zoom 20, above MAX_TILES \(3\).*lower zoom", MAX_TILES=3)


def test_existing_output_is_never_overwritten(build, tmp_path):
    out = tmp_path / "ds"
    out.mkdir()
    (out / "precious.txt").write_text("analyst notes")
    with pytest.raises(QgsProcessingException, match="not empty"):
        build(IMAGERY=str(require(Z20_A)), LABELS=str(BUILDINGS), ZOOM=20, OUTPUT=str(out))
    assert [p.name for p in out.iterdir()] == ["precious.txt"]


def test_bad_tile_size(build, tmp_path):
    expect_refusal(build, tmp_path, "TILE_SIZE must be 256 or 512", TILE_SIZE=300)


def test_labels_in_another_crs_are_reprojected(build, tmp_path):
    utm = tmp_path / "buildings_utm.gpkg"
    gdal.VectorTranslate(str(utm), str(require(BUILDINGS)), dstSRS="EPSG:32636", format="GPKG")
    layer = QgsVectorLayer(str(utm), "utm", "ogr")
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:32636")
    build(IMAGERY=str(Z20_A), LABELS=layer, ZOOM=20, OUTPUT=str(tmp_path / "utm_ds"))
    build(IMAGERY=str(Z20_A), LABELS=str(BUILDINGS), ZOOM=20, OUTPUT=str(tmp_path / "wgs_ds"))
    for png in (tmp_path / "wgs_ds").glob("*_annotation/*.png"):
        other = tmp_path / "utm_ds" / png.relative_to(tmp_path / "wgs_ds")
        a, b = dataset.read_mask(png), dataset.read_mask(other)
        assert np.count_nonzero(a != b) <= 0.001 * a.size  # reprojection round-off at polygon edges only


def test_extra_zooms_add_training_chips_at_other_scales(build, tmp_path):
    out = tmp_path / "ds"
    # The algorithm's default EXTRA_ZOOMS: one zoom above and one below.
    result = build(IMAGERY=str(require(Z20_B)), LABELS=str(BUILDINGS), ZOOM=20, EXTRA_ZOOMS=None, SPLIT_METHOD=1,
                   SPLIT_BLOCK=2, VALIDATION_FRACTION=0.25, OUTPUT=str(out))
    meta = json.loads((out / "dataset.json").read_text())
    assert meta["zoom"] == 20 and meta["extra_zooms"] == [19, 21]
    records = json.loads((out / dataset.TILES_GEOJSON).read_text())["features"]
    by_split = {split: [f["properties"] for f in records if f["properties"]["split"] == split] for split in SPLITS}
    assert {r["z"] for r in by_split["validation"]} == {20}  # validation stays at the dataset's zoom
    assert {r["z"] for r in by_split["train"]} == {19, 20, 21}
    assert result["NUM_TRAIN"] == len(list((out / "train").glob("*.jpg"))) == len(by_split["train"]) > 16
    # No chip of another zoom covers ground a validation chip holds.
    validation = [tiles.mercator_bounds((r["x"], r["y"], r["z"])) for r in by_split["validation"]]
    for r in by_split["train"]:
        box = tiles.mercator_bounds((r["x"], r["y"], r["z"]))
        for v in validation:
            overlap_x = min(box[2], v[2]) - max(box[0], v[0])
            overlap_y = min(box[3], v[3]) - max(box[1], v[1])
            assert overlap_x <= 1e-3 or overlap_y <= 1e-3, (r, v)


def test_extra_zooms_are_checked(build, tmp_path):
    expect_refusal(build, tmp_path, "EXTRA_ZOOMS: give zoom levels separated by commas", EXTRA_ZOOMS="nineteen")
    expect_refusal(build, tmp_path, "EXTRA_ZOOMS: 17 is not within 2 levels of zoom 20", EXTRA_ZOOMS="17,21")
    expect_refusal(build, tmp_path, "EXTRA_ZOOMS: 23 is not within 2 levels of zoom 20", EXTRA_ZOOMS="+3")


def test_extra_zooms_read_relative_and_absolute_levels():
    assert tiles.parse_extra_zooms(tiles.DEFAULT_EXTRA_ZOOMS, 20) == [19, 21]
    assert tiles.parse_extra_zooms("21, 19; 20", 20) == [19, 21]  # the dataset's own zoom is not extra
    assert tiles.parse_extra_zooms("+2", 17) == [19] and tiles.parse_extra_zooms(" ", 17) == []
    with pytest.raises(ValueError, match="0 is not within 2 levels of zoom 1"):
        tiles.parse_extra_zooms("-1", 1)


def test_an_extra_zoom_above_max_tiles_is_skipped_with_a_warning(build, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Warnings(QgsProcessingFeedback):
        said = []

        def pushWarning(self, warning):
            self.said.append(warning)

    corners = gdal.Info(str(require(Z20_A)), format="json")["cornerCoordinates"]
    bounds = (corners["upperLeft"][0], corners["lowerRight"][1], corners["lowerRight"][0], corners["upperLeft"][1])
    out = tmp_path / "ds"
    feedback = Warnings()
    build(feedback=feedback, IMAGERY=str(Z20_A), LABELS=str(BUILDINGS), ZOOM=20, EXTRA_ZOOMS=None, SPLIT_METHOD=1, SPLIT_BLOCK=2,
          MAX_TILES=2 * tiles.count_tiles(bounds, 20), OUTPUT=str(out))
    assert json.loads((out / "dataset.json").read_text())["extra_zooms"] == [19]
    assert any(w.startswith("No training chips at zoom 21: The area of interest needs") for w in feedback.said)
