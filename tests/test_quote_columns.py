"""The quote stage's and the people table's column readings give what the Token and Span readings give.

The speed-ups of issue 20 read the Doc's shared columns (``nlp.cache``) instead of making Tokens and
Spans; each reading here is checked against spaCy's own on sentences written for these tests, including
the awkward places (double spaces, line breaks, a possessive, a start in the space after a word).
"""
from __future__ import annotations

TEXT = ("Mr Okafor told  reporters on Friday that the council's plan was \"a disgrace\".\n"
        "“We will fight it,” said Dana Whitcombe, who chairs the tenants' group.  She added: "
        "“Nobody asked us.” The report was described as 'thorough' by officials.")


def _doc(nlp, text=TEXT):
    from eventwatch.nlp.cache import set_text

    doc = nlp(text)
    set_text(doc, text)
    return doc


def test_mention_span_matches_char_span_expand(nlp):
    from eventwatch.actors.mentions import MentionTable

    doc = _doc(nlp)
    table = MentionTable.__new__(MentionTable)  # only the span reading, not a whole table
    table.doc, table._cols = doc, None
    n = len(TEXT)
    pairs = [(a, b) for a in range(-1, n + 2) for b in (a - 1, a, a + 1, a + 2, a + 7, a + 25)]
    for a, b in pairs:
        assert _outcome(table._read_span, a, b) == _outcome(_spacy_span, doc, a, b), (a, b, TEXT[max(a, 0):b])
    assert table._read_span(3, 9) == (1, 2, 1)  # "Okafor", from the space before it


def _spacy_span(doc, a, b):
    span = doc.char_span(a, b, alignment_mode="expand")
    return None if span is None else (span.start, span.end, span.root.i)


def _outcome(f, *args):
    """The result, or the kind of error (an empty or reversed range is spaCy's error, the same either way)."""
    try:
        return f(*args)
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__


def test_cue_class_at_matches_cue_class(nlp):
    from eventwatch.quotes.cues import cue_class, cue_class_at, is_verb_at

    doc = _doc(nlp)
    assert [cue_class_at(doc, t.i) for t in doc] == [cue_class(t) for t in doc]
    assert {cue_class_at(doc, t.i) for t in doc} >= {"speech", "naming"}  # told/said/added, described
    assert [is_verb_at(doc, t.i, ("VERB", "AUX")) for t in doc] == [
        t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in doc]


def test_child_ids_match_token_children(nlp):
    from eventwatch.quotes.cues import child_ids, has_child

    doc = _doc(nlp)
    for deps in (("nsubj", "nsubjpass"), ("ccomp",), ("dobj",), ("punct", "prep")):
        for t in doc:
            assert child_ids(t, deps) == [c.i for c in t.children if c.dep_ in deps]
            assert has_child(t, deps) == any(c.dep_ in deps for c in t.children)


def test_quote_marks_scan_stops_where_the_character_loop_did():
    from eventwatch.nlp.marks import find_marked

    text = ("The boys' school said 'fine' and “we’re done.” Then «non» and „ja“.\n"
            "“First paragraph of a long quote.\n“Second one,” she said. He said \"no\" - 'twas odd.")
    got = [(m.start, m.end, m.mark, m.close is None, m.continued) for m in find_marked(text)]
    assert [text[a:b] for a, b, *_ in got] == ["fine", "we’re done.", "non", "ja",
                                                 "First paragraph of a long quote.", "Second one,", "no"]
    assert got[4][3] and got[5][4]  # the first paragraph is left open, the next one reopens it
