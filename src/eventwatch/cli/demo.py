"""The main job on the built-in examples: process, store, and print a readable summary."""
from __future__ import annotations

import sys
from collections import Counter
from importlib import resources
from pathlib import Path


def example_paths() -> list[str]:
    root = resources.files("eventwatch").joinpath("examples")
    return sorted(str(p) for p in Path(str(root)).iterdir() if p.suffix in (".txt", ".jsonl", ".html") and not p.name.startswith("."))


def _root_label(root: str) -> str:
    """'13 THREATEN' style: the root and its name from the CAMEO table (root 01 has no PLOVER type)."""
    from eventwatch.events.codes import code_table

    info = code_table().get(root)
    return f"{root} {info.name.lower() if info else 'unknown root'}"


def _top_actors(rows) -> list[tuple[str, str]]:
    """(label, code): an unnamed group by its sector and country ("armed forces (Afghanistan)", not the
    "force" an article called it), as the actor stage names it (actors/labels.py), also in an older store."""
    from eventwatch.actors.labels import actor_label

    return [(actor_label(aid, name), code) for name, code, aid in rows]


FEATURE_WORDS = {"city": "city", "admin1": "province/state", "country": "country", "other": "area"}


def place_labels(rows) -> list[str]:
    """'Kabul (AFG)' per (name, country, feature) row; a name shared by two places of one country says which is
    which: a city and the province named after it ("Andijon (UZB, city)", "Andijon (UZB, province/state)")."""
    rows = [tuple(r) + (None,) * (3 - len(r)) for r in rows]  # a store written before the feature was read
    shared = Counter((n, c) for n, c, _ in rows)
    return [f"{n} ({c}, {FEATURE_WORDS.get(f, f)})" if shared[(n, c)] > 1 and f else f"{n} ({c})" for n, c, f in rows]


def summary(store) -> str:
    parts = store.overview()
    c = store.counts()
    lines = [f"articles {c['articles']} · actors {c['actors']} · events {c['events']} · quotes {c['quotes']} · places {c['places']}",
             "", "articles:"]
    for title, source, published, n_ev in parts["articles"]:
        lines.append(f"  {str(published or '(undated)'):10}  {(title or '(untitled)')[:70]:70}  {source or '':20}  {n_ev} events")
    lines.append("actors by kind: " + (", ".join(f"{k} {n}" for k, n in parts["actor_kinds"]) or "none"))
    lines.append("top actors: " + (", ".join(f"{n} ({c})" if c else n for n, c in _top_actors(parts["top_actors"]))
                                   or "none"))
    lines.append("events by CAMEO root: " + (", ".join(f"{_root_label(r)} {n}" for r, n in parts["event_roots"]) or "none"))
    lines.append("quotes by speaker: " + (", ".join(f"{k} {n}" for k, n in parts["speakers"]) or "none"))
    lines.append("places: " + (", ".join(place_labels(parts["places"])) or "none"))
    return "\n".join(lines)


def run_demo(db: str = "eventwatch.duckdb", quiet: bool = False) -> int:
    from eventwatch.ingest import read_inputs
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings
    from eventwatch.store import Store

    paths = example_paths()
    settings = Settings(default_date="2021-08-14")
    records = list(Pipeline(settings).process(read_inputs(paths, settings)))
    with Store(db) as store:
        store.write(records)
        text = summary(store)
    failed = [r for r in records if r.failed]
    print(f"eventwatch demo: {len(records)} example articles processed into {db}\n")
    print(text)
    print(f"""
what next:
  .venv/bin/eventwatch events --db {db}                      # the events, as a table
  .venv/bin/eventwatch events --db {db} --root 13 --format csv
  .venv/bin/eventwatch process {paths[0]} --date 2021-08-14 | jq .   # one full record
  .venv/bin/eventwatch serve --db {db}                       # dashboard and API at http://127.0.0.1:8000/
  .venv/bin/eventwatch ingest YOUR_ARTICLES/ --db {db}       # your own news (text, HTML, JSONL, feeds, WARC)""")
    for r in failed:
        print(f"eventwatch: {r.location}: " + "; ".join(p.message for p in r.errors), file=sys.stderr)
    return 1 if failed else 0
