"""The per-document tables the stages share (eventwatch.nlp.cache) say what the spaCy Doc says."""
from __future__ import annotations

import pytest

from eventwatch.nlp.cache import children, column, entities, entity_at, lemma_lower, span_chars, span_text

TEXTS = [
    "The governor of Balkh, Mohammad Farhad Azimi, told reporters in Mazar-i-Sharif on Tuesday that "
    "2,000 Taliban fighters had surrendered.  \"We will not negotiate,\" he said.",
    "Ms. O'Neill-Smith (56) didn't sign the £3.5m deal with Nokia's Finnish unit; the U.N. envoy wasn't told.\n\n"
    "Protesters marched through Kyiv.",
    "",
]
ATTRS = ["text", "lower_", "pos_", "tag_", "dep_", "ent_type_", "lemma_", "idx", "is_alpha", "is_punct",
         "is_space", "is_stop", "like_num", "whitespace_", "shape_"]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS))


@pytest.mark.parametrize("attr", ATTRS)
def test_columns_equal_token_attributes(docs, attr):
    for doc in docs:
        assert column(doc, attr) == [getattr(t, attr) for t in doc]


def test_heads_children_and_lemmas(docs):
    for doc in docs:
        assert column(doc, "head_i") == [t.head.i for t in doc]
        assert [children(doc, t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
        assert lemma_lower(doc) == [t.lemma_.lower() for t in doc]


def test_entities_and_spans(docs):
    doc = docs[0]
    assert entities(doc) == tuple((e.start, e.end, e.label_) for e in doc.ents)
    assert entities(doc), "the model finds names in this text"
    for start, end, label in entities(doc):
        assert entity_at(doc, start) == (start, end, label)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            assert span_text(doc, start, end) == doc[start:end].text
            assert span_chars(doc, start, end) == (doc[start:end].start_char, doc[start:end].end_char)


def test_tables_are_kept_per_document(docs):
    doc = docs[1]
    assert column(doc, "lower_") is column(doc, "lower_")
    assert column(docs[0], "lower_") is not column(doc, "lower_")
