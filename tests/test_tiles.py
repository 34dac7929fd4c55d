"""The tile grid, background selection and splits: pure Python, no QGIS."""
import pytest

from e84_segment.core import tiles


def test_tiles_cover_box_and_count_agrees():
    box = (3627900.0, 38800.0, 3628500.0, 39150.0)
    found = tiles.tiles_in_box(box, 18)
    assert found == sorted(found)
    assert len(found) == tiles.count_tiles(box, 18)
    for x, y, z in found:  # each really overlaps the box
        minx, miny, maxx, maxy = tiles.mercator_bounds((x, y, z))
        assert minx < box[2] and maxx > box[0] and miny < box[3] and maxy > box[1]
    assert all(z == 18 for _, _, z in found)
    xs = {x for x, _, _ in found}
    ys = {y for _, y, _ in found}
    assert len(found) == len(xs) * len(ys)  # a full rectangle of tiles, no gaps


def test_box_on_tile_edges_gives_exactly_those_tiles():
    minx, miny, _, _ = tiles.mercator_bounds((619224, 523265, 20))
    _, _, maxx, maxy = tiles.mercator_bounds((619225, 523264, 20))
    noisy = (minx + 1e-4, miny - 1e-4, maxx - 1e-4, maxy + 1e-4)  # round-off, display rounding
    assert tiles.tiles_in_box(noisy, 20) == [(619224, 523264, 20), (619224, 523265, 20), (619225, 523264, 20), (619225, 523265, 20)]
    assert tiles.count_tiles((-1e9, -1e9, 1e9, 1e9), 3) == 64  # clamped to the world


def test_mercator_and_lonlat_bounds_agree():
    tile = (619224, 523264, 20)
    _, miny, _, maxy = tiles.mercator_bounds(tile)
    _, south, _, north = tiles.lonlat_bounds(tile)
    assert (tiles.latitude_of_mercator_y(miny), tiles.latitude_of_mercator_y(maxy)) == pytest.approx((south, north), abs=1e-9)
    assert tiles.tile_name(tile) == "20-619224-523264"


def test_metres_to_mercator_grows_with_latitude():
    assert tiles.metres_to_mercator(10, 0) == pytest.approx(10)
    assert tiles.metres_to_mercator(10, 60) == pytest.approx(20)


def test_background_ratio_caps_label_free_tiles_and_is_seeded():
    labelled = [(i, 0, 10) for i in range(10)]
    empty = [(i, 1, 10) for i in range(100)]
    kept = tiles.select_background(labelled, empty, 0.5, seed=1)
    assert set(labelled) <= set(kept)
    assert len(kept) == 15
    assert kept == tiles.select_background(labelled, empty, 0.5, seed=1)
    assert kept != tiles.select_background(labelled, empty, 0.5, seed=2)
    assert tiles.select_background(labelled, empty, 0, seed=1) == labelled
    assert tiles.select_background([], empty[:3], 1.0, seed=1) == empty[:3]  # negative-only data


def test_random_split_fraction_and_seed():
    grid = [(x, y, 19) for x in range(20) for y in range(10)]
    split = tiles.split_tiles(grid, 0.2, "random", seed=3)
    assert sum(s == tiles.VALIDATION for s in split.values()) == 40
    assert split == tiles.split_tiles(grid, 0.2, "random", seed=3)
    assert split != tiles.split_tiles(grid, 0.2, "random", seed=4)


def test_spatial_split_keeps_blocks_whole():
    grid = [(x, y, 19) for x in range(100, 124) for y in range(200, 216)]
    split = tiles.split_tiles(grid, 0.25, "spatial", seed=5, block_size=4)
    sides = {}
    for (x, y, _), side in split.items():
        sides.setdefault((x // 4, y // 4), set()).add(side)
    assert all(len(s) == 1 for s in sides.values())
    validation = sum(s == tiles.VALIDATION for s in split.values())
    assert 0.15 * len(grid) <= validation <= 0.35 * len(grid)


def test_spatial_split_gives_validation_even_when_blocks_are_large():
    grid = [(x, y, 19) for x in range(8) for y in range(8)]
    split = tiles.split_tiles(grid, 0.1, "spatial", seed=0, block_size=4)
    assert tiles.VALIDATION in split.values() and tiles.TRAIN in split.values()


def test_bad_split_arguments_are_refused():
    with pytest.raises(ValueError, match="split method"):
        tiles.split_tiles([(0, 0, 1)], 0.2, "alphabetical", seed=0)
    with pytest.raises(ValueError, match="validation fraction"):
        tiles.split_tiles([(0, 0, 1)], 1.0, "random", seed=0)
