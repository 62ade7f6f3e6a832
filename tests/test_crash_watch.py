"""Crash safety of `eventwatch watch`: killed with SIGKILL at random points while it processes feed
items, then restarted, every item ends up stored exactly once, remembered once in the watcher's
state with the id of its stored article, and no article has partial rows."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

import duckdb

PEOPLE = ["The harbour authority", "Opposition deputies", "The water board", "Grain traders", "The coast guard",
          "Rail unions", "The city council", "The planning office"]
ACTS = ["criticised", "praised", "met with", "accused", "welcomed", "questioned"]
OTHERS = ["the ferry operator", "the regional governor", "foreign buyers", "the port police", "the mayor"]
FEEDS, ITEMS = 3, 80


def write_feeds(tmp_path, rng: random.Random) -> list[str]:
    paths = []
    for f in range(FEEDS):
        items = []
        for i in range(ITEMS):
            n = f * ITEMS + i
            body = " ".join(f"{rng.choice(PEOPLE)} {rng.choice(ACTS)} {rng.choice(OTHERS)} on day {n}." for _ in range(3))
            items.append(f"<item><title>Item {n}</title><link>https://news.example/{f}/{i}</link>"
                         f"<pubDate>Mon, 0{1 + n % 9} May 2023 08:00:00 GMT</pubDate>"
                         f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>")
        feed = (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                f"<channel><title>Feed {f}</title>{''.join(items)}</channel></rss>")
        path = tmp_path / f"feed{f}.xml"
        path.write_text(feed, "utf-8")
        paths.append(str(path))
    return paths


def watch(feeds, db, once: bool):
    args = [sys.executable, "-m", "eventwatch.cli", "watch", *feeds, "--db", str(db), "--batch-size", "16", "-q",
            "--every", "1s"] + (["--once"] if once else [])
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_during_watch_loses_nothing_and_duplicates_nothing(tmp_path):
    rng = random.Random(1402)
    feeds = write_feeds(tmp_path, rng)
    db = tmp_path / "watch.duckdb"
    kills = 0
    for _ in range(4):
        proc = watch(feeds, db, once=False)
        time.sleep(rng.uniform(4.0, 14.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    final = watch(feeds, db, once=True)
    _, err = final.communicate(timeout=900)
    assert final.returncode == 0, err.decode()
    assert kills >= 1

    con = duckdb.connect(str(db), read_only=True)
    n = FEEDS * ITEMS
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    assert len(urls) == len(set(urls)) == n
    seen = con.execute("SELECT url, status, article_id FROM seen_urls").fetchall()
    assert len(seen) == n and {s[1] for s in seen} == {"ok"}
    ids = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    assert {s[2] for s in seen} == ids  # every remembered item points at its stored article
    assert con.execute("SELECT count(*) FROM feed_state").fetchone()[0] == FEEDS
    rows = con.execute("SELECT id, record FROM articles").fetchall()
    for table, key in (("events", "events"), ("quotes", "quotes")):
        counts = dict(con.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall())
        for aid, rec in rows:
            assert counts.get(aid, 0) == len(json.loads(rec)[key]), (table, aid)
    orphans = con.execute("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
    con.close()
    # and a further poll finds nothing new
    again = watch(feeds, db, once=True)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n
