"""The dashboard's aggregate reads: the map grid (events counted per lat/lon cell), one cell's
events and places, and the light top dyads of the network view. Results are pyarrow Tables."""
from __future__ import annotations

from eventwatch.errors import Errors, QueryError
from eventwatch.store.filters import EventFilter, and_, event_where
from eventwatch.store.queries import EVENT_COLUMNS, check_page, to_arrow

MAX_CELLS = 5000
# The grid is counted in two steps: the matching events per (cell, place), then per cell. A cell's
# places are then rows, so what they share (for its name, api/labels.cell_name: their number, countries
# and admin1 areas) costs no distinct count over all the events (on a million events, half the time).
PLACE_ROWS = """
    SELECT CAST(floor(e.lat / ?) AS INTEGER) AS gy, CAST(floor(e.lon / ?) AS INTEGER) AS gx, e.place,
           count(*) AS n, sum(e.lat) AS lat_sum, sum(e.lon) AS lon_sum, sum(e.goldstein) AS g_sum,
           count(e.goldstein) AS g_n, count(*) FILTER (WHERE e.quad_class = 4) AS n_mc,
           any_value(e.place_name) AS name, any_value(e.place_feature) AS feature,
           any_value(e.place_country) AS country, any_value(e.place_admin1) AS admin1
    FROM events e {where} GROUP BY 1, 2, 3"""
CELL_PLACES = """count(p.place) AS n_places, any_value(p.name) AS place_name, any_value(p.feature) AS place_feature,
               list(DISTINCT p.country) FILTER (WHERE p.country IS NOT NULL) AS countries,
               CASE WHEN bool_and(p.admin1 IS NOT NULL) THEN list(DISTINCT p.admin1) ELSE [] END AS admin1"""
CELL_SIZES = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


def check_cell(cell: float) -> float:
    if cell not in CELL_SIZES:
        raise QueryError(Errors.E114, choices=", ".join(map(str, CELL_SIZES)))
    return cell


def _cell_where(f: EventFilter, cell: float, gy: int | None = None, gx: int | None = None) -> tuple[str, list]:
    where, p = event_where(f)
    where = and_(where, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    if gy is not None:
        where += " AND floor(e.lat / ?) = ? AND floor(e.lon / ?) = ?"
        p += [cell, gy, cell, gx]
    return where, p


def grid(con, f: EventFilter, cell: float):
    """(cells, unplaced): the matching events per grid cell (most first, at most MAX_CELLS) and
    the number of matching events without coordinates."""
    where, p = _cell_where(f, check_cell(cell))
    table = to_arrow(con.execute(f"""
        SELECT p.gy, p.gx, CAST(sum(p.n) AS BIGINT) AS n, sum(p.lat_sum) / sum(p.n) AS lat, sum(p.lon_sum) / sum(p.n) AS lon,
               sum(p.g_sum) / nullif(sum(p.g_n), 0) AS goldstein_mean, CAST(sum(p.n_mc) AS BIGINT) AS n_material_conflict,
               {CELL_PLACES}
        FROM ({PLACE_ROWS.format(where=where)}) p
        GROUP BY 1, 2 ORDER BY n DESC LIMIT {MAX_CELLS}""", [cell, cell] + p))
    all_where, all_p = event_where(f)
    unplaced = con.execute(f"SELECT count(*) FROM events e {and_(all_where, 'e.lat IS NULL')}", all_p).fetchone()[0]
    return table, unplaced


def grid_cell(con, f: EventFilter, cell: float, gy: int, gx: int, limit: int = 50, offset: int = 0):
    """(events, total, places, shared) of one grid cell: a page of its matching events (newest first),
    their number, its 20 places with most events and what all its places share (CELL_PLACES, a dict)."""
    limit, offset = check_page(limit, offset)
    where, p = _cell_where(f, check_cell(cell), gy, gx)
    events = to_arrow(con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e {where} "
        f"ORDER BY e.event_date DESC NULLS LAST, e.article_id, e.event_idx LIMIT {limit} OFFSET {offset}", p))
    cur = con.execute(f"SELECT CAST(coalesce(sum(p.n), 0) AS BIGINT) AS total, {CELL_PLACES} FROM ({PLACE_ROWS.format(where=where)}) p",
                      [cell, cell] + p)
    shared = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    total = shared.pop("total")
    places = to_arrow(con.execute(
        f"SELECT e.place AS id, any_value(e.place_name) AS name, any_value(e.place_country) AS country, "
        f"count(*) AS n_events FROM events e {where} GROUP BY 1 ORDER BY n_events DESC, name LIMIT 20", p))
    return events, total, places, shared


def top_dyads(con, f: EventFilter, limit: int = 80):
    """Source→target pairs of the matching asserted events: count, mean Goldstein, QuadClass split.

    Unlike queries.dyads this skips the distinct count of cross-article events, which costs most
    of the time on a million events."""
    where, p = event_where(f.asserted())
    where = and_(where, "e.source IS NOT NULL AND e.target IS NOT NULL")
    return to_arrow(con.execute(f"""
        SELECT e.source, any_value(e.source_name) AS source_name, any_value(e.source_country) AS source_country,
               e.target, any_value(e.target_name) AS target_name, any_value(e.target_country) AS target_country,
               count(*) AS n_events, avg(e.goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE e.quad_class >= 3) AS n_conflict
        FROM events e {where}
        GROUP BY e.source, e.target ORDER BY n_events DESC, e.source, e.target LIMIT {int(limit)}""", p))
