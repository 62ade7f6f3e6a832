"""Evidence and names in the store, the API and the dashboard (issue 18 item 4, issue 21 item 3).

Each event keeps the offsets of its source's and target's words in its sentence; the store keeps them
(and upgrades a file that had them only in ``events.extra``), ``/api/events`` and the article record
return them, and the reader marks them. A map cell is named by what its places share, and an unnamed
country-sector group by its sector and country. Texts are our own.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import web_records  # noqa: E402

from eventwatch.store import SCHEMA_VERSION, Store  # noqa: E402

ARREST = ("Police arrested 20 protesters in Manchester on Tuesday after a march through the city centre.\n\n"
          "The city council said it would review its plans for the weekend.")


@pytest.fixture(scope="module")
def arrest_record(pipeline):
    from eventwatch.model import Document

    return next(pipeline.process([Document(text=ARREST, id="ev-arrest", published="2026-11-03", location="test")]))


def _words(text: str, start, end) -> str | None:
    return None if start is None else text[start:end]


def test_pipeline_record_carries_the_words_that_made_the_link(arrest_record):
    rec = arrest_record
    arrest = next(e for e in rec.events if rec.text[e.trigger[0]:e.trigger[1]] == "arrested")
    assert rec.text[slice(*arrest.source_span)] == "Police"
    assert rec.text[slice(*arrest.target_span)] == "protesters"
    mentions = {a.id: a.mentions for a in rec.actors}
    for e in rec.events:  # each span is one of that side's own mentions, inside the event's sentence
        for side, span in ((e.source, e.source_span), (e.target, e.target_span)):
            if span is not None:
                assert span in mentions[side] and e.sentence[0] <= span[0] < span[1] <= e.sentence[1]


def test_store_round_trip_keeps_the_evidence_offsets(arrest_record, tmp_path):
    with Store(tmp_path / "ev.duckdb") as s:
        s.write([arrest_record])
        rows = s.con.execute("SELECT trigger_start, trigger_end, source_start, source_end, target_start, target_end "
                             "FROM events WHERE article_id = 'ev-arrest' ORDER BY event_idx").fetchall()
        stored = s.record("ev-arrest")
    assert len(rows) == len(arrest_record.events)
    for row, e in zip(rows, arrest_record.events):
        assert row == (e.trigger[0], e.trigger[1], *(e.source_span or (None, None)), *(e.target_span or (None, None)))
    text = arrest_record.text
    got = {(_words(text, r[2], r[3]), text[r[0]:r[1]], _words(text, r[4], r[5])) for r in rows}
    assert ("Police", "arrested", "protesters") in got
    assert [e["source_span"] for e in stored["events"]] == [e.source_span for e in arrest_record.events]


def test_a_version_4_file_gets_the_offsets_from_its_events_extra(tmp_path):
    path = str(tmp_path / "v4.duckdb")
    rec = web_records.protest()
    with Store(path) as s:
        s.write([rec])
    con = duckdb.connect(path)  # make it a version-4 file: the offsets only in events.extra
    for col in ("source_start", "source_end", "target_start", "target_end"):
        con.execute(f"ALTER TABLE events DROP COLUMN {col}")
    con.execute("UPDATE events SET extra = ?", [json.dumps({"source_span": rec.events[0].source_span,
                                                            "target_span": rec.events[0].target_span})])
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with Store(path, read_only=True) as s:  # read-only open upgrades first
        assert s.schema_version == SCHEMA_VERSION == 5
        ev = s.events()
    row = ev.iloc[0]
    assert rec.text[row["source_start"]:row["source_end"]] == "Kenyan police"
    assert rec.text[row["target_start"]:row["target_end"]] == "protesters"


@pytest.fixture(scope="module")
def client(tmp_path_factory, arrest_record):
    from fastapi.testclient import TestClient

    from eventwatch.web import create_app

    db = str(tmp_path_factory.mktemp("evidence") / "e.duckdb")
    with Store(db) as s:
        s.write([arrest_record, web_records.protest()] + web_records.britain())
    with TestClient(create_app(db)) as c:
        yield c


def test_api_events_and_record_return_the_offsets(client, arrest_record):
    items = client.get("/api/events", params={"limit": 100}).json()["items"]
    mine = [i for i in items if i["article_id"] == "ev-arrest"]
    text = arrest_record.text
    marked = {(_words(text, i["source_start"], i["source_end"]), text[i["trigger_start"]:i["trigger_end"]],
               _words(text, i["target_start"], i["target_end"])) for i in mine}
    assert ("Police", "arrested", "protesters") in marked
    for i in mine:  # offsets are into the article text and fall in the row's own sentence
        if i["source_start"] is not None:
            assert i["sentence_start"] <= i["source_start"] < i["source_end"] <= i["sentence_end"]
    rec = client.get("/api/articles/ev-arrest").json()
    assert [e["source_span"] for e in rec["events"]] == [e.source_span for e in arrest_record.events]


def test_reader_script_draws_source_and_target(client):
    js = client.get("/static/app.js").text
    for needle in ("ev[side + '_span']", "'data-source'", "'data-target'", "ev.source_start", "ev.target_end",
                   "focus-source", "data.name"):
        assert needle in js, needle
    css = client.get("/static/app.css").text
    assert ".ew-source" in css and ".ew-target" in css


def test_python_highlighter_marks_each_events_source_and_target():
    from eventwatch.web.render import highlight_html, segments, spans

    rec = web_records.protest()
    pieces = [(rec.text[a:b], {s.kind for s in cov}, cov) for a, b, cov in segments(rec.text, spans(rec))]
    source = next(p for p in pieces if "source" in p[1])
    target = next(p for p in pieces if "target" in p[1])
    assert source[0] == "Kenyan police" and target[0] == "protesters"
    label = next(s.label for s in source[2] if s.kind == "source")
    assert label.startswith("source of event 0 (173 ARREST): Kenyan police") and "code KENCOP" in label
    html = highlight_html(rec)
    assert 'data-source="0"' in html and 'data-target="0"' in html and 'data-trigger="0"' in html


def test_unnamed_groups_are_named_by_sector_and_country():
    from eventwatch.actors.labels import actor_label

    assert actor_label("AFG-MIL", "force") == "armed forces (Afghanistan)"
    assert actor_label("GBR-COP", "force") == "police (United Kingdom)"
    assert actor_label("---CVL", "residents") == "civilians"
    assert actor_label("AFG-CVL", "civilians in Kandahar") == "civilians (Afghanistan)"
    for aid, name in (("person:ana-lima", "Ana Lima"), ("GBR-GOV/minister", "British Prime Minister"),
                      ("KEN-POL", "Kenyan police"), ("country:AFG", "Afghanistan"), ("AFG---COP", "x"),
                      # the article's words already say the country: they stay
                      ("AFG-GOV", "Afghan government"), ("KEN-OPP", "Kenyan protesters"), ("USA-MIL", "U.S. troops"),
                      ("GBR-COP", "police in Wales"), ("CIV-GOV", "the Ivorian government")):
        assert actor_label(aid, name) == name
    codes = json.loads(__import__("eventwatch.api.routes.codes", fromlist=["code_tables"]).code_tables())
    assert codes["sectors"]["MIL"] == "armed forces" and codes["countries"]["GBR"] == "United Kingdom"
    assert "afghan" in codes["country_words"]["AFG"] and "united kingdom" in codes["country_words"]["GBR"]


def test_reader_labels_an_unnamed_group_by_sector_and_country():
    from eventwatch.web.render import highlight_html

    html = highlight_html(web_records.britain()[0])
    assert "source of event 0 (173 ARREST): police (United Kingdom) · GBR-COP" in html
    assert "actor: police (United Kingdom) (GBR-COP)" in html


def test_cell_names_say_what_the_places_share():
    from eventwatch.api.labels import cell_name

    assert cell_name(1, "Khartoum", ["SDN"], ["Khartoum"]) == "Khartoum, Sudan"
    assert cell_name(1, "United Kingdom", ["GBR"], [], "country") == "United Kingdom"
    assert cell_name(3, "Chelsea", ["GBR"], ["England"]) == "England, United Kingdom (3 places)"
    assert cell_name(4, "Chelsea", ["GBR"], []) == "United Kingdom (4 places)"
    assert cell_name(5, "Mombasa", ["TZA", "KEN"], []) == "Kenya and Tanzania (5 places)"
    assert cell_name(9, "Lille", ["FRA", "BEL", "NLD", "DEU"], []) == "4 countries (9 places)"


@pytest.mark.parametrize("cell, expected", [
    (5.0, "United Kingdom (5 places)"),            # England (with Manchester) and Wales: the country
    (1.0, "England, United Kingdom (2 places)"),   # Chelsea and London: their region
])
def test_a_map_cell_with_several_places_is_named_for_all_of_them(client, cell, expected):
    grid = client.get("/api/ui/grid", params={"cell": cell, "country": "GBR"}).json()
    top = max(grid["items"], key=lambda c: c["n_places"])
    assert top["n_places"] > 1 and top["name"] == expected
    panel = client.get("/api/ui/grid/events", params={"cell": cell, "gy": top["gy"], "gx": top["gx"]}).json()
    assert panel["name"] == expected and panel["n_places"] == top["n_places"]
    assert "Chelsea" not in panel["name"] and len(panel["places"]) == top["n_places"]


def test_a_map_cell_of_one_place_is_that_place_in_its_country(client):
    grid = client.get("/api/ui/grid", params={"cell": 1.0, "country": "GBR"}).json()
    assert "Cardiff, United Kingdom" in {c["name"] for c in grid["items"]}


def test_the_demo_summary_names_unnamed_groups_as_the_dashboard_does(tmp_path):
    from eventwatch.cli.demo import summary

    with Store(tmp_path / "uk.duckdb") as s:
        s.write(web_records.britain())
        line = next(l for l in summary(s).splitlines() if l.startswith("top actors"))
    assert "police (United Kingdom) (GBRCOP)" in line and "force (GBRCOP)" not in line
