"""Per-document tables the stages share, read from a parsed spaCy Doc once.

Iterating a Doc or indexing it (``doc[i]``) creates a new Token object every time, and ``doc.ents``
builds new Span objects on every call; stages that look at all tokens several times read these plain
lists instead. Each table is built on first use and kept in ``doc.user_data`` under an
``eventwatch.cache.*`` key (stages never change a parsed Doc, so a table stays valid). Tables hold
plain data (lists, tuples, sets of strings and numbers), never Tokens or Spans, so no reference cycle
keeps a Doc alive; they are few, large objects, because small containers that live as long as the
Doc make the garbage collector's full passes come sooner. (A Doc serialised after the stages ran
would carry them in its user_data; pass ``exclude=["user_data"]`` if that matters.)

    from eventwatch.nlp.cache import column, entities
    lower = column(doc, "lower_")        # [token.lower_ for token in doc], computed once per doc
    for start, end, label in entities(doc): ...
"""
from __future__ import annotations

from operator import attrgetter
from typing import Callable

import numpy
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER,
                         ORTH, POS, SPACY, TAG)
from spacy.tokens import Doc

PREFIX = "eventwatch.cache."
# attributes read in one C call each (Doc.to_array): numbers and flags ...
NUMBER_ATTRS = {"idx": IDX, "is_alpha": IS_ALPHA, "is_punct": IS_PUNCT, "is_space": IS_SPACE, "is_stop": IS_STOP,
                "like_num": LIKE_NUM}
# ... and strings, as hashes mapped back to text through a memo shared by all documents
STRING_ATTRS = {"text": ORTH, "lower_": LOWER, "pos_": POS, "tag_": TAG, "dep_": DEP, "ent_type_": ENT_TYPE,
                "lemma_": LEMMA}
MEMO_LIMIT = 200_000  # strings remembered across documents before the memo starts afresh


_KEYS: dict[str, str] = {}  # table name -> its user_data key


def per_doc(doc: Doc, name: str, build: Callable[[Doc], object]):
    """``build(doc)``, computed once per document and kept in ``doc.user_data``."""
    key = _KEYS.get(name)
    if key is None:
        key = _KEYS[name] = PREFIX + name
    data = doc.user_data
    value = data.get(key)
    if value is None:
        value = data[key] = build(doc)
    return value


_COLUMN_KEYS: dict[str, str] = {}  # attribute -> its user_data key (stages ask for columns inside loops)


def column(doc: Doc, attr: str) -> list:
    """``[getattr(token, attr) for token in doc]``, computed once per document."""
    key = _COLUMN_KEYS.get(attr)
    if key is None:
        key = _COLUMN_KEYS[attr] = PREFIX + "column." + attr
    data = doc.user_data
    value = data.get(key)
    if value is None:
        value = data[key] = _read_column(doc, attr)
    return value


def _read_column(doc: Doc, attr: str) -> list:
    if attr in STRING_ATTRS:
        return _strings(doc, STRING_ATTRS[attr])
    if attr in NUMBER_ATTRS:
        values = _numbers(doc, NUMBER_ATTRS[attr])
        return values if attr == "idx" else list(map(bool, values))
    if attr == "whitespace_":
        return [" " if sp else "" for sp in _numbers(doc, SPACY)]
    if attr == "head_i":
        return _heads(doc)
    get = attrgetter(attr)
    return [get(t) for t in doc]


def _numbers(doc: Doc, attr_id: int) -> list[int]:
    return doc.to_array([attr_id]).tolist() if len(doc) else []


def _heads(doc: Doc) -> list[int]:
    """``token.head.i`` of every token (to_array gives the offset to the head, as an unsigned number)."""
    if not len(doc):
        return []
    return (doc.to_array([HEAD]).astype(numpy.int64) + numpy.arange(len(doc))).tolist()


_STRINGS: dict[int, str] = {}  # string hash -> string (a pure function of the hash: safe to share)


def _strings(doc: Doc, attr_id: int) -> list[str]:
    hashes = _numbers(doc, attr_id)
    out = list(map(_STRINGS.get, hashes))
    if None in out:
        if len(_STRINGS) > MEMO_LIMIT:
            _STRINGS.clear()
        store = doc.vocab.strings
        for k, value in enumerate(out):
            if value is None:
                out[k] = _STRINGS[hashes[k]] = store[hashes[k]]
    return out


def text(doc: Doc) -> str:
    """``doc.text``, once per document (spaCy joins every token on each access)."""
    return per_doc(doc, "text", lambda d: d.text)


def set_text(doc: Doc, text: str) -> None:
    """Record ``doc.text`` when the caller has it already: the text the Doc was made from (spaCy's
    tokenizer keeps every character, so the two are equal)."""
    doc.user_data[PREFIX + "text"] = text


def ents(doc: Doc) -> tuple:
    """``doc.ents`` (Span objects), built once per document. The Spans point back to the Doc, so the
    pipeline calls ``release`` when a document is done, for the Doc to be freed without the collector."""
    return per_doc(doc, "ents", lambda d: d.ents)


def release(doc: Doc) -> None:
    """Drop every table kept on ``doc``."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(PREFIX)]:
        del doc.user_data[key]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (tokens start..end-1 with the spaces between them)."""
    if start >= end:
        return ""
    words, spaces = column(doc, "text"), column(doc, "whitespace_")
    return "".join([w + sp for w, sp in zip(words[start:end - 1], spaces[start:end - 1])] + [words[end - 1]])


def span_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``(doc[start:end].start_char, doc[start:end].end_char)`` for a non-empty token range."""
    idx = column(doc, "idx")
    return idx[start], idx[end - 1] + len(column(doc, "text")[end - 1])


def entities(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, label)`` token ranges of ``doc.ents``, computed once per document."""
    return per_doc(doc, "entities", lambda d: tuple((e.start, e.end, e.label_) for e in ents(d)))


def entity_at(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """The entity containing token ``i`` (the first one, as a scan of ``doc.ents`` finds it), or None."""
    for ent in entities(doc):
        if ent[0] <= i < ent[1]:
            return ent
    return None


def children(doc: Doc, i: int) -> list[int]:
    """Indices of token ``i``'s syntactic children in text order (``[c.i for c in doc[i].children]``)."""
    order, starts = per_doc(doc, "children", _read_children)
    return [j for j in order[starts[i]:starts[i + 1]] if j != i]


def _read_children(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices grouped by head (text order within a group) and where each head's group starts:
    two flat lists, not a list per token (long-lived small lists make the garbage collector work)."""
    heads = numpy.asarray(column(doc, "head_i"), dtype=numpy.int64)
    order = numpy.argsort(heads, kind="stable")
    starts = numpy.searchsorted(heads[order], numpy.arange(len(heads) + 1), side="left")
    return order.tolist(), starts.tolist()


def lemma_lower(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token."""
    return per_doc(doc, "lemma_lower", lambda d: [lemma.lower() for lemma in column(d, "lemma_")])


def sentences(doc: Doc) -> list[tuple[int, int, int]]:
    """``(start, end, start_char)`` of every sentence (``doc.sents``), computed once per document."""
    return per_doc(doc, "sentences", lambda d: [(s.start, s.end, s.start_char) for s in d.sents])
