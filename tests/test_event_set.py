"""The event-set scorer (eval/event_set.py): alignment, matching, and the pipeline scored on an invented article."""
from __future__ import annotations

import json

from eventwatch.eval import event_set
from eventwatch.eval.event_labels import sentences

TEXT = ("Police arrested three protesters in Vell on Monday.\n\n"
        "The weather in Vell was mild.\n\n"
        "Ruritania's army shelled the rebel town of Osk.")


def test_locate_finds_sentences_whatever_the_whitespace():
    record_text = "Police  arrested three\nprotesters in Vell on Monday. The weather in Vell was mild."
    spans = event_set.locate(record_text, ["Police arrested three protesters in Vell on Monday.",
                                           "The weather in Vell was mild.", "Not in the text."])
    assert record_text[spans[0][0]:spans[0][1]].split() == "Police arrested three protesters in Vell on Monday.".split()
    assert record_text[spans[1][0]:spans[1][1]] == "The weather in Vell was mild."
    assert spans[2] is None


def test_matching_is_one_to_one_by_root():
    gold = [{"root": "17", "trigger": [7, 15]}, {"root": "17", "trigger": [30, 35]}]
    pred = [{"root": "17", "trigger": [7, 15]}, {"root": "19", "trigger": [30, 35]}]
    pairs = event_set.match(gold, pred)
    assert [(g["trigger"], p["trigger"]) for g, p in pairs] == [([7, 15], [7, 15])]


def _label_set(tmp_path):
    shared = tmp_path / "shared"
    (shared / "corpora").mkdir(parents=True)
    rec = {"id": "bbc-politics-901", "title": "Invented", "category": "politics", "text": TEXT}
    (shared / "corpora" / "bbc_news_2004_2005.jsonl").write_text(json.dumps(rec) + "\n")
    labels = tmp_path / "labels"
    (labels / "coded").mkdir(parents=True)
    starts = [0, TEXT.index("The weather"), TEXT.index("Ruritania")]
    ends = [TEXT.index("\n\nThe"), TEXT.index("\n\nRuritania"), len(TEXT)]
    rows = [{"sid": f"bbc-politics-901:{i}", "corpus": "bbc", "doc": "bbc-politics-901", "start": s, "end": e,
             "split": "test", "chunk": "ev99"} for i, (s, e) in enumerate(zip(starts, ends))]
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    arrest = {"cameo": "173", "root": "17", "plover": "COERCE", "trigger": [7, 15], "source": [0, 6],
              "target": [22, 32], "source_code": "---COP", "target_code": "---OPP",
              "hypothetical": False, "negated": False, "background": False}
    coded = [{"sid": rows[0]["sid"], "chunk": "ev99", "coder": "A", "events": [arrest]},
             {"sid": rows[1]["sid"], "chunk": "ev99", "coder": "A", "events": []}]
    (labels / "coded" / "ev99.A.jsonl").write_text("".join(json.dumps(r) + "\n" for r in coded))
    return shared, labels


def test_the_pipeline_scored_on_an_invented_article(tmp_path, pipeline):
    shared, labels = _label_set(tmp_path)
    items = list(sentences(shared, labels))
    assert [s.text[:6] for s in items] == ["Police", "The we"]  # the uncoded third sentence is left out
    scored = event_set.predict(items, {}, shared=shared)
    assert [p["root"] for p in scored[0].predicted] == ["17"]  # the arrest, in its own sentence
    assert scored[0].predicted[0]["trigger"] == [7, 15]  # relative to the sentence: "arrested"
    assert scored[1].predicted == []  # the weather is no event
    result = event_set.score(scored)
    assert result["detection"]["recall"] == 1.0 and result["detection"]["precision"] == 1.0
    assert result["events_by_root"]["f1"] == 1.0


def test_dyad_codes_are_compared_in_the_guides_form():
    agrees = event_set._side_agrees
    assert agrees("FRAGOV", "FRA")                     # the state named as a country is its government
    assert agrees("DEUBUS", "MNCDEU")                  # Phoenix multinational of a country: that country's firm
    assert agrees("---REB", "IMGMUSXYZ")               # Phoenix international militarized group: a stateless armed group
    assert agrees("SRBGOV", "YUGGOV")                  # a legacy prefix takes today's code
    assert agrees("IGO", "IGOUNO")                     # the guide allows a coarse IGO
    assert not agrees("FRAMIL", "FRA") and not agrees("FRAGOV", "DEU")
    assert not agrees("FRAGOV", "FRA???")              # a person known by country only is not the government


def test_an_unnamed_side_with_an_optional_code_agrees_with_no_actor():
    gold = {"source": None, "source_code": "GBRCOP", "target": [0, 5], "target_code": "GBRCVL"}
    none = {"source_code": "", "target_code": "GBRCVL"}
    wrong = {"source_code": "GBRMIL", "target_code": "GBRCVL"}
    assert event_set._dyads_right([(gold, none)], 6) == 1.0
    assert event_set._dyads_right([(gold, wrong)], 6) == 0.0
    assert event_set._dyads_strict([(gold, none)]) == 0.0   # the strict figure requires every gold code
    named = {**gold, "source": [6, 12]}                     # a side the sentence names must be found
    assert event_set._dyads_right([(named, none)], 6) == 0.0


def test_an_event_naming_no_party_earns_nothing_from_unnamed_gold_sides_in_dyad_p():
    unnamed = {"source": None, "source_code": "SYRMIL", "target": None, "target_code": "SYRCVL"}
    empty = {"source_code": "", "target_code": ""}
    right = {"source_code": "SYRMIL", "target_code": "SYRCVL"}
    assert event_set._dyads_right([(unnamed, empty)], 6) == 1.0          # the lenient figure counts it right
    assert event_set._dyads_with_parties([(unnamed, empty)], 6) == 0.0   # the side-by-side one does not
    assert event_set._dyads_with_parties([(unnamed, right)], 6) == 1.0
    nothing = {"source": None, "source_code": "", "target": None, "target_code": ""}
    assert event_set._dyads_with_parties([(nothing, empty)], 6) == 1.0   # nothing to find: nothing missed
    assert event_set._partyless_share([(unnamed, empty), (unnamed, right)]) == 0.5


def test_later_sample_waves_get_rows_of_their_own(tmp_path, monkeypatch):
    shared, labels = _label_set(tmp_path)
    rows = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    for i, row in enumerate(rows):
        row["split"], row["wave"] = "tune", 1 if i == 0 else 2
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = list(sentences(shared, labels))
    assert [s.wave for s in items] == [1, 2]
    monkeypatch.setattr(event_set, "sentences", lambda labels: items)
    monkeypatch.setattr(event_set, "predict", lambda items, options: [event_set.Scored(s, []) for s in items])
    result = event_set.evaluate([str(labels)], {})
    assert result["tune"]["sentences"] == 2
    assert result["tune.w1"]["sentences"] == 1 and result["tune.w2"]["sentences"] == 1
    assert result["tune.w1"]["detection"]["recall"] == 0.0  # the arrest of wave 1 was missed
    assert "tune.w2" in event_set.report(result)


def test_locate_finds_a_last_sentence_whose_wire_sign_off_the_cleaner_dropped():
    record_text = "Ruritania's army shelled the town of Osk. Only two aid convoys got through."
    spans = event_set.locate(record_text, ["Ruritania's army shelled the town of Osk.",
                                           "Only two aid convoys got through. REUTER", "Osk fell. REUTER"])
    assert record_text[spans[1][0]:spans[1][1]] == "Only two aid convoys got through."
    assert spans[2] is None
