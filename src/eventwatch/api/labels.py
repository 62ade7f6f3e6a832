"""Readable names of map grid cells, and the naming tables the dashboard needs.

A map cell is named by what its places share (``cell_name``): its one place, else their region and
country, else their countries, never one place standing for the rest.

Actors are named by the actor stage: an unnamed group's canonical name ("armed forces (Afghanistan)",
not the "force" an article wrote) is ``eventwatch.actors.labels``, which also names the actors of
records stored before that (``actor_label``). Its tables (sector labels, country names and words) reach
the page through ``GET /api/codes`` (``code_tables``), so that the dashboard (``web/static/app.js``)
labels actors the same way.
"""
from __future__ import annotations

from eventwatch.actors.labels import country_name, country_names, country_words, sector_labels

MAX_LISTED = 3  # countries named in a cell's name before it says "N countries"


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
