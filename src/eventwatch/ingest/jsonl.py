"""JSON Lines: one article per line with ``text`` or ``html`` and optional ``id``, ``url``,
``title``, ``published``, ``source``. Streamed line by line; a broken line becomes an error
document and the next line is read as usual."""
from __future__ import annotations

from typing import Iterator

from eventwatch.model import Document, Problem

from .schema import json_error, loads, to_document

KIND = "jsonl"

__all__ = ["KIND", "sniff", "read", "to_document", "bounded_lines"]


def sniff(head: bytes, name: str) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not first.startswith(b"{"):
        return False
    line = first.split(b"\n", 1)[0]
    try:
        return isinstance(loads(line), dict)
    except (ValueError, RecursionError):
        # a first line cut by the sniff window, or a broken first line, in a .jsonl file
        return name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz"))


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
                obj = loads(raw.decode("utf-8", errors="replace"))
            except (ValueError, RecursionError) as exc:
                yield Document(location=location, problems=[Problem("ingest", f"{location}: {json_error(exc)}")])
                continue
            yield to_document(obj, location, settings.date_order)
