"""Learned trigger-and-type coder: which verb or noun of a sentence reports an event, and of which CAMEO root.

Candidates are the verbs and nouns of sentences that mention an actor (or a generic agent such as
"police", "protesters"). Each candidate gets a softmax over ``NONE`` and the CAMEO roots 02–20 from a
linear model on two kinds of features, both computed from what the pipeline already has:

* the spaCy tok2vec vectors (``doc.tensor``) of the word and of its syntactic head (dense, 2 × width);
* hashed sparse features of the parse: lemma, part of speech, dependency, head lemma, object and
  preposition frames, negation, actors as subject/object, and the root the pattern lexicon gave the word.

Weights are ``data/event_coder.npz`` with ``data/event_coder.json`` (classes, codes, calibration,
thresholds; model card ``data/event_coder.md``), made by ``scripts/train_event_coder.py``. Inference is
numpy over the rows of the candidates: no ML library and no download at run time.
"""
from __future__ import annotations

import json
import logging
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc, Span

from eventwatch.nlp.cache import column, lemma_lower

log = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"
WEIGHTS_FILE = DATA / "event_coder.npz"
META_FILE = DATA / "event_coder.json"
CLASSES = ["NONE"] + [f"{r:02d}" for r in range(2, 21)]
CANDIDATE_POS = ("VERB", "NOUN")
NAMED = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")
HASH_BITS = 15


def candidate_tokens(sent: Span, actor_tokens: set[int], agent_words: frozenset[str]) -> list[int]:
    """The verbs and nouns of SENT, when it mentions an actor or a generic agent; else none."""
    doc = sent.doc
    pos, lem = column(doc, "pos_"), lemma_lower(doc)
    rng = range(sent.start, sent.end)
    if not any(i in actor_tokens or lem[i] in agent_words for i in rng):
        return []
    return [i for i in rng if pos[i] in CANDIDATE_POS]


def _word(doc: Doc, i: int, ent: list, lem: list) -> str:
    return "ENT_" + ent[i] if ent[i] in NAMED else lem[i]


def sparse_features(doc: Doc, i: int, lex_roots: dict[int, str], actor_tokens: set[int]) -> list[str]:
    """Names of the sparse features of token I (names masked as their entity type)."""
    pos, dep, ent, lem = column(doc, "pos_"), column(doc, "dep_"), column(doc, "ent_type_"), lemma_lower(doc)
    tok = doc[i]
    h = tok.head.i
    lm = lem[i]
    out = ["b", "l=" + lm, "p=" + pos[i], "d=" + dep[i], "ld=" + lm + "|" + dep[i], "lp=" + lm + "|" + pos[i],
           "h=" + _word(doc, h, ent, lem), "hd=" + lm + "|" + lem[h] + "|" + dep[i], "hp=" + pos[h]]
    if i in actor_tokens:
        out.append("actor")
    if lex_roots.get(i):
        out += ["lex=" + lex_roots[i], "lexl=" + lm + "|" + lex_roots[i]]
    if lex_roots.get(h):
        out.append("hlex=" + lex_roots[h])
    for c in tok.children:
        cd = dep[c.i]
        out.append("c=" + cd)
        if cd in ("dobj", "obj", "nsubjpass", "pobj", "attr", "xcomp", "ccomp", "compound", "amod", "prt"):
            out.append(f"co={lm}|{cd}|{_word(doc, c.i, ent, lem)}")
        if cd in ("nsubj", "nsubjpass", "dobj", "poss", "agent") and c.i in actor_tokens:
            out.append("ca=" + cd)
        if cd == "prep":
            out.append(f"cp={lm}|{lem[c.i]}")
            for o in c.children:
                if dep[o.i] == "pobj":
                    out.append(f"cpo={lm}|{lem[c.i]}|{_word(doc, o.i, ent, lem)}")
        elif cd == "neg":
            out.append("neg")
    return out


def hashed(names: list[str], bits: int = HASH_BITS) -> list[int]:
    mask = (1 << bits) - 1
    return [zlib.crc32(n.encode("utf-8")) & mask for n in names]


