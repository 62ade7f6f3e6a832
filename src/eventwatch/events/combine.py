"""One coder from two: the pattern lexicon's events re-scored by the learned coder, and the learned
coder's confident triggers added where the lexicon found nothing.

Runs after the lexicon pass of the event stage, sentence by sentence:

1. every lexicon event of a root the model saw often enough in training (``min_rescore`` examples; threats and
   intents are mostly composed from a frame verb the single-word model sees too rarely) gets a calibrated confidence from its old confidence and the model's probability
   of its root at its trigger; below ``thresholds.keep`` it is dropped, and so it is when the model gives its
   root less than ``thresholds.veto`` at its trigger word (0: no veto);
2. every candidate word (``learned.candidate_tokens``) whose best root is not already coded at that word
   (or at its head or a child, with the same root) becomes an event when its calibrated probability
   reaches ``thresholds.add``. It goes through the same steps as a lexicon event: frames ("threatened to
   kill" is a threat), the figurative veto (``literal``), the accident veto, modality, source and target,
   date and place (``EventsStage._events``), and it is kept only with a political party: an actor as source
   or target, or an agentive generic subject; and, like a lexicon event, only when it is in the event set's scope
   (``scope.in_scope``: in a sport, entertainment or tech article, an act between teams or players is none).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from eventwatch.events import arguments as args
from eventwatch.events import literal
from eventwatch.events import scope
from eventwatch.events.coder import PATIENT_ROOTS, Candidate, _in_condition
from eventwatch.events.learned import CLASSES, LearnedCoder, candidate_tokens, logit
from eventwatch.events.lexicon import compose_code
from eventwatch.events.matcher import MatchContext, frame_of
from eventwatch.events.modality import modality_of
from eventwatch.model import Event, Record

ROOT_COL = {r: k for k, r in enumerate(CLASSES)}
ACCIDENT_WORDS = frozenset({"crash", "accident", "collision", "fire", "blaze", "flood", "flooding", "earthquake",
                            "storm", "hurricane", "typhoon", "avalanche", "landslide", "explosion", "derailment",
                            "disaster", "tsunami", "cyclone", "heatwave", "illness", "disease", "cancer", "overdose"})
ACCIDENT_PREPS = frozenset({"in", "by", "after", "during", "from", "when"})


@dataclass
class SentenceView:
    """What the learned pass knows of one sentence: its candidates and the lexicon's events in it."""

    sent: Span
    idxs: list[int]
    lex_events: list[Event]
    lex_tokens: list[int | None]          # trigger token of each lexicon event
    lex_roots: dict[int, str]


def sentence_views(doc: Doc, record: Record, actor_tokens: set[int], agent_words: frozenset[str]):
    by_sent: dict[int, list[Event]] = {}
    for e in record.events:
        by_sent.setdefault(e.sentence[0], []).append(e)
    for sent in doc.sents:
        idxs = candidate_tokens(sent, actor_tokens, agent_words)
        lex = by_sent.get(sent.start_char, [])
        if not idxs and not lex:
            continue
        at = {t.idx: t.i for t in sent}
        toks = [at.get(e.trigger[0]) for e in lex]
        roots = {i: e.root for e, i in zip(lex, toks) if i is not None}
        yield SentenceView(sent, idxs, lex, toks, roots)


def lexicon_features(ev: Event) -> list[float]:
    """[logit of the lexicon's own confidence]: one monotone feature, so calibration never reorders the
    lexicon's events (the main event of a sentence stays the same; dev sets measure it)."""
    return [logit(ev.confidence)]


def added_features(p: numpy.ndarray) -> tuple[str, list[float]]:
    k = int(p[1:].argmax()) + 1
    return CLASSES[k], [logit(float(p[k])), logit(float(1.0 - p[0]))]


def combine(stage, doc: Doc, record: Record, index: args.ActorIndex, ctx: MatchContext, fallback_place) -> None:
    """Re-score the lexicon's events and add the learned ones (see the module docstring)."""
    coder: LearnedCoder = stage.learned
    actor_tokens = set(index.by_token)
    actors = {a.id: a for a in record.actors}
    domain = scope.article_domain(doc)
    keep: list[Event] = []
    added: list[Event] = []
    for view in sentence_views(doc, record, actor_tokens, stage.agent_words):
        probs = coder.proba_by_token(doc, view.idxs, view.lex_roots, actor_tokens)
        keep += _rescored(coder, view, probs)
        new = _added(stage, coder, view, probs, record, index, ctx, fallback_place)
        protesting = scope.protesters(new)
        added += [e for e in new if scope.in_scope(e, actors, domain, protesting, text=record.text)]
    record.events[:] = keep + added  # every lexicon event lies in a sentence view: KEEP holds those kept
    record.events.sort(key=lambda e: (e.sentence[0], e.trigger[0]))


def vetoed(coder: LearnedCoder, ev: Event, p: numpy.ndarray | None) -> bool:
    """The model finds the lexicon's root at this trigger word unlikely (below ``thresholds.veto``)."""
    veto = float(coder.meta["thresholds"].get("veto", 0.0))
    return veto > 0 and p is not None and ev.root in ROOT_COL and float(p[ROOT_COL[ev.root]]) < veto


def _rescored(coder: LearnedCoder, view: SentenceView, probs) -> list[Event]:
    out = []
    for ev, tok in zip(view.lex_events, view.lex_tokens):
        if not coder.rescores(ev.root):
            out.append(ev)  # a plain statement, or a root too rare in training for the model to overrule
            continue
        conf = coder.calibrated("lexicon", lexicon_features(ev))
        if conf >= coder.threshold("keep") and not vetoed(coder, ev, probs.get(tok)):
            ev.confidence = round(conf, 3)
            out.append(ev)
    return out


