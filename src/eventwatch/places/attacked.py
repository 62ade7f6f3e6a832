"""A town's name that the sentence shows to be a place: what an attack was done to, or "the town of X".

"Russian drones struck Mykolaiv", "Kherson was shelled", "missile strikes on Zaporizhzhia", "the siege of X",
"troops raided the town of X", "drones struck X's railway station", "X came under heavy shelling": the name is the place attacked (the event's place), whatever the model tagged it
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
    """kind ('verb', 'doer_verb', 'doer', 'noun', 'settlement', 'owned') -> its words."""
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


COUNTRY_LABELS = {"GPE", "NORP"}  # "Russia attacked X", "Russian drones struck X"


def _doers(verb: Token) -> list[Token]:
    """The doer of VERB: its subject, the agent of its passive ("by Russian drones"), or those of the verb it is
    joined to ("launched drones and struck X")."""
    for _ in range(MAX_CONJ):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        found += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if found or verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return found
        verb = verb.head
    return []


def _military_doer(verb: Token) -> bool:
    """VERB's doer is armed forces or a weapon ("drones", "troops"), a country ("Russia") or a national
    group ("Turkish jets"): "Russia attacked X" is a place, "critics attacked Lincoln" a person."""
    for d in _doers(verb):
        if _is(d, "doer") or d.ent_type_ in COUNTRY_LABELS:
            return True
        if any(c.ent_type_ in COUNTRY_LABELS and c.dep_ in ("amod", "compound", "nmod") for c in d.children):
            return True
    return False


def attacked_at(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end name what an attack was done to, or a settlement ("the town of X")."""
    if end <= start:
        return False
    tok = _list_head(doc[start:end].root)
    head = tok.head
    if tok.dep_ in OBJECT_DEPS:
        if head.pos_ != "VERB":
            return False
        return _is(head, "verb") or (_is(head, "doer_verb") and _military_doer(head))
    if tok.dep_ == "poss" and head.dep_ in OBJECT_DEPS and head.head.pos_ == "VERB":
        # the town whose building or district was hit: "Russian drones struck X's railway station" (an armed doer
        # only: "police raided Smith's home" names a person)
        # not the state as owner: "attacked Washington's allies", "Moscow's interests" (people, forces, bodies or
        # interests a state owns name no place)
        verb = head.head
        if _is(head, "owned"):
            return False
        return (_is(verb, "verb") or _is(verb, "doer_verb")) and _military_doer(verb)
    if tok.dep_ == "nsubj" and head.pos_ == "VERB":
        # "X came under heavy shelling" (an attack noun that is not said of people: "came under fire" is)
        return any(c.dep_ == "prep" and c.lower_ == "under" and any(
            p.dep_ == "pobj" and _is(p, "noun") for p in c.children) for c in head.children)
    if tok.dep_ == "pobj" and head.lower_ in NOUN_PREPS and head.dep_ == "prep":
        noun = head.head
        if head.lower_ == "of" and _is(noun, "settlement"):
            return True
        return noun.pos_ in ("NOUN", "PROPN") and _is(noun, "noun")
    return False


def attacked_mention(doc: Doc, start_char: int, end_char: int) -> bool:
    """``attacked_at`` for the characters [start_char, end_char) of the text (a place's mention)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and attacked_at(doc, span.start, span.end)
