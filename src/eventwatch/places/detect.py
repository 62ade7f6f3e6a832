"""Detection: which words of a document name places.

Three sources, merged without overlaps (longest first):

1. spaCy GPE/LOC/FAC entities, trimmed ("the", "'s", and a trailing "province"/"city"...);
2. gazetteer matches among capitalised words that the model missed or mislabelled ("Lashkargah"
   tagged ORG, "Balkh" tagged PERSON, "KABUL" tagged ORG) or that sit inside a longer name or a
   modifier ("Kabul police", "the Kandahar offensive"); these must pass stricter tests: not in the
   stop-list, not part of a person's name, and a country, a division, a continent or a town of at
   least ``MIN_POPULATION`` inhabitants;
3. demonyms ("Afghan", "British") are collected as country *context* only, never as places.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from eventwatch.places.gazetteer import NAME_ALIAS, NAME_ALT, Candidate, demonyms, normalise, read_word_list

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MIN_POPULATION = 15000           # towns found by the gazetteer alone (no GPE/LOC tag) must be this big
MIN_POPULATION_IN_PERSON = 100000  # a one-word PERSON entity that is really a place ("Balkh")
MAX_NGRAM = 4


@dataclass
class Mention:
    start: int           # char offsets into the doc text
    end: int
    text: str
    key: str             # normalised lookup key
    from_entity: bool    # spaCy tagged it GPE/LOC/FAC
    candidates: list[Candidate]


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    return read_word_list("stoplist.tsv")


@lru_cache(maxsize=1)
def generic_suffixes() -> frozenset[str]:
    return read_word_list("generic_suffixes.tsv")


def trim_entity(span: Span) -> tuple[int, int]:
    """Token range of an entity without a leading article or trailing possessive/punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _capitalised(tok) -> bool:
    text = tok.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _entity_variants(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The entity itself, then without a trailing generic word ("Helmand province" -> "Helmand")."""
    out = [(start, end)]
    if end - start > 1 and normalise(doc[end - 1].text) in generic_suffixes():
        out.append((start, end - 1))
    return out


def entity_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            start, end = trim_entity(ent)
            if end > start:
                spans.append((start, end))
    return spans


def capitalised_ngrams(doc: Doc, max_n: int = MAX_NGRAM) -> list[tuple[int, int]]:
    """Token ranges of 1..max_n consecutive capitalised words (allowing inner 'of', hyphens)."""
    out = []
    n_tokens = len(doc)
    for i, tok in enumerate(doc):
        if not _capitalised(tok):
            continue
        j = i
        while j < n_tokens and j - i < max_n:
            t = doc[j]
            if not (_capitalised(t) or (j > i and t.text in ("-", "of", "de", "el", "al") and j + 1 < n_tokens
                                        and _capitalised(doc[j + 1]))):
                break
            j += 1
            if _capitalised(doc[j - 1]):
                out.append((i, j))
    return out


def _person_words(doc: Doc) -> set[str]:
    """Normalised words of multi-word PERSON names (so 'Marshall' of 'Marshall Dostum' is no town)."""
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(normalise(t.text) for t in ent if t.is_alpha)
    return words


def _token_labels(doc: Doc) -> list[str]:
    labels = [""] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


def _ok_gazetteer_only(cands: list[Candidate], min_pop: int) -> bool:
    return any(c.feature in ("country", "admin1", "other") or c.population >= min_pop for c in cands)


def acronym_filter(surface: str, cands: list[Candidate]) -> list[Candidate]:
    """Short all-capital words ("UN", "US") name places only through an alias ("US" -> United States)."""
    letters = [ch for ch in surface if ch.isalpha()]
    if letters and len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return [c for c in cands if c.name_kind == NAME_ALIAS]
    return cands


def _keep(cands: list[Candidate], min_pop: int) -> list[Candidate]:
    return [c for c in cands if c.feature in ("country", "admin1", "other") or c.population >= min_pop]


def detect(doc: Doc, gazetteer) -> tuple[list[Mention], set[str]]:
    """(place mentions, alpha-2 codes of countries named by demonyms) for one document."""
    stop = stoplist()
    ent_ranges = entity_spans(doc)
    labels = _token_labels(doc)
    gaz_ranges = capitalised_ngrams(doc)
    keys = {}
    for s, e in ent_ranges:
        for vs, ve in _entity_variants(doc, s, e):
            keys[(vs, ve)] = normalise(doc[vs:ve].text)
    for s, e in gaz_ranges:
        keys.setdefault((s, e), normalise(doc[s:e].text))
    found = gazetteer.lookup(list(keys.values()))
    dem = demonyms()

    mentions: list[Mention] = []
    taken = [False] * len(doc)

    def add(s: int, e: int, key: str, from_entity: bool, cands: list[Candidate]) -> None:
        span = doc[s:e]
        mentions.append(Mention(span.start_char, span.end_char, span.text, key, from_entity, cands))
        for i in range(s, e):
            taken[i] = True

    for s, e in sorted(ent_ranges, key=lambda r: r[0] - r[1]):
        if any(taken[s:e]):
            continue
        for vs, ve in _entity_variants(doc, s, e):
            key = keys[(vs, ve)]
            if key in stop or key in dem:
                break
            cands = acronym_filter(doc[vs:ve].text, found.get(key, []))
            if (vs, ve) != (s, e):  # "Franklin County" -> towns named Franklin, not alternate names
                cands = [c for c in cands if c.name_kind != NAME_ALT]
            if cands:
                add(vs, ve, key, True, cands)
                break

    person_words = _person_words(doc)
    for s, e in sorted(gaz_ranges, key=lambda r: (r[0] - r[1], r[0])):
        if any(taken[s:e]):
            continue
        key = keys[(s, e)]
        cands = acronym_filter(doc[s:e].text, found.get(key, []))
        if not cands or key in stop or key in dem:
            continue
        if any(normalise(doc[i].text) in stop for i in range(s, e)) and e - s == 1:
            continue
        inside = {labels[i] for i in range(s, e)}
        if "PERSON" in inside:
            if not _person_entity_place(doc, s, e, key, person_words):
                continue
            if not _ok_gazetteer_only(cands, MIN_POPULATION_IN_PERSON):
                continue
            min_pop = MIN_POPULATION
        else:
            if any(normalise(doc[i].text) in person_words for i in range(s, e)):
                continue
            if any(doc[i].is_stop for i in range(s, e)):
                continue
            min_pop = MIN_POPULATION
        if not _ok_gazetteer_only(cands, min_pop):
            continue
        add(s, e, key, False, _keep(cands, min_pop))

    demonym_countries = {dem[normalise(t.text)] for t in doc if t.text[:1].isupper() and normalise(t.text) in dem}
    mentions.sort(key=lambda m: m.start)
    return mentions, demonym_countries


def _person_entity_place(doc: Doc, s: int, e: int, key: str, person_words: set[str]) -> bool:
    """A PERSON entity that is exactly one known place name and no part of another person's name."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= s and e <= ent.end:
            start, end = trim_entity(ent)
            return (start, end) == (s, e) and e - s == 1 and key not in person_words
    return False
