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
        exists = (Path(self.directory) / self.path.lstrip("/")).is_file()
        state.record(Hit(self.path, 200 if exists else 404, agent, time.monotonic()))
        super().do_GET()


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

    def __enter__(self) -> "TileServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
