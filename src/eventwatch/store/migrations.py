"""Schema creation and upgrades of existing database files.

``ensure_schema(con)`` brings any file to SCHEMA_VERSION: a new file gets schema.sql; an older
file gets the columns and tables it lacks (ALTER TABLE ... ADD COLUMN), then each upgrade step's
data fix-up runs (for 1 → 2: every article is rewritten from its stored JSON record so that the
new denormalised columns and the event groups are filled; for 2 → 3: the daily aggregates table
``event_daily`` is computed from the events; for 4 → 5: the events' evidence offsets, kept until then
in ``events.extra``, are copied into their new columns). The version is kept in ``meta``.
"""
from __future__ import annotations

import json
import logging
import re
from importlib import resources

import duckdb

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5  # 4: events.background, events.date_precision; groups by store/grouping.py; 5: evidence spans
# 4 -> 5: the evidence offsets were kept in events.extra (source_span, target_span): copied to their columns
EVIDENCE_FROM_EXTRA = """
    UPDATE events SET
        source_start = TRY_CAST(json_extract(extra, '$.source_span[0]') AS INTEGER),
        source_end = TRY_CAST(json_extract(extra, '$.source_span[1]') AS INTEGER),
        target_start = TRY_CAST(json_extract(extra, '$.target_span[0]') AS INTEGER),
        target_end = TRY_CAST(json_extract(extra, '$.target_span[1]') AS INTEGER)
    WHERE json_extract(extra, '$.source_span') IS NOT NULL OR json_extract(extra, '$.target_span') IS NOT NULL"""

INDEXES = (
    "CREATE INDEX IF NOT EXISTS idx_articles_id ON articles(id)",
)


def schema_sql() -> str:
    return resources.files("eventwatch.store").joinpath("schema.sql").read_text("utf-8")


class DamagedDatabase(RuntimeError):
    """The file cannot be read as an eventwatch database (cut short, overwritten, not DuckDB)."""


def damaged(exc: Exception) -> DamagedDatabase:
    return DamagedDatabase(f"the database file is damaged or incomplete and cannot be read ({exc}); "
                           "restore it from a copy, or ingest again into a new file")


def _version(con) -> int:
    try:
        if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]:
            return 0
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0
    except (duckdb.Error, ValueError) as exc:
        raise damaged(exc) from None


def _set_version(con, version: int) -> None:
    con.execute("DELETE FROM meta WHERE key = 'schema_version'")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(version)])


def _columns(con, table: str) -> dict[str, str]:
    return {name: typ for name, typ in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = current_schema() ORDER BY ordinal_position", [table]).fetchall()}


def _wanted() -> dict[str, dict[str, str]]:
    """Tables and columns of the current schema (read from schema.sql in a scratch database)."""
    scratch = duckdb.connect(":memory:")
    try:
        scratch.execute(schema_sql())
        tables = [t for (t,) in scratch.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: _columns(scratch, t) for t in tables}
    finally:
        scratch.close()


def _add_missing(con) -> list[str]:
    """Create missing tables and add missing columns; returns what was added."""
    added = []
    con.execute(schema_sql())  # CREATE TABLE IF NOT EXISTS: new tables only
    for table, cols in _wanted().items():
        have = _columns(con, table)
        for name, typ in cols.items():
            if name not in have:
                if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                    raise ValueError(f"bad column name {name!r}")
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {typ}')
                added.append(f"{table}.{name}")
    return added


def _rewrite_all(con) -> int:
    """Rewrite every stored article from its JSON record (fills derived columns and groups)."""
    from eventwatch.model import Record
    from eventwatch.store import writer

    ids = [i for (i,) in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        recs = [Record.from_dict(json.loads(r)) for (r,) in con.execute(
            "SELECT record FROM articles WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()]
        writer.write(con, recs)
    return len(ids)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> int:
    """Create or upgrade the schema; returns the version found before (0 for a new file)."""
    before = _version(con)
    if before > SCHEMA_VERSION:
        raise RuntimeError(f"database schema version {before} is newer than this eventwatch ({SCHEMA_VERSION})")
    if before == SCHEMA_VERSION:
        return before
    con.execute("BEGIN TRANSACTION")
    try:
        added = _add_missing(con)
        for sql in INDEXES:
            con.execute(sql)
        if before == 4:
            con.execute(EVIDENCE_FROM_EXTRA)
        _set_version(con, SCHEMA_VERSION)
        con.execute("COMMIT")
    except Exception as exc:
        from eventwatch.store.writer import rollback

        rollback(con)
        if isinstance(exc, duckdb.Error):
            raise damaged(exc) from None
        raise
    from eventwatch.store import daily

    if before and before < 4:
        # < 2: new denormalised columns; < 4: dedup keys, background and groups by store/grouping.py
        n = _rewrite_all(con)  # the writer also fills event_daily
        daily.rebuild(con)
        log.info("upgraded database schema %d -> %d (%d columns added, %d articles rewritten)",
                 before, SCHEMA_VERSION, len(added), n)
    else:
        daily.rebuild(con)  # new file: marks the (empty) table current
    return before


def needs_upgrade(con) -> bool:
    return _version(con) < SCHEMA_VERSION
