"""The JSON API (FastAPI): read-only views of a store, with shared filters, paging and aggregation.

``create_app(db_path, ingest_token=None)`` opens the database once (read-only unless an ingest
token is given) and gives every request its own DuckDB cursor, so concurrent requests are safe.
The routes live in ``api/routes/`` (one module per concern); what they share in ``api/common.py``;
every error answers one shape, ``{"ok": false, "error": "E###", "status": N, "title": "..."}``
(``api/errors.py``, codes in ``eventwatch.errors``). POST /api/ingest exists only when the app
is created with a token, and requires it (``Authorization: Bearer TOKEN`` or ``X-Eventwatch-Token``,
compared in constant time). OpenAPI: /openapi.json; Swagger UI at /docs and ReDoc at /redoc, offline (``api/docs.py``).
"""
from __future__ import annotations

from fastapi import FastAPI

from eventwatch import __version__
from eventwatch.api import docs, errors
from eventwatch.api.common import QUERY_SECONDS, Database, json_response
from eventwatch.api.routes import ROUTERS
from eventwatch.api.routes import ingest as ingest_routes
from eventwatch.errors import QueryTimeout

__all__ = ["create_app", "Database", "QUERY_SECONDS", "QueryTimeout", "json_response"]

DESCRIPTION = ("Who did what to whom, when and where, and who said so: events, actors, quotes and places from "
               "news, with filters shared by every endpoint. Dates are event dates (the stated date, else the "
               "article's publication date).")


def create_app(db_path: str, ingest_token: str | None = None, query_seconds: float | None = QUERY_SECONDS,
               writable: bool = False) -> FastAPI:
    """The API over the database at ``db_path`` (read-only unless ``ingest_token`` is given or
    ``writable``: ``serve --watch`` writes polled feeds through the app's own connection).

    A request's queries run on its own cursor; when they take longer than ``query_seconds`` the
    cursor is interrupted and the answer is 503 (None: no limit).
    """
    app = FastAPI(title="eventwatch API", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.db = Database(str(db_path), writable=bool(ingest_token) or writable)
    docs.install(app)  # Swagger UI and ReDoc from files in the package, no CDN
    app.state.query_seconds = query_seconds
    errors.install(app)
    for router in ROUTERS:
        _add(app, router)
    if ingest_token:
        app.state.ingest_token, app.state.pipeline_holder = ingest_token, {}
        _add(app, ingest_routes.router)
    return app


def _add(app: FastAPI, router) -> None:
    """The router's routes as the app's own (a flat route list: the index and the dashboard list
    and replace routes by path)."""
    app.router.routes.extend(router.routes)
