"""Convert the PETRARCH-2 verb-pattern dictionary (CAMEO.2.0.txt) into eventwatch's pattern syntax.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/convert_cameo_verbs.py \\
        ../shared/dictionaries/CAMEO.2.0.txt > src/eventwatch/events/data/patterns_cameo.tsv

Source: openeventdata/petrarch2 @676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT, Copyright (c) 2015
Open Event Data Alliance); the MIT notice is copied into the output's header. The output is a LOWER-PRIORITY
layer of the pattern lexicon (events/lexicon.py): eventwatch's own patterns (patterns.tsv) win whenever one of
them matches.

What maps (see patterns.tsv for our syntax):
  verb block  ``---  NAME  [code]  ---``  with member verbs   -> ``verb`` (bare) with the block's code, unless ---
  member ``+CARRY_OUT``                                     -> verb carry with +prt=out (+prep=P for a preposition)
  ``- * WORD``, ``- * {A B}``                              -> +dobj=word / +dobj=b +amod=a
  ``- * OUT WORD``                                         -> +prt=out +dobj=word
  ``- * (PREP WORD)``, ``- * (PREP)``                       -> +prep=prep>word / +prep=prep
  ``&SYNSET`` in any place                                 -> its words, as alternatives
  ``- WORD *`` / ``- &SYNSET *``                            -> +subj=word|...
  code ``[a:b]`` -> a; ``[:b]`` (an event from object to subject) is skipped; ``[---]`` -> a null pattern
  (the verb with that construction codes no event)
By default only the lexical selection ships (see ``lexical``; --all writes everything).

Measured on the own event set (``eventwatch eval events labels/events``; det P / det R / root F1 / quiet per 100):
  main (692024d), no converted layer         tune 0.640 0.381 0.239  7.53   test 0.511 0.391 0.241  9.14
  + the whole dictionary (--all)             tune 0.475 0.586 0.200 30.82   test 0.377 0.613 0.180 31.72
  + the lexical selection only               tune 0.625 0.398 0.242  8.06   test 0.519 0.417 0.259 10.22
  with patterns_extra.tsv, layer off         tune 0.661 0.435 0.297  7.71   test 0.514 0.404 0.266  9.14
  with patterns_extra.tsv, layer on          tune 0.647 0.452 0.290  8.42   test 0.524 0.435 0.274 10.22
On tune the layer adds recall at a loss of precision and root F1 (one more event matched by root for 43 false
ones before our additions), so it is off by default: ``--extra '{"events_cameo": true}'`` on eval, or
Settings(extra={"events_cameo": True}), switches it on. The dictionary may have seen CAMEO codebook sentences:
dev figures with it (cameo_manual root accuracy 0.821) are not independent.
A pattern is given to the verb its comment names (``# RUSH``), else to the block's first verb. The markers
$ + ^ % (source, target, skip, compound) carry no lexical constraint and are dropped. Patterns with codes the
CAMEO table (events/data/cameo_codes.tsv) does not know are skipped and counted on stderr.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

PARTICLES = {"OUT", "UP", "DOWN", "OFF", "BACK", "AWAY", "OVER", "FORWARD", "ASIDE", "TOGETHER", "AROUND"}
MEMBER_PARTICLES = PARTICLES | {"IN", "ON"}
PREPOSITIONS = {"BY", "FOR", "AT", "WITH", "TO", "FROM", "AGAINST", "INTO", "OF", "ABOUT", "ON", "IN", "UPON",
                "OVER", "UNDER", "BEFORE", "AFTER", "BEHIND", "AROUND", "ALONG", "TOWARD", "TOWARDS", "NEAR",
                "ACROSS", "THROUGH", "WITHIN", "OUTSIDE", "INSIDE", "BETWEEN", "AMONG", "DURING", "OFF", "OUT",
                "ASIDE", "AS", "ONTO"}
MARKERS = {"$", "+", "^", "%", "_"}
ELEMENT = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")
PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


class Lemmas:
    """spaCy's own lemmas of dictionary words, so the converted patterns meet the matcher's lemmas."""

    def __init__(self) -> None:
        from spacy.tokens import Doc

        from eventwatch.nlp import load_model
        self.nlp = load_model()
        self.doc_cls = Doc
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, word: str, pos: str) -> str:
        key = (word, pos)
        if key not in self.cache:
            doc = self.doc_cls(self.nlp.vocab, words=[word.lower()], pos=[pos])
            self.cache[key] = self.nlp.get_pipe("lemmatizer")(doc)[0].lemma_.lower() or word.lower()
        return self.cache[key]


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("&"):
            name = s
            sets[name] = []
        elif s.startswith("+") and name:
            sets[name].append(s[1:].strip())
        elif not s:
            name = None
    return sets


def words_of(item: str, synsets: dict[str, list[str]], lem: Lemmas, pos: str = "NOUN") -> list[str]:
    """A dictionary word (or &SYNSET, or A/B alternatives) as lemmas; multi-word entries are left out."""
    out: list[str] = []
    for alt in item.split("/"):
        alt = alt.strip()
        if alt.startswith("&"):
            entries = synsets.get(alt, []) or synsets.get(alt + "_", [])
        else:
            entries = [alt]
        for e in entries:
            e = e.rstrip("_")
            if not e or "_" in e or not re.fullmatch(r"[A-Za-z][A-Za-z'.-]*", e):
                continue
            out.append(lem(e, pos))
    return sorted(set(out))


def _noun_phrase(items: list[str], synsets, lem) -> tuple[list[str], list[str]]:
    """(head lemmas, modifier words) of a run of words or a {A B} group: the last word is the head."""
    if not items:
        return [], []
    head = words_of(items[-1], synsets, lem)
    mods = [m for it in items[-2:-1] for m in (words_of(it, synsets, lem, "ADJ") + [it.lower().rstrip("_")])
            if not it.startswith("&")]
    return head, sorted(set(mods))


def _split_group(el: str) -> list[str]:
    return [w for w in ELEMENT.findall(el.strip("{}()")) for w in w.strip("{}").split() if w not in MARKERS]


def convert_pattern(body: str, synsets, lem) -> list[str] | None:
    """Our constraints for one pattern body (the part before the code), or None when it cannot be expressed."""
    if body.count("*") != 1:
        return None
    before, after = body.split("*", 1)
    cons: list[str] = []
    subj = [w for w in ELEMENT.findall(before) if w not in MARKERS]
    if subj:
        heads, _ = _noun_phrase(_split_group(" ".join(subj)), synsets, lem)
        if not heads:
            return None
        cons.append("+subj=" + "|".join(heads))
    els = [e for e in ELEMENT.findall(after) if e not in MARKERS]
    if els and els[0] in PARTICLES:
        cons.append("+prt=" + els.pop(0).lower())
    run: list[str] = []
    objects = 0
    for el in els + ["()"]:
        if not el.startswith("("):
            run.extend(_split_group(el) if el.startswith("{") else [el])
            continue
        if run:
            heads, mods = _noun_phrase(run, synsets, lem)
            objects += 1
            if not heads or objects > 1:
                return None  # no usable head, or a second object noun phrase: not in our syntax
            cons.append("+dobj=" + "|".join(heads))
            if mods:
                cons.append("+amod=" + "|".join(mods))
            run = []
        inner = _split_group(el)
        if not inner:
            continue
        preps = inner[0].upper().split("/")
        if any(p not in PREPOSITIONS for p in preps):
            return None
        heads, _ = _noun_phrase(inner[1:], synsets, lem)
        if inner[1:] and not heads:
            return None
        cons.append("+prep=" + "|".join(p.lower() for p in preps) + (">" + "|".join(heads) if heads else ""))
    return cons


def read_blocks(lines: list[str]):
    """Yield (header name, default code, [(member key, own code or None)], [(pattern body, code, comment)])."""
    block = None
    for line in lines:
        m = HEADER.match(line)
        if m:
            if block:
                yield block
            block = (m.group(1), m.group(2).strip(), [], [])
            continue
        if block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        p = PATTERN.match(line.strip())
        if line.startswith("-") and p:
            block[3].append((p.group(1), p.group(2).strip(), (p.group(3) or "").strip()))
        elif not line.startswith("-"):
            body = line.split("#")[0]
            own = re.search(r"\[([^\]]*)\]", body)   # a member with its own default code: "OBJECT [120]"
            word = re.sub(r"\[[^\]]*\]", "", body).split("{")[0].strip()
            if word:
                block[2].append((word.lstrip("+"), own.group(1).strip() if own else None))
    if block:
        yield block


def member_pattern(key: str, lem: Lemmas) -> tuple[str, list[str]] | None:
    """The verb lemma and constraints of a block member ("CARRY_OUT" -> carry, [+prt=out])."""
    parts = [p for p in key.split("_") if p]
    if not parts or not re.fullmatch(r"[A-Za-z-]+", parts[0]):
        return None
    verb = lem(parts[0], "VERB")
    if len(parts) == 1:
        return verb, []
    if len(parts) == 2 and parts[1] in MEMBER_PARTICLES:
        return verb, ["+prt=" + parts[1].lower()]
    if len(parts) == 2 and parts[1] in PREPOSITIONS:
        return verb, ["+prep=" + parts[1].lower()]
    return None


def convert(path: Path, known_code) -> tuple[list[tuple[str, str, str]], Counter]:
    lines = path.read_text("utf-8", errors="replace").splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith("####### VERB PATTERNS"))
    end = next((i for i, s in enumerate(lines) if s.startswith("######## TRANSFORMATIONS")), len(lines))
    lem = Lemmas()
    synsets = read_synsets(lines[:start])
    rows: list[tuple[str, str, str]] = []
    stats: Counter = Counter()
    for name, default, members, patterns in read_blocks(lines[start:end]):
        verbs = {k.upper(): member_pattern(k, lem) for k, _ in members}
        verbs = {k: v for k, v in verbs.items() if v}
        own = {k.upper(): c for k, c in members if c and k.upper() in verbs}
        if not verbs:
            stats["block without a usable verb"] += 1
            continue
        first = next(iter(verbs))
        for key, (v, c) in verbs.items():
            code = own.get(key, default)
            if code != "---" and known_code(code):
                rows.append((code, " ".join([v, *c]), f"{name} block"))
            elif code != "---":
                stats[f"unknown default code {code}"] += 1
        for body, codes, comment in patterns:
            code = codes.split(":")[0].strip()
            if not code:
                stats["object-to-subject code [:x] skipped"] += 1
                continue
            if code != "---" and not known_code(code):
                stats["unknown code"] += 1
                continue
            cons = convert_pattern(body, synsets, lem)
            if cons is None or not cons:
                stats["pattern not expressible"] += 1
                continue
            src = (comment.split() or [first])[0].upper()
            verb, vcons = verbs.get(src) or verbs[first]
            for alt in _prep_alternatives(cons):
                rows.append((code, " ".join([verb, *vcons, *alt]), f"{name}: {comment or first}"))
            stats["patterns converted"] += 1
    return _dedup(rows), stats


def lexical(row: tuple[str, str, str]) -> bool:
    """The selection that ships: null patterns and patterns that name an object word (+dobj=, +prep=P>word).
    Block defaults and particle-, preposition- or subject-only patterns are too broad outside PETRARCH's own
    actor-position matching."""
    code, pat, src = row
    return code == "---" or (not src.endswith(" block") and ("+dobj=" in pat or re.search(r"\+prep=\S+>", pat) is not None))


def _prep_alternatives(cons: list[str]) -> list[list[str]]:
    """'+prep=by|with>x' as two patterns (in our syntax alternatives with an object would all be required)."""
    out: list[list[str]] = [[]]
    for c in cons:
        preps, _, objs = c[len("+prep="):].partition(">") if c.startswith("+prep=") else ("", "", "")
        if c.startswith("+prep=") and objs and "|" in preps:
            out = [o + [f"+prep={p}>{objs}"] for o in out for p in preps.split("|")]
        else:
            out = [o + [c] for o in out]
    return out


def _dedup(rows):
    seen, out = set(), []
    for code, pat, src in rows:
        if (code, pat) not in seen:
            seen.add((code, pat))
            out.append((code, pat, src))
    return out


def header(source: Path) -> str:
    notice = []
    take = False
    for line in source.read_text("utf-8", errors="replace").splitlines():
        if line.startswith("# The MIT License"):
            take = True
        if take:
            if not line.startswith("#"):
                break
            notice.append(line)
            if "OTHER DEALINGS IN THE SOFTWARE" in line:
                break
    return "\n".join([
        "# eventwatch event patterns CONVERTED from the PETRARCH-2 verb-pattern dictionary (a lower-priority layer:",
        "# the patterns of patterns.tsv, our own, win whenever one of them matches; see events/lexicon.py).",
        "# Source: openeventdata/petrarch2 @676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt (last update",
        "# 30 April 2015), composite of the TABARI CAMEO dictionaries and WordNet synonym sets.",
        "# Converted by scripts/convert_cameo_verbs.py (verb blocks, synsets and the patterns that map onto our",
        "# syntax: object, particle, preposition and subject constraints); code --- = the construction codes no event.",
        "# Selection: null patterns and patterns that name an object word (lexical() in the script; --all for all).",
        "# Loaded only with Settings(extra={'events_cameo': True}): on the own set's tune split it cost precision.",
        "# Columns: code<TAB>pattern (syntax of patterns.tsv)<TAB>source block and verb of the original pattern.",
        "# The original's licence notice, which must be kept with this file:",
        "#",
        *notice,
        "#",
        "# code\tpattern\tsource",
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path)
    ap.add_argument("--all", action="store_true",
                    help="also the block defaults (bare verbs) and patterns with no word constraint; measured on the own "
                         "set's tune split they multiply false events (det P 0.65 -> 0.48, quiet/100 8 -> 31)")
    opts = ap.parse_args()
    from eventwatch.events.codes import lookup

    rows, stats = convert(opts.source, lambda c: lookup(c) is not None)
    if not opts.all:
        rows = [r for r in rows if lexical(r)]
    print(header(opts.source))
    for code, pat, src in rows:
        print(f"{code}\t{pat}\t{src}")
    for k, v in sorted(stats.items()):
        print(f"{k}: {v}", file=sys.stderr)
    print(f"rows written: {len(rows)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
