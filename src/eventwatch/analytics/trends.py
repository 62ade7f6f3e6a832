"""Counts per day or week, by country, dyad, CAMEO root, PLOVER type or QuadClass, with mean Goldstein.

Only asserted events count (negated and hypothetical ones are left out unless the filters ask
for them). ``n_events`` counts mentions (one per article); ``n_unique`` counts cross-article events (in the period and key of their first mention).
"""
from __future__ import annotations

from eventwatch.store.queries import Filters, QueryError, event_where, to_arrow

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
        raise QueryError(f"by: one of {', '.join(k for k in KEYS if k)}")
    return KEYS[by]


def trends(con, f: Filters, by: str | None = None, interval: str = "day", top: int | None = None,
           arrow: bool = False):
    """One row per (period, key): n_events, n_unique, per-QuadClass counts, goldstein_mean.

    ``top``: keep only the ``top`` keys with the most events over the whole range.
    """
    key = key_expr(by)
    if interval not in INTERVALS:
        raise QueryError(f"interval: one of {', '.join(INTERVALS)}")
    if top is not None and not 1 <= int(top) <= MAX_TOP:
        raise QueryError(f"top: must be within 1..{MAX_TOP}")
    where, p = event_where(f.asserted())
    where = f"{where} AND " if where else "WHERE "
    where += f"e.event_date IS NOT NULL AND ({key}) IS NOT NULL"
    top_clause, top_params = "", []
    if top:
        keys = [k for (k,) in con.execute(
            f"SELECT {key} AS key FROM events e {where} GROUP BY key ORDER BY count(*) DESC, key LIMIT {int(top)}",
            p).fetchall()]
        top_clause, top_params = "AND key IN (SELECT unnest(?::VARCHAR[]))", [keys]
    sql = f"""
        WITH base AS (SELECT {INTERVALS[interval]} AS period, {key} AS key, e.quad_class, e.goldstein, e.is_first
                      FROM events e {where})
        SELECT period, key, count(*) AS n_events, count(*) FILTER (WHERE is_first) AS n_unique,
               count(*) FILTER (WHERE quad_class = 1) AS n_verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS n_material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS n_verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS n_material_conflict,
               avg(goldstein) AS goldstein_mean
        FROM base WHERE TRUE {top_clause}
        GROUP BY period, key ORDER BY period, key
    """
    p = p + top_params
    rel = con.execute(sql, p)
    return to_arrow(rel) if arrow else rel.df()
