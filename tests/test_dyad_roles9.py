"""Event arguments, ninth session: acts told from the side of the one they are done to ("came under fire FROM Y":
Y the source), acts owned by a claim ("claimed responsibility FOR the bombing": the claimant made it), two parties
named in one subject of a symmetric act ("X and Y troops clashed"), and crowds named by their number ("Thousands
rallied"). Sentences written for these tests, varying the constructions, not taken from any corpus."""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str, published: str | None = "2025-03-11"):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


def code_of(record, aid) -> str | None:
    a = next((a for a in record.actors if a.id == aid), None)
    return a.code if a is not None else None


def roots(record, *wanted):
    return [e for e in record.events if e.root in wanted]


@pytest.mark.parametrize("text, source, target", [
    ("Moscow came under fire from Washington over the arrests.", "USA", "RUS"),
    ("The Indian government faced criticism from Pakistan over the new dam.", "PAK", "IND"),
    ("Poland's president drew criticism from the European Commission over the law.", "IGO", "POL"),
    ("The French government came under pressure from Germany on Monday.", "DEU", "FRA"),
])
def test_an_act_undergone_has_the_from_phrase_as_its_source(pipeline, text, source, target):
    r = process(pipeline, text)
    crit = roots(r, "11")
    assert crit, [(e.cameo, e.source, e.target) for e in r.events]
    e = crit[0]
    assert (code_of(r, e.source) or "").startswith(source), (e.source, e.target)
    assert (code_of(r, e.target) or "").startswith(target), (e.source, e.target)


def test_facing_charges_still_has_no_source(pipeline):
    r = process(pipeline, "The former Brazilian president faces charges of corruption.")
    for e in roots(r, "17"):
        assert e.source is None, (e.source, e.target)


@pytest.mark.parametrize("text, claimant", [
    ("Al-Shabaab claimed responsibility for the bombing in Mogadishu.", "SOM"),
    ("The Pakistani Taliban took credit for the suicide attack on the army base.", "PAK"),
    ("Boko Haram claimed responsibility for the bombing of a church in Kano.", "NGA"),
])
def test_the_act_a_group_claims_is_done_by_that_group(pipeline, text, claimant):
    r = process(pipeline, text)
    acts = roots(r, "18", "19")
    assert acts, [(e.cameo, e.source, e.target) for e in r.events]
    assert all((code_of(r, e.source) or "").startswith(claimant) for e in acts), [(e.cameo, e.source) for e in acts]


def test_a_denied_act_gets_no_owner_from_the_denial(pipeline):
    r = process(pipeline, "The rebels denied responsibility for the bombing of the market.")
    for e in roots(r, "18"):
        assert e.source is None, (e.cameo, e.source)


@pytest.mark.parametrize("text, first, second", [
    ("Indian and Chinese troops clashed in the Galwan valley.", "INDMIL", "CHNMIL"),
    ("Ethiopian and Eritrean soldiers clashed near Badme on Sunday.", "ETHMIL", "ERIMIL"),
    ("Armenian and Azerbaijani forces fought along the border.", "ARMMIL", "AZEMIL"),
])
def test_two_countries_adjectives_on_one_armed_noun_are_two_sides(pipeline, text, first, second):
    r = process(pipeline, text)
    fights = roots(r, "19")
    assert fights, [(e.cameo, e.source, e.target) for e in r.events]
    pairs = {(code_of(r, e.source), code_of(r, e.target)) for e in fights}
    assert (first, second) in pairs, pairs


def test_one_countrys_adjective_on_a_group_noun_stays_one_side(pipeline):
    r = process(pipeline, "Nigerian troops fought the insurgents near Maiduguri.")
    fights = roots(r, "19")
    assert fights, [(e.cameo, e.source, e.target) for e in r.events]
    assert {code_of(r, e.source) for e in fights} == {"NGAMIL"}, [(e.source, e.target) for e in fights]


