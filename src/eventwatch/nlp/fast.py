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

import re

import numpy

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

log = logging.getLogger(__name__)

FAST_NAME = "eventwatch_attribute_lookup"
LEMMA_NAME = "eventwatch_lemma_lookup"


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


# token attributes the rule patterns may test, as columns of the array ``AttributeLookup`` reads
COLUMNS = {"TAG": 0, "POS": 1, "MORPH": 2, "LOWER": 3, "DEP": 4, "IS_SPACE": 5, "ORTH": 6}
_TESTABLE = {"LOWER", "TAG", "DEP", "IS_SPACE", "ORTH"}
_INDEX_ORDER = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")


def _compile_spec(spec: dict, add) -> list[tuple] | None:
    """One token's predicates as (column, kind, values) checks; None when one is not supported."""
    checks = []
    for attr, value in spec.items():
        if attr not in _TESTABLE:
            return None
        col = COLUMNS[attr]
        if isinstance(value, bool):
            checks.append((col, "in", {int(value)}))
        elif isinstance(value, str):
            checks.append((col, "in", {add(value)}))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op == "IN" and all(isinstance(v, str) for v in arg):
                checks.append((col, "in", {add(v) for v in arg}))
            elif op == "NOT_IN" and all(isinstance(v, str) for v in arg):
                checks.append((col, "not_in", {add(v) for v in arg}))
            elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                checks.append((col, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return checks


def _index_key(checks: list[tuple]) -> tuple[int, set] | None:
    """The column and values to find the pattern's first token by lookup, if it has an exact test."""
    for attr in _INDEX_ORDER:
        for col, kind, values in checks:
            if col == COLUMNS[attr] and kind == "in":
                return col, values
    return None


class _DocByDoc:
    """``pipe`` for a component that works one document at a time."""

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class AttributeLookup(_DocByDoc):
    """The attribute rules by table lookups and compiled token tests, applied in the original order."""

    def __init__(self, nlp: Language, name: str = FAST_NAME):
        self.name = name
        self.vocab = nlp.vocab
        self.table: dict[int, dict[int, int]] = {}  # tag hash -> {POS: pos id, MORPH: morph hash}
        self.index: dict[int, dict[int, list]] = {}  # column -> value -> [(rule no, token tests, index)]
        self.scan: list = []  # patterns whose first token has no exact test: tried at every token
        self.attrs: list[dict] = []  # normalised attrs of every non-TAG rule, by rule number
        self.rest = AttributeRuler(nlp.vocab, name=name + "_rest")
        self.rest_ids: list[int] = []  # rule number of each rule left to the matcher
        self._regex_seen: dict[str, tuple[set[int], set[int]]] = {}  # pattern -> (values tested, values it matches)
        self._arrays: dict[int, tuple[set, numpy.ndarray]] = {}  # id of a test's value set -> (the set, as an array)
        self._index_keys: dict[int, numpy.ndarray] = {}  # column -> the values indexed in it, as an array

    def set_rules(self, tag_rules: list[dict], other_rules: list[dict]) -> None:
        """Fold the TAG rules into the table (a later rule wins, as in AttributeRuler); compile the others."""
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
        for n, rule in enumerate(other_rules):
            self.attrs.append(normalize_token_attrs(self.vocab, rule["attrs"]))
            compiled = [[_compile_spec(spec, self.vocab.strings.add) for spec in pattern] for pattern in rule["patterns"]]
            if any(c is None for pattern in compiled for c in pattern):
                self.rest.add_patterns([rule])
                self.rest_ids.append(n)
                continue
            for tests in compiled:
                entry = (n, tests, rule.get("index", 0))
                key = _index_key(tests[0])
                if key is None:
                    self.scan.append(entry)
                else:
                    col, values = key
                    for v in values:
                        self.index.setdefault(col, {}).setdefault(v, []).append(entry)
        self._index_keys = {col: numpy.fromiter(by_value, dtype=numpy.uint64, count=len(by_value))
                            for col, by_value in self.index.items()}

    def _token_ok(self, row: list[int], tests: list[tuple]) -> bool:
        for col, kind, values in tests:
            v = row[col]
            if kind == "in":
                if v not in values:
                    return False
            elif kind == "not_in":
                if v in values:
                    return False
            elif not self._regex_ok(values, v):
                return False
        return True

    def _tested(self, regex, values) -> set[int]:
        """The values (string hashes) ``regex`` finds something in, after testing those among ``values`` not
        tested before: each word form is tested once per process."""
        seen, found = self._regex_seen.setdefault(regex.pattern, (set(), set()))
        if len(seen) >= 200_000:  # a pure function of the value: starting afresh changes nothing
            seen.clear()
            found.clear()
        for value in set(values) - seen:
            seen.add(value)
            if regex.search(self.vocab.strings[value]) is not None:
                found.add(value)
        return found

    def _regex_ok(self, regex, value: int) -> bool:
        seen, found = self._regex_seen.get(regex.pattern, ((), ()))
        return value in found if value in seen else value in self._tested(regex, (value,))

    def _as_array(self, values: set) -> numpy.ndarray:
        found = self._arrays.get(id(values))
        if found is None or found[0] is not values:
            found = self._arrays[id(values)] = (values, numpy.fromiter(values, dtype=numpy.uint64, count=len(values)))
        return found[1]

    def _first_token_mask(self, arr: numpy.ndarray, tests: list[tuple]) -> numpy.ndarray:
        """Tokens that pass a pattern's first-token tests, computed column-wise."""
        mask = numpy.ones(len(arr), dtype=bool)
        for col, kind, values in tests:
            column = arr[:, col]
            if kind == "in":
                mask &= numpy.isin(column, self._as_array(values))
            elif kind == "not_in":
                mask &= ~numpy.isin(column, self._as_array(values))
            else:
                found = self._tested(values, column.tolist())
                mask &= numpy.isin(column, numpy.fromiter(found, dtype=numpy.uint64, count=len(found)))
        return mask

    def _starts(self, arr: numpy.ndarray) -> tuple[list[int], set[int]]:
        """Positions where some pattern's first token can match (the only ones the matching loop visits),
        and among them those where a pattern without an index key can."""
        mask = numpy.zeros(len(arr), dtype=bool)
        for col, keys in self._index_keys.items():
            mask |= numpy.isin(arr[:, col], keys)
        scan = numpy.zeros(len(arr), dtype=bool)
        for _n, tests, _at in self.scan:
            scan |= self._first_token_mask(arr, tests[0])
        return numpy.flatnonzero(mask | scan).tolist(), set(numpy.flatnonzero(scan).tolist())

    def _hits(self, arr: numpy.ndarray, rows: list[list[int]]) -> set[tuple[int, int, int, int]]:
        """(rule no, start, end, index) of every match, as the Matcher would find them."""
        hits = set()
        n_tok = len(rows)
        index = [(col, by_value.get) for col, by_value in self.index.items()]
        ok = self._token_ok
        starts, scan_at = self._starts(arr)
        for i in starts:
            row = rows[i]
            candidates = self.scan if i in scan_at else []
            for col, get in index:
                found = get(row[col])
                if found:
                    candidates = candidates + found
            for n, tests, at in candidates:
                if len(tests) == 1:
                    if ok(row, tests[0]):
                        hits.add((n, i, i + 1, at))
                    continue
                end = i + len(tests)
                if end <= n_tok and all(ok(rows[i + k], t) for k, t in enumerate(tests)):
                    hits.add((n, i, end, at))
        return hits

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        arr = doc.to_array([TAG, POS, MORPH, LOWER, DEP, IS_SPACE, ORTH])
        rows = arr.tolist()
        hits = self._hits(arr, rows)
        if self.rest_ids:
            for local, _mid, start, end in self.rest.match(doc):
                hits.add((self.rest_ids[local], start, end, self.rest.indices[local]))
        self._apply_table(arr)
        doc.from_array([POS, MORPH], numpy.ascontiguousarray(arr[:, 1:3]))
        for n, start, end, index in sorted(hits):
            set_token_attrs(doc[(start if index >= 0 else end) + index], self.attrs[n])  # Span(doc, start, end)[index]
        return doc

    def _apply_table(self, arr: numpy.ndarray) -> None:
        """Write the TAG rules' POS and MORPH into columns 1 and 2, one lookup per distinct tag."""
        tags, where = numpy.unique(arr[:, 0], return_inverse=True)
        where = where.reshape(-1)
        for col, attr in ((1, POS), (2, MORPH)):
            found = [self.table.get(int(tag), {}).get(attr) for tag in tags]
            has = numpy.fromiter((v is not None for v in found), dtype=bool, count=len(found))
            if has.any():
                values = numpy.fromiter((v or 0 for v in found), dtype=numpy.uint64, count=len(found))
                arr[:, col] = numpy.where(has[where], values[where], arr[:, col])



@Language.factory(FAST_NAME)
def _make_lookup(nlp: Language, name: str):
    return AttributeLookup(nlp, name)


class LemmaLookup(_DocByDoc):
    """The rule lemmatizer's lemmas by one table lookup per token, keyed as spaCy's own cache is."""

    def __init__(self, nlp: Language, name: str = LEMMA_NAME):
        self.name = name
        self.vocab = nlp.vocab
        self.lemmatizer = None  # the model's lemmatizer, which computes every lemma not seen yet
        self.table: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    MAX_ENTRIES = 500_000  # the lemma is a function of the key, so emptying the table changes no output

    def _lemma(self, token) -> int:
        if len(self.table) >= self.MAX_ENTRIES:
            self.table.clear()
            self.lemmatizer.cache.clear()  # spaCy's own per-form cache grows the same way
        return self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])

    def __call__(self, doc):
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        table, changed = self.table, False
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = table.get(key)
            if value is None:
                value = table[key] = self._lemma(doc[i])
            arr[i, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], numpy.ascontiguousarray(arr[:, 3:4]))
        return doc



