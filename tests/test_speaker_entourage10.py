"""Speakers around a named person and speakers whose actor exists but was not linked (REVIEW10 #3, #12).

#3 «X's ROLE said»: a role-holder named in apposition is that person; an unnamed spokesman or press
secretary speaks for X (X's actor, named as X's spokesman); a lawyer, adviser, aide, chief of staff or
relative speaks as themself (no actor: their words are not X's).
#12 a described speaker the actor stage read whole («the foreign ministry in Budapest», «the territory's
health ministry»), «Its regional director» of a body, «a party/police spokesman» of the party or police
named before, «his office» (linked to him, named as written), «the statement from the X presidency». Sentences written for these tests."""
from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


def _actor_of(rec, words: str):
    hits = [a for a in rec.actors if any(rec.text[s:e] == words for s, e in a.mentions)]
    assert hits, f"no actor mentioned as {words!r}: {[(a.id, [rec.text[s:e] for s, e in a.mentions]) for a in rec.actors]}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, name", [
    ("Turkish President Recep Tayyip Erdogan met the Swedish envoy in Ankara. Erdogan's spokesman, Kemal Arslan, "
     "said the talks would continue.", "talks would continue", "Kemal Arslan"),
    ("Turkish President Recep Tayyip Erdogan spoke to Putin. Erdogan's adviser, Kemal Arslan, told reporters the "
     "call had been warm.", "call had been warm", "Kemal Arslan"),
])
def test_an_aide_named_in_apposition_is_the_speaker(analyse, text, fragment, name):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker == _actor_of(rec, name).id and q.speaker_name == name, (q.speaker, q.speaker_name)


@pytest.mark.parametrize("text, fragment, principal, role", [
    ("Indian Prime Minister Narendra Modi cancelled his visit to Dhaka. Modi's spokesman said the visit would be "
     "rescheduled.", "rescheduled", "Narendra Modi", "spokesman"),
    ("Brazilian President Luiz Inacio Lula da Silva met the envoy. Lula's press secretary told reporters the "
     "summit would go ahead.", "summit would go ahead", "Luiz Inacio Lula da Silva", "press secretary"),
])
def test_a_spokesman_speaks_for_the_person_and_is_named_as_the_spokesman(analyse, text, fragment, principal, role):
    """REVIEW10 #3: the spokesman is not the person (a person of the role, affiliated to them and coded as them)."""
    rec = analyse(text)
    q = _find(rec, fragment)
    owner = _actor_of(rec, principal)
    voice = next(a for a in rec.actors if a.id == q.speaker)
    assert voice.id != owner.id and voice.kind == "person" and voice.affiliation == owner.id, voice
    assert voice.code == owner.code, (voice.code, owner.code)
    assert q.speaker_name == f"{owner.name}'s {role}", q.speaker_name  # the person in full, and the role


@pytest.mark.parametrize("text, fragment, name", [
    ("Former Pakistani prime minister Imran Khan was sentenced to ten years in prison. Khan's lawyer said he "
     "would appeal the verdict.", "appeal the verdict", "Khan's lawyer"),
    ("Ukrainian President Volodymyr Zelensky met US envoys in Kyiv. Zelensky's chief of staff said the talks "
     "had gone well.", "talks had gone well", "Zelensky's chief of staff"),
    ("Former Bolivian president Evo Morales was charged with fraud. Morales's adviser said the charges were "
     "political.", "charges were political", "Morales's adviser"),
])
def test_a_lawyer_or_aide_speaks_as_themself(analyse, text, fragment, name):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker is None and q.speaker_name == name, (q.speaker, q.speaker_name)


@pytest.mark.parametrize("text, fragment, words", [
    ("Hungary summoned the Dutch ambassador on Tuesday. The remarks were unacceptable, the foreign ministry in "
     "Budapest said.", "remarks were unacceptable", "foreign ministry in Budapest"),
    ("Kenya rejected the report. The government in Nairobi said the figures were wrong.", "figures were wrong",
     "government in Nairobi"),
    ("Israeli strikes hit Rafah. At least 9 people were killed, according to the territory's health ministry.",
     "people were killed", "the territory's health ministry"),
])
def test_a_described_body_the_actor_stage_read_whole_is_linked(analyse, text, fragment, words):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker is not None and q.speaker == _actor_of(rec, words).id, (q.speaker, q.speaker_name)


@pytest.mark.parametrize("text, fragment, body", [
    ("The World Health Organization warned that measles was spreading in Chad. \"The situation is grave,\" the "
     "agency said. Its regional director said 300 children had died.", "300 children", "World Health Organization"),
    ("UNICEF appealed for funds for Yemen. Its country director said half the children were malnourished.",
     "malnourished", "UNICEF"),
    ("Indonesian police arrested 12 students in Bandung on Monday. Demonstrators threw stones at officers. A "
     "police spokesman said three officers were hurt.", "officers were hurt", "Indonesian police"),
    ("Pakistan's largest opposition party boycotted the vote. A party spokeswoman said the count had been rigged.",
     "count had been rigged", "Pakistan's largest opposition party"),
])
def test_an_officer_or_spokesman_of_the_body_before_speaks_for_it(analyse, text, fragment, body):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker == _actor_of(rec, body).id, (q.speaker, q.speaker_name)


@pytest.mark.parametrize("text, fragment, person", [
    ("Chile's President Gabriel Boric flew to Lima. His office said he would meet the Peruvian president.",
     "meet the Peruvian", "Gabriel Boric"),
    ("Kenya's president will travel to Washington in May, his office said.", "travel to Washington",
     "Kenya's president"),
])
def test_his_office_speaks_for_him(analyse, text, fragment, person):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker == _actor_of(rec, person).id, (q.speaker, q.speaker_name)
    assert q.speaker_name.lower() == "his office", q.speaker_name  # the office as written, linked to him


@pytest.mark.parametrize("text, fragment", [
    ("The statement from the Ghanaian presidency said the strike had ended.", "strike had ended"),
    ("Kenya's cabinet met on Monday. The statement from the Kenyan presidency said the talks would resume.",
     "talks would resume"),
])
def test_the_statement_from_a_described_body_is_the_body_not_the_statement(analyse, text, fragment):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker_name and "presidency" in q.speaker_name, (q.speaker, q.speaker_name)
