"""e84segment:cacheimagery on the shared Kampala tiles served from 127.0.0.1: the saved file holds the
service's own tiles, opens in GDAL and QGIS, gives the same chips as the service, resumes after a
cancel without fetching anything twice, and refuses what it should before fetching."""
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer

from e84_segment.core import tiles
from e84_segment.processing.cache_imagery import partial_path

from .conftest import KAMPALA, render_seams, require
from .test_build_training_data import BUILDINGS, Z20_A, extent_of, files_of
from .tile_server import TileServer

XYZ = KAMPALA / "xyz"


@pytest.fixture
def served():
    with TileServer(require(XYZ)) as server:
        yield server


def cache(provider, server, output: Path, feedback=None, **parameters):
    import processing

    parameters = {"IMAGERY": QgsRasterLayer(server.xyz_source(), "kampala", "wms"), "AOI": extent_of(Z20_A),
                  "MIN_ZOOM": 19, "MAX_ZOOM": 21, "ATTRIBUTION": "© OpenAerialMap contributors", "OUTPUT": str(output),
                  **parameters}
    return processing.run("e84segment:cacheimagery", parameters, feedback=feedback or QgsProcessingFeedback())


def stored(path: Path) -> dict:
    """(z, x, y) -> bytes, from either format."""
    db = sqlite3.connect(str(path))
    try:
        if path.suffix == ".mbtiles":
            return {(z, x, (1 << z) - 1 - row): bytes(data) for z, x, row, data in db.execute("SELECT * FROM tiles")}
        return {(z, x, y): bytes(data) for z, x, y, data in
                db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM imagery")}
    finally:
        db.close()


def on_disk(keys) -> dict:
    found = {}
    for z, x, y in keys:
        path = XYZ / str(z) / str(x) / f"{y}.png"
        if path.exists():
            found[(z, x, y)] = path.read_bytes()
    return found


@pytest.mark.parametrize("suffix", [".mbtiles", ".gpkg"])
def test_saved_file_holds_the_services_tiles_and_reads_like_the_service(provider, build, served, tmp_path, suffix):
    output = tmp_path / f"kampala{suffix}"
    result = cache(provider, served, output)
    saved = stored(output)
    area_tiles = {(z, x, y) for z in (19, 20, 21) for x, y, _ in
                  [t for t in tiles.tiles_in_box(_bounds(Z20_A), z)]}
    expected = on_disk(area_tiles)
    assert len(expected) >= 20 and saved == expected  # byte for byte, nothing else
    assert result["SAVED"] == result["FETCHED"] == len(expected)
    assert Counter(hit.path for hit in served.hits if hit.status == 200).most_common(1)[0][1] == 1
    ds = gdal.Open(str(output))
    assert ds.GetRasterBand(1).GetOverviewCount() == 2  # zooms 20 and 19
    metadata = " ".join(ds.GetMetadata().values())
    assert "OpenAerialMap" in metadata and served.url in metadata
    assert QgsRasterLayer(str(output), "offline", "gdal").isValid()
    # The steps read the file as they read the service: the same chips, byte for byte.
    common = dict(LABELS=str(BUILDINGS), ZOOM=20, AOI=extent_of(Z20_A), SEED=3)
    build(IMAGERY=str(output), OUTPUT=str(tmp_path / "from_file"), **common)
    build(IMAGERY=QgsRasterLayer(served.xyz_source(), "kampala", "wms"), OUTPUT=str(tmp_path / "from_service"), **common)
    from_file, from_service = files_of(tmp_path / "from_file"), files_of(tmp_path / "from_service")
    jpgs = [name for name in from_service if name.endswith(".jpg")]
    assert len(jpgs) == 4 and all(from_file[name] == from_service[name] for name in jpgs)


def _bounds(path: Path):
    ds = gdal.Open(str(require(path)))
    gt = ds.GetGeoTransform()
    return (gt[0], gt[3] + ds.RasterYSize * gt[5], gt[0] + ds.RasterXSize * gt[1], gt[3])


class CancelHalfway(QgsProcessingFeedback):
    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        if progress >= 40:
            self.cancel()


def test_a_cancelled_run_resumes_and_fetches_only_the_rest(provider, served, tmp_path):
    output = tmp_path / "kampala.mbtiles"
    assert cache(provider, served, output, CancelHalfway()) == {}
    assert not output.exists() and partial_path(output).exists()
    first = [hit.path for hit in served.hits if hit.status == 200]
    kept = stored(partial_path(output))
    assert 0 < len(kept) <= len(first)  # what was handed over before the cancel is kept
    served.hits.clear()
    result = cache(provider, served, output)
    second = [hit.path for hit in served.hits if hit.status == 200]
    assert output.exists() and not partial_path(output).exists()
    assert result["SAVED"] == len(kept) + result["FETCHED"] == len(stored(output)) == len(on_disk(stored(output)))
    # Nothing is asked of the server twice: tiles fetched but not yet stored at the cancel come back from
    # QGIS's network cache.
    assert Counter(first + second).most_common(1)[0][1] == 1
    assert not {f"/{z}/{x}/{y}.png" for z, x, y in kept} & set(second)
    # Run on the finished file: a wider zoom range adds only the new zoom.
    served.hits.clear()
    result = cache(provider, served, output, MIN_ZOOM=18,
                   IMAGERY=QgsRasterLayer(served.xyz_source(zmin=18), "kampala", "wms"))
    assert {hit.path.split("/")[1] for hit in served.hits} == {"18"}  # the shared folder has no zoom 18: 404s
    assert result["FETCHED"] == sum(hit.status == 200 for hit in served.hits) and result["SAVED"] == len(stored(output))


def test_drawn_tiles_are_stored_when_qgis_must_render(provider, served, tmp_path):
    """CONCURRENCY 0 takes the path of WMS and WMTS layers: QGIS draws each tile, stored as PNG."""
    output = tmp_path / "drawn.gpkg"
    cache(provider, served, output, MIN_ZOOM=20, MAX_ZOOM=20, CONCURRENCY=0)
    from PIL import Image
    import io
    import numpy as np

    saved = stored(output)
    expected = on_disk(saved)
    assert len(saved) == len(expected) >= 4
    for key, data in saved.items():
        drawn = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))
        source = np.asarray(Image.open(io.BytesIO(expected[key])).convert("RGBA"))
        opaque = (source[..., 3] == 255) & ~render_seams(256)
        assert (drawn[opaque] == source[opaque]).all()


