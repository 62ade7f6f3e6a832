"""Read queries shared by the Python API, the CLI and the REST API.

Every query takes a DuckDB connection (or cursor) and a ``Filters``; every value reaches SQL as a
parameter. Column and sort names come only from the whitelists below. Results are pandas
DataFrames (``arrow=True``: pyarrow Tables).
"""
from __future__ import annotations

import json
import warnings
from datetime import date, timedelta

import duckdb

from eventwatch.errors import Errors, QueryError
from eventwatch.store import daily
from eventwatch.store.filters import ARTICLE_EVENT_FILTERS, ARTICLES, QUOTES, EventFilter, Filters, where
from eventwatch.store.filters import and_ as _and
from eventwatch.store.filters import event_where

__all__ = ["EventFilter", "Filters", "QueryError", "event_where", "MAX_LIMIT", "EVENT_COLUMNS", "to_arrow"]

MAX_LIMIT = 1000

def check_page(limit: int | None, offset: int | None) -> tuple[int, int]:
    """(limit, offset) of one page, checked: 1..MAX_LIMIT rows from offset >= 0."""
    limit = 100 if limit is None else int(limit)
    offset = 0 if offset is None else int(offset)
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(Errors.E110, max=MAX_LIMIT)
    if offset < 0:
        raise QueryError(Errors.E111)
    return limit, offset


def to_arrow(rel):
    """The result as a pyarrow Table (DuckDB 2 names it to_arrow_table, 1.x fetch_arrow_table)."""
    fetch = getattr(rel, "to_arrow_table", None) or rel.fetch_arrow_table
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "extra copy" notice: pages are small
        return fetch()


def _out(rel, arrow: bool):
    return to_arrow(rel) if arrow else rel.df()


EVENT_COLUMNS = """e.article_id, e.event_idx, e.group_id, e.is_first, e.event_date AS date, e.date AS stated_date,
    e.source, e.source_name, e.source_country, e.target, e.target_name, e.target_country,
    e.cameo, e.root, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.place, e.place_name, e.place_country,
    e.lat, e.lon, e.country, e.negated, e.hypothetical, e.confidence, e.sentence,
    e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.published, e.outlet, e.url,
    e.num_mentions, e.num_articles, e.num_sources, e.source_start, e.source_end, e.target_start, e.target_end"""
EVENT_SORTS = {"date": "e.event_date", "goldstein": "e.goldstein", "confidence": "e.confidence",
               "cameo": "e.cameo", "quad_class": "e.quad_class", "published": "e.published"}


def _order(sort: str, order: str, sorts: dict[str, str]) -> str:
    if sort not in sorts:
        raise QueryError(Errors.E112, choices=", ".join(sorts))
    if order not in ("asc", "desc"):
        raise QueryError(Errors.E113)
    return f"{sorts[sort]} {order.upper()} NULLS LAST"


def events(con, f: Filters, limit: int | None = 100, offset: int = 0, sort: str = "date",
           order: str = "desc", unique: bool = False, arrow: bool = False):
    """Event mentions (one per article; ``unique``: one per cross-article event), with group counts.

    Two steps in one read snapshot: the page's row ids from the few filter and sort columns, then
    the full rows of those ids (a top-N over wide rows is far slower than over narrow ones).
    """
    limit, offset = check_page(limit, offset)
    where, p = event_where(f)
    if unique:
        where = _and(where, "e.is_first")
    order_by = f"{_order(sort, order, EVENT_SORTS)}, e.rowid {order.upper()}"  # rowid: cheap, stable tie-break
    own = _begin(con)
    try:
        ids = _page_ids(con, f, where, p, order_by, limit, offset, sort, order)
        # the BETWEEN lets DuckDB skip the row groups outside the page before the IN test
        # (list_contains: no hash join to plan and build for a hundred ids)
        rel = con.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.rowid BETWEEN ? AND ? "
                          f"AND list_contains(?::BIGINT[], e.rowid) ORDER BY {order_by}",
                          [min(ids, default=0), max(ids, default=-1), ids])
        return _out(rel, arrow)
    finally:
        if own:
            con.execute("COMMIT")


FIRST_WINDOW_DAYS = 14  # date-sorted pages look at this many days at the near end of the range first


