"""The date of an event: ``published`` by default; relative ("on Friday", "yesterday", "last week") and explicit
dates ("12 August 2021", "Aug. 12", "2021-08-12") attached to the event's clause are resolved against it."""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from eventwatch.clean.dates import MONTH_PATTERN as _MON, MONTHS  # one table of month names for the package

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "overnight": -1}
RELATIVE_SPANS = {"last week": -7, "past week": -7, "last month": -30, "last weekend": None}
EXPLICIT = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<year>\d{4}))?", re.I),
    re.compile(_MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?", re.I),
]


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(expr: str, published: dt.date) -> dt.date | None:
    """A calendar day for a date expression, relative to the publication day; None when it names no single day."""
    low = expr.lower().strip()
    for word, delta in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", low):
            return published + dt.timedelta(days=delta)
    for phrase, delta in RELATIVE_SPANS.items():
        if phrase in low:
            return published + dt.timedelta(days=delta) if delta is not None else None
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            back = (published.weekday() - i) % 7
            if "next" in low:
                return published + dt.timedelta(days=(i - published.weekday()) % 7 or 7)
            return published - dt.timedelta(days=back or (7 if "last" in low else 0))
    for pat in EXPLICIT:
        m = pat.search(expr)
        if not m:
            continue
        g = m.groupdict()
        try:
            if g.get("y"):
                return dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
            month = MONTHS[g["mon"].lower()[:3]]
            year = int(g["year"]) if g.get("year") else published.year
            date = dt.date(year, month, int(g["day"]))
            if not g.get("year") and date > published + dt.timedelta(days=7):
                date = date.replace(year=year - 1)  # "August 30" in a story of early September
            return date
        except (ValueError, KeyError):
            return None
    return None


def _clause_verb(tok: Token) -> Token:
    t, n = tok, 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and n < 8:
        t, n = t.head, n + 1
    return t


def _attached_to(ent: Span, trigger: Token) -> int | None:
    """How far up from TRIGGER the verb that the date modifies is (0 = the trigger's own clause); None if elsewhere."""
    anchor = _clause_verb(ent.root)
    t, dist = _clause_verb(trigger), 0
    while dist < 6:
        if t.i == anchor.i:
            return dist
        if t.head.i == t.i:
            return None
        t, dist = t.head, dist + 1
    return None


def event_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The event's day: a date expression attached to its clause (or a governing verb), else ``published``."""
    pub = parse_published(published)
    if pub is None:
        return None
    best: tuple[int, dt.date] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        dist = _attached_to(ent, trigger)
        if dist is None:
            continue
        day = resolve(ent.text, pub)
        if day and (best is None or dist < best[0]):
            best = (dist, day)
    return (best[1] if best else pub).isoformat()
