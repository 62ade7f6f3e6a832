"""The web dashboard: a static single-page app over the JSON API, served by the package.

``create_app(db_path, **kw)`` is the API app (``eventwatch.api.create_app``) with the dashboard
mounted: ``mount(app)`` serves ``static/`` at ``/static``, the app page at ``/`` (browsers; API
clients asking for JSON still get the API index), ``/timeline``, ``/map``, ``/network`` and
``/article/{id}``, adds the small UI endpoints of ``web.api`` (map grid aggregation, light top
dyads), keeps aggregate answers in a ResponseCache (``create_app(warm=True)``, as ``eventwatch serve``
does, computes the unfiltered views' aggregates at start) and sets a Content-Security-Policy without
inline scripts on every response except the API docs pages. All views share the API's filters
through the page URL's query string.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
VIEWS = ("/", "/timeline", "/map", "/network", "/article/{article_id:path}")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PREFIXES = ("/docs", "/redoc")  # FastAPI's docs pages load their own scripts: no CSP there
# aggregate endpoints whose answers depend only on the query string and the database
CACHED = frozenset({"/api/summary", "/api/alerts", "/api/trends", "/api/dyads", "/api/actors", "/api/places",
                    "/api/ui/grid", "/api/ui/dyads"})


class ResponseCache:
    """A small LRU of aggregate GET responses (body, content type), keyed by path and sorted query.

    The server holds the database file open, so no other process writes it meanwhile; this app's own
    writes (POST /api/ingest, the ``serve --watch`` thread in web/live.py) clear the cache. A million events make alerts and top-N queries take
    seconds; a dashboard asks the same few again and again.
    """

    def __init__(self, entries: int = 256, max_body: int = 4_000_000):
        self.entries, self.max_body = entries, max_body
        self._data: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(request: Request) -> str:
        return request.url.path + "?" + "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))

    def get(self, key: str):
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: str, body: bytes, media_type: str) -> None:
        if len(body) > self.max_body:
            return
        with self._lock:
            self._data[key] = (body, media_type)
            self._data.move_to_end(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def create_app(db_path: str, ingest_token: str | None = None, warm: bool = False, cache: bool = True,
               writable: bool = False) -> FastAPI:
    """The JSON API over ``db_path`` with the dashboard mounted at ``/``.

    ``writable``: open the database for writing (``serve --watch`` polls feeds into it, web/live.py).

    ``warm``: fill the response cache with the unfiltered views' aggregates in a background thread
    (``eventwatch serve`` does, so the first visitor of a large store does not wait for them).
    ``cache``: keep aggregate answers (see ResponseCache)."""
    from eventwatch.api import create_app as api_app

    app = mount(api_app(db_path, ingest_token=ingest_token, writable=writable), cache=cache)
    if warm and cache:
        threading.Thread(target=warm_cache, args=(app,), name="eventwatch-warm", daemon=True).start()
    return app


# what the unfiltered overview, timeline, map and network ask for (app.js)
WARM_URLS = ("/api/summary", "/api/actors?limit=10", "/api/ui/dyads?limit=10", "/api/trends?interval=day",
             "/api/ui/grid?cell=5", "/api/ui/dyads?limit=80", "/api/alerts?limit=1000")


async def _asgi_get(app, path: str, query: str = "") -> tuple[int, bytes]:
    """One in-process GET through the whole ASGI app (middleware included)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost"), (b"accept", b"application/json")],
             "client": ("127.0.0.1", 0), "server": ("localhost", 80)}
    status, body = [0], []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status[0] = message["status"]
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status[0], b"".join(body)


def warm_cache(app: FastAPI) -> None:
    """Ask the app (in-process) for the unfiltered views' aggregates so they are cached."""
    import asyncio
    import json
    from datetime import date, timedelta

    async def run() -> int:
        status, body = await _asgi_get(app, "/api/summary")
        last = json.loads(body).get("last_date") if status == 200 else None
        urls = list(WARM_URLS)
        if last:
            since = (date.fromisoformat(last) - timedelta(days=6)).isoformat()
            urls.insert(1, f"/api/alerts?limit=200&since={since}")
        for url in urls:
            path, _, query = url.partition("?")
            await _asgi_get(app, path, query)
        return len(urls)

    try:
        log.info("dashboard cache warmed (%d queries)", asyncio.run(run()))
    except Exception as exc:  # never take the server down for a cache
        log.warning("dashboard cache warm-up failed: %s", exc)


def _page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


def _take_index(app: FastAPI):
    """Remove the API's own ``/`` route and return its endpoint (kept for JSON clients)."""
    keep, index = [], None
    for route in app.router.routes:
        if getattr(route, "path", None) == "/" and "GET" in (getattr(route, "methods", None) or ()):
            index = route.endpoint
        else:
            keep.append(route)
    app.router.routes[:] = keep
    return index


def mount(app: FastAPI, cache: bool = True) -> FastAPI:
    """Add the dashboard (pages, static assets, UI endpoints, security headers) to an API app.

    ``cache``: keep aggregate API answers in a ResponseCache (cleared by any write request)."""
    from eventwatch.web.api import add_routes

    api_index = _take_index(app)

    def home(request: Request):
        accept = request.headers.get("accept", "")
        if api_index is not None and "text/html" not in accept:
            return api_index(request)
        return _page(request)

    app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
    for path in VIEWS[1:]:
        app.add_api_route(path, _page, methods=["GET"], include_in_schema=False)
    add_routes(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.state.response_cache = ResponseCache() if cache else None

    @app.middleware("http")
    async def cached(request: Request, call_next):
        store = app.state.response_cache
        if store is None:
            return await call_next(request)
        if request.method != "GET":
            response = await call_next(request)
            store.clear()
            return response
        if request.url.path not in CACHED:
            return await call_next(request)
        key = store.key(request)
        hit = store.get(key)
        if hit is not None:
            return Response(hit[0], media_type=hit[1], headers={"X-Eventwatch-Cache": "hit"})
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        media_type = response.headers.get("content-type", "application/json")
        store.put(key, body, media_type)
        return Response(body, media_type=media_type, headers={"X-Eventwatch-Cache": "miss"})

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith(DOCS_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
