"""The one filter model, its one adapter and its one translation into SQL.

``EventFilter`` holds every filter the views share (frozen: a filter is a value). ``parse_filters``
builds one from CLI options or a query string alike (strings, or values already typed by FastAPI),
raising coded ``QueryError``s. ``where(f, VIEW)`` turns it into a WHERE clause over a table: the
events (``EVENTS``), the quotes (``QUOTES``), the articles (``ARTICLES``) and the daily aggregates
(``DAILY``); each view is a table of clause builders, one per filter it understands.

Imports only the errors catalogue: store, analytics, api, web and cli may all import it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Callable, Mapping

from eventwatch.errors import Errors, QueryError

_ISO3 = re.compile(r"[A-Z]{3}")
_CAMEO = re.compile(r"\d{2,4}")
_BOOLS = {"true": True, "1": True, "false": False, "0": False}
MAX_TEXT = 200  # longest free-text filter value


def _list(value) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = [str(v) for v in value] if isinstance(value, (list, tuple, set)) else str(value).split(",")
    return tuple(i.strip() for i in items if i.strip())


def _date(value, name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise QueryError(Errors.E101, name=name, value=value) from None


def _checked(values: tuple, pattern: re.Pattern, error: Errors) -> tuple:
    for v in values:
        if not pattern.fullmatch(v):
            raise QueryError(error, value=v)
    return values


def _known(values: tuple, known: frozenset[str], error: Errors, **extra) -> tuple:
    """Values that are in the code table; an unknown one is an error naming the valid choices."""
    for v in values:
        if v not in known:
            raise QueryError(error, value=v, **extra)
    return values


def _cameo_codes() -> frozenset[str]:
    from eventwatch.events.codes import code_table

    return frozenset(code_table())


def _plover_types() -> frozenset[str]:
    from eventwatch.events.codes import code_table

    return frozenset(info.plover for info in code_table().values() if info.plover)


def _roots(value) -> tuple[str, ...]:
    roots = tuple(r.zfill(2) for r in _list(value))
    for r in roots:
        if not (r.isdigit() and 1 <= int(r) <= 20):
            raise QueryError(Errors.E104, value=r)
    return roots


def _quads(value) -> tuple[int, ...]:
    try:
        quads = tuple(int(q) for q in _list(value))
    except ValueError:
        raise QueryError(Errors.E107) from None
    if any(q not in (1, 2, 3, 4) for q in quads):
        raise QueryError(Errors.E107)
    return quads


@dataclass(frozen=True)
class EventFilter:
    """Filters every view shares. Lists accept a comma-separated string. All combine with AND."""

    since: str | None = None            # first event date, inclusive (YYYY-MM-DD)
    until: str | None = None            # last event date, inclusive
    country: str | None = None          # ISO alpha-3: event's place, source's or target's country
    actor: str | None = None            # actor id, or part of a name (source or target)
    source: str | None = None           # exact source actor id
    target: str | None = None           # exact target actor id
    root: tuple[str, ...] = ()          # CAMEO roots '01'..'20'
    cameo: tuple[str, ...] = ()         # CAMEO codes; a code matches its sub-codes
    plover: tuple[str, ...] = ()        # PLOVER event types
    quad_class: tuple[int, ...] = ()    # 1..4
    text: str | None = None             # words in the event's sentence
    outlet: str | None = None           # the article's source (publisher)
    article_id: str | None = None
    negated: bool | None = None         # None: both
    hypothetical: bool | None = None    # None: both
    min_confidence: float | None = None
    background: bool | None = None      # None/False: the articles' news only; True: also events dated before it

    def __post_init__(self):
        if not self.background:
            object.__setattr__(self, "background", None)  # news only is the default, not a filter that is set
        since, until = _date(self.since, "since"), _date(self.until, "until")
        if since and until and since > until:
            raise QueryError(Errors.E102)
        country = self.country.strip().upper() if self.country else self.country
        if country and not _ISO3.fullmatch(country):
            raise QueryError(Errors.E103, value=country)
        if self.min_confidence is not None and not 0 <= float(self.min_confidence) <= 1:
            raise QueryError(Errors.E108)
        normal = {"since": since, "until": until, "country": country, "root": _roots(self.root),
                  "cameo": _known(_checked(_list(self.cameo), _CAMEO, Errors.E105), _cameo_codes(), Errors.E105),
                  "plover": _known(tuple(p.upper() for p in _list(self.plover)), _plover_types(), Errors.E106,
                                   choices=", ".join(sorted(_plover_types()))),
                  "quad_class": _quads(self.quad_class)}
        for name, value in normal.items():
            object.__setattr__(self, name, value)

    def asserted(self) -> "EventFilter":
        """The same filters, counting only asserted events unless negated/hypothetical were asked for."""
        return replace(self, negated=False if self.negated is None else self.negated,
                       hypothetical=False if self.hypothetical is None else self.hypothetical)

    def set_fields(self) -> dict[str, Any]:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, (), "")}

    def is_empty(self) -> bool:
        return not self.set_fields()


Filters = EventFilter  # the name the Python API has always used
FILTER_NAMES = tuple(f.name for f in fields(EventFilter))


def _bool(name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() not in _BOOLS:
        raise QueryError(Errors.E109, name=name)
    return _BOOLS[str(value).lower()]


def _number(name: str, value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise QueryError(Errors.E108) from None


def _text(name: str, value):
    """A text value (or a list, for the list filters) no longer than MAX_TEXT."""
    if isinstance(value, (list, tuple, set)):
        return value
    value = value.isoformat() if isinstance(value, date) else str(value)
    if len(value) > MAX_TEXT:
        raise QueryError(Errors.E115, name=name, max=MAX_TEXT)
    return value


_PARSE: dict[str, Callable[[str, Any], Any]] = {"negated": _bool, "hypothetical": _bool, "min_confidence": _number,
                                               "background": _bool}


def parse_filters(params: Mapping[str, Any], strict: bool = False) -> EventFilter:
    """THE adapter: an EventFilter from CLI options or query parameters (strings or typed values).

    Names the filter does not know are ignored (a query string carries paging too) unless
    ``strict``; empty values are unset. Bad values raise coded QueryErrors."""
    if strict:
        unknown = sorted(set(params) - set(FILTER_NAMES))
        if unknown:
            raise QueryError(Errors.E116, name=unknown[0])
    kw = {}
    for name in FILTER_NAMES:
        value = params.get(name)
        if value is None or value == "":
            continue
        kw[name] = _PARSE.get(name, _text)(name, value)
    return EventFilter(**kw)


def coerce(filters: EventFilter | None, kw: dict) -> EventFilter:
    """``filters`` or keyword filters (the Python API's two ways), never both."""
    if filters is not None and kw:
        raise QueryError(Errors.E117)
    if filters is not None:
        return filters
    unknown = sorted(set(kw) - set(FILTER_NAMES))
    if unknown:
        raise QueryError(Errors.E116, name=unknown[0])
    return EventFilter(**kw)


# ------------------------------------------------------------------ the one translation into SQL
Clause = Callable[[str, Any], tuple[str, list]]


def _eq(column: str) -> Clause:
    return lambda a, v: (f"{a}.{column} = ?", [v])


def _in(column: str, sql_type: str) -> Clause:
    return lambda a, v: (f"{a}.{column} IN (SELECT unnest(?::{sql_type}[]))", [list(v)])


def _from(column: str) -> Clause:
    return lambda a, v: (f"{a}.{column} >= CAST(? AS DATE)", [v])


def _to(column: str) -> Clause:
    return lambda a, v: (f"{a}.{column} <= CAST(? AS DATE)", [v])


def _like(column: str) -> Clause:
    return lambda a, v: (f"{a}.{column} ILIKE ?", [f"%{v}%"])


def _flag(column: str) -> Clause:
    return lambda a, v: (f"{a}.{column} = ?", [bool(v)])


def _event_country(a: str, v) -> tuple[str, list]:
    return f"({a}.country = ? OR {a}.source_country = ? OR {a}.target_country = ? OR {a}.place_country = ?)", [v] * 4


def _event_actor(a: str, v) -> tuple[str, list]:
    return (f"({a}.source = ? OR {a}.target = ? OR {a}.source_name ILIKE ? OR {a}.target_name ILIKE ?)",
            [v, v, f"%{v}%", f"%{v}%"])


def _cameo(a: str, v) -> tuple[str, list]:
    return "(" + " OR ".join(f"starts_with({a}.cameo, ?)" for _ in v) + ")", list(v)


# view -> filter -> clause; the order is the order of the clauses in the SQL
EVENTS: dict[str, Clause] = {
    "since": _from("event_date"), "until": _to("event_date"), "country": _event_country, "actor": _event_actor,
    "source": _eq("source"), "target": _eq("target"), "root": _in("root", "VARCHAR"), "cameo": _cameo,
    "plover": _in("plover", "VARCHAR"), "quad_class": _in("quad_class", "INTEGER"), "text": _like("sentence"),
    "outlet": _eq("outlet"), "article_id": _eq("article_id"), "negated": _flag("negated"),
    "hypothetical": _flag("hypothetical"),
    "min_confidence": lambda a, v: (f"{a}.confidence >= ?", [float(v)]),
}
QUOTES: dict[str, Clause] = {  # alias q: date = the article's date, actor/country = the speaker
    "since": _from("published"), "until": _to("published"),
    "actor": lambda a, v: (f"({a}.speaker = ? OR {a}.speaker_name ILIKE ?)", [v, f"%{v}%"]),
    "country": _eq("speaker_country"), "text": _like("text"), "article_id": _eq("article_id"),
    "outlet": lambda a, v: ("a.source = ?", [v]),  # the joined articles table
}
ARTICLES: dict[str, Clause] = {  # alias a: date = published, text in title or body
    "since": _from("published"), "until": _to("published"),
    "text": lambda a, v: (f"({a}.title ILIKE ? OR {a}.text ILIKE ?)", [f"%{v}%"] * 2),
    "outlet": _eq("source"), "article_id": _eq("id"),
}
DAILY: dict[str, Clause] = {  # the event_daily aggregates (country: through dim 'member', see daily.py)
    "since": _from("day"), "until": _to("day"), "quad_class": _in("quad_class", "INTEGER"),
    "negated": _flag("negated"), "hypothetical": _flag("hypothetical"),
}
# the event filters an article has to match through one of its events
ARTICLE_EVENT_FILTERS = ("country", "actor", "source", "target", "root", "cameo", "plover", "quad_class",
                         "negated", "hypothetical", "min_confidence")


def clauses(f: EventFilter, view: Mapping[str, Clause], alias: str) -> tuple[list[str], list]:
    """The clauses (and their parameters) of the filters set in ``f`` that ``view`` understands."""
    w, p = [], []
    for name, clause in view.items():
        value = getattr(f, name)
        if value in (None, (), ""):
            continue
        sql, params = clause(alias, value)
        w.append(sql)
        p += params
    return w, p


def where(f: EventFilter, view: Mapping[str, Clause] = EVENTS, alias: str = "e",
          extra: tuple[list[str], list] = ([], [])) -> tuple[str, list]:
    """WHERE clause (with leading 'WHERE', or '') and its parameters; ``extra`` clauses come last.
    Over the events, background events (a time before the article's news) count only with ``background``."""
    w, p = clauses(f, view, alias)
    if view is EVENTS and not f.background:
        w.append(f"NOT coalesce({alias}.background, FALSE)")
    w, p = w + extra[0], p + extra[1]
    return ("WHERE " + " AND ".join(w)) if w else "", p


def event_where(f: EventFilter, e: str = "e") -> tuple[str, list]:
    """WHERE clause (with leading 'WHERE', or '') over the events table aliased ``e``."""
    return where(f, EVENTS, e)


def and_(where_sql: str, clause: str) -> str:
    """Add one more clause to a WHERE clause (or start one)."""
    return f"{where_sql} AND {clause}" if where_sql else f"WHERE {clause}"
