"""Feeds whose pages are huge, slow, looping, not HTML or unreachable: each is bounded by a size or
time limit, logged and skipped, and the watcher goes on. Everything is served on 127.0.0.1; the
unreachable host is a closed loopback port."""
from __future__ import annotations

import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest
from scale_fixtures import LoopbackServer

from eventwatch.ingest.fetch import Fetcher, FetchError
from eventwatch.store import Store
from eventwatch.ingest.watch import Watcher

GOOD = ("<html><head><title>Dockers strike in Valmora</title></head><body><article><h1>Dockers strike in Valmora</h1>"
        "<p>Port workers in Valmora walked off the job on Tuesday after talks with the harbour authority over pay "
        "collapsed, the dockers' union said in a statement.</p><p>The strike halted the loading of grain ships, "
        "and the harbour authority accused the union of breaking an agreement signed last year.</p></article></body></html>")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hostile(LoopbackServer):
    """A loopback site with one good article and pages that misbehave."""

    def __init__(self):
        self.stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _send(self, status, ctype, body, length=None, extra=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in extra:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                p = self.path
                try:
                    if p == "/feed.xml":
                        self._send(200, "application/rss+xml", site.feed())
                    elif p == "/good":
                        self._send(200, "text/html; charset=utf-8", GOOD.encode())
                    elif p == "/huge":  # 8 MB, no length declared
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for _ in range(128):
                            if site.stop.is_set():
                                return
                            self.wfile.write(b"<p>" + b"x" * 65_533)
                    elif p == "/huge-declared":
                        self._send(200, "text/html", b"<p>short</p>", length=10**10)
                    elif p == "/slow":  # a byte every 0.2 s, for at most 60 s
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for _ in range(300):
                            if site.stop.wait(0.2):
                                return
                            self.wfile.write(b"<")
                            self.wfile.flush()
                    elif p in ("/loop", "/loop-a", "/loop-b"):
                        nxt = {"/loop": "/loop", "/loop-a": "/loop-b", "/loop-b": "/loop-a"}[p]
                        self._send(302, "text/html", b"", extra=[("Location", nxt)])
                    elif p == "/image":
                        self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000)
                    elif p == "/pdf":
                        self._send(200, "application/pdf", b"%PDF-1.4\n" + b"0" * 5000)
                    else:
                        self._send(404, "text/plain", b"")
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.serve(Handler)
        self.dead = f"http://127.0.0.1:{closed_port()}"
        self.links = [self.base + p for p in ("/huge", "/huge-declared", "/slow", "/loop", "/loop-a", "/image", "/pdf")]
        self.links += [self.dead + "/story", self.base + "/good"]

    def feed(self) -> bytes:
        items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(self.links))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{items}</channel></rss>'.encode()



@pytest.fixture
def hostile():
    with Hostile() as h:
        yield h


def fetcher():
    return Fetcher(delay=0, timeout=2.0, max_bytes=1024 * 1024, allow_private=True)  # the site is on loopback


@pytest.mark.parametrize("path,match,permanent", [
    ("/huge", "larger than", True),
    ("/huge-declared", "declared", True),
    ("/slow", "longer than", False),
    ("/loop", "HTTP 302", True),
    ("/loop-a", "HTTP 302", True),
])
def test_each_bad_page_is_refused_within_its_limit(hostile, path, match, permanent):
    t0 = time.monotonic()
    with pytest.raises(FetchError, match=match) as exc:
        fetcher().get(hostile.base + path)
    assert time.monotonic() - t0 < 2.0 * 2 + 1  # the total timeout plus one socket read
    assert exc.value.permanent is permanent


def test_an_unreachable_host_is_a_passing_failure(hostile):
    with pytest.raises(FetchError) as exc:
        fetcher().get(hostile.dead + "/story")
    assert not exc.value.permanent


def test_watch_skips_every_bad_page_logs_it_and_stores_the_good_one(hostile, pipeline, tmp_path, caplog):
    store = Store(tmp_path / "w.duckdb")
    watcher = Watcher(store, fetcher=fetcher(), pipeline=pipeline)
    t0 = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="eventwatch"):
        result = watcher.poll([hostile.base + "/feed.xml"])
    assert time.monotonic() - t0 < 60
    assert result.new_items == 7  # the good page and the six permanent failures; /slow and the dead host wait
    texts = [r[0] for r in store.con.execute("SELECT text FROM articles").fetchall()]
    assert any("walked off the job" in t for t in texts)
    logged = caplog.text
    for what in ("/slow", hostile.dead):
        assert what in logged
    seen = dict(store.con.execute("SELECT url, status FROM seen_urls").fetchall())
    assert seen[hostile.base + "/good"] == "ok"
    for path in ("/huge", "/huge-declared", "/loop", "/loop-a", "/image", "/pdf"):
        assert seen[hostile.base + path] == "failed"
    assert hostile.base + "/slow" not in seen and hostile.dead + "/story" not in seen
    store.close()


def test_the_watch_loop_keeps_going_past_broken_and_unreachable_feeds(hostile, pipeline, tmp_path, monkeypatch):
    import eventwatch.ingest.watch as watch

    store = Store(tmp_path / "loop.duckdb")
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"\x00\x01 not a feed <rss" + b"<" * 10_000)
    hostile.links = [hostile.base + "/good"]
    watcher = Watcher(store, fetcher=fetcher(), pipeline=pipeline)
    real_parse = watch.feeds.parse

    def parse(data):
        if b"boom" in data:
            raise RuntimeError("a parser bug")
        return real_parse(data)

    boom = tmp_path / "boom.xml"
    boom.write_bytes(b"<rss>boom</rss>")
    monkeypatch.setattr(watch.feeds, "parse", parse)
    polls = []
    sleeps = []

    def fake_sleep(s):
        sleeps.append(s)
        if len(sleeps) >= 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(watch.time, "sleep", fake_sleep)
    feeds_ = [hostile.dead + "/feed.xml", str(boom), str(junk), str(tmp_path / "missing.xml"), hostile.base + "/feed.xml"]
    with pytest.raises(KeyboardInterrupt):
        watcher.run(feeds_, every=0.01, report=polls.append)
    assert len(polls) == 3  # three full polls, each over all five feeds
    assert all(p.feeds == 5 for p in polls)
    assert polls[0].failed >= 3 and polls[0].stored == 1 and polls[1].stored == 0
    store.close()
