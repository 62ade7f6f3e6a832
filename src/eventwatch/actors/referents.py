"""Who is this token? The people table's answer for the subject of a verb of saying.

``Referents.resolve(token)`` turns the head token of a speaker phrase into (actor, name as written or
canonical, character span): a name or surname, a pronoun (by salience and who spoke last), a definite
description ("the company", "the spokesman") or a document ("her statement" -> her).

A speaker the table can name carries an actor: a body the phrase itself names ("the Indian army", "the GMB
union"), a person named before by role ("the minister" after "the Egyptian foreign minister"), the body of an
officer ("the union's leader") or of a clause ("the WFP delivered flour, the agency said"), the party of an
adjective ("a Conservative candidate … the party said"), the one person a noun described for a he/she ("the
journalist … He said"), and, for an office no one was named for ("The judge said"), a person of that office
(``_office_holder``, "USA-JUD/judge" or "---JUD/judge"), added to the record when it speaks.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Token

from eventwatch.actors.labels import said_words
from eventwatch.actors.lexicon import description_heads, entourage, firm_nouns, firm_people, firm_sectors, offices, person_words, title_words
from eventwatch.actors.mentions import (GROUP_KINDS, FEMALE, MALE, NAMED_WITH_DET, NEUTER, PLURAL, PRONOUNS,
                                        REACH, SPEAKER_REACH, MentionTable, Mention)
from eventwatch.actors.codes import generic_id
from eventwatch.actors.dictionary import slug
from eventwatch.actors.names import personal_name, plain_name, proper_name, spelled_by
from eventwatch.actors.lexicon import org_heads
from eventwatch.actors.phrases import appositive_name, conjoined_names, is_age, phrase_span, right_after, source_of, stated_age
from eventwatch.model import Actor
from eventwatch.nlp.cache import text as doc_text


CO_ARGUMENT_DEPS = frozenset({"dobj", "dative", "iobj", "nsubjpass", "obj"})
OWNER_PREPS = frozenset({"for", "at", "from"})
SECTOR_DESCRIBED = frozenset({"LAB"})  # "the union" may be an organisation named without the word
SPOKEN_FOR = GROUP_KINDS + ("person",)  # a spokesman speaks for a body or for a person
NAME_ENTS = frozenset({"PERSON", "ORG"})
SPECIFYING_ENTS = frozenset({"NORP", "GPE", "LOC"})  # "the Indian army", "the Lagos state government"
PERSON_ENDINGS = ("man", "woman", "person")  # "businessman", "chairwoman": people, whatever their sector
AGE_REACH = 3000  # characters back "the 45-year-old" looks for the person whose age the article gave
DEFINITE_DETS = frozenset({"the", "this", "that"})
BODY_HEADS = frozenset({"org", "orgname", "trade"})  # description_heads classes of an organisation
LATER_REACH = 1500  # characters after "a US bank said" within which the bank's name may come


class Referents(MentionTable):
    """A mention table that also follows the discourse: who spoke last (so "he said" soon after a
    quote is its speaker), and resolves the subject of a cue to (actor, name, span)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_speaker: tuple[int, Actor] | None = None
        self.last_voice: tuple[int, Actor, str | None] | None = None  # (end, body, gender) of "a spokesman said"

    def resolve(self, subj: Token) -> tuple[Actor | None, str | None, tuple[int, int]]:
        """(actor, speaker name, speaker span) for the head token of a cue's subject."""
        span = (subj.idx, subj.idx + len(subj))
        if subj.lower_ in PRONOUNS:
            actor = self._pronoun(subj)
            return actor, (self.spoken_name(actor) if actor else None), span
        named = appositive_name(subj) or _appositive_body(subj) or self._appositive_person(subj)
        if named is None:
            aide = self._entourage(subj)
            if aide is not None:  # "Putin's spokesman said", "Le Pen's lawyer said"
                return aide
        if named is not None:
            subj = named
        span = phrase_span(subj)
        if is_age(subj):  # "the 43-year-old": the parser may hang the whole sentence on "old"
            span = (min((c.idx for c in subj.children if c.dep_ == "det"), default=subj.idx), subj.idx + len(subj))
        text = doc_text(self.doc)[span[0]:span[1]]
        described = any(c.dep_ == "det" for c in subj.children) and subj.ent_type_ not in NAMED_WITH_DET
        if (subj.pos_ == "PROPN" or subj.ent_type_) and not described:
            actor = self.actor_at(subj.idx, subj.idx + len(subj))
            if subj.pos_ == "PROPN" and (actor is None or actor.kind not in ("person", "country")):
                # a country is never a person's short form ("Jordan said ... Michael Jordan")
                actor = self._by_surname(subj.text) or actor
            if subj.pos_ == "PROPN" and span[1] - span[0] == len(subj) and (actor is None or actor.kind != "country"):
                actor = self._latest_namesake(subj.text, span[0]) or actor
            if actor is None and subj.pos_ == "PROPN" and subj.text[:1].isupper():
                actor = self._by_name(text) or self._named(text) or self._named(_proper_chain(subj))
                if actor is not None and actor.kind == "person" and subj.dep_ in ("nsubj", "nsubjpass"):
                    self._add_mention(Mention(subj.idx, subj.idx + len(subj), actor, True))  # "the secretary" later
                actor = actor or self._unknown_name(subj, text)
            if actor is None or actor.kind != "person":  # "American, the world's biggest airline,"
                actor = self._body_described(subj) or actor
            if actor is not None:
                several = conjoined_names(subj)
                return actor, (several or self.spoken_name(actor)), span  # "NATO, UN and Britain"
            return None, text, span
        actor, anaphoric = self._description(subj, span)
        if actor is None:
            source = _issuing_body(subj)
            if source is not None:  # "the statement from the Nigerian presidency"
                return self.resolve(source)
            actor, anaphoric = self._office_of_its(subj), True  # "Its regional director said" (WHO before)
        if actor is None:  # "the foreign ministry in Warsaw said": the actor stage's mention of the whole phrase
            actor, anaphoric = self._mention_of_head(subj, span), False
        return actor, (self.spoken_name(actor) if actor and anaphoric else text), span

    def _office_of_its(self, subj: Token) -> Actor | None:
        """«The WHO warned … Its regional director said»: an officer of "its"/"their" body speaks for the
        body the pronoun stands for (an organisation or group, not a person)."""
        possessor = next((c for c in subj.children if c.dep_ == "poss"), None)
        if possessor is None or possessor.lower_ not in ("its", "their") or subj.tag_ != "NN" or not is_office(subj):
            return None
        body = self._pronoun(possessor)
        return body if body is not None and body.kind in GROUP_KINDS else None

    def _mention_of_head(self, subj: Token, span: tuple[int, int]) -> Actor | None:
        """The actor whose mention holds the head noun of a described speaker and starts inside its phrase
        («the government in Addis Ababa», «the territory's health ministry»: the actor stage read the whole
        phrase), longest first; None for a head noun no mention holds but in its own word ("The court said"
        after "A Lyon court ruled" is the Lyon court the quote stage finds before)."""
        if subj.pos_ not in ("NOUN", "PROPN"):  # the tagger may call "ministry" of "the foreign ministry" a name
            return None
        text = doc_text(self.doc)
        hits = [m for m in self.mentions if span[0] <= m.start <= subj.idx and subj.idx + len(subj) <= m.end
                and len(_without_the(text[m.start:m.end]).split()) > 1]  # "the court" alone: named_before's
        if not hits:
            return None
        return self.canonical(max(hits, key=lambda m: m.end - m.start).actor)

    def _appositive_person(self, subj: Token) -> Token | None:
        """«Netanyahu's spokesman, Omer Dostri, said»: a name in apposition right after a person's role
        noun that the actor stage reads as a person, even when the tagger called it something else."""
        if subj.pos_ != "NOUN" or (_entourage_role(subj) is None and not is_office(subj)):
            return None
        for c in subj.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and right_after(subj, c.left_edge):
                actor = self.actor_at(c.idx, c.idx + len(c))
                if actor is not None and self.canonical(actor).kind == "person":
                    return c
        return None

    def _entourage(self, subj: Token) -> tuple[Actor | None, str, tuple[int, int]] | None:
        """(actor, name, span) of «X's ROLE said» with an unnamed role-holder around a person
        (``entourage.tsv``): a spokesman or press secretary speaks for X (a person of the role, affiliated to
        X and coded as X, named as X's spokesman; "his spokesman" too); a lawyer, adviser, aide, chief of staff
        or relative speaks as themself (no actor: their words are not X's). None for any other noun or possessor."""
        possessor = next((c for c in subj.children if c.dep_ == "poss"), None)
        role = _entourage_role(subj) if possessor is not None else None
        if role is None:
            return None
        kind, role_start, end = role
        text = doc_text(self.doc)
        span = (min(possessor.left_edge.idx, phrase_span(subj)[0]), end)
        if kind == "own":
            if possessor.pos_ not in ("PROPN", "PRON") or possessor.lower_ in ("its", "their"):
                return None  # "the ministry's lawyer", "its adviser": the body's officer, as before
            return None, text[span[0]:span[1]], span
        if possessor.pos_ == "PRON":  # "his office said", "her spokesman said": whoever "his" is (a person
            if possessor.lower_ not in ("his", "her"):  # known by office too)
                return None
            principal = self._pronoun(possessor) or self._nearest(possessor.idx, lambda a: a.kind == "person")
            principal = self.canonical(principal) if principal is not None else None
            if principal is None or principal.kind != "person":
                return None
            if subj.lemma_.lower() == "office":  # the office named as written
                return principal, text[span[0]:span[1]], span
        elif possessor.pos_ == "PROPN":
            principal = self.actor_at(possessor.idx, possessor.idx + len(possessor))
            principal = self.canonical(principal) if principal is not None else None
            if principal is None or principal.kind != "person":
                return None
        elif possessor.pos_ == "NOUN" and possessor.tag_ == "NN" and is_office(possessor) and _is_definite(possessor):
            principal = self.resolve(possessor)[0]  # "the prime minister's office": whoever the prime minister is
            if principal is None or principal.kind != "person":
                return None
            if subj.lemma_.lower() == "office":
                return principal, text[span[0]:span[1]], span
        else:
            return None
        full = plain_name(principal.name) if personal_name(principal.name) else self.spoken_name(principal)
        role = text[role_start:end]
        return self._voice_of(principal, role, span), f"{full}'s {role}", span  # the full name: "Smith" alone would hide who

    def _voice_of(self, principal: Actor, role: str, span: tuple[int, int]) -> Actor:
        """«Putin's spokesman said»: the one who speaks for a person is not that person (REVIEW10 #3) but a
        person of their own, known by the role, affiliated to the principal and coded as the principal's side
        (a Kremlin spokesman is RUSGOV), added to the record when it speaks."""
        aid = f"{principal.id}/{slug(role)}"
        actor = self.added.get(aid) or Actor(id=aid, name=f"{plain_name(principal.name)}'s {role}", kind="person",
                                             confidence=0.5, country=principal.country, sector=list(principal.sector),
                                             code=principal.code, role=role, affiliation=principal.id)
        self.added[aid] = actor
        self._add_mention(Mention(span[0], span[1], actor, True))
        return actor

    def fullest_name(self, actor: Actor | None, name: str | None, pos: int) -> tuple[Actor | None, str | None]:
        """(actor, name) of an organisation speaker by the name the article gives it in full: its own name
        when the article writes it before ``pos`` ("the Tories said" -> Conservative Party), or, for a name in
        capitals that no dictionary knows, the organisation named before whose initials it is ("the BOJ said"
        -> Bank of Japan); anyone else as resolved. A name that only begins a longer one is its own ("Unite"
        after "the United Nations"); short names such as "the Fed" are the dictionary's aliases; a party's
        nickname that shares no word with its name ("the Tories") by the fuller form the article gave before
        ("the Conservatives")."""
        if actor is None or actor.kind != "organization" or not name:
            return actor, name
        text = doc_text(self.doc)
        short = _without_the(name).strip()
        if proper_name(actor.name) and len(actor.name) > len(short) and actor.name in text[:pos]:
            return actor, plain_name(actor.name)
        if "PTY" in actor.sector and not _shares_word(short, actor.name):  # "the Tories" after "the Conservatives"
            fuller = [text[m.start:m.end] for m in self.mentions if m.end <= pos and not self._is_quoted(m.start)
                      and self.canonical(m.actor).id == actor.id and _shares_word(text[m.start:m.end], actor.name)]
            if fuller:
                return actor, plain_name(_without_the(max(fuller, key=len)))
        if " " in short or not short.isupper() or actor.code is not None:
            return actor, name  # a name with words, or one the dictionary knows, is an actor of its own
        for m in reversed(self.mentions):
            other = self.canonical(m.actor)
            if m.start >= pos or other.kind != "organization" or other.id == actor.id:
                continue
            full = plain_name(_without_the(text[m.start:m.end]))
            if spelled_by(short, full):
                return other, full
        return actor, name

    def aged_person(self, tok: Token) -> Actor | None:
        """«Paul Aveling, 45, was arrested … “…,” the 45-year-old told the court»: the person the article
        gave that age to (after the name, in a parenthesis, or as "45-year-old X"), nearest first, as the
        table names them (canonical); None if no one's age was given within ``AGE_REACH``."""
        age = stated_age(tok)
        if age is None:
            return None
        after, before = _age_patterns(age)
        text = doc_text(self.doc)
        for m in reversed(self.mentions):
            if m.end > tok.idx or m.actor.kind != "person":
                continue
            if tok.idx - m.end > AGE_REACH:
                return None
            if after.match(text, m.end) or before.search(text[max(0, m.start - 40):m.start]):
                return self.canonical(m.actor)
        return None

    def spoken_name(self, actor: Actor) -> str:
        """A speaker's name as the article gives it: an unnamed group's words ("the company"), not its
        canonical name ("businesses (United States)"); anyone else's name without a possessive ending."""
        return plain_name(said_words(actor, doc_text(self.doc)))

    def note_speaker(self, actor: Actor | None, end: int, said_by: Token | None = None) -> None:
        """Remember who spoke last (a pronoun speaker soon after is most likely the same one), and, when
        ``said_by`` (the cue's subject) is a spokesperson speaking for a body («a Home Office spokesman
        said»), the body with the spokesperson's gender: a "he" soon after is that spokesman, so the body."""
        if actor is not None:
            self.last_speaker = (end, actor)
        if (actor is not None and actor.kind in GROUP_KINDS and said_by is not None and said_by.tag_ == "NN"
                and description_heads().get(said_by.lemma_.lower()) == "agent"):
            self.last_voice = (end, actor, person_words().get(said_by.lemma_.lower()))
        elif self.last_voice is not None and actor is self.last_voice[1]:
            self.last_voice = (end, *self.last_voice[1:])  # "he added": the spokesman goes on
        else:
            self.last_voice = None

    def _voice_holds(self, pos: int, gender: str, reach: int = SPEAKER_REACH) -> Actor | None:
        """The body whose spokesperson spoke last, for a he/she at ``pos`` that fits the spokesperson's
        gender, within ``reach`` and with no person the subject of a sentence in between."""
        if self.last_voice is None:
            return None
        end, actor, noun_gender = self.last_voice
        if pos - end > reach or noun_gender not in (None, gender):
            return None
        if any(m.subject and end <= m.start < pos and not self._is_quoted(m.start)
               and self.canonical(m.actor).kind == "person" for m in self.mentions):
            return None
        return actor

    def last_speaker_for(self, pronoun: Token, reach: int, speaks: Callable[[Token], bool] | None = None) -> Actor | None:
        """The last speaker, if ``pronoun`` ("he", "she") fits them and they spoke within ``reach``
        characters: for "he added", which goes on with the last speaker whoever was named since, unless
        (with ``speaks``) another person of that gender was since the subject ``speaks`` says yes to
        («“…,” said Tom Hale. His rival, Dan Price, dismissed the plan. “…,” he added.»: Price)."""
        low = pronoun.lower_
        if self.last_speaker is None or not (low in MALE or low in FEMALE):
            return None
        end, actor = self.last_speaker
        gender = "m" if low in MALE else "f"
        if actor.kind in GROUP_KINDS:  # «A Home Office spokesman said … “…,” he added»: the Home Office
            return self._voice_holds(pronoun.idx, gender, reach)
        if pronoun.idx - end > reach or not self._gender_ok(actor, gender):
            return None
        if speaks is not None and any(
                m.subject and end <= m.start < pronoun.idx and not self._is_quoted(m.start)
                and self.canonical(m.actor) is not actor and self.canonical(m.actor).kind == "person"
                and self._gender_ok(self.canonical(m.actor), gender) and speaks(self.head_token(m))
                for m in self.mentions):
            return None
        return actor

    def introduced_after(self, actor: Actor, pos: int) -> bool:
        """``actor`` is first named (outside quotes) at or after ``pos``: a newcomer since then."""
        first = self._first_mention(actor)
        return first is not None and first >= pos

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

    def subject_between(self, start: int, end: int, speaks: Callable[[Token], bool] | None = None) -> Actor | None:
        """The person last named as a subject in ``[start, end)`` outside quotes, in a sentence
        before the one at ``end`` and as its last subject (None if that subject is no person, or, with
        ``speaks``, if ``speaks`` says no to the subject's head token)."""
        for m in reversed(self.mentions):
            if m.end > end:
                continue
            if m.start < start:
                return None
            if self._is_quoted(m.start) or not m.subject:
                continue
            actor = self.canonical(m.actor)
            if actor.kind != "person" or not personal_name(actor.name):
                return None
            if speaks is not None and not speaks(self.head_token(m)):
                return None
            return actor if self._sentence_start(end) > m.start and self._last_subject_of_sentence(m) else None
        return None

    def head_token(self, m: Mention) -> Token | None:
        """The syntactic head of mention ``m``'s words (None if they align with no tokens)."""
        found = self._span(m.start, m.end)
        return self.doc[found[2]] if found is not None and found[2] is not None else None

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
        return actor if pos - end <= SPEAKER_REACH and self._spoke_as_body(actor) else None

    def _spoke_as_body(self, actor: Actor) -> bool:
        """An organisation that spoke by a name: a proper name, or one that only begins with a capital
        («the Commons science and technology committee said … it added»), not a mis-tagged surname."""
        return self._is_organization(actor) or (actor.kind == "organization" and actor.name[:1].isupper()
                                                and " " in actor.name.strip())

    def _pronoun(self, subj: Token) -> Actor | None:
        low = subj.lower_
        if low in MALE or low in FEMALE:
            g = "m" if low in MALE else "f"
            if self._last_speaker_holds(subj.idx, g):
                return self.last_speaker[1]
            voice = self._voice_holds(subj.idx, g)
            if voice is not None:
                return voice
            newcomer = self._introduced_since_last_speaker(subj.idx, g)
            if newcomer is not None:
                return newcomer
            return (self._nearest(subj.idx, lambda a: self._gender_ok(a, g), g) or self.pronoun_of.get(subj.i)
                    or self._unnamed_person_before(subj.idx))
        if low in NEUTER:  # "it said": an organisation, else a country (not a group of people)
            return (self._last_organization_speaker(subj.idx) or self._nearest(subj.idx, self._is_organization)
                    or self._nearest(subj.idx, lambda a: a.kind == "country"))
        if low in PLURAL:
            return self._nearest(subj.idx, lambda a: a.kind in GROUP_KINDS)
        return None

    def _unnamed_person_before(self, pos: int) -> Actor | None:
        """«The court sentenced the journalist … He said he would appeal»: with no person named for a he/she,
        the nearest one person the article describes by a noun ("the journalist", "a farmer") that the actor
        stage read as a group of that kind (its actor stands for the one person)."""
        for m in reversed(self.mentions):
            if m.end > pos or self._is_quoted(m.start) or m.actor.kind == "person":
                continue
            if pos - m.end > REACH:
                return None
            head = self.head_token(m)
            if head is not None and head.tag_ == "NN" and _names_one_person(head):
                return self.canonical(m.actor)
        return None

    def _co_arguments(self, subj: Token) -> set[str]:
        """Ids of the people the other arguments of ``subj``'s verb stand for: «the shopkeeper told
        her»: "the shopkeeper" is not whoever "her" is."""
        verb = subj.head
        args = [c for c in verb.children if c is not subj and c.dep_ in CO_ARGUMENT_DEPS]
        args += [o for c in verb.children if c.dep_ in ("prep", "agent") for o in c.children if o.dep_ == "pobj"]
        out = set()
        for tok in args:
            actor = self.pronoun_of.get(tok.i) or self.actor_at(tok.idx, tok.idx + len(tok))
            if actor is not None:
                out.add(self.canonical(actor).id)
        return out

    def _source(self, source: Token) -> Actor | None:
        """Who issued a document: the name in "a statement from X", "a report in the X" (a paper's
        name the tagger missed is still a name, not a description: "the Sunday Courier")."""
        if source.pos_ == "PROPN" and not source.ent_type_ and source.text[:1].isupper():
            start, end = phrase_span(source)
            text = doc_text(self.doc)[start:end]
            return (self.actor_at(source.idx, source.idx + len(source)) or self._by_name(text)
                    or self._unknown_name(source, text))
        return self.resolve(source)[0]

    def _owner(self, subj: Token, possessor: Token | None, kinds: tuple[str, ...] = GROUP_KINDS) -> Actor | None:
        """The organisation people speak for: the possessor, the object of "for", "at" or "from", or a
        name compounded with the noun ("the ministry's spokesman", "a spokeswoman for the union",
        "researchers at Acme", "a Taliban spokesman")."""
        owner = possessor
        if owner is None:
            owner = next((o for p in subj.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPS
                          for o in p.children if o.dep_ == "pobj"), None)
        if owner is None:  # "a Central Bank spokesman": a name compounded with the noun
            owner = next((c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if owner is None and "organization" in kinds:  # "a Conservative spokesperson": the party of that name
            party = next((self._party(c.lower_) for c in subj.children
                          if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
            if party is not None:
                return party
        if owner is None:  # "a company spokesman": the organisation the article is about; "committee
            body = next((c for c in subj.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)  # members": the
            cls = description_heads().get(body.lemma_.lower()) if body is not None else None  # committee named
            if cls in ("org", "orgname") and "organization" in kinds:
                if cls == "org":
                    return self._organisation_before(subj.idx)
                named = self._named_for(body.lemma_.lower(), subj.idx)
                if named is not None:
                    return named
            if body is None or description_heads().get(subj.lemma_.lower()) != "agent":
                return None  # "a party spokesman" after "the main opposition party", "a police spokesman" after
            return self._group_worded(body.lemma_.lower(), subj.idx)  # "Indonesian police": the group of that word
        if owner is None:
            return None
        if owner.pos_ == "NOUN" and _is_definite(owner):  # "a spokesman for the firm": the firm named before
            described = self.resolve(owner)[0]
            if described is not None and described.kind in kinds:
                return described
        named = [self.canonical(m.actor) for m in self.mentions if m.start <= owner.idx < m.end]
        actor = next((a for a in named if a.kind in kinds), None) or self.resolve(owner)[0]
        return actor if actor is not None and actor.kind in kinds else None

    def _body_described(self, subj: Token) -> Actor | None:
        """«American, the world's biggest airline, said» (after "American Airlines"): a short name with a
        description of a body in apposition is the one organisation of the article whose name begins with it."""
        if not any(c.dep_ == "appos" and right_after(subj, c.left_edge) and c.pos_ == "NOUN"
                   and description_heads().get(c.lemma_.lower()) in BODY_HEADS for c in subj.children):
            return None
        start = subj.text + " "
        found = {a.id: a for a in map(self.canonical, (m.actor for m in self.mentions))
                 if a.kind == "organization" and plain_name(a.name).startswith(start)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _group_worded(self, lemma: str, pos: int) -> Actor | None:
        """The nearest body or group before ``pos`` the article calls by a phrase holding ``lemma`` ("police",
        "party"), named or not ("Indonesian police", "Turkey's main opposition party")."""
        text = doc_text(self.doc)
        return self._nearest(pos, lambda a: a.kind in GROUP_KINDS and lemma in said_words(a, text).lower().split())

    def _named_for(self, lemma: str, pos: int) -> Actor | None:
        """The nearest body before ``pos`` whose name holds ``lemma`` ("the ministry", "committee members"
        -> "Ministry of Defence", "Public Accounts Committee")."""
        text = doc_text(self.doc)
        return self._nearest(pos, lambda a: a.kind in GROUP_KINDS and lemma in said_words(a, text).lower().split()
                             and proper_name(said_words(a, text)))

    def _party(self, word: str) -> Actor | None:
        """The political party of the article whose name begins with ``word`` ("conservative" ->
        Conservative Party): a party's adjective names the party (sector PTY), not any body of that word."""
        for m in self.mentions:
            actor = self.canonical(m.actor)
            words = actor.name.lower().split()
            if actor.kind == "organization" and "PTY" in actor.sector and len(words) > 1 and words[0] == word:
                return actor
        return None

    def _party_by_adjective(self, pos: int) -> Actor | None:
        """«A Conservative candidate quit … the party said»: the party of the article whose name begins with the
        nearest party adjective before ``pos`` (outside quotes, within ``REACH``) that names one."""
        for tok in reversed(self.doc[:bisect.bisect_left(self._token_starts, pos)]):
            if pos - tok.idx > REACH:
                return None
            if tok.ent_type_ == "NORP" and not self._is_quoted(tok.idx):
                party = self._party(tok.lower_)
                if party is not None:
                    return party
        return None

    def _by_sector(self, pos: int, sector: str | None) -> Actor | None:
        """The nearest organisation of a labour sector the actor stage read off its name or entry ("Unison",
        "the Arden Guild") for "the union"; a ministry or department is not guessed by its sector."""
        if sector not in SECTOR_DESCRIBED:
            return None
        return self._nearest(pos, lambda a: a.kind == "organization" and sector in a.sector)

    def sole_organisation(self, since: int, pos: int) -> Actor | None:
        """«Kestrel Airlines will cut jobs. A spokesman said»: whom a spokesman who names no one speaks for.
        The one organisation named (outside quotes) in the nearest paragraph before ``pos`` that names
        anyone, looking no further back than ``since`` (the end of the last quote); None when a person or
        a second organisation is named there too («Kestrel sued Orbix», «Harlow Foods fired Peter Olsen»).
        With no one named since the last quote, an organisation that spoke it."""
        text, end = doc_text(self.doc), pos
        while end > since:
            start = max(since, text.rfind("\n", 0, end) + 1)
            named = {self.canonical(m.actor).id: self.canonical(m.actor) for m in self.mentions
                     if start <= m.start and m.end <= end and not self._is_quoted(m.start)}
            if named:
                bodies = [a for a in named.values() if self._is_organization(a)]
                people = [a for a in named.values() if a.kind == "person"]
                if len(bodies) == 1 and (not people or self._agent_in(bodies[0], start, end)):
                    return bodies[0]  # «Reports that X would quit were denied by Downing Street. A spokesman said»
                return None
            end = start - 1
        return self._last_organization_speaker(pos)

    def _agent_in(self, body: Actor, start: int, end: int) -> bool:
        """``body`` is named in ``[start, end)`` as the agent of a passive verb («… were denied by the ministry»):
        the one who acted, and so the one a spokesman after it speaks for, whoever else is named there."""
        for m in self.mentions:
            if start <= m.start and m.end <= end and self.canonical(m.actor) is body:
                tok = self.head_token(m)
                if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "by" and _passive_above(tok.head):
                    return True
        return False

    def _organisation_before(self, pos: int) -> Actor | None:
        """The organisation a description refers back to: the last to speak, else the nearest subject, else
        the most mentioned."""
        return (self._last_organization_speaker(pos) or self._nearest_subject(pos, self._is_organization)
                or self._most_mentioned(pos, "organization"))

    def is_firm(self, tok: Token, span: tuple[int, int] | None = None) -> bool:
        """«The electronics giant said», «the steelmaker said»: a definite singular common noun that names a
        company by its trade: a trade noun, or one the actor stage reads as an unnamed group of a sector that
        speaks as one (business, media, aid), with no name of its own. Both from ``data/firms.tsv``; a
        person's noun ("the businessman", "the chairwoman") is no firm.
        ``span``: the noun's phrase (its own characters if not given)."""
        if not _is_definite(tok) or is_person_noun(tok) or tok.lemma_.lower() in firm_people():
            return False  # "the businessman", "the casino tycoon": a person, of any sector
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in firm_nouns():
            return True
        return self._firm_sector(span or (tok.idx, tok.idx + len(tok))) is not None

    def firm_described(self, tok: Token, span: tuple[int, int]) -> Actor | None:
        """«Norvik Steel cut jobs. The steelmaker said»: the organisation named before that a firm's
        description (``is_firm``) refers back to, if it can be what the noun describes; None for any other
        noun, and for "the gambling tycoon" after a newspaper (a person, not the Washington Post)."""
        if not self.is_firm(tok, span):
            return None
        firm = self._organisation_before(span[0])
        return firm if firm is not None and self._trade_fits(span, firm) else None

    def _firm_sector(self, span: tuple[int, int]) -> str | None:
        """The sector of the unnamed business, media or aid body the actor stage reads ``span`` as, if any."""
        actor = self.actor_at(*span)
        if (actor is not None and actor.kind == "group" and actor.id[-3:] in firm_sectors()
                and not proper_name(said_words(actor, doc_text(self.doc)))):
            return actor.id[-3:]
        return None

    def _trade_fits(self, span: tuple[int, int], firm: Actor) -> bool:
        """The firm named before can be what the trade noun describes: of the noun's sector when the
        firm's sector is known ("the tycoon" is no newspaper)."""
        sector = self._firm_sector(span)
        return not firm.sector or sector is None or sector in firm.sector

    def _description(self, subj: Token, span: tuple[int, int]) -> tuple[Actor | None, bool]:
        """(actor, whether the description refers back to it) for a common-noun speaker."""
        lemma = subj.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children) or _definite_possessor(subj)
        titled = [m for m in self.titles.get(lemma, []) if m.end <= span[0]]
        if titled and definite and subj.tag_ in ("NN", "NNP"):  # "the spokesman", not "a spokesman" or "students"
            return self.canonical(titled[-1].actor), True
        possessor = next((c for c in subj.children if c.dep_ == "poss"), None)
        head_class = description_heads().get(lemma)
        own = self._own_phrase(subj, span) if definite and possessor is None else None
        if own is not None:  # "the Indian army said": the actor the phrase itself names
            return own, False
        if definite and head_class is None and subj.tag_ == "NN" and possessor is None:
            role = self._role_before(lemma, span[0])
            if role is not None:  # "The Egyptian foreign minister said … the minister said"
                return role, True
        if head_class == "trade":  # "Norvik Steel cut jobs. The Japanese steel giant said": the firm before
            firm = self._organisation_before(span[0]) if definite and subj.tag_ == "NN" and possessor is None else None
            if firm is not None:
                return firm, True
            head_class = None  # "a giant", "the carmaker" with no firm named: as any other description
        if head_class == "agent":  # "the ministry's spokesman", "a spokeswoman for the union": the organisation;
            owner = self._owner(subj, possessor, SPOKEN_FOR)  # "Mr Blair's spokesman": the person
            if owner is not None:
                return owner, True
            head_class = None
        if head_class is None and subj.tag_ == "NNS" and possessor is None:  # "researchers at Acme say"
            owner = self._owner(subj, None, ("organization",))
            if owner is not None:
                return owner, True
        named = next((c for c in subj.children if c.dep_ == "compound" and c.ent_type_ in NAME_ENTS), None)
        if head_class == "doc":
            source = source_of(subj)
            if possessor is not None or (named is not None and definite and subj.tag_ == "NN"):
                return self._source(possessor or named), True  # "her statement", "the Acme report" (not "Senate filings")
            if source is not subj:
                return self._source(source), True
        if definite and head_class in ("org", "orgname", "doc"):
            text = doc_text(self.doc)  # an unnamed group by the article's words ("force"), not "armed forces (X)"
            named = (self._named_for(lemma, span[0]) if head_class == "orgname" else
                     self._nearest(span[0], lambda a: a.kind in GROUP_KINDS and lemma in said_words(a, text).lower().split()))
            if named is None and head_class == "orgname":  # "backed by Unison … The union said": its sector
                named = self._by_sector(span[0], org_heads().get(lemma))
            if named is None and head_class == "orgname" and org_heads().get(lemma) == "PTY":
                named = self._party_by_adjective(span[0])  # "a Conservative candidate … the party said"
            if named is None and head_class == "orgname":  # "Transport Canada said … The department added"
                named = self._last_organization_speaker(span[0])
            if named is None and head_class == "orgname":  # "The WFP delivered flour, the agency said"
                named = self._clause_body(span[0])
            if named is not None or head_class == "orgname":
                return named, named is not None
            return self._organisation_before(span[0]), True
        if definite and head_class is None and (subj.tag_ in ("NN", "NNP") or is_age(subj)):
            role = self._role_at(*span)
            if role is not None:  # "the Ontario judge" and no judge named before: a person of its own
                return role, False
            firm = self.firm_described(subj, span)
            if firm is not None:  # "Norvik Steel cut jobs. The steelmaker said": the firm named before
                return firm, True
            gender, others = person_words().get(lemma), self._co_arguments(subj)
            found = self._nearest(span[0], lambda a: self._gender_ok(a, gender) and a.id not in others)
            body = self._office_of_body(subj, possessor) if found is None else None
            if body is not None:  # "the union's leader said" and no person named: the union
                return body, True
            office = self._office_holder(subj, span) if found is None else None
            if office is not None:  # "The judge said" and no one named before: the judge, a person by office
                return office, False
            return found, True
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children)
        if indefinite and head_class in ("org", "orgname") and subj.tag_ == "NN" and possessor is None:
            later = self._named_later(lemma, span)
            if later is not None:
                return later, True
        return self.actor_at(*span), False

    def _clause_body(self, pos: int) -> Actor | None:
        """«The World Food Programme delivered flour to Gaza, the agency said»: the organisation that is the
        subject of the reported clause before a cue in its own sentence (no further back)."""
        start = self._sentence_start(pos)
        found = self._nearest_subject(pos, self._is_organization, reach=pos - start)
        return found if found is not None and self._first_in(found, start, pos) else None

    def _first_in(self, actor: Actor, start: int, end: int) -> bool:
        """``actor`` has a mention in ``[start, end)``, the first subject mention there outside quotes."""
        subjects = [m for m in self.mentions
                    if m.subject and start <= m.start and m.end <= end and not self._is_quoted(m.start)]
        return bool(subjects) and self.canonical(subjects[0].actor) is actor

    def _office_of_body(self, subj: Token, possessor: Token | None) -> Actor | None:
        """«the union's leader said»: the body a described possessor stands for speaks through its officer."""
        if possessor is None or possessor.pos_ != "NOUN" or subj.tag_ != "NN" or not is_office(subj):
            return None
        body = self.resolve(possessor)[0]
        return body if body is not None and body.kind in GROUP_KINDS else None

    def _office_holder(self, subj: Token, span: tuple[int, int]) -> Actor | None:
        """«The judge said», «the prime minister said» with no one named before who holds the office: a
        person of its own, known by the office (``titles.tsv``), as the actor stage names the holder of an
        office of a country or body ("CAN-JUD/judge"): of the nearest body before of the office's sector
        ("a court in Dallas … the judge": USA-JUD), else of no country ("---JUD/judge")."""
        words = doc_text(self.doc)[span[0]:span[1]].split()
        words = words[1:] if words and words[0].lower() in DEFINITE_DETS else words
        if not words or words[-1].lower() != subj.lower_:
            return None
        title = " ".join(words).lower()
        found = offices().get(title) or (offices().get(subj.lemma_.lower()) if len(words) == 1 else None)
        if found is None or found[1] is None:
            return None
        role, sector = found
        body = self._nearest(span[0], lambda a: a.kind in GROUP_KINDS and sector in a.sector and a.country is not None)
        base = (generic_id(body.country, sector) if body is not None else None) or f"---{sector}"
        aid = f"{base}/{slug(title)}"
        actor = self.added.get(aid) or Actor(id=aid, name=" ".join(words), kind="person", confidence=0.5,
                                             country=body.country if body is not None else None,
                                             sector=[sector], role=role)
        self.added[aid] = actor
        self._add_mention(Mention(span[0] + len(doc_text(self.doc)[span[0]:span[1]]) - len(" ".join(words)),
                                  span[1], actor, subj.dep_ in ("nsubj", "nsubjpass")))
        return actor

    def _own_phrase(self, subj: Token, span: tuple[int, int]) -> Actor | None:
        """«The Indian army said», «the Russian defence ministry claimed»: a definite description of a body
        that a people's or place's name makes specific, which the actor stage read whole as an
        actor (its mention holds the name as well as the noun): that actor; one that an organisation's name makes
        specific ("the Usdaw trade union"): that organisation. Not a firm's description ("the
        German carmaker" is the firm named before), nor a role the actor stage keeps as a person."""
        if description_heads().get(subj.lemma_.lower()) not in ("org", "orgname") or self.is_firm(subj, span):
            return None
        bodies = [self.canonical(m.actor) for c in subj.children if c.dep_ == "compound" and c.i < subj.i
                  and c.pos_ == "PROPN" for m in self.mentions if c.idx <= m.start and m.end <= c.idx + len(c)]
        body = next((a for a in bodies if a.kind == "organization"), None)
        if body is not None:  # "the Usdaw trade union said": the organisation its name is
            return body
        names = [c for c in subj.children if c.dep_ in ("amod", "compound", "nmod") and c.i < subj.i
                 and c.ent_type_ in SPECIFYING_ENTS]
        if not names:
            return None
        first = min(c.left_edge.idx for c in names)
        own = [m for m in self.mentions if m.start <= first and subj.idx + len(subj) <= m.end
               and m.actor.kind != "person"]
        return self.canonical(own[0].actor) if own else None

    def _role_before(self, lemma: str, pos: int) -> Actor | None:
        """«The Egyptian foreign minister said … the minister said»: the nearest person before ``pos`` whom
        the actor stage knows only by a role whose words end in the same noun (a named person with that
        title is the people table's ``titles``)."""
        text = doc_text(self.doc)
        for m in reversed(self.mentions):
            if m.end > pos or self._is_quoted(m.start):
                continue
            if pos - m.end > REACH:
                return None
            words = text[m.start:m.end].lower().split()
            if m.actor.kind == "person" and not personal_name(m.actor.name) and words and words[-1] == lemma:
                return self.canonical(m.actor)
        return None

    def _named_later(self, lemma: str, span: tuple[int, int]) -> Actor | None:
        """«A US bank has said it will pay … Riggs Bank agreed»: an indefinite description that opens a story
        stands for the one organisation named after it within ``LATER_REACH`` (outside quotes) whose name
        ends in the description's head noun, when none such was named before it."""
        text = doc_text(self.doc)
        found: dict[str, Actor] = {}
        for m in self.mentions:
            actor = self.canonical(m.actor)
            words = plain_name(said_words(actor, text)).lower().split()
            if actor.kind != "organization" or not words or words[-1] != lemma or self._is_quoted(m.start):
                continue
            if m.start < span[0]:
                return None  # the description may be of the one named before, or of another
            if m.start < span[1] + LATER_REACH:
                found[actor.id] = actor
        return next(iter(found.values())) if len(found) == 1 else None


def _issuing_body(doc_noun: Token) -> Token | None:
    """«the statement from the Nigerian presidency», «a letter from the ministry»: the described body
    (a definite common noun after "from" or "by") a document noun with no named source comes from."""
    if doc_noun.pos_ != "NOUN" or description_heads().get(doc_noun.lemma_.lower()) != "doc" or source_of(doc_noun) is not doc_noun:
        return None
    return next((o for p in doc_noun.children if p.dep_ == "prep" and p.lower_ in ("from", "by") for o in p.children
                 if o.dep_ == "pobj" and o.pos_ == "NOUN" and _is_definite(o)), None)


def _entourage_role(subj: Token) -> tuple[str, int, int] | None:
    """(class, start, end) of the role words ``subj`` heads if ``entourage.tsv`` lists them: "chief of
    staff", "press secretary" (a noun compounded before the head) or the head noun alone."""
    roles, lemma = entourage(), subj.lemma_.lower()
    of = next((o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
               if o.dep_ == "pobj"), None)
    if of is not None and roles.get(f"{lemma} of {of.lower_}"):
        return roles[f"{lemma} of {of.lower_}"], subj.idx, of.idx + len(of)
    before = subj.doc[subj.i - 1] if subj.i > 0 else None
    end = subj.idx + len(subj)
    if before is not None and before.dep_ == "compound" and before.head.i == subj.i and roles.get(f"{before.lower_} {lemma}"):
        return roles[f"{before.lower_} {lemma}"], before.idx, end
    return (roles[lemma], subj.idx, end) if lemma in roles and subj.tag_ == "NN" else None


def _passive_above(by: Token) -> bool:
    """A "by" that names the agent of a passive verb, on the verb or (as the parser may hang it) on a word of
    the verb's complement («were described as "idle speculation" by …»)."""
    tok = by
    for _ in range(3):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "auxpass" for c in tok.children)
    return False


def _appositive_body(tok: Token) -> Token | None:
    """«pressure group Clean Streets said», «the carmaker, Delmont Motors, said»: the organisation's name in
    apposition to a noun for an organisation (``description_heads.tsv``) right after it."""
    if tok.pos_ != "NOUN" or description_heads().get(tok.lemma_.lower()) not in BODY_HEADS:
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "ORG" and right_after(tok, c.left_edge)), None)


def _age_patterns(age: str) -> tuple[re.Pattern, re.Pattern]:
    after = re.compile(rf"\s*(?:,\s*(?:aged\s+)?|\(\s*){age}\b(?!-)")  # «Paul Aveling, 45,», «Ana Ruiz (45)»
    before = re.compile(rf"\b{age}[- ]years?[- ]old\s+(?:[a-z]+\s+){{0,3}}$")  # «45-year-old Paul Aveling»
    return after, before


def _shares_word(a: str, b: str) -> bool:
    """Two names share a word, without case or a plural ending ("Conservatives" and "Conservative Party")."""
    def words(x: str) -> set[str]:
        return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"\w+", x.lower())} - {"the", "of", "and"}
    return bool(words(a) & words(b))


