"""A local server that speaks SageMaker runtime's InvokeEndpoint API, backed by a local model.

``POST /endpoints/{name}/invocations`` with ``Content-Type: image/jpeg`` (or image/png) answers, as
the built-in algorithm does, ``Accept: image/png`` with a class mask the size of the image, or
``Accept: application/x-recordio-protobuf`` with the class probabilities [1, C, H, W]. As on SageMaker,
an answer may not pass 6 MB (ModelError); images are sized from their header before any decoding,
larger ones than MAX_PIXELS are refused (413) and large ones predicted window by window, so one
request cannot exhaust the memory of the server the team shares. Any boto3
``sagemaker-runtime`` client reaches it with ``endpoint_url`` (or ``AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME``);
signatures are not checked. Field teams share one model offline with it:

    python -m e84_segment.backends.sagemaker.local_endpoint model.pt --host 0.0.0.0 --port 8080
"""
import argparse
import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

import numpy as np
from PIL import Image

from . import contract, recordio

DEFAULT_NAME = "e84-local"
_PATH = re.compile(r"^/endpoints/([^/]+)/invocations/?$")
PROTOBUF_TYPES = (contract.PROTOBUF, "application/x-protobuf")
MAX_BODY = 6 * 1024 * 1024  # SageMaker's request limit
MAX_PIXELS = 4096 * 4096  # about 50 MB of decoded pixels: a few hundred kB of PNG can claim far more
WINDOW = 1024  # larger images are predicted in windows of this many pixels a side ...
CONTEXT = 32  # ... each seen with this much of its surroundings, so window edges do not show


class LocalModel:
    """The local model answering full-probability requests of any image size."""

    def __init__(self, model_path: Path):
        from ..local import predict

        self.predictor = predict.Predictor(Path(model_path))
        self.meta = self.predictor.meta
        self._lock = threading.Lock()  # one forward pass at a time: the CPU is shared anyway

    def probabilities(self, rgb: np.ndarray) -> np.ndarray:
        """(C, H, W) float32 class probabilities for an H, W, 3 uint8 image."""
        from ...core import mosaic

        height, width = rgb.shape[:2]
        multiple = mosaic.NETWORK_MULTIPLE
        padded = np.pad(rgb, ((0, -height % multiple), (0, -width % multiple), (0, 0)), mode="reflect")
        with self._lock:
            building = self.predictor.probabilities(padded[None])[0, :height, :width]
        return np.stack([1.0 - building, building]).astype(np.float32)

    def classes(self, rgb: np.ndarray) -> np.ndarray:
        """(H, W) uint8 class mask, window by window for large images: memory stays that of one window."""
        height, width = rgb.shape[:2]
        if height <= WINDOW and width <= WINDOW:
            return self.probabilities(rgb).argmax(axis=0).astype(np.uint8)
        out = np.empty((height, width), np.uint8)
        for top in range(0, height, WINDOW):
            for left in range(0, width, WINDOW):
                y0, x0 = max(top - CONTEXT, 0), max(left - CONTEXT, 0)
                seen = self.probabilities(rgb[y0 : top + WINDOW + CONTEXT, x0 : left + WINDOW + CONTEXT]).argmax(axis=0)
                part = out[top : top + WINDOW, left : left + WINDOW]
                part[:] = seen[top - y0 : top - y0 + part.shape[0], left - x0 : left - x0 + part.shape[1]]
        return out


class Refused(Exception):
    """A request the endpoint answers with an error: HTTP status, SageMaker's error type, what to change."""

    def __init__(self, status: int, error_type: str, message: str):
        super().__init__(message)
        self.status, self.error_type = status, error_type