def _page_ids(con, f: Filters, where: str, p: list, order_by: str, limit: int, offset: int, sort: str,
              order: str) -> list[int]:
    """Row ids of one page. Sorted by date, the page is first sought in the last (desc) or first (asc)
    FIRST_WINDOW_DAYS of the date range: if that window alone holds the whole page, no row outside
    it could rank higher, and the date-sorted table lets DuckDB skip the rest of the range."""
    sql = f"SELECT e.rowid FROM events e {where} ORDER BY {order_by} LIMIT {limit} OFFSET {offset}"
    edge = f.until if order == "desc" else f.since
    if sort == "date" and edge and offset + limit <= 1000:
        step = timedelta(days=FIRST_WINDOW_DAYS - 1)
        near = date.fromisoformat(edge)
        far = (near - step if order == "desc" else near + step).isoformat()
        other = f.since if order == "desc" else f.until
        if other is None or (far > other if order == "desc" else far < other):
            bound = "e.event_date >= CAST(? AS DATE)" if order == "desc" else "e.event_date <= CAST(? AS DATE)"
            ids = [r[0] for r in con.execute(
                f"SELECT e.rowid FROM events e {_and(where, bound)} ORDER BY {order_by} LIMIT {limit + offset}",
                p + [far]).fetchall()]
            if len(ids) == limit + offset:
                return ids[offset:]
    return [r[0] for r in con.execute(sql, p).fetchall()]


def _begin(con) -> bool:
    """Start a read transaction unless one is open (so both steps see one snapshot)."""
    try:
        con.execute("BEGIN TRANSACTION")
        return True
    except duckdb.Error:  # already in a transaction
        return False


def all_events(con, f: Filters, unique: bool = False, arrow: bool = False):
    """Every matching event (no paging) for exports, oldest first."""
    where, p = event_where(f)
    if unique:
        where = _and(where, "e.is_first")
    sql = f"""SELECT {EVENT_COLUMNS} FROM events e {where}
              ORDER BY e.event_date NULLS LAST, e.article_id, e.event_idx"""
    return _out(con.execute(sql, p), arrow)


def count_events(con, f: Filters, unique: bool = False) -> int:
    """The number of matching events: from the daily aggregates when the filters allow (dates,
    country, QuadClass, flags), else counted in the events table."""
    n = daily.count(con, f, unique=unique)
    if n is not None:
        return n
    where, p = event_where(f)
    if unique:
        where = _and(where, "e.is_first")
    return con.execute(f"SELECT count(*) FROM events e {where}", p).fetchone()[0]


def dyads(con, f: Filters, limit: int | None = 100, offset: int = 0, arrow: bool = False):
    """Source→target pairs of the matching (asserted) events, most events first."""
    limit, offset = check_page(limit, offset)
    where, p = event_where(f.asserted())
    where = _and(where, "e.source IS NOT NULL AND e.target IS NOT NULL")
    sql = f"""
        WITH d AS (
            SELECT e.source, e.target, count(*) AS n_events, CAST(count_if(e.is_first) AS BIGINT) AS n_unique_events,
                   CAST(count_if(e.quad_class = 1) AS BIGINT) AS n_verbal_coop,
                   CAST(count_if(e.quad_class = 2) AS BIGINT) AS n_material_coop,
                   CAST(count_if(e.quad_class = 3) AS BIGINT) AS n_verbal_conflict,
                   CAST(count_if(e.quad_class = 4) AS BIGINT) AS n_material_conflict,
                   avg(e.goldstein) AS goldstein_mean, min(e.event_date) AS first_date, max(e.event_date) AS last_date
            FROM events e {where}
            GROUP BY e.source, e.target
            ORDER BY n_events DESC, e.source, e.target
            LIMIT {limit} OFFSET {offset})
        SELECT d.source, s.name AS source_name, s.country AS source_country,
               d.target, t.name AS target_name, t.country AS target_country, d.* EXCLUDE (source, target)
        FROM d LEFT JOIN actors s ON s.id = d.source LEFT JOIN actors t ON t.id = d.target
        ORDER BY d.n_events DESC, d.source, d.target
    """
    return _out(con.execute(sql, p), arrow)


