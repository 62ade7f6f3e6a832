"""The gazetteer index file as the build and the lookup both see it: where it lives, its version, the
lookup key of a name, and the data files both read (``places/build.py`` writes the index,
``places/gazetteer.py`` queries it; neither imports the other at import time).
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from eventwatch.resources import read_table

# 15: features that several countries share have no country (data/features.tsv: Nile, Rhine, Alps, Lake Victoria)
# 14: US postal places missing from GeoNames towns (zipcodes); rivers, lakes, islands, mountains, parks,
#     landmarks and regions (data/features.tsv)
# 13: Great Britain's counties and council areas (data/gb_counties.tsv)
# 12: divisions found by their seat or a name variant (data/admin1_seats.tsv)
# 11: airports, GeoNames points of large divisions, Afghan provinces
INDEX_VERSION = "15"
DATA = Path(__file__).parent / "data"

# a sea or large region has no population; for the prior it counts as this many people, so that it
# outranks the small towns that share its name ("Middle East", Maryland)
REGION_PRIOR_POPULATION = 10_000_000

# the place id prefix of US postal places (see build._add_us_postal_towns)
POSTAL_PREFIX = "uspost:"

# name kinds, best first: the place's own name, an alias from our data, an alternate name
NAME_MAIN, NAME_ALIAS, NAME_ALT = 0, 1, 2


def normalise(name: str) -> str:
    """The lookup key of a name: case-folded, accents and dots dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("`", "'").replace(".", "").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def cache_dir() -> Path:
    base = os.environ.get("EVENTWATCH_CACHE")
    return Path(base).expanduser() if base else Path.home() / ".cache" / "eventwatch"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{INDEX_VERSION}.sqlite"


# ----------------------------------------------------------------------------------- data files

def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a headed data TSV (``eventwatch.resources``: provenance header checked, comments and
    blank lines skipped)."""
    return read_table(path)


def read_word_list(name: str) -> frozenset[str]:
    """A one-column data file as a set of normalised keys."""
    return frozenset(normalise(r[0]) for r in read_tsv(DATA / name) if r and r[0])


def country_rows() -> list[dict]:
    """The rows of ``data/countries.tsv`` as dicts."""
    return [dict(zip(("iso2", "iso3", "gid", "name", "lat", "lon", "population", "names", "demonyms"), r))
            for r in read_tsv(DATA / "countries.tsv")]
