"""The one input schema for an article given as JSON: a JSON Lines line, a Parquet row, or an item of
``POST /api/ingest {"documents": [...]}``. Values are checked by type and size here, at the boundary;
a value that breaks the schema makes that one document an error record, never an exception.

Text is made valid once, here: a lone UTF-16 surrogate (JSON allows ``"\\ud800"``; UTF-8 cannot
carry it) becomes U+FFFD, with a warning, so nothing later fails to encode it.

``loads(raw)`` parses one JSON text with bounded numbers: an integer of more than ``MAX_INT_DIGITS``
digits is kept as ``BigNumber`` (its digits) instead of being converted (Python refuses 4,300
digits and more with a ``ValueError``, and converting fewer is quadratic); the schema then
refuses it where a value is used, and ignores it where it is not.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from eventwatch.model import Document, Problem

MAX_INT_DIGITS = 19  # a signed 64-bit integer
# Longest value of each string field (characters); the text itself is bounded by Settings.max_bytes.
FIELD_CHARS = {"id": 1024, "title": 4096, "source": 1024, "url": 8192, "published": 256, "dateline": 1024}
_SURROGATE = re.compile("[\ud800-\udfff]")
DATE_KEYS = ("published", "date", "publish_date", "pubdate", "published_at")
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Za-z.'’\- ]{1,40}?)\s*(?:,|\(|[-–—:]|$)")


class BigNumber(str):
    """The digits of a JSON integer too long to convert."""


def _parse_int(digits: str) -> int | BigNumber:
    return BigNumber(digits) if len(digits.lstrip("-")) > MAX_INT_DIGITS else int(digits)


def loads(raw: str | bytes) -> Any:
    """``json.loads`` with long integers kept as ``BigNumber``; raises ``ValueError`` or ``RecursionError``."""
    return json.loads(raw, parse_int=_parse_int)


def json_error(exc: Exception) -> str:
    """A short message for a failed ``loads``."""
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    return f"not valid JSON ({exc})"


def valid_text(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate replaced by U+FFFD (same length), and how many there were."""
    return _SURROGATE.subn("\ufffd", value)


