"""The tile-first correction loop: e84segment:suggesttiles ranks the tiles whose correction should teach most
(core.active), and trainfromreview's TILES makes every pixel of a corrected tile known."""
import json
import subprocess

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from e84_segment.core import active, dataset, masks, review, tiles

from .conftest import buildings_in_3857, require
from .test_review import MERCATOR, Z20_A, area_a, footprint_layer, run  # noqa: F401 (fixture)


def flat(value: float, size: int = 32, flips: int = 4) -> np.ndarray:
    return np.full((flips, size, size), value, np.float32)


def rgb(colour, size: int = 32) -> np.ndarray:
    return np.broadcast_to(np.array(colour, np.uint8), (size, size, 3)).copy()


def test_a_tile_the_model_cannot_decide_scores_above_one_it_can():
    valid = np.ones((32, 32), bool)
    sure = active.measure((0, 0, 20), rgb((90, 90, 90)), valid, flat(0.02))
    unsure = active.measure((1, 0, 20), rgb((90, 90, 90)), valid, flat(0.5))
    assert sure.undecided == 0 and unsure.undecided == 1.0
    assert unsure.expected_errors == pytest.approx(1.0) and sure.expected_errors == pytest.approx(0.04)
    assert unsure.score > sure.score
    # Flips that disagree (one says building, three say not) count even where their mean looks sure.
    split = np.concatenate([flat(0.95, flips=1), flat(0.05, flips=3)])
    assert active.measure((2, 0, 20), rgb((90, 90, 90)), valid, split).disagreement > 0.5
    # Pixels without imagery are left out of every figure.
    half = valid.copy()
    half[:, 16:] = False
    probability = flat(0.5)
    probability[:, :, :16] = 0.0
    measured = active.measure((3, 0, 20), rgb((90, 90, 90)), half, probability)
    assert measured.valid == 0.5 and measured.undecided == 0.0


def test_the_ranking_keeps_eight_suggestions_different():
    """Six near-identical uncertain tiles and three other kinds: the suggestion mixes kinds, while ranking by
    score alone would take the look-alikes first."""
    valid = np.ones((32, 32), bool)
    measures = [active.measure((n, 0, 20), rgb((120, 120, 120)), valid, flat(0.45 - n * 0.001)) for n in range(6)]
    measures += [active.measure((10 + n, 0, 20), rgb(colour), valid, flat(0.35))
                 for n, colour in enumerate(((200, 40, 40), (30, 160, 30), (20, 20, 200)))]
    by_score = sorted(measures, key=lambda m: -m.score)[:4]
    assert all(m.tile[0] < 10 for m in by_score)  # score alone: four look-alikes
    chosen = active.rank(measures, 4)
    assert [s.rank for s in chosen] == [1, 2, 3, 4]
    assert chosen[0].measure.tile == (0, 0, 20)  # the most uncertain first
    assert sorted(s.measure.tile[0] for s in chosen[1:]) == [10, 11, 12], [s.measure.tile for s in chosen]
    scores = [s.score for s in chosen]
    assert scores == sorted(scores, reverse=True) and "unlike the tiles above" in chosen[1].reason
    # The baselines: most predicted buildings first; random, repeatable by seed; tiles short of imagery left out.
    busy = active.measure((20, 0, 20), rgb((90, 90, 90)), valid, flat(0.9))
    empty = active.measure((21, 0, 20), rgb((90, 90, 90)), np.zeros((32, 32), bool), flat(0.5))
    assert active.rank(measures + [busy], 1, active.MOST_BUILDINGS)[0].measure.tile == (20, 0, 20)
    first = [s.measure.tile for s in active.rank(measures, 5, active.RANDOM, seed=3)]
    assert first == [s.measure.tile for s in active.rank(measures, 5, active.RANDOM, seed=3)]
    assert (21, 0, 20) not in [s.measure.tile for s in active.rank(measures + [empty], 20)]
    with pytest.raises(ValueError, match="method must be one of"):
        active.rank(measures, 2, "loudest")


