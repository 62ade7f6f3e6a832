"""An actor's own country and sector: from its own words, its dictionary entry and its modifiers, never from a
venue, a target or a dateline the text does not back. Sentences written here."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, date="2026-03-10"):
        return next(pipeline.process([Document(text=text, published=date, location="test")]))

    return _run


def test_a_title_does_not_reach_back_over_a_comma_into_the_target(run):
    rec = run("The government will not send warships to Cuba, Secretary of State Marco Rubio told reporters.")
    rubio = actor_at(rec, "Marco Rubio")
    assert rubio.country == "USA" and rubio.code == "USAGOV"
    rec = run("Mexico will not pay for the wall, Foreign Minister Alicia Barcena said on Monday.")
    assert actor_at(rec, "Alicia Barcena").country in (None, "MEX")  # never the nearest other country


def test_a_dateline_the_text_never_names_is_no_country_of_unnamed_bodies(run):
    rec = run("VIENNA — Iran rejected the new inspection plan on Tuesday. Tehran's envoy said Iran would keep "
              "enriching uranium, and the Foreign Ministry said the plan was illegal.")
    assert actor_at(rec, "Foreign Ministry").country != "AUT"
    rec = run("NAIROBI — Kenyan police dispersed protesters in Nairobi. The ministry said 30 people were hurt.")
    assert actor_at(rec, "protesters").country == "KEN"


def test_the_venue_of_a_meeting_is_not_the_country_of_those_who_meet(run):
    rec = run("The defence ministers of the two countries will meet in Oslo next week.")
    assert actor_at(rec, "defence ministers").country != "NOR"
    rec = run("Police detained 40 protesters in Minsk on Sunday.")  # where they act is where they are from
    assert actor_at(rec, "Police").country == "BLR"


def test_where_a_group_is_sent_is_not_its_country(run):
    rec = run("Indonesia's government said it would send troops to Myanmar.")
    troops = actor_at(rec, "troops")
    assert troops is None or troops.country != "MMR"


def test_a_us_department_is_american_in_an_article_about_its_target(run):
    rec = run("Washington imposed sanctions on Iran's oil ministry. Tehran condemned the move. The Treasury "
              "Department said more measures would follow against Iran and its allies.")
    assert actor_at(rec, "Treasury Department").country == "USA"


def test_the_us_state_of_georgia_is_no_country_when_the_places_stage_says_so(run):
    rec = run("Sheriff's deputies in Georgia arrested two men after a shooting in Augusta. Police in Georgia "
              "said the men were held in Atlanta.")
    assert all(a.id != "country:GEO" for a in rec.actors)
    assert actor_at(rec, "Police in Georgia").country == "USA"
    rec = run("Russian troops entered Georgia in 2008, and Georgia has asked NATO for help since.")
    assert any(a.id == "country:GEO" for a in rec.actors)  # the country, with no US place to back a state


def test_a_country_name_inside_a_longer_place_name_is_no_country(run):
    rec = run("Militants blew up an oil pipeline in the Niger Delta on Sunday.")
    assert all(a.country != "NER" for a in rec.actors)
    rec = run("Fighting spread across Western Cambodia on Monday, the army said.")
    assert any(a.id == "country:KHM" for a in rec.actors)


@pytest.mark.parametrize("text, phrase, group", [
    ("Al-Shabaab militants stormed a hotel in Mogadishu on Friday.", "militants", "group:al-shabaab"),
    ("Fighters from the Houthi movement attacked a ship in the Red Sea.", "Fighters", "group:houthis"),
    ("Hamas gunmen opened fire on Israeli troops near Rafah.", "gunmen", "group:hamas"),
])
def test_fighters_of_a_named_group_are_that_group(run, text, phrase, group):
    rec = run(text)
    assert actor_at(rec, phrase).id == group


def test_the_islamic_state_group_is_the_group_not_a_government(run):
    rec = run("Iraqi police arrested five men suspected of links to the Islamic State group in Mosul.")
    assert actor_at(rec, "Islamic State").id == "group:islamic-state"


def test_a_place_named_after_a_person_is_no_person(run):
    rec = run("A bomb exploded near a market in Dera Ismail Khan in Khyber Pakhtunkhwa, wounding four people.")
    assert all(a.kind != "person" for a in rec.actors)


def test_sectors_of_common_people_nouns(run):
    rec = run("The former mayor was sentenced to ten years in prison. His lawyers said they would appeal.")
    assert all("COP" not in a.sector for a in rec.actors)  # a prison is a place
    assert all("JUD" not in a.sector for a in rec.actors)  # his counsel are no judiciary
    rec = run("Three aid workers were killed near Kandahar on Monday, the charity said.")
    assert "LAB" not in actor_at(rec, "aid workers").sector
    rec = run("Police fired tear gas at protesters in Accra on Monday. At least 20 people were arrested.")
    assert actor_at(rec, "people").sector == ["OPP"]
    rec = run("Police arrested three people suspected of smuggling drugs in Accra.")
    assert actor_at(rec, "people").sector == ["CRM"]  # no protest: suspects
