"""Issue #23 items 3, 4 and #22 item 5: the fetcher refuses non-public addresses (after DNS and on
every redirect), bounds the whole download (slow headers too) and honours robots.txt.
Everything is served on 127.0.0.1; the public side of a redirect is faked by resolving a made-up
name to a public address only for the check (the connection itself never leaves the machine)."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest
from scale_fixtures import LoopbackServer

from eventwatch.ingest import fetch
from eventwatch.ingest.fetch import Fetcher, FetchError, is_public_address

ARTICLE = (b"<html><head><title>Flood</title></head><body><article><p>Floods cut the road to Tessin on Monday, "
           b"the regional council said, and three villages were evacuated.</p></article></body></html>")


class Server(LoopbackServer):
    def __init__(self, robots: bytes | None = None):
        self.stop = threading.Event()
        self.hits: list[str] = []
        srv = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                srv.hits.append(self.path)
                try:
                    if self.path == "/robots.txt" and srv.robots is not None:
                        self._send(200, "text/plain", srv.robots)
                    elif self.path == "/slow-headers":  # one header line every 0.5 s, for up to 60 s
                        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                        for i in range(120):
                            if srv.stop.wait(0.5):
                                return
                            self.wfile.write(f"X-Pad-{i}: x\r\n".encode())
                            self.wfile.flush()
                    elif self.path.startswith("/to/"):
                        self._send(302, "text/plain", b"", [("Location", self.path[4:])])
                    elif self.path.startswith(("/news/", "/private/", "/secret")):
                        self._send(200, "text/html", ARTICLE)
                    else:
                        self._send(404, "text/plain", b"")
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status, ctype, body, extra=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in extra:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.robots = robots
        self.serve(Handler)


@pytest.fixture
def server():
    with Server() as s:
        yield s


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254",
                                     "224.0.0.251", "0.0.0.0", "::1", "fe80::1", "::ffff:127.0.0.1", "100.64.0.1"])
def test_non_public_addresses(address):
    assert not is_public_address(address)


def test_public_addresses():
    assert is_public_address("93.184.216.34") and is_public_address("2606:2800:220:1:248:1893:25c8:1946")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_loopback_refused_by_default(server, host):
    with pytest.raises(FetchError, match="not a public address") as exc:
        Fetcher(delay=0).get(f"http://{host}:{server.port}/secret")
    assert exc.value.permanent
    assert "/secret" not in server.hits


def test_public_name_redirecting_to_loopback_is_refused(server, monkeypatch):
    """news.example resolves (for the check) to a public address but is served by the loopback
    server; its redirect to http://127.0.0.1/secret is refused at the second connection."""
    real = socket.getaddrinfo

    def fake(host, port, *a, **kw):
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return real(host, port, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    real_connect = fetch._Budget.connect

    def connect(self, address, timeout=None, source_address=None):
        if address[0] == "news.example":  # the checked public address stands for the loopback server
            self.addresses(*address)
            return socket.create_connection(("127.0.0.1", server.port), timeout)
        return real_connect(self, address, timeout, source_address)

    monkeypatch.setattr(fetch._Budget, "connect", connect)
    ok = Fetcher(delay=0).get("http://news.example/news/flood")
    assert ok.status == 200 and b"Tessin" in ok.body
    with pytest.raises(FetchError, match="not a public address"):
        Fetcher(delay=0).get(f"http://news.example/to/http://127.0.0.1:{server.port}/secret")
    assert "/secret" not in server.hits


def test_allow_private_lets_intranet_feeds_through(server):
    resp = Fetcher(delay=0, allow_private=True).get(server.base + "/to/" + server.base + "/private/report")
    assert resp.status == 200 and b"Tessin" in resp.body


def test_slow_headers_are_cut_at_the_total_deadline(server):
    start = time.monotonic()
    with pytest.raises(FetchError, match="longer than 2 s in all"):
        Fetcher(delay=0, timeout=2.0, allow_private=True).get(server.base + "/slow-headers")
    assert time.monotonic() - start < 5


def test_robots_disallow_is_respected_and_read_once_per_host():
    with Server(robots=b"User-agent: *\nDisallow: /private/\n") as srv:
        fetcher = Fetcher(delay=0, allow_private=True)
        assert b"Tessin" in fetcher.get(srv.base + "/news/flood").body
        with pytest.raises(FetchError, match="disallowed by .*robots.txt") as exc:
            fetcher.get(srv.base + "/private/report")
        assert exc.value.permanent
        assert "/private/report" not in srv.hits
        assert srv.hits.count("/robots.txt") == 1
        ignoring = Fetcher(delay=0, allow_private=True, robots=False)
        assert b"Tessin" in ignoring.get(srv.base + "/private/report").body


def test_robots_disallow_in_a_watched_feed(pipeline, tmp_path):
    from eventwatch.ingest.watch import Watcher
    from eventwatch.store import Store

    with Server(robots=b"User-agent: eventwatch\nDisallow: /private/\n") as srv:
        feed = tmp_path / "feed.xml"
        items = "".join(f"<item><title>{p}</title><link>{srv.base}{p}</link></item>" for p in ("/news/flood", "/private/flood"))
        feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>', "utf-8")
        with Store(tmp_path / "w.duckdb") as store:
            Watcher(store, pipeline.settings, Fetcher(delay=0, allow_private=True), pipeline).poll([str(feed)])
            urls = [r[0] for r in store.con.execute("SELECT url FROM articles WHERE text <> ''").fetchall()]
        assert urls == [srv.base + "/news/flood"]
        assert "/private/flood" not in srv.hits
