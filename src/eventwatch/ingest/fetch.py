"""Polite HTTP fetching for feeds and article pages.

http(s) only (redirects too), a timeout, a size limit, a per-host delay between requests, an
identifying User-Agent, and conditional GET (``If-None-Match``/``If-Modified-Since``) so an
unchanged feed costs a 304 and no body. Standard library only.
"""
from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from eventwatch import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"eventwatch/{__version__} (news event coder; polite feed reader)"
SCHEMES = ("http", "https")


class FetchError(Exception):
    """A URL that could not be fetched; ``permanent`` says whether retrying later is pointless."""

    def __init__(self, message: str, permanent: bool = False, status: int | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.status = status


@dataclass
class Response:
    url: str                     # final URL after redirects
    status: int                  # 200, or 304 when not modified
    body: bytes = b""
    etag: str | None = None
    modified: str | None = None  # Last-Modified as sent by the server
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"'")
        return None


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_web_url(newurl):
            raise FetchError(f"redirect to a non-http(s) URL refused: {newurl}", permanent=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """One fetcher per run: it remembers when each host was last asked, to keep the delay."""

    def __init__(self, delay: float = 1.0, timeout: float = 20.0, max_bytes: int = 5 * 1024 * 1024,
                 user_agent: str = USER_AGENT):
        self.delay, self.timeout, self.max_bytes, self.user_agent = delay, timeout, max_bytes, user_agent
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener(_SafeRedirect())

    def _wait_for(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self.delay
            pause = max(0.0, ready - now)
            self._last[host] = now + pause
        if pause:
            time.sleep(pause)

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        if not is_web_url(url):
            raise FetchError(f"not an http(s) URL: {url}", permanent=True)
        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        self._wait_for(urlsplit(url).netloc.lower())
        request = urllib.request.Request(url, headers=headers)
        started = time.monotonic()
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                body = self._read_body(url, resp, started)
                return Response(url=resp.geturl(), status=resp.status, body=body, etag=resp.headers.get("ETag"),
                                modified=resp.headers.get("Last-Modified"), content_type=resp.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url=url, status=304, etag=etag, modified=modified)
            # 4xx (but 408, 429) and redirect loops / too many redirects (3xx here) will not heal by retrying
            permanent = (400 <= exc.code < 500 and exc.code not in (408, 429)) or 300 <= exc.code < 400
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}", permanent=permanent, status=exc.code) from None
        except FetchError:
            raise
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"{url}: {reason}") from None

    def _read_body(self, url: str, resp, started: float) -> bytes:
        """The body, at most ``max_bytes`` and within ``timeout`` seconds in all (not per read), so a
        page that trickles bytes cannot hold the fetcher: the bound is ``timeout`` plus one socket read."""
        declared = resp.headers.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: larger than {self.max_bytes} bytes ({declared} declared); not read", permanent=True)
        chunks, size = [], 0
        while chunk := resp.read1(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: larger than {self.max_bytes} bytes; not read", permanent=True)
            if time.monotonic() - started > self.timeout:
                raise FetchError(f"{url}: took longer than {self.timeout:g} s to download; not read")
        return b"".join(chunks)
