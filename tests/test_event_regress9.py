"""Over-reach found by review 9 (sentences written for these tests): events with no political party in words and
verdicts, figurative and accidental shootings, the accused's side of a charge, court rulings that find no one
guilty, state forces' shootings (CAMEO 175 / 193), and a named armed group with the word "group" after its name.
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2026-08-10", location="test")]))


def events(pipeline, text: str):
    r = process(pipeline, text)
    return [(e.cameo, r.text[e.trigger[0]:e.trigger[1]].lower(), e.source, e.target) for e in r.events]


@pytest.mark.parametrize("text", [
    "The pop singer hit back at critics on Monday.",
    "The footballer came under fire for a late tackle.",
    "The goalkeeper was branded a liability by supporters.",
    "The manager questioned the linesman's call.",
    "Investors questioned whether the merger would pay off.",
    "The new phone was criticised in early reviews.",
    "The sprinter was ordered to pay costs and barred from racing for two years.",
    "The airline was ordered to pay 3 million euros to its customers.",
])
def test_words_and_verdicts_with_no_political_party_are_no_events(pipeline, text):
    got = events(pipeline, text)
    assert not got, got


@pytest.mark.parametrize("text, root", [
    ("Opposition leader Ana Ruiz branded the budget a disgrace.", "11"),
    ("The opposition came under fire from the ruling party over its tax plan.", "11"),
])
def test_political_criticism_stays(pipeline, text, root):
    assert any(c[:2] == root for c, _, _, _ in events(pipeline, text)), events(pipeline, text)


@pytest.mark.parametrize("text", [
    "The producer shot down reports of a reunion tour.",
    "The finance minister shot down the opposition's amendment in parliament on Monday.",
    "The senator shot down the idea of a tax cut.",
])
def test_figurative_shot_down_is_no_violence(pipeline, text):
    got = [c for c, t, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")]
    assert not got, got


@pytest.mark.parametrize("text", [
    "Three hikers were shot dead by mistake near a hunting ground, police said.",
    "Two hunters were accidentally shot dead in the woods near Lyon.",
])
def test_accidental_shootings_are_no_violence(pipeline, text):
    got = [c for c, t, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")]
    assert not got, got


@pytest.mark.parametrize("text", [
    "A mayor was gunned down outside a restaurant in Acapulco on Sunday.",
    "A local councillor was gunned down outside his home on Friday.",
    "Rebels shot down two protesters near the market.",
    "Gunmen shot dead a local councillor outside a bar in Culiacan on Wednesday.",
])
def test_people_gunned_or_shot_down_are_killed(pipeline, text):
    got = [c for c, t, _, _ in events(pipeline, text) if t in ("gunned", "shot")]
    assert got and all(c == "1823" for c in got), got


def test_an_airliner_shot_down_is_combat(pipeline):
    got = [c for c, t, _, _ in events(pipeline, "Air defences shot down a missile over the capital.") if t == "shot"]
    assert got and all(c[:2] == "19" for c in got), got


def test_the_defence_lawyer_is_no_party_to_the_charge(pipeline):
    r = process(pipeline, "Senator Paul Grant faces charges of bribery. He will stand trial in May, his attorney said.")
    legal = [e for e in r.events if e.root == "17"]
    assert legal, [(e.cameo, e.source, e.target) for e in r.events]
    actors = {a.id: a for a in r.actors}
    for e in legal:
        assert e.source is None, (e.cameo, e.source)  # the accuser is not named
        assert e.target is None or "JUD" not in (actors[e.target].code or ""), (e.cameo, e.target)
    assert any(e.target and actors[e.target].kind == "person" for e in legal), [(e.cameo, e.target) for e in legal]


@pytest.mark.parametrize("text", [
    "The Constitutional Court ruled that the decree was unconstitutional on Wednesday.",
    "The judge ruled that the recording was admissible.",
])
def test_a_ruling_on_a_law_or_evidence_finds_no_one_guilty(pipeline, text):
    got = [c for c, t, _, _ in events(pipeline, text) if c[:3] == "116"]
    assert not got, got


def test_a_ruling_against_a_party_is_a_finding(pipeline):
    got = [c for c, t, _, _ in events(pipeline, "The high court ruled against the government on Monday.")]
    assert "116" in got, got


@pytest.mark.parametrize("text, code", [
    ("Riot police shot five demonstrators in Nairobi on Tuesday, witnesses said.", "175"),
    ("Soldiers beat student activists in Yangon on Friday.", "175"),
    ("A police officer shot a man who was carrying a machete outside a bank in Marseille.", "193"),
    ("Gunmen shot two farmers in Benue State on Friday.", "180"),
])
def test_state_forces_shooting_people(pipeline, text, code):
    got = [c for c, t, _, _ in events(pipeline, text) if t in ("shot", "beat")]
    assert got and all(c == code for c in got), got


@pytest.mark.parametrize("text", [
    "The Islamic State group claimed responsibility for the attack in Kabul, which killed nine people.",
    "Officials said the Islamic State group carried out the bombing in Mosul.",
])
def test_the_islamic_state_group_is_the_armed_group(pipeline, text):
    r = process(pipeline, text)
    actors = {a.id: a for a in r.actors}
    doers = [actors[e.source] for e in r.events if e.source and e.root in ("18", "19")]
    assert doers and all("IMG" in (a.code or "") or "REB" in a.sector for a in doers), [(e.cameo, e.source) for e in r.events]


@pytest.mark.parametrize("text", [
    "The court ruled that the former president was guilty of corruption.",
    "A Kenyan court ruled that the opposition leader must pay damages to the minister.",
])
def test_a_ruling_that_finds_against_a_party_is_a_finding(pipeline, text):
    got = [c for c, t, _, _ in events(pipeline, text) if t == "ruled"]
    assert got == ["116"], got
