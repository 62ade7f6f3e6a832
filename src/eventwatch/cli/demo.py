"""The main job on the built-in examples: process, store, and print a readable summary."""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def example_paths() -> list[str]:
    root = resources.files("eventwatch").joinpath("examples")
    return sorted(str(p) for p in Path(str(root)).iterdir() if p.suffix in (".txt", ".jsonl", ".html") and not p.name.startswith("."))


def summary(store) -> str:
    con = store.con
    lines = []
    c = store.counts()
    lines.append(f"articles {c['articles']} · actors {c['actors']} · events {c['events']} · quotes {c['quotes']} · places {c['places']}")
    lines.append("")
    lines.append("articles:")
    for title, source, published, n_ev in con.execute(
            "SELECT a.title, a.source, a.published, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a ORDER BY a.published NULLS LAST, a.title").fetchall():
        lines.append(f"  {published or '----------'}  {(title or '(untitled)')[:70]:70}  {source or '':20}  {n_ev} events")
    rows = con.execute("SELECT kind, count(*) FROM actors GROUP BY kind ORDER BY 2 DESC").fetchall()
    lines.append("actors by kind: " + (", ".join(f"{k} {n}" for k, n in rows) or "none"))
    rows = con.execute("SELECT name, coalesce(code, '') FROM actors a JOIN (SELECT actor_id, sum(n_mentions) m FROM article_actors GROUP BY 1) x "
                       "ON x.actor_id = a.id ORDER BY m DESC, name LIMIT 12").fetchall()
    lines.append("top actors: " + (", ".join(f"{n} ({c})" if c else n for n, c in rows) or "none"))
    rows = con.execute("SELECT root || ' ' || plover, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12").fetchall()
    lines.append("events by type: " + (", ".join(f"{k} {n}" for k, n in rows) or "none"))
    rows = con.execute("SELECT coalesce(speaker_name, '?'), count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC LIMIT 8").fetchall()
    lines.append("quotes by speaker: " + (", ".join(f"{k} {n}" for k, n in rows) or "none"))
    rows = con.execute("SELECT name, country FROM places ORDER BY name LIMIT 20").fetchall()
    lines.append("places: " + (", ".join(f"{n} ({c})" for n, c in rows) or "none"))
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
