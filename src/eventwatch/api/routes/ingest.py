"""POST /api/ingest: store contract records, or process documents and store them (token required).

Included only when the app is created with a token (``app.state.ingest_token``), compared in
constant time (``Authorization: Bearer TOKEN`` or ``X-Eventwatch-Token``)."""
from __future__ import annotations

import hmac

from fastapi import APIRouter, Header, Request
from starlette.concurrency import run_in_threadpool

from eventwatch.api.common import json_response
from eventwatch.errors import Errors, RequestError

router = APIRouter()
MAX_INGEST = 500


def check_token(expected: str, authorization: str | None, x_token: str | None) -> None:
    given = x_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise RequestError(Errors.E205, headers={"WWW-Authenticate": "Bearer"})


def _items(body) -> list:
    if not isinstance(body, dict) or not ({"records", "documents"} & set(body)):
        raise RequestError(Errors.E207)
    items = body.get("records") or body.get("documents") or []
    if not isinstance(items, list) or len(items) > MAX_INGEST:
        raise RequestError(Errors.E208, max=MAX_INGEST)
    return items


@router.post("/api/ingest", summary="Store records (contract JSON) or process and store documents (token required)")
async def ingest(request: Request, authorization: str | None = Header(None),
                 x_eventwatch_token: str | None = Header(None)):
    state = request.app.state
    check_token(state.ingest_token, authorization, x_eventwatch_token)
    try:
        body = await request.json()
    except ValueError:
        raise RequestError(Errors.E206) from None
    items = _items(body)
    records = await run_in_threadpool(_to_records, body, items, state.pipeline_holder)
    n = await run_in_threadpool(state.db.write, records)
    return json_response({"stored": n, "ids": [r.id for r in records],
                          "errors": {r.id: [p.message for p in r.errors] for r in records if r.errors}})


def _to_records(body: dict, items: list, holder: dict):
    from eventwatch.model import Document, Record

    if "records" in body:
        try:
            return [Record.from_dict(d) for d in items]
        except (TypeError, KeyError, AttributeError) as exc:
            raise RequestError(Errors.E209, reason=exc) from None
    docs = []
    for d in items:
        if not isinstance(d, dict) or not (d.get("text") or d.get("html")):
            raise RequestError(Errors.E210)
        docs.append(Document(text=d.get("text"), html=d.get("html"), id=d.get("id"), title=d.get("title"),
                             source=d.get("source"), url=d.get("url"), published=d.get("published"),
                             location="api", kind="html" if d.get("html") else "text"))
    if "pipeline" not in holder:
        from eventwatch.pipeline import Pipeline
        from eventwatch.settings import Settings

        holder["pipeline"] = Pipeline(Settings())
    return list(holder["pipeline"].process(docs))
