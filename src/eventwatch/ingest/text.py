"""Plain and scraped text: one file, one document. The catch-all reader."""
from __future__ import annotations

from typing import Iterator

from eventwatch.model import Document, Problem

KIND = "text"


def sniff(head: bytes, name: str) -> bool:
    return True


def read(source, settings) -> Iterator[Document]:
    from eventwatch.ingest.bytes import decode, looks_binary

    with source.open() as fh:
        data = fh.read(settings.max_bytes + 1)
    if looks_binary(data[:8192]):
        yield Document(location=source.name, problems=[Problem("ingest", f"{source.name}: binary content, not text, HTML or JSON Lines")])
        return
    problems = []
    if len(data) > settings.max_bytes:
        data = data[: settings.max_bytes]
        problems.append(Problem("ingest", f"{source.name}: larger than {settings.max_bytes} bytes; read only the first {settings.max_bytes}"))
    text, warn = decode(data, source.name)
    if not text.strip():
        problems.append(Problem("ingest", f"{source.name}: no text (empty or whitespace only)"))
    yield Document(text=text, location=source.name, kind="text", problems=problems + warn)
