"""Not every capitalised name is a place: a town's name that the sentence shows to be something else.

Decided per mention, after resolution, from the words around it and two data files:

- ``data/non_place_cues.tsv``: a word right after the name ("Brent crude"), a title or a middle
  initial right before it ("Mayor Mullins", "Tyrise M. Bell": then every mention of that name in the
  article is the person), or the verb whose subject or object the name is ("Chelsea beat ...", "Radcliffe
  won ...", "drove a Mustang");
- ``data/non_places.tsv``: names that in news nearly always mean a celestial body, a product, a
  commodity, a currency, a club or a race (Titan, Mustang, Brent, Sterling, Chelsea, Marathon); such
  a name stays a place only when the sentence says so: "Sterling, Virginia" or "in Sterling".

A saint's name with a possessive ("St. Paul's Hospital") is a dedication, not the town of that name,
unless a common noun follows that the town owns ("St. Petersburg's governor", "San Antonio's police").

Only towns are judged (a country or a first-level division keeps its mentions: "Russia won the
vote" is still Russia), and a capital or a big city is never taken for a person ("Washington said").
An article (a, an) or a possessive (his, their) before a bare name makes it a thing ("a Mustang"),
unless the name modifies a noun after it ("a Paris court"); a bare one-word name after "along the", "up the"
or "down the" is a river or a coast that bears a town's name ("flooding along the Shannon"), not the town.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from eventwatch.nlp.cache import column
from eventwatch.places.gazetteer import DATA, Candidate, normalise, read_tsv

THING_DETERMINERS = {"a", "an", "his", "her", "their", "my", "your", "our", "its"}
LISTED_LOCATIVES = {"in", "near", "from", "at", "outside", "to", "of"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
SAINT_WORDS = {"st", "saint", "ste", "san", "santa"}
POSSESSIVES = {"'s", "\u2019s"}
WATER_PREPOSITIONS = {"along", "alongside", "up", "down"}  # "along the Shannon", "up the Hudson": a river or a coast
PERSON_MAX_POPULATION = 100_000  # a bigger town as a verb's subject is read as the town ("Boston said")


@lru_cache(maxsize=1)
def listed() -> dict[str, str]:
    """Normalised name -> kind (celestial, product, brand, commodity, currency, club, race)."""
    return {normalise(r[0]): r[1] for r in read_tsv(DATA / "non_places.tsv") if len(r) >= 2}


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], str]:
    """(word or lemma, where) -> kind; where is 'after', 'before' or 'verb'."""
    return {(r[0].casefold(), r[1]): r[2] for r in read_tsv(DATA / "non_place_cues.tsv") if len(r) >= 3}


def _verb_kind(doc: Doc, last: int) -> str | None:
    """The kind of the verb whose subject or object the name ending at token ``last`` is."""
    token = doc[last]
    dep, head = token.dep_, token.head
    if dep == "pobj" and head.lower_ in ("against", "to", "over") and head.head.pos_ == "VERB":
        head = head.head  # "lost to Chelsea", "won against Everton"
    elif dep not in ARGUMENT_DEPS or head.pos_ not in ("VERB", "AUX"):
        return None
    return cues().get((head.lemma_.casefold(), "verb"))


def article_surnames(doc: Doc) -> frozenset[str]:
    """Normalised words that follow a title, a relative's noun or a middle initial somewhere in the article ("Mayor
    Mullins", "his wife, Amelia", "Tyrise M. Bell"): there, every mention of the word is that person."""
    words, lower, table = column(doc, "text"), column(doc, "lower_"), cues()
    out = set()
    for i in range(1, len(words)):
        if words[i][:1].isupper() and ((lower[i - 1].rstrip("."), "before") in table or _initial(words[i - 1]) or (
                i > 1 and words[i - 1] == "," and table.get((lower[i - 2], "before")) == "relative")):
            out.add(normalise(words[i]))
    return frozenset(out)


def _initial(word: str) -> bool:
    """A middle initial such as 'M.'."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _modifies_next(doc: Doc, e: int) -> bool:
    """The name ending before token ``e`` modifies what follows ("a Paris court", "a Toronto-based")."""
    if e >= len(doc):
        return False
    return column(doc, "pos_")[e] in ("NOUN", "PROPN", "ADJ", "NUM") or column(doc, "text")[e] in ("-", ",")


def _said_in_place(doc: Doc, s: int, e: int) -> bool:
    """The sentence names the place itself: "X, State" after it or a locative preposition before it."""
    words, lower = column(doc, "text"), column(doc, "lower_")
    if e + 1 < len(doc) and words[e] == "," and words[e + 1][:1].isupper():
        return True
    if s > 1 and words[s - 1] == "," and words[s - 2][:1].isupper():
        return True  # "Northumberland Park, Tottenham"
    return s > 0 and lower[s - 1] in LISTED_LOCATIVES


def _owns_thing(doc: Doc, i: int) -> bool:
    """Token ``i`` (after a possessive) is a common noun or adjective the town owns ("San Antonio's police
    chief", "St. Petersburg's governor"), not an institution's capitalised name or a verb ("St. Paul's
    Hospital", "nurses at St. Paul's say")."""
    return i < len(doc) and column(doc, "pos_")[i] in ("NOUN", "ADJ") and column(doc, "text")[i].islower()


def thing_not_place(doc: Doc, s: int, e: int, key: str, choice: Candidate) -> str | None:
    """Why tokens ``s..e`` (a mention resolved to ``choice``) name no place, or None if they do."""
    if choice.feature != "city":
        return None
    words, lower, dep = column(doc, "text"), column(doc, "lower_"), column(doc, "dep_")
    table = cues()
    after = lower[e] if e < len(doc) else ""
    before = lower[s - 1].rstrip(".") if s > 0 else ""
    if (after, "after") in table:
        return table[(after, "after")]
    if after in POSSESSIVES and lower[s].rstrip(".") in SAINT_WORDS and e - s > 1 and not _owns_thing(doc, e + 1):
        return "saint"  # "St. Paul's Hospital", "St George's Chapel": a dedication, not the town
    if before in THING_DETERMINERS and dep[e - 1] != "compound" and not _modifies_next(doc, e):
        return "product"
    if before == "the" and e - s == 1 and s > 1 and lower[s - 2] in WATER_PREPOSITIONS and not _modifies_next(doc, e):
        return "feature"  # "flooding along the Shannon": a town is not "along the" town; the river is meant
    if words[s].isupper():
        return None  # a dateline or a headline in capitals: no sentence to read
    kind = _verb_kind(doc, e - 1)
    big = choice.capital or choice.population >= PERSON_MAX_POPULATION
    if kind == "club" or (kind == "person" and e - s == 1 and not big) or (kind == "product" and dep[e - 1] == "dobj"):
        return kind
    kind = listed().get(key)
    if kind and not _said_in_place(doc, s, e):
        return kind
    return None
