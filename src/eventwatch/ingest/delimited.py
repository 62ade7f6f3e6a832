"""CSV and TSV files of articles: a header row, then one article per row, with the columns of the
JSON Lines reader (``text`` or ``html``, and optional ``id``, ``url``, ``title``, ``published``/``date``,
``source``). Dates are read by clean/dates.py like every other reader's."""
from __future__ import annotations

import csv
import io
import sys
from typing import Iterator

from eventwatch.model import Document, Problem

KIND = "csv"
BEFORE = "jsonl"
_BODY = {"text", "html"}


def _dialect(head: str, name: str) -> str:
    first = head.split("\n", 1)[0]
    return "\t" if name.lower().endswith(".tsv") or first.count("\t") > first.count(",") else ","


def sniff(head: bytes, name: str) -> bool:
    if not name.lower().endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
        return False
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    cols = {c.strip().strip('"').lower() for c in first.replace("\t", ",").split(",")}
    return bool(cols & _BODY)


def read(source, settings) -> Iterator[Document]:
    from .jsonl import to_document

    csv.field_size_limit(min(settings.max_bytes, sys.maxsize))
    delimiter = _dialect(source.head(4096).decode("utf-8", "replace"), source.name)
    with source.open() as fh:
        stream = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline="")
        rows = csv.DictReader(stream, delimiter=delimiter)
        n = 1
        try:
            for n, row in enumerate(rows, 2):
                row = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
                yield to_document(row, f"{source.name}:{n}", settings.date_order)
        except csv.Error as exc:
            yield Document(location=f"{source.name}:{n + 1}", problems=[Problem("ingest", f"{source.name}: CSV broken after line {n}: {exc}")])
