"""Footprints from class rasters, and the comparison with OSM, through their algorithms."""
import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsVectorLayer

from e84_segment.core import tiles, vectorize

from .conftest import KAMPALA, require

TILE = (619224, 523264, 20)


def write_prediction(folder, classes, probability=None, tile=TILE):
    """Class (and probability) rasters on the grid of ``tile``'s top-left corner, as predictlocal writes."""
    minx, _, maxx, maxy = tiles.mercator_bounds(tile)
    res = (maxx - minx) / 256
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    paths = []
    for name, array in (("classes.tif", classes), ("probability.tif", probability)):
        if array is None:
            continue
        ds = gdal.GetDriverByName("GTiff").Create(str(folder / name), array.shape[1], array.shape[0], 1, gdal.GDT_Byte)
        ds.SetGeoTransform((minx, res, 0, maxy, 0, -res))
        ds.SetSpatialRef(srs)
        ds.GetRasterBand(1).WriteArray(array)
        ds.SetMetadataItem("E84_SEGMENT_MODEL", "test-model.pt")
        ds = None
        paths.append(str(folder / name))
    return paths, res


def test_footprints_whole_across_tile_edges_with_area_and_confidence(tmp_path):
    classes = np.zeros((512, 512), np.uint8)
    classes[240:280, 100:140] = 1  # 40 x 40 px, straddling the edge between two tile rows
    classes[10:12, 10:12] = 1  # a 4-pixel speck
    probability = np.where(classes == 1, 200, 10).astype(np.uint8)
    (classes_path, probability_path), res = write_prediction(tmp_path, classes, probability)
    found = list(vectorize.footprints(classes_path, probability_path, min_area_m2=1.0))
    assert len(found) == 1  # the speck (4 px of 0.15 m) is under 1 m2; the building is whole
    latitude = tiles.latitude_of_mercator_y(tiles.mercator_bounds(TILE)[3])
    ground = (40 * res * np.cos(np.radians(latitude))) ** 2
    assert found[0].area_m2 == pytest.approx(ground, rel=1e-3)
    assert found[0].confidence == pytest.approx(200 / 255)


