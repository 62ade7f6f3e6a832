"""Why the coder misses a gold event: a trace of the event stage, joined to the TUNE split's missed events.

Used by ``event_misses.py --causes``. While the pipeline runs, three of the stage's steps are wrapped (in this
process only; nothing in the package changes): ``code_sentence`` (the lexicon's triggers and candidates, the
literal vetoes), ``EventsStage._events`` (which candidates gave events; none = no actor placed) and
``scope.in_scope`` (which events the scope rule dropped). Each missed gold event is then given one cause by
its trigger token(s):

    d-root      an event was coded at the gold trigger with another root (01 statements included)
    b-scope     an event at the trigger, dropped by the scope rule (party rule, article domain)
    c-party     a candidate at the trigger, but no actor placed for it (or dropped as actorless)
    b-literal   the trigger's pattern matched, the literal check read it as figurative
    b-stage     the trigger's pattern matched, the coder dropped it (frame composed, verb already codes it ...)
    a-construct the lemma is in the lexicon, no pattern fits the construction (object, preposition; a noun with no
                light verb, frame or party in its phrase)
    a-lexicon   no pattern for the trigger's lemma at all (a-lexicon+cameo: the PETRARCH-2 layer has one)
    other       an event at the trigger that was scored against another gold event, or no token found
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

CAUSES = ("d-root", "b-scope", "c-party", "b-literal", "b-stage", "a-construct", "a-lexicon", "a-lexicon+cameo",
          "other")


@dataclass
class TokInfo:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    own: bool            # the lexicon (our layers) has patterns for the token's lemma and part of speech
    cameo: bool          # the PETRARCH-2 layer has some
    satisfied: bool      # one of our patterns' constraints hold
    vetoed: bool
    actor: bool          # the token is part of an actor, person or place mention
    where: str = ""      # dependency and head lemma ("dobj<face"), to see the construction


@dataclass
class DocTrace:
    tokens: list[TokInfo] = field(default_factory=list)
    cands: dict[int, str] = field(default_factory=dict)          # trigger char start -> code of a candidate
    yielded: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))  # trigger start -> roots
    scoped_out: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    kept: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


TRACES: dict[str, DocTrace] = {}


def _trace(text: str) -> DocTrace:
    return TRACES.setdefault(text, DocTrace())


def install() -> None:
    """Wrap the stage's steps so that every document processed afterwards is traced."""
    from eventwatch.events import scope, stage
    from eventwatch.events.lexicon import load_lexicon
    from eventwatch.events.matcher import _first_satisfied, noun_licensed, trigger_patterns

    cameo_lex = load_lexicon(True)
    orig_code, orig_events, orig_scope = stage.code_sentence, stage.EventsStage._events, scope.in_scope

    def code_sentence(sent, lex, index, ctx):
        out = orig_code(sent, lex, index, ctx)
        tr = _trace(sent.doc.text)
        for tok in sent:
            pats = trigger_patterns(tok.pos_, tok.dep_, tok.lower_, tok.lemma_.lower(), ctx)
            cpats = cameo_lex.by_trigger.get((tok.pos_ in ("NOUN", "PROPN"), tok.lemma_.lower()))
            own = bool(pats) and any(p.layer == 0 for p in pats)
            pat = _first_satisfied(tok, [p for p in pats if p.layer == 0], ctx) if own else None
            # a noun pattern counts as fitting only when a light verb, 'occur' verb or frame carries it, or it is free
            sat = pat is not None and (not pat.noun or pat.free or noun_licensed(tok, pat, ctx) is not False)
            tr.tokens.append(TokInfo(tok.idx, tok.idx + len(tok.text), tok.text, tok.lemma_.lower(), tok.pos_, own,
                                     bool(cpats) and any(p.layer == 1 for p in cpats), sat, tok.i in ctx.vetoed,
                                     tok.i in ctx.known, f"{tok.dep_}<{tok.head.lemma_.lower()}"))
        for c in out:
            tr.cands[c.trigger.idx] = c.code
        return out

    def _events(self, cand, clf, sent, record, fallback_place, *rest):
        evs = list(orig_events(self, cand, clf, sent, record, fallback_place, *rest))
        tr = _trace(record.text)
        tr.cands.setdefault(cand.trigger.idx, cand.code)
        tr.yielded[cand.trigger.idx] += [e.root for e in evs]
        return iter(evs)

    def in_scope(event, *a, **kw):
        ok = orig_scope(event, *a, **kw)
        tr = _trace(kw.get("text") or "")
        (tr.kept if ok else tr.scoped_out)[event.trigger[0]].append(event.root)
        return ok

    stage.code_sentence, stage.EventsStage._events, scope.in_scope = code_sentence, _events, in_scope


def classify(doc_text: str, at: int, end: int, root: str) -> tuple[str, list[TokInfo]]:
    """The cause of a missed gold event of ROOT whose trigger is doc_text[at:end]."""
    tr = TRACES.get(doc_text)
    if tr is None:
        return "other", []
    toks = [t for t in tr.tokens if t.start < end and at < t.end]
    starts = [t.start for t in toks]
    if any(r != root for s in starts for r in tr.kept.get(s, ())):
        return "d-root", toks
    if any(tr.scoped_out.get(s) for s in starts):
        return "b-scope", toks
    if any(s in tr.cands for s in starts):
        if any(tr.kept.get(s) for s in starts):
            return "other", toks
        return "c-party", toks
    if any(t.vetoed for t in toks):
        return "b-literal", toks
    if any(t.satisfied for t in toks):
        return "b-stage", toks
    if any(t.own for t in toks):
        return "a-construct", toks
    if not toks:
        return "other", toks
    return ("a-lexicon+cameo" if any(t.cameo for t in toks) else "a-lexicon"), toks
