"""The store: idempotent writes, cross-article dedup, queries with filters, exports, migrations."""
from __future__ import annotations

import io
import json

import duckdb
import pytest

import eventwatch
from eventwatch.store import SCHEMA_VERSION, Filters, QueryError, Store
from eventwatch.store import exports
from store_records import make_record
from eventwatch.analytics import alerts, trends


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "t.duckdb")
    s.write([make_record("a1", ("attack", "meet")), make_record("a2", ("attack",), source="Other Wire"),
             make_record("a3", ("attack",), published="2024-03-05"),
             make_record("a4", ("threat",), published="2024-03-20")])
    yield s
    s.close()


def test_reingest_changes_no_table(store):
    before = store.counts()
    store.write([make_record("a1", ("attack", "meet")), make_record("a2", ("attack",), source="Other Wire")])
    assert store.counts() == before
    groups = store.con.execute("SELECT group_id, num_mentions, num_articles, num_sources FROM event_groups ORDER BY 1").fetchall()
    store.write([make_record("a3", ("attack",), published="2024-03-05")])
    assert store.con.execute("SELECT group_id, num_mentions, num_articles, num_sources FROM event_groups ORDER BY 1").fetchall() == groups


def test_same_event_in_several_articles_is_one_group(store):
    row = store.con.execute("SELECT num_mentions, num_articles, num_sources, first_date, last_date FROM event_groups "
                            "WHERE dedup_key LIKE 'RUS-GOV|UKR-MIL|19|%'").fetchall()
    # a1 and a2 (two outlets) on the 4th, a3 on the 5th: within the one-day tolerance
    assert len(row) == 1
    assert row[0][:3] == (3, 3, 2)
    mentions = store.events(cameo="190")
    assert len(mentions) == 3 and mentions["group_id"].nunique() == 1
    assert len(store.events(cameo="190", unique=True)) == 1


def test_distant_dates_and_negation_make_separate_groups(tmp_path):
    with Store(tmp_path / "d.duckdb") as s:
        s.write([make_record("b1", ("attack",), published="2024-01-01"),
                 make_record("b2", ("attack",), published="2024-01-09"),
                 make_record("b3", ("attack",), published="2024-01-01", negated=True)])
        assert s.counts()["event_groups"] == 3
        # replacing b2 by a version dated next to b1 merges it into b1's group
        s.write([make_record("b2", ("attack",), published="2024-01-02")])
        assert s.counts()["event_groups"] == 2


def test_replacing_an_article_updates_group_counts(store):
    store.write([make_record("a2", ("meet",), source="Other Wire")])
    n = store.con.execute("SELECT num_articles FROM event_groups WHERE dedup_key LIKE 'RUS-GOV|UKR-MIL|19|%'").fetchone()[0]
    assert n == 2


def test_filters(store):
    assert set(store.events(country="UKR")["article_id"]) == {"a1", "a2", "a3", "a4"}
    assert list(store.events(root="04")["cameo"]) == ["040"]
    assert len(store.events(quad_class="3,4")) == 4
    assert len(store.events(since="2024-03-05", until="2024-03-05")) == 1
    assert len(store.events(text="shelled")) == 3
    assert len(store.events(actor="lima")) == 1
    assert len(store.events(outlet="Other Wire")) == 1
    assert store.events(country="FRA").empty


@pytest.mark.parametrize("kw", [{"country": "UK"}, {"root": "21"}, {"quad_class": "5"}, {"since": "2024-02-30"},
                                {"cameo": "19x"}, {"since": "2024-03-02", "until": "2024-03-01"}])
def test_bad_filters_are_refused(kw):
    with pytest.raises(QueryError):
        Filters(**kw)


def test_injection_is_only_a_value(store):
    assert store.events(actor="x' OR 1=1 --").empty
    assert store.counts()["events"] == 5


