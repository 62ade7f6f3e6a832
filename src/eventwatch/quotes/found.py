"""What the finders hand to speaker resolution: a quote candidate before its speaker is an actor."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwatch.nlp.cache import text as doc_text  # noqa: F401 - ``doc.text`` once per Doc; the quote modules' name for it


@dataclass
class Found:
    start: int
    end: int
    kind: str  # direct | indirect
    cue: tuple[int, int] | None = None
    cue_class: str | None = None  # "speech" | "naming" (see data/cue_verbs.tsv)
    subject: Token | None = None  # the head token of the speaker phrase, if any
    speaker_span: tuple[int, int] | None = None  # the speaker phrase as written
    floating: bool = False  # no cue in reach: the speaker is carried over from context
    group: int | None = None  # paragraphs of one multi-paragraph quote share a group
    marks: list[tuple[int, int]] = field(default_factory=list)  # quoted stretches inside (partial quotes)
    description: bool = False  # named, not said: "described as “…”", "dubbed “…”", "so-called “…”"

