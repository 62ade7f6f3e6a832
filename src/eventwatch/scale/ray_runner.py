"""The Ray runner: the pipeline as a Ray Data actor pool, streaming records to Parquet tables.

    eventwatch run --engine ray INPUT... --out DIR [--workers N] [--address ray://host:10001]

Inputs are expanded as ``eventwatch process`` expands them. Parquet files are read with
``ray.data.read_parquet``; every other file (JSON Lines, WARC/WET, text, HTML, feeds) is read
by eventwatch's own readers inside Ray tasks, one task per file, streaming documents out in
batches. Documents go to an actor pool (``map_batches`` with ``Annotator``, a class that loads
the pipeline once per actor); the records stream back to the driver, which writes the part
tables (``eventwatch.scale.parquet``). Ray is an optional dependency: ``pip install
'eventwatch[ray]'``; it is imported only here.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import Iterator

from eventwatch.errors import Errors, EventwatchError
from eventwatch.model import Document, Problem, Record
from eventwatch.settings import Settings

log = logging.getLogger(__name__)

READ_BATCH = 64  # documents per block out of a reader task


class RayMissing(EventwatchError, RuntimeError):
    default = Errors.E402


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayMissing("the Ray engine needs Ray: pip install 'eventwatch[ray]' (ray[data]); "
                         "or run without --engine ray") from exc
    return ray


def doc_to_json(doc: Document) -> str:
    return json.dumps(dataclasses.asdict(doc), ensure_ascii=False)


def doc_from_json(value: str) -> Document:
    d = json.loads(value)
    d["problems"] = [Problem(**p) for p in d.get("problems", [])]
    return Document(**d)


def _column(batch, name: str) -> list:
    col = batch[name]
    return col.tolist() if hasattr(col, "tolist") else list(col)


def read_files(batch: dict, settings: Settings) -> Iterator[dict]:
    """Ray task body: the documents of the files in ``batch["path"]``, in blocks of READ_BATCH."""
    import numpy as np

    from eventwatch.ingest import read_inputs

    out: list[str] = []
    for path in _column(batch, "path"):
        for doc in read_inputs([path], settings):
            out.append(doc_to_json(doc))
            if len(out) >= READ_BATCH:
                yield {"doc": np.array(out, dtype=object)}
                out = []
    if out:
        yield {"doc": np.array(out, dtype=object)}


def parquet_rows(batch: dict) -> dict:
    """Ray task body: rows of an article Parquet file to documents (as the Parquet reader does)."""
    import numpy as np

    from eventwatch.ingest.jsonl import to_document

    cols = list(batch)
    n = len(batch[cols[0]]) if cols else 0
    paths = _column(batch, "path") if "path" in batch else ["parquet"] * n
    docs = []
    for i in range(n):
        row = {c: _scalar(batch[c][i]) for c in cols}
        docs.append(doc_to_json(to_document(row, str(paths[i]))))
    return {"doc": np.array(docs, dtype=object)}


def _scalar(value):
    return value.item() if hasattr(value, "item") else value


def _quiet(ray, verbose: bool) -> None:
    """Ray Data's own progress lines off (the CLI has its own bar), unless -v."""
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = verbose
    if hasattr(ctx, "enable_operator_progress_bars"):
        ctx.enable_operator_progress_bars = verbose
    if not verbose:
        for name in ("ray.data", "ray"):
            logging.getLogger(name).setLevel(logging.WARNING)


class Annotator:
    """One per Ray actor: loads the pipeline once, then turns document batches into record batches."""

    def __init__(self, settings: Settings):
        from eventwatch.pipeline import Pipeline

        self.pipeline = Pipeline(settings)

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        docs = [doc_from_json(v) for v in _column(batch, "doc")]
        records = self.pipeline.process_batch(docs)
        return {"record": np.array([json.dumps(r.to_dict(), ensure_ascii=False) for r in records], dtype=object)}


def split_inputs(paths: list[str]) -> tuple[list[str], list[str], list[Document]]:
    """(Parquet files, other files, error documents) of the inputs, expanded like ``process`` does."""
    from eventwatch.ingest import iter_sources

    parquet, other, errors = [], [], []
    for item in iter_sources(paths):
        if isinstance(item, Document):
            errors.append(item)
        elif item.name != "-" and item.head(4) == b"PAR1":
            parquet.append(item.name)
        else:
            other.append(item.name)
    return parquet, other, errors


def build_dataset(paths: list[str], settings: Settings, workers: int):
    """The lazy Ray dataset of record JSON strings for the inputs."""
    ray = _ray()
    parquet, other, errors = split_inputs(paths)
    parts = []
    if errors:  # unreadable paths: error records, as ``process`` gives
        parts.append(ray.data.from_items([{"doc": doc_to_json(d)} for d in errors]))
    if other:
        files = ray.data.from_items([{"path": str(Path(p).resolve())} for p in other])
        # a lighter CPU request than the actors keeps Ray from fusing reading into the actor pool,
        # where one big file would feed a single actor
        parts.append(files.map_batches(read_files, batch_size=1, fn_kwargs={"settings": settings}, num_cpus=0.5))
    if parquet:
        table = ray.data.read_parquet([str(Path(p).resolve()) for p in parquet], include_paths=True)
        parts.append(table.map_batches(parquet_rows, batch_size=settings.batch_size, batch_format="numpy"))
    if not parts:
        return None
    docs = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
    # streaming repartition into blocks of one batch, so that one big file feeds every actor
    docs = docs.repartition(target_num_rows_per_block=settings.batch_size)
    return docs.map_batches(Annotator, fn_constructor_args=(settings,), batch_size=settings.batch_size,
                            batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)


def run_ray(paths: list[str], settings: Settings, out: str | Path, workers: int = 1,
            address: str | None = None, progress=None) -> int:
    """Process the inputs on Ray and write the part tables to ``out``; returns the record count."""
    from eventwatch.pipeline import Pipeline  # noqa: F401 - fail early if the package is broken
    from eventwatch.scale.parquet import RecordsWriter

    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, num_cpus=None if address else max(workers, 1) + 1,
                 include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                 runtime_env={"env_vars": {"TOKENIZERS_PARALLELISM": "false"}})
    try:
        _quiet(ray, verbose=progress is not None and log.isEnabledFor(logging.INFO))
        dataset = build_dataset(paths, settings, workers)
        with RecordsWriter(out) as writer:
            if dataset is not None:
                for batch in dataset.iter_batches(batch_format="numpy", batch_size=None):
                    records = [Record.from_dict(json.loads(v)) for v in _column(batch, "record")]
                    writer.write(records)
                    if progress:
                        progress(len(records))
            return writer.count
    finally:
        if started_here:
            ray.shutdown()

