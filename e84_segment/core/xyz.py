"""QGIS XYZ layer sources as plain data: the URL template, zoom range, tile size, headers.

A source looks like ``type=xyz&url=https://.../%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=19``.
"""
from dataclasses import dataclass, field
from typing import Dict, Optional
from urllib.parse import parse_qsl

from . import tiles

SERVICE_TILE_SIZE = 256


@dataclass(frozen=True)
class XyzService:
    template: str
    zmin: int = 0
    zmax: int = 18
    tile_size: int = SERVICE_TILE_SIZE
    authcfg: str = ""
    headers: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, source: str) -> Optional["XyzService"]:
        """The service of a QGIS XYZ source (provider ``wms``, ``type=xyz``), or None for anything else."""
        values = dict(parse_qsl(source, keep_blank_values=True))
        if values.get("type") != "xyz" or not values.get("url"):
            return None
        ratio = float(values.get("tilePixelRatio") or 0) or 1.0
        return cls(
            template=values["url"],
            zmin=int(values.get("zmin") or 0),
            zmax=int(values.get("zmax") or 18),
            tile_size=int(round(SERVICE_TILE_SIZE * ratio)),
            authcfg=values.get("authcfg", ""),
            headers=request_headers(values),
        )

    def url(self, tile: tiles.Tile) -> str:
        x, y, z = tile
        return (
            self.template.replace("{x}", str(x))
            .replace("{y}", str(y))
            .replace("{-y}", str((1 << z) - 1 - y))
            .replace("{z}", str(z))
            .replace("{q}", quadkey(tile))
        )

    def has_zoom(self, zoom: int) -> bool:
        return self.zmin <= zoom <= self.zmax

    def address(self) -> str:
        """The template without its query, which often holds a key."""
        return self.template.split("?", 1)[0]


def request_headers(values: Dict[str, str]) -> Dict[str, str]:
    """The HTTP headers a QGIS XYZ or WMS/WMTS source asks for (``http-header:*``, the older ``referer``)."""
    headers = {key.split(":", 1)[1]: value for key, value in values.items() if key.startswith("http-header:") and value}
    if values.get("referer"):
        headers.setdefault("referer", values["referer"])
    return headers


def quadkey(tile: tiles.Tile) -> str:
    x, y, z = tile
    digits = []
    for level in range(z, 0, -1):
        mask = 1 << (level - 1)
        digits.append(str((1 if x & mask else 0) + (2 if y & mask else 0)))
    return "".join(digits)

