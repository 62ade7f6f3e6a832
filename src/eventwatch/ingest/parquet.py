"""Parquet files of articles: one row, one document, with the columns of the JSON Lines reader
(``text`` or ``html``, and optional ``id``, ``url``, ``title``, ``published``, ``source``)."""
from __future__ import annotations

from typing import Iterator

from eventwatch.model import Document, Problem

KIND = "parquet"
BEFORE = "jsonl"


def sniff(head: bytes, name: str) -> bool:
    return head[:4] == b"PAR1"


def read(source, settings) -> Iterator[Document]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .jsonl import to_document

    with source.open() as fh:
        try:
            pf = pq.ParquetFile(fh)
        except (pa.ArrowInvalid, OSError) as exc:
            yield Document(location=source.name, problems=[Problem("ingest", f"{source.name}: not a readable Parquet file: {exc}")])
            return
        n = 0
        for batch in pf.iter_batches(batch_size=settings.batch_size):
            for row in batch.to_pylist():
                n += 1
                yield to_document(row, f"{source.name}:{n}", settings.date_order)
