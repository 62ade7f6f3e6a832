"""The one data model every stage shares.

Plain dataclasses that serialise to exactly the contract's JSON (``../shared/contract``):
``Record.to_dict()`` gives the record, field for field. All offsets are ``[start, end)`` into
``Record.text``. Stages add to the lists of a ``Record``; nothing else in the package invents
its own record shape.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]

STAGES = ("ingest", "clean", "nlp", "places", "actors", "events", "quotes", "store")


@dataclass
class Problem:
    """An error or warning attached to one document (never raised out of a batch)."""

    stage: str
    message: str
    level: str = "error"  # "error" | "warning"

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message, "level": self.level}


def _copy(value: Any) -> Any:
    """A container copied all the way down (lists, tuples, dicts, dataclasses); other values as they are."""
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return plain(value)
    return value


def plain(obj: Any) -> dict[str, Any]:
    """The fields of a dataclass as a new dict, as ``dataclasses.asdict`` gives them, without its deep copy of
    every string and number (which are immutable)."""
    return {f.name: _copy(getattr(obj, f.name)) for f in fields(obj)}


@dataclass
class Document:
    """What a reader hands on: raw content plus whatever metadata the format carried.

    Exactly one of ``text`` (plain or scraped text) and ``html`` is normally set. ``location``
    says where it came from (path, path:line, URL) for messages; it is not part of the record.
    """

    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None  # a dateline the input carried apart from the text (e.g. a JSONL field)
    location: str = "-"
    kind: str = "text"  # text | html | jsonl | feed | warc | wet
    problems: list[Problem] = field(default_factory=list)
    crawled: str | None = None  # date the page was fetched (WARC-Date, feed poll): fallback for ``published``
    guid: str | None = None  # a feed item's guid: the article's identity when it has no URL (ingest/identity.py)


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    code: str | None = None
    role: str | None = None
    mentions: list[list[int]] = field(default_factory=list)
    affiliation: str | None = None  # id of the actor this one speaks or acts for (e.g. NATO)
    confidence: float = 1.0
    role_note: str | None = None  # why no dated role was applied ("undated article: no dated role applied")

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass
class Place:
    id: str
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str = "city"  # city | admin1 | country | other
    mentions: list[list[int]] = field(default_factory=list)
    dateline: bool = False  # (added field) this place is the record's dateline place

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass
class Event:
    source: str | None
    target: str | None
    cameo: str
    root: str
    plover: str
    quad_class: int
    goldstein: float
    sentence: list[int]
    trigger: list[int]
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    method: str | None = None  # how it was found: "pattern", "classifier", "both"
    date_precision: str | None = None  # (added field) "day" | "week" | "month" | "year" of ``date`` ("week": the Monday of that week); None when undated
    background: bool = False  # (added field) the clause names a time before the article's news ("in 1967")
    source_span: list[int] | None = None  # (added field) the source's words in the sentence, [start, end)
    target_span: list[int] | None = None  # (added field) the target's words in the sentence

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass
class Quote:
    text: str
    span: list[int]
    kind: str  # direct | indirect
    speaker: str | None = None
    speaker_name: str | None = None
    cue: list[int] | None = None
    speaker_span: list[int] | None = None  # where the speaker is named at the cue ("she", "Mr Smith"), added field

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


def text_id(text: str) -> str:
    """A hash of a cleaned text (a record's id when its input has no id, URL or guid: ingest/identity.py)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Record:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tone: float | None = None
    errors: list[Problem] = field(default_factory=list)
    location: str | None = None  # where the input came from (added field)
    author: str | None = None    # byline author when the page names one (added field)

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.errors)

    def add_error(self, stage: str, message: str, level: str = "error") -> None:
        self.errors.append(Problem(stage, message, level))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "dateline": self.dateline,
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "tone": self.tone,
            "errors": [p.to_dict() for p in self.errors],
            "location": self.location,
            "author": self.author,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        return cls(
            id=d["id"],
            text=d.get("text") or "",
            title=d.get("title"),
            source=d.get("source"),
            url=d.get("url"),
            published=d.get("published"),
            dateline=d.get("dateline"),
            actors=[Actor(**a) for a in d.get("actors", [])],
            events=[Event(**e) for e in d.get("events", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            places=[Place(**p) for p in d.get("places", [])],
            tone=d.get("tone"),
            errors=[Problem(**p) for p in d.get("errors", [])],
            location=d.get("location"),
            author=d.get("author"),
        )
