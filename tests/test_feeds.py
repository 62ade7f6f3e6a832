"""Feeds: a feed and its pages served on loopback are processed once; later polls add nothing."""
from __future__ import annotations

import pytest
from scale_fixtures import Site, rss

from eventwatch.ingest.fetch import Fetcher, FetchError
from eventwatch.ingest import iter_sources, pick_reader, read_inputs
from eventwatch.settings import Settings
from eventwatch.store import Store
from eventwatch.ingest.watch import Watcher, parse_every


@pytest.fixture
def site():
    with Site() as s:
        yield s


def fetcher():
    return Fetcher(delay=0.01, timeout=5, allow_private=True)  # the site is on loopback


def test_watch_processes_a_feed_once_and_a_second_poll_adds_nothing(site, pipeline, tmp_path):
    db = tmp_path / "watch.duckdb"
    feed = site.base + "/feed.xml"
    with Store(db) as store:
        first = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([feed])
        assert (first.new_items, first.stored) == (2, 2)
        urls = sorted(r[0] for r in store.con.execute("SELECT url FROM articles").fetchall())
        assert urls == [site.base + "/news/water-sharing-accord-signed", site.base + "/world/port-workers-strike-valmora"]
        strike = store.con.execute("SELECT text, title, published FROM articles WHERE url LIKE '%strike%'").fetchone()
        assert "walked off the job" in strike[0] and "All rights reserved" not in strike[0]
        assert strike[1] == "Port workers strike over pay in Valmora"
        assert str(strike[2]) == "2024-05-14"
        second = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([feed])
        assert (second.unchanged, second.new_items, second.stored) == (1, 0, 0)
        assert store.counts()["articles"] == 2
    assert site.hits("/feed.xml") == [200, 304]          # conditional GET on the second poll
    assert site.hits("/world/port-workers-strike-valmora") == [200]  # the page fetched once


def test_state_survives_a_restart_and_a_changed_feed_adds_only_new_items(site, pipeline, tmp_path):
    db = tmp_path / "watch.duckdb"
    feed = site.base + "/feed.xml"
    with Store(db) as store:
        Watcher(store, pipeline.settings, fetcher(), pipeline).poll([feed])
    # the feed changes (new ETag): the known items are skipped, not fetched again
    body = site.pages["/feed.xml"][1].replace(b"<channel>", b"<channel><!-- updated -->")
    site.pages["/feed.xml"] = ("application/rss+xml", body)
    with Store(db) as store:  # a new process would open the file the same way
        again = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([feed])
        assert (again.unchanged, again.new_items) == (0, 0)
        assert store.counts()["articles"] == 2
    assert site.hits("/world/port-workers-strike-valmora") == [200]


def test_a_gone_page_is_an_error_record_not_an_article_from_its_teaser(site, pipeline, tmp_path):
    site.pages.pop("/world/port-workers-strike-valmora")  # 404: permanent
    with Store(tmp_path / "w.duckdb") as store:
        res = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([site.base + "/feed.xml"])
        assert res.failed == 1
        text, n_errors = store.con.execute("SELECT text, n_errors FROM articles WHERE url LIKE '%strike%'").fetchone()
        assert not text and n_errors == 1  # the teaser "Dock workers walked off ..." is not stored as the article


def test_a_page_down_for_now_is_fetched_on_a_later_poll(site, pipeline, tmp_path):
    page = "/world/port-workers-strike-valmora"
    # no teaser: without the page there is nothing to store, so the item waits for the next poll
    body = site.pages["/feed.xml"][1].replace(b"<description>Dock workers walked off the job on Tuesday.</description>", b"")
    site.pages["/feed.xml"] = ("application/rss+xml", body)
    site.down.add(page)
    with Store(tmp_path / "w.duckdb") as store:
        first = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([site.base + "/feed.xml"])
        assert first.stored == 1
        site.down.clear()
        second = Watcher(store, pipeline.settings, fetcher(), pipeline).poll([site.base + "/feed.xml"])
        assert (second.new_items, second.stored) == (1, 1)
        assert store.counts()["articles"] == 2
    assert site.hits(page) == [503, 200]


