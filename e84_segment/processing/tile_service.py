"""Tile services through QGIS's network manager: proxies, authentication configurations and QGIS's
network cache apply to every tile the plugin fetches itself, as they do to the layer's own tiles."""
import time
from typing import Callable, Dict, Optional
from xml.etree import ElementTree

from qgis.core import QgsFeedback, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QEventLoop, QUrl
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core import chips, tile_chips, tile_fetch, wmts, xyz

# Chips from the layer's own tiles equal its rendering only where the renderer passes pixels through.
_PASS_THROUGH_RENDERERS = ("singlebandcolordata", "multibandcolor")


def service_of(imagery):
    """The tile service behind a layer snapshot: an XYZ layer's, a WMTS layer's whose matrices sit on the
    slippy-map grid (its capabilities fetched through QGIS), or None (WMS, files, other grids)."""
    if imagery.provider != "wms":
        return None
    service = xyz.XyzService.parse(imagery.source)
    if service is not None:
        return service
    values = wmts.source_values(imagery.source)
    if values is None:
        return None
    address = values["url"]
    if "WMTSCapabilities.xml" not in address and "request=getcapabilities" not in address.lower():
        address += ("&" if "?" in address else "?") + "SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0"
    answer = qgis_transport(xyz.request_headers(values), values.get("authcfg", ""))(address)
    if answer.status != 200:
        return None
    try:
        return wmts.parse(answer.body, values)
    except ElementTree.ParseError:
        return None


def qgis_transport(headers: Dict[str, str], authcfg: str = "") -> tile_fetch.Transport:
    """One GET through QGIS's network manager (a blocking request: call it from a worker thread).

    No feedback goes to the request: a cancel that aborted a request being set up left it hanging
    (QGIS 3.22), never finished nor timed out. The fetcher checks for a cancel between tiles instead,
    and a tile takes well under a second."""

    def get(url: str) -> tile_fetch.Response:
        request = QNetworkRequest(QUrl(url))
        for name, value in headers.items():
            request.setRawHeader(name.encode(), value.encode())
        request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.PreferCache)
        request.setTransferTimeout(int(tile_fetch.SILENCE_S * 1000))  # Qt 5.15+: aborts after that long without data
        started = time.monotonic()
        reply = QgsNetworkAccessManager.blockingGet(request, authcfg, False)
        failed = reply.error() != QNetworkReply.NetworkError.NoError
        silent = failed and time.monotonic() - started >= 0.9 * tile_fetch.SILENCE_S
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        answered = {bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
                    for name in reply.rawHeaderList()}
        if status is None:  # file:// and other schemes carry no HTTP status
            if reply.error() == QNetworkReply.NetworkError.NoError:
                status = 200
            elif reply.error() in (QNetworkReply.NetworkError.ContentNotFoundError, QNetworkReply.NetworkError.ProtocolInvalidOperationError):
                status = 404
            else:
                status = 0
        return tile_fetch.Response(int(status), bytes(reply.content()), answered, reply.errorString() if failed else "",
                                   silent)

    return get


def decode_tile(data: bytes) -> tile_chips.Decoded:
    """A tile's pixels as QGIS's renderer decodes them (Qt's image readers), transparent = no data."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return chips.qimage_to_rgb_valid(image.convertToFormat(QImage.Format.Format_ARGB32))


def make_thread_ready() -> None:
    # A Python worker thread gets Qt's event dispatcher with its first event loop; QGIS's network
    # manager starts timers before that, which Qt refuses ("Timers can only be used with threads
    # started with QThread"), so the request timeout would never fire.
    QEventLoop()


def direct_reader(imagery, tile_size: int, concurrency: int,
                  feedback: Optional[QgsFeedback] = None) -> Optional[tile_chips.TileServiceReader]:
    """A reader of the layer's (an ``areas.LayerSnapshot``) own tiles where it is an XYZ or a WMTS service
    drawn as it is; None where QGIS must render (WMS, other grids, a renderer that changes pixels). Whether a window
    lines up with its tiles is the reader's ``lines_up``."""
    renderer = imagery.renderer
    if concurrency < 1 or renderer is not None and (
            renderer.type() not in _PASS_THROUGH_RENDERERS or renderer.opacity() < 1.0):
        return None  # checked first: a WMTS layer's capabilities are fetched only where they can serve
    service = service_of(imagery)
    if service is None:
        return None
    cancelled = feedback.isCanceled if feedback is not None else (lambda: False)
    return tile_chips.TileServiceReader(service, tile_size, fetcher_for(service, concurrency, cancelled), decode_tile)


def fetcher_for(service, concurrency: int, cancelled: Callable[[], bool]) -> tile_fetch.TileFetcher:
    """A fetcher of the service's tiles through QGIS's network manager, ``concurrency`` at a time."""
    return tile_fetch.TileFetcher(qgis_transport(service.headers, service.authcfg),
                                  tile_fetch.FetchPolicy(concurrency=concurrency), cancelled=cancelled,
                                  thread_setup=make_thread_ready)
