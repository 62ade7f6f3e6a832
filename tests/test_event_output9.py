"""Precision of what the event coder outputs (issue 17; ninth session, evprec9): sentences written for these tests.

- a plain future of a consultation ("will meet", "will hold talks", "will travel to") is the act itself, flagged
  hypothetical (docs/annotation/events.md section 4), not an intent 036; other plain futures stay intents;
- rejecting, opposing or attacking someone or something AS a bad thing is criticism (111), not rejection or force;
- the sentence classifier's own events of material conflict stand only on a verb of conflict.
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