def test_square_corners_and_simplify(tmp_path):
    classes = np.zeros((256, 256), np.uint8)
    for row in range(60, 160):  # a staircase-edged block, as a network traces a slanted wall
        classes[row, 60 + (row - 60) // 25 : 160] = 1
    (classes_path,), _ = write_prediction(tmp_path, classes)
    raw = next(vectorize.footprints(classes_path))
    simplified = next(vectorize.footprints(classes_path, simplify_m=0.5))
    squared = next(vectorize.footprints(classes_path, simplify_m=0.5, square=True))
    from osgeo import ogr

    def ring(footprint):
        # Keep the polygon alive while its ring is used: GDAL frees the ring with its parent.
        polygon = ogr.CreateGeometryFromWkb(footprint.wkb)
        return np.array(polygon.GetGeometryRef(0).GetPoints())

    def vertices(footprint):
        return len(ring(footprint))

    assert vertices(simplified) < vertices(raw)
    corners = ring(squared)[:-1]
    edges = np.roll(corners, -1, axis=0) - corners
    cosines = [abs(np.dot(a, b)) / (np.linalg.norm(a) * np.linalg.norm(b)) for a, b in zip(edges, np.roll(edges, -1, axis=0))]
    assert max(cosines) < 0.02  # every corner within about a degree of square


def test_polygonize_algorithm_writes_geopackage_and_empty_is_valid(build, tmp_path):
    import processing

    classes = np.zeros((256, 256), np.uint8)
    classes[50:100, 50:100] = 1
    (classes_path, probability_path), _ = write_prediction(tmp_path, classes, (classes * 230).astype(np.uint8))
    result = processing.run(
        "e84segment:polygonize",
        {"INPUT": classes_path, "PROBABILITY": probability_path, "OUTPUT": str(tmp_path / "buildings.gpkg")},
    )
    layer = QgsVectorLayer(result["OUTPUT"], "buildings", "ogr")
    assert layer.isValid() and layer.featureCount() == 1
    feature = next(layer.getFeatures())
    assert feature["model"] == "test-model.pt" and feature["confidence"] == pytest.approx(230 / 255, abs=1e-3)
    assert feature["area_m2"] > 50

    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    (empty_classes,), _ = write_prediction(empty_folder, np.zeros((256, 256), np.uint8))
    result = processing.run("e84segment:polygonize", {"INPUT": empty_classes, "OUTPUT": str(empty_folder / "none.gpkg")})
    empty = QgsVectorLayer(result["OUTPUT"], "none", "ogr")
    assert empty.isValid() and empty.featureCount() == 0 and result["COUNT"] == 0


def test_polygonize_refuses_a_raster_off_the_tile_grid(build, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from .test_nothing_half_written import class_raster

    utm = tmp_path / "classes_utm.tif"  # a class raster warped out of the tile grid's CRS
    gdal.Warp(str(utm), str(class_raster(tmp_path / "classes.tif")), dstSRS="EPSG:32636", resampleAlg="near")
    with pytest.raises(QgsProcessingException, match="not in EPSG:3857"):
        processing.run("e84segment:polygonize", {"INPUT": str(utm), "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()


def test_compareosm_splits_matched_missing_and_unsupported(build, tmp_path):
    import processing

    osm = str(require(KAMPALA / "buildings.geojson"))
    # "Predicted": OSM with every third building dropped, plus one invented building.
    predicted = str(tmp_path / "predicted.gpkg")
    gdal.VectorTranslate(predicted, osm, format="GPKG", SQLDialect="SQLITE", layerName="predicted",
                         SQLStatement="SELECT * FROM buildings WHERE (rowid % 3) != 0")
    extra = QgsVectorLayer(predicted, "p", "ogr")
    extra.startEditing()
    from qgis.core import QgsFeature, QgsGeometry

    invented = QgsFeature(extra.fields())
    invented.setGeometry(QgsGeometry.fromWkt("POLYGON ((32.5925 0.3510, 32.5926 0.3510, 32.5926 0.3511, 32.5925 0.3511, 32.5925 0.3510))"))
    extra.addFeature(invented)
    extra.commitChanges()
    predicted_count = extra.featureCount()
    outputs = {k: str(tmp_path / f"{k.lower()}.gpkg") for k in ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY")}
    result = processing.run(
        "e84segment:compareosm",
        dict(PREDICTED=predicted, REFERENCE=osm, MIN_AREA=0, OUTPUT_REPORT=str(tmp_path / "report.json"), **outputs),
    )
    report = json.loads((tmp_path / "report.json").read_text())
    matched = QgsVectorLayer(result["MATCHED"], "m", "ogr")
    assert report["tp"] == matched.featureCount() == predicted_count - 1
    assert report["fp"] == QgsVectorLayer(result["PREDICTED_ONLY"], "p", "ogr").featureCount() == 1
    assert report["fn"] == QgsVectorLayer(result["REFERENCE_ONLY"], "r", "ogr").featureCount()
    assert report["fn"] > 0 and report["precision"] == pytest.approx(report["tp"] / (report["tp"] + 1))
    assert all(f["iou"] > 0.99 for f in matched.getFeatures())
    assert result["F1"] == pytest.approx(report["f1"])


def test_compareosm_clips_reference_to_the_area_and_ignores_specks(build, tmp_path):
    import processing

    osm = str(require(KAMPALA / "buildings.geojson"))
    outputs = {k: "TEMPORARY_OUTPUT" for k in ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY")}
    # Half of one building's box as the area: the clipped reference half matches a clipped prediction.
    layer = QgsVectorLayer(osm, "osm", "ogr")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_mercator = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    box = to_mercator.transformBoundingBox(next(layer.getFeatures()).geometry().boundingBox())
    half = f"{box.xMinimum()},{box.center().x()},{box.yMinimum()},{box.yMaximum()} [EPSG:3857]"
    predicted = tmp_path / "predicted.geojson"  # the same buildings, as a prediction that found them all
    predicted.write_bytes(Path(osm).read_bytes())
    result = processing.run(
        "e84segment:compareosm",
        dict(PREDICTED=str(predicted), REFERENCE=osm, AOI=half, OUTPUT_REPORT=str(tmp_path / "r.json"), **outputs),
    )
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["reference"] >= 1 and report["fn"] == 0 and report["min_area_m2"] == 4.0
    assert result["F1"] > 0


def test_components_are_labelled_eight_connected():
    from e84_segment.core import instances

    mask = np.zeros((20, 20), bool)
    mask[2:6, 2:6] = True
    mask[6:9, 6:9] = True  # touches the first square at a corner: the same component
    mask[12:18, 12:18] = True
    labels, count = instances.label_components(mask)
    assert count == 2 and labels[3, 3] == labels[7, 7] != labels[15, 15] and (labels > 0).sum() == mask.sum()


def touching_pair():
    """Two roofs 40 px wide side by side, joined by a 2 px strip the model is less sure of."""
    classes = np.zeros((256, 256), np.uint8)
    classes[100:160, 60:142] = 1
    probability = np.where(classes == 1, 250, 5).astype(np.uint8)
    probability[100:160, 100:102] = 140  # the seam between them
    return classes, probability


def test_touching_buildings_split_where_the_probability_dips(tmp_path):
    from e84_segment.core import instances

    classes, probability = touching_pair()
    labels = instances.separate(classes == 1, probability)
    assert len(set(np.unique(labels)) - {0}) == 2 and (labels > 0).sum() == (classes == 1).sum()
    assert labels[130, 70] != labels[130, 130]
    whole = np.where(classes == 1, 250, 5).astype(np.uint8)  # one roof, sure everywhere: stays one
    assert len(set(np.unique(instances.separate(classes == 1, whole))) - {0}) == 1
    (classes_path, probability_path), _ = write_prediction(tmp_path, classes, probability)
    merged = list(vectorize.footprints(classes_path, probability_path))
    split = list(vectorize.footprints(classes_path, probability_path, separate=True))
    assert len(merged) == 1 and len(split) == 2
    assert sum(f.area_m2 for f in split) == pytest.approx(merged[0].area_m2, rel=1e-6)  # no pixel lost
    with pytest.raises(ValueError, match="needs the probability raster"):
        list(vectorize.footprints(classes_path, separate=True))


def test_polygonize_separates_when_asked(provider, tmp_path):
    import processing

    classes, probability = touching_pair()
    (classes_path, probability_path), _ = write_prediction(tmp_path, classes, probability)
    results = [processing.run("e84segment:polygonize", {"INPUT": classes_path, "PROBABILITY": probability_path,
                                                        "SEPARATE": separate, "OUTPUT": str(tmp_path / f"f{separate}.gpkg")})
               for separate in (False, True)]
    assert [r["COUNT"] for r in results] == [1, 2]
    # Two rectangles: four square corners each, as polygonize reports.
    assert results[1]["MEAN_VERTICES"] == 4 and results[1]["RIGHT_ANGLE_SHARE"] == 1.0
