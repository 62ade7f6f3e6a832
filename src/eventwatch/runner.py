"""Running the pipeline over a stream of documents, in this process or in ``-j N`` workers."""
from __future__ import annotations

from typing import Iterable, Iterator

from eventwatch.model import Document, Record
from eventwatch.settings import Settings


def run(documents: Iterable[Document], settings: Settings) -> Iterator[Record]:
    from eventwatch.pipeline import Pipeline

    yield from Pipeline(settings).process(documents)
