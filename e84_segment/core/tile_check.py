"""Whether the bytes a tile service sent make a usable tile, checked before a tile is stored or used.

A login page answered with HTTP 200, a tile cut short by a dropped connection or a 50 MB image were
stored as 'saved' and read as 'no building here'. Each is decoded in full and sized here, and what
was left out is counted, so the step can say how much of the area it could not see, and why.
"""
import io
from collections import Counter
from typing import Optional

from PIL import Image

from .tile_store import image_format

# A 256 or 512 px tile is tens to hundreds of kB; more is no tile of this layer (or a decompression bomb).
MAX_TILE_BYTES = 4 * 1024 * 1024
NOT_AN_IMAGE, CUT_SHORT, WRONG_SIZE, TOO_LARGE = "not an image", "cut short", "wrong size", "too large"


def problem(data: bytes, tile_size: int) -> Optional[str]:
    """What is wrong with a tile's bytes, or None when they decode in full to ``tile_size`` pixels."""
    if len(data) > MAX_TILE_BYTES:
        return TOO_LARGE
    if not image_format(data):
        return NOT_AN_IMAGE  # an HTML or XML page: a login, a quota or an error page answered with 200
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.size != (tile_size, tile_size):
                return WRONG_SIZE
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return CUT_SHORT
    return None


class Tally(Counter):
    """How many tiles were left out, by problem."""

    def describe(self) -> str:
        """'3 cut short, 1 not an image', largest first; '' when none was."""
        return ", ".join(f"{count} {what}" for what, count in self.most_common())
