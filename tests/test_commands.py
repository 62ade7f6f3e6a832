"""Commands that tell the truth (issue 22): each misleading answer a new user met, on real inputs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.cli import main
from eventwatch.cli import doctor


def test_doctor_says_optional_parts_are_missing_not_ok(monkeypatch, capsys):
    real = doctor._version
    monkeypatch.setattr(doctor, "_version", lambda dist: None if dist in ("ray", "playwright") else real(dist))
    rows = {what: status for what, _, status in doctor.checks()}
    assert rows["ray"] == doctor.OPTIONAL and rows["playwright"] == doctor.OPTIONAL
    assert doctor.run() == 0  # optional parts missing is no failure
    out = capsys.readouterr().out
    assert "--  ray" in out and "not installed" in out
    assert "gazetteer index" in out and "sqlite" in out  # the path the README promises


def test_doctor_fails_on_a_missing_required_part(monkeypatch):
    real = doctor._version
    monkeypatch.setattr(doctor, "_version", lambda dist: None if dist == "duckdb" else real(dist))
    assert {w: s for w, _, s in doctor.checks()}["duckdb"] == doctor.FIX
    assert doctor.run() == 1


def test_a_named_model_that_is_not_installed_is_named_in_the_error():
    from eventwatch.nlp import ModelError, load_model

    with pytest.raises(ModelError) as err:
        load_model("en_core_web_xx_not_installed")
    message = str(err.value)
    assert "'en_core_web_xx_not_installed'" in message and "not installed" in message
    assert "no English spaCy model found" not in message  # one is installed: say which
    assert "installed: en_core_web_sm" in message


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, pipeline, seed_record):
    from eventwatch.store import Store

    db = tmp_path_factory.mktemp("db") / "seed.duckdb"
    with Store(str(db)) as store:
        store.write([seed_record])
    return str(db)


def test_an_unknown_plover_type_is_rejected_with_the_choices(seed_db, capsys):
    assert main(["events", "--db", seed_db, "--plover", "ASSULT"]) == 2
    err = capsys.readouterr().err
    assert "ASSULT" in err and "ASSAULT" in err and "THREATEN" in err


def test_an_unknown_cameo_code_is_rejected(seed_db, capsys):
    assert main(["events", "--db", seed_db, "--cameo", "999"]) == 2
    assert "not a CAMEO code" in capsys.readouterr().err


def test_the_python_api_pages_past_the_request_cap(seed_db, monkeypatch):
    import eventwatch
    from eventwatch.store import queries

    monkeypatch.setattr(queries, "MAX_LIMIT", 5)  # the seed has 18 quotes: four pages
    db = eventwatch.open(seed_db)
    assert len(db.quotes(limit=5000)) == 18 and len(db.quotes(limit=None)) == 18
    assert len(db.quotes(limit=12)) == 12
    assert list(db.quotes(limit=12, offset=3)["quote_idx"]) == list(db.quotes(limit=None)["quote_idx"])[3:15]


def test_the_ingest_summary_keeps_this_run_apart_from_the_database(tmp_path, capsys):
    seed = Path(__file__).resolve().parents[1] / "src/eventwatch/examples/seed_world_warns_taliban.txt"
    db = str(tmp_path / "x.duckdb")
    assert main(["process", str(seed), "--date", "2021-08-14"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert main(["ingest", str(seed), "--date", "2021-08-14", "--db", db]) == 0
    assert main(["ingest", str(seed), "--date", "2021-08-14", "--db", db]) == 0
    err = capsys.readouterr().err.splitlines()
    run, held = err[-2], err[-1]
    assert len(record["events"]) > 20  # the seed is full of events; the summary counts this run's
    assert "this run: 1 documents read" in run and f"{len(record['events'])} events" in run
    assert "now holds 1 articles" in held  # the second run stored nothing new


def test_the_progress_total_is_known_for_files_and_lines_only(tmp_path):
    from eventwatch.ingest import expected_documents

    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n{"text": "z"}\n')
    assert expected_documents([str(tmp_path)]) == 4
    (tmp_path / "feed.xml").write_text("<rss></rss>")
    assert expected_documents([str(tmp_path)]) is None  # a feed holds an unknown number
    assert expected_documents(["-"]) is None


def test_serve_options_have_help(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "address to listen on" in out and "TCP port" in out


def test_the_demo_summary_names_every_root(seed_db):
    from eventwatch.cli.demo import summary
    from eventwatch.store import Store

    with Store(seed_db) as store:
        text = summary(store)
    line = next(l for l in text.splitlines() if l.startswith("events by CAMEO root"))
    assert "01 make public statement" in line and "13 threaten" in line
    assert "2021-08-14" in text  # dates print as dates


def test_the_demo_tells_a_city_from_its_namesake_province():
    from eventwatch.cli.demo import place_labels

    rows = [("Andijon", "UZB", "city"), ("Andijon", "UZB", "admin1"), ("Kabul", "AFG", "city"),
            ("Georgia", "GEO", "country"), ("Georgia", "USA", "admin1")]
    assert place_labels(rows) == ["Andijon (UZB, city)", "Andijon (UZB, province/state)", "Kabul (AFG)",
                                  "Georgia (GEO)", "Georgia (USA)"]
