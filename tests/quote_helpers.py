"""Helpers shared by the quote and speaker tests."""
from __future__ import annotations


def find_quote(record, fragment: str, kind: str | None = None):
    """The first quote of RECORD whose text holds FRAGMENT (of KIND if given); fails naming the quotes found."""
    hits = [q for q in record.quotes if fragment in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote with {fragment!r} in {[q.text for q in record.quotes]}"
    return hits[0]
