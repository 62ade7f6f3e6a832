"""Direct quotes by their marks: find every outermost quoted stretch in a text.

The one reader of quotation marks for every stage: the quotes stage finds its direct quotes with it, the
actor stage keeps a pronoun from an antecedent quoted apart from it, the event stage keeps a pronoun inside
a direct quote from naming the speaker (``marked``, ``quote_at``, ``same_quote``: once per document).

Works on the characters alone (no parse), paragraph by paragraph. Handles straight and curly
double quotes, single quotes used as quotation marks (told apart from apostrophes by what stands
on either side), guillemets both ways round, and quotes that run over several paragraphs (a
paragraph that opens a quote and does not close it, followed by one that reopens it). Marks
inside an open quote are part of the quote (nested quotes are not reported separately).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwatch.nlp.cache import per_doc, text as doc_text

# opening mark -> closing marks that end it
PAIRS = {
    "\u201c": "\u201d\u201c\"",  # “ … ” (and the occasional “ … “ or “ … ")
    "\u201e": "\u201c\u201d",  # „ … “
    '"': '"\u201d',
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … «
    "\u2039": "\u203a",  # ‹ … ›
    "\u2018": "\u2019'",  # ‘ … ’
    "'": "'\u2019",
}
SINGLE = {"\u2018", "'"}
DOUBLE_OPENERS = {"\u201c", '"'}
DOUBLED_SINGLES = {"\u2019\u2019", "''"}
# what may stand just before an opening mark / just after a closing one
BEFORE_OPEN = set(" \t\n([{\u2014\u2013-/:,;\u00a0") | {""}
AFTER_CLOSE_STOP = set(" \t\n)]}\u2014\u2013-.,;:!?\u00a0\"\u201d\u00bb") | {""}
PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE_END = set(".!?")
# the characters each scan stops at (the others it steps over one by one, doing nothing)
OPENERS = re.compile("[" + re.escape("".join(PAIRS)) + "]")


def _close_stops(opener: str) -> re.Pattern:
    """The characters ``_find_close`` looks at after ``opener``: the opener, its closers, single marks."""
    chars = {opener, *PAIRS[opener]} | ({"\u2019", "'"} if opener in DOUBLE_OPENERS else set())
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


CLOSE_STOPS = {opener: _close_stops(opener) for opener in PAIRS}


@dataclass
class Marked:
    """A quoted stretch: ``start:end`` is the content, ``open``/``close`` the marks' offsets."""

    start: int
    end: int
    open: int
    close: int | None  # None when the paragraph ends with the quote still open
    mark: str
    continued: bool = False  # a reopened paragraph of a quote begun earlier


def find_marked(text: str) -> list[Marked]:
    """Every outermost quoted stretch of ``text``, in order."""
    found: list[Marked] = []
    for para in PARAGRAPH.finditer(text):
        found.extend(_in_paragraph(text, para.start(), para.end()))
    return _link_paragraphs(text, found)


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _can_open(text: str, i: int, lo: int) -> bool:
    ch = text[i]
    before = _char(text, i - 1) if i > lo else ""
    after = _char(text, i + 1)
    if not after or after.isspace():
        return False
    if ch in SINGLE or ch == '"':
        return before in BEFORE_OPEN or before in PAIRS
    return True


def _can_close(text: str, i: int, start: int, hi: int) -> bool:
    ch = text[i]
    if i == start:
        return False
    after = _char(text, i + 1) if i + 1 < hi else ""
    before = _char(text, i - 1)
    if ch in "'\u2019":
        if before.isspace() or after.isalnum():
            return False  # an apostrophe inside a word (don't, Afghanistan's)
        if before in "sS" and after == " " and _char(text, i + 2).islower():
            return False  # most likely a plural possessive (the boys' school)
        return after in AFTER_CLOSE_STOP or after in PAIRS
    if ch == '"':  # a straight mark closes after a word and before a space or punctuation
        return not before.isspace() and not after.isalnum()
    return True


def _in_paragraph(text: str, lo: int, hi: int) -> list[Marked]:
    out: list[Marked] = []
    i = lo
    while i < hi:
        hit = OPENERS.search(text, i, hi)
        if hit is None:
            break
        i = hit.start()
        ch = text[i]
        if _can_open(text, i, lo):
            close = _find_close(text, i, hi)
            if close is not None and _reopens(text, close, ch):
                # a paragraph of a longer quote (run into one line): it ends open, the next one is reopened
                out.append(Marked(i + 1, _rstrip(text, i + 1, close), i, None, ch))
                i = close
                continue
            if close is not None:
                out.append(Marked(i + 1, close, i, close, ch))
                i = close + 1
                continue
            if ch not in SINGLE or i == lo:
                # an unclosed quote runs to the end of the paragraph (multi-paragraph quotes)
                out.append(Marked(i + 1, _rstrip(text, i + 1, hi), i, None, ch))
                break
        i += 1
    return out


def _find_close(text: str, i: int, hi: int) -> int | None:
    closers = PAIRS[text[i]]
    double = text[i] in DOUBLE_OPENERS
    opener = text[i]
    for hit in CLOSE_STOPS[opener].finditer(text, i + 1, hi):
        j = hit.start()
        if text[j] == opener and _reopens(text, j, opener):
            return j
        if text[j] in closers and _can_close(text, j, i + 1, hi):
            return j
        if double and text[j:j + 2] in DOUBLED_SINGLES and j > i + 1 and _can_close(text, j + 1, i + 1, hi):
            return j  # two single marks typed for a closing double one (“ … ’’)
    return None


def _reopens(text: str, j: int, opener: str) -> bool:
    """The opening mark of the quote again, after a finished sentence and a space and before a capital
    (“We tried. “Obviously we failed.”): the next paragraph of the same quote, with the paragraph
    break lost; the typographic convention opens every paragraph and closes only the last."""
    return (text[j] == opener and opener not in SINGLE and _char(text, j - 1) == " "
            and _char(text, j - 2) in SENTENCE_END and _char(text, j + 1).isupper())


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _link_paragraphs(text: str, found: list[Marked]) -> list[Marked]:
    """Mark paragraphs that reopen a quote left open by the previous paragraph."""
    for prev, cur in zip(found, found[1:]):
        if prev.close is None and text[prev.end:cur.open].strip() == "":
            cur.continued = True
    return found


def marked(doc: Doc) -> list[Marked]:
    """``find_marked`` of the document's text, once per document (shared by the stages that read it)."""
    return per_doc(doc, "marks", lambda d: find_marked(doc_text(d)))


def _outer_spans(doc: Doc) -> tuple[list[int], list[int]]:
    """(starts, ends) of every quoted stretch with its marks, in order: what ``quote_at`` searches."""
    def build(d: Doc) -> tuple[list[int], list[int]]:
        spans = [(m.open, (m.close + 1) if m.close is not None else m.end) for m in marked(d)]
        return [a for a, _ in spans], [b for _, b in spans]
    return per_doc(doc, "marks.spans", build)


def quote_at(doc: Doc, offset: int) -> tuple[int, int] | None:
    """The quoted stretch (marks included) that holds the character at ``offset``, or None."""
    starts, ends = _outer_spans(doc)
    k = bisect_right(starts, offset) - 1
    return (starts[k], ends[k]) if k >= 0 and offset < ends[k] else None


def same_quote(doc: Doc, a: int, b: int) -> bool:
    """The characters at offsets ``a`` and ``b`` stand in the same quoted stretch, or both outside any."""
    return quote_at(doc, a) == quote_at(doc, b)
