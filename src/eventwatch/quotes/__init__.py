"""Quotes: who said what — direct and indirect quotes with their speakers.

Runs last (speakers are actors of ``record.actors``). Small parts, one job each:
``marks`` finds quoted stretches by their marks, ``direct`` keeps the ones that are speech and finds
their cue verbs, ``indirect`` finds reported clauses in the dependency parse, and this module merges
them into ``record.quotes``. Who the subject of each cue is, the document's people table answers
(``eventwatch.actors.people_of(doc, record).referents(...)``): this stage resolves no one itself.
"""
from __future__ import annotations

import bisect
import logging
import re

from eventwatch.actors import people_of
from eventwatch.actors.names import plain_name
from eventwatch.actors.phrases import entity_of
from eventwatch.actors.lexicon import description_heads
from eventwatch.actors.referents import Referents
from eventwatch.model import Quote, Record
from eventwatch.nlp.cache import column
from eventwatch.quotes.found import doc_text
from eventwatch.quotes.direct import find_direct
from eventwatch.quotes.found import Found
from eventwatch.quotes.indirect import find_indirect
from eventwatch.quotes.speakers import (BODY_ENTS, document_issuer, first_of_shared_head, group_named_before, one_of_group, is_anaphoric_voice, is_bare_agent, is_unsigned_document, speaker_token,
                                        is_following, named_before, unnamed_speaker_before)
from eventwatch.quotes.cues import cue_class, cue_lemma, inverted_subject, speaks_or_takes_side

log = logging.getLogger(__name__)

DIRECT_WINS = 0.5  # a reported clause mostly inside quote marks is the direct quote itself
FLOAT_REACH = 600  # characters back a floating quote looks for the speaker before it
AUTHOR_REACH = 600  # characters after an unsigned document's quote in which its author may speak
AUTHOR_KINDS = frozenset({"organization"})


class QuotesStage:
    name = "quotes"

    def __init__(self, settings):
        self.settings = settings

    def __call__(self, doc, record: Record) -> None:
        record.quotes.extend(extract_quotes(doc, record))


def make_quotes_stage(settings):
    return QuotesStage(settings)


def extract_quotes(doc, record: Record) -> list[Quote]:
    direct = find_direct(doc)
    indirect = find_indirect(doc)
    found = merge(direct, indirect)
    quoted = [(q.start - 1, q.end + 1) for q in direct]
    resolver = people_of(doc, record).referents(quoted, inverted=_speaker_after_cue)
    quotes = attribute(found, resolver, record.text)
    log.debug("%s: %d marked, %d reported, %d quotes", record.id, len(direct), len(indirect), len(quotes))
    return quotes


def _speaker_after_cue(tok) -> bool:
    """«“…,” insists 15-year-old Leo Grant»: the object of a cue verb that opens its clause is its speaker."""
    return inverted_subject(tok.head) == tok and cue_class(tok.head) is not None


def merge(direct: list[Found], indirect: list[Found]) -> list[Found]:
    """One quote per stretch of speech: drop reported clauses that are really the direct quote,
    and direct quotes that are partial quotes inside a reported clause."""
    keep_indirect = []
    inner: set[int] = set()
    for rq in indirect:
        if any(d.start - 1 <= rq.cue[0] < d.end + 1 for d in direct):
            continue  # the cue is itself inside quote marks
        covered = sum(_overlap(rq, d) for d in direct)
        if covered >= DIRECT_WINS * (rq.end - rq.start):
            for d in direct:
                if _overlap(rq, d) and d.cue is None:
                    d.cue, d.subject, d.floating = rq.cue, rq.subject, False
            continue
        for d in direct:  # a quote the clause runs into belongs to it whole
            if rq.start < d.start < rq.end < d.end:
                rq.end = d.end
        parts = [i for i, d in enumerate(direct) if rq.start <= d.start and d.end <= rq.end
                 and not (d.cue is not None and rq.start <= d.cue[0] < rq.end)]  # nested speech stays
        rq.marks = [(direct[i].start, direct[i].end) for i in parts]
        inner.update(parts)
        keep_indirect.append(rq)
    kept = [d for i, d in enumerate(direct) if i not in inner] + keep_indirect
    return sorted(kept, key=lambda q: q.start)


FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|myself)\b")


THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|him|her|his|[Hh]e[’']s|[Ss]he[’']s)\b")


