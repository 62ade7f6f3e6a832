"""Paragraph breaks are sentence breaks: a component that runs before the parser.

The small model's parser sometimes joins the last words of one paragraph to the first of the
next (a closing quote, a heading line), which makes an event or quote span two paragraphs.
The cleaner separates paragraphs with a blank line, so a token that follows whitespace holding
a blank line always starts a sentence; the parser respects boundaries set before it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "eventwatch_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = token.whitespace_.count("\n") >= 2
    return doc


def add_to(nlp) -> None:
    if NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
