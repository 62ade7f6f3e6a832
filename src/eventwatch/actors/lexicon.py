"""Loaders for the people table's word lists (``actors/data``), read once per process: given names
and person words with the gender they mark, and the head nouns of descriptions that stand for an
organisation or a document ("the company", "the statement")."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def tsv_rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a data file (provenance header checked; see eventwatch.resources)."""
    from eventwatch.resources import read_table

    return read_table(path)


def _rows(name: str) -> list[list[str]]:
    return tsv_rows(DATA / name)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Lower-cased given name -> "m" | "f"."""
    return {row[0]: row[1] for row in _rows("first_names.tsv")}


@lru_cache(maxsize=1)
def sport_heads() -> frozenset[str]:
    """Words of the names of sports bodies and clubs (data/sport_heads.txt), folded as names are."""
    from eventwatch.actors.dictionary import folded_words

    return folded_words(DATA / "sport_heads.txt")


@lru_cache(maxsize=1)
def sport_state_words() -> frozenset[str]:
    """Words that keep a state's office for sport the state's (data/sport_state_words.txt): "Ministry of Sport"."""
    from eventwatch.actors.dictionary import folded_words

    return folded_words(DATA / "sport_state_words.txt")


@lru_cache(maxsize=1)
def sport_roles() -> frozenset[str]:
    """Nouns of a sports person's role ("striker", "manager", "sprinter"; data/sport_roles.txt)."""
    from eventwatch.resources import read_words

    return frozenset(read_words(DATA / "sport_roles.txt"))


@lru_cache(maxsize=1)
def regional_words() -> dict[str, str]:
    """Folded adjective of a region ("european", "south american") -> CAMEO region code ("EUR", "SAM")."""
    return {row[0]: row[1] for row in _rows("regional_words.tsv")}


def region_codes() -> frozenset[str]:
    """The CAMEO region codes of ``regional_words.tsv`` ("EUR", "WST", "ARB"): a code that begins with one is of no
    one country."""
    return frozenset(regional_words().values())


def region_at(words: list[str], i: int, demonyms=()) -> tuple[str, int] | None:
    """(region code, first index) of a regional adjective ending at WORDS[i] (folded words): "South AMERICAN" ->
    ("SAM", i - 1), "EUROPEAN" -> ("EUR", i); None for a country's adjective ("American", and "South African" when
    DEMONYMS has it)."""
    table = regional_words()
    if i > 0 and f"{words[i - 1]} {words[i]}" in demonyms:
        return None
    if i > 0 and f"{words[i - 1]} {words[i]}" in table:
        return table[f"{words[i - 1]} {words[i]}"], i - 1
    if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in table:
        return None  # "SOUTH american": the region ends on the next word
    return (table[words[i]], i) if words[i] in table else None


@lru_cache(maxsize=1)
def person_words() -> dict[str, str]:
    """Lower-cased title or person noun -> "m" | "f"."""
    return {row[0]: row[1] for row in _rows("person_words.tsv")}


@lru_cache(maxsize=1)
def description_heads() -> dict[str, str]:
    """Lemma of a description's head noun -> "org" | "orgname" | "doc" | "agent" | "trade"."""
    return {row[0]: row[1] for row in _rows("description_heads.tsv")}


@lru_cache(maxsize=1)
def _firm_rows() -> dict[str, frozenset[str]]:
    """``firms.tsv``: "sector" -> CAMEO sector codes, "noun" -> trade-noun lemmas, "person" -> lemmas of a
    person of a firm's sector ("tycoon")."""
    rows = _rows("firms.tsv")
    return {what: frozenset(r[0] for r in rows if r[1] == what) for what in ("sector", "noun", "person")}


def firm_people() -> frozenset[str]:
    """Lemmas of nouns for one person of business or the media ("the casino tycoon", "the billionaire"), which
    the actor stage may read as the sector's group but which never describe the firm named before."""
    return _firm_rows()["person"]


def firm_sectors() -> frozenset[str]:
    """CAMEO sector codes of bodies that speak as one ("the steelmaker" refers back to a firm)."""
    return _firm_rows()["sector"]


def firm_nouns() -> frozenset[str]:
    """Lemmas of nouns that name a company by its trade ("giant", "carmaker", "broadcaster")."""
    return _firm_rows()["noun"]


@lru_cache(maxsize=1)
def offices() -> dict[str, tuple[str, str | None]]:
    """``titles.tsv`` without honorifics: title (lower case) -> (role, CAMEO sector or None when the sector is
    the body's the title belongs to): "judge" -> ("Judge", "JUD"), "prime minister" -> ("Prime Minister", "GOV")."""
    out = {}
    for r in _rows("titles.tsv"):
        r = r + ["", ""]
        if r[2] != "*" and r[1] not in ("", "-"):
            out[r[0]] = (r[1], None if r[2] in ("", "-") else r[2])
    return out


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """One-word titles and offices of ``titles.tsv`` ("leader", "minister", "judge"), honorifics left out:
    the nouns of a person known by an office ("the union's leader")."""
    return frozenset(r[0] for r in _rows("titles.tsv") if " " not in r[0] and r[2:3] != ["*"])


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """Name word → sector for organisations the dictionary does not know (data/org_heads.tsv); here, with the
    other word lists, so that recognition can read it without importing resolution (no module cycle)."""
    from eventwatch.actors.dictionary import fold
    from eventwatch.resources import read_table

    return {fold(w): sector for w, sector in read_table(DATA / "org_heads.tsv", columns=2)}


@lru_cache(maxsize=1)
def entourage() -> dict[str, str]:
    """Role words of the people around a named person who speak for them or as themselves ("spokesman", "chief of
    staff") -> "for" | "own" (``entourage.tsv`` without its "rel" rows)."""
    return {row[0]: row[1] for row in _rows("entourage.tsv") if row[1] in ("for", "own")}


@lru_cache(maxsize=1)
def relation_nouns() -> frozenset[str]:
    """The one-word rows of ``entourage.tsv``, every class: nouns of a person's relations and staff ("her ADVISER",
    "the minister's SON", "his DRIVER"), who are someone other than the owner."""
    return frozenset(row[0] for row in _rows("entourage.tsv") if " " not in row[0])
