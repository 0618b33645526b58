"""HTTP for watched sources: conditional GET, a per-host pace, retries with backoff, a timeout and a size limit.

The network is used only because the user named a URL to watch; every failure comes back as one
FetchError naming the URL and the reason, never as an exception that stops the other sources.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..errors import WirewatchError

USER_AGENT = f"wirewatch/{__version__} (news monitor; polls feeds it was asked to watch)"


class FetchError(WirewatchError):
    """One URL could not be fetched: down, refused, too slow, too large or an HTTP error; `transient`
    when trying again later may succeed (network, timeout, 5xx), not for a 4xx or an oversized page."""

    def __init__(self, subject: str, problem: str, hint: str | None = None, transient: bool = False):
        self.transient = transient
        super().__init__(subject, problem, hint)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: `body` is None when the server said 304 (unchanged since the validators sent)."""

    url: str
    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how patiently to fetch; the defaults suit news sites polled every few minutes."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled for each further one
    per_host: float = 1.0  # at least this many seconds between two requests to one host


class Fetcher:
    """One HTTP client for a watch session, pacing requests host by host."""

    def __init__(self, policy: FetchPolicy | None = None, sleep=time.sleep):
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=True,
                                    timeout=httpx.Timeout(self.policy.timeout))

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body at `url` (None when unchanged since the validators), retried on a network error, a
        timeout or a 5xx; FetchError after the last try, or at once on a 4xx or an oversized body."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            self._pace(url)
            try:
                return self._get_once(url, headers)
            except _Retry as exc:
                reason = str(exc)
            if attempt < self.policy.retries:
                self._sleep(delay)
                delay *= 2
        raise FetchError(url, f"{reason} (tried {self.policy.retries + 1} times)", "tried again at the next poll",
                         transient=True)

    def _get_once(self, url: str, headers: dict) -> Fetched:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(url, None, response.headers.get("etag"), response.headers.get("last-modified"))
                if response.status_code >= 500:
                    raise _Retry(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code}", "check the URL")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
                    raise FetchError(url, f"page of {int(declared):,} bytes is over the "
                                          f"{self.policy.max_bytes:,}-byte limit")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.policy.max_bytes:
                        raise FetchError(url, f"page is over the {self.policy.max_bytes:,}-byte limit")
                return Fetched(url, bytes(body), response.headers.get("etag"),
                               response.headers.get("last-modified"), response.headers.get("content-type", ""))
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.policy.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise _Retry(f"{type(exc).__name__}: {' '.join(str(exc).split())[:200] or 'connection failed'}") from None

    def _pace(self, url: str) -> None:
        """Wait until the host's last request is `per_host` seconds old."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            wait = self._last.get(host, -1e9) + self.policy.per_host - time.monotonic()
            if wait > 0:
                self._sleep(wait)
            self._last[host] = time.monotonic()


class _Retry(Exception):
    """A failure worth trying again: the network, a timeout, a server error."""
