"""Live monitoring in one command: ``eventwatch serve --watch FEED --every 2s`` on a loopback feed server.

The server is a real ``eventwatch serve`` process; the feed is served on 127.0.0.1 (tests/scale_fixtures.Site).
An item added to the feed shows in /api/events after the next poll; an item added while the server is
stopped is stored after it starts again; what was stored before a stop is still there.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from scale_fixtures import Site

EVERY = 2.0
ITEMS = {
    "police": ("Police detain protesters in Nairobi",
               "Kenyan police arrested twelve protesters in Nairobi on Monday after a march on parliament, "
               "witnesses said."),
    "troops": ("Troops attack rebel camp near Gondar",
               "Ethiopian troops attacked a rebel camp near Gondar on Tuesday, residents said."),
    "talks": ("Ministers meet for border talks",
              "The foreign ministers of Kenya and Ethiopia met in Addis Ababa on Wednesday to discuss the border."),
}


def feed(base: str, keys: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{ITEMS[k][0]}</title><link>{base}/news/{k}</link><guid>{base}/news/{k}</guid>"
        f"<pubDate>Mon, 13 May 2024 0{i}:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{ITEMS[k][1]}</p>]]></content:encoded></item>" for i, k in enumerate(keys))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Loopback wire</title><link>{base}/</link><description>t</description>{items}</channel></rss>").encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


class Serve:
    """``eventwatch serve --watch`` in a child process."""

    def __init__(self, db, feed_url: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "eventwatch.cli", "serve", "--db", str(db), "--port", str(self.port),
               "--watch", feed_url, "--every", f"{EVERY:g}s", "--delay", "0.01"]
        self.proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=dict(os.environ))

    def wait_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stderr.read()
            try:
                get(self.base + "/api/summary")
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("serve did not start")

    def wait_for(self, text: str, seconds: float) -> float:
        """Seconds until an event whose sentence holds ``text`` is in /api/events."""
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            assert self.proc.poll() is None, self.proc.stderr.read()
            if get(self.base + "/api/events?limit=5&text=" + urllib.parse.quote(text))["items"]:
                return time.monotonic() - started
            time.sleep(0.2)
        raise AssertionError(f"no event with {text!r} after {seconds} s")

    def stop(self, sig=signal.SIGINT) -> str:
        self.proc.send_signal(sig)
        _out, err = self.proc.communicate(timeout=60)
        return err


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_serve_watch_shows_new_items_after_the_next_poll_and_loses_nothing_on_stop(site, tmp_path):
    from eventwatch.store import Store

    db = tmp_path / "live.duckdb"
    site.pages["/feed.xml"] = ("application/rss+xml", feed(site.base, ["police"]))
    server = Serve(db, site.base + "/feed.xml")
    try:
        server.wait_up()
        first = server.wait_for("arrested twelve protesters", 120)  # the first poll loads the model
        print(f"first item visible {first:.1f} s after the server answered (model load included)")
        before = get(server.base + "/api/summary")["events"]  # an aggregate the response cache keeps
        assert get(server.base + "/api/summary")["events"] == before
        site.pages["/feed.xml"] = ("application/rss+xml", feed(site.base, ["police", "troops"]))
        waited = server.wait_for("attacked a rebel camp", EVERY + 30)
        assert get(server.base + "/api/summary")["events"] > before  # the watcher's write cleared the cache
        print(f"new feed item visible in /api/events after {waited:.1f} s (polls every {EVERY:g} s)")
    finally:
        err = server.stop()
    assert server.proc.returncode == 0, err
    assert "1 new items, 1 stored" in err and "stopping the feed watcher" in err
    # an item published while the server is down is stored once it is back; nothing stored earlier is lost
    site.pages["/feed.xml"] = ("application/rss+xml", feed(site.base, ["police", "troops", "talks"]))
    again = Serve(db, site.base + "/feed.xml")
    try:
        again.wait_up()
        again.wait_for("discuss the border", 120)
        for text in ("arrested twelve protesters", "attacked a rebel camp"):
            assert len(get(again.base + "/api/events?limit=50&text=" + urllib.parse.quote(text))["items"]) == 1
    finally:
        err = again.stop(signal.SIGTERM)  # what systemd sends
    assert again.proc.returncode == 0, err
    assert "stopping the feed watcher" in err
    with Store(str(db), read_only=True) as store:
        assert store.counts()["articles"] == 3
