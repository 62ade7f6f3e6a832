"""Small JSON endpoints the dashboard needs beyond the API: server-side map aggregation.

``/api/ui/grid`` counts the matching events per lat/lon grid cell (so a million events draw as a
few thousand circles); ``/api/ui/grid/events`` pages through the events of one cell and names its
places. Both take the API's shared filters (``since``, ``country``, ``actor``, ``root``, ...).
"""
from __future__ import annotations

import math
from dataclasses import fields

from fastapi import FastAPI, Query, Request

from eventwatch.store.queries import EVENT_COLUMNS, MAX_LIMIT, Filters, QueryError, _and, event_where, to_arrow

MAX_CELLS = 5000
CELL_SIZES = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
_BOOLS = {"true": True, "1": True, "false": False, "0": False}


def filters_from(request: Request) -> Filters:
    """The shared filters from a query string (same names and checks as the API's)."""
    q = request.query_params
    kw = {}
    for f in fields(Filters):
        value = q.get(f.name)
        if value in (None, ""):
            continue
        if f.name in ("negated", "hypothetical"):
            if value.lower() not in _BOOLS:
                raise QueryError(f"{f.name}: true or false")
            kw[f.name] = _BOOLS[value.lower()]
        elif f.name == "min_confidence":
            try:
                kw[f.name] = float(value)
            except ValueError:
                raise QueryError("min_confidence: a number within 0..1") from None
        else:
            kw[f.name] = value[:200]
    return Filters(**kw)


def _rows(table) -> list[dict]:
    rows = table.to_pylist()
    for r in rows:
        for k, v in r.items():
            if isinstance(v, float) and math.isnan(v):
                r[k] = None
            elif hasattr(v, "isoformat"):
                r[k] = v.isoformat()
    return rows


def _cursor(request: Request):
    """A fresh cursor of the app's database (closed by the caller); works with the pooled Database too."""
    db = request.app.state.db
    return db.new_cursor() if hasattr(db, "new_cursor") else db.cursor()


def _cell_where(f: Filters, cell: float, gy: int | None = None, gx: int | None = None) -> tuple[str, list]:
    where, p = event_where(f)
    where = _and(where, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    if gy is not None:
        where += " AND floor(e.lat / ?) = ? AND floor(e.lon / ?) = ?"
        p += [cell, gy, cell, gx]
    return where, p


def grid(request: Request, cell: float = Query(2.0, description=f"cell size in degrees: one of {CELL_SIZES}")):
    if cell not in CELL_SIZES:
        raise QueryError(f"cell: one of {', '.join(map(str, CELL_SIZES))}")
    f = filters_from(request)
    where, p = _cell_where(f, cell)
    cur = _cursor(request)
    try:
        table = to_arrow(cur.execute(f"""
            SELECT CAST(floor(e.lat / ?) AS INTEGER) AS gy, CAST(floor(e.lon / ?) AS INTEGER) AS gx,
                   count(*) AS n, avg(e.lat) AS lat, avg(e.lon) AS lon, avg(e.goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE e.quad_class = 4) AS n_material_conflict,
                   count(DISTINCT e.place) AS n_places, any_value(e.place_name) AS place_name
            FROM events e {where}
            GROUP BY 1, 2 ORDER BY n DESC LIMIT {MAX_CELLS}""", [cell, cell] + p))
        unplaced = cur.execute(f"SELECT count(*) FROM events e {_and(event_where(f)[0], 'e.lat IS NULL')}",
                               event_where(f)[1]).fetchone()[0]
    finally:
        cur.close()
    items = _rows(table)
    return {"cell": cell, "cells": len(items), "truncated": len(items) == MAX_CELLS,
            "events": sum(i["n"] for i in items), "unplaced": unplaced, "items": items}


def grid_events(request: Request, gy: int = Query(..., ge=-1440, le=1440), gx: int = Query(..., ge=-1440, le=1440),
                cell: float = Query(2.0), limit: int = Query(50, ge=1, le=MAX_LIMIT),
                offset: int = Query(0, ge=0, le=10_000_000)):
    if cell not in CELL_SIZES:
        raise QueryError(f"cell: one of {', '.join(map(str, CELL_SIZES))}")
    f = filters_from(request)
    where, p = _cell_where(f, cell, gy, gx)
    cur = _cursor(request)
    try:
        events = _rows(to_arrow(cur.execute(
            f"SELECT {EVENT_COLUMNS} FROM events e {where} "
            f"ORDER BY e.event_date DESC NULLS LAST, e.article_id, e.event_idx LIMIT {limit} OFFSET {offset}", p)))
        total = cur.execute(f"SELECT count(*) FROM events e {where}", p).fetchone()[0]
        places = _rows(to_arrow(cur.execute(
            f"SELECT e.place AS id, any_value(e.place_name) AS name, any_value(e.place_country) AS country, "
            f"count(*) AS n_events FROM events e {where} GROUP BY 1 ORDER BY n_events DESC, name LIMIT 20", p)))
    finally:
        cur.close()
    return {"gy": gy, "gx": gx, "cell": cell, "total": total, "limit": limit, "offset": offset,
            "places": places, "items": events}


def add_routes(app: FastAPI) -> None:
    """Add the dashboard's endpoints to the app (plain routes: the API's index lists route paths)."""
    app.add_api_route("/api/ui/grid", grid, methods=["GET"], tags=["dashboard"],
                      summary="Matching events counted per lat/lon grid cell (for the map)")
    app.add_api_route("/api/ui/grid/events", grid_events, methods=["GET"], tags=["dashboard"],
                      summary="The matching events of one map grid cell, and its places")
