"""The API's boundary for errors: every error answers ``{"ok": false, "error", "status", "title"}``.

Coded errors (``eventwatch.errors``) carry their own code and status; FastAPI's request validation
errors answer E200 (422); other HTTP errors (unknown path, wrong method) the code of their status.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventwatch.errors import STATUS_CODES, Errors, EventwatchError, error_body


def _coded(request: Request, exc: EventwatchError) -> JSONResponse:
    return JSONResponse(error_body(exc.code, exc.status, exc.title), status_code=exc.status, headers=exc.headers)


def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    title = Errors.E200.format(message="; ".join(problems) or "invalid request")
    return JSONResponse(error_body("E200", 422, title), status_code=422)


def _http(request: Request, exc: HTTPException) -> JSONResponse:
    error = STATUS_CODES.get(exc.status_code, Errors.E299)
    if exc.status_code == 404:
        title = Errors.E201.format(path=request.url.path)
    elif exc.status_code == 405:
        title = Errors.E202.format(method=request.method, path=request.url.path)
    else:
        title = str(exc.detail)
    return JSONResponse(error_body(error.name, exc.status_code, title), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    """Map every error to the one shape."""
    app.add_exception_handler(EventwatchError, _coded)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http)
