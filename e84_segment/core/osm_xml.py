"""Footprints as an OSM XML file for JOSM: a new layer to review, never to upload blindly.

Negative ids (new objects), one node per coordinate (touching outlines share their nodes), closed
ways for simple outlines and type=multipolygon relations for courtyards and multi-part buildings,
coordinates at OSM's precision (7 decimals, WGS 84), and ``upload="false"`` on the file, which JOSM
honours by refusing to upload the layer as is. Pure OGR + the standard library.
"""
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Tuple
from xml.sax.saxutils import quoteattr

from osgeo import ogr

PRECISION = 7  # OSM stores coordinates as 1e-7 degree integers


@dataclass
class OsmCounts:
    buildings: int = 0
    nodes: int = 0
    ways: int = 0
    relations: int = 0
    shared_nodes: int = 0  # nodes used by more than one building
    dropped: int = 0  # outlines that collapse at OSM's precision


class OsmWriter:
    """Collects buildings (WKB polygons in EPSG:4326 + tags), then writes the file in one go."""

    def __init__(self, generator: str):
        self.generator = generator
        self.counts = OsmCounts()
        self._nodes: Dict[Tuple[int, int], int] = {}
        self._node_users: Dict[int, int] = {}
        self._ways: List[Tuple[int, List[int], Mapping[str, str]]] = []
        self._relations: List[Tuple[int, List[Tuple[int, str]], Mapping[str, str]]] = []
        self._last_id = 0

    def add(self, wkb: bytes, tags: Mapping[str, str]) -> bool:
        """Adds one building; False where nothing of it survives OSM's precision."""
        geometry = ogr.CreateGeometryFromWkb(wkb)
        polygons = [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())] \
            if geometry.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D) else [geometry]
        rings = []  # (node ids, role)
        for polygon in polygons:
            for index in range(polygon.GetGeometryCount()):
                nodes = self._ring(polygon.GetGeometryRef(index))
                if nodes is None:
                    if index == 0:
                        break  # no outer ring: its holes go too
                    continue
                rings.append((nodes, "outer" if index == 0 else "inner"))
        if not any(role == "outer" for _, role in rings):
            self.counts.dropped += 1
            return False
        used = {node for nodes, _ in rings for node in nodes}
        for node in used:
            self._node_users[node] = self._node_users.get(node, 0) + 1
        self.counts.buildings += 1
        if len(rings) == 1:
            self._ways.append((self._new_id(), rings[0][0], dict(tags)))
            return True
        members = []
        for nodes, role in rings:
            way = self._new_id()
            self._ways.append((way, nodes, {}))
            members.append((way, role))
        self._relations.append((self._new_id(), members, {"type": "multipolygon", **tags}))
        return True

    def write(self, stream) -> OsmCounts:
        """Writes the XML to a text stream (nodes, then ways, then relations, as OSM orders them)."""
        self.counts.nodes = len(self._nodes)
        self.counts.ways = len(self._ways)
        self.counts.relations = len(self._relations)
        self.counts.shared_nodes = sum(1 for users in self._node_users.values() if users > 1)
        stream.write("<?xml version='1.0' encoding='UTF-8'?>\n")
        stream.write(f'<osm version="0.6" generator={_attribute(self.generator)} upload="false">\n')
        scale = 10 ** PRECISION
        for (lon, lat), node in sorted(self._nodes.items(), key=lambda item: -item[1]):
            stream.write(f'  <node id="{node}" visible="true" lat="{_degrees(lat, scale)}" lon="{_degrees(lon, scale)}"/>\n')
        for way, nodes, tags in self._ways:
            stream.write(f'  <way id="{way}" visible="true">\n')
            stream.writelines(f'    <nd ref="{node}"/>\n' for node in nodes)
            stream.writelines(_tags(tags))
            stream.write("  </way>\n")
        for relation, members, tags in self._relations:
            stream.write(f'  <relation id="{relation}" visible="true">\n')
            stream.writelines(f'    <member type="way" ref="{way}" role="{role}"/>\n' for way, role in members)
            stream.writelines(_tags(tags))
            stream.write("  </relation>\n")
        stream.write("</osm>\n")
        return self.counts

    def _ring(self, ring) -> List[int]:
        """Node ids of a closed ring at OSM's precision, repeated points dropped; None if it collapses
        (and then no node is made for it)."""
        scale = 10 ** PRECISION
        keys: List[Tuple[int, int]] = []
        for i in range(ring.GetPointCount()):
            key = (round(ring.GetX(i) * scale), round(ring.GetY(i) * scale))
            if not keys or keys[-1] != key:
                keys.append(key)
        if len(keys) > 1 and keys[0] == keys[-1]:
            keys.pop()
        if len(set(keys)) < 3:
            return None
        nodes = []
        for key in keys:
            if key not in self._nodes:
                self._nodes[key] = self._new_id()
            nodes.append(self._nodes[key])
        return nodes + [nodes[0]]

    def _new_id(self) -> int:
        """Negative ids, unique across nodes, ways and relations (as JOSM writes new objects)."""
        self._last_id -= 1
        return self._last_id


def _degrees(value: int, scale: int) -> str:
    sign = "-" if value < 0 else ""
    whole, fraction = divmod(abs(value), scale)
    return f"{sign}{whole}.{fraction:0{PRECISION}d}"


# Characters XML 1.0 cannot carry at all, escaped or not (control characters from a layer's name reached
# SOURCE, and no XML reader opened the file); they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _attribute(value) -> str:
    return quoteattr(_NOT_XML.sub("", str(value)))


def _tags(tags: Mapping[str, str]) -> Iterable[str]:
    return (f"    <tag k={_attribute(k)} v={_attribute(v)}/>\n" for k, v in tags.items() if _NOT_XML.sub("", str(v)).strip())
