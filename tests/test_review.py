"""The review loop: an analyst's decisions on footprints become masks (building, background, unknown), and
e84segment:trainfromreview fine-tunes the model on them, on the Kampala imagery and OSM buildings."""
import json

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from e84_segment.core import dataset, masks, review, tiles

from .conftest import KAMPALA, buildings_in_3857, require

Z20_A = KAMPALA / "geotiff" / "aoiA_dense_z20.tif"
MERCATOR = osr.SpatialReference()
MERCATOR.ImportFromEPSG(3857)


def box_wkb(minx, miny, maxx, maxy):
    return bytes(ogr.CreateGeometryFromWkt(
        f"POLYGON(({minx} {miny},{maxx} {miny},{maxx} {maxy},{minx} {maxy},{minx} {miny}))").ExportToWkb())


def test_burns_each_polygon_its_value_later_ones_winning():
    grid = masks.rasterize([(box_wkb(0, 0, 6, 10), masks.BACKGROUND), (box_wkb(4, 0, 10, 10), masks.BUILDING)],
                           (0, 0, 10, 10), 10, 10, MERCATOR.ExportToWkt(), fill=masks.IGNORE)
    assert (grid[:, :4] == masks.BACKGROUND).all() and (grid[:, 4:] == masks.BUILDING).all()
    assert (masks.rasterize([], (0, 0, 10, 10), 10, 10, MERCATOR.ExportToWkt(), fill=masks.IGNORE) == masks.IGNORE).all()
    # Plain polygons still burn ``burn`` over background (buildtrainingdata).
    assert masks.rasterize([box_wkb(0, 0, 5, 10)], (0, 0, 10, 10), 10, 10, MERCATOR.ExportToWkt()).sum() == 50


def test_decisions_become_classes_in_an_order_that_settles_overlaps():
    accepted = review.Reviewed(box_wkb(0, 0, 4, 4), review.ACCEPTED, box_wkb(-1, -1, 5, 5))
    rejected = review.Reviewed(box_wkb(6, 0, 9, 3), review.REJECTED)
    unknown = review.Reviewed(box_wkb(4, 4, 8, 8), None, box_wkb(3.5, 3.5, 8.5, 8.5))
    order = review.burn_order([unknown, rejected, accepted])
    assert [value for _, value in order] == [masks.BACKGROUND, masks.BACKGROUND, masks.IGNORE, masks.BUILDING]
    grid = masks.rasterize(order, (-2, -2, 10, 10), 12, 12, MERCATOR.ExportToWkt(), fill=masks.IGNORE)
    at = lambda x, y: grid[10 - y - 1 + 0, x + 2]  # noqa: E731 (pixel whose lower-left corner is (x, y))
    assert at(1, 1) == masks.BUILDING and at(-1, 1) == masks.BACKGROUND and at(7, 1) == masks.BACKGROUND
    # The unreviewed footprint's grown outline is unknown even where the accepted one's ring reaches.
    assert at(4, 4) == masks.IGNORE and at(6, 6) == masks.IGNORE and at(-2, 9) == masks.IGNORE
    assert review.mask_class(review.EDITED) == review.mask_class(review.ADDED) == masks.BUILDING
    assert review.mask_class(None) == masks.IGNORE


def test_next_to_review_and_progress():
    rows = [(1, None, 0.9), (2, "accepted", 0.5), (3, "", 0.55), (4, None, None), (5, " Rejected ", 0.1), (6, "NULL", 0.7)]
    assert review.next_to_review(rows) == [3, 6, 1, 4]
    summary = review.progress(d for _, d, _ in rows)
    assert summary == {"accepted": 1, "edited": 0, "added": 0, "rejected": 1, "to review": 4}
    assert review.describe(summary) == "1 accepted, 1 rejected, 4 to review"
    assert review.unknown_values(["accepted", None, "", "maybe", "Rejected", "ok "]) == ["maybe", "ok"]


