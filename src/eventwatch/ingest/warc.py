"""Web archives: WARC (``.warc``, ``.warc.gz``) and WET (``.wet.gz``) files, streamed record by record.

HTML ``response`` records become HTML documents (the cleaner's HTML path); WET ``conversion``
records (text Common Crawl already extracted) become text documents (the scraped-text cleaner).
The record's ``WARC-Target-URI`` is the article URL; ``WARC-Date`` is the crawl date, kept as the
publication date's fallback (``Document.crawled``) when the page names none. Records that are not
articles are skipped and counted: other record types (request, metadata, warcinfo, revisit),
non-200 responses, non-HTML payloads, non-English WET records, and URLs of non-article pages
(``data/non_article_urls.tsv``). The counts are logged per file.

Compressed archives are read as they are (``ingest._file_source`` leaves ``.warc.gz``/``.wet.gz``
compressed; warcio reads per-record gzip members).
"""
from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterator
from urllib.parse import urlsplit

from eventwatch.model import Document, Problem

KIND = "warc"
BEFORE = "jsonl"

log = logging.getLogger(__name__)

_MAGIC = (b"WARC/1.", b"WARC/0.")
_NAMES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".warc.wet.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip head (a cut-off member is fine)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def sniff(head: bytes, name: str) -> bool:
    start = _gunzip_head(head) if head[:2] == b"\x1f\x8b" else head.lstrip(b"\r\n")
    if start.startswith(_MAGIC):
        return True
    return name.lower().endswith(_NAMES) and not start.lstrip().startswith((b"{", b"<"))


@lru_cache(maxsize=1)
def _url_patterns() -> tuple[re.Pattern, ...]:
    from eventwatch.resources import read_table

    rows = read_table(resources.files("eventwatch.ingest").joinpath("data/non_article_urls.tsv"), columns=2)
    return tuple(re.compile(regex.strip(), re.I) for _kind, regex in rows)


def is_article_url(url: str | None) -> bool:
    """False for URLs that are plainly not news articles (front pages, assets, listings, feeds)."""
    if not url:
        return True  # nothing to judge by: let the cleaner decide
    parts = urlsplit(url.strip())
    if parts.scheme and parts.scheme not in ("http", "https"):
        return False
    path = parts.path or "/"
    return not any(p.search(path) for p in _url_patterns())


def _date(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _read_payload(record, limit: int) -> tuple[bytes, bool]:
    data = record.content_stream().read(limit + 1)
    return data[:limit], len(data) > limit


def _html_document(record, uri: str | None, location: str, settings) -> Document:
    from . import decode

    data, cut = _read_payload(record, settings.max_bytes)
    ctype = record.http_headers.get_header("Content-Type") or ""
    m = _CHARSET.search(ctype) or _META_CHARSET.search(data[:4096])
    declared = m.group(1) if m else None
    if isinstance(declared, bytes):
        declared = declared.decode("ascii", "replace")
    html, problems = decode(data, location, declared)
    if cut:
        problems.insert(0, Problem("ingest", f"{location}: larger than {settings.max_bytes} bytes; read only the first {settings.max_bytes}"))
    return Document(html=html, url=uri, location=location, kind="warc",
                    crawled=_date(record.rec_headers.get_header("WARC-Date")), problems=problems)


def _wet_document(record, uri: str | None, location: str, settings) -> Document:
    data, cut = _read_payload(record, settings.max_bytes)
    text = data.decode("utf-8", errors="replace")
    problems = [Problem("ingest", f"{location}: larger than {settings.max_bytes} bytes; read only the first {settings.max_bytes}")] if cut else []
    return Document(text=text, url=uri, location=location, kind="wet",
                    crawled=_date(record.rec_headers.get_header("WARC-Date")), problems=problems)


def classify(record) -> str:
    """What to do with one WARC record: "html", "wet", or the reason it is skipped."""
    rtype = record.rec_type
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if rtype == "conversion":
        langs = record.rec_headers.get_header("WARC-Identified-Content-Language")
        if langs and "eng" not in langs.split(","):
            return "non_english"
        return "wet" if is_article_url(uri) else "non_news"
    if rtype != "response":
        return "other_type"
    if record.http_headers is None:
        return "non_http"
    status = (record.http_headers.get_statuscode() or "").strip()
    if status != "200":
        return "non_200"
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not any(t in ctype for t in _HTML_TYPES):
        return "non_html"
    return "html" if is_article_url(uri) else "non_news"


def read(source, settings) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    counts: Counter[str] = Counter()
    with source.open() as fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh), 1):
                what = classify(record)
                counts[what] += 1
                if what not in ("html", "wet"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                location = f"{source.name}#{n}" + (f" {uri}" if uri else "")
                make = _html_document if what == "html" else _wet_document
                yield make(record, uri, location, settings)
        # warcio also fails with AttributeError/TypeError/KeyError on some malformed records
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError, TypeError, KeyError) as exc:
            yield Document(location=source.name, problems=[Problem("ingest", f"{source.name}: not a readable WARC/WET archive after {sum(counts.values())} records: {exc}")])
    _log_counts(source.name, counts)


def _log_counts(name: str, counts: Counter) -> None:
    kept = counts["html"] + counts["wet"]
    skipped = {k: v for k, v in sorted(counts.items()) if k not in ("html", "wet")}
    log.info("%s: %d article records read; skipped %s", name, kept,
             ", ".join(f"{v} {k.replace('_', '-')}" for k, v in skipped.items()) or "none")