def test_a_polygon_is_matched_to_its_tile_only_when_it_is_one():
    tile = (619212, 523272, 20)
    candidates = tiles.tiles_in_box(tiles.mercator_bounds(tile), 20)
    assert active.tile_of_box(tiles.mercator_bounds(tile), candidates, tiles.mercator_bounds) == tile
    parent = tiles.mercator_bounds((tile[0] // 2, tile[1] // 2, 19))
    assert active.tile_of_box(parent, tiles.tiles_in_box(parent, 20), tiles.mercator_bounds) is None


def tile_layer(path, rows, fields=("z", "x", "y")):
    """A GeoPackage of tiles (EPSG:3857): rows of (tile, {field: value})."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("tiles", MERCATOR, ogr.wkbPolygon)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger))
    for tile, values in rows:
        minx, miny, maxx, maxy = tiles.mercator_bounds(tile)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({minx} {miny},{maxx} {miny},{maxx} {maxy},{minx} {maxy},{minx} {miny}))"))
        for name, value in values.items():
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    source = None
    return path


def area_tiles():
    ds = gdal.Open(str(require(Z20_A)))
    gt = ds.GetGeoTransform()
    inset = 0.01
    box = (gt[0] + inset, gt[3] + ds.RasterYSize * gt[5] + inset, gt[0] + ds.RasterXSize * gt[1] - inset, gt[3] - inset)
    return tiles.tiles_in_box(box, 20)


def suggested(path):
    layer = QgsVectorLayer(str(path), "s", "ogr")
    return sorted(((f["rank"], f["score"], (f["x"], f["y"], f["z"]), f["size"], f["reason"]) for f in layer.getFeatures()))


def squares(path) -> list:
    """(bounds, tile) of each feature. The layer stays in this frame: one held by the test's own frame outlives
    QGIS when a later refusal's traceback keeps that frame, and crashes the interpreter's exit."""
    layer = QgsVectorLayer(str(path), "s", "ogr")
    found = []
    for feature in layer.getFeatures():
        box = feature.geometry().boundingBox()
        found.append(((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), (feature["x"], feature["y"], feature["z"])))
    return found


def test_suggesttiles_ranks_the_areas_tiles_and_leaves_out_the_corrected(provider, tmp_path, trained):
    base, _ = trained
    every = area_tiles()
    assert len(every) == 4
    result = run("suggesttiles", MODEL=str(base), IMAGERY=str(Z20_A), COUNT=3, OUTPUT=str(tmp_path / "first.gpkg"))
    assert result["SUGGESTED"] == 3 and result["CANDIDATES"] == 4
    first = suggested(tmp_path / "first.gpkg")
    assert [r[0] for r in first] == [1, 2, 3] and all(r[3] == 256 for r in first)
    assert {r[2] for r in first} < set(every) and all(r[2][2] == 20 for r in first)
    assert [r[1] for r in first] == sorted((r[1] for r in first), reverse=True) and "undecided" in first[0][4]
    # Each square is its tile.
    for box, tile in squares(tmp_path / "first.gpkg"):
        assert np.allclose(box, tiles.mercator_bounds(tile), atol=0.01)
    # The next round leaves the corrected tiles out.
    again = run("suggesttiles", MODEL=str(base), IMAGERY=str(Z20_A), COUNT=3, EXCLUDE=str(tmp_path / "first.gpkg"),
                OUTPUT=str(tmp_path / "second.gpkg"))
    assert again["CANDIDATES"] == 1 and [r[2] for r in suggested(tmp_path / "second.gpkg")] == sorted(set(every) - {r[2] for r in first})
    with pytest.raises(QgsProcessingException, match="Every one of the 4 tiles of the area is in EXCLUDE"):
        run("suggesttiles", MODEL=str(base), IMAGERY=str(Z20_A), EXCLUDE=str(tile_layer(tmp_path / "all.gpkg", [(t, {}) for t in every])),
            OUTPUT=str(tmp_path / "third.gpkg"))
    with pytest.raises(QgsProcessingException, match="is not accepted here; choose a .pt file"):
        (tmp_path / "m.onnx").write_bytes(b"onnx")
        run("suggesttiles", MODEL=str(tmp_path / "m.onnx"), IMAGERY=str(Z20_A), OUTPUT=str(tmp_path / "fourth.gpkg"))


def masks_by_tile(folder) -> dict:
    found = {}
    for png in (folder / dataset.annotation_dir(tiles.TRAIN)).glob("*.png"):
        z, x, y = (int(v) for v in png.stem.split("-"))
        found[(x, y, z)] = dataset.read_mask(png)
    return found


def burnt(geometries, tile, shape):
    return masks.rasterize([bytes(g.ExportToWkb()) for g in geometries], tiles.mercator_bounds(tile), shape[1], shape[0],
                           MERCATOR.ExportToWkt()) == masks.BUILDING


def test_a_corrected_tile_makes_every_pixel_known(provider, tmp_path, trained):
    """Inside a corrected tile, footprints not rejected are building and everything else background (a tile with
    no footprint: background throughout); outside, an unreviewed footprint still teaches nothing."""
    base, _ = trained
    every = area_tiles()
    corrected, empty_tile, elsewhere = every[0], every[1], every[3]
    truth = buildings_in_3857()
    box = lambda t: ogr.CreateGeometryFromWkt(  # noqa: E731
        "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*tiles.mercator_bounds(t)))
    within = lambda t: [g for g in truth if box(t).Contains(g) and g.GetArea() > 20]  # noqa: E731
    in_corrected, in_elsewhere = within(corrected), within(elsewhere)
    assert len(in_corrected) >= 4 and in_elsewhere
    kept, rejected, drawn = in_corrected[:-2], in_corrected[-2], in_corrected[-1]
    rows = ([(g, None) for g in kept] + [(rejected, review.REJECTED), (drawn, review.ADDED)]
            + [(g, None) for g in in_elsewhere])
    layer = footprint_layer(tmp_path / "corrected.gpkg", rows)
    tile_file = tile_layer(tmp_path / "tiles.gpkg", [(corrected, {"z": 20, "x": corrected[0], "y": corrected[1]}),
                                                     (empty_tile, {})])  # no fields: the outline is the tile
    result = run("trainfromreview", IMAGERY=str(Z20_A), FOOTPRINTS=str(layer), TILES=str(tile_file), BASE_MODEL=str(base),
                 EPOCHS=1, REPLAY=False, DATASET=str(tmp_path / "chips"), OUTPUT=str(tmp_path / "m.pt"))
    assert result["CORRECTED"] == 2 and result["CHIPS"] == 2 and (tmp_path / "m.pt").is_file()
    found = masks_by_tile(tmp_path / "chips")
    assert set(found) == {corrected, empty_tile}  # the unreviewed tile makes no chip
    mask = found[corrected]
    building = burnt(kept + [drawn], corrected, mask.shape)
    assert (mask[building] == masks.BUILDING).all() and (mask[~building] != masks.BUILDING).all()
    assert set(np.unique(mask[~building])) <= {masks.BACKGROUND, masks.IGNORE}
    assert np.mean(mask[~building] == masks.BACKGROUND) > 0.99  # IGNORE only where the imagery has none
    assert np.mean(found[empty_tile] == masks.BACKGROUND) > 0.99 and not (found[empty_tile] == masks.BUILDING).any()
    meta = json.loads((tmp_path / "chips" / dataset.DATASET_JSON).read_text())["review"]
    assert meta["corrected_tiles"] == sorted(tiles.tile_name(t) for t in (corrected, empty_tile))


def test_bad_tiles_get_a_sentence(provider, tmp_path, trained):
    base, _ = trained
    every = area_tiles()
    layer = footprint_layer(tmp_path / "f.gpkg", [(g, None) for g in buildings_in_3857()[:3]])
    common = dict(IMAGERY=str(Z20_A), FOOTPRINTS=str(layer), BASE_MODEL=str(base), EPOCHS=1, REPLAY=False,
                  OUTPUT=str(tmp_path / "m.pt"))
    x, y, _ = every[0]
    zoom19 = tile_layer(tmp_path / "z19.gpkg", [((x // 2, y // 2, 19), {"z": 19, "x": x // 2, "y": y // 2})])
    with pytest.raises(QgsProcessingException, match="is at zoom 19, but the model works at zoom 20"):
        run("trainfromreview", TILES=str(zoom19), DATASET=str(tmp_path / "d1"), **common)
    drawn = tile_layer(tmp_path / "drawn.gpkg", [((x // 2, y // 2, 19), {})], fields=())
    with pytest.raises(QgsProcessingException, match="is not one tile of zoom 20"):
        run("trainfromreview", TILES=str(drawn), DATASET=str(tmp_path / "d2"), **common)
    sized = tile_layer(tmp_path / "sized.gpkg", [(every[0], {"z": 20, "x": x, "y": y, "size": 512})], ("z", "x", "y", "size"))
    with pytest.raises(QgsProcessingException, match="suggested for 512 px chips, but the model reads 256 px"):
        run("trainfromreview", TILES=str(sized), DATASET=str(tmp_path / "d3"), **common)
    far = tile_layer(tmp_path / "far.gpkg", [((0, 0, 20), {"z": 20, "x": 0, "y": 0})])
    with pytest.raises(QgsProcessingException, match="none of the 1 tiles overlaps the imagery"):
        run("trainfromreview", TILES=str(far), DATASET=str(tmp_path / "d4"), **common)
    # Footprints that lie in no corrected tile: the tile teaches "no building here", and the step says so.
    from qgis.core import QgsProcessingFeedback

    class Said(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):
            self.warnings.append(text)
            super().pushWarning(text)

    elsewhere = [t for t in every if not any(g.Intersects(ogr.CreateGeometryFromWkt(
        "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*tiles.mercator_bounds(t))))
        for g in buildings_in_3857()[:3])]
    assert elsewhere
    lonely = tile_layer(tmp_path / "lonely.gpkg", [(elsewhere[0], {"z": 20, "x": elsewhere[0][0], "y": elsewhere[0][1]})])
    said = Said()
    result = run("trainfromreview", said, TILES=str(lonely), DATASET=str(tmp_path / "d0"), **common)
    assert result["CORRECTED"] == 1 and any("None of the 3 footprints lies in the 1 corrected tiles" in w
                                            for w in said.warnings), said.warnings
    (tmp_path / "m.pt").unlink()

    # An edit session still open: the task would not read what the analyst sees.
    from qgis.core import QgsFeature, QgsGeometry, QgsProject

    editing = QgsVectorLayer(str(layer), "Footprints", "ogr")
    QgsProject.instance().addMapLayer(editing)
    try:
        editing.startEditing()
        feature = QgsFeature(editing.fields())
        feature.setGeometry(QgsGeometry.fromWkt(buildings_in_3857()[5].ExportToWkt()))
        editing.addFeature(feature)
        with pytest.raises(QgsProcessingException, match="'Footprints' has unsaved edits"):
            run("trainfromreview", **dict(common, FOOTPRINTS=editing), DATASET=str(tmp_path / "d5"))
    finally:
        editing.rollBack()
        QgsProject.instance().removeMapLayer(editing.id())
    assert not any((tmp_path / f"d{n}").exists() for n in range(1, 6)) and not (tmp_path / "m.pt").exists()
