"""Classes of false events and wrong roots found on the tune waves 1, 3 and 5 (issue 17, tenth session), on
sentences written for these tests: literal fire read as criticism, coercion with no coercer, one act on several
people of one code counted once per person, an anti-doping body's bans, and weak intents (CAMEO 03).
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwatch.model import Document, Event, Record
from eventwatch.events.stage import INTENT_MIN_CONFIDENCE, _bare_intent, _without_weak_intents


def events(pipeline, text: str):
    record = next(pipeline.process([Document(text=text, published="2021-03-01", location="test")]))
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]].lower()) for e in record.events]


def roots(pipeline, text: str) -> list[str]:
    return sorted(c[:2] for c, _ in events(pipeline, text))


@pytest.mark.parametrize("text", [
    "A Ukrainian army patrol came under fire from separatist gunmen near Donetsk.",
    "Peacekeepers came under rocket fire at their base in southern Lebanon.",
    "A US Navy helicopter came under fire from Iranian gunboats near the strait on Tuesday.",
])
def test_literal_fire_is_force_not_criticism(pipeline, text):
    got = roots(pipeline, text)
    assert "19" in got and "11" not in got, got


@pytest.mark.parametrize("text", [
    "The health minister came under fire from opposition MPs over the hospital budget.",
    "The defence secretary has come under fire for cutting the navy's budget.",
])
def test_figurative_fire_stays_no_force(pipeline, text):
    assert "19" not in roots(pipeline, text)


@pytest.mark.parametrize("text", [
    "Floods cut off roads across the region and forced officials to evacuate two towns.",
    "Storms battered the coast overnight and forced the authorities to close the port.",
    "Rising fuel costs forcing governments to raise taxes worried the markets.",
])
def test_coercion_needs_a_coercer_in_a_conjunct_or_participle(pipeline, text):
    assert "17" not in roots(pipeline, text), events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Soldiers entered the village and forced residents to leave their homes.",
    "Government troops forcing villagers to flee were filmed by the BBC.",
])
def test_coercion_by_armed_men_stays(pipeline, text):
    assert any(c == "170" for c, _ in events(pipeline, text)), events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Detectives charged Lee Hart and Sam Ford with the robbery.",
    "Police detained Ali Khan, Omar Said and Yusuf Adam at the border.",
])
def test_one_act_on_several_people_of_one_code_is_one_event(pipeline, text):
    got = [e for e in events(pipeline, text) if e[0] == "173"]
    assert len(got) == 1, got


def test_several_doers_stay_several_events(pipeline):
    # people who act each keep their own event (the seed article: two commanders each vowed to resist)
    got = [e for e in events(pipeline, "Jan Novak and Petr Svoboda sharply criticised the Czech government on Monday.")
           if e[0].startswith("11")]
    assert len(got) == 2, got


@pytest.mark.parametrize("text", [
    "World record holder Tim Montgomery is also facing a lifetime ban after being charged by the USADA.",
    "Collins was suspended by the US Anti-Doping Agency based on patterns in her blood tests.",
    "The British cyclist was charged by UK Anti-Doping with missing three tests.",
])
def test_an_anti_doping_body_acts_in_sport(pipeline, text):
    assert not roots(pipeline, text), events(pipeline, text)


def test_a_state_agency_still_fines(pipeline):
    assert "17" in roots(pipeline, "The Environment Agency fined the water company for polluting the river.")


def _intent(conf: float) -> Event:
    return Event(source="A1", target=None, cameo="030", root="03", plover="AGREE", quad_class=1, goldstein=4.0,
                 sentence=[0, 10], trigger=[0, 5], confidence=conf)


def test_weak_bare_intents_are_dropped_and_others_kept():
    low, high, low_with_act = _intent(INTENT_MIN_CONFIDENCE - 0.05), _intent(INTENT_MIN_CONFIDENCE + 0.05), \
        _intent(INTENT_MIN_CONFIDENCE - 0.05)
    rec = Record(text="x" * 10, id="t")
    rec.events = [low, high, low_with_act]
    _without_weak_intents(rec, {id(low): low, id(high): high})
    assert rec.events == [high, low_with_act]


@pytest.mark.parametrize("text, bare", [
    ("Mr Grant agreed, saying the plan was sensible.", True),
    ("The chain renewed its commitment to lower prices.", True),
    ("Russia offered to mediate between Armenia and Azerbaijan.", False),
    ("Japan agreed to hold talks on its rice market.", False),
])
def test_an_intent_is_bare_without_an_act_after_it(nlp, text, bare):
    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ in ("agree", "commitment", "offer"))
    assert _bare_intent(SimpleNamespace(trigger=tok, composed=False, specificity=0)) is bare
    # an intent composed with its act, or read by a specific pattern, is never bare
    assert not _bare_intent(SimpleNamespace(trigger=tok, composed=True, specificity=0))
    assert not _bare_intent(SimpleNamespace(trigger=tok, composed=False, specificity=1))


@pytest.mark.parametrize("text, root", [
    # combatants killed is war (190); a bomb that kills them stays a bombing (18); a person killed stays 1823
    ("Regional officials said 14 insurgents were killed in the mountains on Thursday.", "19"),
    ("The army said it had killed 30 militants near the border.", "19"),
    ("A suicide car bomb in central Turkey has killed 13 soldiers aboard a bus.", "18"),
    ("Police said 34-year-old John Smith was killed on Wednesday in Brooklyn.", "18"),
])
def test_who_is_killed_chooses_war_or_assault(pipeline, text, root):
    got = roots(pipeline, text)
    assert got == [root], events(pipeline, text)


@pytest.mark.parametrize("text", [
    "The operation was executed by coalition forces in early November.",
    "Special forces executed the mission at dawn, the ministry said.",
])
def test_executing_a_plan_kills_no_one(pipeline, text):
    assert "18" not in roots(pipeline, text), events(pipeline, text)


@pytest.mark.parametrize("text, root", [
    ("Rebel units seized three strategic hills overlooking the valley on Tuesday.", "19"),
    ("Government troops captured the ridge after two days of fighting.", "19"),
    ("Mr Ansari was captured in Pakistan in 2002 and flown to Cuba.", "17"),
    ("Deputies captured the two escaped inmates near the state line.", "17"),
])
def test_what_is_captured_chooses_occupation_or_arrest(pipeline, text, root):
    got = roots(pipeline, text)
    assert root in got and len(set(got)) == 1, events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Two ministers resigned over the Iraq war, the paper said.",
    "The senator questioned the legality of the war in a letter to the president.",
    "The party's stance on the Afghan war cost it votes in the north.",
])
def test_a_war_argued_about_is_no_act(pipeline, text):
    assert "19" not in roots(pipeline, text), events(pipeline, text)


def test_a_war_ended_is_still_coded(pipeline):
    assert "19" in roots(pipeline, "The UN is working to end the civil war in Syria.")


@pytest.mark.parametrize("text", [
    "Unions pressed for higher wages at the talks with the ministry.",
    "Washington pressed Tokyo for a quick cut in its trade surplus.",
])
def test_pressing_is_a_demand(pipeline, text):
    got = roots(pipeline, text)
    assert "10" in got and "02" not in got, events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Assad has relied on Russian air support to retake the city.",
    "The rebels advanced with the support of Turkish troops.",
])
def test_support_of_armed_forces_is_military_aid(pipeline, text):
    got = [c for c, _ in events(pipeline, text)]
    assert "072" in got and "051" not in got, got


def test_support_for_a_bill_stays_an_endorsement(pipeline):
    assert "051" in [c for c, _ in events(pipeline, "Labour's support for the bill surprised the Tories.")]


@pytest.mark.parametrize("text", [
    "Canada removed tariffs on Chinese steel last week.",
    "Tokyo scrapped tariffs on Brazilian beef on Monday.",
    "Brussels lifted sanctions on Myanmar's timber trade on Friday.",
])
def test_ending_a_measure_is_no_imposition(pipeline, text):
    got = [c for c, _ in events(pipeline, text)]
    assert "085" in got and not any(c.startswith("16") for c in got), got


def test_imposing_tariffs_stays(pipeline):
    assert any(c.startswith("16") for c, _ in events(pipeline, "Washington imposed new tariffs on Mexican steel."))


@pytest.mark.parametrize("text", [
    "The president fired his defence minister on Monday after a row over spending.",
    "The king fired the army chief on Sunday.",
])
def test_firing_an_official_is_no_shooting(pipeline, text):
    assert "19" not in roots(pipeline, text), events(pipeline, text)


def test_firing_on_a_crowd_stays_a_shooting(pipeline):
    assert "19" in roots(pipeline, "Soldiers fired on protesters in the capital on Monday.")


@pytest.mark.parametrize("text", [
    "Presidential elections will be held in March, officials said.",
    "The assembly will hold its next session in March.",
])
def test_a_month_is_no_march(pipeline, text):
    assert "14" not in roots(pipeline, text), events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Police said they had foiled a plot to bomb the embassy.",
    "Security services thwarted a plan to assassinate the governor, the ministry said.",
])
def test_a_foiled_plot_is_no_act(pipeline, text):
    got = roots(pipeline, text)
    assert "18" not in got and "13" not in got, events(pipeline, text)


def test_a_thwarted_attempt_was_made(pipeline):
    # an attempt is the act itself, however it ended (the guide, section 4; CAMEO 185)
    got = roots(pipeline, "An attempt to assassinate the deputy mayor of Lviv, Petro Koval, was thwarted in the city.")
    assert "18" in got, got
