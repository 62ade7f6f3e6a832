"""The place of an event: a place of ``record.places`` named in the event's sentence, else the dateline's place.

In the sentence, a place of the event's own clause wins ("officials in Kabul said troops attacked a post in
Kandahar": the attack is in Kandahar); then a place in a locative phrase ("in Kabul", "near the border of X")
wins over a bare mention; a mention that is one of the event's actors ("Britain warned ...") is never its
place, except a town or region that the sentence names as what an attack was done to ("Russian drones struck
X", "strikes on X", "raided the town of X": ``places.attacked``): its country stands in as the target, the town
is where it happened. Nearest the trigger first. The article's dateline comes only when the sentence names no place.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwatch.model import Place, Record
from eventwatch.places.attacked import attacked_mention

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "within", "on",
            "along", "off", "from", "over"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"}  # deps of a clause's verb


def dateline_place(record: Record) -> str | None:
    if not record.dateline:
        return None
    name = record.dateline.strip().lower()
    for place in record.places:
        if place.name.lower() == name:
            return place.id
    for place in record.places:  # the dateline word is also a mention in the text ("KABUL:")
        for start, end in place.mentions:
            if record.text[start:end].lower() == name:
                return place.id
    return None


def _locative(sent: Span, start: int, end: int) -> bool:
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(3):  # "in the city of Kandahar", "in northern Afghanistan"
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _attacked(sent: Span, place: Place, start: int, end: int) -> bool:
    """The mention at [start, end) names a town or region (no country) as what an attack was done to."""
    return place.feature != "country" and attacked_mention(sent.doc, start, end)


def _in_clause(sent: Span, start: int, end: int, trigger: Token) -> bool:
    """The words at [start, end) hang from the trigger without passing through another clause's verb."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.i != trigger.i:
        if t.head.i == t.i or _opens_clause(t):
            return False
        t = t.head
    return True


def _opens_clause(t: Token) -> bool:
    """A verb with its own subject heading a clause ("officials said"; not "the road leading to X")."""
    return (t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))


def sentence_place(record: Record, sent: Span, trigger: Token, actor_spans: list[list[int]]) -> str | None:
    best: tuple | None = None
    for place in record.places:
        for start, end in place.mentions:
            if not (sent.start_char <= start and end <= sent.end_char):
                continue
            locative = _locative(sent, start, end) or _attacked(sent, place, start, end)
            if any(s < end and start < e for s, e in actor_spans) and not locative:
                continue  # a participant ("Britain warned"), not a location
            key = (not _in_clause(sent, start, end, trigger), not locative, abs(start - trigger.idx), place.id)
            if best is None or key < best:
                best = key
    return best[-1] if best else None


def event_place(record: Record, sent: Span, trigger: Token, fallback: str | None,
                actor_spans: list[list[int]] | None = None) -> str | None:
    return sentence_place(record, sent, trigger, actor_spans or []) or fallback
