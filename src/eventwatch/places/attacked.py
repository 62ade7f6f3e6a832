"""A town's name that the sentence shows to be a place: what an attack was done to, or "the town of X".

"Russian drones struck Mykolaiv", "Kherson was shelled", "missile strikes on Zaporizhzhia", "the siege of X",
"troops raided the town of X": the name is the place attacked (the event's place), whatever the model tagged it
(often PERSON or ORG when the town is unfamiliar to it) and even when the article names nothing else in the
town's country (cross-border attacks are told by the attacker's side: "Russian forces shelled X"). Such a
mention is support enough for the town (``places.supported``), so the actor stage never makes an actor, nor
the quote stage a speaker, of it. The cue words are data (``data/attacked_place_cues.tsv``).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwatch.places.gazetteer import DATA, read_tsv

OBJECT_DEPS = {"dobj", "obj", "nsubjpass"}
NOUN_PREPS = {"on", "against", "of"}
MAX_CONJ = 4  # "shelled Kherson, Mykolaiv and Nikopol": up a list of this many names at most


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """kind ('verb', 'noun', 'settlement') -> its words."""
    out: dict[str, set[str]] = {}
    for row in read_tsv(DATA / "attacked_place_cues.tsv"):
        if len(row) >= 2:
            out.setdefault(row[1], set()).add(row[0].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _list_head(tok: Token) -> Token:
    """The first name of the list TOK is in ("Kherson" for "Mykolaiv" in "shelled Kherson and Mykolaiv")."""
    for _ in range(MAX_CONJ):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _is(tok: Token, kind: str) -> bool:
    words = cue_words().get(kind, frozenset())
    return tok.lower_ in words or tok.lemma_.lower() in words


def attacked_at(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end name what an attack was done to, or a settlement ("the town of X")."""
    if end <= start:
        return False
    tok = _list_head(doc[start:end].root)
    head = tok.head
    if tok.dep_ in OBJECT_DEPS:
        return head.pos_ == "VERB" and _is(head, "verb")
    if tok.dep_ == "pobj" and head.lower_ in NOUN_PREPS and head.dep_ == "prep":
        noun = head.head
        if head.lower_ == "of" and _is(noun, "settlement"):
            return True
        return noun.pos_ in ("NOUN", "PROPN") and _is(noun, "noun")
    return False
