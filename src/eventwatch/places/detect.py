"""Detection: which words of a document name places.

Three sources, merged without overlaps (longest first):

1. spaCy GPE/LOC/FAC entities, trimmed ("the", "'s", and a trailing "province"/"city"...);
2. gazetteer matches among capitalised words that the model missed or mislabelled ("Lashkargah"
   tagged ORG, "Balkh" tagged PERSON, "KABUL" tagged ORG) or that sit inside a longer name or a
   modifier ("Kabul police", "the Kandahar offensive"); these must pass stricter tests: capitalised,
   not a stop word or in the stop-list (``data/stoplist.tsv``), not part of a person's name, and a
   country, a division, a region or a town of at least ``MIN_POPULATION_WEAK`` inhabitants under its
   own name; the stage then keeps such a town only if the rest of the document supports it
   (``places.supported``);
3. demonyms ("Afghan", "British") are collected as country *context* only, never as places (a
   demonym says whose people act, which the actor stage records; not where an event happened).

The words of a political party's or a broadcaster's name that holds a place's name ("United Russia", "Pakistan
Muslim League", "Voice of America": ``data/org_names.tsv``) are no place; its country is context, like a demonym.

A name in capitals opening the text or a sentence before a dash is the article's dateline ("GLENWOOD - A man
..."): the gazetteer's match there is taken like a tagged name (``dateline_at``).

Three constructions are read before and after them: names listed before "counties"/"parishes" ("Ellis,
Navarro and Hill counties") are those counties, a division's press abbreviation that the tokenizer split
from its period after "Town," is the division ("Churchill, Man."), and a name right before ", Division"
is the division's town of that name however small or mis-tagged ("Churchill, Manitoba"). Inside an
organisation's name a town right after another capitalised word is part of the name ("Sarah Bush Lincoln
Hospital"), unless that word is a compass or size word (``data/region_prefixes.tsv``: "North Tulsa"); the second name of a
hyphenated pair is a town like the first ("Fargo-Moorhead"). A town's name inside a street's name is no place
("Denver Avenue", ``data/feature_words.tsv``). A single word that repeats the
first or last words of a person named earlier is that person ("Georgia Lane ... Georgia began").

Lists and repeats: a name listed beside towns the model tagged is a town of their division, however small
("Tunkhannock, Wyalusing, Laceyville and Towanda"); a small town the article places is the same town where its name
heads an organisation's name ("the Lanesboro Arts Center"); a bare name before a county office's word or after a
legislator's party letter is that county ("the Mingo Sheriff's Office", "D-Mingo"). A press abbreviation names its
division only with its dots or after "Town," ("Miss Ferreira" and "GA tickets" name none), and "400 BC" is an era.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from eventwatch.nlp.cache import column, entities, per_doc, span_chars, span_text
from eventwatch.nlp.cache import text as doc_text
from eventwatch.places.gazetteer import (DATA, NAME_ALIAS, NAME_ALT, Candidate, demonyms, normalise, read_tsv,
                                         read_word_list)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MIN_POPULATION = 15000           # towns found by the gazetteer alone (no GPE/LOC tag) must be this big
MIN_POPULATION_IN_PERSON = 100000  # a PERSON entity that is really a place ("Balkh")
MIN_POPULATION_WEAK = 1000       # smaller towns found by the gazetteer alone are never considered
MIN_POPULATION_BIG_CITY = 500000  # a city this big (or a capital) listed with towns is itself, not a namesake
MAX_NGRAM = 4


@dataclass
class Mention:
    start: int           # char offsets into the doc text
    end: int
    text: str
    key: str             # normalised lookup key
    from_entity: bool    # spaCy tagged it GPE/LOC/FAC
    candidates: list[Candidate]
    # found by the gazetteer alone: a town at least this big needs only its country named elsewhere
    # in the text; a smaller one needs its first-level division (see places.supported)
    support_pop: int = 0
    # found at the head of an organisation's name ("Gainesville Police Department"): spaCy saw a
    # name there, so a town of support_pop or more needs no other support
    org_head: bool = False
    tokens: tuple[int, int] = (0, 0)  # token range in the doc


class Entity(NamedTuple):
    """One spaCy entity of the document, read once (see ``doc_entities``)."""
    start: int
    end: int
    label: str                 # spaCy's label
    person: bool               # a PERSON that really names a person (``_is_person``)
    trimmed: tuple[int, int]   # trim_entity's token range

    @property
    def place_label(self) -> str:
        """The label, with mis-tagged PERSON names read as organisations."""
        return "ORG" if self.label == "PERSON" and not self.person else self.label


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    return read_word_list("stoplist.tsv")


@lru_cache(maxsize=1)
def generic_suffixes() -> frozenset[str]:
    return read_word_list("generic_suffixes.tsv")


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    return read_word_list("institution_words.tsv")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of an entity without a leading article or trailing possessive/punctuation."""
    lower, punct = column(doc, "lower_"), column(doc, "is_punct")
    while start < end and lower[start] in ("the", "a", "an"):
        start += 1
    while end > start and (lower[end - 1] in ("'s", "\u2019s", "'") or punct[end - 1]):
        end -= 1
    return start, end


def doc_entities(doc: Doc) -> tuple[Entity, ...]:
    """The document's entities with what detection asks of each, computed once per document."""
    return per_doc(doc, "places.entities", _read_entities)


