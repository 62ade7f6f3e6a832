"""What every route module shares: the JSON response, the database and its cursor pool, the
request's cursor (with its time limit) and the shared filters (parsed by the store's one adapter)."""
from __future__ import annotations

import math
import queue
import threading
from datetime import date, datetime
from typing import Any, Iterator

import orjson
from fastapi import Query, Request
from fastapi.responses import Response

from eventwatch.errors import Errors, QueryTimeout
from eventwatch.store import Store, queries
from eventwatch.store.filters import EventFilter, parse_filters

QUERY_SECONDS = 15.0  # a request's queries are interrupted after this long (503)


def _default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if hasattr(o, "item"):  # numpy scalars
        return o.item()
    if hasattr(o, "tolist"):
        return o.tolist()
    return str(o)


def clean(v):
    """NaN -> None."""
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def json_response(payload: Any, status: int = 200) -> Response:
    """UTF-8 JSON (orjson: dates as ISO strings, NaN as null, numpy values as numbers)."""
    body = orjson.dumps(payload, default=_default, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    return Response(body, status_code=status, media_type="application/json")


def items(table) -> list[dict]:
    """Arrow table -> list of row dicts (json_response writes NaN as null)."""
    return table.to_pylist()


class Database:
    """One DuckDB connection for the app and a pool of its cursors: a request checks one out and
    returns it when done, so no cursor is ever used by two requests at once (FastAPI may run a
    request's dependency and its endpoint on different threads, so thread-locals would not do)."""

    def __init__(self, path: str, writable: bool):
        self.store = Store(path, read_only=not writable)
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pool: queue.SimpleQueue = queue.SimpleQueue()

    def new_cursor(self):
        with self._lock:
            return self.store.con.cursor()

    def checkout(self):
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            return self.new_cursor()

    def checkin(self, cur) -> None:
        self._pool.put(cur)

    def write(self, records) -> int:
        from eventwatch.store import writer

        with self._write_lock:
            cur = self.new_cursor()
            try:
                return writer.write(cur, list(records))
            finally:
                cur.close()


def cursor(request: Request) -> Iterator:
    """The request's own cursor; interrupted (503) after the app's ``query_seconds``."""
    import duckdb

    db, seconds = request.app.state.db, request.app.state.query_seconds
    cur = db.checkout()
    timer = threading.Timer(seconds, cur.interrupt) if seconds else None
    if timer:
        timer.daemon = True
        timer.start()
    try:
        yield cur
    except duckdb.InterruptException:
        raise QueryTimeout(Errors.E211, seconds=seconds, headers={"Retry-After": "5"}) from None
    finally:
        if timer:
            timer.cancel()
        db.checkin(cur)


def filters(
    since: date | None = Query(None, description="first event date (inclusive)"),
    until: date | None = Query(None, description="last event date (inclusive)"),
    country: str | None = Query(None, description="ISO alpha-3: the event's place, source or target country",
                                min_length=3, max_length=3),
    actor: str | None = Query(None, description="actor id, or part of a name (source or target)", max_length=200),
    source: str | None = Query(None, description="exact source actor id", max_length=200),
    target: str | None = Query(None, description="exact target actor id", max_length=200),
    root: str | None = Query(None, description="CAMEO root(s), comma-separated: 14,18,19", max_length=100),
    cameo: str | None = Query(None, description="CAMEO code(s); a code matches its sub-codes", max_length=100),
    plover: str | None = Query(None, description="PLOVER type(s), comma-separated", max_length=200),
    quad_class: str | None = Query(None, description="QuadClass(es) 1-4, comma-separated", max_length=20),
    text: str | None = Query(None, description="words in the event sentence (quotes: the quote; articles: title/body)",
                             max_length=200),
    outlet: str | None = Query(None, description="the article's source (publisher)", max_length=200),
    negated: bool | None = Query(None, description="only negated (true) or only asserted (false) events"),
    hypothetical: bool | None = Query(None, description="only hypothetical (true) or only real (false) events"),
    min_confidence: float | None = Query(None, ge=0, le=1),
    background: bool | None = Query(None, description="true: count background events too (a time the text places "
                                    "before the article's news, 'in 1967'); default: the news only"),
) -> EventFilter:
    """The shared filters, declared for OpenAPI and checked by FastAPI, then parsed by the store's adapter."""
    return parse_filters(locals())


def query_filters(request: Request) -> EventFilter:
    """The shared filters straight from the query string (routes that do not declare them)."""
    return parse_filters(request.query_params)


Limit = Query(100, ge=1, le=queries.MAX_LIMIT, description=f"page size (max {queries.MAX_LIMIT})")
Offset = Query(0, ge=0, le=10_000_000)


def page(rows, limit: int, offset: int, **extra) -> Response:
    return json_response({"limit": limit, "offset": offset, **extra, "items": rows})
