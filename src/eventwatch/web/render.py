"""Offsets → highlighted HTML: the article reader's highlighter for Python (notebooks, reports).

``highlight_html(record)`` returns the record's cleaned text as HTML in which actor mentions,
event triggers, evidence sentences, each event's source and target words (``source_span``,
``target_span``: the mention that tied each side to the event), quotes (with their speaker and cue)
and place mentions are wrapped in ``<span class="ew ew-KIND">``. Spans may overlap or nest: the text is cut at every
span boundary and each piece carries the classes of all spans covering it. Every piece of text
and every attribute value is HTML-escaped: article text is untrusted. The dashboard's reader
(``static/app.js``) builds the same pieces with DOM calls.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Iterable

from eventwatch.actors.labels import actor_label

KINDS = ("sentence", "trigger", "source", "target", "actor", "place", "quote", "cue")
KEYED = (("actor", "data-actor"), ("place", "data-place"), ("sentence", "data-event"), ("trigger", "data-trigger"),
         ("source", "data-source"), ("target", "data-target"), ("quote", "data-quote"))
SIDES = ("source", "target")

HIGHLIGHT_CSS = """
.ew-article { white-space: pre-wrap; font: 16px/1.6 Georgia, serif; max-width: 48em; }
.ew-sentence { background: #fff6d6; }
.ew-trigger { font-weight: bold; border-bottom: 3px solid #c0392b; }
.ew-actor { background: #dbeafe; border-radius: 2px; }
.ew-place { text-decoration: underline dotted #15803d 2px; color: #14532d; }
.ew-quote { font-style: italic; color: #6b21a8; }
.ew-cue { border-bottom: 2px dashed #6b21a8; }
.ew-source { border-bottom: 3px solid #1d4ed8; }
.ew-target { border-bottom: 3px double #c2410c; }
"""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str
    key: str = ""  # actor id, place id, or event/quote index


def _get(obj: Any, name: str, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _as_dict(record: Any) -> dict:
    if isinstance(record, dict):
        return record
    if hasattr(record, "to_dict"):
        return record.to_dict()
    raise TypeError("highlight_html needs a contract record (dict) or an eventwatch Record")


def _pair(value) -> tuple[int, int] | None:
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return (start, end)


def _code(ev: dict) -> str:
    return " ".join(str(c) for c in (ev.get("cameo"), ev.get("plover")) if c)


def _event_label(i: int, ev: dict, names: dict[str, str]) -> str:
    src = names.get(ev.get("source") or "", ev.get("source") or "?")
    tgt = names.get(ev.get("target") or "", ev.get("target") or "?")
    flags = [f for f in ("negated", "hypothetical") if ev.get(f)]
    return f"event {i}: {_code(ev)}, {src} → {tgt}" + (f" ({', '.join(flags)})" if flags else "")


def _side_label(side: str, i: int, ev: dict, names: dict[str, str], codes: dict[str, str]) -> str:
    """"source of event 0 (173 ARREST): police (Kenya) · KEN-COP, code KENCOP"."""
    aid = ev.get(side) or ""
    code = f", code {codes[aid]}" if codes.get(aid) else ""
    return f"{side} of event {i} ({_code(ev)}): {names.get(aid, aid or '?')}" + (f" · {aid}" if aid else "") + code


def spans(record: Any) -> list[Span]:
    """Every highlightable span of a record (offsets as given; invalid ones are dropped later)."""
    rec = _as_dict(record)
    actors = [a for a in rec.get("actors") or [] if isinstance(a, dict)]
    names = {a.get("id"): actor_label(a.get("id"), a.get("name")) for a in actors}
    codes = {a.get("id"): a.get("code") for a in actors}
    out: list[Span] = []
    for a in actors:
        label = f"actor: {names[a.get('id')]} ({a.get('id')})"
        for m in a.get("mentions") or []:
            if (p := _pair(m)):
                out.append(Span(*p, "actor", label, str(a.get("id"))))
    for pl in rec.get("places") or []:
        label = f"place: {pl.get('name')}" + (f" ({pl.get('country')})" if pl.get("country") else "")
        for m in pl.get("mentions") or []:
            if (p := _pair(m)):
                out.append(Span(*p, "place", label, str(pl.get("id"))))
    for i, ev in enumerate(rec.get("events") or []):
        label = _event_label(i, ev, names)
        if (p := _pair(ev.get("sentence"))):
            out.append(Span(*p, "sentence", label, str(i)))
        if (p := _pair(ev.get("trigger"))):
            out.append(Span(*p, "trigger", label, str(i)))
        for side in SIDES:
            if (p := _pair(ev.get(f"{side}_span"))):
                out.append(Span(*p, side, _side_label(side, i, ev, names, codes), str(i)))
    for i, q in enumerate(rec.get("quotes") or []):
        speaker = q.get("speaker_name") or names.get(q.get("speaker") or "") or q.get("speaker") or "unknown speaker"
        label = f"{q.get('kind') or 'quote'} quote {i} by {speaker}"
        if (p := _pair(q.get("span"))):
            out.append(Span(*p, "quote", label, str(i)))
        if (p := _pair(q.get("cue"))):
            out.append(Span(*p, "cue", f"speech cue of quote {i} ({speaker})", str(i)))
    return out


def _valid(spans_: Iterable[Span], n: int) -> list[Span]:
    return [s for s in spans_ if 0 <= s.start < s.end <= n and s.kind in KINDS]


def segments(text: str, spans_: Iterable[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut ``text`` at every span boundary: (start, end, covering spans) pieces covering all of it."""
    valid = _valid(spans_, len(text))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    opening: dict[int, list[Span]] = {}
    for s in valid:
        opening.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + opening.get(a, [])
        out.append((a, b, sorted(active, key=lambda s: (KINDS.index(s.kind), s.key))))
    return out


def _piece(text: str, covering: list[Span]) -> str:
    if not covering:
        return escape(text, quote=False)
    classes = " ".join(["ew"] + sorted({f"ew-{s.kind}" for s in covering}, key=lambda c: KINDS.index(c[3:])))
    attrs = [f'class="{classes}"', f'title="{escape("; ".join(dict.fromkeys(s.label for s in covering)))}"']
    for kind, attr in KEYED:
        keys = [s.key for s in covering if s.kind == kind]
        if keys:
            attrs.append(f'{attr}="{escape(" ".join(dict.fromkeys(keys)))}"')
    return f"<span {' '.join(attrs)}>{escape(text, quote=False)}</span>"


def highlight_html(record: Any, standalone: bool = False) -> str:
    """The record's text as escaped HTML with its actors, events, quotes and places highlighted.

    Each event's sentence starts with an empty anchor ``<span id="ev-N">`` so a link can open the
    article at its evidence. ``standalone=True`` prepends a ``<style>`` block (HIGHLIGHT_CSS).
    """
    rec = _as_dict(record)
    text = rec.get("text") or ""
    all_spans = spans(rec)
    anchors: dict[int, list[int]] = {}
    for s in _valid(all_spans, len(text)):
        if s.kind == "sentence":
            anchors.setdefault(s.start, []).append(int(s.key))
    parts = []
    for a, b, covering in segments(text, all_spans):
        for i in anchors.pop(a, []):
            parts.append(f'<span class="ew-anchor" id="ev-{i}"></span>')
        parts.append(_piece(text[a:b], covering))
    body = f'<div class="ew-article">{"".join(parts)}</div>'
    return (f"<style>{HIGHLIGHT_CSS}</style>" + body) if standalone else body
