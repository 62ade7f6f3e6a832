"""Modality of a reported action: negated, hypothetical (conditions, modals), future/intent.

Looks only at the trigger's own clause and the chain of verbs that control it ("has NO plans to
withdraw", "will NOT recognize", "would", "if they continue"), never at the whole sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwatch.events.lexicon import Frames

NEG_DETS = {"no", "never", "neither", "nor"}
CONTROL_DEPS = ("xcomp", "acl", "dobj", "obj", "pobj", "prep", "pcomp", "auxpass")


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False


def control_chain(tok: Token, limit: int = 5) -> list[Token]:
    """TOK and the tokens that govern it within one clause ("withdraw" ← "plans" ← "has")."""
    chain = [tok]
    t = tok
    while t.dep_ in CONTROL_DEPS and t.head.i != t.i and len(chain) < limit:
        t = t.head
        chain.append(t)
    return chain


def _negated_here(t: Token, frames: Frames) -> bool:
    for c in t.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in NEG_DETS:
            return True
    return t.lemma_.lower() in frames.negator


def _has_condition(t: Token, frames: Frames) -> bool:
    """T heads, or sits in, a conditional clause; or its clausal complement does ("warned X will be isolated IF")."""
    for c in t.children:
        if c.dep_ == "mark" and c.lower_ in frames.hypothetical:
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            return True
    return False


def modality_of(tok: Token, frames: Frames, frame: Token | None = None) -> Modality:
    m = Modality()
    chain = control_chain(tok)
    if frame is not None and frame not in chain:
        chain += control_chain(frame)
    for t in chain:
        if _negated_here(t, frames) and not (frame is not None and t.i == frame.i and t.lemma_.lower() in ("refuse", "decline", "reject")):
            m.negated = True
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in frames.future:
                m.future = True
            if c.dep_ == "aux" and c.lower_ in frames.hypothetical:
                m.hypothetical = True
            if c.dep_ == "aux" and c.lower_ == "going" and any(x.lower_ == "to" for x in t.children):
                m.future = True
        if _has_condition(t, frames):
            m.hypothetical = True
    # a conditional inside the reported clause of a speech/threat verb ("warned the Taliban will be isolated if ...")
    for c in tok.children:
        if c.dep_ == "ccomp" and any(_has_condition(x, frames) for x in c.subtree if x.pos_ in ("VERB", "AUX")):
            m.hypothetical = True
    return m
