"""The store: contract records in an embedded DuckDB file, and the queries every view uses.

The store knows the contract record, not the stages. ``Store.write(records)`` replaces each
article's rows in one transaction per call (re-ingesting never duplicates); queries return
pandas DataFrames (or Arrow tables) for the CLI, the Python API and the REST API alike.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable

import duckdb

from eventwatch.model import Record

SCHEMA_VERSION = 1
ARTICLE_TABLES = ("articles", "article_actors", "actor_mentions", "events", "quotes", "place_mentions")


class StoreError(RuntimeError):
    pass


def _rows(records: list[Record]) -> dict[str, list[tuple]]:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    t: dict[str, list[tuple]] = {k: [] for k in ARTICLE_TABLES + ("actors", "places")}
    for r in records:
        d = r.to_dict()
        errors = [e for e in d["errors"]]
        t["articles"].append((r.id, r.title, r.source, r.url, r.published, r.dateline, r.text, r.tone,
                              r.location, json.dumps(errors), sum(1 for e in r.errors if e.level == "error"),
                              json.dumps(d, ensure_ascii=False), now))
        for a in r.actors:
            t["actors"].append((a.id, a.name, a.kind, a.country, list(a.sector), a.code, a.role))
            t["article_actors"].append((r.id, a.id, a.name, a.kind, a.country, list(a.sector), a.code, a.role, len(a.mentions)))
            t["actor_mentions"].extend((r.id, a.id, s, e) for s, e in a.mentions)
        for i, e in enumerate(r.events):
            ed = e.to_dict()
            extra = {k: v for k, v in ed.items() if k not in (
                "source", "target", "cameo", "root", "plover", "quad_class", "goldstein", "date", "place",
                "negated", "hypothetical", "sentence", "trigger", "confidence")}
            t["events"].append((r.id, i, e.source, e.target, e.cameo, e.root, e.plover, e.quad_class, e.goldstein,
                                e.date, e.place, e.negated, e.hypothetical, e.sentence[0], e.sentence[1],
                                e.trigger[0], e.trigger[1], e.confidence, json.dumps(extra)))
        for i, q in enumerate(r.quotes):
            cue = q.cue or [None, None]
            t["quotes"].append((r.id, i, q.text, q.span[0], q.span[1], q.kind, q.speaker, q.speaker_name, cue[0], cue[1]))
        for p in r.places:
            t["places"].append((p.id, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature))
            t["place_mentions"].extend((r.id, p.id, s, e) for s, e in p.mentions)
    return t


class Store:
    def __init__(self, path: str | Path = "eventwatch.duckdb", read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no such database: {self.path} (run `eventwatch ingest FILE --db {self.path}` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        if not read_only:
            self._init_schema()

    # -- schema
    def _init_schema(self) -> None:
        sql = resources.files("eventwatch.store").joinpath("schema.sql").read_text("utf-8")
        self.con.execute(sql)
        if not self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone():
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing
    def write(self, records: Iterable[Record]) -> int:
        """Store a batch in one transaction: each article's old rows are replaced, never duplicated."""
        records = list({r.id: r for r in records}.values())  # the same id twice in a batch: last wins
        if not records:
            return 0
        rows = _rows(records)
        ids = [r.id for r in records]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ARTICLE_TABLES:
                col = "id" if table == "articles" else "article_id"
                con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])
            for table, key in (("actors", "id"), ("places", "id")):
                new = {row[0]: row for row in rows[table]}
                if new:
                    con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [list(new)])
                    rows[table] = list(new.values())
            for table, data in rows.items():
                if data:
                    marks = ",".join("?" * len(data[0]))
                    con.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(records)

    # -- reading
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "actor_mentions", "events", "quotes", "places", "place_mentions")}

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def record(self, article_id: str) -> dict | None:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return json.loads(row[0]) if row else None

    def events(self, actor: str | None = None, country: str | None = None, root: str | None = None,
               since: str | None = None, until: str | None = None, text: str | None = None,
               limit: int | None = None, offset: int = 0, arrow: bool = False):
        """Events with their actors' names and countries, newest first. Filters combine with AND."""
        where, params = [], []
        if actor:
            where.append("(e.source = ? OR e.target = ? OR s.name ILIKE ? OR t.name ILIKE ?)")
            params += [actor, actor, f"%{actor}%", f"%{actor}%"]
        if country:
            c = country.upper()
            where.append("(s.country = ? OR t.country = ? OR p.country = ?)")
            params += [c, c, c]
        if root:
            where.append("e.root = ?")
            params.append(str(root).zfill(2))
        if since:
            where.append("e.date >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("e.date <= CAST(? AS DATE)")
            params.append(until)
        if text:
            where.append("substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ?")
            params.append(f"%{text}%")
        sql = f"""
            SELECT e.article_id, e.event_idx, e.date, e.source, s.name AS source_name, s.country AS source_country,
                   e.target, t.name AS target_name, t.country AS target_country, e.cameo, e.root, e.plover,
                   e.quad_class, e.goldstein, e.place, p.name AS place_name, p.country AS place_country,
                   p.lat, p.lon, e.negated, e.hypothetical, e.confidence,
                   substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
                   e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end,
                   a.title, a.source AS outlet, a.url
            FROM events e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN actors s ON s.id = e.source
            LEFT JOIN actors t ON t.id = e.target
            LEFT JOIN places p ON p.id = e.place
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY e.date DESC NULLS LAST, e.article_id, e.event_idx
            {"LIMIT " + str(int(limit)) + " OFFSET " + str(int(offset)) if limit else ""}
        """
        rel = self.con.execute(sql, params)
        return rel.fetch_arrow_table() if arrow else rel.df()
