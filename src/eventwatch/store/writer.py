"""Writing records: one transaction per batch; an article's old rows are replaced, never duplicated.

After the rows are in, the cross-article event groups of every touched dedup key are rebuilt
(``regroup``), so the counts depend only on what is stored, never on how often it was written.
"""
from __future__ import annotations

import json
import logging
from datetime import date, datetime, timezone

import duckdb

from eventwatch.model import Record
from eventwatch.store import grouping

log = logging.getLogger(__name__)

ARTICLE_TABLES = ("articles", "article_actors", "actor_mentions", "events", "quotes", "place_mentions")
CANONICAL_TABLES = (("actors", "id"), ("places", "id"))
EVENT_CORE = ("source", "target", "cameo", "root", "plover", "quad_class", "goldstein", "date", "place",
              "negated", "hypothetical", "sentence", "trigger", "confidence", "plover_mode", "background", "date_precision",
              "source_span", "target_span")
DEDUP_KEY_POS = 42  # position of dedup_key in an events row
DATE_TOLERANCE_DAYS = grouping.DATE_TOLERANCE_DAYS


def _day(value) -> str | None:
    """A valid YYYY-MM-DD or None: one malformed date must not fail the whole batch."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        log.warning("ignoring malformed date %r", value)
        return None


def _lead_end(text: str) -> int:
    """End of the lead paragraph (first blank line), or of the first 400 characters."""
    cut = text.find("\n\n")
    return cut if cut > 0 else min(len(text), 400)


def _article_row(r: Record, d: dict, now: datetime) -> tuple:
    return (r.id, r.title, r.source, r.url, _day(r.published), r.dateline, r.text, r.tone, r.location,
            json.dumps(d["errors"]), sum(1 for e in r.errors if e.level == "error"),
            json.dumps(d, ensure_ascii=False), now, len(r.events), len(r.actors), len(r.quotes), len(r.places))


def _event_row(r: Record, i: int, e, actors: dict, places: dict, lead_end: int) -> tuple:
    ed = e.to_dict()
    extra = {k: v for k, v in ed.items() if k not in EVENT_CORE}
    s, t, p = actors.get(e.source), actors.get(e.target), places.get(e.place)
    country = (p.country if p else None) or (t.country if t else None) or (s.country if s else None)
    return (r.id, i, e.source, e.target, e.cameo, e.root, e.plover, e.quad_class, e.goldstein,
            _day(e.date), e.place, e.negated, e.hypothetical, e.sentence[0], e.sentence[1],
            e.trigger[0], e.trigger[1], e.confidence, json.dumps(extra),
            _day(e.date) or _day(r.published), _day(r.published), r.source, r.url,
            s.name if s else None, s.country if s else None, s.code if s else None, list(s.sector) if s else None,
            t.name if t else None, t.country if t else None, t.code if t else None, list(t.sector) if t else None,
            p.name if p else None, p.country if p else None, p.admin1 if p else None, p.feature if p else None,
            p.geonameid if p else None, p.lat if p else None, p.lon if p else None,
            country, r.text[e.sentence[0]:e.sentence[1]], e.plover_mode, e.sentence[0] < lead_end,
            grouping.dedup_key(e.source, e.target, e.root, e.place, e.negated, e.hypothetical, r.id, i),
            None, None, None, None, None, bool(e.background), e.date_precision,
            *_span(e.source_span, r.text), *_span(e.target_span, r.text))


def _span(span, text: str) -> tuple[int | None, int | None]:
    """(start, end) of an evidence span, or (None, None) when there is none or it does not fit the text."""
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return None, None
    return (start, end) if 0 <= start < end <= len(text) else (None, None)


def rows(records: list[Record]) -> dict[str, list[tuple]]:
    """Every table's new rows for a batch of records."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    t: dict[str, list[tuple]] = {k: [] for k in ARTICLE_TABLES + ("actors", "places")}
    for r in records:
        d = r.to_dict()
        t["articles"].append(_article_row(r, d, now))
        actors = {a.id: a for a in r.actors}
        places = {p.id: p for p in r.places}
        for a in r.actors:
            t["actors"].append((a.id, a.name, a.kind, a.country, list(a.sector), a.code, a.role, a.affiliation))
            t["article_actors"].append((r.id, a.id, a.name, a.kind, a.country, list(a.sector), a.code, a.role,
                                        len(a.mentions), a.affiliation, a.confidence))
            t["actor_mentions"].extend((r.id, a.id, s, e) for s, e in a.mentions)
        lead_end = _lead_end(r.text)
        for i, e in enumerate(r.events):
            t["events"].append(_event_row(r, i, e, actors, places, lead_end))
        for i, q in enumerate(r.quotes):
            cue = q.cue or [None, None]
            sp = actors.get(q.speaker)
            t["quotes"].append((r.id, i, q.text, q.span[0], q.span[1], q.kind, q.speaker, q.speaker_name,
                                cue[0], cue[1], _day(r.published), sp.country if sp else None))
        for p in r.places:
            t["places"].append((p.id, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature))
            t["place_mentions"].extend((r.id, p.id, s, e) for s, e in p.mentions)
    return t


def _columns(con, table: str) -> list[str]:
    return [c for (c,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() "
        "ORDER BY ordinal_position", [table]).fetchall()]


