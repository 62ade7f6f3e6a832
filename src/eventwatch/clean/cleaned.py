"""What the cleaner returns: the body text and the metadata found on the page."""
from __future__ import annotations

from dataclasses import dataclass, field

from eventwatch.model import Problem


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    source: str | None = None
    dateline: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    problems: list[Problem] = field(default_factory=list)
