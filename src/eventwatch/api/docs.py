"""The API docs pages (Swagger UI at /docs, ReDoc at /redoc) and the favicon, from files in the package.

FastAPI's own pages load Swagger UI and ReDoc from a CDN; these load the copies vendored in
``api/static/`` (swagger-ui-dist 5.35.0 and redoc 3.0.1 from npm, licences beside them, provenance in
``api/static/README.md``), so the docs render with no network. Swagger UI's validator badge (an outside
request) is switched off, and the pages carry a Content-Security-Policy that lets nothing load from
elsewhere (ReDoc's sidebar logo points at cdn.redoc.ly: the browser does not fetch it).
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse

STATIC = Path(__file__).parent / "static"
ASSETS = "/docs/assets"
# name -> media type: the only files served (no directory listing, no path from the request)
FILES = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
         "redoc.standalone.js": "text/javascript", "favicon.svg": "image/svg+xml"}
CACHE = {"Cache-Control": "public, max-age=86400"}
# FastAPI's pages start the viewers with an inline script; everything else must come from this server
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _local_only(response):
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response


def asset(name: str) -> FileResponse:
    if name not in FILES:
        raise HTTPException(404, "no such docs asset")
    return FileResponse(STATIC / name, media_type=FILES[name], headers=CACHE)


def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml", headers=CACHE)


def install(app: FastAPI) -> None:
    """Serve /docs, /redoc, their assets and /favicon.ico (the app is created with docs_url=None)."""
    title = app.title

    def swagger():
        return _local_only(get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{title} — Swagger UI",
                                   swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{ASSETS}/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None}))

    def redoc():
        return _local_only(get_redoc_html(openapi_url=app.openapi_url, title=f"{title} — ReDoc",
                              redoc_js_url=f"{ASSETS}/redoc.standalone.js",
                              redoc_favicon_url=f"{ASSETS}/favicon.svg", with_google_fonts=False))

    app.add_api_route("/docs", swagger, methods=["GET"], include_in_schema=False)
    app.add_api_route("/redoc", redoc, methods=["GET"], include_in_schema=False)
    app.add_api_route(ASSETS + "/{name}", asset, methods=["GET"], include_in_schema=False)
    app.add_api_route("/favicon.ico", favicon, methods=["GET"], include_in_schema=False)