def _read_entities(doc: Doc) -> tuple[Entity, ...]:
    return tuple(Entity(s, e, label, _is_person(doc, s, e, label), _trim(doc, s, e)) for s, e, label in entities(doc))


def _is_person(doc: Doc, start: int, end: int, label: str) -> bool:
    """A PERSON entity that really names a person, not a mis-tagged service ("Huntsville Fire")."""
    lower, words = column(doc, "lower_"), institution_words()
    return label == "PERSON" and not any(lower[k] in words for k in range(start, end))


@lru_cache(maxsize=65536)
def _capitalised_word(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


@lru_cache(maxsize=65536)
def normalise_word(text: str) -> str:
    """``normalise`` for words and names of a text (memoised: the same ones recur)."""
    return normalise(text)


def _entity_variants(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The entity itself, then without a trailing generic word ("Helmand province" -> "Helmand")."""
    out = [(start, end)]
    if end - start > 1 and normalise_word(column(doc, "text")[end - 1]) in generic_suffixes():
        out.append((start, end - 1))
    return out


def entity_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for ent in doc_entities(doc):
        if ent.label in PLACE_LABELS:
            start, end = ent.trimmed
            if end > start:
                spans.append((start, end))
    return spans


def capitalised_ngrams(doc: Doc, max_n: int = MAX_NGRAM) -> list[tuple[int, int]]:
    """Token ranges of 1..max_n consecutive capitalised words (allowing inner 'of', hyphens)."""
    out = []
    words = column(doc, "text")
    caps = [w[:1].isupper() and _capitalised_word(w) for w in words]
    n_tokens = len(words)
    for i in range(n_tokens):
        if not caps[i]:
            continue
        j = i
        while j < n_tokens and j - i < max_n:
            if not (caps[j] or (j > i and words[j] in ("-", "of", "de", "el", "al") and j + 1 < n_tokens
                                and caps[j + 1])):
                break
            j += 1
            if caps[j - 1]:
                out.append((i, j))
    return out


def _person_names(doc: Doc) -> list[tuple[tuple[int, int], set[str]]]:
    """Token range and normalised words of each multi-word PERSON name."""
    return per_doc(doc, "places.person_names", _read_person_names)


def _read_person_names(doc: Doc) -> list[tuple[tuple[int, int], set[str]]]:
    """(A tag that takes in a possessive, "Alexandria Commonwealth's", names an office, not a person.)"""
    words, alpha = column(doc, "text"), column(doc, "is_alpha")
    return [(ent.trimmed, {normalise_word(words[k]) for k in range(ent.start, ent.end) if alpha[k]})
            for ent in doc_entities(doc) if ent.person and ent.end - ent.start > 1
            and not any(words[k] in ("'s", "\u2019s") for k in range(ent.start, ent.end))]


def _token_labels(doc: Doc) -> list[str]:
    labels = [""] * len(doc)
    for ent in doc_entities(doc):
        label = ent.place_label
        for i in range(ent.start, ent.end):
            labels[i] = label
    return labels


def acronym_filter(surface: str, cands: list[Candidate]) -> list[Candidate]:
    """Short all-capital words ("UN", "US") and short ones capitalised at both ends ("MoD") name places
    only through an alias ("US" -> United States)."""
    letters = [ch for ch in surface if ch.isalpha()]
    if letters and len(letters) <= 4 and (all(ch.isupper() for ch in letters) or (
            letters[0].isupper() and letters[-1].isupper() and " " not in surface)):  # "MoD", "PoP"
        return [c for c in cands if c.name_kind == NAME_ALIAS]
    return cands


@lru_cache(maxsize=1)
def dotted_abbreviations() -> frozenset[str]:
    """Keys of the press abbreviations of ``data/aliases.tsv`` that are written with dots ("Miss.", "Ga.", "Pa.",
    "N.J.", "B.C.")."""
    rows = [r[0] for r in read_tsv(DATA / "aliases.tsv") if r and r[0]]
    undotted = {normalise(a) for a in rows if "." not in a}  # "US" is written so too
    return frozenset(normalise(a) for a in rows if a.endswith(".")) - undotted


ERA_KEYS = {"bc", "bce", "ad", "ce"}  # "200 B.C.", "400 BC": a year's era, not British Columbia


def abbreviation_filter(words: list[str], s: int, e: int, key: str, cands: list[Candidate]) -> list[Candidate]:
    """A press abbreviation names its division only as the press writes it: with its dots ("Jackson, Miss.",
    "Trenton, N.J.") or right after "Town," ("Newark, NJ"). Without them the word is a title ("Miss Ferreira"), a
    ticket ("GA tickets"), a news agency ("PA") or an era ("400 BC"); after a number it is an era even with its
    dots ("200 B.C.")."""
    if key in ERA_KEYS and s > 0 and any(ch.isdigit() for ch in words[s - 1]):
        return [c for c in cands if c.name_kind != NAME_ALIAS]
    if key not in dotted_abbreviations():
        return cands
    dotted = "." in "".join(words[s:e]) or (e < len(words) and words[e] == ".")
    after_town = s >= 2 and words[s - 1] == "," and words[s - 2][:1].isupper()
    if dotted or after_town:
        return cands
    return [c for c in cands if c.name_kind != NAME_ALIAS]


def _keep(cands: list[Candidate], min_pop: int) -> list[Candidate]:
    """Candidates worth keeping for a gazetteer-only match: divisions and countries, big towns,
    and small towns under their own name (not an alternate name)."""
    return [c for c in cands if c.feature in ("country", "admin1", "other") or c.population >= MIN_POPULATION
            or (c.population >= min_pop and c.name_kind != NAME_ALT)]


def _org_head(doc: Doc, s: int, e: int, cands: list[Candidate]) -> bool:
    """Tokens s..e lead an organisation's name ("Gainesville Police Department"); an organisation tag on
    the name alone ("St. Clair said") is such a sign only for a big town's name."""
    for ent in doc_entities(doc):
        if ent.start <= s < ent.end:
            return ent.place_label == "ORG" and ent.trimmed[0] == s and (
                ent.trimmed[1] > e or any(c.population >= MIN_POPULATION_IN_PERSON for c in cands))
    return False


class FeatureWord(NamedTuple):
    words: tuple[str, ...]  # normalised words ("national", "park")
    before: bool            # stands before the name ("Lake Vermont"), else after ("Griffith Park")
    scope: str              # 'all': the name inside is no place at all; 'divisions': no country or division;
    # 'towns': no town (a county or a division stays: "Otter Tail County Road 80")


@lru_cache(maxsize=1)
def feature_words() -> tuple[FeatureWord, ...]:
    """Words before or after a name that make it part of another feature's name (``data/feature_words.tsv``)."""
    return tuple(FeatureWord(tuple(normalise(w).split()), where == "before", scope)
                 for w, where, scope in read_tsv(DATA / "feature_words.tsv"))


@lru_cache(maxsize=1)
def _feature_words_by_neighbour() -> dict[tuple[bool, str], tuple[FeatureWord, ...]]:
    """``feature_words`` by (before, the feature word next to the name): the last word of one that stands before
    it ("Lake"), the first of one after it ("Park", "National")."""
    out: dict[tuple[bool, str], list[FeatureWord]] = {}
    for fw in feature_words():
        out.setdefault((fw.before, fw.words[-1] if fw.before else fw.words[0]), []).append(fw)
    return {k: tuple(v) for k, v in out.items()}


def inside_feature_name(words: list[str], s: int, e: int) -> FeatureWord | None:
    """The capitalised feature word(s) right before or after tokens s..e, which make them part of a longer
    feature's name ("Lake Ontario", "Griffith Park", "Zion National Park"), if there are any."""
    table = _feature_words_by_neighbour()
    near = []
    if s > 0 and words[s - 1][:1].isupper():
        near += table.get((True, normalise_word(words[s - 1])), ())
    if e < len(words) and words[e][:1].isupper():
        near += table.get((False, normalise_word(words[e])), ())
    for fw in near:
        n = len(fw.words)
        span = words[s - n:s] if fw.before else words[e:e + n]
        if (len(span) == n and (s >= n or not fw.before) and all(w[:1].isupper() for w in span)
                and tuple(normalise_word(w) for w in span) == fw.words):
            return fw
    return None


COUNTY_WORDS = {"county", "parish", "borough"}  # a county named in full keeps its street: "Otter Tail County Road 80"


def outside_feature(words: list[str], s: int, e: int, cands: list[Candidate]) -> list[Candidate]:
    """``cands``, or none if tokens s..e stand inside a longer feature's name (``inside_feature_name``) that
    they cannot name: "Griffith Park" (scope 'all'), "Lake Vermont" (scope 'divisions': a name of a country or
    division); a town's name stays in a river's or lake's name ("Naugatuck River" is at Naugatuck). A street
    named after a town or a person (scope 'towns') is rarely in it ("Memphis Street" in Alexandria, "Richmond
    Street" in London, Ontario): only a county named in full stays ("Otter Tail County Road 80")."""
    fw = inside_feature_name(words, s, e)
    if fw is None:
        return cands
    if fw.scope == "towns":  # "Richmond Street" in London, Ontario; "Franklin Street" is no county either
        return cands if normalise_word(words[e - 1]) in COUNTY_WORDS else []
    if fw.scope == "all" or any(c.feature in ("country", "admin1") for c in cands):
        return []  # nor a namesake town of the state: "Lake Vermont" is in Minnesota, not in Vermont, Victoria
    return cands


# place ids of features whose name inside an organisation's name names the organisation, not the place:
# "North Atlantic Council", "Pacific Fleet", "Nile Bank", "Everest Group" (landmarks and parks stay: "Windsor Castle")
ORG_NAMED_FEATURES = ("region:", "river:", "lake:", "island:", "mountain:")


@lru_cache(maxsize=1)
def feature_name_words() -> dict[str, str]:
    """Word after a natural feature's one-word name -> 'feature' or 'thing' (``data/feature_name_words.tsv``)."""
    return {normalise(r[0]): r[1] for r in read_tsv(DATA / "feature_name_words.tsv") if len(r) >= 2}


def feature_named_otherwise(doc: Doc, s: int, e: int) -> bool:
    """Tokens s..e, read as a natural feature (``ORG_NAMED_FEATURES``), are part of another name: a modifier of
    a product noun ("Kilimanjaro beer") or the first word(s) of a longer capitalised name, tagged or not ("Nile
    Rodgers", "Thames Water"); a word that continues a geographic name keeps the feature ("the Rhine Valley":
    ``feature_name_words``). (A name inside a longer PERSON entity is skipped before; a one-word PERSON
    entity is kept: the model tags "Oahu" and "the Rhine" as people.)"""
    if e >= len(doc) or doc[e - 1].dep_ != "compound" or doc[e - 1].head.i < e:
        return False
    word, kind = doc[e].text, feature_name_words().get(normalise_word(doc[e].text))
    if kind == "thing":
        return True
    return kind is None and doc[e].pos_ == "PROPN" and word[:1].isupper()


@lru_cache(maxsize=1)
def region_prefixes() -> frozenset[str]:
    return read_word_list("region_prefixes.tsv")


def _inside_name(doc: Doc, s: int) -> bool:
    """Token ``s`` continues a name after a capitalised word ("Sarah Bush Lincoln Hospital"):
    not after a compass or size word ("East Texas", "Greater Toronto") nor an acronym ("CBC Toronto")."""
    if s == 0:
        return False
    words = column(doc, "text")
    word = words[s - 1]
    # the tokenizer splits a hyphenated word: "Sub-Saharan", "North-East" are read whole
    whole = "".join(words[s - 3:s]) if s >= 3 and words[s - 2] == "-" else word
    return (word[:1].isupper() and _capitalised_word(word) and not word.isupper()
            and normalise_word(whole) not in region_prefixes() and normalise_word(word) not in region_prefixes())


def _hyphen_pair(doc: Doc, s: int) -> bool:
    """Token ``s`` is the second of two names joined by a hyphen ("Fargo-Moorhead", "Greenville-Spartanburg
    International Airport", "Nelson-Creston"): a pair of towns that leads the name, as one town would."""
    words = column(doc, "text")
    return s >= 2 and words[s - 1] in ("-", "\u2013") and _capitalised_word(words[s - 2]) and words[s - 2][:1].isupper()


def _org_position_ok(doc: Doc, s: int) -> bool:
    """Inside an organisation's name a place usually leads it ("Kabul Police"), follows 'of'/'in'
    ("University of Ohio") or a hyphen after another name ("Fargo-Moorhead"); a small town's name in the
    middle ("North Atlantic Council") is not taken."""
    for ent in doc_entities(doc):
        if ent.start <= s < ent.end and ent.label not in PLACE_LABELS:
            return s <= ent.trimmed[0] or column(doc, "lower_")[s - 1] in ("of", "in", "at", "for") or _hyphen_pair(doc, s)
    return True


def detect(doc: Doc, gazetteer) -> tuple[list[Mention], set[str]]:
    """(place mentions, alpha-2 codes of countries named by demonyms) for one document."""
    ent_ranges = entity_spans(doc)
    gaz_ranges = capitalised_ngrams(doc)
    keys = {}
    for s, e in ent_ranges:
        for vs, ve in _entity_variants(doc, s, e):
            keys[(vs, ve)] = normalise_word(span_text(doc, vs, ve))
    for s, e in gaz_ranges:
        if (s, e) not in keys:
            keys[(s, e)] = normalise_word(span_text(doc, s, e))
    found = gazetteer.lookup(list(keys.values()))
    taken = [False] * len(doc)
    org_countries_named = mask_org_names(doc, taken)
    mentions = abbreviated_division_mentions(doc, keys, found, taken)
    mentions += listed_division_mentions(doc, gazetteer, taken)
    mentions += county_name_mentions(doc, gazetteer, gaz_ranges, keys, found, taken)
    mentions += entity_mentions(doc, ent_ranges, keys, found, taken)
    mentions += listed_town_mentions(doc, gaz_ranges, keys, found, mentions, taken)
    mentions += gazetteer_mentions(doc, gaz_ranges, keys, found, taken)
    mentions += paired_town_mentions(doc, mentions, keys, found, taken)
    repeated = repeated_town_mentions(doc, gaz_ranges, keys, mentions, taken)
    if repeated:  # a shorter name the gazetteer alone found inside one yields to it (see repeated_town_mentions)
        inside = [(m.tokens[0], m.tokens[1]) for m in repeated]
        mentions = [m for m in mentions if m.from_entity or not any(s <= m.tokens[0] and m.tokens[1] <= e
                                                                     for s, e in inside)] + repeated
    mentions.sort(key=lambda m: m.start)
    return mentions, demonym_countries(doc) | org_countries_named


@lru_cache(maxsize=1)
def org_name_pattern() -> re.Pattern:
    """One pattern for the names of ``data/org_names.tsv`` ("United Russia", "Our Ukraine")."""
    names = sorted((r[0] for r in read_tsv(DATA / "org_names.tsv") if r and r[0]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def mask_org_names(doc: Doc, taken: list[bool]) -> set[str]:
    """The words of a party's or a broadcaster's name that holds a place's name ("United Russia", "Pakistan Muslim
    League", "Voice of America") name no place: they are marked taken, so neither the model's tag nor the
    gazetteer makes a mention of them. Returns the organisations' countries: context, like a demonym."""
    text, out = doc_text(doc), set()
    if not any(w in text for w in _org_first_words()):
        return out
    for m in org_name_pattern().finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            if org_countries().get(m.group(), "-") != "-":  # a broadcaster's country says nothing of the news
                out.add(org_countries()[m.group()])
            for i in range(span.start, span.end):
                taken[i] = True
    return out


@lru_cache(maxsize=1)
def org_countries() -> dict[str, str]:
    """Organisation name -> its country's alpha-2 code (``data/org_names.tsv``)."""
    return {r[0]: r[1] for r in read_tsv(DATA / "org_names.tsv") if len(r) >= 2}


@lru_cache(maxsize=1)
def _org_first_words() -> frozenset[str]:
    """The first word of every name: a document without any of them needs no search."""
    return frozenset(r[0].split()[0] for r in read_tsv(DATA / "org_names.tsv") if r and r[0])


def paired_town_mentions(doc: Doc, mentions: list[Mention], keys: dict, found: dict,
                         taken: list[bool]) -> list[Mention]:
    """A capitalised name right before ", Division" that the division holds a town of ("Churchill, Man.",
    "Sarkh, Logar") is that town, whatever the model tagged it and however small the town."""
    words = column(doc, "text")
    by_tokens = {m.tokens: m for m in mentions}
    out = []
    for d in mentions:
        divisions = [c for c in d.candidates if c.feature in ("admin1", "country")]
        comma = d.tokens[0] - 1
        if not divisions or comma < 1 or words[comma] != ",":
            continue
        for s in range(max(0, comma - 3), comma):
            key, known = keys.get((s, comma)), by_tokens.get((s, comma))
            if key is None or key in stoplist() or (known is None and any(taken[s:comma])):
                continue
            within = [c for c in found.get(key, []) if c.feature == "city" and any(
                c.cc == v.cc and (v.feature == "country" or c.admin1 == v.admin1) for v in divisions)]
            if within and known is None:
                out.append(_mention(doc, s, comma, key, taken, from_entity=True, candidates=within))
            elif within and not any(c in within for c in known.candidates):  # too small to be kept alone
                known.candidates, known.from_entity = within, True
            if within:
                break
    return out


def repeated_town_mentions(doc: Doc, ranges, keys: dict, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
    """The other mentions of a small town that the article names as a place (tagged, or its dateline): "RIDGE FARM
    - ... farmers near Ridge Farm", "Lanesboro, Minnesota ... the Lanesboro Arts Center". The gazetteer alone keeps
    no town under ``MIN_POPULATION_WEAK``; once the article has placed it, its name at the head of an organisation's
    name or untagged is the same town, and takes the words of a shorter name the gazetteer alone found inside it
    ("Ridge", a town in New York). Not the last word of a person's name of the article, nor inside an organisation's
    name after its first word, nor part of a longer feature's name ("Lanesboro Street")."""
    placed = {m.key: m.candidates for m in mentions if m.from_entity and any(c.feature == "city" for c in m.candidates)}
    if not placed:
        return []
    labels, text = _token_labels(doc), column(doc, "text")
    weak = [m.tokens for m in mentions if not m.from_entity]  # names the gazetteer alone found: a longer placed
    # name that holds them whole may take their words ("Ridge", a town in New York, inside "Ridge Farm")
    surnames = {normalise_word(text[pe - 1]) for (ps, pe), _ in _person_names(doc)}  # not "Decorah Parks"
    out = []
    for s, e in sorted(ranges, key=lambda r: (r[0] - r[1], r[0])):
        key = keys[(s, e)]
        if key not in placed or "PERSON" in {labels[i] for i in range(s, e)}:
            continue
        held = [(a, b) for a, b in weak if a < e and s < b]
        if any(a < s or b > e for a, b in held) or sum(taken[s:e]) != sum(b - a for a, b in held):
            continue  # taken by a tagged name, or by a weak one that reaches outside
        if normalise_word(text[e - 1]) in surnames:
            continue  # "Maria Wyalusing ... Wyalusing told the judge": the person, though a headline made a town of it
        if not _org_position_ok(doc, s) or not outside_feature(text, s, e, placed[key]):
            continue
        weak = [(a, b) for a, b in weak if (a, b) not in held]
        out.append(_mention(doc, s, e, key, taken, from_entity=False, candidates=placed[key]))
    return out


def listed_town_mentions(doc: Doc, ranges, keys: dict, found: dict, mentions: list[Mention],
                         taken: list[bool]) -> list[Mention]:
    """A capitalised name listed beside towns the model tagged ("Tunkhannock, Wyalusing, Laceyville and
    Towanda") is a town of the first-level division the list's towns share, however small and whatever the model
    tagged it, if the division has one of that name: a list of places is a list of neighbours. The division must be
    shared by two of the listed towns, or be the only one of a single neighbour ("Real Madrid or Barcelona" names no
    division). Only the division's own-name towns are read; read before the gazetteer-alone matches, so that a
    namesake abroad does not take the name first."""
    words = column(doc, "text")
    towns = {m.tokens: {(c.cc, c.admin1) for c in m.candidates if c.feature == "city" and c.admin1} for m in mentions
             if m.from_entity and any(c.feature == "city" for c in m.candidates)}
    if not towns:
        return []
    # a list holding a capital or a big city ("London, Paris, Frankfurt and Lincoln") is no list of neighbours
    # unless that city is in the shared division too: its namesakes elsewhere do not make one
    big = {m.tokens: (c.cc, c.admin1) for m in mentions if m.tokens in towns
           for c in [max((k for k in m.candidates if k.feature == "city"), key=lambda k: k.population)]
           if c.capital or c.population >= MIN_POPULATION_BIG_CITY}
    ends = {e: (s, divs) for (s, e), divs in towns.items()}
    starts = {s: (e, divs) for (s, e), divs in towns.items()}
    out = []
    for s, e in sorted(ranges, key=lambda r: (r[0], r[0] - r[1])):  # left to right: a list is read in order
        if any(taken[s:e]) or keys[(s, e)] in stoplist() or (s > 0 and (
                words[s - 1].lower() in ("the", "a", "an") or words[s - 1][:1].isdigit())):
            continue  # "the Mound and Midland Trail rooms", "12 Elm Creek Dr.": a thing's or a street's name
        neighbours = _list_neighbours(words, s, e, ends, starts)
        if not neighbours:
            continue
        shared = Counter(d for divs in neighbours for d in divs)
        divisions = {d for d, n in shared.items() if n >= 2} or (
            neighbours[0] if len(neighbours) == 1 and len(neighbours[0]) == 1 else set())
        if any(r in big and big[r] not in divisions for r in _list_neighbours(words, s, e, ends, starts, ranges=True)):
            continue
        within = [c for c in found.get(keys[(s, e)], []) if c.feature == "city" and c.name_kind != NAME_ALT
                  and (c.cc, c.admin1) in divisions]
        if within:
            out.append(_mention(doc, s, e, keys[(s, e)], taken, from_entity=True, candidates=within))
            divs = {(c.cc, c.admin1) for c in within}
            ends[e], starts[s] = (s, divs), (e, divs)  # "Decorah, Ossian and Calmar"
    return out


def _list_neighbours(words: list[str], s: int, e: int, ends: dict, starts: dict, limit: int = 4,
                     ranges: bool = False) -> list:
    """The divisions of the tagged towns listed before and after tokens s..e, up to ``limit`` on each side, joined
    by commas, "and" or "or" (with ``ranges``: their token ranges)."""
    out = []
    i = s
    for _ in range(limit):  # leftwards: "Tunkhannock, Wyalusing, | Laceyville"
        j = i - 1
        if j >= 1 and words[j] in LIST_JOINERS:
            j -= 1 if words[j - 1] != "," or words[j] == "," else 2  # ", and"
        else:
            break
        if j + 1 not in ends:
            break
        i, divs = ends[j + 1]
        out.append((i, j + 1) if ranges else divs)
    i = e
    for _ in range(limit):  # rightwards: "Laceyville | and Towanda"
        j = i
        if j < len(words) and words[j] in LIST_JOINERS:
            j += 2 if words[j] == "," and j + 1 < len(words) and words[j + 1] in ("and", "or") else 1
        else:
            break
        if j not in starts:
            break
        i, divs = starts[j]
        out.append((j, i) if ranges else divs)
    return out


def abbreviated_division_mentions(doc: Doc, keys: dict, found: dict, taken: list[bool]) -> list[Mention]:
    """A division's press abbreviation that the tokenizer split from its period, after "Town,": "Churchill,
    Man." is Manitoba, "Moose Jaw, Sask." Saskatchewan, even where the bare word is a common one (stop-listed
    "Man"). Only the abbreviation's alias readings count (``data/aliases.tsv``)."""
    words = column(doc, "text")
    out = []
    for i in range(2, len(words) - 1):
        if words[i + 1] != "." or words[i - 1] != "," or not _capitalised_word(words[i - 2]) or taken[i]:
            continue
        cands = [c for c in found.get(keys.get((i, i + 1), ""), [])
                 if c.name_kind == NAME_ALIAS and c.feature in ("admin1", "country")]
        if cands and len(words[i]) <= 5 and words[i][:1].isupper():
            out.append(_mention(doc, i, i + 2, keys[(i, i + 1)], taken, from_entity=True, candidates=cands))
    return out


PLURAL_DIVISIONS = {"counties": "county", "parishes": "parish"}  # "Cooke, Grayson and Love counties"
LIST_JOINERS = {",", "and", "or", "&"}


def _name_list_before(doc: Doc, end: int) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names listed right before token ``end`` ("Cooke, Grayson and
    Love" before "counties"), last first."""
    words = column(doc, "text")
    out, i = [], end
    while i > 0:
        j = i
        while j > 0 and _capitalised_word(words[j - 1]) and words[j - 1][:1].isupper():
            j -= 1
        if j == i:
            break
        out.append((j, i))
        if j == 0 or words[j - 1].lower() not in LIST_JOINERS:
            break
        i = j - 1
        if i > 0 and words[i - 1].lower() in LIST_JOINERS:  # ", and"
            i -= 1
    return out


@lru_cache(maxsize=1)
def county_words() -> tuple[tuple[str, ...], ...]:
    """Word sequences after a bare name that make it a county's name (``data/county_words.tsv``), longest first."""
    rows = {tuple(r[0].split()) for r in read_tsv(DATA / "county_words.tsv") if r and r[0]}
    return tuple(sorted(rows, key=len, reverse=True))


PARTY_LETTERS = {"D", "R", "I"}  # a legislator's party before his district's county: "Delegate Ann Smith, D-Mingo"


def _county_word_after(words: list[str], e: int) -> bool:
    return any(tuple(words[e:e + len(w)]) == w for w in county_words())


def _party_tag_before(words: list[str], s: int) -> bool:
    """Tokens before s read ", D-" or "(R-": a state legislator's party and home county ("Ann Smith, D-Mingo")."""
    return s >= 3 and words[s - 1] == "-" and words[s - 2] in PARTY_LETTERS and words[s - 3] in (",", "(")


def county_name_mentions(doc: Doc, gazetteer, ranges, keys: dict, found: dict, taken: list[bool]) -> list[Mention]:
    """A bare capitalised name before a county office's word ("Kanawha Sheriff", "the Mingo Sheriff's Office", "Logan
    Circuit Court": ``data/county_words.tsv``) or after a state legislator's party letter ("D-Mingo") is the county
    (or parish) of that name, if the index knows one: not a namesake town. After a party letter the US towns of that
    name stay in the race (some states tag legislators with their town: "Tom Lee, D-Columbus"), left to the
    article's context."""
    words = column(doc, "text")
    wanted = {}
    for s, e in ranges:
        if any(c.feature in ("country", "admin1") for c in found.get(keys[(s, e)], [])):
            continue  # "the Texas Commission", "Iowa Sheriff's Association": the state's, not Texas County
        if _county_word_after(words, e) or _party_tag_before(words, s):
            for suffix in COUNTY_SUFFIX_WORDS:
                wanted[(s, e, suffix)] = keys[(s, e)] + " " + suffix
    if not wanted:
        return []
    counties = gazetteer.lookup(list(wanted.values()))
    out = []
    for (s, e, suffix), key in sorted(wanted.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if counties.get(key) and not any(taken[s:e]):
            cands = counties[key]
            if _party_tag_before(words, s):  # a legislator's home town in some states ("Tom Lee, D-Columbus")
                cands = cands + [c for c in found.get(keys[(s, e)], []) if c.feature == "city" and c.cc == "US"
                                 and c.name_kind != NAME_ALT]
            out.append(_mention(doc, s, e, keys[(s, e)], taken, from_entity=True, candidates=cands))
    return out


COUNTY_SUFFIX_WORDS = ("county", "parish")


def listed_division_mentions(doc: Doc, gazetteer, taken: list[bool]) -> list[Mention]:
    """Names listed before a plural division word ("Cooke, Grayson and Love counties"): each one is
    the division "Cooke County" and so on, not a town of that name."""
    lower = column(doc, "lower_")
    out = []
    for k, word in enumerate(lower):
        if word not in PLURAL_DIVISIONS:
            continue
        ranges = _name_list_before(doc, k)
        keys = {r: normalise_word(span_text(doc, *r)) + " " + PLURAL_DIVISIONS[word] for r in ranges}
        found = gazetteer.lookup(list(keys.values()))
        for (s, e), key in keys.items():
            if found.get(key) and not any(taken[s:e]):
                out.append(_mention(doc, s, e, key, taken, from_entity=True, candidates=found[key]))
    return out


def _mention(doc: Doc, s: int, e: int, key: str, taken: list[bool], **kw) -> Mention:
    for i in range(s, e):
        taken[i] = True
    start_char, end_char = span_chars(doc, s, e)
    return Mention(start_char, end_char, span_text(doc, s, e), key, tokens=(s, e), **kw)


def entity_mentions(doc: Doc, ranges, keys: dict, found: dict, taken: list[bool]) -> list[Mention]:
    """GPE/LOC/FAC entities the gazetteer knows (longest first), or their name without a generic word."""
    stop, dem = stoplist(), demonyms()
    persons = _person_names(doc)
    words = column(doc, "text")
    out = []
    for s, e in sorted(ranges, key=lambda r: r[0] - r[1]):
        if any(taken[s:e]):
            continue
        if _earlier_person(doc, s, e, persons):
            continue  # "Ripley said" after "Sheriff John Ripley": the surname, not the town
        for vs, ve in _entity_variants(doc, s, e):
            key = keys[(vs, ve)]
            if key in stop or key in dem:
                break
            cands = acronym_filter(span_text(doc, vs, ve), found.get(key, []))
            cands = abbreviation_filter(words, vs, ve, key, cands)  # "Miss Ferreira", "GA tickets", "400 BC"
            cands = outside_feature(words, vs, ve, cands)  # the model tagged "Ontario" alone in "Lake Ontario"
            if feature_named_otherwise(doc, vs, ve):  # "Kilimanjaro beer" tagged as a place
                cands = [c for c in cands if not c.ext_id.startswith(ORG_NAMED_FEATURES)]
            if (vs, ve) != (s, e):  # "Franklin County" -> towns named Franklin, not alternate names
                cands = [c for c in cands if c.name_kind != NAME_ALT]
            if cands:
                out.append(_mention(doc, vs, ve, key, taken, from_entity=True, candidates=cands))
                break
    return out


def _earlier_person(doc: Doc, s: int, e: int, persons) -> bool:
    """Tokens s..e repeat the first or last word(s) of a person named earlier ("Ripley said" after
    "Sheriff John Ripley", "St. Clair said" after "Raynola St. Clair", "Georgia began skating" after
    "her sister Georgia Lane"). Only names of proper nouns count: a headline the model tagged as a
    person ("Rethinking Egypt") names nobody."""
    text, pos = column(doc, "text"), column(doc, "pos_")
    words = [normalise_word(w) for w in text[s:e]]
    n = len(words)
    for (ps, pe), _ in persons:
        if pe > s or pe - ps <= n or any(pos[k] != "PROPN" for k in range(ps, pe) if text[k][:1].isalpha()) or (
                pe < len(text) and text[pe] in ("'s", "\u2019s")):
            continue  # only a name of proper nouns: not "Rethinking Egypt" nor "Alexandria Commonwealth's" (office)
        name = [normalise_word(text[k]) for k in range(ps, pe)]
        if name[-n:] == words or name[:n] == words:
            return True
    return False


def gazetteer_mentions(doc: Doc, ranges, keys: dict, found: dict, taken: list[bool]) -> list[Mention]:
    """Capitalised word sequences the gazetteer knows that no place entity covers (longest first)."""
    stop, dem = stoplist(), demonyms()
    labels = _token_labels(doc)
    persons = _person_names(doc)
    text, is_stop, pos = column(doc, "text"), column(doc, "is_stop"), column(doc, "pos_")
    out = []
    for s, e in sorted(ranges, key=lambda r: (r[0] - r[1], r[0])):
        if any(taken[s:e]):
            continue
        key = keys[(s, e)]
        cands = abbreviation_filter(text, s, e, key, acronym_filter(span_text(doc, s, e), found.get(key, [])))
        if e - s == 1 and pos[s] == "VERB":
            continue  # a capitalised verb ("Riding this bicycle", "the Shaping the Future committee")
        division = any(c.feature in ("country", "admin1") for c in cands)
        if not cands or key in stop or key in dem or is_stop[s] or (
                any(is_stop[i] for i in range(s + 1, e)) and not division):
            continue  # a stop word inside a country's or division's name is part of it ("Holy See")
        whole_person = _whole_person_entity(doc, s, e)
        if "PERSON" in {labels[i] for i in range(s, e)} and whole_person is None:
            continue  # part of a person's name ("Marshall" in "Marshall Dostum")
        words = {normalise_word(text[i]) for i in range(s, e)}
        named = e - s > 1 and any(c.feature in ("country", "admin1") and c.name_kind != NAME_ALT for c in cands)
        if not named and any(words & w and w != words for span, w in persons if span != whole_person):
            continue  # a word of another person's name (the same words tagged PERSON twice are one mis-tagged name);
            # a country's or division's name of several words is no part of one ("Sri Lanka", "Sri Lankan" tagged PERSON)
        dateline = dateline_at(text, s, e)
        kept = _keep(cands, 0 if dateline else MIN_POPULATION_WEAK)
        if not _org_position_ok(doc, s):  # "Taco Bell": only a country, a division or a big city,
            # and no town right after another capitalised word of the name ("Sarah Bush Lincoln Hospital"); a
            # country or division stays ("Skate Canada", "Team Alberta": the sets annotate them as places)
            inside = _inside_name(doc, s)
            kept = [c for c in kept if c.feature in ("country", "admin1") or (
                c.population >= MIN_POPULATION_IN_PERSON and not inside)]
        if any(labels[i] == "ORG" for i in range(s, e)) and not _whole_org(doc, s, e):
            # a sea or region inside an organisation's name names the organisation, not a place:
            # "North Atlantic Council", "Pacific Fleet", "Gulf Cooperation Council"; a river the model tagged
            # alone as an organisation ("the Neches forms the county's boundary") is still the river
            kept = [c for c in kept if not c.ext_id.startswith(ORG_NAMED_FEATURES)]
        if feature_named_otherwise(doc, s, e):  # "Nile Rodgers", "Kilimanjaro beer"
            kept = [c for c in kept if not c.ext_id.startswith(ORG_NAMED_FEATURES)]
        kept = outside_feature(text, s, e, kept)  # "Lake Vermont", "Griffith Park": not Vermont, not Griffith
        if kept:
            support = MIN_POPULATION_IN_PERSON if whole_person else MIN_POPULATION
            out.append(_mention(doc, s, e, key, taken, from_entity=dateline, candidates=kept, support_pop=support,
                                org_head=_org_head(doc, s, e, kept)))
    return out


DASHES = {"-", "--", "\u2014", "\u2013"}
SENTENCE_ENDS = {".", "!", "?", "\u201d", '"'}


def dateline_at(words: list[str], s: int, e: int) -> bool:
    """Tokens s..e (of ``words``) are a dateline in the text: capitals only, at the text's or a sentence's start
    (or after a date), and followed by a dash, perhaps after ", Abbr." and "(Agency)": "GLENWOOD - A man ...",
    "GLENWOOD, Ill. (AP) — ...", "March 3, 2009 GLENWOOD — ...". The article's own place: detection takes it
    like a tagged name, whatever the model tagged it and however small the town."""
    if not all(w.isupper() or not w[:1].isalpha() for w in words[s:e]):
        return False
    before = words[s - 1] if s > 0 else ""
    if s > 0 and before not in SENTENCE_ENDS and not before.isspace() and not (before.isdigit() and len(before) == 4):
        return False
    k = e
    if k + 1 < len(words) and words[k] == "," and words[k + 1][:1].isupper():
        k += 2
        if k < len(words) and words[k] == ".":
            k += 1
    if k + 2 < len(words) and words[k] == "(" and words[k + 2] == ")":
        k += 3
    return k < len(words) and words[k] in DASHES


def demonym_countries(doc: Doc) -> set[str]:
    """Countries named by capitalised demonyms ("Afghan" -> AF): context, never places."""
    dem = demonyms()
    return {dem[normalise_word(w)] for w in column(doc, "text") if w[:1].isupper() and normalise_word(w) in dem}


def _whole_org(doc: Doc, s: int, e: int) -> bool:
    """Tokens s..e are the whole of an organisation's tag (trimmed), not a part of a longer name."""
    return any(ent.place_label == "ORG" and ent.trimmed == (s, e) for ent in doc_entities(doc))


def _whole_person_entity(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The (trimmed) PERSON entity that is exactly tokens s..e, if there is one."""
    for ent in doc_entities(doc):
        if ent.person and ent.start <= s and e <= ent.end:
            return (s, e) if ent.trimmed == (s, e) else None
    return None
