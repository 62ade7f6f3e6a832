"""Article identity: URL (normalised) or feed guid, then the cleaned text; a failed fetch is an error record (issue 19, item 3)."""
from __future__ import annotations

import json

import pytest
from scale_fixtures import Site

from eventwatch.ingest import read_inputs
from eventwatch.ingest.identity import article_id, normalise_url
from eventwatch.settings import Settings

BODY = ("The foreign ministers of Estland and Morvia met in the border town on Monday to discuss the river dispute. "
        "Both said talks would continue next month.")


def test_urls_that_name_one_page_normalise_alike():
    same = ["https://www.news.invalid/world/story-1?utm_source=rss&id=7",
            "http://news.invalid/world/story-1/?id=7#comments",
            "HTTPS://NEWS.invalid:443/world/story-1?id=7&fbclid=abc"]
    assert len({normalise_url(u) for u in same}) == 1
    assert normalise_url("https://news.invalid/world/story-2?id=7") != normalise_url(same[0])
    assert normalise_url("https://news.invalid/world/story-1?id=8") != normalise_url(same[0])
    assert normalise_url("file:///tmp/a.html") is None


def test_id_order_given_url_guid_text():
    assert article_id("bbc-1", "https://a.invalid/x", "g", "t", "loc") == "bbc-1"
    by_url = article_id(None, "https://a.invalid/x", "g", "t", "loc")
    assert by_url == article_id(None, "https://a.invalid/x/", None, "other text", "loc2")
    by_guid = article_id(None, None, "tag:a.invalid,2024:1", "t", "loc")
    assert by_guid == article_id(None, None, "tag:a.invalid,2024:1", "other text", "loc2") != by_url
    assert article_id(None, None, None, "t", "loc") == article_id(None, None, None, "t", "loc2")


def test_the_same_article_from_two_inputs_is_one_article(pipeline, tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    a.write_text(json.dumps({"text": BODY, "url": "https://www.news.invalid/estland-talks?utm_medium=feed"}) + "\n")
    b.write_text(json.dumps({"text": BODY + " Updated.", "url": "http://news.invalid/estland-talks/"}) + "\n")
    c.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY, "title": "Again"}) + "\n")
    ids = [r.id for r in pipeline.process(read_inputs([str(a), str(b), str(c)], Settings()))]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>
{items}</channel></rss>"""
ITEM = """<item><title>Story {n}</title><link>{base}/gone/{n}</link><guid>{base}/gone/{n}</guid>
<description>Dock workers walked off the job on Tuesday.</description></item>"""


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_failed_fetches_are_distinct_error_records_not_teaser_articles(site, pipeline, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(FEED.format(items="\n".join(ITEM.format(n=n, base=site.base) for n in range(4))), "utf-8")
    settings = Settings(extra={"fetch": {"delay": 0.0, "timeout": 5, "allow_private": True}})  # the site is on loopback
    records = list(pipeline.process(read_inputs([str(path)], settings)))
    assert len(records) == 4 and len({r.id for r in records}) == 4
    assert all(r.failed and not r.text and not r.events for r in records)
    assert all("404" in r.errors[0].message for r in records)
