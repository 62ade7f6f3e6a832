"""Exact-output speed-ups of the spaCy pipeline (``Settings.fast_nlp``, on by default).

Profiled on BBC articles with ``en_core_web_sm`` (``benchmarks/profile_nlp.py``), the
``attribute_ruler`` takes about an eighth of the model time: its Matcher creates a Span and sets
attributes for every token once per matching rule, although most rules are "this TAG gets this
POS and MORPH". ``speed_up(nlp)`` swaps it for a component that applies those one-token TAG
rules with one table lookup and one array write per document, and runs the remaining rules
(words, dependency labels, spaces, multi-token) through a regular ``AttributeRuler`` in their
original order. The result is the same annotation: the swap is made only when every TAG rule
precedes every other rule (so rule precedence is unchanged) and no other rule reads what the
TAG rules write; otherwise the original component stays.
"""
from __future__ import annotations

import logging

import numpy
from spacy.attrs import DEP, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

log = logging.getLogger(__name__)

FAST_NAME = "eventwatch_attribute_lookup"


def _is_tag_rule(rule: dict) -> bool:
    return rule.get("index", 0) == 0 and all(
        len(pattern) == 1 and set(pattern[0]) == {"TAG"} for pattern in rule["patterns"])


def _tags(rule: dict) -> list[str]:
    out = []
    for pattern in rule["patterns"]:
        value = pattern[0]["TAG"]
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict) and set(value) == {"IN"}:
            out.extend(value["IN"])
        else:
            raise ValueError(f"TAG predicate not supported: {value!r}")
    return out


def split_rules(rules: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """(TAG rules, other rules) when the TAG rules can be applied first by lookup; else None."""
    simple = [i for i, r in enumerate(rules) if _is_tag_rule(r)]
    other = [i for i, r in enumerate(rules) if i not in set(simple)]
    if not simple or (other and max(simple) > min(other)):
        return None
    written = {k for i in simple for k in rules[i]["attrs"]}
    if not written <= {"POS", "MORPH"}:
        return None
    read = {k.upper() for i in other for p in rules[i]["patterns"] for tok in p for k in tok}
    if read & {"POS", "MORPH"}:
        return None
    try:
        for i in simple:
            _tags(rules[i])
    except ValueError:
        return None
    return [rules[i] for i in simple], [rules[i] for i in other]


_KEYED_ATTRS = {"LOWER", "TAG", "DEP"}


def _values(spec) -> list[str] | None:
    """An exact-match predicate's values (a string or {"IN": [...]}), else None."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
        return list(spec["IN"])
    return None


def _is_keyed(rule: dict) -> bool:
    """A one-token rule on the word (LOWER), optionally with TAG/DEP, all exact values."""
    if rule.get("index", 0) not in (0, -1):
        return False
    for pattern in rule["patterns"]:
        if len(pattern) != 1 or "LOWER" not in pattern[0] or not set(pattern[0]) <= _KEYED_ATTRS:
            return False
        if any(_values(v) is None for v in pattern[0].values()):
            return False
    return True


class AttributeLookup:
    """The attribute rules by table lookups, the rest by matcher, applied in the original order."""

    def __init__(self, nlp: Language, name: str = FAST_NAME):
        self.name = name
        self.vocab = nlp.vocab
        self.table: dict[int, dict[int, int]] = {}  # tag hash -> {POS: pos id, MORPH: morph hash}
        self.by_lower: dict[int, list[tuple[int, dict[int, set[int]]]]] = {}  # lower hash -> [(rule no, {attr: hashes})]
        self.attrs: list[dict] = []  # normalised attrs of every non-TAG rule, by rule number
        self.rest = AttributeRuler(nlp.vocab, name=name + "_rest")
        self.rest_ids: list[int] = []  # rule number of each matcher rule

    def set_rules(self, tag_rules: list[dict], other_rules: list[dict]) -> None:
        """Fold the TAG rules into the table (a later rule wins, as in AttributeRuler); index the word rules."""
        from spacy.pipeline.attributeruler import normalize_token_attrs
        from spacy.tokens import Doc
        from spacy.tokens._retokenize import set_token_attrs

        for rule in tag_rules:
            token = Doc(self.vocab, words=["x"])[0]
            set_token_attrs(token, normalize_token_attrs(self.vocab, rule["attrs"]))
            values = {}
            if "POS" in rule["attrs"]:
                values[POS] = token.pos
            if "MORPH" in rule["attrs"]:
                values[MORPH] = token.morph.key
            for tag in _tags(rule):
                self.table.setdefault(self.vocab.strings.add(tag), {}).update(values)
        add = self.vocab.strings.add
        for n, rule in enumerate(other_rules):
            self.attrs.append(normalize_token_attrs(self.vocab, rule["attrs"]))
            if not _is_keyed(rule):
                self.rest.add_patterns([rule])
                self.rest_ids.append(n)
                continue
            for pattern in rule["patterns"]:
                spec = pattern[0]
                checks = {{"TAG": TAG, "DEP": DEP}[k]: {add(v) for v in _values(val)}
                          for k, val in spec.items() if k != "LOWER"}
                for word in _values(spec["LOWER"]):
                    self.by_lower.setdefault(add(word), []).append((n, checks))

    def _hits(self, doc, arr) -> list[tuple[int, int]]:
        """(rule number, token index) of every word-rule match, like the matcher would give."""
        hits = []
        for i, lower in enumerate(arr[:, 3].tolist()):
            for n, checks in self.by_lower.get(lower, ()):
                if all(int(arr[i, 0 if attr == TAG else 4]) in ok for attr, ok in checks.items()):
                    hits.append((n, i))
        return hits

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        arr = doc.to_array([TAG, POS, MORPH, LOWER, DEP])
        for i, tag in enumerate(arr[:, 0].tolist()):
            hit = self.table.get(tag)
            if hit:
                if POS in hit:
                    arr[i, 1] = hit[POS]
                if MORPH in hit:
                    arr[i, 2] = hit[MORPH]
        hits = [(n, i, i + 1, 0) for n, i in self._hits(doc, arr)]
        if self.rest_ids:
            for local, _mid, start, end in self.rest.match(doc):
                hits.append((self.rest_ids[local], start, end, self.rest.indices[local]))
        doc.from_array([POS, MORPH], numpy.ascontiguousarray(arr[:, 1:3]))
        for n, start, end, index in sorted(hits):
            set_token_attrs(Span(doc, start, end)[index], self.attrs[n])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory(FAST_NAME)
def _make_lookup(nlp: Language, name: str):
    return AttributeLookup(nlp, name)


def speed_up(nlp: Language) -> Language:
    """Swap the model's attribute_ruler for the exact lookup version (idempotent)."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup):
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    split = split_rules(ruler.patterns)
    if split is None:
        log.info("attribute_ruler rules do not allow the lookup speed-up; left as it is")
        return nlp
    fast = nlp.replace_pipe("attribute_ruler", FAST_NAME)
    fast.set_rules(*split)
    fast.name = "attribute_ruler"
    log.info("attribute_ruler: %d TAG rules as a lookup table, %d rules by matcher", len(split[0]), len(split[1]))
    return nlp
