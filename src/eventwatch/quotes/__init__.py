"""Quotes: who said what — direct and indirect quotes with their speakers.

Runs last (speakers are actors of ``record.actors``). Small parts, one job each:
``marks`` finds quoted stretches by their marks, ``direct`` keeps the ones that are speech and finds
their cue verbs, ``indirect`` finds reported clauses in the dependency parse, and this module merges
them into ``record.quotes``. Who the subject of each cue is, the document's people table answers
(``eventwatch.actors.people_of(doc, record).referents(...)``): this stage resolves no one itself.
"""
from __future__ import annotations

import logging
import re

from eventwatch.actors import people_of
from eventwatch.actors.referents import Referents
from eventwatch.model import Quote, Record
from eventwatch.quotes.direct import find_direct
from eventwatch.quotes.found import Found
from eventwatch.quotes.indirect import find_indirect
from eventwatch.quotes.cues import cue_class, inverted_subject

log = logging.getLogger(__name__)

DIRECT_WINS = 0.5  # a reported clause mostly inside quote marks is the direct quote itself
FLOAT_REACH = 600  # characters back a floating quote looks for the speaker before it


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


def _topic_speaker(resolver: Referents, q: Found, last, text: str):
    """«Anna Vale did not need persuading. “I’m glad …”»: a floating quote in the first person right
    after a sentence whose subject is a person (named since the last quote) is that person's."""
    if not FIRST_PERSON.search(text[q.start:q.end]):
        return None
    since = max(last[0] if last is not None else 0, q.start - FLOAT_REACH)
    return resolver.subject_between(since, q.start)


def _overlap(a: Found, b: Found) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def attribute(found: list[Found], resolver: Referents, text: str) -> list[Quote]:
    quotes: list[Quote] = []
    last = None  # (end, quote, actor) of the last quote with a speaker
    for q in found:
        quote = Quote(text=text[q.start:q.end], span=[q.start, q.end], kind=q.kind,
                      cue=list(q.cue) if q.cue else None)
        actor = None
        if q.subject is not None:
            actor, name, span = resolver.resolve(q.subject)
            quote.speaker = resolver.adopt(actor)
            quote.speaker_name = name
            quote.speaker_span = list(span)
        elif q.floating and (topic := _topic_speaker(resolver, q, last, text)) is not None:
            actor = topic
            quote.speaker, quote.speaker_name = resolver.adopt(topic), resolver.spoken_name(topic)
        elif q.floating and last is not None and q.start - last[0] <= FLOAT_REACH:
            quote.speaker, quote.speaker_name, actor = last[1].speaker, last[1].speaker_name, last[2]
        if quote.speaker_name:
            last = (q.end, quote, actor)
            resolver.note_speaker(actor, q.end)  # also a speaker that is a name but no actor (an organisation)
        quotes.append(quote)
    return quotes
