"""The trained trigger tagger (events/tagger.py), on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.events.learned import CLASSES
from eventwatch.events.tagger import load_tagger
from eventwatch.model import Document


@pytest.fixture(scope="module")
def tagger():
    t = load_tagger()
    assert t is not None, "the shipped tagger (events/data/trigger_tagger/ + trigger_tagger.json) must load offline"
    return t


def best_root(tagger, doc, word: str) -> tuple[str, float]:
    i = next(t.i for t in doc if t.text == word)
    p = tagger.doc_proba(doc)[i]
    k = int(p[1:].argmax()) + 1
    return CLASSES[k], float(p[k])


def lexicon_roots(pipeline, text: str) -> list[str]:
    record = next(pipeline.process([Document(text=text, published="2024-03-05", location="test")]))
    return [e.root for e in record.events]


@pytest.mark.parametrize("text,word", [
    ("Rebels took the town after two days of fighting.", "fighting"),
    ("Hundreds fled their homes as the fighting spread to the northern villages.", "fighting"),
])
def test_it_reads_a_combat_noun_with_no_named_party(pipeline, tagger, text, word):
    root, p = best_root(tagger, pipeline.nlp(text), word)
    assert root == "19" and p >= 0.3, (root, p)  # 0.97 and 0.39 with the shipped weights
    # the lexicon codes these too since events with no named party are kept at a calibrated confidence >= 0.6
    # (eighth session); the two readers agree on the root
    assert "19" in lexicon_roots(pipeline, text)


@pytest.mark.xfail(strict=True, reason="a known gap (model card): rare attack verbs the lexicon lacks are not learned "
                                       "from 3,229 trigger words; this fails (XPASS) once the tagger reads them")
@pytest.mark.parametrize("text,word", [
    ("Government warplanes hammered rebel positions in the hills.", "hammered"),
    ("Gunmen sprayed the convoy with bullets outside the capital.", "sprayed"),
])
def test_rare_attack_verbs_the_lexicon_misses(pipeline, tagger, text, word):
    root, p = best_root(tagger, pipeline.nlp(text), word)
    assert root in ("18", "19") and p >= 0.5, (root, p)


@pytest.mark.parametrize("text", [
    "Liverpool beat Everton 3-1 at Anfield on Sunday, with Gerrard scoring twice in the second half.",
    "The band's new album went straight to number one in the charts this week.",
    "Chelsea thrashed Arsenal 4-0 and the manager praised his strikers.",
    "The actress won an Oscar for her role in the film.",
])
def test_no_fight_read_in_sport_or_music_news(pipeline, tagger, text):
    """Sport's fighting words ("beat", "thrashed") are no material conflict. (A word the codebook codes whatever the
    section, such as "praised" (051), may be read: the combination then needs a political party, next test.)"""
    doc = pipeline.nlp(text)
    assert [(doc[i].text, r) for i, r, _ in tagger.triggers(doc, 0.5) if r >= "14"] == []


@pytest.fixture(scope="module")
def tagger_pipeline():
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    return Pipeline(Settings(default_date="2021-08-14", extra={"events_tagger": True}))


@pytest.mark.parametrize("text", [
    "Liverpool beat Everton 3-1 at Anfield on Sunday, with Gerrard scoring twice in the second half.",
    "The band's new album went straight to number one in the charts this week.",
    "Chelsea thrashed Arsenal 4-0 and the manager praised his strikers.",
    "The actress won an Oscar for her role in the film.",
])
def test_the_combination_adds_no_event_to_sport_or_music_news(tagger_pipeline, text):
    record = next(tagger_pipeline.process([Document(text=text, published="2024-03-05", location="test")]))
    assert [e for e in record.events if e.method == "learned"] == []


def test_it_runs_on_the_parsed_doc_without_touching_it(pipeline, tagger):
    doc = pipeline.nlp("Police arrested two protesters outside the parliament in Nairobi.")
    before = [(t.tag_, t.dep_, t.head.i, t.pos_) for t in doc]
    p = tagger.proba_by_token(doc, [t.i for t in doc], {}, set())
    assert [(t.tag_, t.dep_, t.head.i, t.pos_) for t in doc] == before
    assert len(p) == len(doc) and all(abs(float(r.sum()) - 1.0) < 1e-4 for r in p.values())
    root, prob = best_root(tagger, doc, "arrested")
    assert root == "17" and prob >= 0.5, (root, prob)


def test_the_tagger_reads_the_same_norm_as_in_training(pipeline, tagger):
    """The pipeline's vocab normalises spellings and contractions ("defence" -> "defense", "n't" -> "not"); the
    tagger was trained on its own vocab's NORM, so at run time it must read that one too (tagger_input)."""
    import spacy

    from eventwatch.events.tagger import tagger_input

    text = "The defence minister didn't organise the talks with the rebels."
    doc = pipeline.nlp(text)
    assert {"defense", "not"} <= {t.norm_ for t in doc}  # the pipeline's own norms differ from the words
    own = tagger_input(tagger.vocab, doc)
    assert [t.norm_ for t in own] == [t.text.lower() for t in doc]
    assert [t.text for t in own] == [t.text for t in doc] and own.text == doc.text
    # the same words in a blank English vocab (as the trainer builds them) give the same probabilities
    blank = tagger_input(spacy.blank("en").vocab, doc)
    assert abs(tagger.doc_proba(doc) - tagger.doc_proba(blank)).max() < 1e-5
