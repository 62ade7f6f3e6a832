"""Generic actors, tenth session (REVIEW12 #8, note9 leftovers): whose country a group noun takes. Sentences written here."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, date="2024-06-01"):
        return next(pipeline.process([Document(text=text, published=date, location="test")]))

    return _run


def code_of(record, phrase):
    a = actor_at(record, phrase)
    assert a is not None, phrase
    return a.code


# ---- the victims of an armed doer do not take the doer's nationality (unknown is better than the aggressor's)

@pytest.mark.parametrize("text, victims, attacker", [
    ("Russian forces shelled Dorvinka on Monday, killing four civilians.", "civilians", "RUS"),
    ("Israeli troops stormed the village of Qarnet, killing two residents.", "residents", "ISR"),
    ("Four civilians were killed by Russian forces near the front.", "civilians", "RUS"),
])
def test_victims_do_not_take_the_attackers_country(run, text, victims, attacker):
    r = run(text)
    assert not (code_of(r, victims) or "").startswith(attacker)


@pytest.mark.parametrize("text, group, code", [
    ("Nigerian troops killed twelve villagers in Zamfara.", "villagers", "NGACVL"),   # the place names the country
    ("Kenyan police shot two protesters on Monday.", "protesters", "KENOPP"),          # police act at home
    ("Myanmar's army killed ten villagers on Sunday.", "villagers", "MMRCVL"),          # the country is named
])
def test_victims_keep_a_country_the_text_gives_them(run, text, group, code):
    assert code_of(run(text), group) == code


# ---- the place where troops are stationed is not their owner when the doer is of another country

@pytest.mark.parametrize("text, troops, host", [
    ("British defence secretary John Healey visited troops in Estonia on Friday.", "troops", "EST"),
    ("The French president met soldiers in Chad.", "soldiers", "TCD"),
])
def test_troops_visited_abroad_are_not_the_hosts_army(run, text, troops, host):
    assert not (code_of(run(text), troops) or "").startswith(host)


@pytest.mark.parametrize("text, troops, code", [
    ("Troops in Estonia held an exercise.", "Troops", "ESTMIL"),
    ("Estonian officials visited troops in Estonia.", "troops", "ESTMIL"),
])
def test_troops_of_the_place_stay_its_army(run, text, troops, code):
    assert code_of(run(text), troops) == code


# ---- a backer's possessive is not the backed group's country

@pytest.mark.parametrize("text, group, backer", [
    ("Moscow's support for the rebels angered Kyiv.", "rebels", "RUS"),
    ("Tehran's arming of the militias alarmed Riyadh.", "militias", "IRN"),
])
def test_a_backer_is_not_the_groups_country(run, text, group, backer):
    assert not (code_of(run(text), group) or "").startswith(backer)


def test_a_crackdown_on_protesters_keeps_them_the_countrys(run):
    assert code_of(run("China's crackdown on protesters drew criticism."), "protesters") == "CHNOPP"


# ---- group nouns of pastoral and tribal life; groups of many states are their region's

@pytest.mark.parametrize("text, group, sector", [
    ("Herders and farmers fought over grazing land.", "Herders", "AGR"),
    ("Pastoralists accused the farmers of stealing cattle.", "Pastoralists", "AGR"),
    ("Tribesmen blocked the road to the airport.", "Tribesmen", "CVL"),
    ("Clansmen and police exchanged fire.", "Clansmen", "CVL"),
])
def test_pastoral_and_tribal_group_nouns(run, text, group, sector):
    a = actor_at(run(text), group)
    assert a is not None and a.sector[:1] == [sector]


@pytest.mark.parametrize("text, group, code", [
    ("The governments of twenty Western countries condemned Russia.", "governments", "WSTGOV"),
    ("Officials of several Arab states met in Cairo.", "Officials", "ARBGOV"),
])
def test_a_group_of_many_states_is_their_regions(run, text, group, code):
    assert code_of(run(text), group) == code


def test_the_officials_of_one_countrys_government_stay_its(run):
    assert code_of(run("Officials of the Kenyan government met in Nairobi."), "Officials") == "KENGOV"
