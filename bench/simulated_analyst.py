"""The simulated analyst of the correction loop (bench_correct and `make demo`): corrects whole tiles against
trusted buildings (OSM), as an analyst does with QGIS's editing tools, and counts the edits it took."""
from pathlib import Path

from osgeo import gdal, ogr, osr

MERCATOR = osr.SpatialReference()
MERCATOR.ImportFromEPSG(3857)
KEEP_IOU = 0.8  # a matched footprint this close to the building is kept as it is, else reshaped


def buildings_in_3857(path: Path) -> list:
    """Polygons of a GeoJSON (EPSG:4326) as OGR geometries in EPSG:3857, invalid rings made valid."""
    source = ogr.Open(str(path))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, MERCATOR)
    found = []
    for feature in source.GetLayer(0):
        geometry = feature.GetGeometryRef().Clone()
        geometry.Transform(transform)
        found.append(geometry if geometry.IsValid() else geometry.MakeValid())
    return found


def area_tiles(raster: Path, zoom: int) -> list:
    from e84_segment.core import tiles

    info = gdal.Info(str(raster), format="json")["cornerCoordinates"]
    box = (info["upperLeft"][0], info["lowerRight"][1], info["lowerRight"][0], info["upperLeft"][1])
    inset = 0.01  # metres: edges that touch a neighbour tile are not that tile
    return tiles.tiles_in_box((box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset), zoom)


def box_of(tile):
    from e84_segment.core import tiles

    minx, miny, maxx, maxy = tiles.mercator_bounds(tile)
    return ogr.CreateGeometryFromWkt(f"POLYGON(({minx} {miny},{maxx} {miny},{maxx} {maxy},{minx} {maxy},{minx} {miny}))")


def write_layer(path: Path, rows, fields=()) -> Path:
    """A GeoPackage in EPSG:3857: rows of (geometry, {field: value})."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer(path.stem, MERCATOR, ogr.wkbMultiPolygon)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for geometry, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
        for name, value in values.items():
            if value is not None:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
    source = None
    return path


def iou(a, b) -> float:
    union = a.Union(b).GetArea()
    return a.Intersection(b).GetArea() / union if union else 0.0


def correct_tiles(predicted, truth, chosen, out: Path) -> dict:
    """The simulated analyst corrects the ``chosen`` tiles completely; writes the corrected footprints and the
    tiles (as suggesttiles writes them) and returns the edit counts."""
    from e84_segment.core import review

    region = ogr.Geometry(ogr.wkbMultiPolygon)
    for tile in chosen:
        region.AddGeometry(box_of(tile))
    region = region.UnionCascaded()
    touches = lambda g: g.Intersects(region) and g.Intersection(region).GetArea() > 0  # noqa: E731
    inside_p = [n for n, g in enumerate(predicted) if touches(g)]
    inside_t = [n for n, g in enumerate(truth) if touches(g)]
    pairs = sorted(((iou(predicted[p], truth[t]), p, t) for p in inside_p for t in inside_t
                    if predicted[p].Intersects(truth[t])), reverse=True)
    matched_p, matched_t, kept, reshaped = set(), set(), [], []
    for value, p, t in pairs:
        if value < 0.5 or p in matched_p or t in matched_t:
            continue
        matched_p.add(p)
        matched_t.add(t)
        (kept if value >= KEEP_IOU else reshaped).append((p, t))
    rows = [(g, {}) for n, g in enumerate(predicted) if n not in inside_p]
    rows += [(predicted[p], {}) for p, _ in kept]
    rows += [(truth[t], {review.FIELD: review.EDITED}) for _, t in reshaped]
    drawn = [t for t in inside_t if t not in matched_t]
    rows += [(truth[t], {review.FIELD: review.ADDED}) for t in drawn]
    write_layer(out, rows, (("review", ogr.OFTString),))
    write_layer(out.with_name(out.stem + "-tiles.gpkg"),
                [(box_of(t), {"z": t[2], "x": t[0], "y": t[1]}) for t in chosen],
                (("z", ogr.OFTInteger), ("x", ogr.OFTInteger), ("y", ogr.OFTInteger)))
    deleted = len(inside_p) - len(matched_p)
    return {"deleted": deleted, "reshaped": len(reshaped), "drawn": len(drawn), "kept": len(kept),
            "edits": deleted + len(reshaped) + len(drawn)}


def read_footprints(path: Path) -> list:
    source = ogr.Open(str(path))
    found = [f.GetGeometryRef().Clone() for f in source.GetLayer(0)]
    return [g if g.IsValid() else g.MakeValid() for g in found]
