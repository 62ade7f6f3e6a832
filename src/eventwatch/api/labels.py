"""Readable names for the dashboard: unnamed country-sector actors and map grid cells.

An unnamed group ("police", "the force", "activists") is stored under a country-sector id
(``AFG-MIL``, ``---COP`` when the country is unknown) with, as its name, the first words an article
used for it, so the dashboard would show "force" for Afghanistan's armed forces. ``actor_label`` names
such an actor by its sector and country instead ("armed forces (Afghanistan)") unless its name already
names its country ("Afghan government", "Kenyan police" stay); every other actor keeps its name.
A map cell is named by what its places share (``cell_name``): its one place, else their region and
country, else their countries, never one place standing for the rest.

The tables (``data/actor_sectors.tsv``, the places gazetteer's and the actor stage's
``countries.tsv``) also reach the page through ``GET /api/codes``, so that the dashboard
(``web/static/app.js``) labels actors the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from eventwatch.resources import read_table

DATA = Path(__file__).parent / "data"  # actor_sectors.tsv
PACKAGE = Path(__file__).resolve().parents[1]
COUNTRIES_TSV = PACKAGE / "places" / "data" / "countries.tsv"  # read as files: no import of the places stage
NEWS_COUNTRIES_TSV = PACKAGE / "actors" / "data" / "countries.tsv"  # names and demonyms in news usage
GENERIC_ID = re.compile(r"^(?:([A-Z]{3})-|---)([A-Z]{3})$")  # "AFG-MIL", "---COP": actors/generic.py
MAX_LISTED = 3  # countries named in a cell's name before it says "N countries"


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
    ``static/app.js`` normalises the same way."""
    return " " + " ".join(w for w in re.split(r"[^\w]+|_", text.lower()) if w) + " "


@lru_cache(maxsize=1)
def country_words() -> dict[str, list[str]]:
    """ISO3 -> the country's names and demonyms as ``words`` ("kenya", "kenyan", "u s"): the gazetteer's
    name, other names and demonym, and the actor stage's news names and demonyms."""
    out: dict[str, set[str]] = {}
    for r in read_table(COUNTRIES_TSV, columns=(4, 9)):
        out.setdefault(r[1], set()).update(n for n in [r[3], *"|".join(r[7:9]).split("|")] if n)
    for r in read_table(NEWS_COUNTRIES_TSV, columns=(2, 3)):
        out.setdefault(r[0], set()).update(n for n in ";".join(r[1:]).split(";") if n)
    return {iso: sorted({words(n).strip() for n in names} - {""}) for iso, names in out.items()}


def names_country(name: str | None, iso3: str) -> bool:
    """The name already says the country ("Kenyan police", "the Afghan government")."""
    said = words(name or "")
    return any(f" {w} " in said for w in country_words().get(iso3, ()))


def country_name(iso3: str | None) -> str | None:
    return country_names().get(iso3 or "", iso3) if iso3 else None


def actor_label(actor_id: str | None, name: str | None) -> str | None:
    """What the dashboard calls an actor: a country-sector id whose name does not say its country by its
    sector and country ("AFG-MIL" "force" -> "armed forces (Afghanistan)", "---COP" -> "police"), else its
    name ("AFG-GOV" "Afghan government" stays)."""
    found = GENERIC_ID.match(actor_id or "")
    sector = sector_labels().get(found.group(2)) if found else None
    country = found.group(1) if found else None
    if sector is None or (country and name and names_country(name, country)):
        return name or actor_id
    return f"{sector} ({country_name(country)})" if country else sector


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def cell_name(n_places: int, place_name: str | None, countries: list[str], admin1: list[str],
              place_feature: str | None = None) -> str:
    """A map cell's name from what its places share: "Khartoum, Sudan" (one place), "England, United
    Kingdom (3 places)" (one region), "United Kingdom (3 places)" (one country), "Kenya and Tanzania
    (5 places)", "4 countries (12 places)". ``countries`` and ``admin1`` are the distinct values of the
    cell's places (``admin1`` only when every place has the same one)."""
    names = sorted({country_name(c) or c for c in countries if c})
    if n_places <= 1 and place_name:
        own = names[0] if len(names) == 1 and place_feature != "country" and names[0] != place_name else None
        return f"{place_name}, {own}" if own else place_name
    count = f"({n_places} places)"
    if not names:
        return f"{n_places} places"
    if len(names) == 1:
        area = f"{admin1[0]}, {names[0]}" if len(admin1) == 1 and admin1[0] != names[0] else names[0]
        return f"{area} {count}"
    if len(names) <= MAX_LISTED:
        return f"{_listed(names)} {count}"
    return f"{len(names)} countries {count}"


def code_tables() -> dict[str, dict[str, str]]:
    """The tables ``web/static/app.js`` needs to label actors and cells as this module does."""
    return {"sectors": dict(sector_labels()), "countries": dict(country_names()), "country_words": country_words()}
