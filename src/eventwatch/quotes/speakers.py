"""Speakers: turn the subject of a cue into an actor of ``record.actors`` (or a name).

Named speakers resolve to the actor whose mention they overlap; a surname alone resolves to the
fuller name of the same person in the text ("Lonechild" -> "Darian Lonechild"). Pronouns and
definite descriptions are resolved by a small salience rule: the nearest earlier compatible
mention in *subject* position outside quotes (else the nearest compatible mention), where every
resolved he/she becomes a mention of its own, so chains of "she said" follow the person.
he/she need a person whose gender is not known to differ (known from a title, a given name or an
earlier he/she); they/it and "the company" need an organisation, group or country; "the
statement" stands for whoever issued it ("her statement" -> her). "a Taliban spokesman" stays as
written, with the actor it names (the Taliban) as speaker, unless the text names the spokesman in
apposition. A named person who is not an actor yet is added to ``record.actors``.

Tagger and actor-stage slips are smoothed over here, not in those stages: a one-word "person" the
tagger calls an organisation at least as often is one; a person the actor stage named by a role is
referred to by the name at each mention; a bare surname several people share is the one named in
full last. Salience: names inside relative clauses count only when nothing else fits, a compatible
person earlier in the pronoun's own sentence comes first, and after someone's quotes a person newly
introduced as a subject takes over "he said". A definite role description the actor stage keeps as
a person of its own ("the Ontario judge"), with no one given that title before, stays itself.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwatch.model import Actor, Record
from eventwatch.nlp.cache import column, ents
from eventwatch.quotes.cues import (appositive_name, cue_class, entity_of, inverted_subject, phrase_span, right_after,
                                   source_of)
from eventwatch.quotes.found import doc_text
from eventwatch.quotes.lexicon import description_heads, first_names, person_words

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their"}
NEUTER = {"it", "its"}
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
NAMED_WITH_DET = {"ORG", "GPE", "PERSON", "FAC", "LOC"}  # "the United Nations" is still a name
ENT_KINDS = {"PERSON": "person", "ORG": "organization"}
GROUP_KINDS = ("organization", "group", "country")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
REACH = 2500  # characters back to look for the referent of a pronoun or description
TITLE_DEPS = {"appos", "compound"}
LEARN_REACH = 250  # a pronoun teaches a gender only if no other person is named this close before it
GENDER_REACH = 300  # a subject known to have the pronoun's gender within this beats a nearer unknown one
SPEAKER_REACH = 400  # characters after a quote within which "he said" still means its speaker


@dataclass
class Mention:
    start: int
    end: int
    actor: Actor
    subject: bool = False
    embedded: bool = False  # inside a relative clause ("X, who like Y grew up in …": Y)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class SpeakerResolver:
    """Resolution state for one document."""

    def __init__(self, doc: Doc, record: Record, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.record = record
        self.quoted = _merge_spans(quoted + captions(doc_text(doc)))  # quotes and captions name no referent
        self.added: dict[str, Actor] = {}
        self.origin: dict[str, Actor] = {}  # person found here -> the record's actor it stands for
        self.mentions = self._mentions()
        self._surname_before_full_name()
        self.alias = self._aliases()
        self._surnames: dict[str, dict[str, Actor]] | None = None
        self._firsts: dict[str, int] | None = None
        self._token_starts = column(doc, "idx")
        self._add_surname_subjects()
        self.gender: dict[str, str] = {}
        self.titles: dict[str, list[Mention]] = {}
        self._seed_gender_and_titles()
        self.pronoun_of: dict[int, Actor] = {}
        self._resolve_pronouns()
        self.last_speaker: tuple[int, Actor] | None = None

    # -- building the index
    def _mentions(self) -> list[Mention]:
        out = [Mention(s, e, self._as_named(a, s, e)) for a in self.record.actors for s, e in a.mentions]
        covered = [(m.start, m.end) for m in out]
        for ent in ents(self.doc):  # names the actor stage left out: people may become actors, others stay names
            kind = ENT_KINDS.get(ent.label_)
            if kind is None or _overlaps_unless_inside(ent.start_char, ent.end_char, covered):
                continue  # "The Canadian Dental Association" is a name, whatever actor "Canadian" is
            actor = self._new_person(ent.text) if kind == "person" else self._new_name(ent.text, kind)
            out.append(Mention(ent.start_char, ent.end_char, actor))
        for start, end in self._unlabelled_names(covered + [(m.start, m.end) for m in out]):
            out.append(Mention(start, end, self._new_person(doc_text(self.doc)[start:end])))
        self._organizations_tagged_as_people(out)
        for m in out:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            m.subject = span is not None and _is_subject(span.root)
            m.embedded = span is not None and any(a.dep_ == "relcl" for a in span.root.ancestors)
        out.sort(key=lambda m: (m.end, m.start))
        return out

    def _as_named(self, actor: Actor, start: int, end: int) -> Actor:
        """A person the actor stage named by a role ("health minister") stands, at a mention that is a
        personal name ("Ana Ruiz"), for a person of that name (the record's actor when it speaks)."""
        text = plain_name(doc_text(self.doc)[start:end])
        if actor.kind != "person" or _personal_name(actor.name) or not _personal_name(text) or not text.strip():
            return actor
        person = self._new_person(text)
        self.origin[person.id] = actor
        return person

    def _organizations_tagged_as_people(self, mentions: list[Mention]) -> None:
        """A one-word "person" whose name the tagger labels an organisation at least as often in this
        text ("Spotify") is that organisation, unless it is a given name or the surname of a person
        named in full."""
        tags: dict[str, list[str]] = {}
        for ent in ents(self.doc):
            tags.setdefault(plain_name(ent.text).lower(), []).append(ent.label_)
        surnames = {plain_name(m.actor.name).split()[-1].lower() for m in mentions
                    if m.actor.kind == "person" and len(m.actor.name.split()) > 1}
        orgs = {m.actor.name.lower(): m.actor for m in mentions if m.actor.kind == "organization"}
        for m in mentions:
            name = plain_name(m.actor.name).lower()
            if m.actor.kind != "person" or " " in name or name in surnames:
                continue
            labels = tags.get(name, [])
            if labels.count("ORG") >= max(1, labels.count("PERSON")) and name not in first_names():
                m.actor = orgs.get(name) or self._new_name(m.actor.name, "organization")

    def _unlabelled_names(self, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Given name + surname in subject position that NER left unlabelled ("Liberal MP Marco
        Mendicino went …", "Navdeep Bains, Minister of …, said"): the last two capitalised proper
        nouns of the subject's compound chain, none of them a title or an entity of another kind."""
        out = []
        titles = person_words()
        for tok in self._proper_subjects():
            if tok.ent_type_:
                continue
            chain = [tok]
            while chain[0].i > 0:
                prev = self.doc[chain[0].i - 1]
                if prev.head.i != tok.i or prev.dep_ != "compound" or prev.pos_ != "PROPN":
                    break
                chain.insert(0, prev)
            if len(chain) < 2:
                continue
            first, last = chain[-2], chain[-1]
            if any(t.ent_type_ or not t.is_alpha or not t.text[:1].isupper() or t.is_upper
                   or t.lower_ in titles for t in (first, last)):
                continue
            if _overlaps(first.idx, last.idx + len(last), covered) or not self._looks_personal(first, tok):
                continue
            out.append((first.idx, last.idx + len(last)))
        return out

    @staticmethod
    def _looks_personal(first: Token, head: Token) -> bool:
        """A known given name, or a role in apposition ("Bains, Minister of …"; not "X, the company")."""
        if first.lower_ in first_names():
            return True
        return any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_
                   and c.lemma_.lower() not in description_heads() for c in head.children)

    def _surname_before_full_name(self) -> None:
        """A bare surname refers back to a person already named in full: "Durning" before any
        "Charles Durning" is the "Jeanine Durning" named earlier, whatever the actor stage linked."""
        first_full: dict[str, int] = {}
        by_surname: dict[str, list[Mention]] = {}
        for m in self.mentions:
            words = plain_name(m.actor.name).split()
            if m.actor.kind != "person" or len(words) < 2:
                continue
            if len(doc_text(self.doc)[m.start:m.end].split()) >= 2:
                first_full.setdefault(m.actor.id, m.start)
                by_surname.setdefault(words[-1], []).append(m)
        for m in self.mentions:
            text = plain_name(doc_text(self.doc)[m.start:m.end])
            if m.actor.kind != "person" or " " in text or m.start >= first_full.get(m.actor.id, -1):
                continue
            earlier = {x.actor.id: x.actor for x in by_surname.get(text, []) if x.end <= m.start}
            if len(earlier) == 1:
                m.actor = next(iter(earlier.values()))

    def _add_mention(self, m: Mention) -> None:
        keys = [(x.end, x.start) for x in self.mentions]
        self.mentions.insert(bisect.bisect_right(keys, (m.end, m.start)), m)

    def _proper_subjects(self) -> list[Token]:
        """Proper nouns in subject position, in text order."""
        dep, pos = column(self.doc, "dep_"), column(self.doc, "pos_")
        return [self.doc[i] for i, d in enumerate(dep) if d in SUBJECT_DEPS and pos[i] == "PROPN"]

    def _add_surname_subjects(self) -> None:
        """"Wojtaszek said …" where the actor stage missed the surname: a subject mention of the person."""
        taken = [(m.start, m.end) for m in self.mentions if m.actor.kind == "person"]
        for tok in self._proper_subjects():
            if not _overlaps(tok.idx, tok.idx + len(tok), taken):
                actor = self._by_surname(tok.text)
                if actor is not None:
                    self._add_mention(Mention(tok.idx, tok.idx + len(tok), actor, True))

    def _new_name(self, name: str, kind: str) -> Actor:
        aid = f"{kind}:{slug(name)}"
        actor = self.added.get(aid) or Actor(id=aid, name=name, kind=kind, confidence=0.5)
        self.added[aid] = actor
        return actor

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
            if actor.kind in GROUP_KINDS:
                self._learn_titles(m)
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
            self._learn_titles(m, ("NOUN", "PROPN"))

    def _learn_titles(self, m: Mention, pos: tuple[str, ...] = ("NOUN",)) -> None:
        """Common nouns that name this mention's actor: "the company GroupM", "X, the proprietor"
        (so a later "the company" or "the proprietor" refers to it)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        for tok in span:
            for child in tok.children:
                if child.dep_ in TITLE_DEPS and child.pos_ in pos and not (m.start <= child.idx < m.end):
                    self.titles.setdefault(child.lemma_.lower(), []).append(m)
        if span.root.dep_ == "appos" and span.root.head.pos_ in pos and right_after(span.root.head, span[0]):
            self.titles.setdefault(span.root.head.lemma_.lower(), []).append(m)

    def _resolve_pronouns(self) -> None:
        """Resolve every he/she outside quotes in text order; each one learns and extends the chain."""
        for i, low in enumerate(column(self.doc, "lower_")):
            if low not in MALE and low not in FEMALE:
                continue
            tok = self.doc[i]
            if self._is_quoted(tok.idx):
                continue
            g = "m" if low in MALE else "f"
            actor = self._nearest(tok.idx, lambda a, g=g: self._gender_ok(a, g), g)
            if actor is None:
                continue
            self.pronoun_of[tok.i] = actor
            if self._only_person_near(tok.idx, actor):
                self.gender.setdefault(actor.id, g)
            if tok.dep_ in SUBJECT_DEPS:
                self._add_mention(Mention(tok.idx, tok.idx + len(tok), actor, True))

    def _only_person_near(self, pos: int, actor: Actor) -> bool:
        """No other person is mentioned just before ``pos`` (so a pronoun there tells ``actor``'s gender)."""
        return all(self.canonical(m.actor) is actor for m in self.mentions
                   if m.actor.kind == "person" and pos - LEARN_REACH <= m.start < pos and not self._is_quoted(m.start))

    # -- resolution
    def _is_quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, float("inf")))
        return i > 0 and self.quoted[i - 1][0] <= pos < self.quoted[i - 1][1]

    def _gender_ok(self, actor: Actor, gender: str | None) -> bool:
        if actor.kind != "person" or not _personal_name(actor.name):
            return False
        known = self.gender.get(actor.id)
        return gender is None or known is None or known == gender

    def _nearest(self, pos: int, ok, gender: str | None = None) -> Actor | None:
        """The nearest compatible earlier mention in subject position, else the nearest compatible one.
        With a ``gender``, a subject known to have it beats a nearer one whose gender is unknown."""
        i = bisect.bisect_right([m.end for m in self.mentions], pos)
        fallback = unsure = embedded = same = None
        sentence = self._sentence_start(pos)
        for m in reversed(self.mentions[:i]):
            if pos - m.end > REACH:
                break
            if same is not None and m.start < sentence:
                return same  # "For Peter Lang, who …, he is …": the sentence's own referent first
            if self._is_quoted(m.start):
                continue
            actor = self.canonical(m.actor)
            if not ok(actor):
                continue
            if m.embedded and not m.subject:  # less salient than the clause's own participants
                embedded = embedded or actor
                continue
            if not m.subject and m.start >= sentence and unsure is None:
                same = same or actor
            if m.subject:
                if gender is None or self.gender.get(actor.id) == gender:
                    return actor if unsure is None or pos - m.end <= GENDER_REACH else unsure
                if unsure is None:
                    unsure = actor
            fallback = fallback or actor
        return unsure or fallback or embedded

    def _sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self._token_starts, pos) - 1
        return self.doc[max(i, 0)].sent.start_char if len(self.doc) else 0

    def _first_mention(self, actor: Actor) -> int | None:
        if self._firsts is None:
            self._firsts = {}
            for m in sorted(self.mentions, key=lambda m: m.start):
                if not self._is_quoted(m.start):
                    self._firsts.setdefault(self.canonical(m.actor).id, m.start)
        return self._firsts.get(actor.id)

    def _nearest_subject(self, pos: int, ok, reach: int = SPEAKER_REACH) -> Actor | None:
        """The nearest compatible mention in subject position within ``reach`` before ``pos``
        ("Google said … the company said": the topic organisation, not the most frequent one)."""
        i = bisect.bisect_right([m.end for m in self.mentions], pos)
        for m in reversed(self.mentions[:i]):
            if pos - m.end > reach:
                break
            if m.subject and not self._is_quoted(m.start) and ok(self.canonical(m.actor)):
                return self.canonical(m.actor)
        return None

    def _most_mentioned(self, pos: int, kind: str) -> Actor | None:
        """The actor of ``kind`` mentioned most often in the text so far (the nearest on a tie)."""
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        by_id: dict[str, Actor] = {}
        for m in self.mentions:
            if m.end > pos or m.actor.kind != kind or self._is_quoted(m.start) or not _proper_name(m.actor.name):
                continue
            actor = self.canonical(m.actor)
            counts[actor.id] = counts.get(actor.id, 0) + 1
            last[actor.id] = m.end
            by_id[actor.id] = actor
        if not counts:
            return None
        return by_id[max(counts, key=lambda a: (counts[a], last[a]))]

    def actor_by_id(self, aid: str | None) -> Actor | None:
        return next((m.actor for m in self.mentions if m.actor.id == aid), None) if aid else None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)`` (people before others, longest first)."""
        hits = [m for m in self.mentions if m.start < end and start < m.end]
        if not hits:
            return None
        hits.sort(key=lambda m: (m.actor.kind != "person", -(m.end - m.start)))
        return self.canonical(hits[0].actor)

    def resolve(self, subj: Token) -> tuple[Actor | None, str | None, tuple[int, int]]:
        """(actor, speaker name, speaker span) for the head token of a cue's subject."""
        span = (subj.idx, subj.idx + len(subj))
        if subj.lower_ in PRONOUNS:
            actor = self._pronoun(subj)
            return actor, (plain_name(actor.name) if actor else None), span
        named = appositive_name(subj)
        if named is not None:
            subj = named
        span = phrase_span(subj)
        text = doc_text(self.doc)[span[0]:span[1]]
        described = any(c.dep_ == "det" for c in subj.children) and subj.ent_type_ not in NAMED_WITH_DET
        if (subj.pos_ == "PROPN" or subj.ent_type_) and not described:
            actor = self.actor_at(subj.idx, subj.idx + len(subj))
            if subj.pos_ == "PROPN" and (actor is None or actor.kind != "person"):
                actor = self._by_surname(subj.text) or actor
            if subj.pos_ == "PROPN" and span[1] - span[0] == len(subj):
                actor = self._latest_namesake(subj.text, span[0]) or actor
            if actor is None and subj.pos_ == "PROPN" and subj.text[:1].isupper():
                actor = self._by_name(text) or self._named(text) or self._unknown_name(subj, text)
            if actor is not None:
                several = conjoined_names(subj)
                return actor, (several or plain_name(actor.name)), span  # "NATO, UN and Britain"
            return None, text, span
        actor, anaphoric = self._description(subj, span)
        return actor, (plain_name(actor.name) if actor and anaphoric else text), span

    def note_speaker(self, actor: Actor | None, end: int) -> None:
        """Remember who spoke last (a pronoun speaker soon after is most likely the same one)."""
        if actor is not None:
            self.last_speaker = (end, actor)

    def _is_organization(self, actor: Actor) -> bool:
        """An organisation actor that is not a person's surname mis-tagged as one ("Wojtaszek")."""
        return (actor.kind == "organization" and _proper_name(actor.name)
                and (" " in actor.name or self._by_surname(actor.name) is None))

    def _last_speaker_holds(self, pos: int, gender: str) -> bool:
        """The last speaker is still the topic: near, compatible, and no other person the subject since."""
        if self.last_speaker is None:
            return False
        end, actor = self.last_speaker
        if pos - end > SPEAKER_REACH or not self._gender_ok(actor, gender):
            return False
        return not any(m.subject and end <= m.start < pos and self.canonical(m.actor) is not actor
                       and self._gender_ok(self.canonical(m.actor), gender) for m in self.mentions)

    def _introduced_since_last_speaker(self, pos: int, gender: str) -> Actor | None:
        """Turn-taking: after someone's quotes, a person named for the first time as a subject just
        before "he said" is the new speaker, even when the earlier one's gender is known and theirs not."""
        if self.last_speaker is None or pos - self.last_speaker[0] > SPEAKER_REACH:
            return None
        end = self.last_speaker[0]
        for m in reversed(self.mentions):
            if m.end > pos or not m.subject or self._is_quoted(m.start):
                continue
            if m.start < end:
                return None
            actor = self.canonical(m.actor)
            return actor if self._gender_ok(actor, gender) and self._first_mention(actor) == m.start else None
        return None

    def subject_between(self, start: int, end: int) -> Actor | None:
        """The person last named as a subject in ``[start, end)`` outside quotes, in a sentence
        before the one at ``end`` and as its last subject (None if that subject is no person)."""
        for m in reversed(self.mentions):
            if m.end > end:
                continue
            if m.start < start:
                return None
            if self._is_quoted(m.start) or not m.subject:
                continue
            actor = self.canonical(m.actor)
            if actor.kind != "person" or not _personal_name(actor.name):
                return None
            return actor if self._sentence_start(end) > m.start and self._last_subject_of_sentence(m) else None
        return None

    def _last_subject_of_sentence(self, m: Mention) -> bool:
        """No other subject outside quotes follows ``m`` in its sentence."""
        i = bisect.bisect_right(self._token_starts, m.start) - 1
        sent_end = self.doc[max(i, 0)].sent.end_char
        return not any(x.subject and m.end <= x.start < sent_end and not self._is_quoted(x.start)
                       for x in self.mentions)

    def _last_organization_speaker(self, pos: int) -> Actor | None:
        """The organisation that spoke last, if it spoke just before ``pos`` ("Google said … the company said")."""
        if self.last_speaker is None:
            return None
        end, actor = self.last_speaker
        return actor if pos - end <= SPEAKER_REACH and self._is_organization(actor) else None

    def _pronoun(self, subj: Token) -> Actor | None:
        low = subj.lower_
        if low in MALE or low in FEMALE:
            g = "m" if low in MALE else "f"
            if self._last_speaker_holds(subj.idx, g):
                return self.last_speaker[1]
            newcomer = self._introduced_since_last_speaker(subj.idx, g)
            if newcomer is not None:
                return newcomer
            return self._nearest(subj.idx, lambda a: self._gender_ok(a, g), g) or self.pronoun_of.get(subj.i)
        if low in NEUTER:  # "it said": an organisation, else a country (not a group of people)
            return (self._last_organization_speaker(subj.idx) or self._nearest(subj.idx, self._is_organization)
                    or self._nearest(subj.idx, lambda a: a.kind == "country"))
        if low in PLURAL:
            return self._nearest(subj.idx, lambda a: a.kind in GROUP_KINDS)
        return None

    def _by_name(self, text: str) -> Actor | None:
        """The actor named exactly ``text`` elsewhere (the tagger missed this mention)."""
        key = plain_name(text).lower()
        return next((self.canonical(m.actor) for m in self.mentions if plain_name(m.actor.name).lower() == key), None)

    def _unknown_name(self, subj: Token, text: str) -> Actor | None:
        """A name the tagger missed that is no person's ("Spotify told staff …"): an organisation by
        name, so a later "it" or "the company" can refer to it (not an actor of the record)."""
        if subj.ent_type_ not in ("", "ORG") or subj.lower_ in first_names() or not _proper_name(text):
            return None
        return self._new_name(text, "organization")

    def _latest_namesake(self, word: str, pos: int) -> Actor | None:
        """For a bare surname that several people in the text share ("Lindqvist" after "Studio
        Lindqvist" and "Anna Lindqvist"): the one last named in full before ``pos``."""
        latest = None
        ids = set()
        for m in self.mentions:
            actor = self.canonical(m.actor)
            if actor.kind != "person" or plain_name(actor.name).split()[-1:] != [word]:
                continue
            ids.add(actor.id)
            if m.end <= pos and len(doc_text(self.doc)[m.start:m.end].split()) > 1 and not self._is_quoted(m.start):
                latest = actor
        return latest if len(ids) > 1 else None

    def _named(self, text: str) -> Actor | None:
        """A proper name the actor stage did not catch: a new person when it starts with a given name."""
        words = text.split()
        if 2 <= len(words) <= 4 and words[0].lower() in first_names():
            return self._new_person(text)
        return None

    def _by_surname(self, word: str) -> Actor | None:
        """The one person whose name ends in ``word`` (None if none or several)."""
        if self._surnames is None:
            self._surnames = {}
            for m in self.mentions:
                if m.actor.kind == "person":
                    actor = self.canonical(m.actor)
                    self._surnames.setdefault(plain_name(m.actor.name).split()[-1], {})[actor.id] = actor
        found = self._surnames.get(word, {})
        return next(iter(found.values())) if len(found) == 1 else None

    def _description(self, subj: Token, span: tuple[int, int]) -> tuple[Actor | None, bool]:
        """(actor, whether the description refers back to it) for a common-noun speaker."""
        lemma = subj.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)
        titled = [m for m in self.titles.get(lemma, []) if m.end <= span[0]]
        if titled and definite and subj.tag_ in ("NN", "NNP"):  # "the spokesman", not "a spokesman" or "students"
            return self.canonical(titled[-1].actor), True
        possessor = next((c for c in subj.children if c.dep_ == "poss"), None)
        head_class = description_heads().get(lemma)
        if head_class == "doc":
            source = source_of(subj)
            if possessor is not None:
                return self.resolve(possessor)[0], True
            if source is not subj:
                return self.resolve(source)[0], True
        if definite and head_class in ("org", "orgname", "doc"):
            named = self._nearest(span[0], lambda a: a.kind in GROUP_KINDS and lemma in a.name.lower().split()
                                  and (head_class != "orgname" or _proper_name(a.name)))
            if named is None and head_class == "orgname":  # "Transport Canada said … The department added"
                named = self._last_organization_speaker(span[0])
            if named is not None or head_class == "orgname":
                return named, named is not None
            return (self._last_organization_speaker(span[0]) or self._nearest_subject(span[0], self._is_organization)
                    or self._most_mentioned(span[0], "organization")), True
        if definite and head_class is None and subj.tag_ in ("NN", "NNP"):
            role = self._role_at(*span)
            if role is not None:  # "the Ontario judge" and no judge named before: a person of its own
                return role, False
            gender = person_words().get(lemma)
            return self._nearest(span[0], lambda a: self._gender_ok(a, gender)), True
        return self.actor_at(*span), False

    def _role_at(self, start: int, end: int) -> Actor | None:
        """A person the actor stage knows only by a role ("Ontario judge") mentioned at ``[start, end)``."""
        return next((m.actor for m in self.mentions if m.start < end and start < m.end
                     and m.actor.kind == "person" and not _personal_name(m.actor.name)), None)

    def adopt(self, actor: Actor | None) -> str | None:
        """The id of ``actor`` as a speaker: an actor found here (not by the actor stage) is added to
        the record once if it is clearly a named person, else it is no actor (None)."""
        if actor is None:
            return None
        if actor.id in self.origin:
            return self.origin[actor.id].id
        if any(a.id == actor.id for a in self.record.actors):
            return actor.id
        if actor.id not in self.added or actor.kind != "person" or not _personal_name(actor.name):
            return None
        actor.mentions = [list(x) for x in sorted({(m.start, m.end) for m in self.mentions if m.actor is actor})]
        self.record.actors.append(actor)
        return actor.id


