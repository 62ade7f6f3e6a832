"""The place of an event: a place of ``record.places`` named in the event's sentence (nearest the trigger),
else the place named in the dateline, else None."""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwatch.model import Place, Record


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


def sentence_place(places: list[Place], sent: Span, trigger: Token) -> str | None:
    best: tuple[int, str] | None = None
    for place in places:
        for start, end in place.mentions:
            if sent.start_char <= start and end <= sent.end_char:
                dist = abs(start - trigger.idx)
                if best is None or dist < best[0]:
                    best = (dist, place.id)
    return best[1] if best else None


def event_place(record: Record, sent: Span, trigger: Token, fallback: str | None) -> str | None:
    return sentence_place(record.places, sent, trigger) or fallback
