"""Dates as inputs write them, in one module for the package: the readers' publication dates (``parse_date``),
page-head dates ("August 14, 2021", "Published: 14/08/2021": ``find_date``) and the month table the event stage uses.

Forms read: ISO 8601 ("2019-11-19", "2019-11-19T08:30:00Z"), RFC 822/1123 ("Tue, 19 Nov 2019
08:30:00 GMT"), written months ("November 19, 2019", "19 Nov 2019"), numeric day/month with a
stated order ("19/11/2019" with ``order="DMY"``, "11/19/2019" with ``order="MDY"``) and epoch
seconds (or milliseconds) as a number or a string of digits. A value that names no date is
reported, never dropped in silence: ``parse_date`` returns the reason with ``None``.

Numeric dates whose order the value itself settles (a part over 12) are read whatever the order;
an ambiguous one ("04/05/2019") is read in ``order`` when given, else it is unparseable.
python-dateutil (a pandas dependency, pinned in pyproject.toml) does the parsing of written forms.
"""
from __future__ import annotations

import datetime as dt
import re
from datetime import date

MONTHS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")], 1) for m in names}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
MONTH_PATTERN = _MON  # shared with the event stage's date resolution
PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.I),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>\d{4})", re.I),
]
_WHOLE_EXTRA = re.compile(r"^[\W\d_]*(?:(?:published|updated|posted|on|at|am|pm|gmt|utc|ist|edt|est|bst|cet|[a-z]{3,9}day)\b[\W\d_]*)*$", re.I)


def find_date(line: str, whole: bool = False) -> str | None:
    """The first date in a line as YYYY-MM-DD; with ``whole``, only if the line is little but a date."""
    for rx in PATTERNS:
        m = rx.search(line)
        if not m:
            continue
        g = m.groupdict()
        try:
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower()[:3]]
            d = date(int(g["y"]), month, int(g["d"]))
        except (ValueError, KeyError):
            continue
        if whole and not _WHOLE_EXTRA.match(line[: m.start()] + " " + line[m.end():]):
            return None
        return d.isoformat()
    return None


ORDERS = ("DMY", "MDY", "YMD")
EPOCH_MIN, EPOCH_MAX = dt.date(1970, 1, 2), dt.date(2100, 1, 1)
_DIGITS = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T].*)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")


def _epoch(value: float) -> dt.date | None:
    seconds = value / 1000 if value > 1e11 else value  # milliseconds past 1973 read as seconds are in the far future
    try:
        day = dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if EPOCH_MIN <= day < EPOCH_MAX else None


def _numeric(a: str, b: str, c: str, order: str | None) -> tuple[dt.date | None, str | None]:
    """A numeric date in its parts: the year is the 4-digit part; day and month by the order or by a value over 12."""
    if len(a) == 4:
        y, first, second, fixed = int(a), int(b), int(c), "YMD"
    elif len(c) == 4:
        y, first, second, fixed = int(c), int(a), int(b), None
    else:
        return None, "a numeric date needs a four-digit year"
    if fixed:
        month, day = first, second
    elif first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    elif first == second:
        day = month = first
    elif order == "DMY":
        day, month = first, second
    elif order == "MDY":
        month, day = first, second
    else:
        return None, "day and month order is ambiguous (give --date-order DMY or MDY)"
    try:
        return dt.date(y, month, day), None
    except ValueError:
        return None, "no such day"


def _written(text: str, order: str | None) -> dt.date | None:
    from dateutil import parser

    try:
        value = parser.parse(text, dayfirst=order == "DMY", fuzzy=False, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if value.year == 1900 and "1900" not in text:
        return None  # no year written: not a publication date
    return value.date()


def parse_date(value, order: str | None = None) -> tuple[str | None, str | None]:
    """(``YYYY-MM-DD``, None) for a date; (None, reason) for a value given but unreadable; (None, None) for nothing."""
    if value is None or value == "" or isinstance(value, bool):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, (int, float)):
        day = _epoch(float(value))
        return (day.isoformat(), None) if day else (None, f"{value!r} is no date (epoch seconds out of range)")
    if not isinstance(value, str):
        return None, f"a date must be text or a number, got {type(value).__name__}"
    text = " ".join(value.split())[:200]
    if not text:
        return None, None
    if _DIGITS.match(text):
        day = _epoch(float(text))
        return (day.isoformat(), None) if day else (None, f"{text!r} is no date (epoch seconds out of range)")
    if m := _ISO_DAY.match(text):
        try:
            return dt.date(*map(int, m.groups())).isoformat(), None
        except ValueError:
            return None, f"{text!r} is no date (no such day)"
    if m := _NUMERIC.match(text):
        day, why = _numeric(*m.groups(), order=order)
        return (day.isoformat(), None) if day else (None, f"{text!r}: {why}")
    day = _written(text, order)
    return (day.isoformat(), None) if day else (None, f"{text!r} is not a date eventwatch reads")


def first_date(obj: dict, keys, order: str | None = None) -> tuple[str | None, str | None]:
    """The first readable date among ``keys`` of a mapping; else the first reason one was unreadable."""
    why = None
    for key in keys:
        day, reason = parse_date(obj.get(key), order)
        if day:
            return day, None
        if reason and why is None:
            why = f"field '{key}': {reason}"
    return None, why


def check_order(value: str | None) -> str | None:
    """``--date-order``: DMY, MDY or YMD (case-insensitive), or None."""
    if value is None:
        return None
    up = value.upper()
    if up not in ORDERS:
        raise ValueError(f"date order must be one of {', '.join(ORDERS)}, got {value!r}")
    return up
