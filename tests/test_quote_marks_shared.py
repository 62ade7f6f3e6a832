"""The one reader of quotation marks (eventwatch.nlp.marks), as the actor and event stages ask it."""
import pytest

from eventwatch.nlp.marks import marked, quote_at, same_quote


@pytest.mark.parametrize("text", [
    'The mayor said: "They closed the bridge at noon." Then she left.',
    "The mayor said: \u201cThey closed the bridge at noon.\u201d Then she left.",
    "The mayor said: 'They closed the bridge at noon.' Then she left.",
])
def test_a_word_inside_a_quote_and_one_outside_are_apart_whatever_the_marks(nlp, text):
    doc = nlp(text)
    they, mayor, she = (text.index(w) for w in ("They", "mayor", "she"))
    assert quote_at(doc, they) is not None and quote_at(doc, mayor) is None and quote_at(doc, she) is None
    assert not same_quote(doc, they, mayor)
    assert same_quote(doc, mayor, she)
    assert same_quote(doc, they, text.index("bridge"))


def test_an_apostrophe_is_no_quote(nlp):
    text = "The union's leaders said the workers' pay offer was rejected."
    doc = nlp(text)
    assert marked(doc) == []
    assert same_quote(doc, text.index("union"), text.index("rejected"))


def test_the_marks_are_read_once_per_document(nlp):
    doc = nlp('"We will strike," the union said.')
    assert marked(doc) is marked(doc)


@pytest.mark.parametrize("open_, close", [('"', '"'), ("\u201c", "\u201d"), ("'", "'")])
def test_a_pronoun_in_a_later_quote_of_the_same_speaker_goes_back_to_the_earlier_quote(pipeline, open_, close):
    # the actor stage's pronoun reader asks nlp.marks: a mention quoted apart is no antecedent only for a pronoun
    # outside quotes
    from eventwatch.model import Document

    text = (f"Asked about Norway, the Estonian leader said the border was calm. {open_}Moscow has said this "
            f"before,{close} Kallas said, {open_}and then it invaded Georgia.{close}")
    r = next(pipeline.process([Document(text=text, published="2026-05-04")]))
    actors = {a.id: a for a in r.actors}
    attacks = [e for e in r.events if e.cameo.startswith(("18", "19"))]
    assert attacks, r.events
    assert all(e.source and (actors[e.source].code or "").startswith("RUS") for e in attacks), \
        [(e.cameo, e.source) for e in attacks]