def footprint_layer(path, rows):
    """A GeoPackage of footprints (EPSG:3857) with confidence and review, as the dock leaves it."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("footprints", MERCATOR, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("confidence", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("review", ogr.OFTString))
    for geometry, decision in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        feature.SetField("confidence", 0.7)
        if decision:
            feature.SetField("review", decision)
        layer.CreateFeature(feature)
    source = None
    return path


@pytest.fixture(scope="module")
def area_a():
    ds = gdal.Open(str(require(Z20_A)))
    gt = ds.GetGeoTransform()
    bounds = (gt[0], gt[3] + ds.RasterYSize * gt[5], gt[0] + ds.RasterXSize * gt[1], gt[3])
    box = ogr.CreateGeometryFromWkb(box_wkb(*bounds))
    inside = sorted((g for g in buildings_in_3857() if box.Contains(g) and g.GetArea() > 40), key=lambda g: -g.GetArea())
    return bounds, inside


def mean_inside(raster, geometries):
    ds = gdal.Open(str(raster))
    gt = ds.GetGeoTransform()
    bounds = (gt[0], gt[3] + ds.RasterYSize * gt[5], gt[0] + ds.RasterXSize * gt[1], gt[3])
    inside = masks.rasterize([bytes(g.ExportToWkb()) for g in geometries], bounds, ds.RasterXSize, ds.RasterYSize,
                             ds.GetProjection()) == masks.BUILDING
    return float(ds.GetRasterBand(1).ReadAsArray()[inside].mean()) / 255.0  # probability.tif: 0-255


def run(name, feedback=None, **parameters):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=feedback or QgsProcessingFeedback())


def oracle_review(footprints, truth):
    """The analyst's decisions on predicted footprints, taken from OSM: a footprint on an OSM building is accepted,
    one on none is rejected. Returns (accepted, rejected) as OGR geometries."""
    accepted, rejected = [], []
    source = ogr.Open(str(footprints))  # held: a layer outliving its datasource crashes GDAL
    for feature in source.GetLayer(0):
        geometry = feature.GetGeometryRef().Clone()
        covered = sum(geometry.Intersection(t).GetArea() for t in truth if geometry.Intersects(t))
        (accepted if covered > 0.5 * geometry.GetArea() else rejected if covered < 0.05 * geometry.GetArea() else []).append(geometry)
    return accepted, rejected


def test_a_review_round_moves_the_model_towards_the_decisions(provider, tmp_path, trained, area_a):
    """The model's own footprints on Kampala, reviewed against OSM (on a building: accepted; on none: rejected),
    some left unreviewed: the chips hold exactly the decisions. Then a controlled pair of review rounds from the
    same base: the same footprints S accepted in one, rejected in the other; the model's probability inside S
    follows the decision (the base's own chips, which call S buildings, not replayed here)."""
    from e84_segment.backends.local import finetune, modelfile

    base, _ = trained
    run("predictlocal", IMAGERY=str(Z20_A), MODEL=str(base), TTA=False, OUTPUT_CLASSES=str(tmp_path / "before-c.tif"),
        OUTPUT_PROBABILITY=str(tmp_path / "before-p.tif"))
    run("polygonize", INPUT=str(tmp_path / "before-c.tif"), PROBABILITY=str(tmp_path / "before-p.tif"),
        OUTPUT=str(tmp_path / "predicted.gpkg"))
    accepted, rejected = oracle_review(tmp_path / "predicted.gpkg", buildings_in_3857())
    assert len(accepted) >= 9 and len(rejected) >= 1, (len(accepted), len(rejected))
    # A third of the accepted ones are left unreviewed: unknown, they must teach nothing.
    chosen, others, unreviewed = accepted[0::3], accepted[1::3], accepted[2::3]
    rounds = {}
    for name, decision in (("accepted", review.ACCEPTED), ("rejected", review.REJECTED)):
        layer = footprint_layer(tmp_path / f"{name}.gpkg", [(g, decision) for g in chosen] + [(g, review.ACCEPTED) for g in others]
                                + [(g, review.REJECTED) for g in rejected] + [(g, None) for g in unreviewed])
        rounds[name] = run("trainfromreview", IMAGERY=str(Z20_A), FOOTPRINTS=str(layer), BASE_MODEL=str(base), EPOCHS=30,
                           LEARNING_RATE=0.001, REPLAY=False, DATASET=str(tmp_path / f"chips-{name}"), OUTPUT=str(tmp_path / f"{name}.pt"))
    result = rounds["rejected"]
    assert (result["BUILDINGS"], result["REJECTED"], result["UNREVIEWED"]) == (len(others), len(chosen) + len(rejected), len(unreviewed))

    # The chips: building inside accepted outlines, background inside rejected ones, unknown inside unreviewed ones.
    meta = json.loads((tmp_path / "chips-rejected" / dataset.DATASET_JSON).read_text())
    assert meta["zoom"] == 20 and meta["review"]["accepted"] == len(others) and meta["counts"]["train"] == result["CHIPS"] >= 1
    burnt = {}
    for png in (tmp_path / "chips-rejected" / dataset.annotation_dir(tiles.TRAIN)).glob("*.png"):
        mask = dataset.read_mask(png)
        z, x, y = (int(v) for v in png.stem.split("-"))
        tile_bounds = tiles.mercator_bounds((x, y, z))
        for name, group in (("accepted", others), ("rejected", chosen + rejected), ("unreviewed", unreviewed)):
            drawn = masks.rasterize([bytes(g.ExportToWkb()) for g in group], tile_bounds, *mask.shape[::-1],
                                    MERCATOR.ExportToWkt()) == masks.BUILDING
            burnt.setdefault(name, []).append(mask[drawn])
        assert {int(v) for v in np.unique(mask)} <= {masks.BACKGROUND, masks.BUILDING, masks.IGNORE}
    share = {name: {v: float(np.mean(np.concatenate(found) == v)) for v in (0, 1, 255)} for name, found in burnt.items()}
    print("mask values inside each group:", share)
    assert share["accepted"][masks.BUILDING] > 0.99
    # Rejected is background except where an unreviewed neighbour's grown outline reaches (unknown wins).
    assert share["rejected"][masks.BACKGROUND] > 0.95 and share["rejected"][masks.BUILDING] == 0
    assert share["unreviewed"][masks.IGNORE] > 0.95  # a sliver may touch an accepted building's pixels

    # The models: fine-tuned from the base (the last of the 30 epochs kept), and moved the way S was decided.
    probability = {"base": mean_inside(tmp_path / "before-p.tif", chosen)}
    for name in rounds:
        _, meta = modelfile.load(tmp_path / f"{name}.pt")
        assert meta["lineage"]["base_fingerprint"] == finetune.file_fingerprint(base)
        assert len(json.loads(rounds[name]["HISTORY"])) == 30 and meta["best"]["epoch"] == 30
        run("predictlocal", IMAGERY=str(Z20_A), MODEL=str(tmp_path / f"{name}.pt"), TTA=False,
            OUTPUT_CLASSES=str(tmp_path / f"{name}-c.tif"), OUTPUT_PROBABILITY=str(tmp_path / f"{name}-p.tif"))
        probability[name] = mean_inside(tmp_path / f"{name}-p.tif", chosen)
    print("mean probability inside S:", probability)
    assert probability["accepted"] > probability["rejected"] + 0.15


def test_refusals_say_what_to_change(provider, tmp_path, trained, area_a):
    base, _ = trained
    _, inside = area_a
    common = dict(IMAGERY=str(Z20_A), BASE_MODEL=str(base), TIME_LIMIT=0.1, OUTPUT=str(tmp_path / "m.pt"))
    nothing = footprint_layer(tmp_path / "nothing.gpkg", [(g, None) for g in inside[:3]])
    with pytest.raises(QgsProcessingException, match="None of the 3 footprints has a decision in 'review'"):
        run("trainfromreview", FOOTPRINTS=str(nothing), DATASET=str(tmp_path / "d1"), **common)
    typo = footprint_layer(tmp_path / "typo.gpkg", [(inside[0], "acepted"), (inside[1], review.ACCEPTED)])
    with pytest.raises(QgsProcessingException, match="holds 'acepted', which is no decision"):
        run("trainfromreview", FOOTPRINTS=str(typo), DATASET=str(tmp_path / "d2"), **common)
    with pytest.raises(QgsProcessingException, match="has no field 'status'"):
        run("trainfromreview", FOOTPRINTS=str(typo), REVIEW_FIELD="status", DATASET=str(tmp_path / "d3"), **common)
    with pytest.raises(QgsProcessingException, match="BASE_MODEL: .* is not a readable e84 segment model"):
        (tmp_path / "x.pt").write_bytes(b"not a model")
        run("trainfromreview", FOOTPRINTS=str(typo), DATASET=str(tmp_path / "d4"), **dict(common, BASE_MODEL=str(tmp_path / "x.pt")))
    assert not any((tmp_path / d).exists() for d in ("d1", "d2", "d3", "d4")) and not (tmp_path / "m.pt").exists()


def test_cancelled_leaves_no_chips(provider, tmp_path, trained, area_a):
    base, _ = trained
    _, inside = area_a
    layer = footprint_layer(tmp_path / "r.gpkg", [(g, review.ACCEPTED) for g in inside[:4]])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result = run("trainfromreview", feedback, IMAGERY=str(Z20_A), FOOTPRINTS=str(layer), BASE_MODEL=str(base),
                 DATASET=str(tmp_path / "chips"), OUTPUT=str(tmp_path / "m.pt"))
    assert result.get("OUTPUT") is None and not (tmp_path / "chips").exists() and not (tmp_path / "m.pt").exists()
    assert not list(tmp_path.glob(".chips*"))


def test_the_base_models_chips_are_replayed(provider, tmp_path, trained, kampala_dataset, area_a):
    """By default the base learns its own chips alongside the review (the folder its model file records), and a later
    round replays the earlier rounds' too; a BASE_DATASET that is no dataset is refused."""
    from e84_segment.backends.local import modelfile

    base, _ = trained
    _, inside = area_a
    layer = footprint_layer(tmp_path / "r.gpkg", [(g, review.ACCEPTED) for g in inside[:4]] + [(inside[4], review.REJECTED)])
    common = dict(IMAGERY=str(Z20_A), FOOTPRINTS=str(layer), EPOCHS=1)
    run("trainfromreview", BASE_MODEL=str(base), DATASET=str(tmp_path / "round1"), OUTPUT=str(tmp_path / "round1.pt"), **common)
    first = json.loads((tmp_path / "round1" / dataset.DATASET_JSON).read_text())["review"]
    assert first["replayed"] == [str(kampala_dataset)]
    _, meta = modelfile.load(tmp_path / "round1.pt")
    assert list(meta["options"]["replay"]) == [str(kampala_dataset)]
    run("trainfromreview", BASE_MODEL=str(tmp_path / "round1.pt"), DATASET=str(tmp_path / "round2"),
        OUTPUT=str(tmp_path / "round2.pt"), **common)
    second = json.loads((tmp_path / "round2" / dataset.DATASET_JSON).read_text())["review"]
    assert second["replayed"] == [str(tmp_path / "round1"), str(kampala_dataset)]
    with pytest.raises(QgsProcessingException, match="BASE_DATASET: .* is not a training dataset"):
        run("trainfromreview", BASE_MODEL=str(base), BASE_DATASET=str(tmp_path), DATASET=str(tmp_path / "round3"),
            OUTPUT=str(tmp_path / "round3.pt"), **common)
