"""Polite and guarded HTTP fetching for feeds and article pages.

http(s) only (redirects too); one deadline over the whole download (name lookup, connect, headers
and body: a server that trickles its headers is cut off like one that trickles its body); a size
limit; a per-host delay between requests (raised to the site's ``Crawl-delay``); an identifying
User-Agent; robots.txt honoured (``robots.py``); conditional GET (``If-None-Match``/
``If-Modified-Since``) so an unchanged feed costs a 304 and no body.

Addresses that are not public (private, loopback, link-local, multicast, reserved) are refused
after the name is resolved, on every connection (so on every redirect too), and the connection is
made to the address that was checked, so a name cannot resolve to a public address for the check
and a private one for the connection. ``allow_private=True`` (``--allow-private-urls``) lifts
this for one's own intranet feeds. Standard library only.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import http.client
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


def is_public_address(address: str) -> bool:
    """Whether an IP address is one a fetch from the open web may reach."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_loopback)


class _Budget:
    """One download's limits: a deadline over name lookup, connect, headers and body (a timer shuts
    the download's sockets when it passes), and the rule on addresses."""

    def __init__(self, seconds: float, allow_private: bool, exempt: frozenset = frozenset()):
        self.seconds, self.allow_private, self.exempt = seconds, allow_private, exempt
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def close(self) -> None:
        self._timer.cancel()

    def addresses(self, host: str, port: int) -> list[tuple]:
        """The addresses of ``host`` this download may connect to; raises ``FetchError`` if none."""
        infos = _resolve(host, port, self.remaining())
        if self.allow_private or host in self.exempt:
            return infos
        allowed = [ai for ai in infos if is_public_address(ai[4][0])]
        if not allowed:
            shown = ", ".join(sorted({ai[4][0] for ai in infos}))
            where = host if shown == host else f"{host} ({shown})"
            raise FetchError(f"{where} is not a public address (private, loopback, link-local or multicast): "
                             "refused (allow_private / --allow-private-urls fetches from one's own network)", permanent=True)
        return allowed

    def connect(self, address, timeout=None, source_address=None) -> socket.socket:
        """``socket.create_connection`` for http.client, to a checked address only."""
        host, port = address
        last: OSError | None = None
        for family, kind, proto, _name, sockaddr in self.addresses(host, port):
            sock = socket.socket(family, kind, proto)
            self._track(sock)
            sock.settimeout(max(0.01, min(timeout or self.seconds, self.remaining())))
            try:
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                last = exc
                sock.close()
        raise last or OSError(f"cannot connect to {host}")


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _resolve(host: str, port: int, seconds: float) -> list[tuple]:
    """``getaddrinfo`` within ``seconds`` (a lookup cannot be interrupted: it is left to finish in a thread)."""
    out: dict = {}

    def lookup() -> None:
        try:
            out["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            out["error"] = exc

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(max(0.0, seconds))
    if worker.is_alive():
        raise FetchError(f"{host}: name lookup took longer than the time limit")
    if "error" in out:
        raise FetchError(f"{host}: {out['error']}")
    return out["infos"]


class _Guarded:
    """Mixin for urllib's HTTP(S) handlers: each connection goes through the download's budget."""

    def __init__(self, budget: _Budget, **kw):
        super().__init__(**kw)
        self.budget = budget

    def do_open(self, http_class, req, **kw):
        def connection(*args, **kwargs):
            conn = http_class(*args, **kwargs)
            conn._create_connection = self.budget.connect
            return conn

        return super().do_open(connection, req, **kw)


class _HTTPHandler(_Guarded, urllib.request.HTTPHandler):
    pass


class _HTTPSHandler(_Guarded, urllib.request.HTTPSHandler):
    pass


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_web_url(newurl):
            raise FetchError(f"redirect to a non-http(s) URL refused: {newurl}", permanent=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _proxy_hosts() -> frozenset:
    """Hosts of the proxies set in the environment: a connection to one is the user's own choice."""
    hosts = {urlsplit(u if "://" in u else "http://" + u).hostname for u in urllib.request.getproxies().values()}
    return frozenset(h for h in hosts if h)


class Fetcher:
    """One fetcher per run: it remembers when each host was last asked (to keep the delay) and each
    site's robots.txt."""

    def __init__(self, delay: float = 1.0, timeout: float = 20.0, max_bytes: int = 5 * 1024 * 1024,
                 user_agent: str = USER_AGENT, allow_private: bool = False, robots: bool = True):
        from eventwatch.ingest.robots import RobotsCache

        self.delay, self.timeout, self.max_bytes, self.user_agent = delay, timeout, max_bytes, user_agent
        self.allow_private = allow_private
        self.robots = RobotsCache(self, FetchError) if robots else None
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_host_delay(self, host: str, seconds: float) -> None:
        """A longer delay for one host (its robots.txt ``Crawl-delay``)."""
        self._host_delay[host] = max(self.delay, seconds)

    def _wait_for(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self._host_delay.get(host, self.delay)
            pause = max(0.0, ready - now)
            self._last[host] = now + pause
        if pause:
            time.sleep(pause)

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        if not is_web_url(url):
            raise FetchError(f"not an http(s) URL: {url}", permanent=True)
        if self.robots is not None:
            self.robots.check(url)
        return self.download(url, etag, modified)

    def download(self, url: str, etag: str | None = None, modified: str | None = None,
                 max_bytes: int | None = None) -> Response:
        """One GET with every guard but robots.txt (which uses it to read robots.txt itself)."""
        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        self._wait_for(urlsplit(url).netloc.lower())
        budget = _Budget(self.timeout, self.allow_private, _proxy_hosts())
        opener = urllib.request.build_opener(_HTTPHandler(budget), _HTTPSHandler(budget), _SafeRedirect())
        try:
            return self._open(opener, urllib.request.Request(url, headers=headers), budget, max_bytes or self.max_bytes)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url=url, status=304, etag=etag, modified=modified)
            # 4xx (but 408, 429) and redirect loops / too many redirects (3xx here) will not heal by retrying
            permanent = (400 <= exc.code < 500 and exc.code not in (408, 429)) or 300 <= exc.code < 400
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}", permanent=permanent, status=exc.code) from None
        except FetchError:
            raise
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
            if budget.expired:
                raise FetchError(f"{url}: took longer than {self.timeout:g} s in all (connect, headers and body); not read") from None
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, FetchError):
                raise reason from None
            raise FetchError(f"{url}: {reason}") from None
        finally:
            budget.close()

    def _open(self, opener, request, budget: _Budget, max_bytes: int) -> Response:
        with opener.open(request, timeout=self.timeout) as resp:
            body = self._read_body(request.full_url, resp, budget, max_bytes)
            return Response(url=resp.geturl(), status=resp.status, body=body, etag=resp.headers.get("ETag"),
                            modified=resp.headers.get("Last-Modified"), content_type=resp.headers.get("Content-Type", ""))

    def _read_body(self, url: str, resp, budget: _Budget, max_bytes: int) -> bytes:
        """The body, at most ``max_bytes``; the download's deadline shuts the socket when it passes."""
        declared = resp.headers.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{url}: larger than {max_bytes} bytes ({declared} declared); not read", permanent=True)
        chunks, size = [], 0
        while chunk := resp.read1(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: larger than {max_bytes} bytes; not read", permanent=True)
            if budget.remaining() <= 0:
                break
        if budget.expired or budget.remaining() <= 0:
            raise FetchError(f"{url}: took longer than {self.timeout:g} s in all (connect, headers and body); not read")
        return b"".join(chunks)