def _without_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _is_definite(tok: Token) -> bool:
    """«the carmaker», «this broadcaster», «the group's publisher»."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children) or _definite_possessor(tok)


def _definite_possessor(tok: Token) -> bool:
    """«the group's general secretary»: a noun owned by a definite common noun is itself definite
    (not "Acme's director", which names whose, nor "her adviser")."""
    return any(c.dep_ == "poss" and c.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
               for c in tok.children)


def _proper_chain(tok: Token) -> str:
    """The name a proper noun ends: it and the capitalised proper nouns compounded right before it
    ("Sundar Katwala" of "The Fabian Society's Sundar Katwala")."""
    i = tok.i
    while i > tok.sent.start and tok.doc[i - 1].dep_ == "compound" and tok.doc[i - 1].head.i in range(i, tok.i + 1) \
            and tok.doc[i - 1].pos_ == "PROPN" and tok.doc[i - 1].text[:1].isupper():
        i -= 1
    return tok.doc[i:tok.i + 1].text


AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent")  # "journalist", "farmer", "student": a doer


def _names_one_person(tok: Token) -> bool:
    """A singular common noun for one person: an office, a person noun, or a doer's noun by its ending
    ("journalist", "farmer", "student"; not "government" or a body's noun of ``description_heads``)."""
    lemma = tok.lemma_.lower()
    if tok.ent_type_ or description_heads().get(lemma) or lemma.endswith("ment"):
        return False
    return is_office(tok) or lemma.endswith(AGENT_ENDINGS)


def is_office(tok: Token) -> bool:
    """A noun for a person by an office or title ("leader", "secretary") or any person noun."""
    return tok.lemma_.lower() in title_words() or is_person_noun(tok)


def is_person_noun(tok: Token) -> bool:
    """A noun for a person by the lexicon (``person_words``) or, written in lower case, by a person's
    ending ("businessman", "chairwoman", "spokesperson"); not a capitalised name or people's adjective
    that merely ends so ("German", "Roman", "Norman")."""
    lemma = tok.lemma_.lower()
    return lemma in person_words() or (tok.text.islower() and lemma.endswith(PERSON_ENDINGS))
