"""Scraped text to headline, outlet, dateline and body, by general line rules.

The page is read as lines. Each line gets a kind from its shape (length, punctuation, link- or
menu-likeness) and from the patterns in ``data/boilerplate.tsv``. The body starts at the first
prose line; lines before it are the page head (breadcrumb, headline, outlet/byline, date); an
end-of-article heading ("Check Also", "Related", "About the author") after the body cuts the
rest; furniture lines are dropped wherever they stand. Nothing here names a site.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwatch.resources import DataFileError, read_rows

from .cleaned import Cleaned
from .dates import find_date

BREADCRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\||::|→)\s+")
SENT_END = re.compile(r"[.!?…]['\"”’)]*$|[\"”’]$")
WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)

# A dateline: an all-caps place (optionally ", Country" or a date), an optional agency, then : or a dash.
DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})       # KABUL, NEW YORK, ST. LOUIS
        (?:,\s*(?:[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?          # , Afghanistan / , Calif.
        (?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?))?  # Aug 14 / 14 August
        \s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?                   # (Reuters)
        \s*(?::|–|—|-{1,2})\s+""",
    re.X,
)
# Title-case place with an agency: "Washington (Reuters) -"
DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:,\s*[A-Z][a-z]+)?\s*\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?::|–|—|-{1,2})\s+"
)


@dataclass(frozen=True)
class Patterns:
    stop: tuple[re.Pattern, ...]
    drop: tuple[re.Pattern, ...]
    nav_words: frozenset[str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    stop, drop, nav = [], [], set()
    for n, (kind, pattern) in read_rows(resources.files("eventwatch.clean").joinpath("data/boilerplate.tsv"), columns=2):
        if kind == "nav":
            nav.update(pattern.split("|"))
            continue
        try:
            rx = re.compile(pattern, re.I)
        except re.error as exc:  # a broken data file is a programming error: say where
            raise DataFileError(f"boilerplate.tsv line {n}: bad pattern: {exc}") from exc
        {"stop": stop, "drop": drop}[kind].append(rx)
    return Patterns(tuple(stop), tuple(drop), frozenset(nav))


# control and format characters that carry no text (zero-width, bidi controls, BOM); \n and \t stay
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2028": "\n", "\u2029": "\n\n"})


def normalise(text: str) -> str:
    """Unify newlines and spaces, drop zero-width and control characters (not newlines or tabs)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def words(line: str) -> list[str]:
    return WORD.findall(line)


def is_breadcrumb(line: str) -> bool:
    parts = BREADCRUMB_SEP.split(line)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 12 for p in parts)


def is_menu(line: str, nav_words: frozenset[str]) -> bool:
    ws = [w.lower() for w in words(line)]
    if not ws or len(ws) > 12 or SENT_END.search(line):
        return False
    return sum(w in nav_words for w in ws) / len(ws) >= 0.6 and len(ws) >= 2


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def is_prose(line: str) -> bool:
    """A body paragraph: a sentence of some length, or a long line of running text."""
    ws = words(line)
    if len(ws) >= 14 or len(_CJK.findall(line)) >= 30:
        return True
    return len(ws) >= 6 and bool(SENT_END.search(line)) and any(w[0].islower() for w in ws[1:])


def is_drop(line: str, pats: Patterns) -> bool:
    s = line.strip()
    if len(s) > 300:
        return False
    return any(rx.search(s) for rx in pats.drop)


def is_stop(line: str, pats: Patterns) -> bool:
    s = line.strip()
    return len(s) <= 60 and any(rx.match(s) for rx in pats.stop)


def split_dateline(first: str) -> tuple[str | None, str | None, int]:
    """(place, agency, chars to strip) for a dateline at the start of the first body line."""
    for rx in (DATELINE, DATELINE_AGENCY):
        m = rx.match(first)
        if m:
            place = m.group("place").strip(" .,")
            rest = first[m.end():]
            # the rest must read like a sentence, and the place must not be a shouted phrase
            if rest[:1].isupper() or rest[:1] in "\"“‘'(":
                if rx is DATELINE and len(place) < 3:
                    continue
                return place, m.group("agency"), m.end()
    return None, None, 0


@dataclass
class Page:
    """What the phases of ``clean_text`` read and fill in, in order (each phase owns its fields)."""
    lines: list[str]
    from_html: bool
    pats: Patterns
    title: str | None
    kinds: list[str] = field(default_factory=list)        # classify
    first_prose: int = 0                                  # classify
    title_idx: int | None = None                          # find_title
    source: str | None = None                             # read_head, finish
    author: str | None = None                             # read_head
    published: str | None = None                          # read_head
    body_idx: list[int] = field(default_factory=list)     # select_body
    paras: list[str] = field(default_factory=list)        # join_paragraphs, finish
    dateline: str | None = None                           # finish

    def head(self) -> list[tuple[int, str, str]]:
        return [(i, self.lines[i], self.kinds[i]) for i in range(self.first_prose)]


def line_kind(ln: str, pats: Patterns) -> str:
    """blank, nav (breadcrumb or menu), stop (end-of-article heading), drop (furniture), prose or short."""
    if not ln:
        return "blank"
    if is_breadcrumb(ln) or is_menu(ln, pats.nav_words):
        return "nav"
    if is_stop(ln, pats):
        return "stop"
    if is_drop(ln, pats):
        return "drop"
    return "prose" if is_prose(ln) else "short"


def classify(page: Page) -> None:
    """Phase 1: a kind for every line, and where the body starts (the first prose line)."""
    page.kinds = [line_kind(ln, page.pats) for ln in page.lines]
    if not page.from_html:
        _wrapped_prose(page.lines, page.kinds)
        _run_on_sentences(page.lines, page.kinds)
    first = 0 if page.from_html else next((i for i, k in enumerate(page.kinds) if k == "prose"), None)
    if first is None:  # no prose line at all: keep every non-furniture line as the body
        first = next((i for i, k in enumerate(page.kinds) if k == "short"), len(page.lines))
    page.first_prose = first


def find_title(page: Page) -> None:
    """Phase 2: the headline among the head's short lines (the breadcrumb's last part when it is one)."""
    if page.from_html:
        return
    head = page.head()
    crumb_last = None
    for _, ln, k in head:
        if k == "nav" and is_breadcrumb(ln):
            crumb_last = BREADCRUMB_SEP.split(ln)[-1].strip()
    cands = [(i, ln) for i, ln, k in head if k == "short" and not find_date(ln, whole=True)]
    if crumb_last:
        page.title_idx = next((i for i, ln in cands if ln.lower() == crumb_last.lower()), None)
        if page.title_idx is None and len(words(crumb_last)) >= 3:
            page.title = crumb_last
    if page.title_idx is None and page.title is None:
        # the first title-like line: 3+ words, not ending in a colon
        page.title_idx = next((i for i, ln in cands if 3 <= len(words(ln)) <= 30 and not ln.endswith(":")), None)
        if page.title_idx is None and cands:
            page.title_idx = cands[0][0]
    if page.title_idx is not None:
        page.title = page.lines[page.title_idx]


BYLINE = re.compile(r"^(?:by|written by|reported by)\s*:?\s+(.+)$", re.I)


def read_head(page: Page) -> None:
    """Phase 3: publication date, author (a byline) and outlet from the head's other lines."""
    for i, ln, k in page.head():
        if i == page.title_idx or k in ("blank", "nav"):
            continue
        d = find_date(ln)
        if d and not page.published:
            page.published = d
            if find_date(ln, whole=True):
                continue
        m = BYLINE.match(ln)
        if m:
            page.author = page.author or m.group(1).strip()
            continue
        if (k == "short" and page.source is None and 1 <= len(words(ln)) <= 6
                and (page.title_idx is None or i > page.title_idx)):
            page.source = ln.strip(" |-–—")


