"""The time of an event: the article's day (``published``) by default; a time named in the event's own clause
is resolved against it, with its precision (day, month, year), and an event whose time lies before the
article's news is flagged ``background``.

Forms: explicit days ("12 August 2021", "on July 25", "2021-08-12"), relative days ("on Friday", "yesterday",
"last week"), months ("in July 2019", "last month"), years ("in 1967", "since 2016", "the 1967 war", "the
1990s", "last year"), counted spans ("two years ago", and for the event of an "after" clause, "18 years after
Washington invaded"). A span that is a length, not a time ("jailed for 18 years"), names no time.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from eventwatch.clean.dates import MONTH_PATTERN as _MON, MONTHS  # one table of month names for the package
from eventwatch.events.modality import auxiliaries, words
from eventwatch.nlp.cache import ents as doc_ents

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "overnight": -1}
RELATIVE_SPANS = {"last week": -7, "past week": -7, "last weekend": None}
# a week ahead or this one: the Monday it begins, told at "week" precision (no day of it is named)
RELATIVE_WEEKS = {"next week": 1, "this week": 0}
# (phrase, months back, precision): "last month" is the calendar month before the article's
RELATIVE_PERIODS = {"last month": (1, "month"), "this month": (0, "month"), "past month": (1, "month"),
                    "last year": (12, "year"), "this year": (0, "year"), "past year": (12, "year"),
                    "next month": (-1, "month"), "next year": (-12, "year")}
EXPLICIT = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<year>\d{4}))?", re.I),
    re.compile(_MON + r"\s+(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?", re.I),
]
MONTH_ONLY = re.compile(r"^(?:(?:in|early|late|mid|the|end of|beginning of|between|from)[\s-]+)*" + _MON + r"(?:,?\s+(?P<year>\d{4}))?$", re.I)
_MON_ANY = _MON.replace("(?P<mon>", "(?:")
# months (or days of a month) coordinated before the year they share: "July and August 2024", "March to May 2019",
# "June 3 and July 5, 2019": the first is read with the last one's year ("in July and August 2024" is July 2024)
_SHARED = r"\s*(?:,|and|or|to|through|until|till|-|–|/)\s*(?:(?:early|late|mid)[\s-]+)?" + _MON_ANY + \
    r"(?:\s+\d{1,2}\b(?:st|nd|rd|th)?)?,?\s+(?P<year>1[5-9]\d\d|20\d\d)\b"
COORDINATED = re.compile(r"\b(?P<first>" + _MON_ANY + r"(?:\s+\d{1,2}\b(?:st|nd|rd|th)?)?)" + _SHARED, re.I)
SHARED_YEAR = re.compile(r"^" + _SHARED, re.I)
_MONTH_WORD = re.compile(r"\b" + _MON_ANY + r"\b", re.I)
DECADE = re.compile(r"\b(?P<y>1[5-9]\d0|20\d0)'?s\b")
YEAR = re.compile(r"(?<![\d,.])(?P<y>1[5-9]\d\d|20\d\d)(?![\d,.%])")
AGO = re.compile(r"^(?:some\s+|about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?(?P<n>\w+|\d+)\s+(?P<unit>day|week|month|year|decade)s?$", re.I)
# a season: the first month of it (northern hemisphere; "fall" is the American autumn), read from the phrase
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SEASON = re.compile(r"\b(?:(?P<rel>last|this|next|past|previous)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                    r"(?:\s+(?:of\s+)?(?P<year>1[5-9]\d\d|20\d\d))?\b(?!\s+of\b)", re.I)  # not "the fall of Kabul"
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50})
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}
NEWS_DAYS = 7  # a dated event of this many days before the article, or fewer, is the article's news
# a day or month a season (three months) or more before the article is history, not the story's own recent past
BACKGROUND_DAYS = 90
# (docs/annotation/events.md §4: "acts of the story's own recent past (yesterday, last week) are not b")


@dataclass(frozen=True)
class When:
    """An event's time: the first day of the named period, its precision, and whether it precedes the news."""

    date: str | None
    precision: str | None = None  # "day" | "week" | "month" | "year"
    background: bool = False
    ahead: bool = False  # the named time begins after the article's day: an act not yet done ("talks on 30 March")


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _months_back(pub: dt.date, n: int) -> dt.date:
    total = pub.year * 12 + pub.month - 1 - n
    return dt.date(total // 12, total % 12 + 1, 1)


def _relative_day(low: str, pub: dt.date, future: bool = False) -> dt.date | None:
    """The day a relative word names; a bare weekday is the last one, or in a future clause the next one
    ("will visit on Friday")."""
    for word, delta in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", low):
            return pub + dt.timedelta(days=delta)
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            back = (pub.weekday() - i) % 7
            if "next" in low or (future and "last" not in low):
                return pub + dt.timedelta(days=(i - pub.weekday()) % 7 or 7)
            return pub - dt.timedelta(days=back or (7 if "last" in low else 0))
    return None


def _explicit_day(expr: str, pub: dt.date | None, future: bool = False) -> dt.date | None:
    for pat in EXPLICIT:
        m = pat.search(expr)
        if not m:
            continue
        g = m.groupdict()
        try:
            if g.get("y"):
                return dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
            month = MONTHS[g["mon"].lower()[:3]]
            if not g.get("year") and pub is None:
                return None
            year = int(g["year"]) if g.get("year") else pub.year
            date = dt.date(year, month, int(g["day"]))
            if not g.get("year") and not future and date > pub + dt.timedelta(days=7):
                date = date.replace(year=year - 1)  # "August 30" in a story of early September
            elif not g.get("year") and future and date < pub:
                date = date.replace(year=year + 1)  # "will meet on 16 March" in a story of December
            return date
        except (ValueError, KeyError):
            return None
    return None


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower())