def _topic_speaker(resolver: Referents, q: Found, last, text: str):
    """«Anna Vale did not need persuading. “I’m glad …”»: a floating quote in the first person right
    after a sentence whose subject is a person (named since the last quote) is that person's; so is
    any floating quote after a sentence whose subject is a person who speaks or takes a side there, named
    for the first time («Critic Paul Dube has questioned the numbers. “These figures don't add up.”»), or
    already named when no one has spoken yet; not one acted on («X was arrested. “A dark day.”»)."""
    since = max(_attribution_end(resolver.doc, last), q.start - FLOAT_REACH)
    if FIRST_PERSON.search(text[q.start:q.end]):
        return resolver.subject_between(since, q.start)
    topic = resolver.subject_between(since, q.start, speaks=speaks_or_takes_side)
    if topic is None or last is None:
        return topic
    if THIRD_PERSON.search(text[q.start:q.end]):
        return None  # «Anna Vale bakes for him. “She is the best baker in town.”»: said of her, by the last one
    return topic if resolver.introduced_after(topic, _attribution_end(resolver.doc, last)) else None


def _attribution_end(doc, last) -> int:
    """Where the sentence of the last quote's attribution ends («“…,” Stenberg said as she accepted her
    award.»): a subject in it ("she") tells the last speaker's story, it does not introduce a new one."""
    if last is None:
        return 0
    end = max(last[0], last[1].cue[1] if last[1].cue else 0)
    i = bisect.bisect_right(column(doc, "idx"), end) - 1
    return max(end, doc[i].sent.end_char) if i >= 0 else end


def _overlap(a: Found, b: Found) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _resolve(resolver: Referents, subject, voices: dict[str, tuple], since: int = 0):
    """(actor, name, span) of the speaker behind a cue's subject; a body named for its officials or
    sources («a Bank of Japan official») by its name in the article, and its actor if it has one;
    "the officials" after "Bundesbank officials" (``voices``: lemma -> the body they last spoke for) too.
    ``since``: where the last quote ended (a bare "a spokesman" looks no further back for whom he speaks for)."""
    tok = speaker_token(subject)
    body = entity_of(tok) if tok is not subject and tok.ent_type_ in BODY_ENTS else None
    member = one_of_group(tok, resolver.quoted, lambda t: _people_at(resolver, t)) if body is None else None
    if member is not None:  # «“…,” said one» after "Workers on the picket line …": a worker
        return None, member, (tok.left_edge.idx, tok.right_edge.idx + len(tok.doc[tok.right_edge.i]))
    shared = first_of_shared_head(tok) if body is None else None
    if shared is not None:  # "the State and Defense Departments said": the first of them
        return None, shared, (tok.left_edge.idx, tok.idx + len(tok))
    group = group_named_before(tok) if body is None else None
    if group is not None:  # "the papers suggest" after "the Sunday Herald and the Sunday Mail": the first named
        actor = resolver.actor_at(*group[:2])
        if actor is not None and (actor.kind == "person") != group[2]:
            actor = None  # a paper's name the actor stage read as a person's ("the Sunday Herald")
        name = resolver.spoken_name(actor) if actor is not None else _without_the(text_of(tok.doc, group[:2]))
        return actor, name, (tok.left_edge.idx, tok.idx + len(tok))
    if body is None and subject.lemma_.lower() in voices and is_anaphoric_voice(subject):
        return (*voices[subject.lemma_.lower()], (subject.left_edge.idx, subject.idx + len(subject)))
    if body is None and (unnamed_speaker_before(tok) or is_following(tok)):  # "the official" after "a
        span = (tok.left_edge.idx, tok.idx + len(tok))  # senior official said", "the Clinton campaign"
        return (_body_at(resolver, tok) if is_following(tok) else None), text_of(tok.doc, span), span
    aged = resolver.aged_person(tok) if body is None and tok.lower_ == "old" else None
    if aged is not None:  # "the 45-year-old" for the person of that age, not the nearest one
        return aged, resolver.spoken_name(aged), resolver.resolve(tok)[2]
    issuer = document_issuer(tok) if body is None else None
    if issuer is not None:  # "said the statement" after "in a statement, the party said": the party
        actor, name = _resolve(resolver, issuer, voices)[:2]
        if name:
            return actor, name, resolver.resolve(tok)[2]
    if body is None:
        actor, name, span = resolver.resolve(tok)
        voiced = _body_voiced(resolver, tok, actor, name, span)
        if voiced is not None:  # «A Number 10 spokeswoman said»: the body she speaks for, as the actor stage links her
            return voiced, resolver.spoken_name(voiced), span
        if actor is None and is_bare_agent(tok):  # "A spokesman said": for the one organisation before
            body = resolver.sole_organisation(since, span[0])
            if body is not None:
                return body, resolver.spoken_name(body), span
        firm = resolver.firm_described(tok, span) if actor is None or actor.kind == "person" else None
        if firm is not None:  # "the electronics giant said"
            actor, name = firm, resolver.spoken_name(firm)
        earlier = named_before(tok) if actor is None and name == text_of(tok.doc, span) else None
        if earlier:  # "A Paris court ordered … The court said": the body the people table reads there
            body = resolver.actor_at(*earlier)
            return (body if body is not None and body.kind != "person" else None), text_of(tok.doc, earlier), span
        if actor is None and name == text_of(tok.doc, span):  # «Nigerian troops killed …, the army said»
            actor = _institution_read(resolver, tok)
        return actor, name, span
    a, b = body.start_char, body.end_char
    a += len(body.text) - len(_without_the(body.text))  # the actor's mention leaves out "the"
    whole = [m.actor for m in resolver.mentions if m.start <= a and b <= m.end and m.actor.kind != "person"]
    actor = resolver.canonical(whole[0]) if whole else None  # not "Japan" of "Bank of Japan"
    named = actor is not None and actor.name in body.doc.text  # "Federal Reserve" for "Fed", not a dictionary's name
    voices[subject.lemma_.lower()] = (actor, plain_name(actor.name) if named else _without_the(body.text))
    return (*voices[subject.lemma_.lower()], (a, b))


