"""Natural features (rivers, lakes, islands, mountains, regions of ``places/data/features.tsv``) are places of
events but no evidence of the country of the people near them. Sentences written for these tests."""
from __future__ import annotations

from eventwatch.model import Document


def process(pipeline, text: str, published: str | None = "2026-06-01"):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


def country_of(record, words: str) -> str | None:
    """The country of the actor one of whose mentions covers the first occurrence of ``words``."""
    at = record.text.index(words)
    return next((a.country for a in record.actors if any(s <= at < e for s, e in a.mentions)), "no actor")


def test_an_island_and_a_river_do_not_outvote_the_town_of_the_arrest(pipeline):
    r = process(pipeline, "Demonstrators marched on Long Island and along the Danube. "
                          "Police detained 12 people in Eldoret.")
    assert country_of(r, "Police") == "KEN", [(a.id, a.country) for a in r.actors]


def test_soldiers_sent_to_a_river_are_not_of_the_rivers_country(pipeline):
    r = process(pipeline, "Soldiers were sent to the banks of the Nile on Monday.")
    assert any(p.id == "river:nile" for p in r.places)  # the river stays a place of the article
    assert country_of(r, "Soldiers") in (None, "no actor"), [(a.id, a.country) for a in r.actors]


def test_a_lake_alone_gives_the_officials_no_country(pipeline):
    r = process(pipeline, "Fishing boats stayed ashore on Lake Tanganyika, officials said.")
    assert country_of(r, "officials") in (None, "no actor"), [(a.id, a.country) for a in r.actors]


# ---- an organisation named "<words> of <Country>" is the organisation, not the country
def test_a_body_named_of_a_country_is_the_body_not_the_country(pipeline):
    r = process(pipeline, "The National Nurses Alliance of Ghana walked out of talks in Accra on Tuesday.")
    body = [a for a in r.actors if a.kind == "organization" and "Nurses Alliance" in a.name]
    assert body and body[0].country == "GHA", [(a.id, a.kind, a.country) for a in r.actors]
    assert not any(a.id == "country:GHA" and any(r.text[s:e] == "Ghana" for s, e in a.mentions) for a in r.actors)


def test_the_government_and_republic_of_a_country_stay_the_state(pipeline):
    r = process(pipeline, "The Government of Kenya condemned the attack. The Republic of Korea protested the launch.")
    codes = {a.code for a in r.actors}
    assert "KENGOV" in codes and "KOR" in codes, codes