def _span_back(expr: str, pub: dt.date | None) -> tuple[dt.date, str] | None:
    """ "two years" (of "two years ago" or "two years after ..."): that long before the article."""
    m = AGO.match(expr.strip())
    n = _count(m.group("n")) if m else None
    if pub is None or n is None:
        return None
    unit = m.group("unit").lower()
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        day = _months_back(pub, months)
        return (day.replace(month=1) if unit != "month" else day), UNIT_PRECISION[unit]
    return pub - dt.timedelta(days=n * UNIT_DAYS[unit]), "day"


def _season(low: str, pub: dt.date | None, future: bool = False) -> dt.date | None:
    """The first day of the season a phrase names: "in the spring of 2019" (that year's), "last summer" (the last
    one that had ended by the article's day), "this winter" or "in the autumn" (the last one begun by then, or in a
    future clause the next one not yet over), "next spring" (the next one to begin)."""
    m = SEASON.search(low)
    if not m:
        return None
    month = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return dt.date(int(m.group("year")), month, 1)
    if pub is None:
        return None
    starts = [dt.date(y, month, 1) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
    ends = [_months_back(d, -3) for d in starts]  # a season is three months
    rel = (m.group("rel") or "").lower()
    if rel in ("last", "past", "previous"):
        return max(d for d, end in zip(starts, ends) if end <= pub)
    if rel == "next":
        return min(d for d in starts if d > pub)
    if future:
        return min(d for d, end in zip(starts, ends) if end > pub)
    return max(d for d in starts if d <= pub)


def _period(expr: str, low: str, pub: dt.date | None, future: bool = False) -> tuple[dt.date, str] | None:
    """A month or a year (or a decade, as its first year) named by the expression."""
    for phrase, (back, precision) in RELATIVE_PERIODS.items():
        if phrase in low and pub is not None:
            day = _months_back(pub, back)
            return (day if precision == "month" else day.replace(month=1)), precision
    if m := MONTH_ONLY.match(low.strip()):
        if m.group("year") or pub is not None:
            year = int(m.group("year")) if m.group("year") else pub.year
            day = dt.date(year, MONTHS[m.group("mon").lower()[:3]], 1)
            if not m.group("year") and not future and day > pub:
                day = day.replace(year=year - 1)
            elif not m.group("year") and future and (day.year, day.month) < (pub.year, pub.month):
                day = day.replace(year=year + 1)
            return day, "month"
    if m := DECADE.search(expr):
        return dt.date(int(m.group("y")), 1, 1), "decade"
    if m := YEAR.search(expr):
        return dt.date(int(m.group("y")), 1, 1), "year"
    return None


def resolve_time(expr: str, published: dt.date | None, after: bool = False,
                 future: bool = False) -> tuple[dt.date, str] | None:
    """(first day, precision) of a time expression, relative to the publication day; None when it names no time.
    ``after``: the expression is a span before "after" whose clause holds the event ("18 years after X invaded");
    ``future``: the clause is in the future tense ("will meet on 16 March"), so a day or month without a year
    is the next one, not the last one."""
    expr = COORDINATED.sub(lambda m: f"{m.group('first')} {m.group('year')}", expr)
    low = " ".join(expr.lower().split())
    if low.endswith(" ago") or after:
        return _span_back(low.removesuffix(" ago"), published)
    if (m := AGO.match(low)) and _count(m.group("n")) is not None:
        return None  # a length ("for 18 years"), not a time
    if published is not None:
        for phrase, delta in RELATIVE_SPANS.items():
            if phrase in low:
                return (published + dt.timedelta(days=delta), "day") if delta is not None else None
        for phrase, ahead in RELATIVE_WEEKS.items():
            if re.search(rf"\b{phrase}\b", low):  # "next week", not "next weekend" nor "in the next weeks"
                return published + dt.timedelta(days=7 * ahead - published.weekday()), "week"
        if day := _relative_day(low, published, future):
            return day, "day"
    if day := _explicit_day(expr, published, future):
        return day, "day"
    if day := _season(low, published, future):
        return day, "month"  # a season is told as its first month: no coarser than a month, finer than a year
    return _period(expr, low, published, future)


def resolve(expr: str, published: dt.date) -> dt.date | None:
    """A calendar day for a date expression, relative to the publication day; None when it names no single day."""
    found = resolve_time(expr, published)
    return found[0] if found and found[1] == "day" else None


def is_background(day: dt.date, precision: str, published: dt.date | None) -> bool:
    """The named time is history before the article's story: a day or month three months or more before its day
    ("in July 2019", not "last month" or "on 25 July" of an August story), a year or decade before its year
    ("last year", "in 2003", "the 1990s")."""
    if published is None:
        return False
    if precision in ("day", "week", "month"):
        return day < published - dt.timedelta(days=BACKGROUND_DAYS)
    end = day.year + (9 if precision == "decade" else 0)
    return end < published.year


def _clause_verb(tok: Token) -> Token:
    t, n = tok, 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and n < 8:
        t, n = t.head, n + 1
    return t


def _attached_to(ent: Span, trigger: Token) -> int | None:
    """How far up from TRIGGER the verb that the date modifies is (0 = the trigger's own clause); None if elsewhere.
    A clause that happens at the trigger's own time counts as one step: the infinitive of a verb of
    events/data/modality.tsv's ``same_time`` ("REFUSED to endorse him in July": the refusal was in July) and the
    means of a "by" gerund ("started the war BY invading in 1980")."""
    anchor = _clause_verb(ent.root)
    chain, t = [], _clause_verb(trigger)
    while len(chain) < 6:
        if t.i == anchor.i:
            return len(chain)
        chain.append(t.i)
        if t.head.i == t.i:
            break
        t = t.head
    up = _same_time_verb(anchor)  # "attempted to cut subsidies in 2003 but was forced to BACK down": the attempt's
    return chain.index(up) + 1 if up in chain else None  # time, shared by its conjunct as any governing verb's is


def _same_time_verb(anchor: Token) -> int | None:
    """The verb whose act ANCHOR's clause is done in, at its time: the head of an xcomp under a ``same_time`` verb,
    of the gerund of a "by" ("started the war BY invading") or of a past "when" clause, one or two levels up
    ("refused to try to ...")."""
    t, found = anchor, None
    for _ in range(2):
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in words().same_time:
            t = t.head
        elif t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.dep_ == "prep":
            t = t.head.head
        elif _past_when_clause(t):
            t = t.head
        else:
            break
        found = t.i
    return found


def _past_when_clause(verb: Token) -> bool:
    """VERB heads a past "when" clause, which tells the moment of the clause it modifies: "two soldiers were KILLED
    when their vehicle STRUCK a mine on Tuesday" (the killing was on Tuesday)."""
    return verb.dep_ == "advcl" and verb.head.i != verb.i and verb.tag_ == "VBD" and any(
        c.lower_ == "when" and c.dep_ in ("advmod", "mark") and c.i < verb.i for c in verb.children)


def _inside_argument(ent: Span, trigger: Token) -> bool:
    """The time modifies a noun that is an argument of the clause other than the trigger ("seized THE 1967 BORDER
    TOWN in 2019"): it dates that thing, so a time of the clause itself comes first."""
    t, n = ent.root, 0
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX") and n < 8:
        if t.i == trigger.i:
            return False
        if t.i != ent.root.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ARGUMENTS:
            return True
        t, n = t.head, n + 1
    return False


ARGUMENTS = {"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd"}


def _time_phrases(sent: Span, pub: dt.date | None = None):
    """Time expressions of the sentence: past events named without a date (data/history.tsv: "the Tiananmen
    massacre"), DATE and TIME entities, named events with a year ("the 1967 war"), and seasons the entity recogniser
    leaves out ("in the autumn")."""
    covered: set[int] = set()
    for span in known_history(sent.doc, pub):
        if sent.start <= span.start and span.end <= sent.end:
            covered.update(range(span.start, span.end))
            yield span
    for ent in _sent_ents(sent):
        if any(i in covered for i in range(ent.start, ent.end)):
            continue  # "the September 11 attacks": the event's year, not the last 11 September
        if ent.label_ in ("DATE", "TIME") or (ent.label_ == "EVENT" and YEAR.search(ent.text)):
            covered.update(range(ent.start, ent.end))
            yield ent
    for tok in sent:
        if tok.lower_ in SEASONS and tok.i not in covered and _season_noun(tok):
            left = min((c.i for c in tok.lefts if c.dep_ in ("det", "amod")), default=tok.i)
            yield sent.doc[left:tok.i + 1]


def _season_noun(tok: Token) -> bool:
    """TOK is a season as a time: a common noun in lower case ("in the autumn", "last fall"), not a verb ("prices
    fall"), a name ("the Arab Spring") or a noun with an "of" of its own ("the fall of Kabul")."""
    return tok.pos_ == "NOUN" and tok.text.islower() and not any(c.lower_ == "of" for c in tok.rights) and (
        tok.dep_ in ("npadvmod", "pobj") or any(c.lower_ in ("last", "this", "next", "past") for c in tok.lefts))


def _sent_ents(sent: Span) -> list[Span]:
    """``sent.ents`` from the document's entity Spans made once (``Span.ents`` makes every entity of the
    document on each call)."""
    out = []
    for ent in doc_ents(sent.doc):
        if ent.start >= sent.start:
            if ent.end > sent.end:
                break
            out.append(ent)
    return out


def _after_clause(ent: Span, trigger: Token) -> bool | None:
    """For a span followed by "after" ("18 years after Washington invaded"): True when the trigger's clause is the
    one "after" introduces, False when it is another; None when no "after" follows the span, or the time is not a
    length but a day or date ("deported them ON TUESDAY after a court ruled": Tuesday dates the deporting)."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is None or nxt.lower_ != "after":
        return None
    verb = _clause_verb(trigger)
    inside = nxt.head.i == verb.i or (nxt.dep_ == "prep" and any(t.i == trigger.i for t in nxt.subtree))
    if not AGO.match(" ".join(ent.text.lower().split())):  # a day dates its own clause, not the earlier act "after"
        earlier = any(t.i == trigger.i for t in nxt.subtree) if nxt.dep_ == "prep" else nxt.head.i == verb.i
        return False if earlier else None  # introduces ("on Tuesday after the army SEIZED power")
    return inside


FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _future(trigger: Token) -> bool:
    """The trigger's clause is in the future tense: "will deliver", "is to meet", "is due to visit"."""
    verb = _clause_verb(trigger)
    if any(c.lower_ in FUTURE_AUX for c in auxiliaries(verb)):  # "will make a visit and HOLD talks": shared
        return True
    if _present_time_clause(verb):  # "will raise it when he MEETS the envoy on Friday": the clause's future
        head = verb.head
        return any(c.lower_ in FUTURE_AUX or c.lower_ == "would" for c in auxiliaries(head)) or _future(head)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lemma_ in ("be", "due")


def _present_time_clause(verb: Token) -> bool:
    """VERB heads a present-tense time clause ("when he ARRIVES", "once they MEET"), which English tells in the present
    for a future of the clause it modifies."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in ("when", "once"))
             and c.i < verb.i]
    return verb.dep_ == "advcl" and verb.head.i != verb.i and verb.tag_ in ("VBZ", "VBP") and bool(marks) \
        and marks[0] in ("when", "once", "before", "after", "until", "as")


@dataclass(frozen=True)
class HistoryRow:
    year: int
    nouns: frozenset[str]  # empty: the name alone is the event


@lru_cache(maxsize=1)
def _history() -> tuple[re.Pattern, dict[str, list[HistoryRow]]]:
    """data/history.tsv as one pattern of its names and the rows of each name."""
    from eventwatch.resources import read_rows

    rows: dict[str, list[HistoryRow]] = {}
    for _n, (names, year, nouns) in read_rows(Path(__file__).parent / "data" / "history.tsv", columns=3):
        row = HistoryRow(int(year), frozenset() if nouns.strip() == "-" else frozenset(nouns.split("|")))
        for name in names.split(";"):
            rows.setdefault(" ".join(name.split()), []).append(row)
    alternation = "|".join(r"\s+".join(re.escape(w) for w in name.split()) for name in sorted(rows, key=len, reverse=True))
    return re.compile(rf"(?<![\w/])(?:{alternation})(?![\w/])", re.I), rows


def known_history(doc, pub: dt.date | None = None) -> list[Span]:
    """Spans of the document that name a past event of data/history.tsv, once per document; each carries its year in
    ``doc.user_data`` (see ``_history_time``), and the label HISTORY. A name of act nouns counts only inside such a noun ("the Tiananmen
    MASSACRE", not "in Tiananmen Square"); a name whose event is later than the article's year names something else."""
    key = ("eventwatch", "history", pub.year if pub else None)
    if key in doc.user_data:
        return doc.user_data[key]
    pattern, rows = _history()
    found: list[Span] = []
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        fits = [r for r in rows[" ".join(m.group().lower().split())] if (pub is None or r.year <= pub.year)
                and (not r.nouns or _act_noun(span, r.nouns) is not None)]
        if fits:
            doc.user_data[("eventwatch", "history", "year", span.start)] = max(r.year for r in fits)
            found.append(Span(doc, span.start, span.end, label="HISTORY"))
    doc.user_data[key] = found
    return found


def _act_noun(span: Span, nouns: frozenset[str]) -> Token | None:
    """The act noun of NOUNS that SPAN is inside of: its own head noun ("the Tiananmen Square MASSACRE") or a noun a few
    steps up through nouns and prepositions ("China's CRACKDOWN on protesters in Tiananmen Square")."""
    t, n = span.root, 0
    while n < 7:
        if t.lemma_.lower() in nouns or t.lower_ in nouns:
            return t
        if t.head.i == t.i or t.head.pos_ not in ("NOUN", "PROPN", "ADP", "DET", "ADJ"):
            return None
        t, n = t.head, n + 1
    return None


SETTING_PREPS = {"after", "since", "following"}


def _history_time(span: Span, trigger: Token) -> tuple[dt.date, str] | None:
    """The year of a named past event (data/history.tsv) for TRIGGER: the act it names or one inside its words ("the
    Tiananmen MASSACRE", "China's CRACKDOWN on protesters in Tiananmen Square"), or an act set after or since it
    ("the embargo IMPOSED after the Tiananmen Square massacre", "has RULED since the Islamic Revolution"): that
    act began in the year, as far as the text says. Any other act of the clause is not dated by it ("police
    arrested activists ahead of the anniversary of the Tiananmen crackdown")."""
    year = span.doc.user_data.get(("eventwatch", "history", "year", span.start))
    if year is None:
        return None
    head = span.root
    while head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN", "ADP", "DET", "ADJ") and head.i != trigger.i:
        if head.dep_ == "pobj" and head.head.lower_ in SETTING_PREPS:
            break
        head = head.head
    inside = head.i == trigger.i or any(t.i == trigger.i for t in span)
    setting = head.dep_ == "pobj" and head.head.lower_ in SETTING_PREPS and (
        head.head.head.i == trigger.i or _clause_verb(head.head).i == _clause_verb(trigger).i)
    return (dt.date(year, 1, 1), "year") if inside or setting else None


END_PREPS = {"until", "till", "til", "through"}


def _ent_time(ent: Span, trigger: Token, pub: dt.date | None) -> tuple[dt.date, str] | None:
    if ent.label_ == "HISTORY":
        return _history_time(ent, trigger)
    first = ent.doc[ent.start]
    if first.lower_ in END_PREPS or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in END_PREPS
                                     and ent.root.head.i == ent.start - 1):
        return None  # "extended its support UNTIL 2007": when the act ends, not when it is done
    after = _after_clause(ent, trigger)
    if after is False:
        return None  # "returned 18 years after ...": the span dates the other clause's event
    # the tense of the clause the time modifies decides last or next: "X will not send troops, Y said ON THURSDAY"
    # is last Thursday, though the act itself is future
    text = ent.text
    if not YEAR.search(text):  # "in March and April 2019": March shares April's year (the entity may end in "and")
        first = re.sub(r"\s*(?:,|and|or|to|through|until|till|-|–|/)\s*$", "", text, flags=re.I)
        if m := SHARED_YEAR.match(ent.doc.text[ent.start_char + len(first):ent.end_char + 40]):
            text = f"{first} {m.group('year')}"
    future = _future(ent.root) or _planned_noun(ent) or (_scheduled_present(ent.root) and _MONTH_WORD.search(text))
    return resolve_time(text, pub, after=bool(after), future=bool(future))


def _scheduled_present(tok: Token) -> bool:
    """TOK's clause is a plain present of a scheduled act ("the envoy HOLDS talks on 2 September", "the trial OPENS on
    2 September"): news tells the calendar in the present, so a day without a year is the next one. Not "is", "has" or
    a progressive, perfect or passive (those have auxiliaries); only for a day of a named month, as headlines tell
    past acts in the present too ("Police arrest three on Friday")."""
    verb = _clause_verb(tok)
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in ("be", "have") and not auxiliaries(verb)


def _planned_noun(ent: Span) -> bool:
    """The time is an attribute of an act noun that lies ahead: "balloted about A 23 MARCH walkout", "a deal at A JUNE
    summit", "the PLANNED 1 May strike", "ANNOUNCED a Friday protest". A noun with the indefinite article is one not
    yet held, unless its clause is told in the past ("leaders agreed at a June summit"), where only a verb of
    announcing (modality.tsv ``announcing``) or a modifier of ``prospective_mod`` still sets it ahead."""
    noun, w = ent.root.head, words()
    if ent.root.dep_ not in ("compound", "nmod", "npadvmod", "nummod", "amod") or noun.pos_ != "NOUN" \
            or noun.i < ent.end or noun.i == ent.root.i:
        return False
    if any(c.dep_ == "amod" and c.lower_ in w.prospective_mod for c in noun.children):
        return True
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    verb = _clause_verb(noun)
    if verb.lemma_.lower() in w.announcing:
        return True
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries(verb)))
    return not past


