"""Verb sense and scope found by review 10 (sentences written for these tests): warnings of perils are no threats, a
blocked plan is no act of the blocker, a legal charge (173) is on its object, a sport body's is no event, non-political
copy makes no events, and everyday political acts the lexicon lacked (walk-outs, stones thrown, water cannon, bail,
a jury's verdict).
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2026-04-15", location="test")]))


def events(pipeline, text: str):
    r = process(pipeline, text)
    return [(e.cameo, r.text[e.trigger[0]:e.trigger[1]].lower(), e.source, e.target, e.hypothetical) for e in r.events]


# --- warnings of perils (forecasts) are no threats; threats stay
@pytest.mark.parametrize("text", [
    "The health ministry warned on Monday that measles was spreading quickly in eastern Chad.",
    "UNICEF warned of famine in northern Ethiopia.",
    "The IMF warned that growth in Latin America would slow next year.",
    "The central bank warned that the recession would deepen and that it would last into next year.",
    "Oxfam warned of a humanitarian catastrophe in Darfur.",
    "Forecasters warned of floods and landslides in Nepal.",
])
def test_warning_of_a_peril_is_no_threat(pipeline, text):
    got = [e for e in events(pipeline, text) if e[0][:2] == "13"]
    assert not got, got


@pytest.mark.parametrize("text", [
    "China warned the Philippines of serious consequences over the shoal.",
    "Russia warned that sanctions against its banks would be met with retaliation.",
    # a pronoun subject stands for a party (rev11: these were lost to the forecast rule)
    "Venezuela warned on Friday that it would respond to any incursion across its border.",
    "The army chief warned the rebels that they would face a crushing response.",
])
def test_threatening_warnings_stay(pipeline, text):
    assert any(e[0][:2] == "13" for e in events(pipeline, text)), events(pipeline, text)


# --- a court blocking a plan: the blocking is the event; the planned act is nobody's act
@pytest.mark.parametrize("text", [
    "A court in Lima suspended the government's plan to send 800 troops to Bolivia.",
    "A judge in Texas blocked the state's plan to expel 200 Honduran families on Friday.",
    "The Supreme Court halted the government's proposal to deport 40 Eritrean refugees.",
])
def test_blocked_plan_is_no_act_of_the_blocker(pipeline, text):
    got = events(pipeline, text)
    assert any(c[:2] == "12" for c, *_ in got), got
    assert not [e for e in got if e[0][:2] in ("13", "15", "17")], got


@pytest.mark.parametrize("text", [
    "According to the Egyptian prosecutor, the activists will face trial.",
    "The two journalists will stand trial in Ankara, their lawyers said.",
])
def test_facing_trial_is_no_threat(pipeline, text):
    got = events(pipeline, text)
    assert not [e for e in got if e[0][:2] == "13"], got
    assert any(c == "173" and hyp for c, _, _, _, hyp in got), got


# --- a legal charge (173, the guide): on the one charged, the object of "charge", not on a party named beside him
@pytest.mark.parametrize("text, owner", [
    ("Prosecutors in Nairobi charged Governor Ann Mwangi's husband with fraud.", "Mwangi"),
    ("Senator Paul Okoro said police had charged his driver with theft.", "Okoro"),
])
def test_charge_is_on_the_charged_not_the_owner(pipeline, text, owner):
    r = process(pipeline, text)
    named = {a.id for a in r.actors if owner in a.name}
    charged = [e for e in r.events if e.cameo == "173"]
    assert charged and named and all(e.target not in named for e in charged), (charged, r.actors)


@pytest.mark.parametrize("text", [
    "Police in Tunis charged two men with smuggling guns into Libya on Monday.",
    "Police charged four men with weapons offences in Nairobi.",
])
def test_legal_charge_naming_weapons_is_no_repression(pipeline, text):
    got = events(pipeline, text)
    assert any(c == "173" for c, *_ in got) and not any(c == "175" for c, *_ in got), got


def test_charged_person_is_the_object_not_the_owner(pipeline):
    r = process(pipeline, "Interior Minister Lena Holm resigned after prosecutors charged her aide with fraud.")
    charged = [e for e in r.events if e.cameo == "173"]
    holm = [a.id for a in r.actors if "Holm" in a.name]
    assert charged and holm, (r.events, r.actors)
    assert all(e.target not in holm for e in charged), charged


@pytest.mark.parametrize("text", [
    "Chelsea were charged by the Premier League with breaching financial rules.",
    "The Football Association charged Leeds with failing to control their players.",
])
def test_a_sport_body_charging_a_club_is_no_event(pipeline, text):
    got = events(pipeline, text)
    assert not got, got


def test_the_accused_is_the_noun_accused_hangs_on(pipeline):
    r = process(pipeline, "A judge in Nairobi granted bail to a businessman accused of bribing Kenyan police officers.")
    police = {a.id for a in r.actors if "COP" in (a.code or "")}
    accused = [e for e in r.events if e.cameo.startswith("112")]
    assert accused and all(e.target not in police for e in accused), (accused, r.actors)


# --- non-political copy
@pytest.mark.parametrize("text", [
    "The Frenchman attacked the net at every chance.",
    "The young Italian attacked the ball from the baseline.",
    "A new strain of swine fever has attacked pig farms across Denmark.",
    "The Brazil captain thanked the fans after the final.",
    "The actress thanked her followers on Instagram.",
    "Spain's football federation paid tribute to the goalkeeper.",
    "Jeff Bezos said sales were strong.",
    "Nadal said he was proud of his season.",
])
def test_non_political_copy_is_no_event(pipeline, text):
    got = events(pipeline, text)
    assert not got, got


def test_criticism_of_a_party_s_law_stays(pipeline):
    got = events(pipeline, "The opposition leader attacked the government's new tax law.")
    assert any(c == "111" for c, *_ in got), got


# --- everyday political acts
@pytest.mark.parametrize("text, code", [
    ("Opposition lawmakers walked out of the chamber before the vote.", "140"),
    ("Protesters hurled stones at police in Lusaka on Tuesday.", "145"),
    ("Demonstrators threw rocks at officers outside the parliament.", "145"),
    ("Police used rubber bullets against demonstrators in Quito.", "175"),
    ("Security forces used batons on protesters in Dhaka on Sunday.", "175"),
    ("A court in Harare granted bail to the opposition leader on Friday.", "0841"),
    ("A jury in Dublin found the former minister guilty of corruption.", "116"),
])
def test_everyday_political_acts(pipeline, text, code):
    got = events(pipeline, text)
    assert any(c == code for c, *_ in got), got