def test_a_feed_file_is_read_by_ingest_and_its_links_fetched(site, tmp_path):
    path = tmp_path / "saved-feed.xml"
    path.write_bytes(rss(site.base))
    assert pick_reader(next(iter_sources([str(path)]))).KIND == "feed"
    docs = list(read_inputs([str(path)], Settings(extra={"fetch": {"delay": 0.01, "timeout": 5, "allow_private": True}})))
    assert [d.url for d in docs] == [site.base + "/news/water-sharing-accord-signed", site.base + "/world/port-workers-strike-valmora"]
    assert docs[0].text and "Estland and Morvia" in docs[0].text and docs[0].html is None
    assert docs[1].html and docs[1].published == "2024-05-14" and docs[1].source == "Loopback News"


def test_atom_feed_with_content(tmp_path):
    atom = tmp_path / "feed.atom"
    atom.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title><id>urn:test</id><updated>2024-05-17T10:00:00Z</updated>
<entry><title>Ceasefire holds in border district</title><id>urn:test:1</id><link href="https://news.example/ceasefire-holds"/>
<updated>2024-05-16T10:00:00Z</updated>
<content type="html">&lt;p&gt;A ceasefire between the two armed groups held for a third day, local officials said on Thursday.&lt;/p&gt;</content>
</entry></feed>""", "utf-8")
    docs = list(read_inputs([str(atom)], Settings()))
    assert len(docs) == 1 and docs[0].url == "https://news.example/ceasefire-holds"
    assert docs[0].text.startswith("A ceasefire between") and docs[0].published == "2024-05-16"


def test_fetcher_refuses_non_web_urls_and_large_pages(site):
    with pytest.raises(FetchError) as exc:
        fetcher().get("file:///etc/passwd")
    assert exc.value.permanent
    small = Fetcher(delay=0, timeout=5, max_bytes=100, allow_private=True)
    with pytest.raises(FetchError, match="larger than"):
        small.get(site.base + "/world/port-workers-strike-valmora")


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("1h") == 3600 and parse_every("90") == 90
    with pytest.raises(ValueError):
        parse_every("soon")


def test_cli_watch_once(site, tmp_path, capsys):
    from eventwatch.cli import main

    db = tmp_path / "cli.duckdb"
    args = ["watch", site.base + "/feed.xml", "--db", str(db), "--once", "--delay", "0.01", "--allow-private-urls"]
    assert main(args) == 0
    assert "2 new items, 2 stored" in capsys.readouterr().err
    assert main(args) == 0
    assert "0 new items" in capsys.readouterr().err


def test_a_poll_counts_the_items_it_stored_without_a_date(site, pipeline, tmp_path):
    import re

    body = site.pages["/feed.xml"][1]
    site.pages["/feed.xml"] = ("application/rss+xml", re.sub(rb"<pubDate>.*?</pubDate>", b"", body))
    bare = ("<html><head><title>Strike</title></head><body><article><h1>Port workers strike over pay</h1>"
            "<p>Dock workers in Valmora walked off the job after talks with the port authority broke down, "
            "union officials said. The union demanded a pay rise and the port authority refused it.</p>"
            "</article></body></html>").encode()
    site.pages["/world/port-workers-strike-valmora"] = ("text/html; charset=utf-8", bare)  # no date anywhere
    from eventwatch.pipeline import Pipeline

    undated_pipeline = Pipeline(Settings(), nlp=pipeline.nlp)  # the session's pipeline gives a default date
    with Store(tmp_path / "u.duckdb") as store:
        result = Watcher(store, undated_pipeline.settings, fetcher(), undated_pipeline).poll([site.base + "/feed.xml"])
        dated = store.con.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    assert result.stored == 2 and result.undated == 2 - dated and result.undated >= 1, (result, dated)
    assert "with no publication date" in result.summary()