def dense_features(doc: Doc, idxs: list[int]) -> numpy.ndarray:
    """The tok2vec rows of each candidate and of its head, side by side (zeros when the doc has no tensor)."""
    tensor = doc.tensor
    if tensor is None or not len(tensor) or tensor.shape[0] != len(doc):
        return numpy.zeros((len(idxs), 0), dtype=numpy.float32)
    heads = [doc[i].head.i for i in idxs]
    return numpy.hstack([tensor[idxs], tensor[heads]]).astype(numpy.float32)


@dataclass
class Prediction:
    token: int
    root: str
    prob: float           # the model's probability of ROOT at this token
    event_prob: float     # 1 - P(NONE)


class TrainedMeta:
    """What a trained coder's meta file says, the same for the linear coder and the trigger tagger
    (events/tagger.py): the code table, Platt calibration, re-scored roots and thresholds. Subclasses set
    ``self.meta`` and ``self.codes``."""

    meta: dict
    codes: dict[str, str]

    def code_for(self, lemma: str, root: str) -> str:
        """The CAMEO code for ROOT at a trigger word: the word's commonest code in training, else the root's own."""
        return self.codes.get(f"{lemma}|{root}") or self.codes.get(root) or root + "0"

    def calibrated(self, kind: str, x: list[float]) -> float:
        """Platt-scaled probability that an event is right, from the features named in meta[kind]."""
        cal = self.meta["calibration"][kind]
        z = cal["bias"] + sum(w * v for w, v in zip(cal["weights"], x))
        return 1.0 / (1.0 + math.exp(-z))

    def rescores(self, root: str) -> bool:
        """Whether the model re-scores lexicon events of ROOT (seen at least ``min_rescore`` times in training)."""
        return self.meta.get("root_counts", {}).get(root, 0) >= int(self.meta.get("min_rescore", 30))

    def threshold(self, name: str) -> float:
        return float(self.meta["thresholds"][name])


class LearnedCoder(TrainedMeta):
    """A linear softmax over [dense | hashed sparse] features; see the module docstring."""

    def __init__(self, dense: numpy.ndarray, sparse: numpy.ndarray, bias: numpy.ndarray, meta: dict):
        self.dense, self.sparse, self.bias, self.meta = dense, sparse, bias, meta
        self.classes: list[str] = meta["classes"]
        self.bits: int = int(meta.get("hash_bits", HASH_BITS))
        self.use_dense = dense.shape[0] > 0
        self.codes: dict[str, str] = meta.get("codes", {})

    def scores(self, doc: Doc, idxs: list[int], lex_roots: dict[int, str], actor_tokens: set[int]) -> numpy.ndarray:
        z = numpy.tile(self.bias, (len(idxs), 1))
        if self.use_dense:
            x = dense_features(doc, idxs)
            if x.shape[1] == self.dense.shape[0]:
                z += x @ self.dense
        for row, i in enumerate(idxs):
            z[row] += self.sparse[hashed(sparse_features(doc, i, lex_roots, actor_tokens), self.bits)].sum(axis=0)
        return z

    def proba_by_token(self, doc: Doc, idxs: list[int], lex_roots: dict[int, str],
                       actor_tokens: set[int]) -> dict[int, numpy.ndarray]:
        if not idxs:
            return {}
        p = softmax(self.scores(doc, idxs, lex_roots, actor_tokens))
        return dict(zip(idxs, p))

    def predict(self, doc: Doc, idxs: list[int], lex_roots: dict[int, str], actor_tokens: set[int]) -> list[Prediction]:
        if not idxs:
            return []
        p = softmax(self.scores(doc, idxs, lex_roots, actor_tokens))
        k = p[:, 1:].argmax(axis=1) + 1
        return [Prediction(i, self.classes[kk], float(p[r, kk]), float(1.0 - p[r, 0]))
                for r, (i, kk) in enumerate(zip(idxs, k))]



def softmax(z: numpy.ndarray) -> numpy.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = numpy.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@lru_cache(maxsize=1)
def load_coder() -> LearnedCoder | None:
    if not (WEIGHTS_FILE.exists() and META_FILE.exists()):
        log.info("no learned event coder at %s: lexicon only", WEIGHTS_FILE)
        return None
    arrays = numpy.load(WEIGHTS_FILE)
    meta = json.loads(META_FILE.read_text("utf-8"))
    return LearnedCoder(arrays["dense"].astype(numpy.float32), arrays["sparse"].astype(numpy.float32),
                        arrays["bias"].astype(numpy.float32), meta)
