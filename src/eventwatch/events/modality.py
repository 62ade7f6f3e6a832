"""Modality of a reported action: negated, hypothetical (conditions, modals), future/intent.

Looks only at the trigger's own clause and the chain of verbs that control it ("has NO plans to
withdraw", "will NOT recognize", "would", "if they continue"), never at the whole sentence.
An act composed with a frame ("threatened to bomb": 138) takes its tense and mood from the frame's
own chain: the threat is real even when the bombing is not. The event's flag ``hypothetical``
(docs/annotation/events.md §4: conditional, planned, expected, possible or future acts) is
:func:`hypothetical_flag`: a future that the code already reads as an intent ("will withdraw" → 036)
is not flagged again.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from eventwatch.events.lexicon import Frames

NEG_DETS = {"no", "never", "neither", "nor"}
CONTROL_DEPS = ("xcomp", "acl", "dobj", "obj", "pobj", "prep", "pcomp", "auxpass")
CONDITION_MARKS = ("if", "unless")
BACKSHIFT = "would"  # "said they would back the plan": a reported future as much as a hedge
SUBJECT_DEPS = ("nsubj", "nsubjpass")
TIME_MARKS = ("when", "once", "before", "after", "until", "as soon as")


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    backshift_only: bool = False  # (added field) the only hedge is "would" (a reported future: "said it would back")
    prospective: bool = False  # (added field) planned or expected by other words than the clause's own auxiliaries
    # ("is TO meet", "is EXPECTED to", "the PLANNED talks", "talks WILL take place", "will go and HOLD talks"); it
    # flags the event but, unlike ``future``, does not make the coder read the act as an intent


@dataclass(frozen=True)
class Words:
    prospective: frozenset[str]
    prospective_mod: frozenset[str]
    denial: frozenset[str]
    cancellation: frozenset[str]
    background_adverb: frozenset[str]
    aim: frozenset[str]
    aim_infinitive: frozenset[str]
    persistence: frozenset[str]
    persistence_adverb: frozenset[str]
    same_time: frozenset[str]
    count_after_once: frozenset[str]
    announcing: frozenset[str]
    background_phrase: tuple[str, ...]


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of events/data/modality.tsv."""
    from eventwatch.resources import read_rows

    src = Path(__file__).parent / "data" / "modality.tsv"
    sets: dict[str, set[str]] = {k: set() for k in Words.__dataclass_fields__}
    for n, (kind, word) in read_rows(src, columns=2):
        if kind not in sets:
            raise ValueError(f"{src.name} line {n}: unknown kind {kind!r}")
        sets[kind].add(word)
    return Words(**{k: frozenset(v) for k, v in sets.items() if k != "background_phrase"},
                 background_phrase=tuple(sorted(sets["background_phrase"])))


def aim(tok: Token) -> bool:
    """TOK names an act only as an aim, not as a reported act: the infinitive of a purpose ("in ORDER to force",
    "so as to deter", a fronted "TO DEFEAT the rebels, the army needs ..."), an infinitive or in-gerund hanging from
    a noun of resolve or effort (modality.tsv "aim": "their DETERMINATION to defeat", "unity of EFFORT in defeating"),
    an infinitive only from a noun of "aim_infinitive" ("their COOPERATION to fight crime"; "praised their COOPERATION
    in arresting the suspects" reports the arrest)."""
    nouns = words().aim
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in nouns | words().aim_infinitive:
            return True
        if tok.dep_ == "advcl" and ({"so", "as"} <= marks or {"in", "order"} <= marks):
            return True
        return tok.dep_ == "advcl" and tok.i < tok.head.i and tok.left_edge.lower_ == "to" \
            and tok.left_edge.i == tok.sent.start
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "in":
        noun = tok.head.head
        heads = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj"]
        if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for"):  # "the NEED for unity in defeating them"
            heads.append(noun.head.head)
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in nouns for n in heads)
    return False


def control_chain(tok: Token, limit: int = 5) -> list[Token]:
    """TOK and the tokens that govern it within one clause ("withdraw" ← "plans" ← "has")."""
    chain = [tok]
    t = tok
    while t.dep_ in CONTROL_DEPS and t.head.i != t.i and len(chain) < limit:
        t = t.head
        chain.append(t)
    return chain


def _governing(tok: Token, frames: Frames) -> list[Token]:
    """The control chain, and for an act noun that is the subject of a verb of taking place or of a
    prospective predicate ("talks WILL TAKE PLACE", "the summit IS DUE"), that verb's chain too."""
    chain = control_chain(tok)
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in SUBJECT_DEPS and head.i != tok.i:
        if head.lemma_.lower() in frames.occur or _prospective_predicate(head):
            chain += [t for t in control_chain(head) if t not in chain]
    return chain


def _prospective_predicate(verb: Token) -> bool:
    w = words().prospective
    return verb.lemma_.lower() in w or any(c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in w for c in verb.children)


def _shares_head_time(t: Token) -> bool:
    """T heads a subordinate clause that takes its time from the clause it modifies: a purpose infinitive ("will
    travel to Iraq TO DISCUSS"), a present-tense time clause ("would raise it when they MEET"), a participle
    ("will have to pursue it, NEGOTIATING deals")."""
    if t.dep_ != "advcl" or t.head.i == t.i:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True
    marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
    if marks:
        return marks[0] in TIME_MARKS and t.tag_ in ("VBP", "VBZ")
    return t.tag_ == "VBG"


NEG_SUBJECTS = {"nobody", "none"}