INSTITUTION_KINDS = frozenset({"organization", "group"})


def _people_at(resolver: Referents, tok) -> bool:
    """The actor stage read ``tok`` as (part of) a group of people ("Residents", "Workers on the picket line")."""
    actor = resolver.actor_at(tok.idx, tok.idx + len(tok))
    return actor is not None and actor.kind == "group"


def _institution_read(resolver: Referents, tok):
    """«Nigerian troops killed 35 fighters, the army said», «The ministry said in a statement that …»: an
    institution named by its noun alone, which the people table could not trace to a name, is the actor the
    actor stage itself read that noun as (the army or government of the country in context), if any; its
    name stays as written."""
    if tok.pos_ != "NOUN" or description_heads().get(tok.lemma_.lower()) not in ("org", "orgname"):
        return None
    actor = resolver.actor_at(tok.idx, tok.idx + len(tok))
    return actor if actor is not None and actor.kind in INSTITUTION_KINDS else None


def _body_voiced(resolver: Referents, tok, actor, name, span):
    """The organisation an unnamed spokesperson or official speaks for, when the actor stage read the phrase as
    that body's voice (an unnamed person affiliated to it): the guide's speaker is the body, not "a spokeswoman"."""
    if actor is None or actor.kind != "person" or not actor.affiliation or name != text_of(tok.doc, span):
        return None
    if description_heads().get(tok.lemma_.lower()) != "agent":
        return None
    body = resolver.actor_by_id(actor.affiliation)
    return resolver.canonical(body) if body is not None and body.kind in AUTHOR_KINDS else None


def _body_at(resolver: Referents, tok):
    """«The Obama administration said»: the body the actor stage reads the whole phrase as (the US
    government), if any; a person named inside it is not the speaker."""
    actor = resolver.actor_at(tok.idx, tok.idx + len(tok))  # the head noun's mention, not the name's
    return actor if actor is not None and actor.kind != "person" else None


def text_of(doc, span) -> str:
    return doc_text(doc)[span[0]:span[1]]


def attribute(found: list[Found], resolver: Referents, text: str) -> list[Quote]:
    quotes: list[Quote] = []
    last = None  # (end, quote, actor) of the last quote with a speaker
    last_subject = None  # the subject token of its cue (None for a floating quote)
    unsigned: list[Quote] = []  # quotes of a document that names no author yet ("according to a report")
    voices: dict[str, tuple] = {}  # "officials" -> (actor, name) of the body they last spoke for
    for q in found:
        quote = Quote(text=text[q.start:q.end], span=[q.start, q.end], kind=q.kind,
                      cue=list(q.cue) if q.cue else None)
        actor = None
        going_on = _continues(resolver, q) if q.subject is not None else None
        if going_on is None and q.subject is not None and _same_group(q, last, last_subject):
            quote.speaker, quote.speaker_name, actor = last[1].speaker, last[1].speaker_name, last[2]
            quote.speaker_span = [q.subject.idx, q.subject.idx + len(q.subject)]
        elif going_on is not None:  # «“…,” Sadiq said. His father works as a cook. “…,” he added.»
            actor = going_on
            quote.speaker, quote.speaker_name = resolver.adopt(actor), resolver.spoken_name(actor)
            quote.speaker_span = [q.subject.idx, q.subject.idx + len(q.subject)]
        elif q.subject is not None:
            actor, name, span = _resolve(resolver, q.subject, voices, quotes[-1].span[1] if quotes else 0)
            actor, name = resolver.fullest_name(actor, name, span[0])
            if actor is None and not name and _same_body(q, last, last_subject):  # "It now estimates …"
                actor, name = last[2], last[1].speaker_name
            quote.speaker = resolver.adopt(actor)
            quote.speaker_name = name
            quote.speaker_span = list(span)
            if actor is None and is_unsigned_document(speaker_token(q.subject)):
                unsigned.append(quote)
        elif q.floating and (topic := _topic_speaker(resolver, q, last, text)) is not None:
            actor = topic
            quote.speaker, quote.speaker_name = resolver.adopt(topic), resolver.spoken_name(topic)
        elif q.floating and last is not None and q.start - last[0] <= FLOAT_REACH:
            quote.speaker, quote.speaker_name, actor = last[1].speaker, last[1].speaker_name, last[2]
        if unsigned and _is_organization(actor, q):
            unsigned = _sign(unsigned, quote)
        if quote.speaker_name:
            last, last_subject = (q.end, quote, actor), q.subject
            resolver.note_speaker(actor, q.end, q.subject)
        quotes.append(quote)
    return quotes