def actors(con, f: Filters, name: str | None = None, limit: int | None = 100, offset: int = 0, arrow: bool = False):
    """Actors with their mentions and the matching events they take part in (as source or target)."""
    limit, offset = check_page(limit, offset)
    where, p = event_where(f)
    filtered = not f.is_empty()
    name_clause = ""
    if name:
        name_clause = "AND (a.name ILIKE ? OR a.id = ?)"
    sql = f"""
        WITH ev AS (
            SELECT actor, count(*) AS n_events, count(*) FILTER (WHERE is_source) AS n_as_source,
                   count(*) FILTER (WHERE NOT is_source) AS n_as_target, avg(goldstein) AS goldstein_mean,
                   max(event_date) AS last_event
            FROM (SELECT e.source AS actor, TRUE AS is_source, e.goldstein, e.event_date FROM events e {where}
                  UNION ALL
                  SELECT e.target, FALSE, e.goldstein, e.event_date FROM events e {where})
            WHERE actor IS NOT NULL GROUP BY actor),
        men AS (SELECT actor_id, count(DISTINCT article_id) AS n_articles, CAST(sum(n_mentions) AS BIGINT) AS n_mentions
                FROM article_actors GROUP BY actor_id)
        SELECT a.id, a.name, a.kind, a.country, a.sector, a.code, a.role,
               coalesce(men.n_articles, 0) AS n_articles, coalesce(men.n_mentions, 0) AS n_mentions,
               coalesce(ev.n_events, 0) AS n_events, coalesce(ev.n_as_source, 0) AS n_as_source,
               coalesce(ev.n_as_target, 0) AS n_as_target, ev.goldstein_mean, ev.last_event
        FROM actors a {"JOIN" if filtered else "LEFT JOIN"} ev ON ev.actor = a.id
        LEFT JOIN men ON men.actor_id = a.id
        WHERE TRUE {name_clause}
        ORDER BY n_events DESC, n_mentions DESC, a.name
        LIMIT {limit} OFFSET {offset}
    """
    params = p + p + ([f"%{name}%", name] if name else [])
    return _out(con.execute(sql, params), arrow)


def places(con, f: Filters, limit: int | None = 100, offset: int = 0, arrow: bool = False):
    """Places with the matching events located there (for maps)."""
    limit, offset = check_page(limit, offset)
    where, p = event_where(f)
    filtered = not f.is_empty()
    sql = f"""
        WITH ev AS (SELECT e.place, count(*) AS n_events,
                           count(*) FILTER (WHERE e.quad_class = 4) AS n_material_conflict,
                           avg(e.goldstein) AS goldstein_mean, max(e.event_date) AS last_event
                    FROM events e {_and(where, 'e.place IS NOT NULL')} GROUP BY e.place),
             men AS (SELECT place_id, count(DISTINCT article_id) AS n_articles FROM place_mentions GROUP BY place_id)
        SELECT pl.id, pl.name, pl.geonameid, pl.lat, pl.lon, pl.country, pl.admin1, pl.feature,
               coalesce(men.n_articles, 0) AS n_articles, coalesce(ev.n_events, 0) AS n_events,
               coalesce(ev.n_material_conflict, 0) AS n_material_conflict, ev.goldstein_mean, ev.last_event
        FROM places pl {"JOIN" if filtered else "LEFT JOIN"} ev ON ev.place = pl.id
        LEFT JOIN men ON men.place_id = pl.id
        ORDER BY n_events DESC, n_articles DESC, pl.name
        LIMIT {limit} OFFSET {offset}
    """
    return _out(con.execute(sql, p), arrow)


def quotes(con, f: Filters, limit: int | None = 100, offset: int = 0, arrow: bool = False):
    """Quotes: date range on the article's date, actor = speaker, country = speaker's, text = the words."""
    limit, offset = check_page(limit, offset)
    where_sql, p = where(f, QUOTES, "q")
    sql = f"""
        SELECT q.article_id, q.quote_idx, q.published AS date, q.speaker, q.speaker_name, q.speaker_country,
               q.kind, q.text, q.span_start, q.span_end, q.cue_start, q.cue_end, a.title, a.source AS outlet, a.url
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {where_sql}
        ORDER BY q.published DESC NULLS LAST, q.article_id, q.quote_idx
        LIMIT {limit} OFFSET {offset}
    """
    return _out(con.execute(sql, p), arrow)


