"""RSS and Atom feeds: each item becomes a document.

An item that carries its full article (``content:encoded``, Atom ``content``) is read from the
feed itself; an item with only a link (and perhaps a teaser) is fetched from the web with the
polite fetcher (``eventwatch.ingest.fetch``), and a page that fails to load is an error record (its
teaser is not the article); an item with neither a usable link nor content falls back to its summary. The item's title, link and date are carried into the document.
"""
from __future__ import annotations

import calendar
import logging
import re
import time
from typing import Iterable, Iterator

from eventwatch.model import Document, Problem

from eventwatch.clean.dates import first_date

KIND = "feed"
BEFORE = "jsonl"

log = logging.getLogger(__name__)

_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def sniff(head: bytes, name: str) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if not start.startswith(b"<"):
        return False
    return bool(_ROOT.search(start)) and not re.search(rb"<html[\s>]", start[:512], re.I)


def html_to_text(fragment: str) -> str:
    """An HTML fragment (feed content) to plain text, one block element per line."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several parser errors on broken fragments
        return re.sub(r"<[^>]{0,2000}>", " ", fragment)
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    text = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def entry_date(entry, order: str | None = None) -> tuple[str | None, str | None]:
    """(day, None) from the item's date as feedparser read it, else as ingest/dates.py reads the raw text;
    (None, reason) when the item gives a date that neither reads."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(st))), None
    return first_date(entry, ("published", "updated", "created", "dc_date"), order)


def entry_key(entry) -> str | None:
    """What identifies an item across polls: its link, else its id."""
    return entry.get("link") or entry.get("id") or None


def entry_content(entry) -> str | None:
    """The full article an item carries (HTML or text), if any."""
    for part in entry.get("content") or []:
        value = part.get("value")
        if value and value.strip():
            return value
    return None


def parse(data: bytes):
    import feedparser

    return feedparser.parse(data)


def entry_document(entry, feed_title: str | None, location: str, fetcher=None,
                   date_order: str | None = None) -> Document | None:
    """One item to a document: its own content, else its fetched page, else its summary."""
    published, why = entry_date(entry, date_order)
    meta = dict(title=entry.get("title") or None, url=entry.get("link") or None,
                published=published, source=feed_title, location=location, guid=entry.get("id") or None)
    doc = _entry_body(entry, meta, location, fetcher)
    if why:
        doc.problems.append(Problem("ingest", f"{location}: unreadable date, {why}; the article is undated", "warning"))
    return doc


def _entry_body(entry, meta: dict, location: str, fetcher) -> Document:
    from eventwatch.ingest.fetch import FetchError, is_web_url

    content = entry_content(entry)
    if content:
        return Document(text=html_to_text(content), kind="feed", **meta)
    link = meta["url"]
    if link and is_web_url(link) and fetcher is not None:
        try:
            page = fetcher.get(link)
            return page_document(page, meta)
        except FetchError as exc:
            if not exc.permanent:
                raise
            # the article is the page: a teaser is no article, so a failed fetch is an error record
            return Document(kind="feed", problems=[Problem("ingest", f"{location}: {exc}")], **meta)
    summary = entry.get("summary")
    if summary:
        return Document(text=html_to_text(summary), kind="feed", **meta)
    return Document(kind="feed", problems=[Problem("ingest", f"{location}: feed item has no content, summary or fetchable link")], **meta)


_PAGE_TYPES = ("text/", "application/xhtml+xml", "application/xml")


def page_document(page, meta: dict) -> Document:
    """A fetched article page to an HTML document carrying the item's metadata.

    A page that is not HTML or text (an image, a PDF, a video) raises a permanent ``FetchError``.
    """
    from eventwatch.ingest.fetch import FetchError

    from . import decode

    ctype = (page.content_type or "").split(";")[0].strip().lower()
    if ctype and not ctype.startswith(_PAGE_TYPES):
        raise FetchError(f"{page.url}: not an HTML page ({ctype}); skipped", permanent=True)
    html, problems = decode(page.body, page.url, page.charset)
    return Document(html=html, kind="feed", problems=problems, **{**meta, "url": page.url or meta["url"]})


def feed_documents(parsed, location: str, fetcher=None, skip: Iterable[str] = (),
                   retry_later: bool = False, date_order: str | None = None) -> Iterator[tuple[str | None, Document]]:
    """(key, document) for each item of a parsed feed not in ``skip``.

    An item whose page failed to load for a passing reason (timeout, 5xx) is left out when
    ``retry_later`` (the watcher tries it next poll), else it becomes an error document.
    """
    from eventwatch.ingest.fetch import FetchError

    skip = set(skip)
    feed_title = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        key = entry_key(entry)
        if key is not None and key in skip:
            continue
        try:
            doc = entry_document(entry, feed_title, f"{location}#{n}", fetcher, date_order)
        except FetchError as exc:
            log.warning("%s#%d: %s", location, n, exc)
            if retry_later:
                continue
            doc = Document(url=entry.get("link"), guid=entry.get("id") or None, location=f"{location}#{n}", kind="feed",
                           problems=[Problem("ingest", str(exc))])
        yield key, doc


def read(source, settings) -> Iterator[Document]:
    from eventwatch.ingest.fetch import Fetcher

    with source.open() as fh:
        data = fh.read(settings.max_bytes)
    parsed = parse(data)
    if parsed.bozo and not parsed.entries:
        yield Document(location=source.name, problems=[Problem("ingest", f"{source.name}: not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")])
        return
    fetcher = Fetcher(**settings.extra.get("fetch", {}))
    for _key, doc in feed_documents(parsed, source.name, fetcher, date_order=settings.date_order):
        yield doc
