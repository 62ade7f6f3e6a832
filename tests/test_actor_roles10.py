"""Roles of named people from the article's words and dated facts, group nouns the stage must know, and the
country of a group that is not the doer of its clause (issue #18). Sentences written here."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, date="2026-03-10"):
        return next(pipeline.process([Document(text=text, published=date, location="test")]))

    return _run


def test_a_group_hit_by_the_act_does_not_take_the_attackers_country(run):
    rec = run("Turkey's shelling of villages near Aleppo wounded dozens of farmers on Sunday.")
    assert actor_at(rec, "farmers").country == "SYR"
    rec = run("Iran's missile strike on the camp killed several residents, officials in Baghdad said.")
    assert actor_at(rec, "residents").country != "IRN"
    rec = run("China's crackdown on protesters drew criticism.")  # no other place: the state's own people
    assert actor_at(rec, "protesters").country == "CHN"


def test_a_backer_is_not_the_country_of_the_group_it_backs(run):
    rec = run("The Saudi-backed government rejected the offer from the northern tribes.")
    assert actor_at(rec, "government").country != "SAU"
    rec = run("The Russian-backed authorities signed a truce with the insurgents.")
    assert actor_at(rec, "authorities").country != "RUS"
    assert actor_at(rec, "insurgents").country != "RUS"


def test_investigators_executives_and_the_accused_are_groups(run):
    rec = run("Investigators searched the offices of the firm on Monday.")
    assert actor_at(rec, "Investigators").sector[:1] == ["COP"]
    rec = run("Senior executives at the carmaker met union leaders, and prosecutors questioned the accused.")
    assert actor_at(rec, "executives").sector[:1] == ["BUS"]
    assert actor_at(rec, "accused") is not None and actor_at(rec, "accused").sector[:1] == ["CRM"]


def test_a_party_leader_named_by_the_text_is_opposition_at_every_mention(run):
    rec = run("Tory leader Alan Brookfield attacked the budget. Mr Brookfield said the tax rise was a mistake.",
              date="2004-11-10")
    first, later = actor_at(rec, "Alan Brookfield"), actor_at(rec, "Mr Brookfield")
    assert first.code == "GBROPP" and later is first
    rec = run("Peter Marchbank, the Liberal Democrat leader, met farmers in Devon. Mr Marchbank promised help.",
              date="2004-11-10")
    assert actor_at(rec, "Peter Marchbank").code == "GBROPP"


def test_a_candidacy_is_a_dated_role(run):
    rec = run("Donald Trump criticised Hillary Clinton at a rally in Ohio.", date="2016-09-20")
    assert actor_at(rec, "Donald Trump").code == "USAPTY"
    assert actor_at(rec, "Hillary Clinton").code == "USAPTY"
    rec = run("Donald Trump criticised the Federal Reserve at a rally in Ohio.", date="2018-09-20")
    assert actor_at(rec, "Donald Trump").code == "USAGOV"


def test_a_capitals_act_is_its_government_and_the_group_it_acts_for_keeps_its_own_country(run):
    rec = run("Washington's weapons sales to the island angered the Chinese leadership.")
    assert actor_at(rec, "Washington") is not None and actor_at(rec, "Washington").country == "USA"
    rec = run("Tehran's backing for the militias in the south worried diplomats.")
    assert actor_at(rec, "Tehran") is not None and actor_at(rec, "Tehran").country == "IRN"
    assert actor_at(rec, "militias").country != "IRN"
    rec = run("Kabul's residents queued for bread.")  # the people of the city: no act of a government
    assert actor_at(rec, "Kabul") is None or actor_at(rec, "Kabul").kind != "country"


def test_a_dated_office_is_carried_to_mentions_that_do_not_state_it(run):
    rec = run("The cardinal praised Michael Howard's stance. Mr Howard thanked him.", date="2005-03-15")
    assert actor_at(rec, "Michael Howard").code == "GBROPP"
    rec = run("President-elect Donald Trump called for unity. Mr Trump spoke in New York.", date="2016-11-24")
    assert actor_at(rec, "Mr Trump").code == "USAGOV"


def test_a_partys_title_after_a_name_is_that_person_and_gives_him_the_role(run):
    rec = run("Peter Marchbank spoke in Bath. The Labour leader told the crowd the party would win.", date="1987-05-10")
    marchbank = actor_at(rec, "Peter Marchbank")
    assert actor_at(rec, "leader") is marchbank and marchbank.code == "GBROPP" and marchbank.name == "Peter Marchbank"
    rec = run("David Holloway toured Devon. The Tory leader said farmers had been let down.", date="1998-05-10")
    assert actor_at(rec, "leader") is actor_at(rec, "David Holloway")
