"""Event classes common in news that the coder missed or misread (review 8, sections 5, 6, 19): the adjective
"striking" (on strike), protesters clashing with police (a riot), a vow to respond (a threat), a claim of
responsibility, fines, quantity subjects and hyphenated protest nouns, an answer in kind ("responded with air
strikes"), the harm clause of a bombing, "it" as the doer of an arrest. Sentences written for these tests.
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2025-03-12", location="test")]))


def codes(record) -> list[tuple[str, str]]:
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]].lower()) for e in record.events]


def words(record, span):
    return record.text[span[0]:span[1]] if span else None


def events_of(record, root: str):
    return [e for e in record.events if e.cameo.startswith(root)]


# ------------------------------------------------------------------ "striking" before working people: on strike
@pytest.mark.parametrize("text", [
    "The prime minister met striking dockworkers in Rotterdam on Friday.",
    "The health secretary held talks with striking junior doctors last night.",
    "Police escorted striking miners away from the gates.",
])
def test_striking_before_working_people_is_no_attack(pipeline, text):
    r = process(pipeline, text)
    assert not any(c.startswith("19") and t == "striking" for c, t in codes(r)), codes(r)


def test_striking_with_a_number_of_people_is_still_an_attack(pipeline):
    r = process(pipeline, "Russian missiles hit the plant in Zaporizhzhia, striking the workers of the night shift.")
    # one attack: since "hit" by missiles is coded (195), the participle is that act, not a second one; never a
    # labour strike (14x)
    assert any(c.startswith("19") and t in ("hit", "striking") for c, t in codes(r)), codes(r)
    assert not any(c.startswith("14") for c, _ in codes(r)), codes(r)


# ------------------------------------------------------------------ protesters clash with police: a riot (145)
@pytest.mark.parametrize("text,source", [
    ("Students clashed with riot police outside the university in Dhaka.", "Students"),
    ("Anti-government demonstrators clashed with security forces in Nairobi on Tuesday.", "demonstrators"),
    ("Supporters of the jailed opposition leader clashed with police in Karachi.", None),
])
def test_protesters_clashing_with_police_riot(pipeline, text, source):
    r = process(pipeline, text)
    assert events_of(r, "145"), codes(r)
    assert not events_of(r, "19"), codes(r)
    if source is not None:  # (the supporters of a person are no actor of the actor stage yet)
        assert any(source in (words(r, e.source_span) or "") for e in events_of(r, "145")), codes(r)


def test_armies_clashing_stay_fighting(pipeline):
    r = process(pipeline, "Sudanese troops clashed with Ethiopian forces near the border on Monday.")
    assert events_of(r, "19") and not events_of(r, "145"), codes(r)


# ------------------------------------------------------------------ a vow to answer an act: a threat
@pytest.mark.parametrize("text", [
    "Pyongyang vowed to respond after the joint exercises.",
    "The Houthis vowed to retaliate against Washington.",
    "Iran promised to respond to the attack on its consulate.",
])
def test_a_vow_to_respond_is_a_threat(pipeline, text):
    r = process(pipeline, text)
    assert events_of(r, "13"), codes(r)
    assert not events_of(r, "03"), codes(r)


def test_a_pledge_to_respond_to_demands_is_no_threat(pipeline):
    r = process(pipeline, "The labour minister pledged to respond to the teachers' demands by Friday.")
    assert not events_of(r, "13"), codes(r)


# ------------------------------------------------------------------ a claim of responsibility is no second attack
@pytest.mark.parametrize("text", [
    "Gunmen ambushed an army convoy near Gao. The JNIM group said it carried out the attack.",
    "A suicide bomber struck a market in Mogadishu. Al-Shabaab claimed it was behind the bombing.",
])
def test_claiming_the_attack_is_015_not_an_attack(pipeline, text):
    r = process(pipeline, text)
    second = r.text.index(". ") + 2
    later = [e for e in r.events if e.sentence[0] >= second]
    assert not any(e.cameo[:2] in ("18", "19") for e in later), codes(r)


def test_an_announced_act_is_no_claim_of_responsibility(pipeline):
    r = process(pipeline, "The navy said it would tighten the blockade of the rebel-held port.")
    assert not any(c.startswith("015") for c, _ in codes(r)), codes(r)


# ------------------------------------------------------------------ fines: a state act, not a club's
@pytest.mark.parametrize("text", [
    "The competition regulator fined Apple 500 million euros on Monday.",
    "A Paris court fined the former minister 20,000 euros for embezzlement.",
    "The European Commission fined the carmaker 1.1 billion euros.",
])
def test_a_fine_by_an_authority_is_an_event(pipeline, text):
    r = process(pipeline, text)
    assert events_of(r, "17") or events_of(r, "16"), codes(r)


@pytest.mark.parametrize("text", [
    "The club fined its goalkeeper a week's wages for the outburst.",
    "Arsenal fined the midfielder after the red card.",
    "The Premier League fined the club two million pounds for late kick-offs.",
])
def test_a_club_fining_a_player_is_no_event(pipeline, text):
    r = process(pipeline, text)
    assert not r.events, codes(r)


# ------------------------------------------------------------------ protests: quantity subjects, hyphenated nouns
@pytest.mark.parametrize("text,root", [
    ("Thousands of nurses rallied outside parliament in Wellington on Saturday.", "14"),
    ("Hundreds of teachers staged a sit-in at the education ministry in Accra.", "14"),
    ("Hundreds of bus drivers walked off the job in Lagos on Monday.", "143"),
])
def test_protests_with_quantity_subjects(pipeline, text, root):
    r = process(pipeline, text)
    assert events_of(r, root), codes(r)


# ------------------------------------------------------------------ an answer in kind
@pytest.mark.parametrize("text,target", [
    ("Militants shelled the town, and the Turkish army responded with air strikes on Kurdish fighters in Iraq.",
     "fighters"),
    ("Kyiv shelled Belgorod, and Moscow retaliated with missile strikes on Odesa.", "Odesa"),
])
def test_responding_with_strikes_is_an_air_strike(pipeline, text, target):
    r = process(pipeline, text)
    strikes = [e for e in events_of(r, "195") if r.text[e.trigger[0]:e.trigger[1]] == "strikes"]
    assert strikes, codes(r)
    assert any(target in (words(r, e.target_span) or "") for e in strikes), codes(r)
    assert not any(t == "retaliated" for _, t in codes(r)), codes(r)


# ------------------------------------------------------------------ a bombing's harm clause names its target
@pytest.mark.parametrize("text,target", [
    ("A bomb exploded near a bus stop in Peshawar, wounding four policemen.", "policemen"),
    ("A roadside bomb went off in Kandahar on Sunday, killing two Afghan soldiers.", "soldiers"),
])
def test_bomb_target_from_the_harm_clause(pipeline, text, target):
    r = process(pipeline, text)
    assert any(target in (words(r, e.target_span) or "") for e in events_of(r, "18")), codes(r)


# ------------------------------------------------------------------ "it" does an arrest
def test_it_as_the_doer_of_an_arrest_in_a_coordinated_clause(pipeline):
    r = process(pipeline, "The junta took power in 2020, and in 2022 it detained the foreign minister.")
    assert any(t == "detained" for c, t in codes(r) if c.startswith("17")), codes(r)


def test_it_does_not_make_a_crisis_a_coercer(pipeline):
    r = process(pipeline, "The fuel shortage worsened, and it forced the minister to resign.")
    assert not events_of(r, "170"), codes(r)
