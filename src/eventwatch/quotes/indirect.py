"""Indirect (reported) quotes: a cue verb with a content clause, and "according to X, …"."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwatch.quotes.cues import according_to, cue_class, subject_of
from eventwatch.quotes.found import Found

CONTENT_DEPS = {"ccomp"}
EDGE_PUNCT = set(".,;:!?\"'“”‘’«»—– \n")
MIN_CONTENT_WORDS = 3


def find_indirect(doc: Doc) -> list[Found]:
    found: list[Found] = []
    for tok in doc:
        if cue_class(tok) == "speech":
            found.extend(_reported(tok))
        elif tok.lower_ == "according":
            q = _according(tok)
            if q is not None:
                found.append(q)
    return _outermost(found)


def _reported(verb: Token) -> list[Found]:
    subj = subject_of(verb)
    if subj is None:
        return []
    out = []
    for clause in verb.children:
        if clause.dep_ not in CONTENT_DEPS:
            continue
        lo, hi = min(verb.i, clause.left_edge.i), max(verb.i, clause.right_edge.i)
        if any("\n" in t.text for t in verb.doc[lo:hi + 1]):
            continue  # a clause never runs over a paragraph break: a parse across paragraphs
        span = _trim(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)
        if span is None or _words(verb.doc, *span) < MIN_CONTENT_WORDS:
            continue
        out.append(Found(span[0], span[1], "indirect", cue=(verb.idx, verb.idx + len(verb)), subject=subj))
    return out


def _according(tok: Token) -> Found | None:
    hit = according_to(tok)
    if hit is None:
        return None
    to, source = hit
    doc = tok.doc
    sent = tok.sent
    phrase_start, phrase_end = tok.i, to.right_edge.i + 1
    if phrase_start - sent.start <= 1:  # "According to X, CONTENT."
        span = _trim(doc, phrase_end, sent.end)
    else:  # "CONTENT, according to X."
        span = _trim(doc, sent.start, phrase_start)
    if span is None or _words(doc, *span) < MIN_CONTENT_WORDS:
        return None
    cue = (tok.idx, to.idx + len(to))
    return Found(span[0], span[1], "indirect", cue=cue, subject=source)


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Character span of tokens ``i:j`` without punctuation or spaces at either edge."""
    while i < j and (doc[i].is_space or doc[i].text in EDGE_PUNCT or doc[i].is_punct):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].text in EDGE_PUNCT or doc[j - 1].is_punct):
        j -= 1
    if i >= j:
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def _words(doc: Doc, a: int, b: int) -> int:
    return len(doc.text[a:b].split())


def _outermost(found: list[Found]) -> list[Found]:
    """Drop a reported clause that lies inside another one ("X said that Y told him that …")."""
    keep = []
    for q in found:
        if any(o is not q and o.start <= q.start and q.end <= o.end and (o.end - o.start) > (q.end - q.start)
               for o in found):
            continue
        if any(o.start == q.start and o.end == q.end for o in keep):
            continue
        keep.append(q)
    return keep
