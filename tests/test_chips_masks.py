"""Chip readers and mask rasterizing against real imagery and golden files."""
import numpy as np
from osgeo import gdal, ogr
from PIL import Image

from e84_segment.core import chips, masks, tiles

from .conftest import ATLANTA, KAMPALA, kampala_xyz_source, render_seams, require

Z20_TIF = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"


def _tile_window(ds, tile):
    """Integer pixel window of a tile in a raster that sits on the tile grid."""
    gt = ds.GetGeoTransform()
    minx, miny, maxx, maxy = tiles.mercator_bounds(tile)
    return (round((minx - gt[0]) / gt[1]), round((maxy - gt[3]) / gt[5]), round((maxx - minx) / gt[1]), round((miny - maxy) / gt[5]))


def _tiles_of(ds):
    gt = ds.GetGeoTransform()
    bounds = (gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3])
    return tiles.tiles_in_box(bounds, 20)


def test_gdal_chip_equals_source_window():
    ds = gdal.Open(str(require(Z20_TIF)))
    reader = chips.GdalChipReader(str(Z20_TIF), 256)
    assert reader.plan.stretch is None and reader.plan.bands == (1, 2, 3)
    grid = _tiles_of(ds)
    assert len(grid) == 4
    for tile in grid:
        xoff, yoff, w, h = _tile_window(ds, tile)
        expected = np.dstack([ds.GetRasterBand(b).ReadAsArray(xoff, yoff, w, h) for b in (1, 2, 3)])
        rgb, valid = reader.read(tiles.mercator_bounds(tile))
        assert valid.all()
        np.testing.assert_array_equal(rgb, expected)


def test_512_pixel_chips_of_the_zoom_above_match_the_source():
    ds = gdal.Open(str(require(Z20_TIF)))
    reader = chips.GdalChipReader(str(Z20_TIF), 512)
    x, y, _ = _tiles_of(ds)[0]
    parent = (x // 2, y // 2, 19)  # a z19 tile at 512 px has the z20 mosaic's own resolution
    rgb, valid = reader.read(tiles.mercator_bounds(parent))
    assert rgb.shape == (512, 512, 3) and valid.all()
    np.testing.assert_array_equal(rgb, np.dstack([ds.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3)]))


def test_gdal_chip_half_outside_the_image_is_masked():
    ds = gdal.Open(str(require(Z20_TIF)))
    reader = chips.GdalChipReader(str(Z20_TIF), 256)
    x, y, z = _tiles_of(ds)[0]
    rgb, valid = reader.read(tiles.mercator_bounds((x - 1, y, z)))  # the tile west of the image
    assert not valid.any() and not rgb.any()
    minx, miny, maxx, maxy = tiles.mercator_bounds((x, y, z))
    shifted = (minx - (maxx - minx) / 2, miny, maxx - (maxx - minx) / 2, maxy)
    rgb, valid = reader.read(shifted)
    assert not valid[:, :128].any() and valid[:, 128:].all()


def test_rendered_xyz_reads_rgb_and_rgba_tiles(qgis_app):
    source = kampala_xyz_source()
    reader = chips.RenderedChipReader(source, "wms", 256)
    pngs = sorted((KAMPALA / "xyz" / "20").glob("*/*.png"))
    modes = {}
    for png in pngs:
        with Image.open(png) as image:
            modes.setdefault(image.mode, png)
    assert {"RGB", "RGBA"} <= set(modes), modes
    for mode, png in modes.items():
        tile = (int(png.parent.name), int(png.stem), 20)
        with Image.open(png) as image:
            expected = np.asarray(image.convert("RGBA"))
        rgb, valid = reader.read(tiles.mercator_bounds(tile))
        opaque = (expected[:, :, 3] == 255) & ~render_seams(256)
        np.testing.assert_array_equal(valid[opaque], True)
        np.testing.assert_array_equal(rgb[opaque], expected[:, :, :3][opaque])


def test_16bit_single_band_is_stretched_to_visible_rgb():
    path = str(require(ATLANTA / "sample_geotiff.tif"))
    reader = chips.GdalChipReader(path, 256)  # EPSG:32616 -> warped on the fly
    plan, ds = reader.plan, reader.ds
    assert plan.stretch is not None and plan.bands[0] == plan.bands[1] == plan.bands[2]
    gt = ds.GetGeoTransform()
    centre_x = gt[0] + gt[1] * ds.RasterXSize / 2
    centre_y = gt[3] + gt[5] * ds.RasterYSize / 2
    tile = tiles.tiles_in_box((centre_x - 1, centre_y - 1, centre_x + 1, centre_y + 1), 19)[0]
    rgb, valid = reader.read(tiles.mercator_bounds(tile))
    assert valid.mean() > 0.9
    values = rgb[valid]
    assert 40 < values.mean() < 215 and values.std() > 20  # stretched: neither black nor flat
    assert (rgb[:, :, 0] == rgb[:, :, 1]).all()  # grey replicated to RGB


def test_golden_spacenet_mask_is_reproduced():
    reference = gdal.Open(str(require(ATLANTA / "sample_fp_mask_from_geojson.tif")))
    golden = reference.GetRasterBand(1).ReadAsArray()
    # The golden mask carries no georeferencing: it is on the grid of the scene it was made for.
    scene = gdal.Open(str(ATLANTA / "sample_geotiff.tif"))
    gt = scene.GetGeoTransform()
    bounds = (gt[0], gt[3] + gt[5] * scene.RasterYSize, gt[0] + gt[1] * scene.RasterXSize, gt[3])
    source = ogr.Open(str(ATLANTA / "geotiff_labels.geojson"))
    layer = source.GetLayer(0)
    polygons = [bytes(f.GetGeometryRef().ExportToWkb()) for f in layer]
    mask = masks.rasterize(polygons, bounds, scene.RasterXSize, scene.RasterYSize, scene.GetProjection())
    assert golden.max() == 255 and mask.max() == masks.BUILDING
    np.testing.assert_array_equal(mask.astype(np.uint16) * 255, golden)


def test_mask_ignore_value_and_fraction():
    valid = np.ones((4, 4), dtype=bool)
    valid[0] = False
    square = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
    mask = masks.rasterize([bytes(square.ExportToWkb())], (0, 0, 4, 4), 4, 4, chips_srs_wkt(), valid)
    assert (mask[0] == masks.IGNORE).all()
    assert mask[2:, :2].tolist() == [[1, 1], [1, 1]]
    assert masks.building_fraction(mask) == 4 / 12


def chips_srs_wkt():
    from e84_segment.core.export import MERCATOR_WKT

    return MERCATOR_WKT
