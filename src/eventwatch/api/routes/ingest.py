"""POST /api/ingest: store contract records, or process documents and store them (token required).

Included only when the app is created with a token (``app.state.ingest_token``), compared in
constant time (``Authorization: Bearer TOKEN`` or ``X-Eventwatch-Token``)."""
from __future__ import annotations

import hmac

from fastapi import APIRouter, Header, Request
from starlette.concurrency import run_in_threadpool

from eventwatch.api.common import json_response
from eventwatch.errors import Errors, RequestError
from eventwatch.ingest.schema import check_record, loads, to_document

router = APIRouter()
MAX_INGEST = 500


def check_token(expected: str, authorization: str | None, x_token: str | None) -> None:
    given = x_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise RequestError(Errors.E205, headers={"WWW-Authenticate": "Bearer"})


MAX_BODY = 64 * 1024 * 1024  # bytes of one ingest request (Settings.max_bytes)


async def _body(request: Request):
    """The JSON body, at most ``MAX_BODY`` bytes, parsed by the input schema's bounded parser."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise RequestError(Errors.E200, message=f"the request body is over {MAX_BODY} bytes")
        chunks.append(chunk)
    try:
        return loads(b"".join(chunks).decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        raise RequestError(Errors.E206) from None


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
    body = await _body(request)
    items = _items(body)
    if "records" in body:
        records = _records(items)
    else:
        records = await _analyse(state.pipeline_holder, [to_document(d, f"api:{i}") for i, d in enumerate(items)])
    n = await run_in_threadpool(state.db.write, records)
    return json_response({"stored": n, "ids": [r.id for r in records],
                          "errors": _messages(records, "error"), "warnings": _messages(records, "warning")})


def _messages(records: list, level: str) -> dict[str, list[str]]:
    """Each record's problems of one level ("error": the document could not be read; "warning": it was, with a
    caveat such as no publication date), by record id; records without any are left out."""
    out = {r.id: [p.message for p in r.errors if p.level == level] for r in records}
    return {k: v for k, v in out.items() if v}


def _records(items: list) -> list:
    """Contract records, each checked by the input schema (ingest/schema.py): one bad item refuses the request."""
    from eventwatch.model import Record

    out = []
    for i, d in enumerate(items):
        try:
            out.append(Record.from_dict(check_record(d)))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise RequestError(Errors.E209, reason=f"item {i}: {exc}") from None
    return out


async def _analyse(holder: dict, docs: list) -> list:
    """Documents analysed in a worker process (one, started on first use), with the CLI's limits: the
    per-document time limit works there (it needs a main thread), and the tokenizer and parser hold
    that process's GIL, not the server's, so other requests go on while it runs. A batch that outlives
    its time (``doc_seconds`` per document, plus the model's loading) or a worker that dies gives
    error records; the worker is stopped and a new one starts with the next request."""
    records = []
    for start in range(0, len(docs), ANALYSIS_BATCH):
        records.extend(await _analyse_batch(holder, docs[start:start + ANALYSIS_BATCH]))
    return records


async def _analyse_batch(holder: dict, batch: list) -> list:
    import asyncio
    from concurrent.futures.process import BrokenProcessPool

    from eventwatch.settings import Settings

    if "pool" not in holder:
        holder["pool"] = analysis_pool()
    seconds = Settings().doc_seconds * (len(batch) + 1) + MODEL_SECONDS
    try:  # submit in a thread: the first submit starts the worker process, not on the event loop
        future = await run_in_threadpool(holder["pool"].submit, analyse_batch, batch)
        return await asyncio.wait_for(asyncio.wrap_future(future), seconds)
    except (asyncio.TimeoutError, BrokenProcessPool) as exc:
        from eventwatch.scale.processes import _stop

        _stop(holder.pop("pool"))
        reason = f"took longer than {seconds:g} s" if isinstance(exc, asyncio.TimeoutError) else "stopped"
        return [_failed(doc, f"the analysis worker {reason}; the document was not analysed") for doc in batch]


def _failed(doc, message: str):
    """The error record of a document the worker could not analyse."""
    from eventwatch.model import Problem, Record, text_id

    rid = doc.id or text_id(f"{doc.location}\0{doc.url or ''}\0{doc.text or doc.html or ''}")
    return Record(id=rid, text="", title=doc.title, source=doc.source, url=doc.url, published=doc.published,
                  errors=[*doc.problems, Problem("pipeline", message)], location=doc.location)


ANALYSIS_BATCH = 32
MODEL_SECONDS = 120.0  # loading the model in a new worker


def analysis_pool():
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from eventwatch.settings import Settings

    return ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"), initializer=_init_analysis,
                               initargs=(Settings(),))


def _init_analysis(settings) -> None:
    from eventwatch.scale.processes import _init_worker

    _init_worker(settings)


def analyse_batch(batch: list) -> list:
    from eventwatch.scale.processes import _work

    return _work(batch)