def test_a_quarrel_worded_as_a_clash_is_no_fight(pipeline):
    r = process(pipeline, "The two ministers clashed over the budget on Tuesday.")
    assert not roots(r, "19"), [(e.cameo, e.source, e.target) for e in r.events]


@pytest.mark.parametrize("text, code", [
    ("Thousands rallied outside the palace in Bangkok.", "THAOPP"),
    ("Tens of thousands marched through central Tbilisi on Saturday.", "GEOOPP"),
    ("Hundreds rallied in front of the courthouse in Lagos on Friday.", "NGAOPP"),
])
def test_a_crowd_named_by_its_size_protests_as_the_places_protesters(pipeline, text, code):
    r = process(pipeline, text)
    protests = roots(r, "14")
    assert protests, [(e.cameo, e.source, e.target) for e in r.events]
    assert {code_of(r, e.source) for e in protests} == {code}, [(e.cameo, e.source) for e in protests]


@pytest.mark.parametrize("text", [
    "Hundreds demonstrated in Paris and Berlin against the war.",   # two countries: no one country's protesters
    "Thousands protested on Sunday.",                               # no place at all
])
def test_a_crowd_gets_no_country_the_sentence_does_not_settle(pipeline, text):
    r = process(pipeline, text)
    for e in roots(r, "14"):
        assert e.source is None, (e.cameo, e.source)


@pytest.mark.parametrize("text, target", [
    ("Hungary criticised the EU's Russia sanctions on Monday.", "IGO"),
    ("Pakistan condemned India's Kashmir policy on Friday.", "IND"),
])
def test_a_things_possessive_owner_comes_before_what_it_is_about(pipeline, text, target):
    r = process(pipeline, text)
    crit = roots(r, "11")
    assert crit, [(e.cameo, e.source, e.target) for e in r.events]
    assert (code_of(r, crit[0].target) or "").startswith(target), (crit[0].source, crit[0].target)


@pytest.mark.parametrize("text, root, first, second", [
    ("The Russia-Ukraine war has displaced millions of people.", "19", "RUS", "UKR"),
    ("The Israel-Hamas ceasefire collapsed on Tuesday.", "08", "ISR", "PSE"),
    ("Fighting ended the Iran-Iraq war in 1988.", "19", "IRN", "IRQ"),
])
def test_a_hyphenated_pair_before_an_act_noun_is_its_source_and_target(pipeline, text, root, first, second):
    r = process(pipeline, text)
    acts = roots(r, root)
    assert acts, [(e.cameo, e.source, e.target) for e in r.events]
    pairs = {((code_of(r, e.source) or "")[:3], (code_of(r, e.target) or "")[:3]) for e in acts}
    assert (first, second) in pairs, pairs


def test_a_hyphenated_modifier_with_one_party_is_no_pair(pipeline):
    r = process(pipeline, "The Saudi-led coalition launched air strikes on Sanaa.")
    assert roots(r, "19"), [(e.cameo, e.source, e.target) for e in r.events]
    for e in roots(r, "19"):
        assert (code_of(r, e.source) or "").startswith("SAU"), (e.source, e.target)


@pytest.mark.parametrize("text, code", [
    ("The protests by Turks angry over the war continued for days.", "TUROPP"),
    ("Palestinians protested against the new settlement on Friday.", "PSEOPP"),
])
def test_a_protest_by_a_countrys_people_is_by_its_protesters(pipeline, text, code):
    r = process(pipeline, text)
    protests = roots(r, "14")
    assert protests, [(e.cameo, e.source, e.target) for e in r.events]
    assert {code_of(r, e.source) for e in protests} == {code}, [(e.cameo, e.source) for e in protests]


def test_a_state_protesting_keeps_its_own_code(pipeline):
    r = process(pipeline, "Turkey protested to Russia over the air strike.")
    said = [e for e in r.events if e.source]
    assert said, [(e.cameo, e.source, e.target) for e in r.events]
    assert all(code_of(r, e.source) == "TUR" for e in said), [(e.cameo, e.source) for e in said]
