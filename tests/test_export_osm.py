"""e84segment:exportosm: the file JOSM opens, read back with ElementTree and GDAL's OSM driver, on the
shared Kampala OSM buildings and on touching outlines."""
import re
from collections import Counter
from xml.etree import ElementTree

import pytest
from osgeo import gdal, ogr
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .conftest import KAMPALA, require

BUILDINGS = KAMPALA / "buildings.geojson"


def export(**parameters):
    import processing

    return processing.run("e84segment:exportosm", parameters, feedback=QgsProcessingFeedback())


def read_back(path):
    root = ElementTree.parse(path).getroot()
    nodes = {n.get("id"): n for n in root.iter("node")}
    ways = {w.get("id"): w for w in root.iter("way")}
    relations = {r.get("id"): r for r in root.iter("relation")}
    return root, nodes, ways, relations


def check_valid(path):
    root, nodes, ways, relations = read_back(path)
    assert root.get("upload") == "false" and root.get("version") == "0.6"
    ids = [int(i) for i in list(nodes) + list(ways) + list(relations)]
    assert all(i < 0 for i in ids) and len(ids) == len(set(ids))
    used = Counter()
    for way in ways.values():
        refs = [nd.get("ref") for nd in way.iter("nd")]
        assert refs[0] == refs[-1] and len(set(refs)) >= 3  # closed
        assert all(ref in nodes for ref in refs)
        used.update(set(refs))
    assert set(used) == set(nodes)  # no stray node
    for relation in relations.values():
        assert {m.get("ref") for m in relation.iter("member")} <= set(ways)
    for node in nodes.values():
        assert re.fullmatch(r"-?\d+\.\d{7}", node.get("lat")) and re.fullmatch(r"-?\d+\.\d{7}", node.get("lon"))
    return root, nodes, ways, relations


def tags_of(element) -> dict:
    return {t.get("k"): t.get("v") for t in element.iter("tag")}


def test_osm_buildings_round_trip_through_josm_format(provider, tmp_path):
    output = tmp_path / "buildings.osm"
    result = export(INPUT=str(require(BUILDINGS)), SOURCE="OpenAerialMap Kampala drone 2017", OUTPUT=str(output))
    _, nodes, ways, relations = check_valid(output)
    source = ogr.Open(str(BUILDINGS))
    originals = [f.GetGeometryRef().Clone() for f in source.GetLayer(0)]
    assert result["BUILDINGS"] == len(originals) == 163
    tagged = [w for w in ways.values() if tags_of(w)] + list(relations.values())
    assert len(tagged) == 163
    assert all(tags_of(e)["building"] == "yes" and tags_of(e)["source"] == "OpenAerialMap Kampala drone 2017" for e in tagged)
    # GDAL's OSM driver (as JOSM and osm2pgsql read it): every building comes back as a polygon.
    back = gdal.OpenEx(str(output), gdal.OF_VECTOR)
    polygons = back.GetLayerByName("multipolygons")
    read = [f.GetGeometryRef().Clone() for f in polygons if f.GetField("building") == "yes"]
    assert len(read) == 163
    total_original = sum(g.GetArea() for g in originals)
    total_read = sum(g.GetArea() for g in read)
    assert abs(total_read - total_original) / total_original < 1e-4  # 7 decimals: about 1 cm


def square(x0, y0, side=0.0001):
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x0 + side} {y0},{x0 + side} {y0 + side},{x0} {y0 + side},{x0} {y0}))")


