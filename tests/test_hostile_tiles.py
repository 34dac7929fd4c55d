"""Issue 23, reliability F9-F12: a tile service that answers HTML, cut-short PNGs or nothing at all. Every
tile is decoded and sized before it is stored or used; what could not be read is said, with why; a
silent server is given up in seconds. Served from 127.0.0.1 (tests/tile_server.py's hostile modes)."""
import sqlite3
import time

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer

from e84_segment.core import tile_check, tile_fetch

from .conftest import KAMPALA, Recorder, needs_torch, require
from .test_build_training_data import Z20_A, extent_of
from .tile_server import Behaviour, TileServer


@pytest.fixture(autouse=True)
def no_cached_tiles():
    """QGIS's network cache outlives a test: a healthy server of an earlier test on the same port would
    answer from it in place of the hostile one."""
    from qgis.core import QgsNetworkAccessManager

    QgsNetworkAccessManager.instance().cache().clear()


def hostile(mode: str, everywhere: bool = False, **extra) -> TileServer:
    return TileServer(require(KAMPALA / "xyz"), Behaviour(hostile=mode, everywhere=everywhere, **extra))


def layer(server) -> QgsRasterLayer:
    return QgsRasterLayer(server.xyz_source(), "kampala over http", "wms")


def cache(server, output, feedback=None):
    import processing

    return processing.run("e84segment:cacheimagery", {
        "IMAGERY": layer(server), "AOI": extent_of(Z20_A), "MIN_ZOOM": 20, "MAX_ZOOM": 20, "ATTRIBUTION": "t",
        "OUTPUT": str(output)}, feedback=feedback or QgsProcessingFeedback())


def stored_count(path) -> int:
    with sqlite3.connect(str(path)) as db:
        return db.execute("SELECT COUNT(*) FROM tiles").fetchone()[0]


def test_the_tile_check_names_each_problem():
    png = next((KAMPALA / "xyz" / "20").glob("*/*.png")).read_bytes()
    assert tile_check.problem(png, 256) is None
    assert tile_check.problem(png[: len(png) // 3], 256) == tile_check.CUT_SHORT
    assert tile_check.problem(b"<html><body>Please log in</body></html>", 256) == tile_check.NOT_AN_IMAGE
    assert tile_check.problem(png, 512) == tile_check.WRONG_SIZE
    assert tile_check.problem(png + b"\0" * tile_check.MAX_TILE_BYTES, 256) == tile_check.TOO_LARGE
    tally = tile_check.Tally([tile_check.CUT_SHORT, tile_check.CUT_SHORT, tile_check.NOT_AN_IMAGE])
    assert tally.describe() == "2 cut short, 1 not an image"


def test_broken_tiles_are_never_stored_and_a_rerun_fetches_them(provider, tmp_path):
    """F10 (4.3b, 4.4b): 'Saved 4 tiles' with two that decode to nothing, and a rerun said '0 to fetch'."""
    output = tmp_path / "kampala.mbtiles"
    feedback = Recorder()
    with hostile("cut") as server:
        result = cache(server, output, feedback)
    left_out = [int(w.split()[0]) for w in feedback.warnings if "were left out" in w and "cut short" in w]
    assert left_out and result["SAVED"] > 0 and stored_count(output) == result["SAVED"], feedback.warnings
    with TileServer(require(KAMPALA / "xyz")) as healthy:
        again = cache(healthy, output)
    assert again["FETCHED"] == left_out[0] and again["SAVED"] == result["SAVED"] + left_out[0]
    for data, in sqlite3.connect(str(output)).execute("SELECT tile_data FROM tiles"):
        assert tile_check.problem(data, 256) is None


def test_a_service_of_login_pages_saves_nothing_and_says_why(provider, tmp_path):
    """F10 (4.1b): 'No tile was saved: the service has no imagery over this area' (it had: as HTML)."""
    output = tmp_path / "kampala.mbtiles"
    with hostile("html", everywhere=True) as server, \
            pytest.raises(QgsProcessingException, match=r"No tile was saved\. \d+ tiles the service sent were left out "
                                                         r"\(\d+ not an image\)"):
        cache(server, output)
    assert list(tmp_path.iterdir()) == []  # no empty partial file left


def test_prediction_says_what_it_could_not_see_and_refuses_when_it_saw_nothing(provider, tmp_path, trained):
    """F9 (4.1c-4.4c): 'the outputs are valid, and empty' over 100 % or 50 % no data."""
    import processing

    needs_torch()
    model, _ = trained

    def predict(server, name, feedback):
        return processing.run("e84segment:predictlocal", {
            "IMAGERY": layer(server), "MODEL": str(model), "AOI": extent_of(Z20_A), "ZOOM": 20, "TTA": False,
            "OUTPUT_CLASSES": str(tmp_path / f"{name}_c.tif"), "OUTPUT_PROBABILITY": str(tmp_path / f"{name}_p.tif")},
            feedback=feedback)

    feedback = Recorder()
    with hostile("cut") as server:
        predict(server, "half", feedback)
    share = [w for w in feedback.warnings if "of the area had no imagery" in w]
    assert share and any("could not be used (" in w and "cut short" in w for w in feedback.warnings), feedback.warnings
    classes = gdal.Open(str(tmp_path / "half_c.tif")).ReadAsArray()
    assert 0.2 < (classes == 255).mean() < 0.8
    feedback = Recorder()
    with hostile("html", everywhere=True) as server, pytest.raises(QgsProcessingException):
        predict(server, "none", feedback)
    assert not list(tmp_path.glob("none*")) and not list(tmp_path.glob(".none*"))


def test_a_server_that_never_answers_is_given_up_in_seconds_with_that_sentence(qgis_app, monkeypatch):
    """F11 (4.5a/b): 400 s at 0 %, then 'kept failing (Operation canceled) after 6 tries'."""
    from e84_segment.core import xyz
    from e84_segment.processing import tile_service

    monkeypatch.setattr(tile_fetch, "SILENCE_S", 1.0)
    with hostile("hang", everywhere=True, hang_s=5.0) as server:
        service = xyz.XyzService.parse(server.xyz_source())
        fetcher = tile_service.fetcher_for(service, 2, lambda: False)
        fetcher.policy.backoff_s = 0.1
        started = time.monotonic()
        tile = next(p for p in (KAMPALA / "xyz" / "20").glob("*/*.png") if int(p.parent.name) % 2 == 0)
        key = (int(tile.parent.name), int(tile.stem), 20)
        with pytest.raises(tile_fetch.FetchError, match=r"did not answer within 1 s \(2 tries\)"):
            list(fetcher.fetch_in_order([(key, service.url(key))]))
    assert time.monotonic() - started < 8
