"""WARC and WET archives: article records in, one record each with its URL and crawl date."""
from __future__ import annotations

import logging

import pytest
from scale_fixtures import PAGES, build_warc, build_wet

from eventwatch.ingest import iter_sources, pick_reader, read_inputs
from eventwatch.settings import Settings

URLS = sorted(PAGES)


@pytest.fixture(params=["crawl.warc.gz", "crawl.warc"])
def warc_path(tmp_path, request):
    return build_warc(tmp_path / request.param)


@pytest.fixture
def wet_path(tmp_path):
    return build_wet(tmp_path / "crawl.warc.wet.gz")


def test_warc_is_sniffed_from_content_even_when_gzipped(warc_path, wet_path, tmp_path):
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(warc_path.read_bytes())
    for path in (warc_path, wet_path, renamed):
        source = next(iter_sources([str(path)]))
        assert pick_reader(source).KIND == "warc", path


def test_warc_gives_the_two_articles_and_counts_what_it_skips(warc_path, caplog):
    with caplog.at_level(logging.INFO, logger="eventwatch.ingest.warc"):
        docs = list(read_inputs([str(warc_path)], Settings()))
    assert sorted(d.url for d in docs) == URLS
    assert all(d.html and "<article>" in d.html for d in docs)
    assert {d.crawled for d in docs} == {"2024-05-14", "2024-05-15"}
    log = caplog.text
    for reason in ("1 non-200", "1 non-html", "1 non-news"):
        assert reason in log, log


def test_wet_gives_text_documents_and_skips_other_languages(wet_path, caplog):
    with caplog.at_level(logging.INFO, logger="eventwatch.ingest.warc"):
        docs = list(read_inputs([str(wet_path)], Settings()))
    assert sorted(d.url for d in docs) == URLS
    assert all(d.text and d.html is None for d in docs)
    assert "1 non-english" in caplog.text


def test_warc_and_wet_come_out_as_two_records_each_with_urls(pipeline, warc_path, wet_path):
    for path in (warc_path, wet_path):
        records = list(pipeline.process(read_inputs([str(path)], pipeline.settings)))
        assert sorted(r.url for r in records) == URLS
        by_url = {r.url: r for r in records}
        strike = by_url[URLS[0]]
        assert "walked off the job" in strike.text
        assert "All rights reserved" not in strike.text
        assert not strike.failed, strike.errors
        # the crawl date stands in for a publication date the page does not give
        assert strike.published == "2024-05-14"


def test_a_truncated_archive_keeps_what_it_could_read(tmp_path):
    whole = build_warc(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    docs = list(read_inputs([str(cut)], Settings()))
    assert docs[0].url == URLS[0] and "walked off the job" in docs[0].html


def test_non_article_urls():
    from eventwatch.ingest.warc import is_article_url

    assert is_article_url("https://news.example/world/2024/05/talks-collapse")
    assert is_article_url("https://news.example/politics/about-the-election-result")
    for url in ("https://news.example/", "https://news.example/robots.txt", "https://news.example/tag/politics",
                "https://news.example/static/site.css", "https://news.example/feed/", "ftp://news.example/story"):
        assert not is_article_url(url), url
