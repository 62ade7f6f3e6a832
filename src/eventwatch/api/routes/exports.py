"""Downloads of the matching events: GDELT 2.0 TSV, PLOVER JSONL, CSV (streamed)."""
from __future__ import annotations

import io
from typing import Literal

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
def export(request: Request, fmt: Literal["gdelt", "plover", "csv"], f: EventFilter = Depends(filters)):
    return StreamingResponse(_export_lines(request.app.state.db, fmt, f), media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{NAMES[fmt]}"'})


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
