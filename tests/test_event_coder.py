"""The learned trigger-and-type coder (events/learned.py) and its combination with the lexicon (events/combine.py),
on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.actors import people_of
from eventwatch.events import arguments as args
from eventwatch.events.combine import accidental, learned_candidate
from eventwatch.events.learned import CLASSES, candidate_tokens, load_coder
from eventwatch.events.lexicon import load_lexicon
from eventwatch.events.matcher import MatchContext
from eventwatch.model import Document


@pytest.fixture(scope="module")
def coder():
    c = load_coder()
    assert c is not None, "the shipped weights (events/data/event_coder.npz + .json) must load without a download"
    return c


def parsed(pipeline, text: str):
    """The spaCy doc and the record of TEXT, with the actor index and match context the event stage builds."""
    doc = pipeline.nlp(text)
    record = next(pipeline.process([Document(text=text, published="2024-03-05", location="test")]))
    index = args.ActorIndex(people_of(doc, record))
    stage = next(s for s in pipeline.stages if s.name == "events")
    ctx = MatchContext(load_lexicon(), index.tokens(), set(), index.tokens(("person",)), stage.agent_words)
    return doc, record, index, ctx, stage


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_the_model_alone_reads_an_arrest(pipeline, coder):
    doc = pipeline.nlp("Police arrested three opposition activists in Lagos on Monday.")
    idxs = [t.i for t in doc if t.pos_ in ("VERB", "NOUN")]
    probs = coder.proba_by_token(doc, idxs, {}, set())  # no lexicon reading given to it
    p = probs[word(doc, "arrested").i]
    assert CLASSES[int(p.argmax())] == "17"
    assert max(float(probs[word(doc, "activists").i][1:].max()), 0) < p[CLASSES.index("17")]


def test_candidates_only_in_sentences_with_a_party(pipeline):
    doc, _, index, ctx, stage = parsed(pipeline, "The film won three awards at the festival on Sunday. "
                                                 "Police raided the offices of the newspaper on Monday.")
    first, second = list(doc.sents)
    assert candidate_tokens(first, set(index.by_token), stage.agent_words) == []
    assert word(doc, "raided").i in candidate_tokens(second, set(index.by_token), stage.agent_words)


def test_a_learned_killing_under_threaten_is_a_threat(pipeline, coder):
    doc, _, index, ctx, _ = parsed(pipeline, "The rebels are threatening to kill the hostages in the camp.")
    cand = learned_candidate(word(doc, "kill"), "18", coder, index, ctx, load_lexicon())
    assert cand is not None
    assert cand.code.startswith("13"), cand.code   # a threat, not a killing
    assert cand.trigger.text == "threatening"


def test_an_accident_is_not_an_attack(pipeline, coder):
    doc, _, index, ctx, _ = parsed(pipeline, "Two army officers were killed in a helicopter crash near Kandahar.")
    assert accidental(word(doc, "killed"))
    assert learned_candidate(word(doc, "killed"), "18", coder, index, ctx, load_lexicon()) is None
    doc2, _, index2, ctx2, _ = parsed(pipeline, "Two army officers were killed by rebels near Kandahar.")
    assert not accidental(word(doc2, "killed"))
    assert learned_candidate(word(doc2, "killed"), "18", coder, index2, ctx2, load_lexicon()) is not None


def test_rare_roots_keep_the_lexicon_reading(pipeline, coder):
    """A root with fewer than ``min_rescore`` training words (force posture, 15) is not re-scored; and a threat
    composed from a frame verb stays a threat with the model on."""
    assert coder.rescores("17") and not coder.rescores("15")
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    learned = Pipeline(Settings(extra={"events_learned": True}), nlp=pipeline.nlp)
    record = next(learned.process([Document(text="The rebels are threatening to kill the hostages unless the "
                                             "government frees their leader.", location="test")]))
    assert any(e.root == "13" for e in record.events)
    assert not any(e.root in ("18", "19", "20") for e in record.events)


def test_lexicon_confidence_is_rescaled_not_reordered(pipeline, coder):
    """The lexicon's confidence goes through the Platt scaling fit on the tune folds; the order is kept."""
    from eventwatch.events.learned import logit
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    text = ("Police arrested three opposition activists in Lagos on Monday. "
            "The Kenyan government summoned the Ugandan ambassador over the border dispute.")
    # the combination's own rescaling, before the final calibration of every event (events/confidence.py)
    learned = Pipeline(Settings(extra={"events_learned": True, "events_calibrated": False}), nlp=pipeline.nlp)
    plain = Pipeline(Settings(extra={"events_calibrated": False, "events_tagger": False}), nlp=pipeline.nlp)
    before = next(plain.process([Document(text=text, location="test")])).events
    after = next(learned.process([Document(text=text, location="test")])).events
    assert [e.cameo for e in before] == [e.cameo for e in after] and len(after) == 2
    for b, a in zip(before, after):
        assert a.confidence == pytest.approx(coder.calibrated("lexicon", [logit(b.confidence)]), abs=1e-3)
        assert a.confidence != b.confidence
    assert (before[0].confidence < before[1].confidence) == (after[0].confidence < after[1].confidence)


def test_a_veto_drops_only_lexicon_events_whose_root_the_model_finds_unlikely(pipeline, coder, monkeypatch):
    """thresholds.veto (0 as shipped: measured, it cost more recall than it won precision) drops a lexicon event
    of a re-scored root when the model gives that root less than the threshold at its trigger word."""
    import copy

    import eventwatch.events.learned as learned
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    text = ("Police arrested three opposition activists in Lagos on Monday. "
            "Russia deployed troops along the Ukrainian border on Tuesday.")
    assert not coder.rescores("15")

    def events_with(veto: float):
        strict = copy.copy(coder)
        strict.meta = {**coder.meta, "thresholds": {**coder.meta["thresholds"], "add": 1.01, "veto": veto}}
        monkeypatch.setattr(learned, "load_coder", lambda: strict)
        pipe = Pipeline(Settings(extra={"events_learned": True}), nlp=pipeline.nlp)
        return next(pipe.process([Document(text=text, location="test")])).events

    assert {e.root for e in events_with(0.0)} >= {"17", "15"}
    vetoed = events_with(1.01)          # no probability reaches 1.01: every re-scored root is vetoed
    assert not any(e.root == "17" for e in vetoed)
    assert any(e.root == "15" for e in vetoed), "a root too rare to re-score keeps the lexicon's reading"