@Language.factory(LEMMA_NAME)
def _make_lemma_lookup(nlp: Language, name: str):
    return LemmaLookup(nlp, name)


def _is_rule_lemmatizer(component) -> bool:
    from spacy.pipeline import Lemmatizer

    return isinstance(component, Lemmatizer) and component.mode == "rule" and type(component).rule_lemmatize is Lemmatizer.rule_lemmatize


def _index_as_sets(lemmatizer) -> None:
    """Replace the lemmatizer's per-POS word lists (searched with ``in``) by sets of the same words."""
    from spacy.lookups import Table

    if "lemma_index" not in lemmatizer.lookups:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    as_sets = Table(name="lemma_index")
    for key, words in index.items():
        as_sets[key] = frozenset(words) if isinstance(words, list) else words
    lemmatizer.lookups.set_table("lemma_index", as_sets)


def speed_up_lemmatizer(nlp: Language) -> Language:
    """Swap a rule-mode lemmatizer for the lookup version (idempotent; other lemmatizers stay)."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    original = nlp.get_pipe("lemmatizer")
    if isinstance(original, LemmaLookup) or not _is_rule_lemmatizer(original):
        return nlp
    _index_as_sets(original)
    fast = nlp.replace_pipe("lemmatizer", LEMMA_NAME)
    fast.lemmatizer = original
    fast.name = "lemmatizer"
    log.info("lemmatizer: lemmas by (text, POS, morphology) lookup")
    return nlp


def speed_up(nlp: Language) -> Language:
    """Swap the model's attribute_ruler and lemmatizer for the exact lookup versions and its entity
    recogniser's decoding for the numpy one (nlp/greedy_ner.py) (idempotent)."""
    from eventwatch.nlp.greedy_ner import speed_up_ner

    speed_up_lemmatizer(nlp)
    speed_up_ner(nlp)
    return speed_up_attribute_ruler(nlp)


def speed_up_attribute_ruler(nlp: Language) -> Language:
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
