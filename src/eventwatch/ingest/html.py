"""HTML pages: one file, one document; body and metadata are extracted by the cleaner."""
from __future__ import annotations

import re
from typing import Iterator

from eventwatch.model import Document, Problem

KIND = "html"

_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta|title)[\s>]", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)


def sniff(head: bytes, name: str) -> bool:
    start = head.lstrip()[:2048]
    if start.startswith((b"<?xml",)) and re.search(rb"<(rss|feed|rdf:RDF)[\s>]", head[:4096]):
        return False
    if _HTML.search(head[:4096]):
        return True
    return name.lower().endswith((".html", ".htm", ".xhtml")) and start.startswith(b"<")


def read(source, settings) -> Iterator[Document]:
    from eventwatch.ingest.bytes import decode

    with source.open() as fh:
        data = fh.read(settings.max_bytes + 1)
    problems = []
    if len(data) > settings.max_bytes:
        data = data[: settings.max_bytes]
        problems.append(Problem("ingest", f"{source.name}: larger than {settings.max_bytes} bytes; read only the first {settings.max_bytes}"))
    m = _CHARSET.search(data[:4096])
    html, warn = decode(data, source.name, m.group(1).decode("ascii", "replace") if m else None)
    yield Document(html=html, location=source.name, kind="html", problems=problems + warn)
