"""A package index on 127.0.0.1 (PEP 503 simple pages) over a folder of real wheel files, for the
installer's tests: what pip sees of PyPI, a mirror or PyTorch's CPU index. It logs the files it served."""
import hashlib
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, List


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


class PackageIndex:
    """``url`` is the simple index (``<url>/<project>/``); ``served`` lists the wheel files sent."""

    def __init__(self, wheels: Iterable[Path]):
        self.wheels = {wheel.name: wheel for wheel in wheels}
        self.served: List[str] = []
        index = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_HEAD(self):  # noqa: N802 (http.server's name)
                self._answer(body=False)

            def do_GET(self):  # noqa: N802
                self._answer(body=True)

            def _answer(self, body: bool):
                parts = [urllib.parse.unquote(p) for p in self.path.split("?")[0].split("/") if p]  # torch-2.13.0%2Bcpu
                if len(parts) == 2 and parts[0] == "files" and parts[1] in index.wheels:
                    content = index.wheels[parts[1]].read_bytes()
                    if body:
                        index.served.append(parts[1])
                    self._send(200, "application/octet-stream", content, body)
                elif len(parts) == 2 and parts[0] == "simple":
                    links = [f'<a href="/files/{urllib.parse.quote(name)}#sha256={hashlib.sha256(path.read_bytes()).hexdigest()}">{name}</a>'
                             for name, path in sorted(index.wheels.items()) if normalise(name.split("-")[0]) == normalise(parts[1])]
                    page = "<!DOCTYPE html><html><body>" + "<br/>".join(links) + "</body></html>"
                    self._send(200 if links else 404, "text/html", page.encode(), body)
                elif parts == ["simple"]:
                    self._send(200, "text/html", b"<!DOCTYPE html><html><body></body></html>", body)
                else:
                    self._send(404, "text/plain", b"not here", body)

            def _send(self, status: int, kind: str, content: bytes, body: bool):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if body:
                    self.wfile.write(content)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/simple"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "PackageIndex":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def closed_url() -> str:
    """An address on 127.0.0.1 where nothing listens: an index out of reach."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/whl/cpu"
