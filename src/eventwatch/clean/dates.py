"""Dates in page heads: "August 14, 2021", "14 Aug 2021", "2021-08-14", "Published: 14/08/2021"."""
from __future__ import annotations

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