def _negated_here(t: Token, frames: Frames, act: bool = False) -> bool:
    """T (the act or a verb governing it) is negated. ``act``: T is the act itself, whose doer may be no one (a
    verb governing the act with no doer negates only itself: "NO group claimed the attack" leaves the attack)."""
    for c in t.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in NEG_DETS:
            return True
        if act and c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEG_SUBJECTS or any(
                d.dep_ == "det" and d.lower_ in NEG_DETS for d in c.children)):
            return True  # the act's doer is no one: "NO group claimed the attack", "NOBODY was arrested"
    return t.lemma_.lower() in frames.negator


def _denied(t: Token) -> bool:
    """T is what a verb of denial governs: "denied MEETING the envoy", "denies that police BEAT him"."""
    return t.dep_ in ("ccomp", "xcomp", "dobj", "pcomp") and t.head.lemma_.lower() in words().denial


def _cancelled(t: Token) -> bool:
    """T is an act noun that a verb of cancelling has as its passive subject: "the visit WAS CANCELLED", "the talks
    were CALLED OFF" (§4: an act that is cancelled did not happen). The active "cancelled the agreement" is an act of
    its own and is not touched here."""
    head = t.head
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "nsubjpass" or head.i == t.i:
        return False
    verb = head.lemma_.lower()
    prt = [c.lower_ for c in head.children if c.dep_ == "prt"]
    names = words().cancellation
    return verb in names or (bool(prt) and f"{verb} {prt[0]}" in names)


def _has_condition(t: Token, frames: Frames) -> bool:
    """T heads, or sits in, a conditional clause; or its clausal complement does ("warned X will be isolated IF")."""
    for c in t.children:
        if c.dep_ == "mark" and c.lower_ in frames.hypothetical:
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return True
    return False


def auxiliaries(t: Token) -> list[Token]:
    """T's auxiliaries; a verb coordinated without its own subject or auxiliary shares its head's
    ("will make a visit and HOLD talks")."""
    own = [c for c in t.children if c.dep_ == "aux"]
    if t.dep_ == "conj" and not own and not any(c.dep_ in SUBJECT_DEPS for c in t.children):
        return [c for c in t.head.children if c.dep_ == "aux"]
    return own


def _mood(t: Token, tok: Token, frames: Frames, m: Modality, hedges: list[str], own: bool) -> None:
    """Tense and mood that T (in the act's governing chain) gives the act. ``own``: T is in the act's own
    control chain (whose auxiliaries set ``future``, which the coder reads as an intent)."""
    for c in t.children:
        if c.dep_ != "aux":
            continue
        if c.lower_ in frames.future:
            m.future = m.future or own
            m.prospective = True
        if c.lower_ in frames.hypothetical:
            hedges.append(c.lower_)
        if c.lower_ == "going" and any(x.lower_ == "to" for x in t.children):
            m.future = m.future or own
            m.prospective = True
        if c.lower_ == "to" and t.head.lemma_.lower() == "be" and t.dep_ == "xcomp":
            m.prospective = True  # "Yugoslavia IS TO negotiate"
    if any(c.lower_ in frames.future for c in auxiliaries(t)):
        m.prospective = True  # "will travel to Baghdad and HOLD talks"
    if t.i != tok.i and t.lemma_.lower() in words().prospective:
        m.prospective = True  # "is expected to meet", "is scheduled to visit"
    if any(c.dep_ == "amod" and c.lower_ in words().prospective_mod for c in t.children):
        m.prospective = True  # "the planned talks", "a possible strike"
    if _has_condition(t, frames):
        hedges.append("condition")


def modality_of(tok: Token, frames: Frames, frame: Token | None = None) -> Modality:
    m = Modality(negated=_cancelled(tok))
    own = _governing(tok, frames)
    governing = own
    chain = set(t.i for t in control_chain(tok))
    if frame is not None:
        cut = next((k for k, t in enumerate(own) if t.i == frame.i), None)
        governing = control_chain(frame) if cut is None else own[cut:]
        chain |= {t.i for t in control_chain(frame)}
    for t in own + [t for t in governing if t not in own]:
        if _negated_here(t, frames, act=t.i == tok.i) and not (frame is not None and t.i == frame.i and t.lemma_.lower() in ("refuse", "decline", "reject")):
            m.negated = True
        if _denied(t):
            m.negated = True
    hedges: list[str] = []
    if _shares_head_time(governing[-1]):
        governing = governing + [t for t in control_chain(governing[-1].head) if t not in governing]
    for t in governing:
        _mood(t, tok, frames, m, hedges, t.i in chain)
    # a conditional inside the reported clause of a speech/threat verb ("warned the Taliban will be isolated if ...")
    for c in tok.children:
        if c.dep_ == "ccomp" and any(_has_condition(x, frames) and _conditional_mark(x) for x in c.subtree if x.pos_ in ("VERB", "AUX")):
            hedges.append("condition")
    m.hypothetical = bool(hedges)
    m.backshift_only = bool(hedges) and all(h == BACKSHIFT for h in hedges)
    return m


def _conditional_mark(t: Token) -> bool:
    """A condition ("if", "unless"), not an indirect question ("investigating WHETHER investors were misled")."""
    return any(c.lower_ in CONDITION_MARKS for c in t.subtree if c.dep_ == "mark")


def hypothetical_flag(mod: Modality, absorbed: bool = False) -> bool:
    """The event's ``hypothetical`` flag: a condition, a modal, a prospective word or a future tense. ``absorbed``:
    the code already reads the future as an intent or refusal ("will withdraw" → 036, "will not accept" → 128),
    so only a condition or a true modal flags it ("would withdraw IF")."""
    if absorbed:
        return mod.hypothetical and not mod.backshift_only
    return mod.hypothetical or mod.future or mod.prospective
