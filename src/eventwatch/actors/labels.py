"""Canonical names of unnamed country-sector actors: "armed forces (Afghanistan)", not "force".

An unnamed group ("police", "the force", "activists") is an actor under a country-sector id (``AFG-MIL``,
``---COP`` when the country is unknown: actors/generic.py). Its ``name`` is its sector's label and its
country (``generic_name``: "armed forces (Afghanistan)", "police" with no country), unless the words the
article used already name that country ("Kenyan police", "the Afghan government" stay as written). The
article's words stay in the actor's ``mentions`` (``said_words`` reads them back for the stages that match
on what was written). ``actor_label`` names an actor of a record stored before names were canonical the
same way; on a canonical name it changes nothing.

The tables: ``data/actor_sectors.tsv`` (CAMEO role code -> plural label), the places gazetteer's
``countries.tsv`` (read as a file: common English names) and this stage's ``data/countries.tsv`` (news names
and demonyms). ``api/labels.py`` serves them to the dashboard (``GET /api/codes``), which labels the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from eventwatch.resources import read_table

DATA = Path(__file__).parent / "data"
COUNTRIES_TSV = Path(__file__).resolve().parents[1] / "places" / "data" / "countries.tsv"  # the gazetteer's
GENERIC_ID = re.compile(r"^(?:([A-Z]{3})-|---)([A-Z]{3})$")  # "AFG-MIL", "---COP"


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, str]:
    """CAMEO role code -> plain plural label (data/actor_sectors.tsv)."""
    return {code: label for code, label in read_table(DATA / "actor_sectors.tsv", columns=2)}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> the country's common English name (the places gazetteer's countries.tsv)."""
    return {r[1]: r[3] for r in read_table(COUNTRIES_TSV, columns=(4, 9)) if r[1] and r[3]}


def words(text: str) -> str:
    """Lower-case words between single spaces (" kenyan police "), for whole-word containment tests;
    ``web/static/app.js`` normalises the same way."""
    return " " + " ".join(w for w in re.split(r"[^\w]+|_", text.lower()) if w) + " "


@lru_cache(maxsize=1)
def country_words() -> dict[str, list[str]]:
    """ISO3 -> the country's names and demonyms as ``words`` ("kenya", "kenyan", "u s"): the gazetteer's
    name, other names and demonym, and this stage's news names and demonyms."""
    out: dict[str, set[str]] = {}
    for r in read_table(COUNTRIES_TSV, columns=(4, 9)):
        out.setdefault(r[1], set()).update(n for n in [r[3], *"|".join(r[7:9]).split("|")] if n)
    for r in read_table(DATA / "countries.tsv", columns=(2, 3)):
        out.setdefault(r[0], set()).update(n for n in ";".join(r[1:]).split(";") if n)
    return {iso: sorted({words(n).strip() for n in names} - {""}) for iso, names in out.items()}


def names_country(name: str | None, iso3: str) -> bool:
    """The words already say the country ("Kenyan police", "the Afghan government")."""
    said = words(name or "")
    return any(f" {w} " in said for w in country_words().get(iso3, ()))


def country_name(iso3: str | None) -> str | None:
    return country_names().get(iso3 or "", iso3) if iso3 else None


def is_generic_id(actor_id: str | None) -> bool:
    """"FRA-GOV", "---COP": an unnamed country-sector actor, not a named body."""
    return bool(GENERIC_ID.match(actor_id or ""))


def generic_name(country: str | None, sector: str, said: str) -> str:
    """The canonical name of the unnamed group of SECTOR in COUNTRY the article called SAID: "armed forces
    (Afghanistan)" for "force", "police" for "riot police" with no country, "Kenyan police" as written."""
    label = sector_labels().get(sector)
    if label is None or (country and names_country(said, country)):
        return said
    return f"{label} ({country_name(country)})" if country else label


def actor_label(actor_id: str | None, name: str | None) -> str | None:
    """The canonical name of an actor as stored: a country-sector actor named by the article's words
    ("AFG-MIL" "force", a record written before names were canonical) by ``generic_name``; any other, or
    a canonical name already, as it is."""
    found = GENERIC_ID.match(actor_id or "")
    if found is None or found.group(2) not in sector_labels():
        return name or actor_id
    return generic_name(found.group(1), found.group(2), name or "")


def said_words(actor, text: str) -> str:
    """What the article called an actor: for an unnamed country-sector actor named by its sector ("armed
    forces (Afghanistan)") the words of its first mention ("force"); for any other (and for "Kenyan police",
    named as written) its name."""
    if not actor.mentions or not is_generic_id(actor.id) or actor.name != actor_label(actor.id, ""):
        return actor.name
    start, end = actor.mentions[0]
    return text[start:end] or actor.name
