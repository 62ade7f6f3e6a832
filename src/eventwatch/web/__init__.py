"""The web dashboard: a static single-page app over the JSON API, served by the package.

``create_app(db_path, **kw)`` is the API app (``eventwatch.api.create_app``) with the dashboard
mounted: ``mount(app)`` serves ``static/`` at ``/static``, the app page at ``/`` (browsers; API
clients asking for JSON still get the API index), ``/timeline``, ``/map``, ``/network`` and
``/article/{id}``, adds the small UI endpoints of ``web.api`` (map grid aggregation) and sets a
Content-Security-Policy without inline scripts on every response except the API docs pages.
All views share the API's filters through the page URL's query string.
"""
from __future__ import annotations

import logging
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


def create_app(db_path: str, ingest_token: str | None = None) -> FastAPI:
    """The JSON API over ``db_path`` with the dashboard mounted at ``/``."""
    from eventwatch.api import create_app as api_app

    return mount(api_app(db_path, ingest_token=ingest_token))


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


def mount(app: FastAPI) -> FastAPI:
    """Add the dashboard (pages, static assets, UI endpoints, security headers) to an API app."""
    from eventwatch.web.api import add_routes

    api_index = _take_index(app)

    def home(request: Request):
        accept = request.headers.get("accept", "")
        if api_index is not None and "text/html" not in accept:
            return api_index()
        return _page(request)

    app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
    for path in VIEWS[1:]:
        app.add_api_route(path, _page, methods=["GET"], include_in_schema=False)
    add_routes(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith(DOCS_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
