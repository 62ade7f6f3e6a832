"""Speakers: turn the subject of a cue into an actor of ``record.actors`` (or a name).

Named speakers resolve to the actor whose mention they overlap; a surname alone resolves to the
fuller name of the same person in the text ("Lonechild" -> "Darian Lonechild"). Pronouns resolve to
the nearest earlier compatible mention outside quotes: he/she to a person whose gender is not
known to differ (known from a title, a given name, or an earlier he/she that resolved to them),
they/it to an organisation, group or country. Descriptions ("a Taliban spokesman", "the ministry")
resolve to the person they were used of in apposition ("Zabihullah Mujahid, a Taliban spokesman")
or to an organisation whose name holds the head word; otherwise they are kept as written. A named
person who is not an actor yet is added to ``record.actors``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwatch.model import Actor, Record
from eventwatch.quotes.cues import appositive_name, phrase_span
from eventwatch.quotes.lexicon import first_names, person_words

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their"}
NEUTER = {"it", "its"}
GROUP_KINDS = ("organization", "group", "country")
PRONOUN_REACH = 2500  # characters back to look for the referent of a pronoun
TITLE_DEPS = {"appos", "compound"}


@dataclass
class Mention:
    start: int
    end: int
    actor: Actor


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class SpeakerResolver:
    """Resolution state for one document."""

    def __init__(self, doc: Doc, record: Record, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.record = record
        self.quoted = quoted
        self.added: dict[str, Actor] = {}
        self.mentions = self._mentions()
        self.ends = [m.end for m in self.mentions]
        self.alias = self._aliases()
        self.gender: dict[str, str] = {}
        self.titles: dict[str, list[Mention]] = {}
        self._seed_gender_and_titles()
        self.pronoun_of: dict[int, Actor] = {}
        self._resolve_pronouns()

    # -- building the index
    def _mentions(self) -> list[Mention]:
        out = [Mention(s, e, a) for a in self.record.actors for s, e in a.mentions]
        covered = [(m.start, m.end) for m in out]
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or _overlaps(ent.start_char, ent.end_char, covered):
                continue
            out.append(Mention(ent.start_char, ent.end_char, self._new_person(ent.text)))
        out.sort(key=lambda m: (m.end, m.start))
        return out

    def _new_person(self, name: str) -> Actor:
        aid = f"person:{slug(name)}"
        actor = self.added.get(aid) or Actor(id=aid, name=name, kind="person", confidence=0.5)
        self.added[aid] = actor
        return actor

    def _aliases(self) -> dict[str, Actor]:
        """Person actor id -> the actor with the fullest name of the same person (by surname)."""
        people = {m.actor.id: m.actor for m in self.mentions if m.actor.kind == "person"}
        alias = {}
        for aid, actor in people.items():
            words = actor.name.split()
            fuller = [o for o in people.values() if o is not actor and len(o.name.split()) > len(words)
                      and o.name.split()[-len(words):] == words]
            if len({o.id for o in fuller}) == 1:
                alias[aid] = fuller[0]
        return alias

    def canonical(self, actor: Actor) -> Actor:
        return self.alias.get(actor.id, actor)

    def _seed_gender_and_titles(self) -> None:
        names, words = first_names(), person_words()
        for m in self.mentions:
            actor = self.canonical(m.actor)
            if actor.kind != "person":
                continue
            first = actor.name.split()[0].lower()
            if first in names:
                self.gender.setdefault(actor.id, names[first])
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = self.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
            if before in words:
                self.gender.setdefault(actor.id, words[before])
            for tok in span:
                for child in tok.children:
                    if child.dep_ in TITLE_DEPS and not (m.start <= child.idx < m.end):
                        self.titles.setdefault(child.lemma_.lower(), []).append(m)
            if span.root.dep_ == "appos":
                self.titles.setdefault(span.root.head.lemma_.lower(), []).append(m)

    def _resolve_pronouns(self) -> None:
        """Resolve every he/she outside quotes in order; an unknown gender is learnt from it."""
        for tok in self.doc:
            low = tok.lower_
            if low not in MALE and low not in FEMALE or self._is_quoted(tok.idx):
                continue
            g = "m" if low in MALE else "f"
            actor = self._nearest_person(tok.idx, g)
            if actor is not None:
                self.pronoun_of[tok.i] = actor
                self.gender.setdefault(actor.id, g)

    # -- resolution
    def _is_quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def _preceding(self, pos: int):
        i = bisect.bisect_right(self.ends, pos)
        for m in reversed(self.mentions[:i]):
            if pos - m.end > PRONOUN_REACH:
                return
            if not self._is_quoted(m.start):
                yield m

    def _nearest_person(self, pos: int, gender: str | None) -> Actor | None:
        for m in self._preceding(pos):
            actor = self.canonical(m.actor)
            if actor.kind != "person":
                continue
            known = self.gender.get(actor.id)
            if gender is None or known is None or known == gender:
                return actor
        return None

    def _nearest_group(self, pos: int) -> Actor | None:
        for m in self._preceding(pos):
            if m.actor.kind in GROUP_KINDS:
                return m.actor
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)`` (people before others, longest first)."""
        hits = [m for m in self.mentions if m.start < end and start < m.end]
        if not hits:
            return None
        hits.sort(key=lambda m: (m.actor.kind != "person", -(m.end - m.start)))
        return self.canonical(hits[0].actor)

    def resolve(self, subj: Token) -> tuple[Actor | None, str | None, tuple[int, int]]:
        """(actor, speaker name, speaker span) for the head token of a cue's subject."""
        low = subj.lower_
        span = (subj.idx, subj.idx + len(subj))
        if subj.pos_ == "PRON" or low in MALE | FEMALE | PLURAL | NEUTER:
            actor = self._pronoun(subj)
            return actor, (actor.name if actor else None), span
        named = appositive_name(subj)
        if named is not None:
            subj = named
        span = phrase_span(subj)
        text = self.doc.text[span[0]:span[1]]
        actor = self.actor_at(subj.idx, subj.idx + len(subj)) if subj.pos_ == "PROPN" or subj.ent_type_ else None
        if subj.pos_ == "PROPN" and (actor is None or actor.kind != "person"):
            actor = self._by_surname(subj.text) or actor
        if actor is not None:
            return actor, actor.name, span
        if subj.pos_ == "PROPN" and subj.text[:1].isupper():
            actor = self._named(text, span)
            return actor, (actor.name if actor else text), span
        actor = self._description(subj, span)
        return actor, (actor.name if actor and actor.kind == "person" else text), span

    def _pronoun(self, subj: Token) -> Actor | None:
        low = subj.lower_
        if low in MALE or low in FEMALE:
            return self.pronoun_of.get(subj.i) or self._nearest_person(subj.idx, "m" if low in MALE else "f")
        if low in PLURAL or low in NEUTER:
            return self._nearest_group(subj.idx)
        return None

    def _named(self, text: str, span: tuple[int, int]) -> Actor | None:
        """A proper name the actor stage did not catch: a known person by surname, or a new person
        when it starts with a given name ("Adam Fatkin")."""
        words = text.split()
        known = self._by_surname(words[-1])
        if known is not None:
            return known
        if 2 <= len(words) <= 4 and words[0].lower() in first_names():
            return self._new_person(text)
        return None

    def _by_surname(self, word: str) -> Actor | None:
        """The one person whose name ends in ``word`` (None if none or several)."""
        found = {self.canonical(m.actor).id: self.canonical(m.actor) for m in self.mentions
                 if m.actor.kind == "person" and m.actor.name.split()[-1] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def _description(self, subj: Token, span: tuple[int, int]) -> Actor | None:
        lemma = subj.lemma_.lower()
        titled = [m for m in self.titles.get(lemma, []) if m.end <= span[0]]
        if titled:
            return self.canonical(titled[-1].actor)
        for m in self._preceding(span[0]):
            if m.actor.kind in GROUP_KINDS and lemma in m.actor.name.lower().split():
                return m.actor
        return self.actor_at(*span)

    def adopt(self, actor: Actor | None) -> None:
        """Add an actor found here (not by the actor stage) to the record, once."""
        if actor is None or actor.id not in self.added:
            return
        if all(a.id != actor.id for a in self.record.actors):
            actor.mentions = sorted({(m.start, m.end) for m in self.mentions if m.actor is actor})
            actor.mentions = [list(x) for x in actor.mentions]
            self.record.actors.append(actor)


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)
