"""Noun phrases that name people and organisations: the head's entity, the phrase's characters,
a name in apposition, the author of a document ("a statement from X"), conjoined names. Used by the
people table (``actors/referents.py``) and by the quote stage's cue finders."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwatch.actors.lexicon import first_names
from eventwatch.nlp.cache import text as doc_text

SOURCE_NOUNS_PREPS = {"from", "by", "of"}
PUBLICATION_ENTS = {"", "ORG", "WORK_OF_ART", "PRODUCT"}  # not a place or a date: "a report in London, in May"


def source_of(noun: Token) -> Token:
    """"a statement from Dostum", "a report published by Dostum" -> Dostum; otherwise the noun itself."""
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in SOURCE_NOUNS_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_):
                    return obj
        if prep.dep_ == "prep" and prep.lower_ == "in":  # "a report in the Sunday Courier": the paper
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.ent_type_ in PUBLICATION_ENTS:
                    return obj
    for verb in noun.children:  # "a court document filed by X", "a report published by X"
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            for obj in (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"):
                if obj.pos_ in ("PROPN", "PRON") or obj.ent_type_:
                    return obj
    return noun


def phrase_span(tok: Token) -> tuple[int, int]:
    """The characters of the speaker phrase headed by ``tok`` (names, titles, conjoined names)."""
    doc = tok.doc
    ent = entity_of(tok)
    if ent is not None and tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        start, end = ent.start_char, ent.end_char
    else:
        left = min((t.left_edge.i for t in tok.lefts if t.dep_ not in ("punct", "cc")), default=tok.i)
        start, end = doc[left].idx, tok.idx + len(tok)
    for conj in (c for c in tok.children if c.dep_ == "conj"):
        cent = entity_of(conj)
        end = max(end, cent.end_char if cent is not None else conj.idx + len(conj))
    return start, end


def appositive_name(tok: Token) -> Token | None:
    """"the spokesman, Zabihullah Mujahid," -> Mujahid."""
    for child in tok.children:
        if child.dep_ != "appos" or not right_after(tok, child.left_edge):
            continue  # "the painter, who sold prints of his comic The Lost Sailor": not his name
        if child.ent_type_ == "PERSON" or (child.pos_ == "PROPN" and child.ent_type_ != "ORG"
                                           and child.lower_ in first_names()):
            return child  # "says her father, Dario" (a given name the tagger took for a place)
    return None


def right_after(tok: Token, other: Token) -> bool:
    """``other`` follows ``tok`` with no clause between ("the candidate on the stage, X", not "the
    resident, who sold his comic X")."""
    return tok.i < other.i and not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1:other.i])


def entity_of(tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None
    doc: Doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


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


def is_age(tok: Token) -> bool:
    """"old" of "the 43-year-old": an age standing for a person (a description like "the senator")."""
    return tok.lower_ == "old" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ in ("year", "years")


def stated_age(tok: Token) -> str | None:
    """"45" of "the 45-year-old" (``tok`` is "old"), None for any other token."""
    if not is_age(tok) or tok.i < 4:
        return None
    num = tok.doc[tok.i - 4]
    return num.text if num.text.isdigit() else None
