"""e84segment:cacheimagery: an XYZ / WMS / WMTS layer over an area and zoom range, saved as an MBTiles or
GeoPackage raster for work with no network."""
import os
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import chips, tile_check, tile_fetch, tile_store, tiles
from . import areas, tile_service
from .base import E84Algorithm
from .predict_local import add_imagery_and_area
from ..i18n import sentence, tr

COMMIT_EVERY = 64  # tiles per transaction: an interruption loses at most these
SAMPLE_FOR_ESTIMATE = 32
# Hosts whose usage policy forbids bulk downloading (https://operations.osmfoundation.org/policies/tiles/).
NO_BULK_HOSTS = ("tile.openstreetmap.org",)


def partial_path(output: Path) -> Path:
    """Where a new cache grows until it is complete: hidden, beside the output; a rerun resumes it."""
    return output.with_name(f".{output.stem}.partial{output.suffix}")


class CacheImageryAlgorithm(E84Algorithm):
    ID = "cacheimagery"
    TITLE = "Save imagery for offline use"
    GROUP = "setup"
    MIN_ZOOM = "MIN_ZOOM"
    MAX_ZOOM = "MAX_ZOOM"
    ATTRIBUTION = "ATTRIBUTION"
    MAX_TILES = "MAX_TILES"
    OUTPUT = "OUTPUT"
    SAVED = "SAVED"
    FETCHED = "FETCHED"

    def shortHelpString(self):
        return (
            "Saves an XYZ, WMS or WMTS layer over the area of interest (AOI, or the polygons of AOI_LAYER) at zoom "
            "levels MIN_ZOOM to MAX_ZOOM into an MBTiles or GeoPackage file, for a laptop with no network. QGIS opens it "
            "as a raster, and every step of this plugin reads it as fast as a GeoTIFF.\n\n"
            "The tile count and disk size are said first; above MAX_TILES nothing is fetched. An XYZ layer's own tiles "
            "(and a WMTS layer's, where its tile matrices are the slippy-map grid's) are stored as they come (no "
            "recompression), CONCURRENCY requests at a time through QGIS's network manager (its proxy, authentication "
            "and cache): a 429 answer pauses every request for as long as its Retry-After asks, server errors are "
            "retried with a growing wait, and each tile is asked once. WMS layers, WMTS on other grids and "
            "CONCURRENCY 0 are drawn by QGIS tile by tile and stored as PNG.\n\n"
            "An interrupted or cancelled run keeps what it fetched: run it again with the same OUTPUT and only the "
            "missing tiles are fetched. The file appears under its name once complete; running again on an existing "
            "file adds what it lacks (another zoom, a larger area).\n\n"
            "ATTRIBUTION (the layer's own when empty) and the source's address are kept in the file's metadata: "
            "imagery licences ask for the credit wherever the imagery is shown. The OpenStreetMap tile servers forbid "
            "bulk downloads and are refused."
        )

    def initAlgorithm(self, config=None):
        add_imagery_and_area(self)
        self.addParameter(QgsProcessingParameterNumber(self.MIN_ZOOM, "Lowest zoom", QgsProcessingParameterNumber.Integer,
                                                       17, minValue=0, maxValue=24))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_ZOOM, "Highest zoom", QgsProcessingParameterNumber.Integer,
                                                       19, minValue=0, maxValue=24))
        self.addParameter(QgsProcessingParameterString(self.ATTRIBUTION, "Attribution (the layer's when empty)",
                                                       optional=True))
        for parameter in (
            areas.concurrency_parameter(),
            QgsProcessingParameterNumber(self.MAX_TILES, "Stop above this many tiles", QgsProcessingParameterNumber.Integer,
                                         50000, minValue=1),
        ):
            self.addAdvancedParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, "Saved imagery", "MBTiles (*.mbtiles);;GeoPackage (*.gpkg)", defaultValue=None))
        self.addOutput(QgsProcessingOutputNumber(self.SAVED, "Tiles in the file"))
        self.addOutput(QgsProcessingOutputNumber(self.FETCHED, "Tiles fetched by this run"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, "IMAGERY", context)
        layer = self.parameterAsRasterLayer(parameters, "IMAGERY", context)
        self.layer_attribution = layer.attribution() or "; ".join(layer.metadata().rights())
        return True

    def processAlgorithm(self, parameters, context, feedback):
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() not in tile_store.FORMATS:
            raise QgsProcessingException(tr("OUTPUT: save as .mbtiles or .gpkg, not '{}'")
                                         .format(output.suffix or output.name))
        low, high = (self.parameterAsInt(parameters, name, context) for name in (self.MIN_ZOOM, self.MAX_ZOOM))
        if low > high:
            raise QgsProcessingException(tr("MIN_ZOOM ({}) is above MAX_ZOOM ({}): swap them").format(low, high))
        if self.imagery.provider == "gdal":
            raise QgsProcessingException(
                tr("'{}' is a file already: every step reads it offline as it is. Save XYZ, WMS or WMTS layers")
                .format(self.imagery.name)
            )
        service = tile_service.service_of(self.imagery)
        if service is not None and urlparse(service.address()).hostname in NO_BULK_HOSTS:
            raise QgsProcessingException(
                tr("The OpenStreetMap Foundation's tile servers forbid bulk downloads (their tile usage "
                   "policy): save imagery from a service that allows it, such as your own or a commercial "
                   "provider under its terms")
            )
        absent = [z for z in range(low, high + 1) if service is not None and not service.has_zoom(z)]
        if absent:
            offered = [z for z in range(0, 25) if service.has_zoom(z)]
            raise QgsProcessingException(
                tr("The layer has no tiles of its own at zoom {} (it offers {}-{}): keep MIN_ZOOM and MAX_ZOOM "
                   "within that range; QGIS would only resample other zooms")
                .format(', '.join(map(str, absent)), offered[0], offered[-1])
            )
        attribution = self.parameterAsString(parameters, self.ATTRIBUTION, context).strip() or self.layer_attribution
        if not attribution:
            feedback.pushWarning(tr("The layer declares no attribution: set ATTRIBUTION to the credit its "
                                    "licence asks for"))

        area = areas.area_of_interest(self, parameters, context, self.imagery, feedback=feedback)
        limit = self.parameterAsInt(parameters, self.MAX_TILES, context)
        by_zoom = {}
        for zoom in range(low, high + 1):
            try:
                by_zoom[zoom] = areas.tiles_in_area(area, zoom, limit - sum(map(len, by_zoom.values())))
            except QgsProcessingException:
                total = sum(tiles.count_tiles(areas.bounds(area.boundingBox()), z) for z in range(low, high + 1))
                raise QgsProcessingException(
                    tr("Zooms {}-{} over this area need about {:,} tiles, above MAX_TILES ({:,}) (about {:.1f} "
                       "GB): lower MAX_ZOOM, draw a smaller AOI, or raise MAX_TILES")
                    .format(low, high, total, limit, tile_store.estimate_bytes(total, []) / 1e9)
                ) from None

        existing = output.exists()
        work = output if existing else partial_path(output)
        try:
            store = tile_store.TileStore(work)
        except ValueError as error:
            raise QgsProcessingException(sentence(error)) from None
        except sqlite3.Error:  # a full disk while the new file is made: it goes
            if not existing:
                _remove_new_file(work)
            raise
        try:
            return self._fill(store, work, output, existing, service, by_zoom, attribution, parameters, context, feedback)
        except Exception:
            # A new file that got no tile is no start to resume from: it goes (one with tiles stays, to resume).
            try:
                empty = not existing and not any(store.existing(zoom) for zoom in by_zoom)
            except sqlite3.Error:  # the file itself failed (a full disk): nothing in it to resume from
                empty = not existing
            if empty:
                store.close()
                _remove_new_file(work)
            raise
        finally:
            store.close()

    def _fill(self, store, work, output, existing, service, by_zoom, attribution, parameters, context, feedback):
        missing, kept = tile_store.tiles_to_fetch(store, by_zoom)
        total = kept + len(missing)
        counts = ", ".join(f"z{z}: {len(t):,}" for z, t in sorted(by_zoom.items()))
        estimate = tile_store.estimate_bytes(len(missing), [])
        feedback.pushInfo(
            tr("{:,} tiles ({}); {:,} already saved in {}, {:,} to fetch: about {:,.0f} MB at a typical {} kB "
               "per tile")
            .format(total, counts, kept, work.name, len(missing), estimate / 1e6, tile_store.estimate_bytes(1, []) // 1000)
        )
        free = shutil.disk_usage(work.parent).free
        if estimate > free:
            raise QgsProcessingException(
                tr("About {} are needed and {} are free on {}: free some space, choose another disk or a smaller "
                   "area").format(_size(estimate), _size(free), work.parent)
            )
        sizes, fetched, unusable = [], 0, tile_check.Tally()
        concurrency = self.parameterAsInt(parameters, areas.CONCURRENCY, context)
        tile_size = service.tile_size if service is not None and concurrency > 0 else RENDERED_TILE
        for done, (tile, data) in enumerate(self._tiles(service, missing, concurrency, feedback), 1):
            # Decoded in full before it is stored: a tile stored broken is never fetched again.
            problem = None if data is None else tile_check.problem(data, tile_size)
            if problem is None and data is not None and not store.accepts(data):
                problem = tile_check.NOT_AN_IMAGE if store.kind == ".mbtiles" else "WebP (GeoPackage cannot hold it)"
            if data is not None and problem is None:
                store.put(tile, data)
                sizes.append(len(data))
                fetched += 1
            elif problem is not None:
                unusable[problem] += 1
            if len(sizes) == SAMPLE_FOR_ESTIMATE:
                feedback.pushInfo(tr("About {:,.0f} MB in all, at {:.0f} kB per tile so far")
                                  .format(tile_store.estimate_bytes(len(missing), sizes) / 1e6, np.mean(sizes) / 1000))
            if done % COMMIT_EVERY == 0:
                store.commit()
            feedback.setProgress(100.0 * done / max(len(missing), 1))
        store.commit()
        if feedback.isCanceled():
            feedback.pushWarning(
                tr("Cancelled: {:,} of {:,} tiles are kept in {}; run again with the same OUTPUT to fetch only "
                   "the rest").format(kept + fetched, total, work)
            )
            return {}
        if unusable:
            left_out = tr("{} tiles the service sent were left out ({}): a run with the same OUTPUT fetches them again").format(
                sum(unusable.values()), unusable.describe())
            if kept + fetched == 0:
                raise QgsProcessingException(tr("No tile was saved. {}; check the layer in QGIS (a login or quota page?)")
                                             .format(left_out))
            feedback.pushWarning(left_out)
        try:
            store.finish(output.stem, attribution, tile_store.describe_source(self._source_text(service)))
        except ValueError as error:
            raise QgsProcessingException(sentence(error)) from None
        store.close()
        if not existing:
            os.replace(work, output)
        feedback.pushInfo(tr("Saved {:,} tiles in {} ({:,.1f} MB); {:,} fetched by this run")
                          .format(kept + fetched, output, output.stat().st_size / 1e6, fetched))
        context.addLayerToLoadOnCompletion(str(output), QgsProcessingContext.LayerDetails(
            f"{self.imagery.name} (offline)", context.project(), self.OUTPUT))
        return {self.OUTPUT: str(output), self.SAVED: kept + fetched, self.FETCHED: fetched}

    def _tiles(self, service, missing, concurrency, feedback):
        """(tile, bytes or None) for the missing tiles: the service's own, or drawn by QGIS."""
        if service is not None and concurrency > 0:
            fetcher = tile_service.fetcher_for(service, concurrency, feedback.isCanceled)
            try:
                for tile, data in fetcher.fetch_in_order((tile, service.url(tile)) for tile in missing):
                    if feedback.isCanceled():
                        return
                    yield tile, data
            except tile_fetch.FetchError as error:
                raise QgsProcessingException(tr("{}. The tiles fetched so far are kept: run again to resume")
                                             .format(sentence(error))) from None
            return
        reader = chips.RenderedChipReader(self.imagery.source, self.imagery.provider, 256, self.imagery.renderer)
        for tile in missing:
            if feedback.isCanceled():
                return
            rgb, valid = reader.read(tiles.mercator_bounds(tile))
            yield tile, (encode_png(rgb, valid) if valid.any() else None)

    def _source_text(self, service) -> str:
        if service is not None:
            return service.address()
        return f"{self.imagery.name} ({self.imagery.provider}: {QgsDataSourceUri.removePassword(self.imagery.source)})"


RENDERED_TILE = 256  # the size of the tiles QGIS draws here (encode_png)


def _remove_new_file(work: Path) -> None:
    """A new cache file that holds no tile, and its SQLite journal: no start to resume from."""
    for leftover in (work, work.with_name(work.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _size(count: float) -> str:
    """Bytes in the unit that shows them (2 MB against 1 MB free read '0.0 GB needed, 0.0 GB free')."""
    return f"{count / 1e9:.1f} GB" if count >= 1e9 else f"{count / 1e6:.1f} MB"


def encode_png(rgb: np.ndarray, valid: np.ndarray) -> bytes:
    """A drawn tile as RGBA PNG: transparent where the layer drew nothing."""
    import io

    from PIL import Image

    rgba = np.dstack([rgb, np.where(valid, 255, 0).astype(np.uint8)])
    buffer = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()