def event_time(sent: Span, trigger: Token, published: str | None) -> When:
    """The event's time: a time expression attached to its clause (or a governing verb), else ``published``."""
    pub = parse_published(published)
    best: tuple[tuple[int, bool], dt.date, str] | None = None
    elsewhere = False
    phrases = [(ent, _attached_to(ent, trigger)) for ent in _time_phrases(sent, pub)]
    told_then = _told_weeks_ago(phrases, trigger, pub)
    for ent, dist in phrases:
        if dist is None:
            continue
        if told_then and dist == 0 and any(t.lower_ in DEICTIC_WORDS for t in ent):
            continue  # "said IN MAY he would travel NEXT WEEK": counted from the day he said it, not the article's
        rank = (dist, _inside_argument(ent, trigger))
        if best is not None and rank >= best[0]:
            continue
        found = _ent_time(ent, trigger, pub) or (_perfect_length(ent, trigger, pub) if dist == 0 else None)
        if isinstance(found, tuple) and pub is not None and found[0] > pub and _done(trigger) and _of_a_noun(ent, trigger):
            continue  # "MET Kohl ahead of her visit NEXT WEEK": the time of the visit, not of the meeting
        if found == "history":
            return When(None, None, True)  # "had been held for three years" with no article day to count back from
        if found:
            best = (rank, *found)
        elif dist == 0 and _anchored_elsewhere(ent):
            elsewhere = True
    if best is None:
        if ongoing(trigger):
            return When(None)  # "remains in detention", "the siege continues": begun before, on a day not named
        if told_as_history(trigger):
            return When(None, None, True)  # history without a time of its own: not the article's day
        if elsewhere:
            return When(None)  # "a month later", "11 days before the election": a day we cannot name, not the article's
        return When(pub.isoformat(), "day") if pub else When(None)
    _, day, precision = best
    background = is_background(day, precision, pub) or (
        persists(trigger) and (pub is None or day < pub - dt.timedelta(days=NEWS_DAYS))) or (
        pub is None and _before_newest_year(day, precision, sent.doc))
    return When(day.isoformat(), "year" if precision == "decade" else precision, background,
                ahead=pub is not None and day > pub)


