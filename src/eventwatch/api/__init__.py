"""The JSON API (FastAPI): read-only views of a store, with shared filters, paging and aggregation.

``create_app(db_path, ingest_token=None)`` opens the database once (read-only unless an ingest
token is given) and gives every request its own DuckDB cursor, so concurrent requests are safe.
POST /api/ingest exists only when the app is created with a token, and requires it
(``Authorization: Bearer TOKEN`` or ``X-Eventwatch-Token``, compared in constant time).
OpenAPI: /docs and /openapi.json.
"""
from __future__ import annotations

import hmac
import logging
import math
import queue
import threading
from datetime import date, datetime
from typing import Any, Iterator, Literal

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from eventwatch import __version__
from eventwatch.store import Filters, QueryError, Store, queries
from eventwatch.store.queries import to_arrow

log = logging.getLogger(__name__)

MAX_INGEST = 500


def _default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if hasattr(o, "item"):  # numpy scalars
        return o.item()
    if hasattr(o, "tolist"):
        return o.tolist()
    return str(o)


def _clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def json_response(payload: Any, status: int = 200) -> Response:
    """UTF-8 JSON (orjson: dates as ISO strings, NaN as null, numpy values as numbers)."""
    body = orjson.dumps(payload, default=_default, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    return Response(body, status_code=status, media_type="application/json")


def _items(table) -> list[dict]:
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


QUERY_SECONDS = 15.0  # a request's queries are interrupted after this long (503)


class QueryTimeout(Exception):
    """A request's database work ran past the app's query-time limit."""


def create_app(db_path: str, ingest_token: str | None = None, query_seconds: float | None = QUERY_SECONDS) -> FastAPI:
    """The API over the database at ``db_path`` (read-only unless ``ingest_token`` is given).

    A request's queries run on its own cursor; when they take longer than ``query_seconds`` the
    cursor is interrupted and the answer is 503 (None: no limit).
    """
    db = Database(str(db_path), writable=bool(ingest_token))
    app = FastAPI(title="eventwatch API", version=__version__,
                  description="Who did what to whom, when and where, and who said so: events, actors, quotes and "
                              "places from news, with filters shared by every endpoint. Dates are event dates "
                              "(the stated date, else the article's publication date).")
    app.state.db = db

    @app.exception_handler(QueryError)
    def _bad_query(request: Request, exc: QueryError):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(QueryTimeout)
    def _timeout(request: Request, exc: QueryTimeout):
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    def cursor() -> Iterator:
        import duckdb

        cur = db.checkout()
        timer = threading.Timer(query_seconds, cur.interrupt) if query_seconds else None
        if timer:
            timer.daemon = True
            timer.start()
        try:
            yield cur
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query took longer than {query_seconds:g} s; narrow the filters") from None
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
    ) -> Filters:
        return Filters(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                       country=country, actor=actor, source=source, target=target, root=root, cameo=cameo,
                       plover=plover, quad_class=quad_class, text=text, outlet=outlet, negated=negated,
                       hypothetical=hypothetical, min_confidence=min_confidence)

    Limit = Query(100, ge=1, le=queries.MAX_LIMIT, description=f"page size (max {queries.MAX_LIMIT})")
    Offset = Query(0, ge=0, le=10_000_000)

    def page(items, limit: int, offset: int, **extra) -> Response:
        return json_response({"limit": limit, "offset": offset, **extra, "items": items})

    @app.get("/", include_in_schema=False)
    def index():
        return {"name": "eventwatch", "version": __version__, "docs": "/docs", "openapi": "/openapi.json",
                "endpoints": sorted({r.path for r in app.routes if r.path.startswith("/api/")})}

    @app.get("/api/summary", summary="Totals for an overview (filtered)")
    def summary(f: Filters = Depends(filters), cur=Depends(cursor)):
        out = queries.summary(cur, f)
        row = cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        out["schema_version"] = int(row[0]) if row else None
        return json_response(out)

    @app.get("/api/facets", summary="Values present in the matching events, with counts (for filter menus)")
    def facets(f: Filters = Depends(filters), limit: int = Query(50, ge=1, le=500), cur=Depends(cursor)):
        return json_response(queries.facets(cur, f, limit=limit))

    @app.get("/api/export/{fmt}", summary="Download matching events: gdelt (61-column TSV), plover (JSONL) or csv",
             response_class=Response,
             responses={200: {"description": "the matching events as a file",
                              "content": {"text/tab-separated-values": {"schema": {"type": "string"}},
                                          "application/x-ndjson": {"schema": {"type": "string"}},
                                          "text/csv": {"schema": {"type": "string"}}}}})
    def export(fmt: Literal["gdelt", "plover", "csv"], f: Filters = Depends(filters)):
        from fastapi.responses import StreamingResponse

        media = {"gdelt": "text/tab-separated-values", "plover": "application/x-ndjson", "csv": "text/csv"}[fmt]
        name = {"gdelt": "events.gdelt.tsv", "plover": "events.plover.jsonl", "csv": "events.csv"}[fmt]
        return StreamingResponse(_export_lines(db, fmt, f), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/api/events", summary="Events: one row per article mention, or one per cross-article event (unique)")
    def events(f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset,
               sort: Literal["date", "goldstein", "confidence", "cameo", "quad_class", "published"] = "date",
               order: Literal["asc", "desc"] = "desc",
               unique: bool = Query(False, description="one row per cross-article event (its first mention)"),
               total: bool = Query(True, description="count all matches (set false for speed)"),
               cur=Depends(cursor)):
        items = _items(queries.events(cur, f, limit=limit, offset=offset, sort=sort, order=order, unique=unique, arrow=True))
        extra = {"total": queries.count_events(cur, f, unique=unique)} if total else {}
        return page(items, limit, offset, **extra)

    @app.get("/api/event_groups/{group_id}", summary="One cross-article event with all its mentions")
    def event_group(group_id: int, cur=Depends(cursor)):
        g = to_arrow(cur.execute("SELECT * FROM event_groups WHERE group_id = ?", [group_id]))
        if g.num_rows == 0:
            raise HTTPException(404, f"no event group {group_id}")
        mentions = _items(to_arrow(cur.execute(f"SELECT {queries.EVENT_COLUMNS} FROM events e WHERE e.group_id = ? "
                                      "ORDER BY e.event_date, e.article_id, e.event_idx", [group_id])))
        return json_response({**_items(g)[0], "mentions": mentions})

    @app.get("/api/articles", summary="Articles (date = published date; event filters select articles with a match)")
    def articles(f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
        return page(_items(queries.articles(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)

    @app.get("/api/articles/{article_id}", summary="One article's full contract record")
    def article(article_id: str, cur=Depends(cursor)):
        rec = queries.record(cur, article_id)
        if rec is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return json_response(rec)

    @app.get("/api/actors", summary="Actors with mentions and matching events")
    def actors(f: Filters = Depends(filters), name: str | None = Query(None, max_length=200),
               limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
        return page(_items(queries.actors(cur, f, name=name, limit=limit, offset=offset, arrow=True)), limit, offset)

    @app.get("/api/dyads", summary="Source→target pairs with counts per QuadClass and mean Goldstein")
    def dyads(f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
        return page(_items(queries.dyads(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)

    @app.get("/api/quotes", summary="Quotes (date = article date, actor/country = speaker, text = the words)")
    def quotes(f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
        return page(_items(queries.quotes(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)

    @app.get("/api/places", summary="Places with the matching events located there")
    def places(f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
        return page(_items(queries.places(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)

    @app.get("/api/trends", summary="Counts per day/week/month and key (asserted events), mean Goldstein")
    def trends(f: Filters = Depends(filters),
               by: Literal["all", "country", "source_country", "target_country", "dyad", "country_dyad", "root",
                           "plover", "quad_class"] = "all",
               interval: Literal["day", "week", "month"] = "day",
               top: int = Query(20, ge=1, le=200, description="only the keys with most events"),
               fill: bool = Query(False, description="include periods without events (zeros), ready to chart"),
               cur=Depends(cursor)):
        from eventwatch.analytics.trends import trends as run

        table = run(cur, f, by=None if by == "all" else by, interval=interval, top=top, arrow=True, fill=fill)
        return json_response({"by": by, "interval": interval, "items": _items(table)})

    @app.get("/api/alerts", summary="Early-warning alerts: days far outside their trailing baseline (docs/alerts.md)")
    def alerts(f: Filters = Depends(filters), scope: Literal["country", "dyad", "country_dyad"] = "country",
               window: int = Query(28, ge=7, le=365), z: float = Query(4.0, gt=0, le=50),
               goldstein_z: float = Query(4.0, gt=0, le=50), min_count: int = Query(3, ge=1, le=1000),
               limit: int = Limit, cur=Depends(cursor)):
        from eventwatch.analytics.alerts import AlertParams, store_alerts

        params = AlertParams(window=window, min_baseline=min(14, window), count_z=z, goldstein_z=goldstein_z,
                             min_count=min_count)
        df = store_alerts(cur, f, scope=scope, params=params)
        rows = [{k: _clean(v) for k, v in r.items()} for r in df.head(limit).to_dict(orient="records")]
        return json_response({"scope": scope, "params": params.__dict__, "total": len(df), "items": rows})

    if ingest_token:
        _add_ingest(app, db, ingest_token)
    return app


def _export_lines(db: Database, fmt: str, f: Filters):
    """Export lines from a cursor of its own (the response streams after the request's cursor is back)."""
    import io

    from eventwatch.store import exports

    cur = db.new_cursor()
    try:
        if fmt == "gdelt":
            for row in exports.gdelt_rows(cur, f):
                yield "\t".join(row) + "\n"
            return
        buf = io.StringIO()
        (exports.write_plover if fmt == "plover" else exports.write_csv)(cur, f, buf)
        yield buf.getvalue()
    finally:
        cur.close()


def _add_ingest(app: FastAPI, db: Database, token: str) -> None:
    expected = token.encode("utf-8")
    pipeline_holder: dict = {}

    def check(authorization: str | None, x_token: str | None) -> None:
        given = x_token
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not given or not hmac.compare_digest(given.encode("utf-8"), expected):
            raise HTTPException(401, "a valid ingest token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/ingest", summary="Store records (contract JSON) or process and store documents (token required)")
    async def ingest(request: Request, authorization: str | None = Header(None),
                     x_eventwatch_token: str | None = Header(None)):
        check(authorization, x_eventwatch_token)
        try:
            body = await request.json()
        except ValueError:
            raise HTTPException(400, "body must be JSON: {\"records\": [...]} or {\"documents\": [...]}") from None
        if not isinstance(body, dict) or not ({"records", "documents"} & set(body)):
            raise HTTPException(400, "body must be {\"records\": [...]} or {\"documents\": [...]}")
        items = body.get("records") or body.get("documents") or []
        if not isinstance(items, list) or len(items) > MAX_INGEST:
            raise HTTPException(400, f"a list of at most {MAX_INGEST} items is required")
        from starlette.concurrency import run_in_threadpool

        records = await run_in_threadpool(_to_records, body, items, pipeline_holder)
        n = await run_in_threadpool(db.write, records)
        return json_response({"stored": n, "ids": [r.id for r in records],
                              "errors": {r.id: [p.message for p in r.errors] for r in records if r.errors}})


def _to_records(body: dict, items: list, holder: dict):
    from eventwatch.model import Document, Record

    if "records" in body:
        try:
            return [Record.from_dict(d) for d in items]
        except (TypeError, KeyError, AttributeError) as exc:
            raise HTTPException(422, f"not a contract record: {exc}") from None
    docs = []
    for d in items:
        if not isinstance(d, dict) or not (d.get("text") or d.get("html")):
            raise HTTPException(422, "each document needs text or html")
        docs.append(Document(text=d.get("text"), html=d.get("html"), id=d.get("id"), title=d.get("title"),
                             source=d.get("source"), url=d.get("url"), published=d.get("published"),
                             location="api", kind="html" if d.get("html") else "text"))
    if "pipeline" not in holder:
        from eventwatch.pipeline import Pipeline
        from eventwatch.settings import Settings

        holder["pipeline"] = Pipeline(Settings())
    return list(holder["pipeline"].process(docs))
