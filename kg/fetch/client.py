"""A polite HTTP client for public services: one request at a time, a
minimum gap between requests, retries with exponential backoff on 429, 5xx,
timeouts and dropped connections (honouring Retry-After), and a User-Agent
that says who is asking and where to read about it.

KOOP's repository is a shared public service; a researcher fetching a whole
dossier should never be the reason it slows down for others.
"""
from __future__ import annotations

import email.utils
import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kg import __version__

log = logging.getLogger(__name__)

CONTACT_URL = "https://github.com/kamerkg/kamerkg"
USER_AGENT = f"kamerkg/{__version__} (+{CONTACT_URL}; knowledge graph of Kamerstukken)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 300.0
CHUNK = 1 << 16


class FetchError(Exception):
    """A URL that could not be fetched, after the retries; one line."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date; None when
    absent or unreadable.  Capped so a bad header cannot stall a fetch."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    seconds = when.timestamp() - (time.time() if now is None else now)
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class PoliteClient:
    """GET with a rate limit and retries.

    ``rate`` is the minimum number of seconds between the starts of two
    requests; ``retries`` the number of extra attempts after the first;
    the n-th retry waits ``backoff * 2**n`` seconds (capped at
    ``max_backoff``) unless the server's Retry-After says otherwise."""

    def __init__(self, rate: float = 1.0, retries: int = 4, timeout: float = 30.0, backoff: float = 1.0,
                 max_backoff: float = 60.0, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import requests

        if rate < 0 or retries < 0 or timeout <= 0 or backoff < 0:
            raise ValueError("rate, retries and backoff must be >= 0 and timeout > 0")
        self.rate = rate
        self.retries = retries
        self.timeout = timeout
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._last: float | None = None
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.requests = 0  # how many HTTP requests were sent (for reports)

    def close(self) -> None:
        """Close the connection pool."""
        self.session.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self) -> None:
        if self._last is not None and self.rate > 0:
            gap = self._last + self.rate - time.monotonic()
            if gap > 0:
                self._sleep(gap)
        self._last = time.monotonic()

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        return min(self.backoff * (2 ** attempt), self.max_backoff)

    def _attempts(self, url: str, sink: Callable[[object], None]) -> None:
        """Run ``sink(response)`` on a 200 response, retrying what can be
        retried; FetchError when it cannot be had."""
        import requests

        last = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                log.debug("retry %d of %s (%s)", attempt, url, last)
            self._wait_turn()
            self.requests += 1
            retry_after = None
            try:
                with self.session.get(url, timeout=self.timeout, stream=True) as response:
                    if response.status_code == 200:
                        sink(response)
                        return
                    last = f"HTTP {response.status_code}"
                    if response.status_code not in RETRY_STATUSES:
                        raise FetchError(url, last)
                    retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            except (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
                last = "timed out" if isinstance(error, requests.Timeout) else "connection broken"
            except requests.RequestException as error:
                raise FetchError(url, f"{error.__class__.__name__}: {error}") from error
            if attempt < self.retries:
                self._sleep(self._delay(attempt, retry_after))
        raise FetchError(url, f"{last} (after {self.retries + 1} attempts)")

    def get(self, url: str) -> bytes:
        """The body of ``url``."""
        body: list[bytes] = []

        def keep(response: object) -> None:
            body.append(response.content)  # type: ignore[attr-defined]

        self._attempts(url, keep)
        return body[0]

    def download(self, url: str, out: IO[bytes]) -> str:
        """Stream ``url`` into the open binary file ``out`` (rewound and
        truncated before each attempt, so a retried download never mixes two
        bodies); the SHA-256 of what was written."""
        digest: list[str] = []

        def write(response: object) -> None:
            out.seek(0)
            out.truncate()
            hasher = hashlib.sha256()
            for chunk in response.iter_content(CHUNK):  # type: ignore[attr-defined]
                hasher.update(chunk)
                out.write(chunk)
            out.flush()
            digest.append(hasher.hexdigest())

        self._attempts(url, write)
        return digest[0]


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            hasher.update(chunk)
    return hasher.hexdigest()
