"""The people table: one owner of the people and organisations of a document.

The actor stage writes ``record.actors`` and leaves a ``PeopleTable`` (``actors/people.py``) for the document in
``doc.user_data`` (key ``eventwatch.cache.people``; ``nlp.cache.release`` drops it with the other
per-document tables when the document is done). Later stages ask it and never resolve people on
their own::

    from eventwatch.actors import people_of
    table = people_of(doc, record)          # the one the actor stage left (built on demand otherwise)
    table.token_actors()                    # {token index: actor id} of every actor mention (events)
    table.kinds()                           # {actor id: kind}
    who = table.referents(quoted, inverted) # a reading where ``quoted`` regions name no referent
    actor, name, span = who.resolve(token)  # who is this subject: a name, surname, pronoun, description
    who.adopt(actor)                        # its id; a named person not yet an actor is added here

Why a slot on the Doc: every stage is called as ``stage(doc, record)``, so the table travels with the
document without changing the stage protocol or the pipeline, and it lives exactly as long as the
document's other shared tables. Only this package writes ``record.actors``.

How a reading resolves (:class:`MentionTable` here, ``referents.Referents``): named speakers
resolve to the actor whose mention they overlap; a surname alone resolves to the fuller name of
the same person in the text ("Lonechild" -> "Darian Lonechild"). Pronouns and definite
descriptions are resolved by a small salience rule: the nearest earlier compatible mention in
*subject* position outside quotes (else the nearest compatible mention), where every
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
from itertools import compress
from operator import attrgetter
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from eventwatch.actors.dictionary import slug
from eventwatch.actors.lexicon import description_heads, first_names, offices, person_words
from eventwatch.actors.names import (HONORIFICS, captions, merge_spans, name_slug, overlaps, overlaps_unless_inside, personal_name,
                                     plain_name, proper_name)
from eventwatch.actors.phrases import right_after
from eventwatch.model import Actor, Record
from eventwatch.places.attacked import attacked_mention
from eventwatch.nlp.cache import children, column, ents, lemma_lower, sentences
from eventwatch.nlp.cache import text as doc_text

Inverted = Callable[[Token], bool]  # "is this object token really the speaker of its cue verb?" (quotes' syntax)

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their"}
NEUTER = {"it", "its"}
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
PERSONAL = MALE | FEMALE
NAMED_WITH_DET = {"ORG", "GPE", "PERSON", "FAC", "LOC"}  # "the United Nations" is still a name
ENT_KINDS = {"PERSON": "person", "ORG": "organization"}
GROUP_KINDS = ("organization", "group", "country")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SUBJECT_LIKE = SUBJECT_DEPS | {"appos", "dobj", "attr"}  # the only roots ``_is_subject`` may say yes to
REACH = 2500  # characters back to look for the referent of a pronoun or description
TITLE_DEPS = {"appos", "compound"}
LEARN_REACH = 250  # a pronoun teaches a gender only if no other person is named this close before it
GENDER_REACH = 300  # a subject known to have the pronoun's gender within this beats a nearer unknown one
SPEAKER_REACH = 400  # characters after a quote within which "he said" still means its speaker
HONORIFIC_PATTERN = "|".join(sorted(h.title() for h in HONORIFICS))


def without_honorific(name: str) -> str:
    """A name without the honorifics before it ("Mrs Ellen Barrow" -> "Ellen Barrow"); the last word stays."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


_END = attrgetter("end")
_END_START = attrgetter("end", "start")


@dataclass
class Mention:
    start: int
    end: int
    actor: Actor
    subject: bool = False
    embedded: bool = False  # inside a relative clause ("X, who like Y grew up in …": Y)