def articles(con, f: Filters, limit: int | None = 100, offset: int = 0, arrow: bool = False):
    """Articles: date range on the published date, text in title or body; event filters select
    the articles that have a matching event."""
    limit, offset = check_page(limit, offset)
    ev = EventFilter(**{k: v for k, v in f.set_fields().items() if k in ARTICLE_EVENT_FILTERS})
    extra: tuple[list[str], list] = ([], [])
    if not ev.is_empty():
        ew, ep = event_where(ev)
        extra = ([f"a.id IN (SELECT e.article_id FROM events e {ew})"], ep)
    where_sql, p = where(f, ARTICLES, "a", extra)
    sql = f"""
        SELECT a.id, a.title, a.source AS outlet, a.url, a.published, a.dateline, a.tone, a.n_errors,
               a.n_events, a.n_actors, a.n_quotes, a.n_places, length(a.text) AS n_chars, a.ingested_at
        FROM articles a {where_sql}
        ORDER BY a.published DESC NULLS LAST, a.id
        LIMIT {limit} OFFSET {offset}
    """
    return _out(con.execute(sql, p), arrow)


def schema_version(con) -> int | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def event_group(con, group_id: int):
    """(group, mentions) of one cross-article event as pyarrow Tables, or None when there is none."""
    g = to_arrow(con.execute("SELECT * FROM event_groups WHERE group_id = ?", [group_id]))
    if g.num_rows == 0:
        return None
    mentions = to_arrow(con.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.group_id = ? "
                                    "ORDER BY e.event_date, e.article_id, e.event_idx", [group_id]))
    return g, mentions


def record(con, article_id: str) -> dict | None:
    row = con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
    return json.loads(row[0]) if row else None


def summary(con, f: Filters) -> dict:
    """Totals for an overview: counts, date range, QuadClass split, top countries/roots/dyads."""
    where, p = event_where(f)
    row = con.execute(f"""
        SELECT count(*), count_if(e.is_first), approx_count_distinct(e.article_id),
               min(e.event_date), max(e.event_date), avg(e.goldstein), count_if(e.negated), count_if(e.hypothetical),
               count_if(e.event_date IS NULL)
        FROM events e {where}""", p).fetchone()
    n = [int(x or 0) for x in row[:3]] + [int(row[6] or 0), int(row[7] or 0), int(row[8] or 0)]  # no rows: NULL
    out = {"events": n[0], "unique_events": n[1], "articles_with_events": n[2],  # approximate (HLL)
           "first_date": row[3].isoformat() if row[3] else None, "last_date": row[4].isoformat() if row[4] else None,
           "goldstein_mean": row[5], "negated": n[3], "hypothetical": n[4],
           "undated_events": n[5]}  # events with no date (undated articles): in the totals, on no timeline
    out["by_quad_class"] = {str(q): n for q, n in con.execute(
        f"SELECT e.quad_class, count(*) FROM events e {where} GROUP BY 1 ORDER BY 1", p).fetchall()}
    out["top_countries"] = [{"country": c, "events": n} for c, n in con.execute(
        f"SELECT e.country, count(*) n FROM events e {_and(where, 'e.country IS NOT NULL')} "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", p).fetchall()]
    out["top_roots"] = [{"root": r, "events": n} for r, n in con.execute(
        f"SELECT e.root, count(*) n FROM events e {where} GROUP BY 1 ORDER BY n DESC, 1 LIMIT 20", p).fetchall()]
    totals = con.execute("""SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors),
                                   (SELECT count(*) FROM quotes), (SELECT count(*) FROM places)""").fetchone()
    out["store"] = dict(zip(("articles", "actors", "quotes", "places"), totals))
    return out


def facets(con, f: Filters, limit: int = 50) -> dict:
    """Values present in the matching events, with counts: for filter menus (countries, roots, ...)."""
    where, p = event_where(f)
    out = {}
    for name, expr in (("country", "e.country"), ("root", "e.root"), ("plover", "e.plover"),
                       ("quad_class", "CAST(e.quad_class AS VARCHAR)"), ("outlet", "e.outlet"),
                       ("source_country", "e.source_country"), ("target_country", "e.target_country")):
        rows = con.execute(f"SELECT {expr} AS v, count(*) AS n FROM events e {_and(where, expr + ' IS NOT NULL')} "
                           f"GROUP BY v ORDER BY n DESC, v LIMIT {int(limit)}", p).fetchall()
        out[name] = [{"value": v, "events": n} for v, n in rows]
    lo, hi = con.execute(f"SELECT min(e.event_date), max(e.event_date) FROM events e {where}", p).fetchone()
    out["dates"] = {"first": lo.isoformat() if lo else None, "last": hi.isoformat() if hi else None}
    return out