def _type_name(value: Any) -> str:
    if isinstance(value, BigNumber):
        return f"an integer of {len(value.lstrip('-'))} digits (at most {MAX_INT_DIGITS})"
    names = {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number", str: "a string",
             type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _id(value: Any) -> str | None:
    """The id as a string; raises ``ValueError`` for a value that is no id."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and not isinstance(value, BigNumber):
        return value
    raise ValueError(f"'id' must be a string or an integer, got {_type_name(value)}")


def _string(obj: dict, key: str, limit: int | None) -> str | None:
    """A string field (None when absent, null or blank); raises ``ValueError`` on a wrong type or size."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, _dt.date):  # a Parquet date or timestamp column
        value = value.isoformat()
    if not isinstance(value, str) or isinstance(value, BigNumber):
        raise ValueError(f"'{key}' must be a string, got {_type_name(value)}")
    if limit is not None and len(value) > limit:
        raise ValueError(f"'{key}' is {len(value)} characters, over the limit of {limit}")
    return value if value.strip() else None


def _dateline(value: str | None) -> str | None:
    """The place of a dateline field ("WASHINGTON, Feb 26 -" → "WASHINGTON")."""
    m = _DATELINE_PLACE.match(value) if value else None
    return m.group(1).strip() if m else None


def _fields(obj: dict, dates: bool = True) -> dict[str, Any]:
    """The checked fields of one article object; raises ``ValueError`` with the first problem.
    ``dates=False``: ``published`` is left to the date reader (clean/dates.py), which takes numbers
    (epoch seconds) and strings in many forms and calls anything else an unreadable date."""
    out = {"id": _id(obj.get("id"))}
    if out["id"] is not None and len(out["id"]) > FIELD_CHARS["id"]:
        raise ValueError(f"'id' is {len(out['id'])} characters, over the limit of {FIELD_CHARS['id']}")
    for key in ("text", "html"):
        out[key] = _string(obj, key, None)
    for key in ("title", "source", "url", "dateline") + (("published",) if dates else ()):
        out[key] = _string(obj, key, FIELD_CHARS[key])
    return out


def _made_valid(values: dict[str, Any]) -> tuple[dict[str, Any], int]:
    fixed = 0
    for key, value in values.items():
        if isinstance(value, str):
            values[key], n = valid_text(value)
            fixed += n
    return values, fixed


def to_document(obj: Any, location: str, date_order: str | None = None) -> Document:
    """One JSON article object (or table row) to a Document; a value that breaks the schema gives an
    error Document. Also used by the Parquet, CSV and Ray readers and by POST /api/ingest."""
    from eventwatch.clean.dates import first_date

    if not isinstance(obj, dict):
        return Document(location=location, problems=[Problem("ingest", f"{location}: an article must be a JSON object, got {_type_name(obj)}")])
    try:
        values = _fields(obj, dates=False)
    except ValueError as exc:
        return Document(location=location, id=None, problems=[Problem("ingest", f"{location}: {exc}")])
    values, fixed = _made_valid(values)
    text, html = values["text"], values["html"]
    published, why = first_date(obj, DATE_KEYS, date_order)
    doc = Document(
        text=text, html=None if text else html, id=values["id"], title=values["title"], source=values["source"],
        url=values["url"], published=published, dateline=_dateline(values["dateline"]), location=location,
        kind="html" if (html and not text) else "text",
    )
    if why:
        doc.problems.append(Problem("ingest", f"{location}: unreadable date, {why}; the article is undated", "warning"))
    if fixed:
        doc.problems.append(Problem("ingest", f"{location}: {fixed} lone UTF-16 surrogate(s) replaced by U+FFFD", "warning"))
    if not text and not html:
        doc.problems.append(Problem("ingest", f"{location}: JSON object has neither 'text' nor 'html'"))
    return doc


# -- contract records given back (POST /api/ingest {"records": [...]})
_SPANS = {"events": ("sentence", "trigger"), "quotes": ("span", "cue", "speaker_span"), "actors": (), "places": ()}
_OPTIONAL_SPANS = {"cue", "speaker_span"}
_NUMBERS = {"events": ("goldstein", "confidence"), "places": ("lat", "lon"), "actors": ("confidence",), "quotes": ()}


def _span(value: Any, length: int, where: str) -> None:
    ok = (isinstance(value, list) and len(value) == 2
          and all(isinstance(v, int) and not isinstance(v, (bool, BigNumber)) for v in value))
    if not ok or not 0 <= value[0] <= value[1] <= length:
        raise ValueError(f"{where} must be [start, end] with 0 <= start <= end <= {length} (the text's length), got {value!r:.60}")


def _number(value: Any, where: str) -> None:
    if value is not None and (isinstance(value, (bool, BigNumber)) or not isinstance(value, (int, float))):
        raise ValueError(f"{where} must be a number, got {_type_name(value)}")


def _part(kind: str, i: int, item: Any, length: int) -> None:
    where = f"{kind}[{i}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object, got {_type_name(item)}")
    for key in _SPANS[kind]:
        if item.get(key) is None and key in _OPTIONAL_SPANS:
            continue
        _span(item.get(key), length, f"{where}.{key}")
    for key in _NUMBERS[kind]:
        _number(item.get(key), f"{where}.{key}")
    for j, mention in enumerate(item.get("mentions") or []):
        _span(mention, length, f"{where}.mentions[{j}]")
    for key, value in item.items():
        if isinstance(value, str) and len(value) > FIELD_CHARS["title"]:
            raise ValueError(f"{where}.{key} is {len(value)} characters, over the limit of {FIELD_CHARS['title']}")


def _deep_valid(value: Any) -> Any:
    if isinstance(value, str):
        return valid_text(value)[0]
    if isinstance(value, list):
        return [_deep_valid(v) for v in value]
    if isinstance(value, dict):
        return {k: _deep_valid(v) for k, v in value.items()}
    return value


def check_record(obj: Any) -> dict:
    """A contract record checked by type and size (spans within the text, numbers as numbers, dates
    as strings), its strings made valid UTF-8; raises ``ValueError`` naming the first problem."""
    if not isinstance(obj, dict):
        raise ValueError(f"a record must be a JSON object, got {_type_name(obj)}")
    values = _fields({**obj, "html": None})
    if values["id"] is None:
        raise ValueError("a record needs an 'id'")
    text = values["text"] or ""
    for kind in _SPANS:
        parts = obj.get(kind) or []
        if not isinstance(parts, list):
            raise ValueError(f"'{kind}' must be a list, got {_type_name(parts)}")
        for i, item in enumerate(parts):
            _part(kind, i, item, len(text))
    _number(obj.get("tone"), "tone")
    return _deep_valid({**obj, "id": values["id"]})