def _added(stage, coder, view: SentenceView, probs, record, index, ctx, fallback_place) -> list[Event]:
    doc = view.sent.doc
    taken = {(i, r) for i, r in view.lex_roots.items()}
    out: list[Event] = []
    if any(e.root != "01" for e in view.lex_events):
        return out  # the lexicon coded this sentence: the model adds only where the lexicon is silent
    for i in view.idxs:
        root, x = added_features(probs[i])
        conf = coder.calibrated("added", x)
        if conf < coder.threshold("add") or _near(doc[i], root, taken):
            continue
        cand = learned_candidate(doc[i], root, coder, index, ctx, stage.lexicon)
        if cand is None:
            continue
        taken.add((i, root))
        for ev in stage._events(cand, None, view.sent, record, fallback_place):
            ev.confidence, ev.method = round(conf, 3), "learned"
            out.append(ev)
    return out


def _near(tok: Token, root: str, taken: set[tuple[int, str]]) -> bool:
    """ROOT is already coded at TOK, its head or one of its children (one event, two words)."""
    near = {tok.i, tok.head.i} | {c.i for c in tok.children}
    return any((j, root) in taken for j in near) or (tok.i, root) in taken


def learned_candidate(tok: Token, root: str, coder: LearnedCoder, index: args.ActorIndex, ctx: MatchContext,
                      lex) -> Candidate | None:
    """A pattern-coder candidate for a learned trigger: code, frame, vetoes, modality, source and target."""
    noun = tok.pos_ == "NOUN"
    code = coder.code_for(tok.lemma_.lower(), root)
    if root in literal.VIOLENCE_ROOTS or root == literal.COERCION_ROOT:
        verdict = literal.figurative(tok, code, noun, False, tok.lemma_.lower(), ctx.known, ctx.agents,
                                     ctx.place_tokens)
        if verdict == literal.DROP or (verdict is None and accidental(tok)):
            return None
        code = verdict or code
    fr = None if noun else frame_of(tok, ctx)
    sources, targets = _arguments(tok, root, index)
    mod = modality_of(tok, lex.frames, fr[0] if fr else None)
    trigger = tok
    if fr is not None:
        code = compose_code(lex.frames, fr[1] or "intent", code)
        trigger = fr[0]
        own = args.subject_actors(trigger, index) if trigger.pos_ in ("VERB", "AUX") else []
        sources = own or sources
    cand = Candidate(code, trigger, tok, sources, [t for t in targets if t not in sources], mod, 0,
                     composed=fr is not None, noun=noun, pattern_code=code)
    cand.subordinate = _in_condition(tok)
    return cand


def accidental(tok: Token) -> bool:
    """A death or injury by accident, weather or illness ("killed in a helicopter crash"): no attack."""
    for t in (tok, tok.head):
        for p in t.children:
            if p.dep_ in ("prep", "agent") and p.lower_ in ACCIDENT_PREPS:
                if any(o.lemma_.lower() in ACCIDENT_WORDS for o in p.children if o.dep_ == "pobj"):
                    return True
        if t.lemma_.lower() in ACCIDENT_WORDS:
            return True
    return False


def _arguments(tok: Token, root: str, index: args.ActorIndex) -> tuple[list[str], list[str]]:
    if tok.pos_ == "NOUN":
        poss = [c for c in tok.children if c.dep_ == "poss"]
        sources = args.np_actors(poss[0], index) if poss else []
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "obj", "pobj") else None
        if not sources and verb is not None:
            sources = args.agent_actors(verb, index) if args.is_passive(verb) else args.subject_actors(verb, index)
        targets = args.object_actors(tok, index)
        return sources, targets
    if args.is_passive(tok):
        return args.agent_actors(tok, index), args.object_actors(tok, index)
    targets = args.object_actors(tok, index)
    if not targets and root in PATIENT_ROOTS:
        targets = args.reduced_passive_patient(tok, index)
    return args.subject_actors(tok, index), targets


def root_probabilities(coder: LearnedCoder, doc: Doc, record: Record, index: args.ActorIndex,
                       agent_words: frozenset[str]) -> dict[int, float]:
    """The learned coder's probability of each event's root at its trigger word, by id(event): the confidence
    calibration's "lp" (events/confidence.py). Only where the model was trained to read: trigger words that
    are candidates (a verb or noun of a sentence with an actor or agent) and roots 02-20. The lexicon's roots
    in the sentence are features, as in training."""
    actor_tokens = set(index.by_token)
    at = {t.idx: t.i for t in doc}
    toks = {id(e): at.get(e.trigger[0]) for e in record.events}
    lex_roots = {toks[id(e)]: e.root for e in record.events if toks[id(e)] is not None and e.method != "learned"}
    wanted: set[int] = set()
    for start in {e.sentence[0] for e in record.events}:
        if start in at:
            wanted.update(candidate_tokens(doc[at[start]].sent, actor_tokens, agent_words))
    idxs = sorted(i for e in record.events if (i := toks[id(e)]) in wanted and e.root in ROOT_COL)
    probs = coder.proba_by_token(doc, idxs, lex_roots, actor_tokens)
    return {id(e): float(probs[toks[id(e)]][ROOT_COL[e.root]]) for e in record.events
            if toks[id(e)] in probs and e.root in ROOT_COL}
