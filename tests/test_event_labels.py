"""The hand-coded event set: notation -> offsets (scripts/labels/ingest.py) -> loader (eval/event_labels.py).

A tiny invented article in a temporary "shared" folder; no corpus text.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventwatch.eval import event_labels

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Ruritania sanctions.\n\nRiot police detained two activists in Vell. "
        "The activists had blocked a road and a bridge.")


def _ingest_module():
    spec = importlib.util.spec_from_file_location("labels_ingest", ROOT / "scripts" / "labels" / "ingest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def setup(tmp_path):
    shared = tmp_path / "shared"
    (shared / "corpora").mkdir(parents=True)
    (shared / "gold" / "events").mkdir(parents=True)
    rec = {"id": "bbc-politics-900", "title": "Invented", "category": "politics", "text": TEXT}
    (shared / "corpora" / "bbc_news_2004_2005.jsonl").write_text(json.dumps(rec) + "\n")
    codes = [{"cameo_code": c} for c in ("01", "010", "14", "144", "17", "173")]
    (shared / "gold/events/cameo_codes_reference.json").write_text(json.dumps({"codes": codes}))
    plover = [{"cameo_code": "144", "plover_event": "PROTEST"}, {"cameo_code": "173", "plover_event": "COERCE"}]
    (shared / "gold/events/cameo_to_plover_2021.jsonl").write_text("".join(json.dumps(p) + "\n" for p in plover))
    s1 = TEXT.index("Riot")
    s2 = TEXT.index("The activists")
    spans = [(0, 20), (s1, s2 - 1), (s2, len(TEXT))]
    labels = tmp_path / "labels"
    (labels / "coded").mkdir(parents=True)
    rows = [{"sid": f"bbc-politics-900:{i}", "corpus": "bbc", "doc": "bbc-politics-900", "start": s, "end": e,
             "split": "test", "chunk": "ev99"} for i, (s, e) in enumerate(spans)]
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return shared, labels, rows


def _ingest(shared, labels, rows, lines):
    mod = _ingest_module()
    path = labels / "coded" / "ev99.A.txt"
    path.write_text("\n".join(lines) + "\n")
    texts = {r["sid"]: TEXT[r["start"] : r["end"]] for r in rows}
    return mod.parse_file(path, rows, texts, mod.code_tables(shared))


GOOD = [
    "bbc-politics-900:0 -",
    "bbc-politics-900:1 173 | src: Riot police = ---COP | tgt: activists = ---OPP | trig: detained",
    "bbc-politics-900:2 144 | src: activists = ---OPP | tgt: - | trig: blocked | flags: b",
]


def test_notation_becomes_corpus_offsets_and_loader_makes_them_sentence_relative(setup):
    shared, labels, rows = setup
    coded, errors = _ingest(shared, labels, rows, GOOD)
    assert errors == []
    ev = coded["bbc-politics-900:1"][0]
    assert TEXT[ev["trigger"][0] : ev["trigger"][1]] == "detained"
    assert (ev["root"], ev["plover"], ev["source_code"]) == ("17", "COERCE", "---COP")
    with open(labels / "coded" / "ev99.A.jsonl", "w") as fh:
        for r in rows:
            fh.write(json.dumps({"sid": r["sid"], "chunk": "ev99", "coder": "A", "events": coded[r["sid"]]}) + "\n")
    got = list(event_labels.sentences(shared, labels, split="test"))
    assert [s.text for s in got] == ["Ruritania sanctions.", "Riot police detained two activists in Vell.",
                                     "The activists had blocked a road and a bridge."]
    second = got[1].events[0]
    assert got[1].text[second["source"][0] : second["source"][1]] == "Riot police"
    assert got[2].events[0]["background"] is True and got[2].events[0]["target"] is None
    assert got[0].events == [] and list(event_labels.sentences(shared, labels, split="tune")) == []


def test_errors_name_the_line_and_nothing_is_missed(setup):
    shared, labels, rows = setup
    bad = [
        "bbc-politics-900:0 010 | src: Ruritania = RUR | trig: sanctions",  # statement root
        "bbc-politics-900:1 173 | src: Army = ---MIL | trig: detained",  # span not in sentence
        "+ 173 | src: Riot police = police | trig: detained",  # bad actor code
    ]
    _, errors = _ingest(shared, labels, rows, bad)
    text = "\n".join(errors)
    assert ":1: CAMEO 010 is outside roots 02-20" in text
    assert ":2: span 'Army' not found" in text
    assert ":3: actor code 'police'" in text
    assert "sentence bbc-politics-900:2 has no line" in text


def test_second_occurrence_span(setup):
    shared, labels, rows = setup
    lines = GOOD[:2] + [
        "bbc-politics-900:2 144 | src: activists = ---OPP | trig: blocked",
        "+ 173 | src: - = ---COP | tgt: a@2 = ---CVL | trig: blocked",
    ]
    coded, errors = _ingest(shared, labels, rows, lines)
    assert errors == []
    tgt = coded["bbc-politics-900:2"][1]["target"]
    assert TEXT[tgt[0] : tgt[1]] == "a" and tgt[0] == TEXT.index("a bridge")


def test_agreement_kappa_and_root_f1():
    spec = importlib.util.spec_from_file_location("labels_agreement", ROOT / "scripts" / "labels" / "agreement.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)

    def ev(root, pos, src="GBRGOV"):
        return {"root": root, "cameo": root + "0", "trigger": [pos, pos + 3], "source_code": src, "target_code": ""}

    pairs = [([ev("17", 0), ev("11", 9)], [ev("17", 1, "GBRCOP")]), ([], []), ([], [ev("04", 2)]), ([], [])]
    got = mod.score(pairs)
    # sentences: (yes,yes) (no,no) (no,yes) (no,no): po 0.75, pe 0.25*0.5+0.75*0.5 = 0.5 -> kappa 0.5
    assert got["kappa"] == pytest.approx(0.5)
    # events A=2, B=2, one match (root 17) -> F1 0.5; its source codes differ in sector only
    assert got["root_F1"] == pytest.approx(0.5)
    assert (got["src_code"], got["src6"]) == (0.0, 0.0)


def test_training_sentences_never_hold_test_and_keep_only_the_waves_asked(setup, monkeypatch):
    shared, labels, rows = setup
    for i, r in enumerate(rows):
        r["split"], r["wave"] = ("test", 1) if i == 0 else ("tune", i)
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (labels / "coded" / "ev99.A.jsonl").write_text("".join(
        json.dumps({"sid": r["sid"], "chunk": "ev99", "coder": "A", "events": []}) + "\n" for r in rows))
    monkeypatch.setenv("EVENTWATCH_SHARED", str(shared))
    assert [s.wave for s in event_labels.training_sentences(labels=labels)] == [1, 2]
    assert [s.sid for s in event_labels.training_sentences("2", labels)] == [rows[2]["sid"]]
    assert event_labels.training_sentences("3", labels) == []
