"""Helpers shared by the actor tests."""
from __future__ import annotations


def actor_at(record, phrase: str):
    """The actor with a mention overlapping the first occurrence of ``phrase``."""
    i = record.text.index(phrase)
    j = i + len(phrase)
    return next((a for a in record.actors for s, e in a.mentions if s < j and e > i), None)
