"""WMTS layers as tile services: the tile matrices of a capabilities document that sit on the
slippy-map grid (EPSG:3857, the world's top-left corner, 256 px tiles, a zoom's resolution), and the
address of a tile in them (RESTful ResourceURL template, or KVP GetTile).

Pure Python (ElementTree): the capabilities come from the caller, who fetches them through QGIS.
"""
import math
from dataclasses import dataclass, field
from typing import Dict, Optional
from urllib.parse import parse_qsl, urlencode
from xml.etree import ElementTree

from . import tiles, xyz

# OGC WMTS 1.0: scale denominators are for 0.28 mm pixels.
PIXEL_M = 0.00028
_NS = {"wmts": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1"}


@dataclass(frozen=True)
class WmtsService:
    layer: str
    style: str
    image_format: str
    matrix_set: str
    matrices: Dict[int, str]  # slippy-map zoom -> tile matrix identifier
    template: str = ""  # RESTful ResourceURL; empty: KVP GetTile at ``kvp_url``
    kvp_url: str = ""
    tile_size: int = 256
    authcfg: str = ""
    headers: Dict[str, str] = field(default_factory=dict)

    def has_zoom(self, zoom: int) -> bool:
        return zoom in self.matrices

    def address(self) -> str:
        """Where the tiles come from, without a query (which often holds a key)."""
        return (self.template or self.kvp_url).split("?", 1)[0]

    def url(self, tile: tiles.Tile) -> str:
        x, y, z = tile
        matrix = self.matrices[z]
        if self.template:
            return (self.template.replace("{TileMatrixSet}", self.matrix_set).replace("{TileMatrix}", matrix)
                    .replace("{TileRow}", str(y)).replace("{TileCol}", str(x)).replace("{Style}", self.style)
                    .replace("{style}", self.style))
        query = urlencode({"SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": self.layer,
                           "STYLE": self.style, "FORMAT": self.image_format, "TILEMATRIXSET": self.matrix_set,
                           "TILEMATRIX": matrix, "TILEROW": y, "TILECOL": x})
        joiner = "" if self.kvp_url.endswith(("?", "&")) else "&" if "?" in self.kvp_url else "?"
        return f"{self.kvp_url}{joiner}{query}"


def source_values(source: str) -> Optional[dict]:
    """The parts of a QGIS WMTS source (provider ``wms`` with a tileMatrixSet), or None."""
    values = dict(parse_qsl(source, keep_blank_values=True))
    if not values.get("tileMatrixSet") or not values.get("url") or values.get("type") == "xyz":
        return None
    return values


def parse(capabilities: bytes, values: dict) -> Optional[WmtsService]:
    """The layer's service where some of its tile matrices line up with the slippy-map grid, else None."""
    root = ElementTree.fromstring(capabilities)
    layer_id, matrix_set_id = values.get("layers", ""), values["tileMatrixSet"]
    image_format = values.get("format", "image/png")
    layer = next((e for e in root.iterfind(".//wmts:Contents/wmts:Layer", _NS)
                  if e.findtext("ows:Identifier", "", _NS) == layer_id), None)
    matrix_set = next((e for e in root.iterfind(".//wmts:Contents/wmts:TileMatrixSet", _NS)
                       if e.findtext("ows:Identifier", "", _NS) == matrix_set_id), None)
    if layer is None or matrix_set is None or not _is_mercator(matrix_set.findtext("ows:SupportedCRS", "", _NS)):
        return None
    matrices = {}
    for matrix in matrix_set.iterfind("wmts:TileMatrix", _NS):
        zoom = _slippy_zoom(matrix)
        if zoom is not None:
            matrices[zoom] = matrix.findtext("ows:Identifier", "", _NS)
    if not matrices:
        return None
    template = next((e.get("template", "") for e in layer.iterfind("wmts:ResourceURL", _NS)
                     if e.get("resourceType") == "tile" and e.get("format") == image_format), "")
    kvp = next((e.get("{http://www.w3.org/1999/xlink}href", "")
                for e in root.iterfind(".//ows:Operation[@name='GetTile']//ows:Get", _NS)), "")
    if not template and not kvp:
        return None
    return WmtsService(layer_id, values.get("styles", ""), image_format, matrix_set_id, matrices, template, kvp,
                       authcfg=values.get("authcfg", ""), headers=xyz.request_headers(values))


def _is_mercator(crs: str) -> bool:
    return any(code in crs.replace("::", ":") for code in ("EPSG:3857", "EPSG:900913", "EPSG:6.18:3:3857")) \
        or crs.rstrip("/").endswith(("/3857", ":3857"))


def _slippy_zoom(matrix) -> Optional[int]:
    try:
        scale = float(matrix.findtext("wmts:ScaleDenominator", "", _NS))
        left, top = (float(v) for v in matrix.findtext("wmts:TopLeftCorner", "", _NS).split())
        width = int(matrix.findtext("wmts:TileWidth", "", _NS))
        height = int(matrix.findtext("wmts:TileHeight", "", _NS))
    except ValueError:
        return None
    if width != 256 or height != 256 or abs(left + tiles.WORLD / 2) > 1e-2 or abs(top - tiles.WORLD / 2) > 1e-2:
        return None
    zoom_f = math.log2(tiles.WORLD / (256 * scale * PIXEL_M))
    zoom = round(zoom_f)
    return zoom if abs(zoom_f - zoom) < 1e-6 and zoom >= 0 else None
