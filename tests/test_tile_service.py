"""Chips and predictions from an XYZ service's own tiles, fetched many at a time through QGIS's network
manager, against QGIS's rendering of the same layer; the fetcher's manners (429 + Retry-After, 5xx,
refusals), on the shared Kampala tiles served from 127.0.0.1."""
import time
from collections import Counter
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer

from e84_segment.core import tile_fetch, xyz

from .conftest import KAMPALA, render_seams, require, same_outside_seams
from .test_build_training_data import BUILDINGS, Z20_A, Z20_B, extent_of, files_of
from .tile_server import Behaviour, TileServer


@pytest.fixture
def served():
    with TileServer(require(KAMPALA / "xyz")) as server:
        yield server


def layer(server: TileServer) -> QgsRasterLayer:
    imagery = QgsRasterLayer(server.xyz_source(), "kampala over http", "wms")
    assert imagery.isValid()
    return imagery


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)


@pytest.mark.parametrize("zoom,tile_size,aoi", [(20, 256, Z20_A), (21, 256, Z20_A), (20, 512, Z20_B)])
def test_direct_tiles_give_the_rendered_chips_byte_for_byte(build, tmp_path, served, zoom, tile_size, aoi):
    common = dict(LABELS=str(BUILDINGS), ZOOM=zoom, TILE_SIZE=tile_size, AOI=extent_of(aoi), SEED=3)
    log = Log()
    build(log, IMAGERY=layer(served), OUTPUT=str(tmp_path / "direct"), CONCURRENCY=8, **common)
    assert any("own tiles, 8 requests at a time" in line for line in log.lines), log.lines
    fetched = Counter(hit.path for hit in served.hits)
    # Rendered second: QGIS's network cache, which the direct fetch fills, serves both.
    build(IMAGERY=layer(served), OUTPUT=str(tmp_path / "rendered"), CONCURRENCY=0, **common)
    rendered, direct = files_of(tmp_path / "rendered"), files_of(tmp_path / "direct")
    images = [name for name in rendered if name.endswith((".jpg", ".png"))]
    assert len(images) >= 8 and sorted(images) == sorted(n for n in direct if n.endswith((".jpg", ".png")))
    assert all(same_outside_seams(rendered[name], direct[name]) for name in images)
    # Each service tile once: a 512 px chip is four tiles of the next zoom.
    assert set(fetched.values()) == {1}
    chips = sum(name.endswith(".jpg") for name in images)
    assert len(fetched) >= chips * (tile_size // 256) ** 2
    assert {p.split("/")[1] for p in fetched} == {str(zoom + (tile_size // 256) - 1)}


def test_a_wmts_layer_on_the_slippy_grid_gives_the_rendered_chips_from_its_own_tiles(build, tmp_path, served):
    common = dict(LABELS=str(BUILDINGS), ZOOM=20, AOI=extent_of(Z20_A), SEED=3)
    wmts_layer = QgsRasterLayer(served.wmts_source(), "kampala wmts", "wms")
    assert wmts_layer.isValid()
    log = Log()
    build(log, IMAGERY=wmts_layer, OUTPUT=str(tmp_path / "direct"), **common)
    assert any("own tiles" in line for line in log.lines), log.lines
    tile_hits = [hit.path for hit in served.hits if "/wmts/tile/GoogleMapsCompatible/EPSG:3857:20/" in hit.path]
    assert len(tile_hits) == len(set(tile_hits)) >= 4
    build(IMAGERY=QgsRasterLayer(served.wmts_source(), "kampala wmts", "wms"), OUTPUT=str(tmp_path / "rendered"),
          CONCURRENCY=0, **common)
    direct, rendered = files_of(tmp_path / "direct"), files_of(tmp_path / "rendered")
    images = sorted(name for name in rendered if name.endswith((".jpg", ".png")))
    assert len(images) == 8 and images == sorted(n for n in direct if n.endswith((".jpg", ".png")))
    assert all(same_outside_seams(rendered[name], direct[name]) for name in images)


def test_wmts_capabilities_give_the_slippy_zooms_and_tile_addresses():
    from e84_segment.core import wmts

    from .tile_server import capabilities

    values = wmts.source_values(TileServer.wmts_source(_Fake()))
    service = wmts.parse(capabilities("http://h", zooms=range(3, 6)).encode(), values)
    assert service.matrices == {3: "EPSG:3857:3", 4: "EPSG:3857:4", 5: "EPSG:3857:5"}
    assert service.url((7, 9, 4)) == "http://h/wmts/tile/GoogleMapsCompatible/EPSG:3857:4/9/7.png"
    assert not service.has_zoom(6) and service.address() == "http://h/wmts/tile/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"
    # Without a RESTful template: KVP GetTile; a matrix set in another CRS: no service.
    kvp = capabilities("http://h", zooms=[4]).replace('resourceType="tile"', 'resourceType="other"').replace(
        "</Contents>", "</Contents><ows:OperationsMetadata><ows:Operation name=\"GetTile\"><ows:DCP><ows:HTTP>"
        "<ows:Get xlink:href=\"http://h/kvp?\"/></ows:HTTP></ows:DCP></ows:Operation></ows:OperationsMetadata>")
    assert wmts.parse(kvp.encode(), values).url((1, 2, 4)) == (
        "http://h/kvp?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=kampala&STYLE=default&FORMAT=image%2Fpng"
        "&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=EPSG%3A3857%3A4&TILEROW=2&TILECOL=1")
    other_crs = capabilities("http://h").replace("urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::2056")
    assert wmts.parse(other_crs.encode(), values) is None
    assert wmts.source_values(TileServer.xyz_source(_Fake())) is None


class _Fake:
    url = "http://h"


def test_no_line_up_falls_back_to_rendering(build, tmp_path, served):
    """Zoom 22 is past the service's zmax (21): QGIS upsamples zoom 21 tiles, so it renders."""
    log = Log()
    build(log, IMAGERY=layer(served), OUTPUT=str(tmp_path / "out"), LABELS=str(BUILDINGS), ZOOM=22, MAX_TILES=100,
          AOI=_small_aoi(), ALLOW_NO_LABELS=True)
    assert any("do not line up" in line for line in log.lines), log.lines


def _small_aoi() -> str:
    ds = gdal.Open(str(require(Z20_A)))
    gt = ds.GetGeoTransform()
    x, y = gt[0] + 300 * gt[1], gt[3] + 300 * gt[5]
    return f"{x},{x + 20},{y - 20},{y} [EPSG:3857]"


def test_prediction_from_direct_tiles_equals_the_rendered_one(provider, tmp_path, served, trained):
    import processing

    model, _ = trained
    outputs = {}
    for concurrency in (0, 8):
        folder = tmp_path / str(concurrency)
        folder.mkdir()
        processing.run("e84segment:predictlocal", {
            "IMAGERY": layer(served), "MODEL": str(model), "AOI": extent_of(Z20_B), "TTA": False,
            "CONCURRENCY": concurrency, "OUTPUT_CLASSES": str(folder / "classes.tif"),
            "OUTPUT_PROBABILITY": str(folder / "probability.tif"),
        }, feedback=QgsProcessingFeedback())
        outputs[concurrency] = [gdal.Open(str(folder / name)).ReadAsArray() for name in ("classes.tif", "probability.tif")]
    for rendered, direct in zip(outputs[0], outputs[8]):
        assert rendered.shape == direct.shape
        if render_seams(256).any():  # a line changed on a tile edge moves what the network sees around it
            assert (rendered == direct).mean() > 0.97
        else:
            assert (rendered == direct).all()


def test_a_refusing_service_stops_the_step_with_what_to_change(build, tmp_path):
    with TileServer(require(KAMPALA / "xyz"), Behaviour(fail_all=(403, None))) as server:
        with pytest.raises(QgsProcessingException, match="HTTP 403.*authentication"):
            build(IMAGERY=layer(server), OUTPUT=str(tmp_path / "out"), LABELS=str(BUILDINGS), ZOOM=20,
                  AOI=extent_of(Z20_A))
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".*"))


# The fetcher on its own (urllib as the transport: the same contract QGIS's manager is wrapped in).

def urllib_transport(url: str) -> tile_fetch.Response:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return tile_fetch.Response(answer.status, answer.read(), {k.lower(): v for k, v in answer.headers.items()})
    except urllib.error.HTTPError as error:
        return tile_fetch.Response(error.code, b"", {k.lower(): v for k, v in error.headers.items()})
    except OSError as error:
        return tile_fetch.Response(0, error=str(error))


def some_tiles(server: TileServer, n: int):
    found = sorted((KAMPALA / "xyz").glob("*/*/*.png"))[:n]
    assert len(found) == n
    return [(str(p), f"{server.url}/{p.relative_to(KAMPALA / 'xyz').as_posix()}") for p in found]


def test_429_with_retry_after_pauses_every_request_then_resumes(served):
    items = some_tiles(served, 12)
    first = items[0][1].split(served.url)[1]
    served.behaviour.failures[first] = [(429, "1")]
    fetcher = tile_fetch.TileFetcher(urllib_transport, tile_fetch.FetchPolicy(concurrency=4))
    got = list(fetcher.fetch_in_order(items))
    assert [key for key, _ in got] == [key for key, _ in items] and all(data for _, data in got)
    refused = next(hit for hit in served.hits if hit.status == 429)
    # After the 429 no request at all starts within the second the server asked for, except those
    # already on their way (at most concurrency - 1).
    early = [hit for hit in served.hits if refused.at < hit.at < refused.at + 0.95]
    assert len(early) <= 3
    assert fetcher.stats.throttled == 1 and fetcher.stats.fetched == 12
    assert Counter(hit.path for hit in served.hits if hit.status == 200).most_common(1)[0][1] == 1


def test_5xx_is_retried_with_backoff_and_a_dead_service_gives_up_with_a_sentence(served):
    items = some_tiles(served, 2)
    path = items[0][1].split(served.url)[1]
    served.behaviour.failures[path] = [(503, None), (502, None)]
    waits = []
    fetcher = tile_fetch.TileFetcher(urllib_transport, tile_fetch.FetchPolicy(concurrency=1, backoff_s=0.01), sleep=waits.append)
    assert all(data for _, data in fetcher.fetch_in_order(items))
    assert fetcher.stats.retries == 2 and len(waits) == 2 and waits[1] > waits[0] * 0.9
    served.behaviour.fail_all = (500, None)
    fetcher = tile_fetch.TileFetcher(urllib_transport, tile_fetch.FetchPolicy(retries=2, backoff_s=0.0), sleep=lambda s: None)
    with pytest.raises(tile_fetch.FetchError, match="kept failing .HTTP 500. after 3 tries"):
        list(fetcher.fetch_in_order(items))


def test_a_retry_after_too_long_to_wait_is_said():
    fetcher = tile_fetch.TileFetcher(lambda url: tile_fetch.Response(429, headers={"retry-after": "3600"}))
    with pytest.raises(tile_fetch.FetchError, match="wait 3600 s"):
        fetcher.fetch("https://tiles.example/1/0/0.png?key=secret")


def test_retry_after_reads_seconds_and_http_dates():
    assert tile_fetch.retry_after_seconds("120") == 120.0
    now = time.time()
    from email.utils import formatdate

    assert abs(tile_fetch.retry_after_seconds(formatdate(now + 30, usegmt=True), now) - 30) < 1.01
    assert tile_fetch.retry_after_seconds("soon") is None and tile_fetch.retry_after_seconds(None) is None


def test_missing_tiles_are_no_data_and_keys_are_not_leaked():
    fetcher = tile_fetch.TileFetcher(lambda url: tile_fetch.Response(404))
    assert fetcher.fetch("https://a/1/0/0.png") is None and fetcher.stats.missing == 1
    refusing = tile_fetch.TileFetcher(lambda url: tile_fetch.Response(401))
    with pytest.raises(tile_fetch.FetchError) as error:
        refusing.fetch("https://a/1/0/0.png?access_token=secret")
    assert "secret" not in str(error.value) and "authentication configuration" in str(error.value)


def test_xyz_sources_as_qgis_writes_them():
    service = xyz.XyzService.parse(
        "http-header:referer=https%3A%2F%2Fexample.org&tilePixelRatio=2&type=xyz"
        "&url=https://t.example/%7Bz%7D/%7Bx%7D/%7B-y%7D.jpg?q%3D%7Bq%7D&zmax=19&zmin=2&authcfg=abc1234"
    )
    assert service.zmin == 2 and service.zmax == 19 and service.tile_size == 512 and service.authcfg == "abc1234"
    assert service.headers == {"referer": "https://example.org"}
    assert service.url((3, 1, 2)) == "https://t.example/2/3/2.jpg?q=13"  # Bing quadkey of x 3, y 1, z 2
    assert xyz.XyzService.parse("contextualWMSLegend=0&crs=EPSG:3857&layers=a&url=https://wms.example") is None


def test_files_of_the_server_are_the_shared_tiles(served):
    """The server serves the shared folder as is (a sanity check for the comparisons above)."""
    path = next((KAMPALA / "xyz" / "20" / "619212").iterdir())
    data = urllib_transport(f"{served.url}/20/619212/{path.name}").body
    assert data == Path(path).read_bytes()
