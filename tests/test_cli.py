"""The spine end to end through the command line: records, bad input, exit codes, the store."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwatch.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures"
CHECKER = ROOT.parent / "shared" / "contract" / "check_record.py"


def run_cli(capsys, *argv) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def validate(records, schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema)
    for r in records:
        errors = sorted(validator.iter_errors(r), key=str)
        assert not errors, [e.message for e in errors]
        for part in ("actors", "places"):
            for item in r[part]:
                for s, e in item["mentions"]:
                    assert 0 <= s <= e <= len(r["text"])


def test_process_seed_is_a_valid_contract_record(capsys, seed_text, tmp_path, contract_schema):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, "utf-8")
    code, records, err = run_cli(capsys, "process", str(path), "--date", "2021-08-14")
    assert code == 0, err
    (r,) = records
    validate(records, contract_schema)
    assert r["title"] == "World warns Taliban of isolation"
    assert r["source"] == "AT News" and r["dateline"] == "KABUL" and r["published"] == "2021-08-14"
    assert r["text"].startswith("NATO, UN and Britain have warned")
    assert not r["errors"]


def test_check_record_script_accepts_the_output(tmp_path, seed_text):
    if not CHECKER.exists():
        pytest.skip("shared contract checker not present")
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "eventwatch.cli", "process", str(path), "--date", "2021-08-14"],
                          capture_output=True, text=True, check=True)
    check = subprocess.run([sys.executable, str(CHECKER)], input=proc.stdout, capture_output=True, text=True)
    assert check.returncode == 0 and "0 problems" in check.stdout, check.stdout


@pytest.fixture
def bad_folder(tmp_path, seed_text):
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "seed.txt").write_text(seed_text, "utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blob.bin").write_bytes(bytes(range(256)) * 40)
    (d / "empty.html").write_text("<html><head></head><body></body></html>", "utf-8")
    (d / "sub" / "mixed.jsonl").write_text(
        json.dumps({"id": "good-1", "title": "Talks resume", "text": "Negotiators from both parties resumed talks in Geneva on Monday, a spokesman for the mediators said."}) + "\n"
        + '{"id": "broken", "text": "unterminated\n', "utf-8")
    return d


def test_bad_inputs_in_a_folder(capsys, bad_folder, contract_schema):
    code, records, err = run_cli(capsys, "process", str(bad_folder), "--date", "2021-08-14")
    assert code == 1
    assert "Traceback" not in err
    assert len(records) == 6
    validate(records, contract_schema)
    seed = next(r for r in records if r["title"] == "World warns Taliban of isolation")
    good = next(r for r in records if r["id"] == "good-1")
    assert not seed["errors"] and seed["actors"]
    assert not good["errors"] and good["text"].startswith("Negotiators")
    bad = [r for r in records if r is not seed and r is not good]
    assert len(bad) == 4 and all(r["errors"] for r in bad)
    messages = " | ".join(e["message"] for r in bad for e in r["errors"])
    for expected in ("empty file", "binary", "no text content", "not valid JSON"):
        assert expected in messages
    assert {Path(r["location"]).name for r in records} >= {"seed.txt", "empty.txt", "blob.bin", "empty.html", "mixed.jsonl:1", "mixed.jsonl:2"}


def test_invalid_utf8_is_decoded_with_a_warning(capsys, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Ministers met in Bogot\xe1 on Friday to sign the accord, officials in both capitals said.".encode("latin-1"))
    code, (r,), err = run_cli(capsys, "process", str(p))
    assert code == 0
    assert "Bogot\ufffd" in r["text"]
    assert any(e["level"] == "warning" and "invalid UTF-8" in e["message"] for e in r["errors"])


def test_huge_text_is_cut_with_an_error(capsys, tmp_path):
    from eventwatch.settings import Settings

    para = "The committee met again on Tuesday and agreed to continue the review of the budget next month.\n\n"
    p = tmp_path / "huge.txt"
    p.write_text("Budget review continues\n\n" + para * (50_000_000 // len(para)), "utf-8")
    code, (r,), err = run_cli(capsys, "process", str(p), "-q")
    assert code == 1
    assert len(r["text"]) == Settings().max_chars
    assert any("over the limit" in e["message"] for e in r["errors"])


def test_missing_path_is_bad_usage(capsys, tmp_path):
    code = main(["process", str(tmp_path / "nope.txt")])
    assert code == 2
    assert "no such file" in capsys.readouterr().err


def test_unknown_option_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["process", "--frobnicate", "x"])
    assert exc.value.code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_gets_an_error_record(capsys, tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("text", "utf-8")
    p.chmod(0)
    code, (r,), _ = run_cli(capsys, "process", str(tmp_path))
    assert code == 1 and "cannot read" in r["errors"][0]["message"]


def test_stdin_and_gzip_inputs(tmp_path, seed_text):
    gz = tmp_path / "seed.txt.gz"
    gz.write_bytes(gzip.compress(seed_text.encode()))
    proc = subprocess.run([sys.executable, "-m", "eventwatch.cli", "process", "-", str(gz)],
                          input=seed_text, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    a, b = [json.loads(x) for x in proc.stdout.splitlines()]
    assert a["id"] == b["id"] and a["title"] == b["title"] == "World warns Taliban of isolation"


def test_ingest_twice_changes_nothing_and_events_query(capsys, bad_folder, tmp_path):
    from eventwatch.store import Store

    db = str(tmp_path / "t.duckdb")
    mine = ["scraped_wordpress.txt", "scraped_cookie_tags.txt", "plain_article.txt", "article.html", "articles.jsonl"]
    fixtures = [str(bad_folder)] + [str(FIX / name) for name in mine]
    assert main(["ingest", *fixtures, "--db", db, "-q"]) == 1
    with Store(db) as s:
        first = s.counts()
    assert main(["ingest", *fixtures, "--db", db, "-q"]) == 1
    with Store(db) as s:
        assert s.counts() == first
        assert first["articles"] == 6 + 6  # every document, failed ones included, is stored once
        rec = s.record("fixture-1")
        assert rec["title"] == "Rebels release hostages"
        assert rec["dateline"] == "MARVALE"  # the JSONL dateline field, its place only
    capsys.readouterr()
    for fmt in ("table", "csv", "jsonl"):
        assert main(["events", "--db", db, "--format", fmt]) == 0
    assert main(["events", "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "no such database" in capsys.readouterr().err


def test_matmul_option_gives_the_same_record_either_way(capsys, tmp_path):
    from eventwatch.nlp import load_model
    from eventwatch.nlp.matmul import uses_numpy_matmul

    path = tmp_path / "a.txt"
    path.write_text("Rebels attacked an army convoy near Karsk on Monday, killing two soldiers, the defence "
                    "ministry said. \"We will respond,\" General Ivo Marten told reporters in the capital.\n", "utf-8")
    code_t, thinc, _ = run_cli(capsys, "process", str(path), "--date", "2024-03-04", "--matmul", "thinc", "-q")
    assert not uses_numpy_matmul(load_model(None, fast_nlp=True, matmul="thinc"))  # the --matmul thinc model
    code_n, numpy_, _ = run_cli(capsys, "process", str(path), "--date", "2024-03-04", "-q")
    assert uses_numpy_matmul(load_model(None, fast_nlp=True, matmul="numpy"))  # the default's own model
    assert code_t == code_n == 0 and thinc == numpy_ and thinc[0]["events"] and thinc[0]["quotes"]
    with pytest.raises(SystemExit) as exc:
        main(["process", str(path), "--matmul", "gpu"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_an_unnamed_group_is_stored_and_listed_by_its_canonical_name(capsys, tmp_path):
    """Issue 18: "Police" in a Nairobi story is the actor "police (Kenya)" in the record, the store and the
    ``events`` table, not the word the article used (which stays in its mentions); words that already say
    the country ("Ugandan police") stay as written; with no country the sector alone names the group."""
    article = tmp_path / "nairobi.txt"
    article.write_text("Police arrested twelve protesters in Nairobi on Tuesday after a march against new "
                       "taxes turned violent.\n\nUgandan police detained two journalists in Kampala on Friday.\n\n"
                       "Soldiers shelled a rebel camp near the border, the force said.\n", encoding="utf-8")
    code, (record,), _ = run_cli(capsys, "process", str(article))
    assert code == 0
    actors = {a["id"]: a for a in record["actors"]}
    said = {aid: [record["text"][s:e] for s, e in a["mentions"]] for aid, a in actors.items()}
    assert actors["KEN-COP"]["name"] == "police (Kenya)" and "Police" in said["KEN-COP"]
    assert actors["UGA-COP"]["name"] == "Ugandan police"
    assert actors["---MIL"]["name"] == "armed forces" and said["---MIL"][0] == "Soldiers"
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(article), "--db", db, "-q", "--date", "2024-06-25"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "Nairobi" in line]
    assert rows and rows[0].split("  ")[1].strip() == "police (Kenya)"
