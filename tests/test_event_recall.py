"""Missed events (issue 17, session 8): criticism worded as a label or a question, legal jeopardy told from the
accused's side, court findings, suspensions, strikes, loans; and acts that name no placed party, kept when their
calibrated confidence is high. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.events.stage import ACTORLESS_MIN_CONFIDENCE, _settle_actorless, actorless_bar
from eventwatch.model import Document, Event, Record


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2021-08-14", location="test")]))


def roots(record) -> list[tuple[str, str]]:
    return [(e.root, record.text[e.trigger[0]:e.trigger[1]].lower()) for e in record.events]


@pytest.mark.parametrize("text,root,trigger", [
    ("The Kenyan opposition branded the new budget a betrayal of farmers.", "11", "branded"),
    ("Labour questioned whether the Treasury had costed the scheme.", "11", "questioned"),
    ("The Greens questioned the timing of the Home Office announcement.", "11", "questioned"),
    ("The finance minister hit back at the Liberal Democrats on Tuesday.", "11", "hit"),
    ("Three Nigerian officials face corruption charges in Abuja.", "17", "charges"),
    ("The former Peruvian minister will stand trial in Lima next month.", "17", "trial"),
    # a ruling finds against a party (CAMEO 116); "ruled that the election law was void" finds no one guilty
    ("The Supreme Court of Kenya ruled that the opposition leader was liable for the damage.", "11", "ruled"),
    ("The Scottish National Party suspended the councillor on Friday.", "17", "suspended"),
    # a party's claim about another's conduct or plans is criticism (111)
    ("The Scottish Liberal Democrats claimed the new tax would hit every family in Glasgow.", "11", "claimed"),
    ("Opposition leaders in Zambia claim that the ruling party rigged the vote in three provinces.", "11", "claim"),
    # agreeing with a party on, for or that something, or agreeing a thing with a party: an agreement (057)
    ("The Kenyan government agreed with the teachers' union on a new pay scale last week.", "05", "agreed"),
    ("Ghana has agreed a loan package with the World Bank to rebuild its roads.", "05", "agreed"),
    ("We have agreed with the Ugandan government that the refugees will stay until May.", "05", "agreed"),
    ("Egypt agreed with Israel for the supply of natural gas over ten years.", "05", "agreed"),
])
def test_the_construction_codes_an_event(pipeline, text, root, trigger):
    r = process(pipeline, text)
    assert (root, trigger) in roots(r), roots(r)


def test_a_ruling_by_a_referee_or_a_brand_name_is_no_event(pipeline):
    assert not any(t == "ruled" for _, t in roots(process(pipeline, "The referee ruled that the second goal should stand.")))
    assert not any(t == "questioned" for _, t in roots(process(pipeline, "Fans questioned the new kit on social media.")))


def _event(conf: float, src: str | None = None, cameo: str = "173") -> Event:
    return Event(source=src, target=None, cameo=cameo, root=cameo[:2], plover="", quad_class=4, goldstein=-5.0,
                 sentence=[0, 10], trigger=[0, 5], confidence=conf)


def test_actorless_events_stay_only_above_the_confidence_bar():
    low, high, placed = _event(ACTORLESS_MIN_CONFIDENCE - 0.1), _event(ACTORLESS_MIN_CONFIDENCE + 0.05), _event(0.2, "A1")
    rec = Record(text="x" * 10, id="t")
    rec.events = [low, high, placed]
    _settle_actorless(rec, {id(low): low, id(high): high})
    assert rec.events == [high, placed]


def test_actorless_talks_agreements_and_protests_have_a_lower_bar():
    talks, deal, strike = _event(0.5, cameo="046"), _event(0.47, cameo="057"), _event(0.5, cameo="143")
    arrest, fight, too_low = _event(0.5, cameo="173"), _event(0.55, cameo="190"), _event(0.4, cameo="046")
    rec = Record(text="x" * 10, id="t")
    rec.events = [talks, deal, strike, arrest, fight, too_low]
    _settle_actorless(rec, {id(e): e for e in rec.events})
    assert rec.events == [talks, deal, strike]
    assert actorless_bar("04") < actorless_bar("17") == ACTORLESS_MIN_CONFIDENCE


@pytest.mark.parametrize("text, trigger", [   # calibrated near 0.45-0.5: kept only under the lower bar of root 04
    ("The talks, held every year at ministerial level to review trade between the two economies, begin tomorrow "
     "in Tokyo.", "talks"),
    ("The ministers ended a weekend meeting with a frank admission that their plans had failed.", "meeting"),
])
def test_talks_with_no_party_named_can_still_be_coded(pipeline, text, trigger):
    assert trigger in [t for _, t in roots(process(pipeline, text))], roots(process(pipeline, text))


def test_barring_a_party_is_a_restriction(pipeline):
    r = process(pipeline, "The Ugandan regulator barred MTN Group from selling new lines.")
    assert ("17", "barred") in roots(r), roots(r)


@pytest.mark.parametrize("text", [
    "The rebel group claimed responsibility for the bombing of the bridge near Karsk.",
    "The ruling party claimed victory in the municipal elections on Sunday.",
])
def test_a_claim_of_responsibility_or_victory_is_no_criticism(pipeline, text):
    assert ("11", "claimed") not in roots(process(pipeline, text)), roots(process(pipeline, text))


def test_agreeing_with_a_party_alone_is_no_agreement(pipeline):
    assert ("05", "agreed") not in roots(process(pipeline, "The Kenyan finance minister agreed with the opposition leader.")), \
        roots(process(pipeline, "The Kenyan finance minister agreed with the opposition leader."))


# REVIEW12 #1: "<weapon or force> hit/struck <place or target>" is an attack (195 aerial weapons, 194 artillery, 190)
@pytest.mark.parametrize("text, root, trigger", [
    ("Syrian warplanes hit a bakery in Idlib province on Monday, rescue workers said.", "19", "hit"),
    ("Ethiopian artillery shells hit a school in Mekelle overnight.", "19", "hit"),
    ("A school in Mekelle was hit by Ethiopian artillery shells overnight.", "19", "hit"),
    ("Azerbaijani forces hit Armenian positions near the border on Tuesday.", "19", "hit"),
    ("A Houthi drone struck an oil tanker in the Red Sea on Friday.", "19", "struck"),
    ("Nigerian air force jets bombed a village in Zamfara state on Sunday.", "19", "bombed"),
])
def test_a_weapon_or_force_hitting_a_target_is_an_attack(pipeline, text, root, trigger):
    assert (root, trigger) in roots(process(pipeline, text)), roots(process(pipeline, text))


@pytest.mark.parametrize("text", [
    "The storm hit the coast of Florida on Monday.",
    "The new tax will hit poor families hardest, the opposition said.",
    "The price of oil hit a record high on Tuesday.",
])
def test_hit_by_no_weapon_is_no_attack(pipeline, text):
    assert not [r for r, t in roots(process(pipeline, text)) if r in ("18", "19")], roots(process(pipeline, text))
