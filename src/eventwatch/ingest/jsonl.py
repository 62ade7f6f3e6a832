"""JSON Lines: one article per line with ``text`` or ``html`` and optional ``id``, ``url``,
``title``, ``published``, ``source``. Streamed line by line; a broken line becomes an error
document and the next line is read as usual."""
from __future__ import annotations

import json
import re
from typing import Iterator

from eventwatch.model import Document, Problem

from eventwatch.clean.dates import first_date

KIND = "jsonl"

DATE_KEYS = ("published", "date", "publish_date", "pubdate", "published_at")


def sniff(head: bytes, name: str) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not first.startswith(b"{"):
        return False
    line = first.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        # a first line cut by the sniff window, or a broken first line, in a .jsonl file
        return name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz"))


_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Za-z.'’\- ]{1,40}?)\s*(?:,|\(|[-–—:]|$)")


def _dateline(value) -> str | None:
    """The place of a dateline field ("WASHINGTON, Feb 26 -" → "WASHINGTON")."""
    if not isinstance(value, str):
        return None
    m = _DATELINE_PLACE.match(value)
    return m.group(1).strip() if m else None


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def to_document(obj: dict, location: str, date_order: str | None = None) -> Document:
    """One JSON object (or table row) to a Document (also used by the Parquet, CSV and Ray readers)."""
    text, html = _str(obj.get("text")), _str(obj.get("html"))
    published, why = first_date(obj, DATE_KEYS, date_order)
    doc = Document(
        text=text,
        html=None if text else html,
        id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
        title=_str(obj.get("title")),
        source=_str(obj.get("source")),
        url=_str(obj.get("url")),
        published=published,
        dateline=_dateline(obj.get("dateline")),
        location=location,
        kind="html" if (html and not text) else "text",
    )
    if why:
        doc.problems.append(Problem("ingest", f"{location}: unreadable date, {why}; the article is undated", "warning"))
    if not text and not html:
        doc.problems.append(Problem("ingest", f"{location}: JSON object has neither 'text' nor 'html'"))
    return doc


def bounded_lines(fh, limit: int) -> Iterator[bytes]:
    """The lines of a binary file, each cut at ``limit + 1`` bytes (the rest of a longer line is
    skipped in small pieces), so one enormous line never sits in memory whole."""
    while raw := fh.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield raw


def read(source, settings) -> Iterator[Document]:
    with source.open() as fh:
        for n, raw in enumerate(bounded_lines(fh, settings.max_bytes), 1):
            location = f"{source.name}:{n}"
            if not raw.strip():
                continue
            if len(raw) > settings.max_bytes:
                yield Document(location=location, problems=[Problem("ingest", f"{location}: line longer than {settings.max_bytes} bytes")])
                continue
            try:
                obj = json.loads(raw.decode("utf-8", errors="replace"))
            except ValueError as exc:
                yield Document(location=location, problems=[Problem("ingest", f"{location}: not valid JSON ({exc.msg} at column {exc.colno})")])
                continue
            except RecursionError:
                yield Document(location=location, problems=[Problem("ingest", f"{location}: JSON nested too deeply")])
                continue
            if not isinstance(obj, dict):
                yield Document(location=location, problems=[Problem("ingest", f"{location}: a JSON line must be an object, got {type(obj).__name__}")])
                continue
            yield to_document(obj, location, settings.date_order)
