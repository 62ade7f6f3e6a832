"""The store: contract records in an embedded DuckDB file, and the queries every view uses.

The store knows the contract record, not the stages. ``Store.write(records)`` replaces each
article's rows in one transaction per call (re-ingesting never duplicates) and rebuilds the
cross-article event groups it touched; queries return pandas DataFrames (or Arrow tables) for
the CLI, the Python API and the REST API alike.

Modules: ``migrations`` (schema and upgrades), ``writer`` (write + dedup), ``queries`` (reads
with shared ``Filters``), ``exports`` (CSV, Parquet, GDELT 2.0, PLOVER JSON).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

import duckdb

from eventwatch.errors import Errors, QueryError, StoreError
from eventwatch.model import Record
from eventwatch.store import daily, feeds, migrations, queries, trends, writer
from eventwatch.store.filters import EventFilter, Filters, coerce, parse_filters
from eventwatch.store.migrations import SCHEMA_VERSION
from eventwatch.store.writer import ARTICLE_TABLES

log = logging.getLogger(__name__)

COUNTED_TABLES = ("articles", "actors", "article_actors", "actor_mentions", "events", "event_groups",
                  "quotes", "places", "place_mentions")  # event_daily (aggregates) is not a record table
__all__ = ["Store", "StoreError", "EventFilter", "Filters", "QueryError", "SCHEMA_VERSION", "ARTICLE_TABLES",
           "open_store", "parse_filters"]


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(Errors.E301, path=path, reason=exc) from exc


_filters = coerce


def _paged(query, con, f, limit: int | None, offset: int, arrow: bool, **kw):
    """``query`` for any ``limit`` (``None``: every row): pages of ``queries.MAX_LIMIT`` rows, joined.

    The API caps a page at MAX_LIMIT rows to bound a request; a Python caller asks for what it needs.
    """
    if limit is not None and limit <= queries.MAX_LIMIT:
        return query(con, f, limit=limit, offset=offset, arrow=arrow, **kw)
    if limit is not None and limit < 1:
        queries.check_page(limit, offset)
    parts, got = [], 0
    while limit is None or got < limit:
        size = queries.MAX_LIMIT if limit is None else min(queries.MAX_LIMIT, limit - got)
        part = query(con, f, limit=size, offset=offset + got, arrow=arrow, **kw)
        parts.append(part)
        n = part.num_rows if arrow else len(part)
        got += n
        if n < size:
            break
    if arrow:
        import pyarrow

        return pyarrow.concat_tables(parts)
    import pandas

    return pandas.concat(parts, ignore_index=True)


class Store:
    """A DuckDB file of records. ``read_only=True`` for analysis (several processes may read)."""

    def __init__(self, path: str | Path = "eventwatch.duckdb", read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(Errors.E302, path=self.path)
        if read_only and self.path != ":memory:":
            self._upgrade_if_needed()
        self.con = _connect(self.path, read_only)
        if not read_only:
            try:
                migrations.ensure_schema(self.con)
            except RuntimeError as exc:
                raise StoreError(f"{self.path}: {exc}") from None

    def _upgrade_if_needed(self) -> None:
        """An older file opened read-only is upgraded first (briefly opened for writing)."""
        con = _connect(self.path, True)
        try:
            old = migrations.needs_upgrade(con)
        except migrations.DamagedDatabase as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            con.close()
        if old:
            log.warning("upgrading %s to schema version %d", self.path, SCHEMA_VERSION)
            con = _connect(self.path, False)
            try:
                migrations.ensure_schema(con)
            finally:
                con.close()

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of the connection, for use from one thread."""
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing
    def write(self, records: Iterable[Record]) -> int:
        """Store a batch in one transaction: each article's old rows are replaced, never duplicated."""
        if self.read_only:
            raise StoreError(Errors.E303, path=self.path)
        return writer.write(self.con, list(records))

    def rebuild_groups(self) -> None:
        """Recompute every cross-article event group and the daily aggregates (e.g. after a bulk load with SQL)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            writer.regroup(self.con, None)
            daily.rebuild(self.con)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def optimize(self) -> None:
        """Rewrite the events table in event-date order, so date filters skip most of it (zonemaps).
        Worth running after ingesting a large archive out of date order."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TEMP TABLE _sorted AS SELECT * FROM events ORDER BY event_date NULLS LAST, article_id, event_idx")
            con.execute("DELETE FROM events")
            con.execute("INSERT INTO events SELECT * FROM _sorted")
            con.execute("DROP TABLE _sorted")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")

    # -- reading
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def record(self, article_id: str) -> dict | None:
        return queries.record(self.con, article_id)

    def events(self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0,
               sort: str = "date", order: str = "desc", unique: bool = False, arrow: bool = False, **kw):
        """Events (one row per mention; ``unique=True``: one per cross-article event), newest first.

        Keyword filters: since, until, country, actor, source, target, root, cameo, plover,
        quad_class, text, outlet, article_id, negated, hypothetical, min_confidence.
        ``limit=None`` returns every match.
        """
        f = _filters(filters, kw)
        if limit is None and offset == 0 and sort == "date" and order == "desc":
            df = queries.all_events(self.con, f, unique=unique, arrow=arrow)
            return df.take(list(range(df.num_rows - 1, -1, -1))) if arrow else df.iloc[::-1].reset_index(drop=True)
        return queries.events(self.con, f, limit=limit or queries.MAX_LIMIT, offset=offset, sort=sort,
                              order=order, unique=unique, arrow=arrow)

    def actors(self, filters: Filters | None = None, *, name: str | None = None, limit: int | None = 100,
               offset: int = 0, arrow: bool = False, **kw):
        """Actors by number of events. ``limit`` may be any size (fetched in pages); ``None``: all."""
        return _paged(queries.actors, self.con, _filters(filters, kw), limit, offset, arrow, name=name)

    def dyads(self, filters: Filters | None = None, *, limit: int | None = 100, offset: int = 0,
              arrow: bool = False, **kw):
        """Source-target pairs by number of events. ``limit`` may be any size; ``None``: all."""
        return _paged(queries.dyads, self.con, _filters(filters, kw), limit, offset, arrow)

    def quotes(self, filters: Filters | None = None, *, limit: int | None = 100, offset: int = 0,
               arrow: bool = False, **kw):
        """Quotes, newest first. ``limit`` may be any size (fetched in pages); ``None``: all."""
        return _paged(queries.quotes, self.con, _filters(filters, kw), limit, offset, arrow)

    def places(self, filters: Filters | None = None, *, limit: int | None = 100, offset: int = 0,
               arrow: bool = False, **kw):
        """Places by number of events. ``limit`` may be any size; ``None``: all."""
        return _paged(queries.places, self.con, _filters(filters, kw), limit, offset, arrow)

    def articles(self, filters: Filters | None = None, *, limit: int | None = 100, offset: int = 0,
                 arrow: bool = False, **kw):
        """Articles, newest first. ``limit`` may be any size (fetched in pages); ``None``: all."""
        return _paged(queries.articles, self.con, _filters(filters, kw), limit, offset, arrow)





    def overview(self) -> dict[str, list[tuple]]:
        """The whole database in a few plain row lists (articles, actor kinds, top actors, event roots,
        speakers, places): what ``eventwatch demo`` prints."""
        from eventwatch.store.overview import overview

        return overview(self.con)

    def summary(self, filters: Filters | None = None, **kw) -> dict:
        return queries.summary(self.con, _filters(filters, kw))

    def feed_state(self) -> feeds.FeedState:
        """The feed watcher's memory (feed validators, seen URLs) in this database."""
        return feeds.FeedState(self.con)

    def trends(self, filters: Filters | None = None, *, by: str | None = None, interval: str = "day",
               top: int | None = None, fill: bool = False, arrow: bool = False, **kw):
        """Counts per day (or week, month) and key: n_events, per-QuadClass counts, mean Goldstein.
        ``fill=True`` adds the empty periods with zero counts."""
        return trends.trends(self.con, _filters(filters, kw), by=by, interval=interval, top=top, fill=fill,
                             arrow=arrow)

    # alerts: eventwatch.analytics.alerts(store, ...) (a plain Store never imports analytics)


def open_store(path: str | Path = "eventwatch.duckdb", read_only: bool = True) -> Store:
    return Store(path, read_only=read_only)
