"""The daily aggregates table ``event_daily``: event counts and Goldstein sums per day and key.

Trends, alert baselines and filtered totals over a year of a million events need only a few
thousand of these rows instead of a scan of the events table. One row per
(day, dim, key, quad_class, is_first, negated, hypothetical) with n_events, n_goldstein,
goldstein_sum and goldstein_sumsq (for means and standard deviations). ``dim`` names the key:

    all             key 'all'
    country         the event's country (events.country)
    member          each distinct country among the event's country, source, target and place
                    country: the rows the ``country`` filter matches (an event counts once per country)
    source_country, target_country, root, plover

Only events with an event_date and a non-null key are aggregated (as trends count them).
The writer refreshes the days its batch touched (``refresh_days``); bulk loads call ``rebuild``.
``usable(filters)`` says whether a query's filters can be answered from this table.
"""
from __future__ import annotations

from datetime import date

from eventwatch.store.filters import DAILY, EventFilter, clauses

DIMS = {
    "all": "'all'",
    "country": "e.country",
    "source_country": "e.source_country",
    "target_country": "e.target_country",
    "root": "e.root",
    "plover": "e.plover",
}
# filters the table can answer (with their columns); any other filter needs the events table
SUPPORTED_FILTERS = {"since", "until", "country", "quad_class", "negated", "hypothetical"}
# the aggregates hold the articles' news only: background events (a time before the news) are left out,
# so a filter asking for them (background=True) needs the events table

_MEASURES = """count(*) AS n_events, count(e.goldstein) AS n_goldstein, sum(e.goldstein) AS goldstein_sum,
               sum(e.goldstein * e.goldstein) AS goldstein_sumsq"""
_GROUP = "e.quad_class, coalesce(e.is_first, FALSE), coalesce(e.negated, FALSE), coalesce(e.hypothetical, FALSE)"


_NEWS = "NOT coalesce(e.background, FALSE)"


def _select(where: str) -> str:
    """SELECT of every dim's rows for the events matching ``where`` (a WHERE clause on alias e)."""
    parts = []
    for dim, expr in DIMS.items():
        parts.append(f"""
            SELECT e.event_date AS day, '{dim}' AS dim, {expr} AS key, {_GROUP}, {_MEASURES}
            FROM events e {where} AND e.event_date IS NOT NULL AND ({expr}) IS NOT NULL AND {_NEWS}
            GROUP BY ALL""")
    parts.append(f"""
        SELECT e.event_date AS day, 'member' AS dim, m.key, {_GROUP}, {_MEASURES}
        FROM events e, (SELECT DISTINCT unnest([e.country, e.source_country, e.target_country, e.place_country])
                        AS key) m
        {where} AND e.event_date IS NOT NULL AND m.key IS NOT NULL AND {_NEWS}
        GROUP BY ALL""")
    return " UNION ALL ".join(parts)


def rebuild(con) -> None:
    """Recompute the whole table (after a bulk load), sorted by dim, key and day so a query reads few row groups."""
    con.execute("DELETE FROM event_daily")
    con.execute(f"INSERT INTO event_daily SELECT * FROM ({_select('WHERE TRUE')}) ORDER BY dim, key, day")
    con.execute("DELETE FROM meta WHERE key = 'event_daily'")
    con.execute("INSERT INTO meta VALUES ('event_daily', 'current')")


def refresh_days(con, days: list) -> None:
    """Recompute the rows of the given days (the writer's batch: new and old event dates)."""
    days = sorted({d for d in days if d is not None})
    if not days:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE _days AS SELECT CAST(unnest(?::VARCHAR[]) AS DATE) AS d",
                [[str(d) for d in days]])
    con.execute("DELETE FROM event_daily WHERE day IN (SELECT d FROM _days)")
    # literal date bounds (ISO dates, validated) let the date-sorted events scan skip row groups
    lo, hi = (date.fromisoformat(str(d)[:10]).isoformat() for d in (days[0], days[-1]))
    where = f"WHERE e.event_date BETWEEN DATE '{lo}' AND DATE '{hi}' AND e.event_date IN (SELECT d FROM _days)"
    con.execute(f"INSERT INTO event_daily {_select(where)}")
    con.execute("DROP TABLE IF EXISTS _days")


def is_current(con) -> bool:
    """False when the table was never built for this file (e.g. events loaded by SQL, not rebuilt)."""
    try:
        return con.execute("SELECT count(*) FROM meta WHERE key = 'event_daily' AND value = 'current'").fetchone()[0] > 0
    except Exception:  # noqa: BLE001 - an old file without the table
        return False


def usable(f: EventFilter) -> bool:
    """True when every filter set in ``f`` is one the aggregates can answer."""
    return set(f.set_fields()) <= SUPPORTED_FILTERS


def where(f: EventFilter, dim: str, key: str | None = None, alias: str = "d") -> tuple[str, list]:
    """WHERE over event_daily for the filters ``f`` (already known ``usable``) and a dim.
    With a country filter the dim must be 'member' (and key the country)."""
    w, p = [f"{alias}.dim = ?"], [dim]
    if key is not None:
        w.append(f"{alias}.key = ?"); p.append(key)
    fw, fp = clauses(f, DAILY, alias)
    return "WHERE " + " AND ".join(w + fw), p + fp


def count(con, f: EventFilter, unique: bool = False) -> int | None:
    """The number of matching events from the aggregates, or None when they cannot answer
    (also without a date filter: events without a date count there but are not aggregated)."""
    if not (f.since or f.until) or not usable(f) or not is_current(con):
        return None
    w, p = where(f, "member" if f.country else "all", f.country if f.country else None)
    if unique:
        w += " AND d.is_first"
    return int(con.execute(f"SELECT coalesce(sum(d.n_events), 0) FROM event_daily d {w}", p).fetchone()[0])
