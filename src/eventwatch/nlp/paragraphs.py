"""Paragraph breaks are sentence breaks: a component that runs before the parser.

The small model's parser sometimes joins the last words of one paragraph to the first of the
next (a closing quote, a heading line), which makes an event or quote span two paragraphs.
The cleaner separates paragraphs with a blank line, so a token that follows whitespace holding
a blank line always starts a sentence; the parser respects boundaries set before it.
"""
from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

NAME = "eventwatch_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first word after whitespace holding a blank line as a sentence start.

    A token's own trailing whitespace is at most one space in spaCy, so blank lines are always
    whitespace tokens of their own: only those are looked at."""
    if not len(doc):
        return doc
    is_space = doc.to_array([IS_SPACE]).tolist()
    n, nxt = len(is_space), 0
    for i in (k for k, sp in enumerate(is_space) if sp):
        if i < nxt or doc[i].text.count("\n") < 2:
            continue
        nxt = i + 1
        while nxt < n and is_space[nxt]:
            nxt += 1
        if nxt < n:
            doc[nxt].is_sent_start = True
    return doc


def add_to(nlp) -> None:
    if NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
