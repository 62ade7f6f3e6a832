"""The index, the overview totals and the filter menus' facets."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from eventwatch import __version__
from eventwatch.api.common import cursor, filters, json_response
from eventwatch.store import queries
from eventwatch.store.filters import EventFilter

router = APIRouter()


@router.get("/", include_in_schema=False)
def index(request: Request):
    return {"name": "eventwatch", "version": __version__, "docs": "/docs", "openapi": "/openapi.json",
            "endpoints": sorted({r.path for r in request.app.routes if r.path.startswith("/api/")})}


@router.get("/api/summary", summary="Totals for an overview (filtered)")
def summary(f: EventFilter = Depends(filters), cur=Depends(cursor)):
    out = queries.summary(cur, f)
    out["schema_version"] = queries.schema_version(cur)
    return json_response(out)


@router.get("/api/facets", summary="Values present in the matching events, with counts (for filter menus)")
def facets(f: EventFilter = Depends(filters), limit: int = Query(50, ge=1, le=500), cur=Depends(cursor)):
    return json_response(queries.facets(cur, f, limit=limit))
