"""Downloads of the matching events: GDELT 2.0 TSV, PLOVER JSONL, CSV (streamed)."""
from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from typing import AsyncIterator, Iterator, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from eventwatch.api.common import Database, filters
from eventwatch.store import exports
from eventwatch.store.filters import EventFilter

router = APIRouter()

MEDIA = {"gdelt": "text/tab-separated-values", "plover": "application/x-ndjson", "csv": "text/csv"}
NAMES = {"gdelt": "events.gdelt.tsv", "plover": "events.plover.jsonl", "csv": "events.csv"}


@router.get("/api/export/{fmt}", summary="Download matching events: gdelt (61-column TSV), plover (JSONL) or csv",
            response_class=Response,
            responses={200: {"description": "the matching events as a file",
                             "content": {"text/tab-separated-values": {"schema": {"type": "string"}},
                                         "application/x-ndjson": {"schema": {"type": "string"}},
                                         "text/csv": {"schema": {"type": "string"}}}}})
async def export(request: Request, fmt: Literal["gdelt", "plover", "csv"], f: EventFilter = Depends(filters)):
    return StreamingResponse(_streamed(_export_lines(request.app.state.db, fmt, f)), media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{NAMES[fmt]}"'})


# Exports run on a thread of their own, EXPORT_THREADS at once (more wait their turn without
# holding a thread): a slow export never takes the request threads other endpoints need.
EXPORT_THREADS = 1
CHUNK_CHARS = 1 << 16
_EXPORTS = ThreadPoolExecutor(max_workers=EXPORT_THREADS, thread_name_prefix="eventwatch-export")


def _next_chunk(lines: Iterator[str]) -> str | None:
    """The next ~64 KB of an export (None at its end)."""
    parts, size = [], 0
    for line in lines:
        parts.append(line)
        size += len(line)
        if size >= CHUNK_CHARS:
            break
    return "".join(parts) or None


async def _streamed(lines: Iterator[str]) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    try:
        while (chunk := await loop.run_in_executor(_EXPORTS, _next_chunk, lines)) is not None:
            yield chunk
    finally:
        await loop.run_in_executor(_EXPORTS, lines.close)


def _export_lines(db: Database, fmt: str, f: EventFilter):
    """Export lines from a cursor of its own (the response streams after the request's cursor is back)."""
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