def select_body(page: Page) -> None:
    """Phase 4: the body's lines, furniture dropped, cut at an end-of-article heading with little prose after it."""
    kinds, n, body = page.kinds, len(page.lines), page.body_idx
    for i in range(page.first_prose, n):
        k = kinds[i]
        if k == "stop" and (any(kinds[j] == "prose" for j in body) or page.from_html):
            remaining_prose = sum(1 for j in range(i + 1, n) if kinds[j] == "prose")
            seen_prose = sum(1 for j in body if kinds[j] == "prose")
            if remaining_prose <= max(3, seen_prose // 2):
                break
            continue
        if k in ("nav", "drop", "stop"):
            continue
        body.append(i)
    # trailing furniture: short lines after the last prose line
    while body and kinds[body[-1]] in ("short", "blank") and any(kinds[j] == "prose" for j in body):
        body.pop()


WRAPPED_MIN = 40  # a line this long that ends no sentence was wrapped by its writer


WRAP_BLOCK_MIN = 3  # lines: a hard-wrapped paragraph, not a headline running into its first sentence


def _wrapped_blocks(lines: list[str], kinds: list[str]) -> list[list[int]]:
    """Runs of short or prose lines where each line but the last ``continues()`` into the next."""
    blocks, run = [], []
    for i, (ln, k) in enumerate(zip(lines, kinds)):
        if k not in ("short", "prose"):
            run = []
            continue
        run.append(i)
        if not continues(ln):
            blocks.append(run)
            run = []
    return [b for b in blocks if len(b) >= WRAP_BLOCK_MIN]


def _wrapped_prose(lines: list[str], kinds: list[str]) -> None:
    """Hard-wrapped text (newswire, e-mail: a break every 60-70 characters) is prose line by line, not a
    column of short lines: the lines of a wrapped block of even width that reads as prose become prose."""
    for block in _wrapped_blocks(lines, kinds):
        # the first line may be short (its paragraph's dateline or indent was cut: "Ecuador needs 120 mln dlrs
        # to repair the"), so evenness is read on the lines after it when there are two or more
        inner = block[1:-1] if len(block) > 3 else block[:-1]
        widths = sorted(len(lines[i]) for i in inner)
        if widths[0] < 0.75 * widths[-1]:  # ragged: not one paragraph wrapped at a fixed width
            continue
        if is_prose(" ".join(lines[i] for i in block)):
            for i in block:
                kinds[i] = "prose"
            _lead_in(lines, kinds, block[0])


def runs_on(line: str, nxt: str) -> bool:
    """LINE ends no sentence and NXT goes on with a lower-case word or a number: one sentence broken by its writer."""
    return bool(nxt) and not SENT_END.search(line) and nxt[:1].isalnum() and not nxt[:1].isupper()


def _run_on_sentences(lines: list[str], kinds: list[str]) -> None:
    """A short line that ends no sentence and goes on in lower case or with a number on the next line, up to the
    line that ends the sentence, is one sentence wrapped by its writer ("U.S. Energy Secretary John Herrington" /
    "arrived in Rabat on Monday ..."): prose, not a headline over the text (a headline goes on in a capital)."""
    n = len(lines)
    for i in range(n - 1):
        if kinds[i] != "short" or not runs_on(lines[i], lines[i + 1]) or kinds[i + 1] not in ("short", "prose"):
            continue
        j = i + 1
        while j < n - 1 and kinds[j] in ("short", "prose") and not SENT_END.search(lines[j]) \
                and kinds[j + 1] in ("short", "prose"):
            j += 1
        if SENT_END.search(lines[j]) and is_prose(" ".join(lines[i:j + 1])):
            for k in range(i, j + 1):
                kinds[k] = "prose"


def _lead_in(lines: list[str], kinds: list[str], start: int) -> None:
    """A short line that ends no sentence, just before a wrapped paragraph that goes on in lower case
    ("The report, which" / "says the president ..."), is that paragraph's first line."""
    i = start - 1
    while i >= 0 and kinds[i] == "short" and not SENT_END.search(lines[i]) and lines[i + 1][:1].islower():
        kinds[i] = "prose"
        i -= 1


def continues(line: str) -> bool:
    """A (stripped) line that goes on in the next line: long enough and ending no sentence."""
    return len(line) >= WRAPPED_MIN and not SENT_END.search(line)


def unwrap(text: str) -> str:
    """``text`` with each line break the cleaner joins with a space (a wrapped line followed by one that
    is not blank) made a space, nothing else changed: same length, every offset the same. For scorers
    whose gold offsets index the raw text (hard-wrapped plain text such as Reuters-21578). The short lines the
    cleaner also joins because the next goes on in lower case (``runs_on``) are left as they are here, so that the
    quote scorers' input is unchanged."""
    out = list(text)
    pos = 0
    lines = text.split("\n")
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        if continues(line.strip()) and nxt.strip():
            out[pos] = " "
        pos += 1
    return "".join(out)


def join_paragraphs(page: Page) -> None:
    """Phase 5: paragraphs. A gap (blank or dropped line) starts a new one; inside a block, a hard-wrapped
    line continues with a space, any other line break is kept."""
    lines, paras, prev = page.lines, page.paras, None
    for i in page.body_idx:
        if page.kinds[i] == "blank":
            continue
        if prev is None or page.from_html or i - prev > 1:
            paras.append(lines[i])
        elif continues(lines[prev]) or runs_on(lines[prev], lines[i]):
            paras[-1] += " " + lines[i]
        else:
            paras[-1] += "\n" + lines[i]
        prev = i


def finish(page: Page) -> None:
    """Phase 6: the dateline (and its agency as outlet) off the first paragraph; a repeated headline dropped."""
    if page.paras:
        place, agency, cut = split_dateline(page.paras[0])
        if place:
            page.dateline = place
            if not page.published:  # "ISTANBUL, May 4, 2026 (Reuters) -": the date with its year dates the article
                page.published = find_date(page.paras[0][:cut])
            page.paras[0] = page.paras[0][cut:]
            if agency and not page.source:
                page.source = agency.strip()
    if page.title and page.paras and page.paras[0].strip() == page.title.strip():
        page.paras = page.paras[1:]


# The phases of clean_text, in order; each reads what the ones before it filled in.
PHASES = (classify, find_title, read_head, select_body, join_paragraphs, finish)


def clean_text(raw: str, title: str | None = None, from_html: bool = False) -> Cleaned:
    """Scraped text (or text extracted from HTML) to a ``Cleaned``."""
    page = Page(lines=[ln.strip() for ln in normalise(raw).split("\n")], from_html=from_html,
                pats=patterns(), title=title)
    for phase in PHASES:
        phase(page)
    body = "\n\n".join(p.strip() for p in page.paras if p.strip())
    return Cleaned(text=body, title=page.title, source=page.source, dateline=page.dateline,
                   published=page.published, author=page.author)
