"""Names as the people table reads them: a name without its possessive ending, a person's name
against a role ("Jens Stoltenberg", not "Director of …"), an organisation's name against a
description ("Board of Health", not "Canadian residents"), the id slug of a name found in the text,
photo captions (paragraphs whose people are not the story's topic), and small span helpers."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from eventwatch.model import Actor

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"})  # before a surname: a person
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
FUNCTION_WORDS = {"of", "and", "for", "the", "on", "in", "at", "&", "de", "du", "des", "la", "le"}


def name_slug(name: str) -> str:
    """The id slug of a name the people table found in the text ("person:<slug>", "organization:<slug>")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


POSSESSIVE = re.compile(r"[’']s?$")


def plain_name(name: str) -> str:
    """A name without a possessive ending the actor stage may have kept ("Jeanine Durning’s")."""
    if "'" not in name and "’" not in name:
        return name  # nothing to remove (the common case, without the regex)
    return POSSESSIVE.sub("", name)


CAPTION = re.compile(r"[^\n]*\(\s*[^()\n]*(?:\bPHOTO\b|\bPhoto\b|\bphoto\b|\S\s*/\s*\S)[^()\n]*\)[ \t]*$", re.M)


def captions(text: str) -> list[tuple[int, int]]:
    """Photo captions: paragraphs that end with a credit in brackets ("( Jane Doe / The Record )",
    "( THE CANADIAN PRESS FILE PHOTO )"). The people they name are not the story's current topic."""
    out = []
    for start in _line_starts_with(text, "("):
        if out and start < out[-1][1]:
            continue  # inside the previous caption
        m = CAPTION.match(text, start)
        if m:
            out.append((m.start(), m.end()))
    return out


def _line_starts_with(text: str, char: str) -> list[int]:
    """The start of every line holding ``char``. A caption match begins in such a line, and where one
    begins anywhere in a line one also begins at the line's start (its ``[^\\n]*`` takes the rest), so
    matching only there finds what ``finditer`` finds without trying every position of every line."""
    starts, at = [], text.find(char)
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        starts.append(line)
        end = text.find("\n", at)
        if end < 0:
            break
        at = text.find(char, end)
    return starts


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def personal_name(name: str) -> bool:
    """A person's name ("Jens Stoltenberg"), not a role the actor stage made a person ("Director of …")."""
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words if w[:1].isalpha())


def proper_name(name: str) -> bool:
    """A name ("Board of Health", "SkyNet"), not a description the actor stage made an
    organisation ("Canadian residents")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", name) if w.lower() not in FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


def overlaps_unless_inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """``[a, b)`` overlaps a span that is not a shorter part of it."""
    return any(s < b and a < e and not (a <= s and e <= b and e - s < b - a) for s, e in spans)


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")


def initials(name: str) -> str:
    """"Asian Development Bank" -> "ADB", "Securities and Exchange Commission" -> "SEC" (function words skipped)."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w.lower() not in FUNCTION_WORDS and w[0].isupper())


def spelled_by(acronym: str, name: str) -> bool:
    """``acronym`` is the initials of ``name``, without its function words ("SEC") or with them ("BOJ" for
    "Bank of Japan"); a name of one word spells nothing."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return False
    return acronym in (initials(name), "".join(w[0] for w in words).upper())


def acronym_owner(acronym: str, text: str, candidates: Sequence[Actor]) -> Actor | None:
    """The actor an acronym of the document stands for: the one written just before it as "Name (ACR)", else
    the only one whose name's initials spell it. CANDIDATES: actors with ``name`` and ``mentions``."""
    for actor in candidates:
        for _, end in actor.mentions:
            if re.match(r"\s*\(\s*" + re.escape(acronym) + r"\s*\)", text[end:end + len(acronym) + 6]):
                return actor
    spelled = [a for a in candidates if initials(plain_name(a.name)) == acronym]
    return spelled[0] if len(spelled) == 1 else None
