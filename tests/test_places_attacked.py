"""A town named as what an attack was done to is a place, the event's place, and never an actor or a speaker.

Sentences written for these tests (towns chosen so that the model tags several of them PERSON or ORG, and the
attacker's nationality is the only country the sentence names).
"""
from __future__ import annotations

import pytest


def _place(record, words: str):
    for place in record.places:
        if any(record.text[s:e] == words for s, e in place.mentions):
            return place
    return None


def _actor_names(record) -> set[str]:
    """Names of the record's actors, and the words of its person and organisation actors' mentions (a country
    actor that stands in for a town's people holds the town's words as its mention)."""
    return {a.name for a in record.actors} | {record.text[s:e] for a in record.actors if a.kind != "country"
                                              for s, e in a.mentions}


def _events(record, trigger: str):
    return [e for e in record.events if record.text[e.trigger[0]:e.trigger[1]] == trigger]


# object of an attack verb (active): a place in the attacked side's country; the event's place
@pytest.mark.parametrize("text, town, trigger, country", [
    ("Russian drones struck Mykolaiv on Monday, the regional governor said.", "Mykolaiv", "struck", "UKR"),
    ("Russian forces bombarded Kostiantynivka overnight, killing three people.", "Kostiantynivka", "bombarded", "UKR"),
    ("Israeli aircraft pounded Beit Lahia on Tuesday, the civil defence agency said.", "Beit Lahia", "pounded", "PSE"),
])
def test_attacked_town_is_the_events_place(analyse, text, town, trigger, country):
    record = analyse(text)
    place = _place(record, town)
    assert place is not None and place.feature == "city" and place.country == country, record.places
    assert town not in _actor_names(record)
    events = _events(record, trigger)
    assert events and all(e.place == place.id for e in events)
    assert any(e.target == f"country:{country}" for e in events)


# a list of attacked towns: every one of them is a place
def test_attacked_towns_in_a_list(analyse):
    record = analyse("Russian artillery shelled Nikopol and Marhanets overnight, the governor said.")
    assert _place(record, "Nikopol") is not None and _place(record, "Marhanets") is not None


# passive subject of an attack verb
@pytest.mark.parametrize("text, town, trigger", [
    ("Sumy was shelled overnight, local officials said.", "Sumy", "shelled"),
    ("Pokrovsk was attacked by Russian drones on Sunday, the military said.", "Pokrovsk", "attacked"),
])
def test_passive_attacked_town(analyse, text, town, trigger):
    record = analyse(text)
    place = _place(record, town)
    assert place is not None and place.country == "UKR", [(p.name, p.country) for p in record.places]
    events = _events(record, trigger)
    assert events and events[0].place == place.id and events[0].target == "country:UKR"


# the object of an attack noun's "on"/"of" phrase
@pytest.mark.parametrize("text, town, country", [
    ("Overnight missile strikes on Dnipro killed five people, officials said.", "Dnipro", "UKR"),
    ("The siege of El Fasher has lasted more than a year, aid groups said.", "El Fasher", "SDN"),
])
def test_town_after_attack_noun(analyse, text, town, country):
    place = _place(analyse(text), town)
    assert place is not None and place.country == country


# "the town/city/village of X"
@pytest.mark.parametrize("text, town, country", [
    ("Israeli troops raided the town of Jenin on Monday, killing two men.", "Jenin", "PSE"),
    ("Sudanese paramilitaries stormed the city of El Fasher on Sunday.", "El Fasher", "SDN"),
    ("Gunmen stormed the village of Zurmi, residents said.", "Zurmi", "NGA"),
])
def test_town_of(analyse, text, town, country):
    record = analyse(text)
    place = _place(record, town)
    assert place is not None and place.country == country
    assert any(e.place == place.id for e in record.events)


