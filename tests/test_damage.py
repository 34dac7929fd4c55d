"""e84segment:comparebuildings: OSM buildings painted over with bare ground in a temporary copy of the
Kampala imagery (the 'post-event' image) come out 'not seen' and first in the review order."""
import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from e84_segment.core import damage, masks

from .conftest import KAMPALA, buildings_in_3857, require

Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
BUILDINGS = KAMPALA / "buildings.geojson"
PAINTED = 12


def run(name, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=QgsProcessingFeedback())


@pytest.fixture(scope="module")
def post_event(tmp_path_factory):
    """A copy of the z20 mosaic with PAINTED large buildings painted over with the ground around them."""
    folder = tmp_path_factory.mktemp("post_event")
    copy = folder / "post_event.tif"
    gdal.Translate(str(copy), str(require(Z20_A)))
    ds = gdal.Open(str(copy), gdal.GA_Update)
    gt = ds.GetGeoTransform()
    bounds = (gt[0], gt[3] + ds.RasterYSize * gt[5], gt[0] + ds.RasterXSize * gt[1], gt[3])
    box = ogr.CreateGeometryFromWkt(
        f"POLYGON(({bounds[0]} {bounds[1]},{bounds[2]} {bounds[1]},{bounds[2]} {bounds[3]},{bounds[0]} {bounds[3]},{bounds[0]} {bounds[1]}))")
    buildings = buildings_in_3857()
    inside = [i for i, g in enumerate(buildings) if box.Contains(g) and g.GetArea() > 60]
    painted = sorted(inside, key=lambda i: -buildings[i].GetArea())[:PAINTED]
    every = masks.rasterize([bytes(g.ExportToWkb()) for g in buildings], bounds, ds.RasterXSize, ds.RasterYSize,
                            ds.GetProjection())
    chosen = masks.rasterize([bytes(buildings[i].ExportToWkb()) for i in painted], bounds, ds.RasterXSize,
                             ds.RasterYSize, ds.GetProjection())
    rng = np.random.default_rng(0)
    ground = every != masks.BUILDING
    for band in range(1, 4):
        pixels = ds.GetRasterBand(band).ReadAsArray()
        # Ground pixels drawn at random: the texture of bare soil and yards, not a flat patch.
        samples = pixels[ground]
        pixels[chosen == masks.BUILDING] = samples[rng.integers(0, samples.size, np.count_nonzero(chosen == masks.BUILDING))]
        ds.GetRasterBand(band).WriteArray(pixels)
    ds = None
    labelled = folder / "buildings.gpkg"  # the OSM buildings with their index, to find them in the output
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(labelled))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    layer = out.CreateLayer("buildings", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("idx", ogr.OFTInteger))
    for i, geometry in enumerate(buildings):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("idx", i)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    out = None
    return copy, painted, len(buildings), labelled


def test_painted_buildings_are_not_seen_and_reviewed_first(provider, tmp_path, trained, post_event):
    copy, painted, total, labelled = post_event
    model, _ = trained
    run("predictlocal", IMAGERY=str(copy), MODEL=str(model), TTA=False, OUTPUT_CLASSES=str(tmp_path / "classes.tif"),
        OUTPUT_PROBABILITY=str(tmp_path / "probability.tif"))
    result = run("comparebuildings", BUILDINGS=str(labelled), CLASSES=str(tmp_path / "classes.tif"),
                 PROBABILITY=str(tmp_path / "probability.tif"), OUTPUT=str(tmp_path / "triage.gpkg"))
    layer = QgsVectorLayer(str(tmp_path / "triage.gpkg"), "triage", "ogr")
    by_index = {f["idx"]: f for f in layer.getFeatures()}
    painted_rows = [by_index[i] for i in painted]
    others = [f for i, f in by_index.items() if i not in painted and f["status"] != damage.NO_IMAGERY]
    assert len(by_index) == total and result["NOT_SEEN"] >= sum(f["status"] == damage.NOT_SEEN for f in painted_rows)
    painted_share = np.mean([f["seen_share"] for f in painted_rows])
    other_share = np.mean([f["seen_share"] for f in others])
    print(f"seen share: painted {painted_share:.3f}, others {other_share:.3f}; painted statuses "
          f"{[f['status'] for f in painted_rows]}")
    assert painted_share < 0.25 < other_share
    assert sum(f["status"] == damage.NOT_SEEN for f in painted_rows) >= PAINTED * 2 // 3
    # The painted ones come first in the review order.
    ranks = sorted(f["review_rank"] for f in painted_rows)
    assert np.median(ranks) <= 2 * PAINTED


def test_statuses_and_refusals(provider, tmp_path):
    assert [damage.status_of(s) for s in (None, 0.0, 0.15, 0.49, 0.5)] == [
        damage.NO_IMAGERY, damage.NOT_SEEN, damage.PARTLY, damage.PARTLY, damage.INTACT]
    classes = tmp_path / "classes.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(classes), 10, 10, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((0, 1, 0, 10, 0, -1))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    ds.SetSpatialRef(srs)
    ds = None
    with pytest.raises(QgsProcessingException, match="No building lies on the post-event prediction"):
        run("comparebuildings", BUILDINGS=str(require(BUILDINGS)), CLASSES=str(classes), OUTPUT=str(tmp_path / "t.gpkg"))
    with pytest.raises(QgsProcessingException, match="PARTLY_SHARE .* lower it"):
        run("comparebuildings", BUILDINGS=str(BUILDINGS), CLASSES=str(classes), SEEN_SHARE=0.2, PARTLY_SHARE=0.4,
            OUTPUT=str(tmp_path / "t.gpkg"))
