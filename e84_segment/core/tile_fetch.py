"""Fetch map tiles from a service politely: bounded concurrency, HTTP 429 and Retry-After honoured
for every request in flight, exponential backoff on 5xx and network errors, each tile asked once.

Pure Python: the HTTP call is a ``Transport`` the caller gives (QGIS's network manager inside the
plugin, so proxies, authentication and QGIS's cache apply; urllib in tests). GDAL's own tile
fetching (3.6) ignores Retry-After, which tile policies ask clients to honour.
"""
import email.utils
import random
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Dict, Hashable, Iterable, Iterator, Mapping, Optional, Tuple

from .sentence import said

DEFAULT_CONCURRENCY = 8
# A server asking to wait longer than this stops the run: the analyst should know, not wait blind.
MAX_RETRY_AFTER_S = 300.0
# A request that receives nothing for this long is given up (QGIS's own default is 60 s, and six tries of
# it held a step at 0 % for 400 s); a tile takes well under a second.
SILENCE_S = 20.0


@dataclass(frozen=True)
class Response:
    """What a transport answers. ``status`` 0 for a network error (``error`` says which)."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    error: str = ""
    silent: bool = False  # nothing came back within SILENCE_S


Transport = Callable[[str], Response]


class FetchError(RuntimeError):
    """The service refused or kept failing: the message says what to change."""


@dataclass
class FetchPolicy:
    concurrency: int = DEFAULT_CONCURRENCY
    retries: int = 5  # after the first try, for 429, 5xx and network errors
    backoff_s: float = 1.0  # first wait; doubles each retry, with jitter
    max_backoff_s: float = 60.0
    max_retry_after_s: float = MAX_RETRY_AFTER_S
    silent_tries: int = 2  # a server that says nothing is given up sooner than one that answers errors


@dataclass
class FetchStats:
    fetched: int = 0
    missing: int = 0  # 404 / 204: the service has no tile there
    retries: int = 0
    throttled: int = 0  # 429 answers


def retry_after_seconds(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Retry-After as seconds from now: delay-seconds or an HTTP-date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class TileFetcher:
    """Fetches URLs through a transport; one instance per run (it holds the shared pause)."""

    def __init__(self, transport: Transport, policy: Optional[FetchPolicy] = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 cancelled: Callable[[], bool] = lambda: False, thread_setup: Optional[Callable[[], None]] = None):
        """``thread_setup`` runs once in each worker thread (QGIS's network manager needs an event loop
        there before its first request)."""
        self.transport = transport
        self._thread_setup = thread_setup
        self.policy = policy or FetchPolicy()
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._cancelled = cancelled
        self._lock = threading.Lock()
        self._not_before = 0.0  # a 429 pauses every worker, not only the one that got it
        self._random = random.Random(0)

    def fetch(self, url: str) -> Optional[bytes]:
        """The tile's bytes, or None where the service has no tile. Raises FetchError."""
        attempt = 0
        while True:
            self._wait_turn()
            if self._cancelled():
                return None
            answer = self.transport(url)
            status = answer.status
            if status == 200:
                with self._lock:
                    self.stats.fetched += 1
                return answer.body
            if status in (204, 404):
                with self._lock:
                    self.stats.missing += 1
                return None
            if answer.silent and attempt + 1 >= self.policy.silent_tries:
                raise said(FetchError, "The tile service did not answer within {seconds:.0f} s ({tries} tries) for {url}: it "
                                       "may be down or overloaded. Try again later, or use imagery saved with 'Save imagery "
                                       "for offline use'", seconds=SILENCE_S, tries=attempt + 1, url=redact(url))
            if status == 429 or status >= 500 or status == 0:
                if attempt >= self.policy.retries:
                    raise _gave_up(url, answer, attempt)
                self._back_off(answer, attempt)
                attempt += 1
                continue
            raise _refused(url, answer)

    def fetch_in_order(self, items: Iterable[Tuple[Hashable, str]]) -> Iterator[Tuple[Hashable, Optional[bytes]]]:
        """``(key, bytes or None)`` in the order given, with up to ``concurrency`` requests in flight.

        Up to four times as many tiles are queued as there are workers: a slow tile at the head of the
        order must not leave the other workers idle."""
        width = max(1, self.policy.concurrency)
        with ThreadPoolExecutor(max_workers=width, thread_name_prefix="tile-fetch",
                                initializer=self._thread_setup) as pool:
            pending: deque = deque()
            try:
                for key, url in items:
                    pending.append((key, pool.submit(self.fetch, url)))
                    if len(pending) >= 4 * width:
                        done_key, future = pending.popleft()
                        yield done_key, future.result()
                while pending:
                    done_key, future = pending.popleft()
                    yield done_key, future.result()
            finally:
                for _, future in pending:
                    future.cancel()

    def _wait_turn(self) -> None:
        while not self._cancelled():
            with self._lock:
                delay = self._not_before - self._clock()
            if delay <= 0:
                return
            self._sleep(min(delay, 0.5))  # short naps: cancel stays prompt

    def _back_off(self, answer: Response, attempt: int) -> None:
        asked = retry_after_seconds(answer.headers.get("retry-after")) if answer.status in (429, 503) else None
        if asked is not None and asked > self.policy.max_retry_after_s:
            raise said(
                FetchError, "The tile service asks to wait {asked:.0f} s before the next request (HTTP {status}, Retry-After): "
                            "its usage limit is reached. Try again later, or use imagery saved with 'Save imagery for offline "
                            "use'",
                asked=asked, status=answer.status,
            )
        if asked is None:
            asked = min(self.policy.backoff_s * 2 ** attempt, self.policy.max_backoff_s)
            asked *= 0.5 + self._random.random()  # jitter: the workers must not return in step
        with self._lock:
            self.stats.retries += 1
            self.stats.throttled += answer.status == 429
            if answer.status == 429:
                self._not_before = max(self._not_before, self._clock() + asked)
        if answer.status != 429:
            self._sleep(asked)


def _gave_up(url: str, answer: Response, attempt: int) -> "FetchError":
    return said(
        FetchError, "The tile service kept failing ({what}) after {tries} tries for {url}: check the network (or "
                    "QGIS's proxy settings) and try again; tiles fetched so far are kept where the step saves them",
        what=answer.error or f"HTTP {answer.status}", tries=attempt + 1, url=redact(url),
    )


def _refused(url: str, answer: Response) -> "FetchError":
    fields = dict(status=answer.status, url=redact(url))
    if answer.status == 401:
        return said(FetchError, "The tile service answered HTTP {status} for {url}: it needs credentials: give the layer "
                                "an authentication configuration in QGIS", **fields)
    if answer.status == 403:
        return said(FetchError, "The tile service answered HTTP {status} for {url}: it refused access: check the layer's "
                                "key or authentication, and the service's terms of use", **fields)
    return said(FetchError, "The tile service answered HTTP {status} for {url}: check the layer's address in QGIS", **fields)


def redact(url: str) -> str:
    """The URL without its query string, which often holds an access key."""
    return url.split("?", 1)[0] + ("?…" if "?" in url else "")


def unique(items: Iterable[Tuple[Hashable, str]]) -> Iterator[Tuple[Hashable, str]]:
    """Each key once, in first-seen order: nothing is fetched twice."""
    seen: Dict[Hashable, bool] = {}
    for key, url in items:
        if key not in seen:
            seen[key] = True
            yield key, url