# the victims of an attack on a town take the town's country, not the attacker's
def test_victims_of_attacked_town_take_its_country(analyse):
    record = analyse("Israeli troops raided the town of Jenin on Monday, killing two men.")
    killing = _events(record, "killing")
    assert killing and killing[0].target != "ISR-CVL"
    assert not any(a.code == "ISRCVL" for a in record.actors)


# the attacked town never takes the quote: "the governor said" is the governor's
@pytest.mark.parametrize("text, town", [
    ("Russian drones struck Mykolaiv on Monday, the regional governor said.", "Mykolaiv"),
    ("Russian forces bombarded Kostiantynivka overnight, the governor said.", "Kostiantynivka"),
])
def test_attacked_town_is_no_speaker(analyse, text, town):
    record = analyse(text)
    assert record.quotes
    assert all(q.speaker_name != town for q in record.quotes)


# a person attacked in words or with fists is no place: the doer is no armed force, country or national group
@pytest.mark.parametrize("text, name", [
    ("A man attacked Warren with a knife outside a bar, police said.", "Warren"),
    ("Opposition leaders attacked Madison over the delay, the newspaper reported.", "Madison"),
    ("Fans targeted Bolton with abuse after the match.", "Bolton"),
    ("The senator attacked Jackson over the budget on Tuesday.", "Jackson"),
])
def test_attacked_person_is_no_place(analyse, text, name):
    assert _place(analyse(text), name) is None


# the town whose building or district an armed force hit
@pytest.mark.parametrize("text, town", [
    ("Russian drones struck Izium's railway station on Monday, officials said.", "Izium"),
    ("Israeli tanks shelled Jabalia's main market, killing six people.", "Jabalia"),
])
def test_town_owning_the_target(analyse, text, town):
    record = analyse(text)
    place = _place(record, town)
    assert place is not None and place.feature == "city"
    assert town not in _actor_names(record)


# "X came under heavy shelling": a place, and "the governor said" is not the town's
@pytest.mark.parametrize("text, town, speaker", [
    ("Chernihiv came under heavy shelling overnight, the regional governor said.", "Chernihiv", "the regional governor"),
    ("Kostiantynivka came under artillery bombardment on Friday, the mayor said.", "Kostiantynivka", "the mayor"),
])
def test_town_under_shelling(analyse, text, town, speaker):
    record = analyse(text)
    assert _place(record, town) is not None
    assert town not in _actor_names(record)
    assert [q.speaker_name for q in record.quotes] == [speaker]


# the country the town's own phrase locates it in wins over a bigger namesake or the town that bears a former name
@pytest.mark.parametrize("text, town, country", [
    ("Rebels attacked the town of Salisbury in eastern Zimbabwe.", "Salisbury", "ZWE"),
    ("Gunmen raided the town of Albertville in eastern Congo.", "Albertville", "COD"),
])
def test_attacked_town_in_the_country_its_phrase_names(analyse, text, town, country):
    record = analyse(text)
    place = _place(record, town)
    assert place is not None and place.country == country, [(p.name, p.country) for p in record.places]
    assert all(e.target in (None, f"country:{country}") or country in (e.target or "") for e in record.events)


# nothing in the article points to a country: a name of towns in several countries, or a town's former name, is no
# place rather than a far guess
@pytest.mark.parametrize("text, town", [
    ("Armed men torched the village of Tura, witnesses said.", "Tura"),
    ("Militants raided the village of Aliabad overnight.", "Aliabad"),
])
def test_attacked_village_with_no_country_is_no_far_guess(analyse, text, town):
    assert _place(analyse(text), town) is None


# a capital's or town's possessive before people, forces or interests is the state that owns them: no place
@pytest.mark.parametrize("text, town", [
    ("Gunmen attacked Abuja's envoy in the north.", "Abuja"),
    ("Insurgents attacked Nairobi's troops near the border.", "Nairobi"),
])
def test_owner_city_is_no_attacked_place(analyse, text, town):
    record = analyse(text)
    place = _place(record, town)
    assert record.events and not any(place is not None and e.place == place.id for e in record.events)
