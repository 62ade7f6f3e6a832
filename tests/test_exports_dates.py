"""Exports that say what they know: dates set or flagged, background left out unless asked, SOURCEURL,
SentenceID and offsets, known groups, PLOVER without a type, CSV codes as text (issue 19, item 5)."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from eventwatch.model import Actor, Event, Record
from eventwatch.store import Filters, Store, exports

TAL = Actor("group:taliban", "Taliban", "group", "AFG", ["INS"], "AFGINSTAL")
USA = Actor("USA", "United States", "country", "USA", [], "USA")
S1 = "The Taliban attacked United States troops near the airport on Monday."
S2 = "Earlier, the United States invaded the country in 2001."
S3 = "A spokesman appealed for calm."


def _record(rid, published, url=None) -> Record:
    text = f"{S1} {S2}\n\n{S3}"
    s2, s3 = text.index(S2), text.index(S3)
    tal = Actor(**{**TAL.to_dict(), "mentions": [[4, 11]]})
    usa = Actor(**{**USA.to_dict(), "mentions": [[21, 34], [s2 + 13, s2 + 26]]})
    events = [Event("group:taliban", "USA", "190", "19", "ASSAULT", 4, -10.0, [0, len(S1)], [12, 20], date=published,
                    date_precision="day" if published else None),
              Event("USA", None, "192", "19", "ASSAULT", 4, -9.5, [s2, s2 + len(S2)], [s2 + 27, s2 + 34],
                    date="2001-01-01", date_precision="year", background=True),
              Event(None, None, "020", "02", "", 1, 3.0, [s3, s3 + len(S3)], [s3 + 12, s3 + 20], date=published)]
    return Record(id=rid, text=text, published=published, url=url, source="Wire", actors=[tal, usa], events=events)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        s.write([_record("dated-1", "2021-08-16", "https://news.invalid/a"), _record("undated-1", None)])
        yield s


def _load(text, names):
    return pd.read_csv(io.StringIO(text), sep="\t", header=None, names=names, dtype=str, keep_default_na=False)


def test_gdelt_events_and_mentions_load_with_codebook_names_dates_set_or_flagged(store):
    ev, me = io.StringIO(), io.StringIO()
    exports.write_gdelt(store.con, Filters(), ev)
    exports.write_gdelt_mentions(store.con, Filters(), me)
    events, mentions = _load(ev.getvalue(), exports.gdelt_columns()), _load(me.getvalue(), exports.MENTION_COLUMNS)
    assert list(events.columns)[:2] == ["GLOBALEVENTID", "SQLDATE"] and len(events.columns) == 61
    undated_ids = set(mentions.loc[mentions["Extras"].str.contains("undated"), "GLOBALEVENTID"])
    for _, row in events.iterrows():
        assert row["SQLDATE"] or row["GLOBALEVENTID"] in undated_ids
    assert (events["SQLDATE"] == "").sum() == 2 and set(events.loc[events["SQLDATE"] != "", "SQLDATE"]) == {"20210816"}
    for _, row in mentions.iterrows():
        assert row["EventTimeDate"] or "undated" in row["Extras"]
        assert row["MentionTimeDate"] or "undated" in row["Extras"]  # never the ingest time
    # SOURCEURL and MentionIdentifier fall back to the article id alike
    assert set(events["SOURCEURL"]) == {"https://news.invalid/a", "undated-1"}
    assert set(mentions["MentionIdentifier"]) == {"https://news.invalid/a", "undated-1"}


def test_background_events_only_when_asked(store):
    news, everything = io.StringIO(), io.StringIO()
    exports.write_gdelt(store.con, Filters(), news)
    exports.write_gdelt(store.con, Filters(background=True), everything)
    codes = lambda out: sorted(r["EventCode"] for _, r in _load(out.getvalue(), exports.gdelt_columns()).iterrows())  # noqa: E731
    assert codes(news) == ["020", "020", "190", "190"]
    assert codes(everything) == ["020", "020", "190", "190", "192", "192"]


def test_mentions_carry_sentence_id_and_offsets_and_known_groups(store):
    me, ev = io.StringIO(), io.StringIO()
    exports.write_gdelt_mentions(store.con, Filters(background=True), me)
    exports.write_gdelt(store.con, Filters(cameo="190"), ev)
    m = _load(me.getvalue(), exports.MENTION_COLUMNS)
    attack = m[m["ActionCharOffset"] == "12"].iloc[0]
    assert (attack["SentenceID"], attack["Actor1CharOffset"], attack["Actor2CharOffset"]) == ("1", "4", "21")
    invaded = m[m["Extras"].str.contains("background")].iloc[0]
    assert invaded["SentenceID"] == "2" and invaded["Actor2CharOffset"] == "-1"
    appeal = m[m["Actor1CharOffset"] == "-1"].iloc[0]
    assert appeal["SentenceID"] == "3"
    e = _load(ev.getvalue(), exports.gdelt_columns()).iloc[0]
    assert (e["Actor1KnownGroupCode"], e["Actor2KnownGroupCode"]) == ("TAL", "")


def test_plover_documents_and_can_leave_out_events_without_a_type(store):
    out, typed = io.StringIO(), io.StringIO()
    exports.write_plover(store.con, Filters(), out)
    exports.write_plover(store.con, Filters(), typed, typed_only=True)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert sorted(r["event_type"] for r in rows) == ["", "", "ASSAULT", "ASSAULT"]
    assert sorted(r["undated"] for r in rows) == [False, False, True, True]
    assert all(json.loads(x)["event_type"] for x in typed.getvalue().splitlines()) and len(typed.getvalue().splitlines()) == 2


def test_csv_keeps_codes_as_text(store):
    out = io.StringIO()
    exports.write_csv(store.con, Filters(), out)
    assert ',"020","02",' in out.getvalue()  # quoted: spreadsheet importers keep quoted fields as text
    df = pd.read_csv(io.StringIO(out.getvalue()), dtype={"cameo": str, "root": str})
    assert "020" in set(df["cameo"]) and "02" in set(df["root"])


def test_counts_are_news_by_default_and_undated_counted_apart(store):
    news, everything = store.summary(), store.summary(background=True)
    assert everything["events"] - news["events"] == 2  # the two "invaded ... in 2001" mentions
    assert news["undated_events"] == 2
    trend = store.trends(by="root")
    assert int(trend["n_events"].sum()) == 2  # the dated article's news: 190 and 020; undated and background apart


def test_a_double_quote_in_a_name_does_not_merge_gdelt_rows(tmp_path):
    rec = _record("q-1", "2021-08-16")
    rec.actors[0].name = '" Taliban fighters'
    with Store(tmp_path / "q.duckdb") as s:
        s.write([rec, _record("q-2", "2021-08-17")])
        out = io.StringIO()
        n = exports.write_gdelt(s.con, Filters(), out)
    assert len(_load(out.getvalue(), exports.gdelt_columns())) == n == 3  # one attack reported twice, two appeals


def test_gdelt_files_hold_asserted_events_only_unless_asked(tmp_path):
    text = "The army did not attack the protesters in the square, a spokesman said."
    army = Actor("sector:army", "the army", "group", None, ["MIL"], "---MIL", mentions=[[0, 8]])
    crowd = Actor("sector:protesters", "the protesters", "group", None, ["OPP"], "---OPP", mentions=[[27, 41]])
    denied = Event("sector:army", "sector:protesters", "190", "19", "ASSAULT", 4, -10.0, [0, len(text)], [20, 26],
                   date="2024-03-01", date_precision="day", negated=True)
    rec = Record(id="neg-1", text=text, published="2024-03-01", source="Wire", actors=[army, crowd], events=[denied])
    with Store(tmp_path / "n.duckdb") as s:
        s.write([rec])
        asserted, negated, mentions = io.StringIO(), io.StringIO(), io.StringIO()
        assert exports.write_gdelt(s.con, Filters(), asserted) == 0  # "did not attack" is no assault row
        assert exports.write_gdelt_mentions(s.con, Filters(), mentions) == 0
        assert exports.write_gdelt(s.con, Filters(negated=True), negated) == 1  # asked for: there it is
    assert "\t190\t" in negated.getvalue()
