"""Quote speakers linked to the record's actors (REVIEW8 §8): a found speaker name carries the actor id when
the people table has (or should have) the actor — "the Chilean navy", "the minister" after a minister named by
role, "a spokeswoman for the carmaker", "the agency" after a body's own clause, "the federation's president", a
he/she for the one person a noun described, an office no one named before ("the mayor"), and no organisation
"State" from "Secretary of State". Sentences written for these tests."""
from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


def _actor_of(rec, words: str):
    """The record's actor with a mention whose text is ``words``."""
    hits = [a for a in rec.actors if any(rec.text[s:e] == words for s, e in a.mentions)]
    assert hits, f"no actor mentioned as {words!r}: {[(a.id, [rec.text[s:e] for s, e in a.mentions]) for a in rec.actors]}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, words", [
    ("The Chilean navy said on Friday that two fishing boats had been seized.", "fishing boats", "Chilean navy"),
    ("Two convoys were hit near the border overnight, the Sudanese army claimed.", "convoys were hit", "Sudanese army"),
    ("The Peruvian interior ministry said roadblocks had been cleared.", "roadblocks", "Peruvian interior ministry"),
])
def test_definite_body_with_a_people_name_is_its_own_actor(analyse, text, fragment, words):
    rec = analyse(text)
    q = _find(rec, fragment)
    assert q.speaker is not None and q.speaker == _actor_of(rec, words).id, (q.speaker, q.speaker_name)


def test_the_minister_after_a_minister_named_by_role(analyse):
    rec = analyse("Delegates from Kenya and Uganda met in Arusha on Friday. The Kenyan interior minister said afterwards "
                  "that the talks had gone well. \"There is no reason to delay the deal,\" the minister said.")
    first, second = _find(rec, "talks had gone well"), _find(rec, "no reason to delay")
    assert first.speaker is not None and second.speaker == first.speaker, (first.speaker, second.speaker)


def test_a_spokeswoman_for_the_carmaker_is_the_firm_named_before(analyse):
    rec = analyse("Regulators fined Renault 90 million euros over emissions data. Renault said it would contest the fine. "
                  "A spokeswoman for the carmaker said it had followed every rule.")
    q = _find(rec, "followed every rule")
    assert q.speaker == _actor_of(rec, "Renault").id, (q.speaker, q.speaker_name)


def test_the_agency_after_a_body_in_its_own_clause(analyse):
    rec = analyse("UNICEF vaccinated 3,000 children in Darfur last week, the agency said. Fighting closed two roads.")
    q = _find(rec, "vaccinated")
    assert q.speaker == _actor_of(rec, "UNICEF").id, (q.speaker, q.speaker_name)


def test_the_officer_of_a_described_body_is_the_body(analyse):
    rec = analyse("Hafen Logistics said it would close two depots. Verdi, the country's biggest union, said it would call "
                  "a strike. \"The workers were never consulted,\" the union's secretary said.")
    q = _find(rec, "never consulted")
    assert q.speaker == _actor_of(rec, "Verdi").id, (q.speaker, q.speaker_name)


def test_he_or_she_with_no_one_named_is_the_person_a_noun_described(analyse):
    rec = analyse("A tribunal in Lyon fined the blogger 5,000 euros for defamation. She said she would challenge the ruling.")
    q = _find(rec, "challenge the ruling")
    assert q.speaker is not None and q.speaker == _actor_of(rec, "blogger").id, (q.speaker, q.speaker_name)
    rec = analyse("A tribunal in Lyon fined Claire Martin 5,000 euros for defamation. She said she would challenge the ruling.")
    q = _find(rec, "challenge the ruling")
    assert q.speaker == _actor_of(rec, "Claire Martin").id, q.speaker  # a named person comes first


def test_an_office_no_one_was_named_for_becomes_a_person(analyse):
    rec = analyse("Rising water reached the town hall on Sunday. The mayor said the dams would hold.")
    q = _find(rec, "dams would hold")
    assert q.speaker is not None and q.speaker.endswith("/mayor"), q.speaker
    assert any(a.id == q.speaker and a.kind == "person" for a in rec.actors)
    rec = analyse("A court in Leeds jailed a lorry driver for six years. The judge told him he had shown no remorse.")
    q = _find(rec, "no remorse")
    assert q.speaker is not None and q.speaker.endswith("/judge") and q.speaker.startswith("GBR-JUD"), q.speaker


def test_an_office_held_by_a_named_person_stays_that_person(analyse):
    rec = analyse("Lena Ortiz, the city's mayor, visited the flooded streets. The mayor said the dams would hold.")
    q = _find(rec, "dams would hold")
    assert q.speaker == _actor_of(rec, "Lena Ortiz").id, q.speaker


def test_no_organisation_from_the_word_of_an_office(analyse):
    rec = analyse("Aid will resume next month, Secretary of State Ana Ruiz said on Monday. The Bolivian government "
                  "welcomed the decision.")
    assert not any(a.name == "State" for a in rec.actors), [a.id for a in rec.actors]
    speaker = _find(rec, "Aid will resume").speaker
    assert any(a.id == speaker and a.name == "Ana Ruiz" and a.kind == "person" for a in rec.actors), speaker


def test_a_body_described_with_an_organisations_name_is_that_organisation(analyse):
    rec = analyse("Dockers in Hamburg stopped work. The Verdi trade union said the talks had failed.")
    q = _find(rec, "talks had failed")
    assert q.speaker == _actor_of(rec, "Verdi").id, (q.speaker, [a.id for a in rec.actors])
    rec = analyse("Bakers walked out in Leeds. The GMB union said the pay offer was an insult. GMB has many members.")
    assert _find(rec, "pay offer").speaker == _actor_of(rec, "GMB").id


def test_the_party_after_its_adjective(analyse):
    rec = analyse("A Conservative councillor in Hull resigned on Friday over a leaked email. In a statement, the "
                  "party said the email had been misread. Conservative Party officials declined to comment further.")
    q = _find(rec, "misread")
    party = [a for a in rec.actors if a.name.startswith("Conservative")]
    assert party and q.speaker == party[0].id, (q.speaker, [(a.id, a.name) for a in rec.actors])


def test_the_court_after_a_court_named_by_its_place(analyse):
    rec = analyse("A Madrid court ordered the release of two activists on Tuesday. The court said the evidence was weak.")
    q = _find(rec, "evidence was weak")
    assert q.speaker is not None and q.speaker == _actor_of(rec, "Madrid court").id, (q.speaker, [(a.id, a.mentions) for a in rec.actors])