class MentionTable:
    """Every mention of a person or organisation in one document, read with some regions (quotations,
    captions) that name no referent: names, surnames, titles and roles, gender, he/she antecedents."""

    def __init__(self, doc: Doc, record: Record, quoted: list[tuple[int, int]], inverted: Inverted | None = None):
        self.doc = doc
        self.inverted = inverted
        self.record = record
        self._spans: dict[tuple[int, int], tuple | None] = {}  # (start, end) -> token range and root, built once
        self._subject_ids: list[int] | None = None
        self._propn: list[int] | None = None
        self._cols: tuple[list, ...] | None = None
        self.quoted = merge_spans(quoted + captions(doc_text(doc)))  # quotes and captions name no referent
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

    def _mentions(self) -> list[Mention]:
        text = doc_text(self.doc)
        out = [Mention(s, e, self._as_named(a, s, e)) for a in self.record.actors for s, e in a.mentions]
        covered = [(m.start, m.end) for m in out]
        # a town the places stage resolved and the sentence names as attacked is no person or organisation,
        # however tagged ("Chernihiv came under shelling, the governor said": not the governor); the actor stage
        # blocks the same words (recognition.blocked_tokens). Only where an attack shows it: a company named
        # after a town ("Wembley" the gaming firm) stays a name
        towns = [(s, e) for p in self.record.places if p.feature != "country" for s, e in p.mentions
                 if attacked_mention(self.doc, s, e)]
        for ent in ents(self.doc):  # names the actor stage left out: people may become actors, others stay names
            kind = ENT_KINDS.get(ent.label_)
            if kind is None:
                continue
            if len(ent) > 1 and (ent[-1].tag_ == "POS" or ent[-1].text == ">"):
                ent = ent[:-1]  # "Tony Blair's" is Tony Blair (issue 18: one actor, one identity); "<Ford Motor Co>"
            while kind == "person" and len(ent) > 1 and ent[0].lower_.rstrip(".") in HONORIFICS:
                ent = ent[1:]  # "Mrs Ellen Barrow" is Ellen Barrow
            start, end = ent.start_char, ent.end_char
            if overlaps_unless_inside(start, end, covered):
                continue  # "The Canadian Dental Association" is a name, whatever actor "Canadian" is
            if (_without_article(text, start), end) in covered:
                continue  # "the Harbour Workers Union": the actor "Harbour Workers Union" with its article
            if any(s <= start and end <= e for s, e in towns):
                continue
            name = text[start:end]  # ent.text, without a pass over its tokens
            actor = self._new_person(_capitalised(name)) if kind == "person" else self._new_name(name, kind)
            out.append(Mention(start, end, actor))
        for start, end in self._unlabelled_names(covered + [(m.start, m.end) for m in out]):
            out.append(Mention(start, end, self._new_person(text[start:end])))
        for start, end in self._titled_surnames(covered + [(m.start, m.end) for m in out]):
            out.append(Mention(start, end, self._new_person(text[start:end])))
        self._organizations_tagged_as_people(out)
        dep = self._columns()[0]
        for m in out:
            found = self._span(m.start, m.end)
            root = found[2] if found is not None else None
            m.subject = root is not None and dep[root] in SUBJECT_LIKE and _is_subject(self.doc[root], self.inverted)
            m.embedded = root is not None and self._in_relative_clause(root)
        out.sort(key=lambda m: (m.end, m.start))
        return out

    def _span(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(first token, end token, root token) of ``doc.char_span(start, end, alignment_mode="expand")``,
        or None; once per mention."""
        key = (start, end)
        if key not in self._spans:
            self._spans[key] = self._read_span(start, end)
        return self._spans[key]

    def _read_span(self, start: int, end: int) -> tuple[int, int, int] | None:
        """``_span`` by bisection over the token starts (spaCy's tokens cover every character, so the
        token holding character ``c`` is the last one starting at or before it), as ``char_span`` finds it."""
        starts, words, size = self._columns()[2], column(self.doc, "text"), len(doc_text(self.doc))
        if not (0 <= start < size and 0 < end <= size):
            return None  # char_span finds no token for a character outside the text
        a, b = bisect.bisect_right(starts, start) - 1, bisect.bisect_right(starts, end - 1)
        if start == starts[a] + len(words[a]):
            a += 1  # the start is the whitespace after a token: not that token
        if b - a == 1:
            return a, b, a  # one token is its own root
        span = self.doc[a:b] if b > a else self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end, span.root.i)

    def _in_relative_clause(self, i: int) -> bool:
        """An ancestor of token ``i`` is a relative clause (``any(a.dep_ == "relcl" for a in tok.ancestors)``)."""
        cols = self._columns()
        dep, head = cols[0], cols[4]
        for _ in range(len(head)):
            if head[i] == i:
                return False
            i = head[i]
            if dep[i] == "relcl":
                return True
        return False

    def _as_named(self, actor: Actor, start: int, end: int) -> Actor:
        """A person the actor stage named by a role ("health minister") stands, at a mention that is a
        personal name ("Ana Ruiz"), for a person of that name (the record's actor when it speaks)."""
        if actor.kind != "person":
            return actor
        text = plain_name(doc_text(self.doc)[start:end])
        if personal_name(actor.name) or not personal_name(text) or not text.strip():
            return actor
        person = self._new_person(text)
        self.origin[person.id] = actor
        return person

    def _organizations_tagged_as_people(self, mentions: list[Mention]) -> None:
        """A one-word "person" whose name the tagger labels an organisation at least as often in this
        text ("Spotify") is that organisation, unless it is a given name or the surname of a person
        named in full."""
        tags: dict[str, list[str]] = {}
        text = doc_text(self.doc)
        for ent in ents(self.doc):
            tags.setdefault(plain_name(text[ent.start_char:ent.end_char]).lower(), []).append(ent.label_)
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
            if overlaps(first.idx, last.idx + len(last), covered) or not self._looks_personal(first, tok):
                continue
            out.append((first.idx, last.idx + len(last)))
        return out

    def _titled_surnames(self, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A capitalised proper noun right after an honorific ("Mr Grant", "Dr. Okafor") that no name
        covers: a person known by the surname (the honorific tells the gender)."""
        out = []
        lower, pos, ent = column(self.doc, "lower_"), column(self.doc, "pos_"), column(self.doc, "ent_type_")
        words, starts = column(self.doc, "text"), column(self.doc, "idx")
        for i in self._proper_nouns():
            if i == 0 or lower[i - 1].rstrip(".") not in HONORIFICS or ent[i] not in ("", "PERSON"):
                continue
            j = i
            while j + 1 < len(lower) and pos[j + 1] == "PROPN" and ent[j + 1] in ("", "PERSON") and words[j + 1].istitle():
                j += 1
            start, end = starts[i], starts[j] + len(words[j])
            if words[i].istitle() and not overlaps(start, end, covered):
                out.append((start, end))
        return out

    @staticmethod
    def _looks_personal(first: Token, head: Token) -> bool:
        """A known given name, or a role in apposition ("Bains, Minister of …"; not "X, the company")."""
        if first.lower_ in first_names():
            return True
        return any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_
                   and description_heads().get(c.lemma_.lower(), "agent") == "agent" for c in head.children)

    def _surname_before_full_name(self) -> None:
        """A bare surname refers back to a person already named in full: "Durning" before any
        "Charles Durning" is the "Jeanine Durning" named earlier, whatever the actor stage linked."""
        first_full: dict[str, int] = {}
        by_surname: dict[str, list[Mention]] = {}
        doc_chars = doc_text(self.doc)
        for m in self.mentions:
            if m.actor.kind != "person":
                continue
            words = plain_name(m.actor.name).split()
            if len(words) < 2:
                continue
            if len(doc_chars[m.start:m.end].split()) >= 2:
                first_full.setdefault(m.actor.id, m.start)
                by_surname.setdefault(words[-1], []).append(m)
        for m in self.mentions:
            if m.actor.kind != "person":
                continue
            text = plain_name(doc_chars[m.start:m.end])
            if " " in text or m.start >= first_full.get(m.actor.id, -1):
                continue
            earlier = {x.actor.id: x.actor for x in by_surname.get(text, []) if x.end <= m.start}
            if len(earlier) == 1:
                m.actor = next(iter(earlier.values()))

    def _add_mention(self, m: Mention) -> None:
        self.mentions.insert(bisect.bisect_right(self.mentions, (m.end, m.start), key=_END_START), m)

    def _proper_subjects(self) -> list[Token]:
        """Proper nouns in subject position, in text order."""
        if self._subject_ids is None:
            dep = column(self.doc, "dep_")
            self._subject_ids = [i for i in self._proper_nouns() if dep[i] in SUBJECT_DEPS]
        return [self.doc[i] for i in self._subject_ids]

    def _proper_nouns(self) -> list[int]:
        """Indices of the proper nouns (PROPN), found once per table by a scan in C."""
        if self._propn is None:
            pos = column(self.doc, "pos_")
            self._propn = list(compress(range(len(pos)), map("PROPN".__eq__, pos)))
        return self._propn

    def _add_surname_subjects(self) -> None:
        """"Wojtaszek said …" where the actor stage missed the surname: a subject mention of the person."""
        taken = [(m.start, m.end) for m in self.mentions if m.actor.kind == "person"]
        countries = [(m.start, m.end) for m in self.mentions if m.actor.kind == "country"]
        for tok in self._proper_subjects():
            if not overlaps(tok.idx, tok.idx + len(tok), taken):
                if overlaps(tok.idx, tok.idx + len(tok), countries):
                    continue  # "JORDAN said ... Michael Jordan": the country, not the man who shares its name
                actor = self._by_surname(tok.text)
                if actor is not None:
                    self._add_mention(Mention(tok.idx, tok.idx + len(tok), actor, True))

    def _new_name(self, name: str, kind: str) -> Actor:
        name = name[4:] if name[:4] in ("the ", "The ") and name[4:5].isupper() else name  # "the Bank of England"
        aid = f"{kind}:{name_slug(name)}"
        actor = self.added.get(aid) or Actor(id=aid, name=name, kind=kind, confidence=0.5)
        self.added[aid] = actor
        return actor

    def _new_person(self, name: str) -> Actor:
        aid = f"person:{name_slug(name)}"
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
            found = self._span(m.start, m.end)
            if found is None:
                continue
            start = found[0]
            before = column(self.doc, "lower_")[start - 1].rstrip(".") if start > 0 else ""
            if before in words:
                self.gender.setdefault(actor.id, words[before])
            self._learn_titles(m, ("NOUN", "PROPN"))

    def _learn_titles(self, m: Mention, pos: tuple[str, ...] = ("NOUN",)) -> None:
        """Common nouns that name this mention's actor: "the company GroupM", "X, the proprietor"
        (so a later "the company" or "the proprietor" refers to it)."""
        found = self._span(m.start, m.end)
        if found is None:
            return
        first, end, root = found
        dep, tags, idx, lemma, heads = self._columns()
        for i in range(first, end):
            for c in children(self.doc, i):
                if dep[c] in TITLE_DEPS and tags[c] in pos and not (m.start <= idx[c] < m.end):
                    self.titles.setdefault(lemma[c], []).append(m)
        head = heads[root]
        if dep[root] == "appos" and tags[head] in pos and right_after(self.doc[head], self.doc[first]):
            self.titles.setdefault(lemma[head], []).append(m)
        if dep[root] in ("compound", "poss") and description_heads().get(lemma[head]) == "agent":
            self.titles.setdefault(lemma[head], []).append(m)  # "a Federal Reserve spokesman": the Fed's

    def _columns(self) -> tuple[list, ...]:
        """dep_, pos_, idx, lower-case lemma and head index of every token (the Doc's shared columns)."""
        if self._cols is None:
            doc = self.doc
            self._cols = (column(doc, "dep_"), column(doc, "pos_"), column(doc, "idx"), lemma_lower(doc),
                          column(doc, "head_i"))
        return self._cols

    def _resolve_pronouns(self) -> None:
        """Resolve every he/she outside quotes in text order; each one learns and extends the chain."""
        lower = column(self.doc, "lower_")
        for i in compress(range(len(lower)), map(PERSONAL.__contains__, lower)):  # he/she, found in C
            low = lower[i]
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

    def _is_quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, float("inf")))
        return i > 0 and self.quoted[i - 1][0] <= pos < self.quoted[i - 1][1]

    def _gender_ok(self, actor: Actor, gender: str | None) -> bool:
        if actor.kind != "person" or not personal_name(actor.name):
            return False
        known = self.gender.get(actor.id)
        return gender is None or known is None or known == gender

    def _nearest(self, pos: int, ok, gender: str | None = None) -> Actor | None:
        """The nearest compatible earlier mention in subject position, else the nearest compatible one.
        With a ``gender``, a subject known to have it beats a nearer one whose gender is unknown."""
        i = bisect.bisect_right(self.mentions, pos, key=_END)
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
        if not len(self.doc):
            return 0
        i = max(bisect.bisect_right(self._token_starts, pos) - 1, 0)
        sents = sentences(self.doc)  # the actor stage's: token.sent, without a scan of the Doc per call
        return sents[bisect.bisect_right(sents, (i, float("inf"))) - 1][2]

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
        i = bisect.bisect_right(self.mentions, pos, key=_END)
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
            if m.end > pos or m.actor.kind != kind or self._is_quoted(m.start) or not proper_name(m.actor.name):
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

    def _is_organization(self, actor: Actor) -> bool:
        """An organisation actor that is not a person's surname mis-tagged as one ("Wojtaszek")."""
        return (actor.kind == "organization" and proper_name(actor.name)
                and (" " in actor.name or self._by_surname(actor.name) is None))

    def _by_name(self, text: str) -> Actor | None:
        """The actor named exactly ``text`` elsewhere (the tagger missed this mention), an honorific before
        it left out ("Mrs Ellen Barrow" is Ellen Barrow)."""
        key = plain_name(without_honorific(text)).lower()
        return next((self.canonical(m.actor) for m in self.mentions if plain_name(m.actor.name).lower() == key), None)

    def _unknown_name(self, subj: Token, text: str) -> Actor | None:
        """A name the tagger missed that is no person's ("Spotify told staff …"): an organisation by
        name, so a later "it" or "the company" can refer to it (not an actor of the record)."""
        if subj.ent_type_ not in ("", "ORG") or subj.lower_ in first_names() or not proper_name(text):
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
        """A proper name the actor stage did not catch: a new person when it starts with a given name, or
        when the article calls a person by its last word after an honorific ("Sundar Katwala said …
        Mr Katwala added": the tagger may miss both the given name and the full name)."""
        words = text.split()
        if len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS:  # "Mr Katwala": the one named in full
            return next((a for a in self.added.values() if a.kind == "person" and len(a.name.split()) > 1
                         and a.name.split()[-1] == words[1] and a.name.split()[0].lower().rstrip(".") not in HONORIFICS), None)
        if len(words) > 2 and words[0].lower().rstrip(".") in HONORIFICS:  # "Mrs Ellen Barrow": Ellen Barrow
            return self._named(without_honorific(text))
        if 2 <= len(words) <= 4 and (words[0].lower() in first_names() or self._titled_surname(words[-1])):
            return self._new_person(text)
        from eventwatch.actors.lexicon import org_heads

        for k in range(min(4, len(words) - 2), 0, -1):  # "Secretary of State Ana Ruiz": two or three
            rest = words[k:]  # capitalised words after an office name its holder (as ``recognition._titled_name``)
            if (" ".join(words[:k]).lower() in offices() and len(rest) <= 3
                    and all(w.istitle() and w.isalpha() for w in rest) and not any(w.lower() in org_heads() for w in rest)):
                return self._new_person(" ".join(rest))
        return None

    def _titled_surname(self, word: str) -> bool:
        """``word`` is a surname the article writes after an honorific ("Mr Katwala", "Dr. Okafor")."""
        if not word.istitle() or not word.isalpha():
            return False
        return re.search(rf"\b(?:{HONORIFIC_PATTERN})\.? {re.escape(word)}\b", doc_text(self.doc)) is not None

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

    def _role_at(self, start: int, end: int) -> Actor | None:
        """A person the actor stage knows only by a role ("Ontario judge") mentioned at ``[start, end)``."""
        return next((m.actor for m in self.mentions if m.start < end and start < m.end
                     and m.actor.kind == "person" and not personal_name(m.actor.name)), None)

    def adopt(self, actor: Actor | None) -> str | None:
        """The id of ``actor`` as a speaker: an actor found here (not by the actor stage) is added to
        the record once if it is clearly a named person or a named organisation (``org:<slug>``, as
        the actor stage names organisations its dictionary does not know), else it is no actor (None)."""
        if actor is None:
            return None
        if actor.id in self.origin:
            return self.origin[actor.id].id
        if any(a.id == actor.id for a in self.record.actors):
            return actor.id
        if actor.id not in self.added:
            return None
        mentions = [list(x) for x in sorted({(m.start, m.end) for m in self.mentions if m.actor is actor})]
        if actor.kind == "organization" and _organization_name(actor.name):
            return self._adopt_organization(actor, mentions)
        if actor.kind != "person" or not (personal_name(actor.name) or actor.role):  # a named person, or one
            return None  # known by an office ("the judge": Referents._office_holder)
        actor.mentions = mentions
        self.record.actors.append(actor)
        return actor.id

    def _adopt_organization(self, actor: Actor, mentions: list[list[int]]) -> str:
        name = _organization_name(actor.name)
        aid = f"org:{slug(name)}"
        if not any(a.id == aid for a in self.record.actors):
            self.record.actors.append(Actor(id=aid, name=name, kind="organization", mentions=mentions, confidence=0.5))
        self.origin[actor.id] = next(a for a in self.record.actors if a.id == aid)
        return aid



def _is_subject(tok: Token, inverted: Inverted | None) -> bool:
    """The head of a subject, a name in apposition to one ("says her partner, Leo Grant"), or
    the speaker after a cue the parser read as its object ("…,” insists 15-year-old Leo Grant)."""
    if tok.dep_ in SUBJECT_DEPS:
        return not _to_infinitive(tok.head)
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS:
        return not _to_infinitive(tok.head.head)
    return tok.dep_ in ("dobj", "attr") and inverted is not None and inverted(tok)


def _to_infinitive(verb: Token) -> bool:
    """«an Engine Products Group to serve car makers»: a verb with "to" and no tense of its own, whose
    subject is what the sentence's verb acts on, not a topic a later "the company" or "he" goes back to."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _capitalised(name: str) -> str:
    """A person's name the tagger found written all in lower case, as wire copy in lower case writes it
    ("minister arturo vidal said"), in capitals ("Arturo Vidal"), so that it reads as a personal name."""
    words = name.split()
    if 2 <= len(words) <= 4 and all(w.isalpha() and w.islower() for w in words):
        return " ".join(w.capitalize() for w in words)
    return name


def _without_article(text: str, start: int) -> int:
    """``start`` moved past a leading "the " ("the Harbour Workers Union" -> "Harbour Workers Union")."""
    return start + 4 if text[start:start + 4].lower() == "the " else start


def _organization_name(name: str) -> str | None:
    """The name of an organisation without its article ("the Bank of England" -> "Bank of England"),
    None if it is no proper name ("local residents")."""
    name = plain_name(name)
    name = name[4:] if name[:4].lower() == "the " else name
    return name if name[:1].isupper() and proper_name(name) else None
