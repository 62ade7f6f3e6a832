"""Name forms (REVIEW10 #2, #8 name side, #11): a country's name is never a person's short form, short forms refer back
to a full name, surname particles belong to the name, an honorific and a surname are a person. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


@pytest.fixture(scope="module")
def undated(pipeline):
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    return Pipeline(Settings(), nlp=pipeline.nlp)  # no default date: an undated article stays undated


def process(pipeline, text: str, published: str | None = "2026-04-20"):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


def quote_with(record, words: str):
    return next(q for q in record.quotes if words in q.text)


# -- a country named before a person who shares its name ------------------------------------------------------------

def test_a_country_speaking_before_a_namesake_keeps_its_words(pipeline):
    r = process(pipeline, "Jordan said on Sunday that it had detained nine men accused of smuggling weapons. "
                          "Michael Jordan, the basketball player, was in Chicago.")
    assert quote_with(r, "detained nine men").speaker == "country:JOR"
    assert actor_at(r, "Jordan said").kind == "country"
    jordan = next(a for a in r.actors if a.id == "person:michael-jordan")
    assert [r.text[s:e] for s, e in jordan.mentions] == ["Michael Jordan"]


def test_a_later_namesake_does_not_take_the_country(pipeline):
    r = process(pipeline, "Chad announced on Monday that it would reopen the crossing. Lloyd Chad, a charity "
                          "worker, said families were waiting at the border.")
    assert quote_with(r, "reopen the crossing").speaker == "country:TCD"
    assert quote_with(r, "families were waiting").speaker == "person:lloyd-chad"


def test_a_given_name_that_is_a_country_is_no_country(pipeline):
    r = process(pipeline, "Israel Adesanya, the fighter, arrived in Sydney on Friday for a bout.")
    assert not any(a.id == "country:ISR" for a in r.actors), [a.id for a in r.actors]


# -- surname particles ---------------------------------------------------------------------------------------------

def test_a_surname_with_a_particle_is_one_person(pipeline):
    r = process(pipeline, "Far-right leader Marine Le Pen was convicted on Monday. Le Pen said she would appeal.")
    people = [a for a in r.actors if a.kind == "person" and "Pen" in a.name]
    assert [a.name for a in people] == ["Marine Le Pen"], [a.id for a in r.actors]
    assert not any(a.kind == "organization" and "Pen" in a.name for a in r.actors)


def test_de_and_van_short_forms_join_the_full_name(pipeline):
    r = process(pipeline, "Former governor Tarcisio de Freitas met bankers in Sao Paulo. De Freitas said the "
                          "economy would grow. Dutch minister Ruud van Nistelrooy met him. Van Nistelrooy said the "
                          "plan was sound.")
    assert actor_at(r, "De Freitas said").id == "person:tarcisio-de-freitas"
    assert actor_at(r, "Van Nistelrooy said").id == "person:ruud-van-nistelrooy"
    assert not any(a.id in ("org:de-freitas", "person:van-nistelrooy") for a in r.actors)


def test_a_family_name_first_is_the_short_form_of_a_three_word_name(pipeline):
    r = process(pipeline, "Prosecutors in Seoul indicted former president Yoon Suk Yeol on Sunday. Yoon denies "
                          "the charges.")
    assert actor_at(r, "Yoon denies").id == actor_at(r, "Yoon Suk Yeol").id, [a.id for a in r.actors]


def test_a_name_that_begins_with_a_function_word_is_whole(pipeline):
    r = process(pipeline, "Vietnamese leader To Lam met Chinese President Xi Jinping in Hanoi on Monday. "
                          "To Lam said the talks were useful.")
    lam = [a for a in r.actors if a.kind == "person" and a.name.endswith("Lam")]
    assert [a.name for a in lam] == ["To Lam"], [a.id for a in r.actors]


# -- an honorific and a surname -----------------------------------------------------------------------------------

def test_an_honorific_and_a_country_name_is_a_person(pipeline):
    r = process(pipeline, "Mr Kenya, a shopkeeper, said prices had risen sharply.")
    speaker = quote_with(r, "prices had risen").speaker
    assert speaker is not None and speaker.startswith("person:"), speaker
    assert not any(a.kind == "country" for a in r.actors)


def test_an_honorific_and_a_town_name_is_a_person_and_lends_no_country(pipeline):
    r = process(pipeline, "Mr Banda was detained in Lusaka on Friday. Ms Okafor, his lawyer, said Mr Banda "
                          "was innocent.")
    banda = actor_at(r, "Mr Banda was")
    assert banda is not None and banda.kind == "person", banda
    okafor = actor_at(r, "Okafor")
    assert okafor.kind == "person" and okafor.country in (None, "ZMB"), okafor


# -- regions, international bodies, sports bodies (REVIEW10 #7) --------------------------------------------------------

def test_a_regional_adjective_is_no_country_of_the_target_or_the_quote(pipeline):
    r = process(pipeline, "A senior European diplomat said on Monday that the bloc would impose new sanctions on "
                          "Iran. An Arab diplomat said Damascus had rejected the proposal.")
    codes = {a.code for a in r.actors}
    assert "IRNGOV" not in codes and "SYRGOV" not in codes, codes
    speakers = {q.speaker for q in r.quotes}
    assert not any(s and (s.startswith("IRN") or s.startswith("SYR")) for s in speakers), speakers


def test_a_regional_adjective_before_a_demonym_is_no_country(pipeline):
    r = process(pipeline, "Argentina signed a trade deal with South American countries on Monday. Latin American "
                          "leaders welcomed it.")
    assert not any(a.id == "country:USA" for a in r.actors), [a.id for a in r.actors]


def test_officials_of_an_international_body_take_no_country_from_the_dateline(pipeline):
    r = process(pipeline, "AMMAN, May 3 (Reuters) - The detainees were handed to Red Cross officials at the border on "
                          "Monday. United Nations officials in the capital said more would follow.")
    assert not any((a.code or "").startswith("JORGOV") for a in r.actors), [(a.id, a.code) for a in r.actors]


def test_a_regional_bank_and_a_sports_league_are_no_national_government(pipeline):
    r = process(pipeline, "The African Development Bank said in Abidjan on Tuesday that growth would slow. "
                          "Arsenal were fined by the Premier League for breaching spending rules.")
    bank = actor_at(r, "African Development Bank")
    assert bank is not None and not (bank.code or "").startswith("CIV"), (bank.id, bank.code)
    league = actor_at(r, "Premier League")
    assert league is None or "GOV" not in (league.code or ""), (league.id, league.code)


# -- the stages agree, offices are no bodies, a role holds a role (REVIEW10 #8) --------------------------------------

def test_congo_is_the_country_the_places_stage_found(pipeline):
    r = process(pipeline, "Rebels seized the town of Uvira in eastern Congo on Monday after fighting near Goma "
                          "and Bukavu.")
    congo = actor_at(r, "eastern Congo")
    place = next((p for p in r.places if any(r.text[s:e] == "Congo" for s, e in p.mentions)), None)
    assert place is not None and congo is not None
    assert congo.country == place.country, (congo.id, place.country)


def test_the_first_word_of_an_office_is_no_organisation(pipeline):
    r = process(pipeline, "Defence Secretary Pete Hegseth said on Friday that more troops would be sent. "
                          "Finance Minister Ana Lopez agreed.")
    assert not any(a.id in ("org:defence", "org:finance") for a in r.actors), [a.id for a in r.actors]


def test_a_role_field_holds_a_role_and_the_reason_goes_apart(undated):
    r = next(undated.process([Document(text="In 2003, Saddam Hussein was captured by US forces near Tikrit.",
                                       published=None, location="test")]))
    saddam = actor_at(r, "Saddam Hussein")
    assert saddam is not None and saddam.role is None, saddam.role
    assert saddam.role_note and "undated" in saddam.role_note


def test_the_chief_of_a_body_is_the_person_named_as_its_head(pipeline):
    r = process(pipeline, "Christine Lagarde, president of the European Central Bank, told reporters that inflation "
                          "was falling. The ECB chief said rates would stay high.")
    assert actor_at(r, "ECB chief").id == "person:christine-lagarde", [a.id for a in r.actors]
    r = process(pipeline, "Maria Lindqvist, director of the Baltic Shipping Authority, visited the port on Monday. "
                          "The BSA director said the new rules would apply from June.")
    assert actor_at(r, "BSA director").id == actor_at(r, "Maria Lindqvist").id, [a.id for a in r.actors]


def test_hackers_named_without_a_nationality_take_not_the_victims(pipeline):
    r = process(pipeline, "Hackers stole the records of two million customers of the Canadian bank Northway, "
                          "Canadian police said on Monday. Toronto officials said the hackers had demanded money.")
    hackers = actor_at(r, "Hackers")
    assert hackers is not None and hackers.country is None, (hackers.id, hackers.country)
    r = process(pipeline, "Chinese hackers broke into the network of a ministry in Manila, Philippine officials said.")
    assert actor_at(r, "Chinese hackers").country == "CHN"
