"""Counts per day or week, by country, dyad, CAMEO root, PLOVER type or QuadClass, with mean Goldstein;
and the daily series per country or dyad that the early-warning alerts test (eventwatch.analytics.alerts).
These are reads of the store (its SQL); the statistics live in analytics.

Only asserted events count (negated and hypothetical ones are left out unless the filters ask
for them). ``n_events`` counts mentions (one per article); ``n_unique`` counts cross-article events (in the period and key of their first mention).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd

from eventwatch.errors import Errors, QueryError
from eventwatch.store import daily
from eventwatch.store.filters import EventFilter, coerce, event_where
from eventwatch.store.queries import to_arrow

KEYS = {
    None: "'all'",
    "all": "'all'",
    "country": "e.country",
    "source_country": "e.source_country",
    "target_country": "e.target_country",
    "dyad": "e.source || '>' || e.target",
    "country_dyad": "e.source_country || '>' || e.target_country",
    "root": "e.root",
    "plover": "e.plover",
    "quad_class": "CAST(e.quad_class AS VARCHAR)",
}
INTERVALS = {"day": "e.event_date", "week": "CAST(date_trunc('week', e.event_date) AS DATE)",
             "month": "CAST(date_trunc('month', e.event_date) AS DATE)"}
MAX_TOP = 200


def key_expr(by: str | None) -> str:
    if by not in KEYS:
        raise QueryError(Errors.E118, choices=", ".join(k for k in KEYS if k))
    return KEYS[by]


STEPS = {"day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY", "month": "INTERVAL 1 MONTH"}
MAX_FILLED = 200_000  # rows a filled result may have


def trends(con, f: EventFilter | None = None, by: str | None = None, interval: str = "day", top: int | None = None,
           arrow: bool = False, fill: bool = False, **kw):
    """One row per (period, key): n_events, n_unique, per-QuadClass counts, goldstein_mean.

    ``con``: a Store, a DuckDB connection or cursor; ``f``: an EventFilter, or keyword filters.

    ``top``: keep only the ``top`` keys with the most events over the whole range.
    ``fill``: also the periods without events (zero counts, null mean), from ``since`` (else the
    first event) to ``until`` (else the last), for every key — ready to chart.
    """
    con, f = getattr(con, "con", con), coerce(f, kw)
    key = key_expr(by)
    if interval not in INTERVALS:
        raise QueryError(Errors.E119, choices=", ".join(INTERVALS))
    if top is not None and not 1 <= int(top) <= MAX_TOP:
        raise QueryError(Errors.E121, max=MAX_TOP)
    fast = _from_daily(con, f, by, interval, top)
    if fast is not None:
        sql, p = fast
        if fill:
            sql, p = _filled(sql, p, f, interval)
        rel = con.execute(sql, p)
        return to_arrow(rel) if arrow else rel.df()
    where, p = event_where(f.asserted())
    where = f"{where} AND " if where else "WHERE "
    where += f"e.event_date IS NOT NULL AND ({key}) IS NOT NULL"
    top_clause, top_params = "", []
    if top and by not in (None, "all"):
        keys = [k for (k,) in con.execute(
            f"SELECT {key} AS key FROM events e {where} GROUP BY key ORDER BY count(*) DESC, key LIMIT {int(top)}",
            p).fetchall()]
        top_clause, top_params = f"AND ({key}) IN (SELECT unnest(?::VARCHAR[]))", [keys]
    sql = f"""
        SELECT {INTERVALS[interval]} AS period, {key} AS key, count(*) AS n_events,
               CAST(count_if(e.is_first) AS BIGINT) AS n_unique,
               CAST(count_if(e.quad_class = 1) AS BIGINT) AS n_verbal_coop,
               CAST(count_if(e.quad_class = 2) AS BIGINT) AS n_material_coop,
               CAST(count_if(e.quad_class = 3) AS BIGINT) AS n_verbal_conflict,
               CAST(count_if(e.quad_class = 4) AS BIGINT) AS n_material_conflict,
               avg(e.goldstein) AS goldstein_mean
        FROM events e {where} {top_clause}
        GROUP BY ALL ORDER BY period, key
    """
    p = p + top_params
    if fill:
        sql, p = _filled(sql, p, f, interval)
    rel = con.execute(sql, p)
    return to_arrow(rel) if arrow else rel.df()


# by -> the event_daily dim holding that key (quad_class: the 'all' rows carry it)
DAILY_DIMS = {None: "all", "all": "all", "country": "country", "source_country": "source_country",
              "target_country": "target_country", "root": "root", "plover": "plover", "quad_class": "all"}
DAILY_PERIODS = {"day": "d.day", "week": "CAST(date_trunc('week', d.day) AS DATE)",
                 "month": "CAST(date_trunc('month', d.day) AS DATE)"}


def _from_daily(con, f: EventFilter, by: str | None, interval: str, top: int | None) -> tuple[str, list] | None:
    """The trends query over the daily aggregates (same columns and order), or None when the
    filters or the key need the events table (store/daily.py)."""
    if by not in DAILY_DIMS or not daily.usable(f) or not daily.is_current(con):
        return None
    g = f.asserted()
    if g.country:
        if by not in (None, "all"):
            return None  # a country filter matches several columns: only the 'member' rows know it
        where, p = daily.where(g, "member", g.country)
        key = "'all'"
    else:
        where, p = daily.where(g, DAILY_DIMS[by])
        key = "CAST(d.quad_class AS VARCHAR)" if by == "quad_class" else "d.key"
    if by == "quad_class":
        where += " AND d.quad_class IS NOT NULL"
    top_clause, top_params = "", []
    if top and by not in (None, "all"):
        keys = [k for (k,) in con.execute(
            # positions, not 'key': in event_daily that name is a column, not the alias (by=quad_class)
            f"SELECT {key} AS key FROM event_daily d {where} GROUP BY 1 ORDER BY sum(d.n_events) DESC, 1 "
            f"LIMIT {int(top)}", p).fetchall()]
        top_clause, top_params = f"AND ({key}) IN (SELECT unnest(?::VARCHAR[]))", [keys]
    sql = f"""
        SELECT {DAILY_PERIODS[interval]} AS period, {key} AS key, CAST(sum(d.n_events) AS BIGINT) AS n_events,
               CAST(coalesce(sum(d.n_events) FILTER (WHERE d.is_first), 0) AS BIGINT) AS n_unique,
               CAST(coalesce(sum(d.n_events) FILTER (WHERE d.quad_class = 1), 0) AS BIGINT) AS n_verbal_coop,
               CAST(coalesce(sum(d.n_events) FILTER (WHERE d.quad_class = 2), 0) AS BIGINT) AS n_material_coop,
               CAST(coalesce(sum(d.n_events) FILTER (WHERE d.quad_class = 3), 0) AS BIGINT) AS n_verbal_conflict,
               CAST(coalesce(sum(d.n_events) FILTER (WHERE d.quad_class = 4), 0) AS BIGINT) AS n_material_conflict,
               sum(d.goldstein_sum) / nullif(sum(d.n_goldstein), 0) AS goldstein_mean
        FROM event_daily d {where} {top_clause}
        GROUP BY ALL ORDER BY period, key
    """
    return sql, p + top_params


def _filled(sql: str, p: list, f: EventFilter, interval: str) -> tuple[str, list]:
    """Wrap the aggregate so every (period, key) in the range appears, zero when empty."""
    trunc = "day" if interval == "day" else interval
    lo = "CAST(? AS DATE)" if f.since else "(SELECT min(period) FROM agg)"
    hi = "CAST(? AS DATE)" if f.until else "(SELECT max(period) FROM agg)"
    params = list(p) + ([f.since] if f.since else []) + ([f.until] if f.until else [])
    wrapped = f"""
        WITH agg AS ({sql.replace("ORDER BY period, key", "")}),
        periods AS (SELECT CAST(unnest(generate_series(CAST(date_trunc('{trunc}', {lo}) AS TIMESTAMP),
                                                        CAST({hi} AS TIMESTAMP), {STEPS[interval]})) AS DATE) AS period),
        keys AS (SELECT DISTINCT key FROM agg),
        grid AS (SELECT * FROM periods CROSS JOIN keys LIMIT {MAX_FILLED})
        SELECT grid.period, grid.key, coalesce(n_events, 0) AS n_events, coalesce(n_unique, 0) AS n_unique,
               coalesce(n_verbal_coop, 0) AS n_verbal_coop, coalesce(n_material_coop, 0) AS n_material_coop,
               coalesce(n_verbal_conflict, 0) AS n_verbal_conflict,
               coalesce(n_material_conflict, 0) AS n_material_conflict, goldstein_mean
        FROM grid LEFT JOIN agg USING (period, key)
        ORDER BY grid.period, grid.key
    """
    return wrapped, params


# ------------------------------------------------------------------ the alerts' daily series
SCOPES = {
    "country": "e.country",
    "dyad": "e.source || '>' || e.target",
    "country_dyad": "e.source_country || '>' || e.target_country",
}
# only keys that could alert: a day with min_count material-conflict events, or enough busy days
_COULD_ALERT = """
        WINDOW k AS (PARTITION BY key)
        QUALIFY max(n_material_conflict) OVER k >= ? OR count_if(n_events >= ?) OVER k > ?
        ORDER BY key, day"""


def daily_series(con, f: EventFilter, scope: str, lookback_days: int, min_count: int = 3, min_events: int = 3,
                 min_goldstein_days: int = 7) -> pd.DataFrame:
    """Unique asserted events per day and key (day, key, n_events, n_material_conflict,
    goldstein_mean, goldstein_sd), from ``lookback_days`` before ``f.since``; only the keys with a
    day of ``min_count`` material-conflict events or more than ``min_goldstein_days`` days of
    ``min_events`` events."""
    if scope not in SCOPES:
        raise QueryError(Errors.E120, choices=", ".join(SCOPES))
    since = f.since
    if since:
        since = (date.fromisoformat(since) - timedelta(days=lookback_days)).isoformat()
    g = replace(f, since=since).asserted()
    keep = [min_count, min_events, min_goldstein_days]
    fast = _series_from_aggregates(con, g, scope, keep)
    if fast is not None:
        return fast
    where, params = event_where(g)
    key = SCOPES[scope]
    where = (f"{where} AND " if where else "WHERE ") + f"e.is_first AND e.event_date IS NOT NULL AND ({key}) IS NOT NULL"
    return con.execute(f"""
        SELECT * FROM (
            SELECT e.event_date AS day, {key} AS key, count(*) AS n_events,
                   count(*) FILTER (WHERE e.quad_class = 4) AS n_material_conflict,
                   avg(e.goldstein) AS goldstein_mean, stddev_samp(e.goldstein) AS goldstein_sd
            FROM events e {where} GROUP BY 1, 2)
        {_COULD_ALERT}""", params + keep).df()


def _series_from_aggregates(con, g: EventFilter, scope: str, keep: list) -> pd.DataFrame | None:
    """daily_series's rows from the event_daily aggregates (scope country, filters they can answer),
    or None. The standard deviation comes from the sums: sqrt((sumsq - sum^2/n) / (n - 1))."""
    if scope != "country" or g.country or not daily.usable(g) or not daily.is_current(con):
        return None
    where, params = daily.where(g, "country")
    return con.execute(f"""
        SELECT * FROM (
            SELECT d.day, d.key, CAST(sum(d.n_events) AS BIGINT) AS n_events,
                   CAST(coalesce(sum(d.n_events) FILTER (WHERE d.quad_class = 4), 0) AS BIGINT) AS n_material_conflict,
                   sum(d.goldstein_sum) / nullif(sum(d.n_goldstein), 0) AS goldstein_mean,
                   CASE WHEN sum(d.n_goldstein) > 1 THEN sqrt(greatest(0, (sum(d.goldstein_sumsq)
                        - sum(d.goldstein_sum) ^ 2 / sum(d.n_goldstein)) / (sum(d.n_goldstein) - 1))) END AS goldstein_sd
            FROM event_daily d {where} AND d.is_first GROUP BY 1, 2)
        {_COULD_ALERT}""", params + keep).df()
