"""Speakers by the full name the article gives them (issue 20, seventh session, tune2 review): a
description owned by a definite noun ("the group's general secretary") is the person named before, and
the people named inside a subject phrase. Sentences written for these tests; texts are analysed without
the cleaner."""
from __future__ import annotations

import pytest

from eventwatch.eval.quotes import same_speaker

from quote_helpers import find_quote as _find

FORUM = ("The Ashfield Forum's Dunstan Quillery said the change was \"long overdue\". The campaign group's "
         "secretary said on Radio 5 that the courts were too slow.\n\nMr Quillery added: \"Nobody has listened.\"")

CASES = [
    # "the group's secretary": a role owned by a definite description is the person named before
    (FORUM, "courts were too slow", "Dunstan Quillery"),
    # "said the statement" after "in a statement, the party said": the party, not the paper before
    ("The Evening Courier said the candidate had called for \"deep cuts\" in local services. In a statement, the "
     "party said the remark had been taken out of context. \"He fully backs our plans for the town hall,\" said "
     "the statement.", "He fully backs", "the party"),
    # "a Conservative spokesperson": the party the adjective names
    ("The Liberal Democrats want to unseat prominent Conservatives in May, Conservative Party officials fear. Lib Dem "
     "leader Nia Hollis spoke in Bath on Monday.\n\nA Conservative spokesperson said: \"Voters will not be fooled by "
     "these promises.\"", "Voters will not be fooled", "Conservative Party"),
]


@pytest.mark.parametrize("text,fragment,speaker", CASES, ids=[c[2] + ":" + c[1][:16] for c in CASES])
def test_speaker_by_full_name(analyse, text, fragment, speaker):
    q = _find(analyse(text), fragment)
    assert same_speaker(q.speaker_name, speaker), q.speaker_name


def test_a_name_the_article_also_writes_after_an_honorific_is_a_person(pipeline):
    """A capitalised name with a given name no list knows is a person when the article calls someone
    by its last word after "Mr" ("Zorvath Quillery said … Mr Quillery added"); "Mr Quillery" is him."""
    from eventwatch.actors import people_of
    from eventwatch.model import Record

    text = "Zorvath Quillery said the change was overdue. Mr Quillery added that the courts were slow."
    doc = pipeline.nlp(text)
    record = Record(id="t", text=text)
    pipeline.analyse(doc, record)
    table = people_of(doc, record).referents([])
    person = table._named("Zorvath Quillery")
    assert person is not None and person.kind == "person" and person.name == "Zorvath Quillery"
    assert table._named("Mr Quillery") is person
    assert table._named("Zorvath Brennick") is None  # no "Mr Brennick" in the article


def _parsed(nlp, words, heads, deps, pos, ents=()):
    """A Doc with the parse given (the parser's slips, written out, so the test does not hang on a model)."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=list(ents))


def test_of_two_subjects_the_parser_split_one_phrase_into_the_one_next_to_the_verb_speaks(nlp):
    """«Usdaw area officer Peter Carrow added»: parsed with "Usdaw" and "Carrow" both subjects of the verb."""
    from eventwatch.quotes.cues import subject_of

    words = ["Usdaw", "area", "officer", "Peter", "Carrow", "added", "that", "shops", "would", "shut", "."]
    heads = [5, 2, 4, 4, 5, 5, 9, 9, 9, 5, 5]
    deps = ["nsubj", "compound", "compound", "compound", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos, ["B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert subject_of(doc[5]).text == "Carrow"


def test_a_title_after_a_name_that_heads_the_phrase_is_the_persons(nlp):
    """«Labour backbencher Alan Drewitt MP said»: parsed with "MP" as head; the speaker is the person."""
    from eventwatch.quotes.speakers import speaker_token

    words = ["Labour", "backbencher", "Alan", "Drewitt", "MP", "said", "it", "was", "wrong", "."]
    heads = [4, 4, 4, 4, 5, 5, 7, 5, 7, 5]
    deps = ["compound", "compound", "compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos, ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert speaker_token(doc[4]).text == "Drewitt"
    doc = _parsed(nlp, words, heads, deps, pos, ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"])
    assert speaker_token(doc[4]).text == "MP"  # no person named in the phrase: as written


def test_a_nationality_spokesman_is_no_company_of_that_word(analyse):
    """«A Russian spokesman»: only a party is named by its adjective, not "Russian Railways"."""
    q = _find(analyse("Russian Railways raised fares on Monday. A Russian spokesman said the talks had stalled."),
              "talks had stalled")
    assert not same_speaker(q.speaker_name, "Russian Railways"), q.speaker_name
