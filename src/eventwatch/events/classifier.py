"""Learned sentence classifier: a sparse linear model over parse features, voting on PLOVER event types.

Features are lemmas and dependency relations around the sentence's verbs (``features``); the weights
(``data/event_classifier.json``, with its model card ``data/event_classifier.md``) were trained by
``scripts/train_event_classifier.py``. Inference is plain Python over a dict of weights: no ML library at
run time. It votes on the pattern coder's events (agree / disagree → confidence) and codes the sentences
where the patterns found nothing (``classifier`` method), only when it is confident and an actor is the
subject of the sentence's main verb. Only candidate sentences (an actor as a verb's subject) are scored.
"""
from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from eventwatch.events import arguments as args
from eventwatch.events.codes import lookup
from eventwatch.events.modality import Modality

log = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"
MODEL_FILE = DATA / "event_classifier.json"
CONTENT = ("NOUN", "VERB", "ADJ", "ADV")
SPEECH_ACT_ROOTS = {"01", "02", "10", "11", "12", "13"}


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def features(sent: Span) -> dict[str, float]:
    """Sparse binary features of a sentence: content lemmas, lemma bigrams, verb frames (verb+object, verb+xcomp,
    verb+preposition+object), negation. Names are masked as their entity type, so names do not leak labels."""
    feats: dict[str, float] = {}
    toks = [t for t in sent if not t.is_punct and not t.is_space]
    prev = None
    for t in toks:
        if t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"):
            cur = "ENT_" + t.ent_type_
        elif t.like_num:
            cur = "NUM"
        else:
            cur = _lem(t)
        if t.pos_ in CONTENT and not t.ent_type_:
            feats["w=" + cur] = 1.0
        if t.pos_ == "DET":
            continue
        if prev is not None:
            feats["b=" + prev + "_" + cur] = 1.0
        prev = cur
        if t.pos_ == "VERB":
            v = _lem(t)
            if t.dep_ == "ROOT":
                feats["root=" + v] = 1.0
            for c in t.children:
                if c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ == "NOUN":
                    feats[f"vo={v}_{_lem(c)}"] = 1.0
                elif c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
                    feats[f"vx={v}_{_lem(c)}"] = 1.0
                elif c.dep_ == "prt":
                    feats[f"vprt={v}_{_lem(c)}"] = 1.0
                elif c.dep_ == "prep":
                    feats[f"vp={v}_{_lem(c)}"] = 1.0
                    for o in c.children:
                        if o.dep_ == "pobj" and o.pos_ == "NOUN":
                            feats[f"vpo={v}_{_lem(c)}_{_lem(o)}"] = 1.0
                elif c.dep_ == "neg":
                    feats["neg=" + v] = 1.0
    return feats


@dataclass
class Vote:
    agrees: bool | None
    prob: float
    only: bool
    label: str


class LinearClassifier:
    def __init__(self, classes: list[str], weights: dict[str, list[float]], bias: list[float], meta: dict):
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.meta = meta
        self.threshold = float(meta.get("threshold", 0.35))
        self.default_codes: dict[str, str] = meta.get("default_codes", {})
        self.label_kind: str = meta.get("label_kind", "plover")

    def predict_proba(self, feats: dict[str, float]) -> list[float]:
        z = list(self.bias)
        for f, v in feats.items():
            w = self.weights.get(f)
            if w:
                for k, wk in enumerate(w):
                    z[k] += wk * v
        m = max(z)
        e = [math.exp(x - m) for x in z]
        s = sum(e)
        return [x / s for x in e]

    def predict(self, sent: Span) -> tuple[str, float]:
        probs = self.predict_proba(features(sent))
        k = max(range(len(probs)), key=probs.__getitem__)
        return self.classes[k], probs[k]

    # -- combination with the pattern coder
    def vote(self, sent: Span, cands: list, index: args.ActorIndex, alone: bool = False):
        """[(candidate, Vote)] for the pattern candidates; plus a classifier-coded candidate when the patterns found
        nothing (or ALONE: always, the patterns ignored) and the sentence's main verb has an actor subject."""
        if not cands and not _candidate_sentence(sent, index):
            return []
        label, prob = self.predict(sent)
        if cands:
            out = []
            for c in cands:
                if self.label_kind == "root":
                    agrees = c.root == label
                else:
                    plover = (lookup(c.code).plover if lookup(c.code) else "") or "NONE"
                    agrees = None if plover == "NONE" else plover == label
                out.append((c, Vote(agrees, prob, False, label)))
            return out
        if prob < self.threshold:
            return []
        cand = self._candidate(sent, label, index)
        return [(cand, Vote(None, prob, True, label))] if cand else []

    def _candidate(self, sent: Span, label: str, index: args.ActorIndex):
        from eventwatch.events.coder import Candidate
        from eventwatch.events.modality import modality_of
        from eventwatch.events.lexicon import load_lexicon

        verb = _main_verb(sent, index)
        if verb is None:
            return None
        if verb.lemma_.lower() in load_lexicon().frames.speech | {"tell"} and label not in SPEECH_ACT_ROOTS:
            return None  # "X told reporters ...": the telling is not the event; the classifier cannot say which is
        code = self.default_codes.get(label)
        if not code:
            return None
        sources = args.agent_actors(verb, index) if args.is_passive(verb) else args.subject_actors(verb, index)
        targets = [t for t in args.object_actors(verb, index) if t not in sources]
        if not sources:
            return None
        mod = modality_of(verb, load_lexicon().frames) if verb is not None else Modality()
        return Candidate(code, verb, verb, sources, targets, mod, 0, pattern_code=code)


def _main_verb(sent: Span, index: args.ActorIndex) -> Token | None:
    """The first verb (root first) whose subject is an actor."""
    verbs = sorted((t for t in sent if t.pos_ == "VERB"), key=lambda t: (t.dep_ != "ROOT", t.i))
    for v in verbs:
        if args.subject_actors(v, index) or (args.is_passive(v) and args.agent_actors(v, index)):
            return v
    return None


def _candidate_sentence(sent: Span, index: args.ActorIndex) -> bool:
    return any(t.i in index.by_token for t in sent)


@lru_cache(maxsize=1)
def load_classifier() -> LinearClassifier | None:
    if not MODEL_FILE.exists():
        log.info("no event classifier weights at %s: patterns only", MODEL_FILE)
        return None
    data = json.loads(MODEL_FILE.read_text("utf-8"))
    return LinearClassifier(data["classes"], data["weights"], data["bias"], data.get("meta", {}))