def _insert(con, table: str, data: list[tuple]) -> None:
    """Insert rows in one statement through a pandas frame (executemany runs one statement per row)."""
    if not data:
        return
    import pandas as pd

    cols = _columns(con, table)
    frame = pd.DataFrame.from_records(data, columns=cols[: len(data[0])], coerce_float=False)
    frame = frame.astype(object).where(frame.notna(), None)
    name = f"_new_{table}"
    con.register(name, frame)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM {name}")
    finally:
        con.unregister(name)


def rollback(con) -> None:
    """Roll back the open transaction, if there still is one: after a failed COMMIT (a full disk)
    DuckDB has already ended it, and a second error must not hide the first."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error as exc:
        log.debug("rollback: %s", exc)


def write(con: duckdb.DuckDBPyConnection, records: list[Record]) -> int:
    """Store a batch in one transaction: each article's old rows are replaced, never duplicated."""
    records = list({r.id: r for r in records}.values())  # the same id twice in a batch: last wins
    if not records:
        return 0
    data = rows(records)
    ids = [r.id for r in records]
    con.execute("BEGIN TRANSACTION")
    try:
        old = con.execute("SELECT DISTINCT dedup_key, event_date FROM events WHERE article_id IN (SELECT unnest(?))",
                          [ids]).fetchall()
        old_keys = [k for k, _ in old]
        for table in ARTICLE_TABLES:
            col = "id" if table == "articles" else "article_id"
            con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])
        for table, key in CANONICAL_TABLES:
            new = {row[0]: row for row in data[table]}
            if new:
                con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [list(new)])
                data[table] = list(new.values())
        data["events"].sort(key=lambda row: (row[19] or "9999", row[0], row[1]))  # by event_date: zonemaps
        for table, part in data.items():
            _insert(con, table, part)
        new_keys = {row[DEDUP_KEY_POS] for row in data["events"]}
        keys = sorted(k for k in set(old_keys) | new_keys if k is not None)
        regroup(con, keys)
        refresh_daily(con, keys, [d for _, d in old])
        con.execute("COMMIT")
    except Exception as exc:
        from eventwatch.errors import StoreError

        rollback(con)
        if isinstance(exc, duckdb.Error):  # a full disk, a damaged file: this batch is not stored, the rest stands
            raise StoreError(f"could not store a batch of {len(records)} articles ({exc}); none of them was stored, "
                             "earlier batches are kept") from None
        raise
    log.info("stored %d articles, %d events", len(records), len(data["events"]))
    return len(records)


def refresh_daily(con, keys: list[str], old_days: list) -> None:
    """Refresh the daily aggregates of every day whose events changed: the replaced rows' days and
    the days of all events sharing a touched dedup key (regrouping may move their first mention)."""
    from eventwatch.store import daily

    days = set(old_days)
    if keys:
        days |= {d for (d,) in con.execute(
            "SELECT DISTINCT event_date FROM events WHERE dedup_key IN (SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()}
    daily.refresh_days(con, list(days))


def _group_table(con, where: str) -> None:
    """The temp table ``_grouping``: each mention's group and the group's counts (store/grouping.py decides)."""
    import pandas as pd

    rows = con.execute(f"SELECT article_id, event_idx, dedup_key, event_date, sentence, outlet FROM events {where} "
                       "ORDER BY dedup_key, event_date NULLS LAST, article_id, event_idx").fetchall()
    frame = pd.DataFrame(grouping.cluster(rows), columns=["article_id", "event_idx", "gid", "first", "n_mentions",
                                                          "n_articles", "n_sources"])
    frame = frame.astype({"event_idx": "int32", "gid": "int64", "first": "bool", "n_mentions": "int32",
                          "n_articles": "int32", "n_sources": "int32"})
    con.register("_grouping_frame", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _grouping AS SELECT * FROM _grouping_frame")
    finally:
        con.unregister("_grouping_frame")


def regroup(con: duckdb.DuckDBPyConnection, keys: list[str] | None = None) -> None:
    """Rebuild the cross-article event groups of the given dedup keys (all keys when None): store/grouping.py."""
    if keys is not None and not keys:
        return
    where = ""
    if keys is not None:
        con.execute("CREATE OR REPLACE TEMP TABLE _keys AS SELECT unnest(?::VARCHAR[]) AS k", [keys])
        where = "WHERE dedup_key IN (SELECT k FROM _keys)"
    _group_table(con, where)
    con.execute("UPDATE events SET group_id = g.gid, is_first = g.first, num_mentions = g.n_mentions, "
                "num_articles = g.n_articles, num_sources = g.n_sources FROM _grouping g "
                "WHERE events.article_id = g.article_id AND events.event_idx = g.event_idx")
    if keys is None:
        con.execute("DELETE FROM event_groups")
    else:
        con.execute("DELETE FROM event_groups WHERE dedup_key IN (SELECT k FROM _keys)")
    con.execute(f"""
        INSERT INTO event_groups
        SELECT e.group_id, any_value(e.dedup_key), min(e.event_date), max(e.event_date),
               arg_min(e.article_id, (e.event_date, e.article_id, e.event_idx)),
               arg_min(e.event_idx, (e.event_date, e.article_id, e.event_idx)),
               count(*), count(DISTINCT e.article_id), count(DISTINCT coalesce(e.outlet, e.article_id)),
               avg(a.tone)
        FROM events e LEFT JOIN articles a ON a.id = e.article_id
        {where.replace('dedup_key', 'e.dedup_key')}
        GROUP BY e.group_id
    """)
    con.execute("DROP TABLE IF EXISTS _grouping")
