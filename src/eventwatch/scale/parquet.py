"""Records as Parquet: one table per record part, readable by DuckDB and by ``eventwatch ingest``.

An output folder holds ``articles/``, ``actors/``, ``events/``, ``quotes/`` and ``places/``, each
a folder of Parquet files, and ``_eventwatch.json`` naming the format. Each row of a part table
carries ``article_id``; list items keep their position (``event_idx``...). Column types follow the
dataclasses of ``eventwatch.model``, so a field a stage adds becomes a column. The ``articles``
table also keeps the whole record as JSON (``record``), from which ``eventwatch ingest`` rebuilds
records exactly.

    SELECT e.cameo, a.title FROM 'out/events/*.parquet' e JOIN 'out/articles/*.parquet' a ON a.id = e.article_id
"""
from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from eventwatch.model import Actor, Event, Place, Quote, Record

MARKER = "_eventwatch.json"
FORMAT = "eventwatch-records"
PARTS = {"actors": Actor, "events": Event, "quotes": Quote, "places": Place}
ARTICLE_COLUMNS = ("id", "title", "source", "url", "published", "dateline", "text", "tone", "location")


def _arrow_type(hint) -> pa.DataType:
    """A dataclass field's type as an Arrow type (unknown shapes become JSON strings)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(args) == 1:
        return _arrow_type(args[0])
    if hint is str:
        return pa.string()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if typing.get_origin(hint) is list and typing.get_args(hint):
        return pa.list_(_arrow_type(typing.get_args(hint)[0]))
    if typing.get_origin(hint) is tuple:
        return pa.list_(pa.int64())
    return pa.string()


def part_schema(cls) -> pa.Schema:
    hints = typing.get_type_hints(cls)
    index = [pa.field("article_id", pa.string()), pa.field(cls.__name__.lower() + "_idx", pa.int32())]
    return pa.schema(index + [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


def articles_schema() -> pa.Schema:
    fields = [pa.field(c, pa.float64() if c == "tone" else pa.string()) for c in ARTICLE_COLUMNS]
    return pa.schema(fields + [pa.field("n_errors", pa.int32()), pa.field("errors", pa.string()), pa.field("record", pa.string())])


SCHEMAS = {"articles": articles_schema(), **{name: part_schema(cls) for name, cls in PARTS.items()}}


def _cell(value, typ: pa.DataType):
    if pa.types.is_string(typ) and value is not None and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_tables(records: Iterable[Record]) -> dict[str, pa.Table]:
    """Records to the five part tables."""
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for r in records:
        d = r.to_dict()
        row = {c: d.get(c) for c in ARTICLE_COLUMNS}
        row.update(location=r.location, n_errors=sum(1 for e in r.errors if e.level == "error"),
                   errors=json.dumps(d["errors"], ensure_ascii=False), record=json.dumps(d, ensure_ascii=False))
        rows["articles"].append(row)
        for name in PARTS:
            idx = name[:-1] + "_idx"
            for i, item in enumerate(d[name]):
                rows[name].append({"article_id": r.id, idx: i, **item})
    tables = {}
    for name, schema in SCHEMAS.items():
        cols = {f.name: [_cell(row.get(f.name), f.type) for row in rows[name]] for f in schema}
        tables[name] = pa.table(cols, schema=schema)
    return tables


class RecordsWriter:
    """Appends batches of records to the part tables of an output folder (one Parquet file per part)."""

    def __init__(self, out: str | Path, file_stem: str = "part-00000"):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.stem = file_stem
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.count = 0
        (self.out / MARKER).write_text(json.dumps({"format": FORMAT, "version": 1, "tables": list(SCHEMAS)}, indent=1))

    def write(self, records: list[Record]) -> None:
        for name, table in to_tables(records).items():
            if name not in self.writers:
                (self.out / name).mkdir(exist_ok=True)
                self.writers[name] = pq.ParquetWriter(self.out / name / f"{self.stem}.parquet", SCHEMAS[name])
            if table.num_rows:
                self.writers[name].write_table(table)
        self.count += len(records)

    def close(self) -> None:
        for name in SCHEMAS:
            if name not in self.writers:  # an empty run still leaves readable (empty) tables
                (self.out / name).mkdir(exist_ok=True)
                self.writers[name] = pq.ParquetWriter(self.out / name / f"{self.stem}.parquet", SCHEMAS[name])
            self.writers[name].close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def undated_documents(path: str | Path) -> tuple[int, int]:
    """(documents without a publication date, documents) in an output folder's articles table."""
    files = sorted((Path(path) / "articles").glob("*.parquet"))
    undated = total = 0
    for f in files:
        column = pq.read_table(f, columns=["published"]).column("published")
        undated += column.null_count
        total += len(column)
    return undated, total


def is_records_dir(path: str | Path) -> bool:
    p = Path(path)
    try:  # an unreadable folder is no records folder: the readers report it
        return (p / MARKER).is_file() and json.loads((p / MARKER).read_text()).get("format") == FORMAT
    except (ValueError, OSError, AttributeError):
        return False


def read_records(path: str | Path, batch_size: int = 256) -> Iterator[Record]:
    """The records of an output folder, rebuilt from the articles table."""
    files = sorted((Path(path) / "articles").glob("*.parquet"))
    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=batch_size, columns=["record"]):
            for value in batch.column(0).to_pylist():
                yield Record.from_dict(json.loads(value))
