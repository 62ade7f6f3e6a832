"""The pattern lexicon and frame table (``data/frames.tsv``), parsed once into immutable objects.

The lexicon has layers, in order of priority: our own patterns (``patterns.tsv``, and ``patterns_extra.tsv``:
the breadth of everyday political news, free event nouns), then, when asked for, ``patterns_cameo.tsv``
(converted from the PETRARCH-2 verb dictionary by scripts/convert_cameo_verbs.py).
A trigger's patterns are tried layer by layer, most specific first within a layer: a pattern of a higher
layer wins whenever it matches, so converted patterns only code what our own do not. A pattern whose code
is ``---`` (NULL_CODE) matches a construction that codes no event ("face a run-off").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
LAYERS = (("patterns.tsv", 0), ("patterns_extra.tsv", 0))   # (file, layer): our own files are one layer
CAMEO_LAYER = ("patterns_cameo.tsv", 1)   # the converted PETRARCH-2 layer: below ours, only when asked for
NULL_CODE = "---"


@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    noun: bool
    dobj: frozenset[str] = frozenset()
    preps: tuple[tuple[str, frozenset[str]], ...] = ()
    prt: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    amod: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    ccomp: bool = False
    adj: bool = False
    free: bool = False                  # a noun that names a real act without a light verb ("months of PROTESTS")
    form: frozenset[str] = frozenset()  # the trigger's own word form must be one of these ("talks", not "talk")
    arg: bool = False                   # a noun whose own phrase names a party ("U.S. strikes", "the EU's demand",
                                        # "opposition BY Congress", "the visit OF the minister")
    undergo: bool = False               # the light verb's subject undergoes the act ("he FACES charges", "will STAND
                                        # trial"): it is the target, the doer is unnamed
    line: int = 0
    layer: int = 0

    @property
    def null(self) -> bool:
        return self.code == NULL_CODE

    @property
    def specificity(self) -> int:
        return (bool(self.dobj) + len(self.preps) + bool(self.prt) + bool(self.xcomp) + bool(self.head)
                + bool(self.amod) + bool(self.subj) + self.ccomp + self.arg + sum(bool(objs) for _, objs in self.preps))


@dataclass(frozen=True)
class Frames:
    frame_of: dict[tuple[bool, str], str]          # (is_noun, lemma) -> frame name
    compose: dict[str, dict[str, str]]             # frame -> {embedded prefix or '*': code or '='}
    light: frozenset[str]
    occur: frozenset[str]
    negator: frozenset[str]
    future: frozenset[str]
    hypothetical: frozenset[str]
    speech: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    advice: frozenset[str] = frozenset()       # obligation auxiliaries that advise ("should"): an appeal, not a demand
    outcome: frozenset[str] = frozenset()      # verbs of what befalls or is achieved ("win"): nothing one is asked to do
    reciprocal: frozenset[str] = frozenset()
    lemma_fix: dict[str, str] = field(default_factory=dict)   # verb form -> lemma, where the tagger's lemma is wrong


@dataclass(frozen=True)
class Lexicon:
    by_trigger: dict[tuple[bool, str], tuple[Pattern, ...]]
    frames: Frames
    size: int = field(default=0)


def _split(value: str) -> frozenset[str]:
    return frozenset(v for v in value.split("|") if v)


def parse_pattern(code: str, text: str, line: int = 0, layer: int = 0) -> Pattern:
    parts = text.split()
    trig = parts[0]
    noun = trig.startswith("n:")
    adj = trig.startswith("a:")
    kw: dict = {"code": code, "lemma": trig[2:] if noun or adj else trig, "noun": noun, "adj": adj, "line": line,
                "layer": layer}
    preps = []
    for part in parts[1:]:
        if not part.startswith("+"):
            raise ValueError(f"patterns.tsv line {line}: bad constraint {part!r}")
        rel, _, val = part[1:].partition("=")
        if rel == "prep":
            p, _, objs = val.partition(">")
            if objs:
                preps.append((p, _split(objs)))   # "+prep=on|against>X": either preposition, with object X
            else:
                preps.extend((prep, frozenset()) for prep in p.split("|"))
        elif rel in ("dobj", "prt", "xcomp", "head", "amod", "subj"):
            kw[rel] = _split(val)
        elif rel == "form":
            kw["form"] = _split(val)
        elif rel in ("ccomp", "free", "arg", "undergo"):
            kw[rel] = True
        else:
            raise ValueError(f"patterns.tsv line {line}: unknown relation {rel!r}")
    if len(preps) > 1 and all(not objs for _, objs in preps) and "|" in text:
        # "+prep=on|upon" means one of them: expand into alternatives handled by the matcher
        kw["preps"] = (("|".join(p for p, _ in preps), frozenset()),)
    else:
        kw["preps"] = tuple(preps)
    return Pattern(**kw)


def _data_lines(path: Path):
    from eventwatch.resources import read_rows

    return read_rows(path)


@lru_cache(maxsize=2)
def load_lexicon(cameo: bool = False) -> Lexicon:
    """The lexicon; ``cameo`` adds the converted PETRARCH-2 layer below our own. It is off by default: on the own
    set's tune split it added 43 false events for one more event matched by root (the figures are in
    scripts/convert_cameo_verbs.py); Settings(extra={"events_cameo": True}) switches it on. Re-measured by root on
    tune wave 1: only its consultation patterns (04) added more events right by root than wrong (6 for 3), and with
    just those switched on tune root F1 fell by 0.001 (0.376 -> 0.375), so no subset is on either."""
    by: dict[tuple[bool, str], list[Pattern]] = {}
    n = 0
    rank: dict[int, int] = {}   # pattern id -> file order, the tie-breaker after specificity
    for file_no, (name, layer) in enumerate(LAYERS + ((CAMEO_LAYER,) if cameo else ())):
        for line, cols in _data_lines(DATA / name):
            pat = parse_pattern(cols[0].strip(), cols[1].strip(), line, layer)
            by.setdefault(("a" if pat.adj else pat.noun, pat.lemma), []).append(pat)
            rank[id(pat)] = file_no
            n += 1
    ordered = {k: tuple(sorted(v, key=lambda p: (p.layer, -p.specificity, rank[id(p)], p.line))) for k, v in by.items()}
    return Lexicon(ordered, load_frames(), n)


def load_frames(path: Path | None = None) -> Frames:
    """The frame tables of frames.tsv (or PATH), validated: known row kinds; every advice modal an obligation one."""
    frame_of: dict[tuple[bool, str], str] = {}
    compose: dict[str, dict[str, str]] = {}
    lemma_fix: dict[str, str] = {}
    sets: dict[str, set[str]] = {k: set() for k in ("light", "occur", "negator", "future", "hypothetical", "speech",
                                                    "obligation", "advice", "outcome", "reciprocal")}
    for line, cols in _data_lines(path or DATA / "frames.tsv"):
        kind = cols[0]
        if kind == "frame":
            lemma = cols[2]
            noun = lemma.startswith("n:")
            adj = lemma.startswith("a:")
            frame_of[("a" if adj else noun, lemma[2:] if noun or adj else lemma)] = cols[1]
        elif kind == "compose":
            compose.setdefault(cols[1], {})[cols[2]] = cols[3]
        elif kind == "lemma":
            lemma_fix[cols[1]] = cols[2]
        elif kind in sets:
            sets[kind].add(cols[1])
        else:
            raise ValueError(f"frames.tsv line {line}: unknown row kind {kind!r}")
    if not sets["advice"] <= sets["obligation"]:
        raise ValueError(f"frames.tsv: advice modals {sorted(sets['advice'] - sets['obligation'])} are no obligation rows")
    return Frames(frame_of, compose, **{k: frozenset(v) for k, v in sets.items()}, lemma_fix=lemma_fix)


def compose_code(frames: Frames, frame: str, embedded: str | None) -> str:
    """The code of FRAME applied to an embedded action code ("vow" + 190 → 1384)."""
    if frame == "threaten":
        code = compose_code(frames, "intent", embedded)
        return code if code.startswith("13") else "130"
    if frame == "future":
        # a plain future ("will hold talks"): the act itself where the "future" table says "=", else an intent
        hit = _longest(frames.compose.get("future", {}), embedded)
        return embedded if hit == "=" else (hit or compose_code(frames, "intent", embedded))
    table = frames.compose.get(frame, {})
    if embedded:
        for k in range(len(embedded), 1, -1):
            hit = table.get(embedded[:k])
            if hit:
                return embedded if hit == "=" else hit
    return table.get("*", embedded or "010")


def _longest(table: dict[str, str], code: str | None) -> str | None:
    for k in range(len(code or ""), 1, -1):
        hit = table.get(code[:k])
        if hit:
            return hit
    return None
