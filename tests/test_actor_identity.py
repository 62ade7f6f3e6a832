"""One actor, one identity (issue 18, item 3): honorifics, titles, surnames and possessives are one actor in a
document, the same canonical actor across documents, roles by the document's date; bodies known by an
acronym or named without the word for their kind keep one name and a sector. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


def process(pipeline, text: str, published: str | None = "2021-08-14"):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


def people(record, surname: str):
    return [a for a in record.actors if a.kind == "person" and surname in a.name]


@pytest.fixture(scope="module")
def undated(pipeline):
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    return Pipeline(Settings(), nlp=pipeline.nlp)  # no default date: an undated article stays undated


def test_an_honorific_before_a_full_name_is_not_another_person(pipeline):
    r = process(pipeline, "Mrs Ellen Barrow told reporters in Boston that she would run for mayor. "
                          "“It is time,” Mrs Barrow said.")
    barrows = people(r, "Barrow")
    assert [a.name for a in barrows] == ["Ellen Barrow"], [a.id for a in r.actors]
    assert {q.speaker for q in r.quotes} == {barrows[0].id}


def test_title_honorific_surname_and_possessive_are_one_dated_actor(pipeline):
    r = process(pipeline, "Prime Minister Tony Blair visited a school in Leeds. Mr Blair said teachers "
                          "deserved more, and Blair's aides promised a bill.", published="2005-03-01")
    blairs = people(r, "Blair")
    assert len(blairs) == 1, [a.id for a in r.actors]
    assert blairs[0].id == "person:tony-blair" and blairs[0].code == "GBRGOV"
    assert {"Tony Blair", "Blair"} <= {r.text[s:e] for s, e in blairs[0].mentions}


def test_the_same_person_is_one_canonical_actor_across_documents_with_the_role_of_each_date(pipeline, undated):
    text = "Tony Blair spoke to students in Manchester. Mr Blair said the war had been a hard choice."
    then, later = process(pipeline, text, "2005-03-01"), process(pipeline, text, "2015-03-01")
    none = process(undated, text, None)
    ids = {people(r, "Blair")[0].id for r in (then, later, none)}
    assert ids == {"person:tony-blair"}
    assert people(then, "Blair")[0].code == "GBRGOV"
    assert people(later, "Blair")[0].code != "GBRGOV"  # out of office by then
    blair = people(none, "Blair")[0]
    assert blair.code != "GBRGOV" and "undated" in (blair.role_note or "") and blair.role is None


@pytest.mark.parametrize("text, phrase", [
    ("The GMB union called a strike at the bus depot in Leeds.", "GMB"),
    ("Unison, the health workers' union, backed the strike by nurses in Cardiff.", "Unison"),
    ("The United Auto Workers threatened a strike at three plants in Detroit.", "United Auto Workers"),
])
def test_a_union_named_without_the_word_union_is_labour(pipeline, text, phrase):
    a = actor_at(process(pipeline, text), phrase)
    assert a is not None and a.sector[:1] == ["LAB"], a


def test_a_party_of_workers_is_a_party_not_a_union(pipeline):
    a = actor_at(process(pipeline, "The Socialist Workers Party marched through London on Saturday."),
                 "Socialist Workers Party")
    assert a is not None and a.sector[:1] == ["PTY"]


def test_an_unknown_body_with_a_sector_takes_the_one_country_the_article_names(pipeline):
    r = process(pipeline, "The Coastal Roads Agency fined two contractors in Abuja on Monday.")
    agency = actor_at(r, "Coastal Roads Agency")
    assert agency is not None and agency.code == "NGAGOV" and agency.country == "NGA"


def test_an_unknown_body_in_an_article_of_two_countries_gets_no_guess(pipeline):
    r = process(pipeline, "The Coastal Roads Agency fined contractors in Abuja on Monday. Talks in Accra and Lome failed.")
    agency = actor_at(r, "Coastal Roads Agency")
    assert agency is not None and agency.country is None and agency.code == "---GOV"


def test_a_body_whose_name_begins_with_its_country_is_one_actor_with_its_acronym(pipeline):
    r = process(pipeline, "The Ghana Revenue Authority (GRA) raised fuel taxes in Accra on Monday. "
                          "“We need the money,” the GRA said.")
    gra = actor_at(r, "Ghana Revenue Authority")
    assert gra is not None and gra.name == "Ghana Revenue Authority"
    assert (gra.country, gra.sector[:1]) == ("GHA", ["GOV"])
    assert actor_at(r, "GRA said") is gra
    quote = next(q for q in r.quotes if "money" in q.text)
    assert quote.speaker == gra.id and quote.speaker_name == gra.name  # the actor table's canonical name


def test_a_countrys_own_force_keeps_the_country(pipeline):
    r = process(pipeline, "Kenyan police arrested three men in Nairobi on Monday.")
    assert actor_at(r, "Kenyan police").code == "KENCOP"


def test_whether_a_noun_names_a_firm_is_one_data_file_of_the_actor_stage():
    from eventwatch.actors.lexicon import firm_nouns, firm_sectors
    from eventwatch.quotes.lexicon import speaker_nouns

    assert {"carmaker", "broadcaster"} <= firm_nouns() and {"BUS", "MED"} <= firm_sectors()
    assert "firm" not in set(speaker_nouns().values())  # the quote stage keeps no list of its own


def test_a_persons_trade_noun_is_no_firm_and_a_firms_is(analyse):
    r = analyse("Talvik Motors cut 200 jobs at its plant in Turin. The carmaker said demand had fallen.")
    assert next(q for q in r.quotes if "demand" in q.text).speaker_name == "Talvik Motors"
    r = analyse("Oskar Brandt met reporters from the Daily Ledger. “We will build,” the businessman said.")
    assert next(q for q in r.quotes if "build" in q.text).speaker_name == "Oskar Brandt"


def test_a_name_after_a_persons_office_is_a_person_whatever_the_tagger_says(pipeline):
    r = process(pipeline, "Officers of the Lakeland Drug Control Agency (LDCA) seized heroin in Lagos. "
                          "“We will not relent,” LDCA spokesman Tunde Balogun said.")
    speaker = actor_at(r, "Tunde Balogun")
    assert speaker is not None and speaker.kind == "person" and speaker.role == "Spokesman"
    assert next(q for q in r.quotes if "relent" in q.text).speaker == speaker.id


@pytest.mark.parametrize("text, phrase, country, sector", [
    ("The Kenya Defence Forces shelled a camp near the border.", "Kenya Defence Forces", "KEN", "MIL"),
    ("The Lebanon Central Bank cut interest rates on Monday.", "Lebanon Central Bank", "LBN", "GOV"),
])
def test_a_country_that_begins_a_bodys_name_still_gives_a_states_body(pipeline, text, phrase, country, sector):
    r = process(pipeline, text)
    i = r.text.index(phrase)
    bodies = [a for a in r.actors if a.kind != "country" and any(s < i + len(phrase) and e > i for s, e in a.mentions)]
    assert [(a.country, a.sector[:1]) for a in bodies] == [(country, [sector])], bodies