SINGULAR_PRONOUNS = frozenset({"he", "she"})
CONTINUING = frozenset({"add", "continue"})  # cue lemmas that go on with the last speaker
CONTINUE_REACH = 600  # characters since the last quote within which "he added" is still its speaker


def _continues(resolver: Referents, q: Found):
    """The last speaker, for a "he"/"she" whose cue goes on speaking ("added", "continued"), even when
    another person of that gender was named in between who neither spoke nor took a side."""
    verb = q.subject.head
    if q.subject.lower_ not in SINGULAR_PRONOUNS or not q.cue or verb.idx != q.cue[0] or cue_lemma(verb) not in CONTINUING:
        return None
    return resolver.last_speaker_for(q.subject, CONTINUE_REACH, speaks=speaks_or_takes_side)


PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _same_group(q: Found, last, last_subject) -> bool:
    """«Navy officials said the sale could pass because Chile signed the treaty. But they said …»: "they" as the
    subject of a cue soon after a quote of a group (a plural noun, or names joined by "and") is that group,
    unless another plural subject stands between them outside that quote («… Protesters gathered. They said»)."""
    if q.subject.lower_ != "they" or last is None or last_subject is None or q.subject.idx - last[0] > CONTINUE_REACH:
        return False
    if last_subject.tag_ not in PLURAL_TAGS and not any(c.dep_ == "conj" for c in last_subject.children):
        return False
    if last_subject.lower_ in ("they", "both"):
        return False
    doc = q.subject.doc
    dep, tag, idx, low = column(doc, "dep_"), column(doc, "tag_"), column(doc, "idx"), column(doc, "lower_")
    quoted = last[1].span
    return not any(dep[i] in SUBJECTS and (tag[i] in PLURAL_TAGS or low[i] == "they")
                   and not quoted[0] <= idx[i] < quoted[1] for i in range(last_subject.i + 1, q.subject.i))


BODY_NAME_ENTS = frozenset({"ORG", "GPE", "NORP", ""})


def _same_body(q: Found, last, last_subject) -> bool:
    """«According to research firm Pollwise, shoppers doubled. It now estimates …»: "it" as the subject of a cue
    soon after a quote of a body the article names (not a person), when the people table finds no one for it
    (a name it does not know as an organisation), is that body, unless a noun or a name became a subject
    outside that quote in between («… Its rival Datamark grew. It says …»)."""
    if q.subject.lower_ != "it" or last is None or last_subject is None or q.subject.idx - last[0] > CONTINUE_REACH:
        return False
    actor = last[2]
    if (actor is not None and actor.kind == "person") or last_subject.pos_ != "PROPN" or last_subject.ent_type_ not in BODY_NAME_ENTS:
        return False
    doc = q.subject.doc
    dep, pos, idx = column(doc, "dep_"), column(doc, "pos_"), column(doc, "idx")
    quoted = last[1].span
    return not any(dep[i] in SUBJECTS and pos[i] not in ("PRON", "PUNCT") and not quoted[0] <= idx[i] < quoted[1]
                   for i in range(last_subject.i + 1, q.subject.i))


def _is_organization(actor, q: Found) -> bool:
    """The speaker is an organisation: its actor's kind, or a name the tagger calls one."""
    if actor is not None:
        return actor.kind in AUTHOR_KINDS
    return q.subject is not None and speaker_token(q.subject).ent_type_ == "ORG"


def _sign(unsigned: list[Quote], quote: Quote) -> list[Quote]:
    """«…, according to a report. … say researchers at BDO»: an unsigned document's quotes are the next
    organisation's that speaks within reach; returns the quotes still unsigned (none)."""
    for u in unsigned:
        if quote.span[0] - u.span[1] <= AUTHOR_REACH:
            u.speaker, u.speaker_name = quote.speaker, quote.speaker_name
    return []


def _without_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name