SPEECH_WEEKS_AGO = 14  # days: a governing verb's time this far back makes the clause's "next week" its own


def _told_weeks_ago(phrases: list[tuple[Span, int | None]], trigger: Token, pub: dt.date | None) -> bool:
    """A verb governing TRIGGER's clause names its own time, two weeks or more before the article's day ("IN AN
    INTERVIEW IN MAY, the minister said he would travel next week"; "LAST YEAR he said the talks would begin next
    week"): a deictic word of the clause ("next week", "tomorrow") was counted from then, not from the article."""
    if pub is None:
        return False
    for ent, dist in phrases:
        if dist and dist > 0:
            found = _ent_time(ent, trigger, pub)
            if isinstance(found, tuple) and found[0] <= pub - dt.timedelta(days=SPEECH_WEEKS_AGO):
                return True
    return False


def _done(trigger: Token) -> bool:
    """TRIGGER is a verb told in the simple or perfect past ("met", "has signed"): an act already done."""
    return trigger.tag_ == "VBD" or (trigger.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries(trigger)))


def _of_a_noun(ent: Span, trigger: Token) -> bool:
    """The time modifies a noun of the clause other than the trigger ("ahead of her VISIT next week", "before next
    month's VOTE"), not the clause's verb."""
    t, n = ent.root, 0
    while t.head.i != t.i and n < 8:
        t, n = t.head, n + 1
        if t.i == trigger.i or t.pos_ in ("VERB", "AUX"):
            return False
        if t.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def ongoing(trigger: Token) -> bool:
    """The act noun is a state the sentence says still holds, begun before at a time it does not name: "REMAINS in
    detention", "is STILL under house arrest", "the siege CONTINUES", "the blockade PERSISTS" (modality.tsv
    ``persistence`` verbs and adverbs). It is no new act of the article's day. A future one is ("the strike will
    continue"), and so is a verb or any other noun of the clause."""
    if trigger.pos_ != "NOUN":
        return False
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.lower_ in ("in", "under", "on"):
        verb = trigger.head.head
    elif trigger.dep_ == "nsubj":
        verb = trigger.head
    else:
        return False
    w = words()
    if verb.pos_ not in ("VERB", "AUX") or any(c.lower_ in FUTURE_AUX for c in auxiliaries(verb)):
        return False
    return verb.lemma_.lower() in w.persistence or any(
        c.dep_ == "advmod" and c.lower_ in w.persistence_adverb for c in verb.children)


