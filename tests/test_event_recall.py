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


# REVIEW13 #2: a side's claim about itself, its own forces or its own military success is no criticism (111); a claim
# that blames another party still is (the positives above)
@pytest.mark.parametrize("text", [
    "The defence ministry claimed its soldiers had pushed back four assaults near the river.",
    "The navy claimed it had sunk two enemy patrol boats overnight.",
    "Ukrainian troops retook the village, the Ukrainian general staff claimed.",
    "The rebel command claimed its fighters had shot down a government helicopter.",
])
def test_a_claim_of_ones_own_success_is_no_criticism(pipeline, text):
    assert not [r for r, t in roots(process(pipeline, text)) if r == "11" and t.startswith("claim")], \
        roots(process(pipeline, text))


def test_a_claim_that_blames_another_party_is_criticism(pipeline):
    r = process(pipeline, "The government claimed the rebels had poisoned the wells in two villages.")
    assert ("11", "claimed") in roots(r), roots(r)


# REVIEW13 #10: agreeing with a party that an opinion holds is a shared view (019), not an agreement (057)
@pytest.mark.parametrize("text", [
    "Several economists agreed with the central bank that inflation had peaked.",
    "Many farmers agreed with the Labour MP that the subsidy cuts were unfair.",
    "Kenya agreed with Tanzania that the border dispute had dragged on too long.",
])
def test_agreeing_with_a_party_on_an_opinion_is_no_agreement(pipeline, text):
    assert ("05", "agreed") not in roots(process(pipeline, text)), roots(process(pipeline, text))


# REVIEW13 #9: a party or politician attacking someone over or for a policy criticises (111); a crowd or gunmen still
# attack (190)
@pytest.mark.parametrize("text, root", [
    ("Members of the Social Democratic party attacked the finance minister over the budget cuts.", "11"),
    ("The Greens attacked the prime minister for his handling of the floods.", "11"),
    ("Conservative lawmakers attacked the president for vetoing the bill.", "11"),
    ("A mob attacked the mayor for closing the market.", "19"),
    ("Protesters attacked a police station over the death of a teenager.", "19"),
    ("Gunmen attacked a police station in Zamfara over the weekend.", "19"),
])
def test_attacking_someone_over_a_policy_is_criticism(pipeline, text, root):
    assert (root, "attacked") in roots(process(pipeline, text)), roots(process(pipeline, text))


# REVIEW13 #8: a weapon that strikes a thing nobody attacks, or that has a civil owner, is no attack
@pytest.mark.parametrize("text", [
    "The missile he launched from the garden struck the roof of the shed.",
    "A weather drone struck a wind turbine in Ohio.",
    "A drone flown by a university research group struck a tree in Oregon.",
])
def test_a_weapon_with_no_war_in_it_is_no_attack(pipeline, text):
    assert not [r for r, t in roots(process(pipeline, text)) if r in ("18", "19")], roots(process(pipeline, text))


def test_a_weapon_striking_a_named_town_is_an_attack(pipeline):
    r = process(pipeline, "Russian missiles struck an energy plant in Lviv overnight.")
    assert ("19", "struck") in roots(r), roots(r)


# REVIEW13 #5: a protest one is banned from, or talks only doubted or thought possible, are no events
@pytest.mark.parametrize("text, trigger", [
    ("The students, who had been banned from protesting on campus, held a vigil instead.", "protesting"),
    ("Journalists were banned from protesting outside parliament.", "protesting"),
    ("Analysts say talks could begin in the autumn.", "talks"),
    ("Officials said talks could begin as early as next week.", "talks"),
])
def test_barred_or_doubted_acts_are_no_events(pipeline, text, trigger):
    assert trigger not in [t for _, t in roots(process(pipeline, text))], roots(process(pipeline, text))


# REVIEW13 #4: the subject of "has been in detention/custody" is held (the target), it arrests no one
@pytest.mark.parametrize("text", [
    "Mr Okafor, who has been in detention since July, denies any wrongdoing.",
    "The blogger, who has been in custody since April, began a hunger strike.",
    "Former minister Ana Duarte, who has been in detention since last year, denies the charges.",
])
def test_being_in_detention_makes_no_arrester(pipeline, text):
    r = process(pipeline, text)
    assert not [e for e in r.events if e.root == "17" and e.source is not None], \
        [(e.cameo, e.source, e.target) for e in r.events]


def test_the_detainee_is_the_target_of_the_detention(pipeline):
    r = process(pipeline, "Mr Okafor, who has been in detention since July, denies any wrongdoing.")
    held = [e for e in r.events if e.root == "17"]
    assert held and all(e.source is None and e.target for e in held), [(e.cameo, e.source, e.target) for e in r.events]


@pytest.mark.parametrize("text", [
    # the act noun only sets the scene of another thing: the lower bar of root 04 was not measured on such mentions
    "A Peruvian trade official said the hotels near the talks in Lima were full.",
    "The Kenyan health minister said the coffee at the summit in Mombasa was cold.",
])
def test_an_act_noun_that_only_sets_a_scene_keeps_the_general_bar(pipeline, text):
    assert not [c for c, _ in roots(process(pipeline, text)) if c[:2] in ("04", "05", "14")], roots(process(pipeline, text))
