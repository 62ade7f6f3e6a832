"""Name forms (REVIEW10 #2, #8 name side, #11): a country's name is never a person's short form, short forms refer back
to a full name, surname particles belong to the name, an honorific and a surname are a person. Sentences written for
these tests."""
from __future__ import annotations

from eventwatch.model import Document
from actor_helpers import actor_at


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