def memory_layer(geometries, confidences=None) -> QgsVectorLayer:
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "footprints", "memory")
    if confidences is not None:
        layer.dataProvider().addAttributes([QgsField("confidence", QVariant.Double)])
        layer.updateFields()
    features = []
    for i, geometry in enumerate(geometries):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        if confidences is not None:
            feature.setAttributes([confidences[i]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_touching_outlines_share_nodes_and_courtyards_become_multipolygons(provider, tmp_path):
    courtyard = QgsGeometry.fromWkt(
        "POLYGON((32.6 0.35,32.6004 0.35,32.6004 0.3504,32.6 0.3504,32.6 0.35),"
        "(32.6001 0.3501,32.6003 0.3501,32.6003 0.3503,32.6001 0.3503,32.6001 0.3501))")
    layer = memory_layer([square(32.59, 0.35), square(32.5901, 0.35), courtyard], [0.9, 0.8, 0.7])
    output = tmp_path / "touching.osm"
    export(INPUT=layer, BUILDING_TAG=1, SOURCE="test", OUTPUT=str(output))
    _, nodes, ways, relations = check_valid(output)
    assert len(nodes) == 6 + 8  # the two squares share their common edge's two nodes
    way_refs = [[nd.get("ref") for nd in w.iter("nd")] for w in ways.values() if tags_of(w)]
    assert len(way_refs) == 2 and len(set(way_refs[0]) & set(way_refs[1])) == 2
    (relation,) = relations.values()
    assert tags_of(relation) == {"type": "multipolygon", "building": "house", "source": "test"}
    assert sorted(m.get("role") for m in relation.iter("member")) == ["inner", "outer"]


def test_min_confidence_and_the_selection_choose_what_is_written(provider, tmp_path):
    layer = memory_layer([square(32.59 + i * 0.001, 0.35) for i in range(5)], [0.2, 0.4, 0.6, 0.8, None])
    result = export(INPUT=layer, MIN_CONFIDENCE=0.5, SOURCE="test", OUTPUT=str(tmp_path / "a.osm"))
    assert result["BUILDINGS"] == 2
    layer.selectByIds([1, 2])
    selected = QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True)
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(layer)
    try:
        assert export(INPUT=selected, MIN_CONFIDENCE=0.0, SOURCE="test", OUTPUT=str(tmp_path / "b.osm"))["BUILDINGS"] == 2
        layer.removeSelection()
        with pytest.raises(QgsProcessingException, match="select some first"):
            export(INPUT=selected, SOURCE="test", OUTPUT=str(tmp_path / "c.osm"))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    with pytest.raises(QgsProcessingException, match=r"4 under MIN_CONFIDENCE 0.95 \(lower it\)"):
        export(INPUT=memory_layer([square(32.59 + i * 0.001, 0.35) for i in range(4)], [0.2, 0.4, 0.6, 0.8]),
               MIN_CONFIDENCE=0.95, SOURCE="test", OUTPUT=str(tmp_path / "d.osm"))
    assert not (tmp_path / "c.osm").exists() and not (tmp_path / "d.osm").exists()
    assert not list(tmp_path.glob(".*"))


def test_lines_are_refused(provider, tmp_path):
    lines = QgsVectorLayer("LineString?crs=EPSG:4326", "roads", "memory")
    with pytest.raises(QgsProcessingException):
        export(INPUT=lines, SOURCE="test", OUTPUT=str(tmp_path / "x.osm"))
    assert not (tmp_path / "x.osm").exists()


def test_osmium_reads_it_where_it_installs(provider, tmp_path):
    osmium = pytest.importorskip("osmium", reason="pyosmium is not installed here (GDAL's OSM driver checks the file)")
    output = tmp_path / "buildings.osm"
    export(INPUT=str(require(BUILDINGS)), SOURCE="test", OUTPUT=str(output))
    counts = Counter()

    node_ids = set()

    class Handler(osmium.SimpleHandler):  # node locations by id: libosmium's location indexes take no negative ids
        def node(self, node):
            node_ids.add(node.id)

        def way(self, way):
            counts["closed"] += way.is_closed()
            counts["located"] += all(n.ref in node_ids for n in way.nodes)
            counts["buildings"] += way.tags.get("building") == "yes"
            counts["ways"] += 1

        def relation(self, relation):
            counts["buildings"] += relation.tags.get("building") == "yes"

    Handler().apply_file(str(output))
    assert counts["buildings"] == 163 and counts["closed"] == counts["located"] == counts["ways"] >= 163
