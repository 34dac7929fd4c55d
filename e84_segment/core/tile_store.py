"""Tiles kept as they came, in an MBTiles or GeoPackage raster that GDAL and QGIS open offline.

Both are SQLite: the service's own PNG / JPEG bytes go in unchanged (no recompression), tiles already
there are known (a run resumes where it stopped), and every batch is one transaction, so an interrupted
run leaves a consistent file. Pure Python (sqlite3): no GDAL needed to write.
"""
import math
import sqlite3
import time
from pathlib import Path
from typing import Dict, Iterable, Set, Tuple

from . import tiles
from .sentence import said

FORMATS = (".mbtiles", ".gpkg")
GPKG_TABLE = "imagery"
_MERCATOR_WKT = (
    'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",'
    '0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER['
    '"central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],'
    'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],EXTENSION["PROJ4",'
    '"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext '
    '+no_defs"],AUTHORITY["EPSG","3857"]]'
)
_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
    'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)


def image_format(data: bytes) -> str:
    """``png``, ``jpg``, ``webp`` or ``""`` from the first bytes."""
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return ""


class TileStore:
    """One cache file; ``put`` tiles, ``commit`` batches, ``finish`` with the extent and metadata."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.kind = self.path.suffix.lower()
        if self.kind not in FORMATS:
            raise said(ValueError, "{name}: save imagery as .mbtiles or .gpkg", name=self.path.name)
        new = not self.path.exists()
        self.db = sqlite3.connect(str(self.path))
        if new:
            self._create()
        elif not self._valid():
            self.db.close()
            raise said(ValueError, "{path} is not an imagery cache this plugin wrote: choose a new file name", path=self.path)
        self.formats: Dict[str, int] = {}

    def existing(self, zoom: int) -> Set[Tuple[int, int]]:
        """(x, y) of the tiles already stored at ``zoom``."""
        if self.kind == ".mbtiles":
            rows = self.db.execute("SELECT tile_column, tile_row FROM tiles WHERE zoom_level = ?", (zoom,))
            return {(x, (1 << zoom) - 1 - row) for x, row in rows}
        rows = self.db.execute(f"SELECT tile_column, tile_row FROM {GPKG_TABLE} WHERE zoom_level = ?", (zoom,))
        return set(rows)

    def accepts(self, data: bytes) -> bool:
        """PNG and JPEG in both formats; WebP in MBTiles only (GeoPackage needs an extension for it)."""
        return image_format(data) in (("png", "jpg", "webp") if self.kind == ".mbtiles" else ("png", "jpg"))

    def put(self, tile: tiles.Tile, data: bytes) -> None:
        x, y, z = tile
        kind = image_format(data)
        self.formats[kind] = self.formats.get(kind, 0) + 1
        if self.kind == ".mbtiles":
            self.db.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, data))
        else:
            self.db.execute(
                f"INSERT OR REPLACE INTO {GPKG_TABLE} (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)",
                (z, x, y, data),
            )

    def commit(self) -> None:
        self.db.commit()

    def finish(self, name: str, attribution: str, description: str) -> None:
        """Extent, zoom range and metadata from what is stored, in one transaction."""
        zooms = [z for (z,) in self.db.execute(f"SELECT DISTINCT zoom_level FROM {self._table()} ORDER BY 1")]
        if not zooms:
            raise said(ValueError, "No tile was saved: the service has no imagery over this area at these zooms")
        top = zooms[-1]
        if self.kind == ".mbtiles":
            x0, x1, r0, r1 = self.db.execute(
                "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM tiles WHERE zoom_level = ?",
                (top,),
            ).fetchone()
            y0, y1 = (1 << top) - 1 - r1, (1 << top) - 1 - r0
        else:
            x0, x1, y0, y1 = self.db.execute(
                f"SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM {GPKG_TABLE} "
                "WHERE zoom_level = ?", (top,),
            ).fetchone()
        minx, _, _, maxy = tiles.mercator_bounds((x0, y0, top))
        _, miny, maxx, _ = tiles.mercator_bounds((x1, y1, top))
        # The format most tiles of this run came in; a run that added none looks at a stored tile.
        kind = max(self.formats, key=self.formats.get) if self.formats else \
            image_format(self.db.execute(f"SELECT tile_data FROM {self._table()} LIMIT 1").fetchone()[0])
        if self.kind == ".mbtiles":
            west, _, _, north = tiles.lonlat_bounds((x0, y0, top))
            _, south, east, _ = tiles.lonlat_bounds((x1, y1, top))
            metadata = {
                "name": name, "format": kind or "png", "type": "baselayer", "version": "1.1",
                # Full precision: GDAL takes its extent from these, and 9 decimals leave it off the pixel grid.
                "bounds": ",".join(repr(v) for v in (west, south, east, north)),
                "center": f"{(west + east) / 2:.9f},{(south + north) / 2:.9f},{top}",
                "minzoom": str(zooms[0]), "maxzoom": str(top), "attribution": attribution, "description": description,
            }
            self.db.execute("DELETE FROM metadata")
            self.db.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        else:
            self.db.execute(
                "UPDATE gpkg_contents SET identifier = ?, description = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
                (name, _gpkg_description(attribution, description), minx, miny, maxx, maxy, GPKG_TABLE),
            )
            self.db.execute("DELETE FROM gpkg_tile_matrix WHERE table_name = ?", (GPKG_TABLE,))
            self.db.executemany(
                "INSERT INTO gpkg_tile_matrix VALUES (?, ?, ?, ?, 256, 256, ?, ?)",
                [(GPKG_TABLE, z, 1 << z, 1 << z, tiles.WORLD / (256 << z), tiles.WORLD / (256 << z))
                 for z in range(zooms[0], top + 1)],
            )
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def _table(self) -> str:
        return "tiles" if self.kind == ".mbtiles" else GPKG_TABLE

    def _valid(self) -> bool:
        try:
            self.db.execute(f"SELECT zoom_level, tile_column, tile_row, tile_data FROM {self._table()} LIMIT 1")
            return True
        except sqlite3.DatabaseError:
            return False

    def _create(self) -> None:
        if self.kind == ".mbtiles":
            self.db.executescript(
                "CREATE TABLE metadata (name TEXT, value TEXT);"
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
                "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
            )
            return
        # GeoPackage 1.2 (OGC 12-128r15): the required tables, a tile pyramid on the GoogleMapsCompatible grid.
        half = tiles.WORLD / 2
        self.db.executescript(
            f"""
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10200;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
                organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
                description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
                identifier TEXT UNIQUE, description TEXT DEFAULT '',
                last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL,
                min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
                CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL,
                matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL,
                tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
                CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
                CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
            CREATE TABLE {GPKG_TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER NOT NULL,
                tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL,
                UNIQUE (zoom_level, tile_column, tile_row));
            """
        )
        self.db.executemany(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
            [
                ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
                ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
                ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
                ("WGS 84 / Pseudo-Mercator", 3857, "EPSG", 3857, _MERCATOR_WKT, None),
            ],
        )
        self.db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id, min_x, min_y, max_x, max_y) "
            "VALUES (?, 'tiles', ?, 3857, ?, ?, ?, ?)", (GPKG_TABLE, GPKG_TABLE, -half, -half, half, half),
        )
        self.db.execute("INSERT INTO gpkg_tile_matrix_set VALUES (?, 3857, ?, ?, ?, ?)", (GPKG_TABLE, -half, -half, half, half))
        self.db.commit()


def _gpkg_description(attribution: str, description: str) -> str:
    return "\n".join(part for part in (f"Attribution: {attribution}" if attribution else "", description) if part)


def tiles_to_fetch(store: TileStore, by_zoom: Dict[int, Iterable[tiles.Tile]]) -> Tuple[list, int]:
    """The tiles not stored yet, lowest zoom first, and how many are stored already."""
    missing, kept = [], 0
    for zoom in sorted(by_zoom):
        have = store.existing(zoom)
        for tile in by_zoom[zoom]:
            if (tile[0], tile[1]) in have:
                kept += 1
            else:
                missing.append(tile)
    return missing, kept


def describe_source(source_url: str, when: float = None) -> str:
    return f"Saved from {source_url} by e84_segment on {time.strftime('%Y-%m-%d', time.gmtime(when or time.time()))}"


def estimate_bytes(count: int, sample_sizes: Iterable[int], typical: int = 25_000) -> int:
    """Disk size of ``count`` tiles from the sizes seen so far (a typical aerial tile before any)."""
    sizes = list(sample_sizes)
    mean = sum(sizes) / len(sizes) if sizes else typical
    return int(math.ceil(count * mean))
