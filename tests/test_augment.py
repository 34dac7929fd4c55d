"""Training augmentations: the mask follows the geometry only; colour and texture change the image."""
import numpy as np
import pytest

from e84_segment.backends.local import augment

from .conftest import KAMPALA, require


def chip() -> np.ndarray:
    """A real Kampala z20 tile."""
    from PIL import Image

    tile = sorted(require(KAMPALA / "xyz" / "20").rglob("*.png"))[0]
    with Image.open(tile) as image:
        return np.asarray(image.convert("RGB"))


def test_geometric_moves_image_and_mask_together():
    rgb = chip()
    mask = (rgb[..., 0] > 128).astype(np.uint8)
    for seed in range(8):
        out_rgb, out_mask = augment.geometric(rgb, mask, np.random.default_rng(seed))
        assert np.array_equal(out_mask, (out_rgb[..., 0] > 128).astype(np.uint8))
        assert out_rgb.flags["C_CONTIGUOUS"] and out_mask.flags["C_CONTIGUOUS"]


def test_photometric_changes_colour_not_the_mask():
    rgb = chip()
    mask = (rgb[..., 0] > 128).astype(np.uint8)
    changed = 0
    for seed in range(20):
        geo_rgb, geo_mask = augment.geometric(rgb, mask, np.random.default_rng(seed))
        out_rgb, out_mask = augment.photometric(rgb, mask, np.random.default_rng(seed))
        assert np.array_equal(out_mask, geo_mask)  # the same symmetry, the same labels
        assert out_rgb.dtype == np.uint8 and out_rgb.shape == rgb.shape
        changed += not np.array_equal(out_rgb, geo_rgb)
    assert changed >= 16  # most draws change the colours
    again, _ = augment.photometric(rgb, mask, np.random.default_rng(3))
    assert np.array_equal(again, augment.photometric(rgb, mask, np.random.default_rng(3))[0])  # seeded: repeatable


def test_trainlocal_takes_the_augmentation(provider, kampala_dataset, tmp_path):
    torch = pytest.importorskip("torch")  # noqa: F841
    import processing

    from e84_segment.backends.local import modelfile, train

    processing.run("e84segment:trainlocal", {"DATASET": str(kampala_dataset), "EPOCHS": 1, "AUGMENTATION": 0,
                                             "OUTPUT": str(tmp_path / "m.pt")})
    _, meta = modelfile.load(tmp_path / "m.pt")
    assert meta["options"]["augment"] == "geometric"  # asked for; colour and texture are the default
    assert train.TrainOptions().augment == "photometric"


def test_scale_zooms_image_and_mask_together_and_pads_with_ignore():
    rgb = chip()
    mask = (rgb[..., 0] > 128).astype(np.uint8)
    zoomed_in = zoomed_out = 0
    for seed in range(40):
        out_rgb, out_mask = augment.scale(rgb, mask, np.random.default_rng(seed))
        assert out_rgb.shape == rgb.shape and out_mask.shape == mask.shape and out_rgb.dtype == np.uint8
        padded = out_mask == augment.IGNORE
        assert set(np.unique(out_mask)) <= {0, 1, augment.IGNORE}
        if padded.any():  # zoomed out: the chip inside, reflected borders in no loss
            zoomed_out += 1
            rows, columns = np.where(~padded)
            side = rows.max() - rows.min() + 1
            assert side == columns.max() - columns.min() + 1
            assert augment.SCALE_RANGE[0] * rgb.shape[0] - 1 <= side < rgb.shape[0]
        else:
            zoomed_in += not np.array_equal(out_rgb, rgb)
        # Where the mask says building the image is bright, as in the original (labels follow the pixels).
        building = out_mask == 1
        assert out_rgb[..., 0][building].mean() > out_rgb[..., 0][out_mask == 0].mean() + 40
    assert zoomed_in >= 10 and zoomed_out >= 10
    again = augment.photometric_scale(rgb, mask, np.random.default_rng(5))
    assert all(np.array_equal(a, b) for a, b in zip(again, augment.photometric_scale(rgb, mask, np.random.default_rng(5))))