def _perfect_length(ent: Span, trigger: Token, pub: dt.date | None) -> tuple[dt.date, str] | str | None:
    """A length of a year or more that a perfect clause has lasted ("HAVE BEEN held FOR almost three years", "has
    fought them for two decades"): the act began that long before the article, so it is told as background; its
    start is the year that far back ("history" when the article has no date). A length of a simple past or
    future clause is no time ("jailed for 18 years", "will rule for five years")."""
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    low = " ".join(ent.text.lower().split()).removeprefix("for ")
    m = AGO.match(low)
    if not m or m.group("unit").lower() not in ("year", "decade") or (_count(m.group("n")) or 0) < 1:
        return None
    if not (ent.text.lower().startswith("for ") or (prev is not None and prev.lower_ == "for")):
        return None
    verb = _clause_verb(trigger)
    if verb.tag_ != "VBN" or not any(a.lemma_ == "have" and a.dep_ == "aux" for a in auxiliaries(verb)):
        return None
    return _span_back(low, pub) if pub is not None else "history"


def _before_newest_year(day: dt.date, precision: str, doc) -> bool:
    """In an article with no date: the event's named time ends in a year before the newest year the article names
    (its story is at least that recent), so it is history: "since 2016 ... In 2019 the army seized ..." flags 2016."""
    newest = newest_year(doc)
    end = day.year + (9 if precision == "decade" else 0)
    return newest is not None and end < newest