def _is_subject(tok: Token) -> bool:
    """The head of a subject, a name in apposition to one ("says her partner, Leo Grant"), or
    the speaker after a cue the parser read as its object ("…,” insists 15-year-old Leo Grant)."""
    if tok.dep_ in SUBJECT_DEPS:
        return True
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS:
        return True
    return tok.dep_ in ("dobj", "attr") and inverted_subject(tok.head) == tok and cue_class(tok.head) is not None


def conjoined_names(tok: Token) -> str | None:
    """"Noor, the leader of …, and Dostum said" -> "Noor and Dostum" (None for a single name)."""
    heads = [tok]
    while True:
        nxt = next((c for c in heads[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        heads.append(nxt)
    if len(heads) < 2:
        return None
    names = []
    for h in heads:
        a, b = phrase_span_single(h)
        names.append(doc_text(h.doc)[a:b])
    return ", ".join(names[:-1]) + " and " + names[-1]


def phrase_span_single(tok: Token) -> tuple[int, int]:
    """The name or noun phrase of one conjunct, without its conjuncts, appositions or clauses."""
    ent = entity_of(tok)
    if ent is not None:
        return ent.start_char, ent.end_char
    left = min((t.left_edge.i for t in tok.lefts if t.dep_ not in ("punct", "cc", "preconj")), default=tok.i)
    return tok.doc[left].idx, tok.idx + len(tok)


def plain_name(name: str) -> str:
    """A name without a possessive ending the actor stage may have kept ("Jeanine Durning’s")."""
    return re.sub(r"[’']s?$", "", name)


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


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _personal_name(name: str) -> bool:
    """A person's name ("Jens Stoltenberg"), not a role the actor stage made a person ("Director of …")."""
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words if w[:1].isalpha())


FUNCTION_WORDS = {"of", "and", "for", "the", "on", "in", "at", "&", "de", "du", "des", "la", "le"}


def _proper_name(name: str) -> bool:
    """A name ("Board of Health", "SkyNet"), not a description the actor stage made an
    organisation ("Canadian residents")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", name) if w.lower() not in FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


def _overlaps_unless_inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """``[a, b)`` overlaps a span that is not a shorter part of it."""
    return any(s < b and a < e and not (a <= s and e <= b and e - s < b - a) for s, e in spans)


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)
