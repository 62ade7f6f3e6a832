"""Learned trigger tagger: for every token, "O" or the CAMEO root (02..20) of the event it triggers.

A spaCy ``tagger`` with its own small tok2vec (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE and a window CNN),
trained by ``scripts/train_trigger_tagger.py`` on eventwatch's hand-coded set (model card
``data/trigger_tagger.md``; config ``scripts/trigger_tagger.cfg``). Only the tagger's own model runs, on the Doc
the pipeline already parsed: no re-tokenising, no second parse. The tagger reads a copy of the Doc's words in
its own vocab (``tagger_input``, also what the trainer feeds it), so its NORM feature is the same at training and
run time (the pipeline's vocab normalises "defence" to "defense" and "n't" to "not"; the tagger's does not).

``TriggerTagger`` offers the interface of ``learned.LearnedCoder`` that ``events/combine.py`` uses
(``proba_by_token`` with columns ``learned.CLASSES``, thresholds, calibration, codes), so it can stand in for the
linear coder's per-word root probabilities. The probabilities of one Doc are computed once, for all its tokens,
and reused for every sentence of it.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc

from eventwatch.events.learned import CLASSES, TrainedMeta

log = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).parent / "data" / "trigger_tagger"
META_FILE = Path(__file__).parent / "data" / "trigger_tagger.json"


def tagger_input(vocab, doc) -> Doc:
    """DOC's words and spaces in the tagger's own VOCAB: the one input the tagger is trained on and run on
    (features such as NORM then come from the tagger's vocab, not from the pipeline's)."""
    return Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


class TriggerTagger(TrainedMeta):
    """Per-token root probabilities from the trained tagger, in the column order of ``learned.CLASSES``."""

    def __init__(self, nlp, meta: dict):
        self.model = nlp.get_pipe("tagger").model
        self.vocab = nlp.vocab
        labels = list(nlp.get_pipe("tagger").labels)
        self.order = [labels.index("O" if c == "NONE" else c) for c in CLASSES]
        self.meta = meta
        self.classes = CLASSES
        self.codes: dict[str, str] = meta.get("codes", {})
        self._last: tuple[Doc | None, numpy.ndarray | None] = (None, None)   # the last doc scored, and its rows

    def doc_proba(self, doc: Doc) -> numpy.ndarray:
        """(tokens x classes) probabilities for DOC, computed once per Doc."""
        if self._last[0] is doc and self._last[1] is not None:
            return self._last[1]
        if not len(doc):
            p = numpy.zeros((0, len(CLASSES)), dtype=numpy.float32)
        else:
            z = numpy.asarray(self.model.ops.to_numpy(self.model.predict([tagger_input(self.vocab, doc)])[0]))[:, self.order]
            p = numpy.exp(z - z.max(axis=1, keepdims=True))   # the tagger gives scores (normalize = false)
            p /= p.sum(axis=1, keepdims=True)
        self._last = (doc, p)
        return p

    def proba_by_token(self, doc: Doc, idxs: list[int], lex_roots=None, actor_tokens=None) -> dict[int, numpy.ndarray]:
        if not idxs:
            return {}
        p = self.doc_proba(doc)
        return {i: p[i] for i in idxs}

    def triggers(self, doc: Doc, min_prob: float = 0.5) -> list[tuple[int, str, float]]:
        """(token, root, probability) of every token whose best root has at least MIN_PROB."""
        p = self.doc_proba(doc)
        k = p[:, 1:].argmax(axis=1) + 1
        best = p[numpy.arange(len(k)), k]
        return [(int(i), CLASSES[int(k[i])], float(best[i])) for i in numpy.flatnonzero(best >= min_prob)]



def load_tagger_nlp(path: Path = MODEL_DIR):
    import spacy

    return spacy.load(path)


@lru_cache(maxsize=1)
def load_tagger() -> TriggerTagger | None:
    if not (MODEL_DIR.is_dir() and META_FILE.exists()):
        log.info("no trigger tagger at %s", MODEL_DIR)
        return None
    return TriggerTagger(load_tagger_nlp(), json.loads(META_FILE.read_text("utf-8")))