def newest_year(doc) -> int | None:
    """The latest year a DATE entity of the document names (not after 2100), once per document."""
    key = ("eventwatch", "newest_year")
    if key not in doc.user_data:
        years = [int(m.group("y")) for ent in doc_ents(doc) if ent.label_ == "DATE" for m in YEAR.finditer(ent.text)]
        doc.user_data[key] = max((y for y in years if y <= 2100), default=None)
    return doc.user_data[key]


def persists(trigger: Token) -> bool:
    """The act's clause modifies the subject of a verb that says its result still holds ("sanctions IMPOSED on Iran in
    2012 REMAIN in place", "the troops that were sent in March are STILL there"): the act is the origin of the state
    the sentence reports, so a time of its own before the story's days makes it background, even in the year of the
    article or with no date of publication to compare."""
    if trigger.dep_ not in ("acl", "relcl") or trigger.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb, w = trigger.head.head, words()
    return verb.lemma_.lower() in w.persistence or any(
        c.dep_ == "advmod" and c.lower_ in w.persistence_adverb for c in verb.children)


def event_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The event's day (first day of its month or year for a coarser time): see ``event_time``."""
    return event_time(sent, trigger, published).date


RELATIVE_WORDS = {"later", "earlier", "before", "previously", "prior"}
DEICTIC_WORDS = {"this", "last", "next", "today", "tonight", "yesterday", "tomorrow", "ago"}


