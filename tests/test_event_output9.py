"""Precision of what the event coder outputs (issue 17; ninth session, evprec9): sentences written for these tests.

- a plain future of a consultation ("will meet", "will hold talks", "will travel to") is the act itself, flagged
  hypothetical (docs/annotation/events.md section 4), not an intent 036; other plain futures stay intents;
- rejecting, opposing or attacking someone or something AS a bad thing is criticism (111), not rejection or force;
- the sentence classifier's own events of material conflict stand only on a verb of conflict;
- a deal, offer or meeting between firms is business (no political party), one with a state stays;
- resigning in protest is dissent (140); meeting a cross or a corner is football, not a meeting;
- a meeting named as the place where something was said is no meeting event; a meeting with someone stays.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwatch.events.classifier import _conflict_verb
from eventwatch.model import Document


def events(pipeline, text: str):
    record = next(pipeline.process([Document(text=text, published="2021-03-01", location="test")]))
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]].lower(), e.hypothetical) for e in record.events]


@pytest.mark.parametrize("text, code, word", [
    ("The Kenyan foreign minister will meet his Ugandan counterpart to review the border treaty.", "040", "meet"),
    ("Ugandan opposition leaders will hold talks with the prime minister.", "046", "talks"),
    ("The Nigerian envoy will travel to Ghana to discuss the trade dispute with officials.", "042", "travel"),
])
def test_a_plain_future_consultation_is_the_act_hypothetical(pipeline, text, code, word):
    evs = events(pipeline, text)
    assert (code, word, True) in evs
    assert not any(c.startswith("03") for c, _, _ in evs)


def test_a_purpose_of_a_planned_visit_is_one_event(pipeline):
    evs = events(pipeline, "The Nigerian envoy will travel to Ghana to discuss the trade dispute with officials.")
    assert [t for c, t, _ in evs if c.startswith("04")] == ["travel"]


def test_other_plain_futures_stay_intents(pipeline):
    evs = events(pipeline, "Kenya will send food aid to the flooded districts of Somalia.")
    assert any(c.startswith("03") for c, _, _ in evs)


@pytest.mark.parametrize("text, word", [
    ("The Conservatives dismissed the budget as a desperate gimmick.", "dismissed"),
    ("The senator attacked her rival as a liar during the televised debate.", "attacked"),
    ("The Labour party rejected the housing scheme as unworkable.", "rejected"),
])
def test_rejecting_or_attacking_as_a_bad_thing_is_criticism(pipeline, text, word):
    evs = events(pipeline, text)
    assert ("111", word, False) in evs
    assert not any(c[:2] in ("12", "18", "19") for c, _, _ in evs)


@pytest.mark.parametrize("text, root, word", [
    ("The minister dismissed the report.", "12", "dismissed"),
    ("Rebels attacked the army convoy near the border.", "19", "attacked"),
])
def test_without_as_the_act_stays(pipeline, text, root, word):
    assert any(c.startswith(root) and t == word for c, t, _ in events(pipeline, text))


@pytest.mark.parametrize("lemma, known", [
    ("shell", True), ("arrest", True), ("attack", True),
    ("know", False), ("assert", False), ("run", False), ("show", False),
])
def test_the_classifier_codes_force_only_on_a_verb_of_conflict(lemma, known):
    assert _conflict_verb(SimpleNamespace(lemma_=lemma)) is known


@pytest.mark.parametrize("text", [
    "Toyota signed a supply agreement with Nissan last month.",
    "IBM agreed to sell its computer division to Lenovo.",
])
def test_a_deal_between_firms_is_business(pipeline, text):
    assert events(pipeline, text) == []


@pytest.mark.parametrize("text, code", [
    ("The Kenyan government signed a supply agreement with Toyota.", "057"),
    ("Toyota signed a supply agreement with Nissan after talks with the Kenyan trade ministry.", "057"),
])
def test_a_deal_with_a_political_party_stays(pipeline, text, code):
    assert code in {c for c, _, _ in events(pipeline, text)}


@pytest.mark.parametrize("text", [
    "The Kenyan finance minister told reporters during the African Development Bank's annual meeting that growth would slow.",
    "Speaking to reporters at the World Bank annual meeting, the Ugandan finance minister said inflation was falling.",
    "The Nigerian oil minister told a NATO meeting that supplies were secure.",
])
def test_a_meeting_where_something_was_said_is_no_meeting_event(pipeline, text):
    assert not any(c.startswith("04") for c, _, _ in events(pipeline, text))


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister held a meeting with his Ugandan counterpart.",
    "The Kenyan president said after a meeting with the Ugandan envoy that the border would reopen.",
])
def test_a_meeting_with_someone_stays(pipeline, text):
    assert any(c.startswith("04") for c, _, _ in events(pipeline, text))


@pytest.mark.parametrize("text, word", [
    ("A senior Kenyan judge has resigned in protest over the new security laws.", "resigned"),
    ("Two Ugandan ministers quit in protest at the election result.", "quit"),
])
def test_resigning_in_protest_is_dissent(pipeline, text, word):
    assert ("140", word, False) in events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Wayne Rooney met Gary Neville's cross at the near post to put England ahead.",
    "The Arsenal striker met a corner from the left but his header went wide.",
])
def test_meeting_a_cross_is_football(pipeline, text):
    assert not any(c.startswith("04") for c, _, _ in events(pipeline, text))


def test_meeting_an_envoy_stays(pipeline):
    assert ("040", "met", False) in events(pipeline, "The Kenyan president met the Ugandan envoy in Nairobi.")
