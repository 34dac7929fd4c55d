"""A tile server on 127.0.0.1 over a folder of ``{z}/{x}/{y}.png`` tiles, for tests and benchmarks.

It can answer slowly (``latency_s``), refuse with 429 + Retry-After or 503 for chosen paths, and it
logs every request (path, user agent, time), so a test can count fetches and check politeness.
"""
import functools
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, List, Optional, Tuple


@dataclass
class Behaviour:
    latency_s: float = 0.0
    # path -> answers to give before serving it: (status, Retry-After or None), used up in order
    failures: Dict[str, List[Tuple[int, Optional[str]]]] = field(default_factory=dict)
    fail_all: Optional[Tuple[int, Optional[str]]] = None
    # Hostile answers (reliability.md, appendix A) for tiles whose column is even, or every tile with
    # ``everywhere``: "html" (a login page with 200), "cut" (the first third of the PNG), "hang" (no answer).
    hostile: str = ""
    everywhere: bool = False
    hang_s: float = 30.0


@dataclass
class Hit:
    path: str
    status: int
    user_agent: str
    at: float


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, server_state=None, **kwargs):
        self.state = server_state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # quiet: tests read the hits instead
        pass

    def do_GET(self):  # noqa: N802 (http.server's name)
        state = self.state
        if state.behaviour.latency_s:
            time.sleep(state.behaviour.latency_s)
        failure = state.behaviour.fail_all
        with state.lock:
            queued = state.behaviour.failures.get(self.path)
            if failure is None and queued:
                failure = queued.pop(0)
        agent = self.headers.get("User-Agent", "")
        if failure is not None:
            status, retry_after = failure
            self.send_response(status)
            if retry_after is not None:
                self.send_header("Retry-After", retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            state.record(Hit(self.path, status, agent, time.monotonic()))
            return
        if self.path.startswith("/wmts/"):
            self._wmts(agent)
            return
        exists = (Path(self.directory) / self.path.lstrip("/")).is_file()
        if exists and state.behaviour.hostile and (state.behaviour.everywhere or int(self.path.split("/")[2]) % 2 == 0):
            self._hostile(state.behaviour, agent)
            return
        state.record(Hit(self.path, 200 if exists else 404, agent, time.monotonic()))
        super().do_GET()


    def _hostile(self, behaviour: Behaviour, agent: str) -> None:
        self.state.record(Hit(self.path, 200, agent, time.monotonic()))
        if behaviour.hostile == "hang":
            time.sleep(behaviour.hang_s)
            return
        if behaviour.hostile == "html":
            body, kind = b"<html><body>Please log in</body></html>", "text/html"
        else:
            data = (Path(self.directory) / self.path.lstrip("/")).read_bytes()
            body, kind = data[: len(data) // 3], "image/png"
        try:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _wmts(self, agent: str) -> None:
        """A RESTful WMTS over the same tiles: /wmts/WMTSCapabilities.xml and
        /wmts/tile/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png with matrices EPSG:3857:{z}."""
        path = self.path.split("?", 1)[0]
        if path == "/wmts/WMTSCapabilities.xml":
            body = capabilities(f"http://{self.headers['Host']}").encode()
            self.state.record(Hit(self.path, 200, agent, time.monotonic()))
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        parts = path.split("/")  # '', wmts, tile, set, matrix, row, col.png
        zoom = parts[4].rsplit(":", 1)[-1]
        self.path = f"/{zoom}/{parts[6].split('.')[0]}/{parts[5]}.png"
        exists = (Path(self.directory) / self.path.lstrip("/")).is_file()
        self.state.record(Hit(path, 200 if exists else 404, agent, time.monotonic()))
        super().do_GET()


def capabilities(base: str, zooms=range(0, 22)) -> str:
    """WMTS 1.0 capabilities of one layer 'kampala' on a GoogleMapsCompatible matrix set."""
    half = 20037508.342789244
    matrices = "".join(
        f"<TileMatrix><ows:Identifier>EPSG:3857:{z}</ows:Identifier>"
        f"<ScaleDenominator>{559082264.0287178 / 2 ** z!r}</ScaleDenominator>"
        f"<TopLeftCorner>{-half!r} {half!r}</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>"
        f"<MatrixWidth>{2 ** z}</MatrixWidth><MatrixHeight>{2 ** z}</MatrixHeight></TileMatrix>"
        for z in zooms
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
 <ows:ServiceIdentification><ows:Title>Kampala test WMTS</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType>
  <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
 <Contents>
  <Layer><ows:Title>kampala</ows:Title><ows:Identifier>kampala</ows:Identifier>
   <ows:WGS84BoundingBox><ows:LowerCorner>32.58 0.34</ows:LowerCorner><ows:UpperCorner>32.60 0.36</ows:UpperCorner></ows:WGS84BoundingBox>
   <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
   <Format>image/png</Format>
   <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
   <ResourceURL format="image/png" resourceType="tile"
     template="{base}/wmts/tile/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}.png"/>
  </Layer>
  <TileMatrixSet><ows:Identifier>GoogleMapsCompatible</ows:Identifier>
   <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>{matrices}</TileMatrixSet>
 </Contents>
</Capabilities>"""


class TileServer:
    def __init__(self, folder: Path, behaviour: Optional[Behaviour] = None):
        self.behaviour = behaviour or Behaviour()
        self.hits: List[Hit] = []
        self.lock = threading.Lock()
        handler = functools.partial(_Handler, directory=str(folder), server_state=self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None  # a cancelled client hangs up mid-answer
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def xyz_source(self, zmin: int = 19, zmax: int = 21) -> str:
        """The QGIS source of an XYZ layer over this server."""
        return f"type=xyz&url={self.url}/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin={zmin}&zmax={zmax}"

    def wmts_source(self) -> str:
        """The QGIS source of a WMTS layer over this server."""
        return (f"contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/png&layers=kampala&styles=default"
                f"&tileMatrixSet=GoogleMapsCompatible&url={self.url}/wmts/WMTSCapabilities.xml")

    def __enter__(self) -> "TileServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