def _anchored_elsewhere(ent: Span) -> bool:
    """A time counted from another event, not from the article: "a month later", "11 days before the election"."""
    if any(t.lower_ in DEICTIC_WORDS for t in ent):
        return False  # "earlier this week": counted from the article's day
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return any(t.lower_ in RELATIVE_WORDS for t in ent) or (nxt is not None and nxt.lower_ in ("before", "later", "earlier"))


def told_as_history(trigger: Token) -> bool:
    """The act's clause sets it before the story without naming a time: an adverb ("ORIGINALLY detained") or a
    phrase ("FOR DECADES", "IN THE PAST", "over * decades") of events/data/modality.tsv. A past perfect alone
    is not enough: news uses it for the story's own recent past ("prosecutors had sought a 25-year term"); on
    the tune waves 1 and 3 it flagged no coded background event and four that are not."""
    verb = _clause_verb(trigger)
    w = words()
    heads = [verb] if verb.i == trigger.i else [verb, trigger]
    if _future(trigger):
        heads = []  # a length of a future act is no history ("will impose sanctions FOR YEARS to come")
    if verb.dep_ == "ccomp" and verb.head.i != verb.i:
        heads.append(verb.head)  # "has maintained IN THE PAST that he will not negotiate"
    mods = [c for h in heads for c in h.children if c.dep_ in ("advmod", "prep", "npadvmod")]
    if any(c.lemma_.lower() in w.background_adverb and not _once_counted(c) for c in mods):
        return True
    # an adverb of several words is read as a phrase ("BACK THEN": "then" heads it); a single one by the list above.
    # The phrase must open the modifier: one inside a noun of it times that noun, not the act ("met him on his
    # first visit SINCE THE WAR")
    texts = [" ".join(t.lower_ for t in c.subtree) for c in mods if c.dep_ != "advmod" or c.n_lefts + c.n_rights]
    return any(_phrase_opens(p, text) for text in texts for p in w.background_phrase)


def _once_counted(adverb: Token) -> bool:
    """ "once" as a count or manner, not a past time: "once again", "once a week", "at once", "more than once"."""
    if adverb.lower_ != "once":
        return False
    doc, i = adverb.doc, adverb.i
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return nxt in words().count_after_once or prev in ("at", "than", "all", "just")


def _phrase_opens(phrase: str, text: str) -> bool:
    """TEXT begins with PHRASE ("*" stands for one word), word by word."""
    pattern = r"\s+".join(r"\S+" if w == "*" else re.escape(w) for w in phrase.split()) + r"\b"
    return re.match(pattern, text) is not None
