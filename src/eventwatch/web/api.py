"""Small JSON endpoints the dashboard needs beyond the API: map grid aggregation, light top dyads.

``/api/ui/grid`` counts the matching events per lat/lon grid cell (so a million events draw as a
few thousand circles); ``/api/ui/grid/events`` pages through the events of one cell and lists its
places. Both name each cell by what its places share (``name``: "United Kingdom (3 places)",
api/labels.py), never by one of its places, and take the API's shared filters (``since``,
``country``, ``actor``, ``root``, ...), read from the query string by the store's one adapter.
The queries are the store's (store/dashboard.py).
"""
from __future__ import annotations

import math

from fastapi import Depends, FastAPI, Query

from eventwatch.api.common import cursor, query_filters
from eventwatch.api.labels import cell_name
from eventwatch.store import dashboard
from eventwatch.store.dashboard import CELL_SIZES, MAX_CELLS
from eventwatch.store.filters import EventFilter
from eventwatch.store.queries import MAX_LIMIT

__all__ = ["add_routes", "CELL_SIZES", "MAX_CELLS"]


def _rows(table) -> list[dict]:
    rows = table.to_pylist()
    for r in rows:
        for k, v in r.items():
            if isinstance(v, float) and math.isnan(v):
                r[k] = None
            elif hasattr(v, "isoformat"):
                r[k] = v.isoformat()
    return rows


def _named(cell: dict) -> dict:
    """A cell (a grid row or one cell's shared facts) with its ``name``: what its places share, not one
    of them (api/labels.cell_name)."""
    cell["name"] = cell_name(cell.get("n_places") or 0, cell.get("place_name"), cell.get("countries") or [],
                             cell.get("admin1") or [], cell.get("place_feature"))
    return cell


def grid(cell: float = Query(2.0, description=f"cell size in degrees: one of {CELL_SIZES}"),
         f: EventFilter = Depends(query_filters), cur=Depends(cursor)):
    table, unplaced = dashboard.grid(cur, f, cell)
    items = [_named(c) for c in _rows(table)]
    return {"cell": cell, "cells": len(items), "truncated": len(items) == MAX_CELLS,
            "events": sum(i["n"] for i in items), "unplaced": unplaced, "items": items}


def grid_events(gy: int = Query(..., ge=-1440, le=1440), gx: int = Query(..., ge=-1440, le=1440),
                cell: float = Query(2.0), limit: int = Query(50, ge=1, le=MAX_LIMIT),
                offset: int = Query(0, ge=0, le=10_000_000), f: EventFilter = Depends(query_filters),
                cur=Depends(cursor)):
    events, total, places, shared = dashboard.grid_cell(cur, f, cell, gy, gx, limit=limit, offset=offset)
    return {"gy": gy, "gx": gx, "cell": cell, "total": total, "limit": limit, "offset": offset,
            "name": _named(shared)["name"], "n_places": shared["n_places"], "countries": shared["countries"],
            "places": _rows(places), "items": _rows(events)}


def top_dyads(limit: int = Query(80, ge=1, le=500), f: EventFilter = Depends(query_filters), cur=Depends(cursor)):
    """Source→target pairs of the matching asserted events: count, mean Goldstein, QuadClass split.

    The network and the overview need only these; unlike /api/dyads this skips the distinct count of
    cross-article events, which costs most of the time on a million events."""
    return {"limit": limit, "items": _rows(dashboard.top_dyads(cur, f, limit))}


def add_routes(app: FastAPI) -> None:
    """Add the dashboard's endpoints to the app (plain routes: the API's index lists route paths)."""
    app.add_api_route("/api/ui/grid", grid, methods=["GET"], tags=["dashboard"],
                      summary="Matching events counted per lat/lon grid cell (for the map)")
    app.add_api_route("/api/ui/grid/events", grid_events, methods=["GET"], tags=["dashboard"],
                      summary="The matching events of one map grid cell, and its places")
    app.add_api_route("/api/ui/dyads", top_dyads, methods=["GET"], tags=["dashboard"],
                      summary="Top source→target pairs (events, mean Goldstein) for the network view")