def test_python_api_returns_dataframes_and_arrow(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        s.write([make_record("c1", ("attack", "threat"))])
    db = eventwatch.open(path)
    try:
        assert len(db.events()) == 2
        assert db.events(arrow=True).num_rows == 2
        assert {"RUS-GOV", "UKR-MIL"} <= set(db.actors()["id"])
        assert db.quotes()["speaker"].tolist() == ["person:ana-lima"]
        assert trends(db, by="country")["n_events"].sum() == 2
        assert db.trends(by="country").equals(trends(db, by="country"))
        assert alerts(db).empty and db.alerts(scope="dyad").empty  # eventwatch.open: a Store with alerts
        with pytest.raises(Exception):
            db.write([make_record("c2")])
    finally:
        db.close()


def test_gdelt_rows_have_61_columns(store):
    cols = exports.gdelt_columns()
    assert len(cols) == 61 and cols[0] == "GLOBALEVENTID" and cols[-1] == "SOURCEURL"
    out = io.StringIO()
    n = exports.write_gdelt(store.con, Filters(), out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == store.counts()["event_groups"]
    for line in lines:
        cells = line.split("\t")
        assert len(cells) == 61
        row = dict(zip(cols, cells))
        assert row["SQLDATE"].startswith("2024") and len(row["SQLDATE"]) == 8
    attack = [dict(zip(cols, l.split("\t"))) for l in lines if "\t190\t" in l][0]
    assert (attack["NumArticles"], attack["NumSources"], attack["QuadClass"]) == ("3", "2", "4")
    assert attack["ActionGeo_CountryCode"] == "UP"  # FIPS code of Ukraine


def test_gdelt_mentions_and_plover(store):
    out = io.StringIO()
    assert exports.write_gdelt_mentions(store.con, Filters(), out) == 5
    assert all(len(l.split("\t")) == 16 for l in out.getvalue().splitlines())
    out = io.StringIO()
    exports.write_plover(store.con, Filters(plover="ASSAULT"), out)
    events = [json.loads(l) for l in out.getvalue().splitlines()]
    assert len(events) == 1
    e = events[0]
    assert e["event_type"] == "ASSAULT" and e["actor"]["country"] == "RUS" and e["recipient"]["country"] == "UKR"
    assert e["num_articles"] == 3 and sorted(e["story_ids"]) == ["a1", "a2", "a3"]


def test_parquet_partitioned_by_date(store, tmp_path):
    counts = exports.write_parquet(store.con, Filters(), tmp_path / "pq")
    assert counts["events"] == 5
    parts = sorted(p.name for p in (tmp_path / "pq" / "events").iterdir())
    assert parts == ["date=2024-03-04", "date=2024-03-05", "date=2024-03-20"]
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/events/*/*.parquet', hive_partitioning=true)").fetchone()[0]
    assert n == 5


V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR, value VARCHAR);
CREATE TABLE articles (id VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR, published DATE, dateline VARCHAR,
    text VARCHAR, tone DOUBLE, location VARCHAR, errors JSON, n_errors INTEGER, record JSON, ingested_at TIMESTAMP);
CREATE TABLE actors (id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR[], code VARCHAR, role VARCHAR);
CREATE TABLE article_actors (article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
    sector VARCHAR[], code VARCHAR, role VARCHAR, n_mentions INTEGER);
CREATE TABLE actor_mentions (article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER);
CREATE TABLE events (article_id VARCHAR, event_idx INTEGER, source VARCHAR, target VARCHAR, cameo VARCHAR, root VARCHAR,
    plover VARCHAR, quad_class TINYINT, goldstein DOUBLE, date DATE, place VARCHAR, negated BOOLEAN, hypothetical BOOLEAN,
    sentence_start INTEGER, sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE, extra JSON);
CREATE TABLE quotes (article_id VARCHAR, quote_idx INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, cue_start INTEGER, cue_end INTEGER);
CREATE TABLE places (id VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR, feature VARCHAR);
CREATE TABLE place_mentions (article_id VARCHAR, place_id VARCHAR, "start" INTEGER, "end" INTEGER);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def test_version_1_file_is_upgraded(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute(V1_SCHEMA)
    for rid in ("o1", "o2"):
        rec = make_record(rid, ("attack",), source=f"Outlet {rid}")
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, NULL, '[]', 0, ?, now())",
                    [rec.id, rec.title, rec.source, rec.url, rec.published, rec.text, json.dumps(rec.to_dict())])
        e = rec.events[0]
        con.execute("INSERT INTO events VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?, '{}')",
                    [rec.id, e.source, e.target, e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.date,
                     e.place, *e.sentence, *e.trigger, e.confidence])
    con.close()
    with Store(path, read_only=True) as s:  # read-only open upgrades first
        assert s.schema_version == SCHEMA_VERSION
        ev = s.events()
        assert set(ev["source_country"]) == {"RUS"} and ev["group_id"].nunique() == 1
        assert s.con.execute("SELECT num_articles FROM event_groups").fetchall() == [(2,)]


def test_cli_exports_and_bad_filters(store, tmp_path, capsys):
    from eventwatch.cli import main

    store.close()
    db = str(store.path)
    assert main(["events", "--db", db, "--format", "gdelt"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(len(l.split("\t")) == 61 for l in lines)
    assert main(["events", "--db", db, "--format", "table", "--country", "UKR"]) == 0
    out = capsys.readouterr().out
    assert "2024-03-20" in out and "Kyiv" in out
    assert main(["trends", "--db", db, "--by", "dyad", "--format", "csv"]) == 0
    assert "RUS-GOV>UKR-MIL" in capsys.readouterr().out
    assert main(["alerts", "--db", db]) == 0
    assert main(["events", "--db", db, "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "pq" / "events").is_dir()
    assert main(["events", "--db", db, "--country", "UK"]) == 2
    assert main(["events", "--db", db, "--format", "parquet"]) == 2


def test_malformed_dates_do_not_fail_the_batch(tmp_path):
    bad = make_record("m1", ("attack",), published="2024-02-30")
    bad.events[0].date = "sometime"
    with Store(tmp_path / "m.duckdb") as s:
        assert s.write([bad, make_record("m2", ("meet",))]) == 2
        assert s.counts()["events"] == 2
        assert s.events(article_id="m1")["date"].isna().all()


def test_optimize_keeps_rows_and_sorts_by_date(tmp_path):
    with Store(tmp_path / "o.duckdb") as s:
        s.write([make_record("o3", ("attack",), published="2024-05-01"), make_record("o1", ("meet",), published="2024-01-01")])
        s.write([make_record("o2", ("threat",), published="2024-03-01")])
        before = s.counts()
        s.optimize()
        assert s.counts() == before
        dates = [d for (d,) in s.con.execute("SELECT event_date FROM events").fetchall()]
        assert dates == sorted(dates)
        assert len(s.events(since="2024-02-01")) == 2


def _trends_both_ways(s, **kw):
    """trends() from the daily aggregates and from the events table (aggregates marked stale)."""
    fast = trends(s, **kw)
    s.con.execute("UPDATE meta SET value = 'stale' WHERE key = 'event_daily'")
    try:
        slow = trends(s, **kw)
    finally:
        s.con.execute("UPDATE meta SET value = 'current' WHERE key = 'event_daily'")
    return fast, slow


def test_daily_aggregates_follow_writes_and_match_the_events_table(tmp_path):
    with Store(tmp_path / "d.duckdb") as s:
        s.write([make_record("a1", ("attack", "meet", "threat"), published="2024-03-04"),
                 make_record("a2", ("attack",), published="2024-03-05", source="Other Paper"),
                 make_record("a3", ("attack",), published="2024-03-09", negated=True),
                 make_record("a4", ("threat",), published=None)])  # undated: in totals, not in trends
        # re-ingest one article on another day: its old day must be refreshed too
        s.write([make_record("a1", ("meet",), published="2024-03-07")])
        for kw in ({}, {"by": "country"}, {"by": "root", "interval": "week"}, {"by": "quad_class"},
                   {"country": "UKR"}, {"country": "RUS", "since": "2024-03-05"}, {"by": "country", "top": 1},
                   {"negated": True}, {"fill": True, "since": "2024-03-01", "until": "2024-03-10"}):
            fast, slow = _trends_both_ways(s, **kw)
            assert fast.drop(columns="goldstein_mean").equals(slow.drop(columns="goldstein_mean")), kw
            assert fast["goldstein_mean"].round(9).equals(slow["goldstein_mean"].round(9)), kw
        # totals from the aggregates equal a count over the events table
        for kw in ({}, {"country": "UKR"}, {"since": "2024-03-06"}, {"negated": False},
                   {"country": "RUS", "until": "2024-03-08"}, {"since": "2024-03-01", "quad_class": "4"}):
            assert len(s.events(limit=1000, **kw)) == eventwatch.store.queries.count_events(s.con, Filters(**kw))
        assert trends(s, actor="nobody").empty  # a filter the aggregates cannot answer: events table


def _cli_events(db, capsys, *options) -> list[dict]:
    from eventwatch.cli import main

    assert main(["events", "--db", db, "--format", "jsonl", *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_cli_takes_every_filter_the_api_takes(store, capsys):
    """source, target, negated, hypothetical and min_confidence reach the CLI through the one adapter."""
    from eventwatch.cli import main

    store.close()
    db = str(store.path)
    everything = _cli_events(db, capsys)
    assert len(everything) == 5
    by_source = _cli_events(db, capsys, "--source", "person:ana-lima")
    assert [e["cameo"] for e in by_source] == ["040"]
    assert {e["target"] for e in _cli_events(db, capsys, "--target", "UKR-MIL")} == {"UKR-MIL"}
    assert len(_cli_events(db, capsys, "--target", "UKR-MIL")) == 4
    assert _cli_events(db, capsys, "--negated", "true") == []
    assert len(_cli_events(db, capsys, "--negated", "false", "--hypothetical", "false")) == 5
    assert _cli_events(db, capsys, "--min-confidence", "0.9") == []
    assert len(_cli_events(db, capsys, "--min-confidence", "0.5")) == 5
    assert main(["events", "--db", db, "--negated", "perhaps"]) == 2
    assert "negated: true or false" in capsys.readouterr().err
    assert main(["events", "--db", db, "--min-confidence", "7"]) == 2


def test_one_adapter_reads_query_strings_and_options_alike():
    from eventwatch.errors import QueryError
    from eventwatch.store.filters import EventFilter, event_where, parse_filters

    f = parse_filters({"country": "ukr", "root": "14,19", "negated": "false", "min_confidence": "0.5", "limit": "9"})
    assert f == EventFilter(country="UKR", root=("14", "19"), negated=False, min_confidence=0.5)
    assert parse_filters({"root": ["14", "19"], "negated": False}) == EventFilter(root="14,19", negated=False)
    where, params = event_where(f)
    assert where.count("?") == len(params) == 4 + 1 + 1 + 1
    with pytest.raises(QueryError) as exc:
        parse_filters({"hypothetical": "maybe"})
    assert exc.value.code == "E109" and exc.value.status == 400
    with pytest.raises(QueryError) as exc:
        parse_filters({"actor": "x" * 201})
    assert exc.value.code == "E115"
