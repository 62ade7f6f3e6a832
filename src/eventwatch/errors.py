"""The catalogue of coded errors (spaCy's E### style) and the exceptions that carry them.

Every error a user can meet through the CLI or the API has a code here, with its HTTP status and
its message template: ``raise QueryError(Errors.E101, name="since", value=v)``. The API answers
every error as ``{"ok": false, "error": "E101", "status": 400, "title": "<message>"}`` (the
mapping lives at the boundary, ``eventwatch.api.errors``); the CLI prints the message.

This module imports nothing from eventwatch: every layer may import it.
"""
from __future__ import annotations

from enum import Enum


class Errors(Enum):
    """Code -> (HTTP status, message template)."""

    # filters and parameters (store/filters.py, store/queries.py)
    E100 = (400, "{message}")
    E101 = (400, "{name}: not a date (YYYY-MM-DD): {value!r}")
    E102 = (400, "since is after until")
    E103 = (400, "country: not an ISO 3166-1 alpha-3 code: {value!r}")
    E104 = (400, "root: not a CAMEO root 01-20: {value!r}")
    E105 = (400, "cameo: not a CAMEO code: {value!r} (codes are 2-4 digits, e.g. 14, 145, 1451: see docs/coding.md)")
    E106 = (400, "plover: not a PLOVER type: {value!r}; choose one of {choices}")
    E107 = (400, "quad_class: must be 1, 2, 3 or 4")
    E108 = (400, "min_confidence: must be within 0..1")
    E109 = (400, "{name}: true or false")
    E110 = (400, "limit: must be within 1..{max}")
    E111 = (400, "offset: must be >= 0")
    E112 = (400, "sort: one of {choices}")
    E113 = (400, "order: asc or desc")
    E114 = (400, "cell: one of {choices}")
    E115 = (400, "{name}: at most {max} characters")
    E116 = (400, "unknown filter: {name}")
    E117 = (400, "give either filters= or keyword filters, not both")
    E118 = (400, "by: one of {choices}")
    E119 = (400, "interval: one of {choices}")
    E120 = (400, "scope: one of {choices}")
    E121 = (400, "top: must be within 1..{max}")
    E122 = (400, "alert window: 7..365 days, min_baseline within the window")
    E123 = (400, "alert thresholds must be positive")
    # requests (api/)
    E200 = (422, "{message}")
    E201 = (404, "not found: {path}")
    E202 = (405, "method not allowed: {method} {path}")
    E203 = (404, "no article {article_id!r}")
    E204 = (404, "no event group {group_id}")
    E205 = (401, "a valid ingest token is required")
    E206 = (400, "body must be JSON: {{\"records\": [...]}} or {{\"documents\": [...]}}")
    E207 = (400, "body must be {{\"records\": [...]}} or {{\"documents\": [...]}}")
    E208 = (400, "a list of at most {max} items is required")
    E209 = (422, "not a contract record: {reason}")
    E210 = (422, "each document needs text or html")
    E211 = (503, "the query took longer than {seconds:g} s; narrow the filters")
    E299 = (500, "{message}")
    # store (store/)
    E300 = (500, "{message}")
    E301 = (500, "cannot open database {path}: {reason}")
    E302 = (500, "no such database: {path} (run `eventwatch ingest FILE --db {path}` first)")
    E303 = (500, "{path} is open read-only")
    # command line, inputs, models, engines (their classes live beside their code and subclass EventwatchError)
    E400 = (400, "{message}")    # ingest.UsageError: a bad path or argument (CLI exit status 2)
    E401 = (500, "{message}")    # nlp.ModelError: no usable spaCy model
    E402 = (500, "{message}")    # scale.ray_runner.RayMissing: Ray is not installed
    E403 = (500, "{message}")    # events.confidence.CalibrationError: a broken confidence calibration file

    def __new__(cls, status: int, template: str):
        member = object.__new__(cls)
        member._value_ = len(cls.__members__)  # unique: codes with equal status and template stay apart
        member.status, member.template = status, template
        return member

    def format(self, **kw) -> str:
        return self.template.format(**kw)


# an HTTP status without a coded error of its own (starlette's HTTPException) -> code
STATUS_CODES = {400: Errors.E100, 404: Errors.E201, 405: Errors.E202, 422: Errors.E200}


class EventwatchError(Exception):
    """Base of every coded error. ``EventwatchError(Errors.E101, name=..., value=...)`` formats the
    template; a plain message takes the class's default code (``default``)."""

    default: Errors = Errors.E299

    def __init__(self, error: Errors | str = "", headers: dict | None = None, **kw):
        if isinstance(error, Errors):
            self.error, message = error, error.format(**kw)
        else:
            self.error, message = self.default, str(error)
        self.headers = headers
        super().__init__(message)

    @property
    def code(self) -> str:
        return self.error.name

    @property
    def status(self) -> int:
        return self.error.status

    @property
    def title(self) -> str:
        return str(self)


class QueryError(EventwatchError, ValueError):
    """A bad filter or parameter (the API answers 400)."""

    default = Errors.E100


class RequestError(EventwatchError):
    """A bad request to the API (missing resource, bad body, missing token)."""

    default = Errors.E200


class QueryTimeout(EventwatchError):
    """A request's database work ran past the app's query-time limit (503)."""

    default = Errors.E211


class StoreError(EventwatchError, RuntimeError):
    """The database cannot be opened or written."""

    default = Errors.E300


def error_body(code: str, status: int, title: str) -> dict:
    """The one error shape of the API."""
    return {"ok": False, "error": code, "status": status, "title": title}