@pytest.mark.parametrize("parameters,match", [
    ({"MAX_TILES": 10}, r"need about [\d,]+ tiles, above MAX_TILES \(10\)"),
    ({"MIN_ZOOM": 21, "MAX_ZOOM": 19}, "swap them"),
    ({"MIN_ZOOM": 17}, r"no tiles of its own at zoom 17, 18 \(it offers 19-21\)"),
    ({"OUTPUT": "kampala.tif"}, r"\.mbtiles or \.gpkg"),
])
def test_refusals_say_what_to_change_and_fetch_nothing(provider, served, tmp_path, parameters, match):
    if "OUTPUT" in parameters:
        parameters["OUTPUT"] = str(tmp_path / parameters["OUTPUT"])
    with pytest.raises(QgsProcessingException, match=match):
        cache(provider, served, tmp_path / "x.mbtiles", **parameters)
    assert served.hits == [] and list(tmp_path.iterdir()) == []


def test_openstreetmap_tiles_and_files_are_refused(provider, served, tmp_path):
    osm = QgsRasterLayer("type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=19",
                         "OpenStreetMap", "wms")
    with pytest.raises(QgsProcessingException, match="forbid bulk downloads"):
        cache(provider, served, tmp_path / "osm.mbtiles", IMAGERY=osm)
    with pytest.raises(QgsProcessingException, match="is a file already"):
        cache(provider, served, tmp_path / "tif.mbtiles", IMAGERY=str(Z20_A))
    not_a_cache = tmp_path / "other.gpkg"
    not_a_cache.write_bytes(b"")
    sqlite3.connect(str(not_a_cache)).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(QgsProcessingException, match="not an imagery cache"):
        cache(provider, served, not_a_cache)


def test_a_wmts_layer_on_the_slippy_grid_is_saved_from_its_own_tiles(provider, served, tmp_path):
    output = tmp_path / "wmts.mbtiles"
    cache(provider, served, output, IMAGERY=QgsRasterLayer(served.wmts_source(), "kampala wmts", "wms"),
          MIN_ZOOM=20, MAX_ZOOM=20)
    saved = stored(output)
    assert len(saved) >= 4 and saved == on_disk(saved)  # the server's PNG bytes, not a drawing
    assert all(hit.path.startswith("/wmts/") for hit in served.hits)
    assert "/wmts/tile/" in " ".join(gdal.Open(str(output)).GetMetadata().values())
