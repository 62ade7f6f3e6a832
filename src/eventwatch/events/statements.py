"""Evaluative statements (CAMEO 012 / 013, and veiled threats 13): "X said the war will be a DISASTER".

Also reported obligations with no coded action inside ("X said Y must drop its barriers"): a demand (100) by the
reporter on the clause's subject, since the codebook reads a public call on a named party to act as a demand; with
"should" ("X said Y should drop them") an appeal (020), as advice rather than a requirement.

A reporting verb whose reported clause is a copula with a strongly valenced predicate (VADER valence
|v| ≥ 1.5, from the sentiment lexicon the tone uses) is a pessimistic (012) or optimistic (013) comment by
the reporter. A pessimistic prediction aimed at a party ("... would be difficult FOR THEM") is coded as a
threat (130) against that party. Only sentences where the pattern coder found no event are read.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwatch.events import arguments as args
from eventwatch.events.coder import Candidate
from eventwatch.events.lexicon import Frames, Lexicon
from eventwatch.events.matcher import can_be_asked, obligation_frame
from eventwatch.events.modality import modality_of
from eventwatch.events.tone import valence_lexicon
from eventwatch.nlp.cache import column, lemma_lower

STRONG = 1.5
REPORTING_EXTRA = {"tell"}


def _predicate(clause: Token) -> Token | None:
    if clause.lemma_.lower() != "be":
        return None
    for c in clause.children:
        if c.dep_ in ("attr", "acomp"):
            return c
    return None


def _beneficiary(pred: Token, index: args.ActorIndex) -> list[str]:
    for p in [*pred.children, *pred.head.children]:
        if p.dep_ == "prep" and p.lower_ == "for":
            for o in p.children:
                if o.dep_ == "pobj":
                    return args.np_actors(o, index)
    return []


def _obligation(clause: Token, frames: Frames) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in frames.obligation for c in clause.children)


def _reported_clauses(sent: Span, frames: Frames, index: args.ActorIndex):
    """(reporting verb, its subject actors, its ccomp clause) for each reported clause of the sentence."""
    doc = sent.doc
    pos, lemma = column(doc, "pos_"), lemma_lower(doc)
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or lemma[i] not in frames.speech and lemma[i] not in REPORTING_EXTRA:
            continue
        verb = doc[i]
        speakers = args.subject_actors(verb, index)
        if speakers:
            for clause in verb.children:
                if clause.dep_ == "ccomp":
                    yield verb, speakers, clause


def demand_candidates(sent: Span, lexicon: Lexicon, index: args.ActorIndex) -> list[Candidate]:
    """'X said/declared that Y must VERB' (no coded action in VERB): X demands of Y (100); 'Y should VERB': X appeals
    to Y (020), when VERB is something Y can be asked to do (not "said Uganda should win", a prediction)."""
    out = []
    frames = lexicon.frames
    for verb, speakers, clause in _reported_clauses(sent, frames, index):
        if not _obligation(clause, frames):
            continue
        mod = modality_of(clause, frames)
        if mod.negated:
            continue  # "must not", "should not": a warning, not a demand or appeal we can code
        appeal = obligation_frame(clause, frames) == "appeal"
        if appeal and not can_be_asked(clause, lexicon):
            continue  # "should win", "should arrive", "should have acted": a prediction or a reproach, no appeal
        mod.hypothetical = False  # the obligation is the demand itself
        targets = [a for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") for a in args.np_actors(s, index)]
        code = "020" if appeal else "100"   # "should": an appeal; "must": a demand
        out.append(Candidate(code, verb, clause, speakers, [t for t in targets if t not in speakers], mod, 0,
                             pattern_code=code))
    return out


def statement_candidates(sent: Span, lexicon: Lexicon, index: args.ActorIndex,
                         vetoed: set[int] | frozenset[int] = frozenset()) -> list[Candidate]:
    """VETOED: the tokens the pattern coder read as no event (events/literal.py); a predicate among them ("said the
    weather was APPALLING": a condemnation of no party, dropped) gives no statement either."""
    out = _evaluative(sent, lexicon.frames, index, vetoed)
    return out or demand_candidates(sent, lexicon, index)


def _evaluative(sent: Span, frames: Frames, index: args.ActorIndex,
                vetoed: set[int] | frozenset[int] = frozenset()) -> list[Candidate]:
    lex = valence_lexicon()
    out = []
    for verb, speakers, clause in _reported_clauses(sent, frames, index):
        pred = _predicate(clause)
        if pred is None or pred.i in vetoed:
            continue
        val = lex.get(pred.lemma_.lower(), 0.0)
        if abs(val) < STRONG:
            continue
        mod = modality_of(clause, frames)
        if mod.negated:
            val = -val
        aimed = _beneficiary(pred, index) if val < 0 else []
        if aimed and (mod.future or mod.hypothetical):
            code, targets = "130", aimed
            mod.hypothetical = False  # the prediction is the threat
        else:
            code = "012" if val < 0 else "013"
            targets = [a for s in clause.children if s.dep_ == "nsubj" for a in args.np_actors(s, index)]
        out.append(Candidate(code, verb, pred, speakers, [t for t in targets if t not in speakers], mod, 1,
                             pattern_code=code))
    return out