def answer(model: LocalModel, body: bytes, content_type: str, accept: str) -> bytes:
    """The built-in algorithm's answer to one InvokeEndpoint body: a PNG class mask or RecordIO-protobuf
    probabilities. The local server and the handler in AWS's PyTorch inference container both use it."""
    if len(body) > MAX_BODY:
        raise Refused(413, "ValidationError", "The request body exceeds 6 MB")
    if content_type not in (contract.JPEG, contract.PNG):
        raise Refused(415, "ValidationError", f"Content-Type {content_type or '(none)'} is not supported: send image/jpeg")
    if accept not in (contract.PNG,) + PROTOBUF_TYPES:
        raise Refused(406, "ValidationError", f"Accept {accept} is not supported: image/png or {contract.PROTOBUF}")
    try:
        with Image.open(io.BytesIO(body)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if width * height > MAX_PIXELS:
                raise Refused(413, "ValidationError", f"The image is {width} x {height} px; this endpoint takes at most "
                                                      f"{MAX_PIXELS:,} px per request: send it in windows")
            if accept != contract.PNG and contract.probability_answer_bytes(width, height) > contract.ANSWER_LIMIT:
                # What SageMaker answers when a container's answer passes the runtime's cap.
                raise Refused(424, "ModelError", "Received client error (413) from primary and could not load the entire "
                                                 f"response body: the probabilities of {width} x {height} px pass the 6 MB "
                                                 "an endpoint may answer; send smaller windows")
            rgb = np.asarray(image.convert("RGB"))
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise Refused(400, "ValidationError", f"The body is not a readable image: {error}") from None
    try:
        if accept == contract.PNG:
            buffer = io.BytesIO()
            Image.fromarray(model.classes(rgb), mode="L").save(buffer, format="PNG")
            return buffer.getvalue()
        return recordio.encode_probabilities(model.probabilities(rgb))
    except Exception as error:  # the runtime API reports model failures as ModelError
        raise Refused(424, "ModelError", f"The model failed: {error}") from error


class _Handler(BaseHTTPRequestHandler):
    server_version = "e84-local-endpoint"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: a field server logs only errors
        pass

    def _send(self, status: int, body: bytes, content_type: str, error_type: Optional[str] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-Amzn-Invoked-Production-Variant", "AllTraffic")
        if error_type:
            self.send_header("x-amzn-ErrorType", error_type)
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, error_type: str, message: str) -> None:
        self._send(status, json.dumps({"message": message}).encode(), "application/json", error_type)

    def do_GET(self):
        if self.path.rstrip("/") == "/ping":
            self._send(200, b"", "text/plain")
        else:
            self._error(404, "ValidationError", f"no such path {self.path}")

    def do_POST(self):
        # The size is judged from the header before anything is read: a body read first (then refused)
        # let four clients of 400 MB take the server from 0.9 to 2.5 GB. What is over goes unread and the
        # connection closes, as HTTP/1.1 allows after an answer to a body not taken.
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            return self._error(400, "ValidationError", "Content-Length must be a number of bytes")
        if length > MAX_BODY:
            self.close_connection = True
            return self._error(413, "ValidationError", "The request body exceeds 6 MB")
        body = self.rfile.read(length) if length else b""
        match = _PATH.match(self.path.split("?")[0])
        if not match:
            return self._error(404, "ValidationError", f"no such path {self.path}: POST /endpoints/<name>/invocations")
        if self.server.endpoint_name and match.group(1) != self.server.endpoint_name:
            return self._error(400, "ValidationError", f"Endpoint {match.group(1)} not found (this server is {self.server.endpoint_name})")
        try:
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            accept = (self.headers.get("Accept") or contract.PNG).split(",")[0].strip()
            self._send(200, answer(self.server.model, body, content_type, accept), accept)
        except Refused as refusal:
            self._error(refusal.status, refusal.error_type, str(refusal))


class LocalEndpointServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, model: LocalModel, host: str = "127.0.0.1", port: int = 0, endpoint_name: Optional[str] = DEFAULT_NAME):
        """``endpoint_name`` None answers any endpoint name (a stand-in for endpoints SageMaker names)."""
        super().__init__((host, port), _Handler)
        self.model = model
        self.endpoint_name = endpoint_name

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="e84-local-endpoint", daemon=True)
        thread.start()
        return thread


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve a local e84 segment model on SageMaker's InvokeEndpoint API")
    parser.add_argument("model", type=Path, help="a model file from 'Train model locally'")
    parser.add_argument("--host", default="127.0.0.1", help="0.0.0.0 to serve the local network")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--name", default=DEFAULT_NAME, help="the endpoint name clients use")
    args = parser.parse_args(argv)
    server = LocalEndpointServer(LocalModel(args.model), args.host, args.port, args.name)
    meta = server.model.meta
    print(f"Endpoint '{args.name}' at {server.url} (zoom {meta['zoom']}, tile {meta['tile_size']} px); Ctrl+C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
