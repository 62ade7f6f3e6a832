"""Compare the JSON API's answers of two source trees on one database (same output after a refactor).

    # a database made once (with either tree), e.g. the seed, the Wikinews sample and 40 BBC articles:
    eventwatch ingest src/eventwatch/examples/seed_world_warns_taliban.txt --db /tmp/cmp.duckdb
    eventwatch ingest src/eventwatch/examples/wikinews_sample.jsonl --db /tmp/cmp.duckdb
    head -40 ../shared/corpora/bbc_news_2004_2005.jsonl > /tmp/bbc40.jsonl
    eventwatch ingest /tmp/bbc40.jsonl --date 2005-01-15 --db /tmp/cmp.duckdb
    # the old tree, e.g. git archive 02397a3 src | tar -x -C /tmp/old
    python benchmarks/compare_api.py --db /tmp/cmp.duckdb --old /tmp/old/src --new src

Each tree answers every request of ``requests()`` (dashboard app, no response cache) through FastAPI's
TestClient in a process of its own (PYTHONPATH=tree); the answers (status and JSON body; for
exports, the text) of valid requests must be equal; of the ``INVALID`` ones, the status. Prints one line per difference and a count;
exit status 1 when any answer differs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

FILTERS = ["", "country=AFG", "country=GBR&since=2005-01-01", "root=14,18,19", "cameo=04", "plover=CONSULT",
           "quad_class=1,2", "actor=taliban", "actor=Stoltenberg", "text=minister", "outlet=Wikinews", "negated=true", "negated=false",
           "hypothetical=false", "min_confidence=0.5", "since=2005-05-01&until=2005-06-30", "until=2005-01-15",
           "source=group:taliban", "target=group:taliban", "country=USA&quad_class=3,4&negated=false"]
PAGED = ["/api/events", "/api/articles", "/api/actors", "/api/dyads", "/api/quotes", "/api/places"]
AGGREGATES = ["/api/summary", "/api/facets", "/api/ui/grid", "/api/ui/dyads"]
EXTRA = [
    "/", "/api/events?unique=true", "/api/events?sort=goldstein&order=asc&limit=5&offset=3",
    "/api/events?sort=confidence&total=false", "/api/events?limit=3&since=2005-05-01",
    "/api/actors?name=min", "/api/facets?limit=3", "/api/trends", "/api/trends?by=country&interval=week",
    "/api/trends?by=dyad&top=5", "/api/trends?by=root&fill=true", "/api/trends?by=quad_class&interval=month",
    "/api/trends?by=plover&since=2005-01-01&until=2005-06-30&fill=true", "/api/alerts", "/api/alerts?scope=dyad",
    "/api/alerts?scope=country_dyad&window=7&z=1&min_count=1", "/api/export/csv", "/api/export/plover",
    "/api/export/gdelt", "/api/export/csv?country=AFG", "/api/ui/grid?cell=5", "/api/ui/grid?cell=0.25&country=AFG",
    "/api/ui/dyads?limit=5", "/openapi.json",
]


# invalid requests: the error body changed shape on purpose ({"ok": false, "error", "status", "title"}),
# so only their status is compared
INVALID = ["/api/events?root=42", "/api/events?country=UK", "/api/events?since=2024-02-31", "/api/events?limit=0",
           "/api/events?since=2024-05-01&until=2024-04-01", "/api/events?negated=perhaps", "/api/trends?by=planet",
           "/api/alerts?window=2", "/api/articles/nope", "/api/event_groups/1", "/api/ui/grid?cell=3",
           "/api/ui/grid?country=Ethiopia", "/api/ui/grid?quad_class=9", "/api/ui/dyads?min_confidence=x",
           "/api/no-such-path", "/api/export/xml"]


def requests(con) -> list[str]:
    """Every request: the paged and aggregate views under each filter, the extras, and the article
    and cell pages of the first rows."""
    out = [f"{path}?{q}" if q else path for path in PAGED + AGGREGATES for q in FILTERS] + EXTRA + INVALID
    out += [f"/api/articles/{a}" for (a,) in con.execute("SELECT id FROM articles ORDER BY id LIMIT 5").fetchall()]
    out += [f"/api/event_groups/{g}" for (g,) in con.execute("SELECT group_id FROM event_groups ORDER BY "
                                                            "num_mentions DESC, group_id LIMIT 3").fetchall()]
    cells = con.execute("SELECT DISTINCT CAST(floor(lat / 2) AS INT), CAST(floor(lon / 2) AS INT) FROM events "
                        "WHERE lat IS NOT NULL ORDER BY 1, 2 LIMIT 5").fetchall()
    out += [f"/api/ui/grid/events?cell=2&gy={gy}&gx={gx}&limit=5" for gy, gx in cells]
    return out


def dump(db: str, out: str) -> None:
    """Ask this process's eventwatch every request; write {request: [status, body]} to ``out``."""
    import duckdb
    from fastapi.testclient import TestClient

    from eventwatch.web import create_app

    con = duckdb.connect(db, read_only=True)
    todo = requests(con)
    con.close()
    client = TestClient(create_app(db, cache=False), raise_server_exceptions=False)
    answers = {}
    for url in todo:
        r = client.get(url, headers={"Accept": "application/json"})
        is_json = r.headers.get("content-type", "").startswith("application/json")
        answers[url] = [r.status_code, r.json() if is_json else r.text]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(answers, fh, sort_keys=True)


def run_tree(src: str, db: str, workdir: str, name: str) -> dict:
    copy = os.path.join(workdir, f"{name}.duckdb")
    shutil.copy(db, copy)
    out = os.path.join(workdir, f"{name}.json")
    env = {**os.environ, "PYTHONPATH": os.path.abspath(src)}
    subprocess.run([sys.executable, os.path.abspath(__file__), "--dump", copy, out], env=env, check=True)
    with open(out, encoding="utf-8") as fh:
        return json.load(fh)


def compare(old: dict, new: dict) -> list[str]:
    diffs = []
    for url in old:
        if url not in new:
            diffs.append(f"{url}: missing in new")
        elif url in INVALID:
            if old[url][0] != new[url][0]:
                diffs.append(f"{url}: status {old[url][0]} -> {new[url][0]}")
        elif old[url] != new[url]:
            diffs.append(f"{url}: status {old[url][0]} -> {new[url][0]}" if old[url][0] != new[url][0]
                         else f"{url}: body differs")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--old", help="the old tree's src folder")
    ap.add_argument("--new", help="the new tree's src folder")
    ap.add_argument("--dump", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump:
        dump(*args.dump)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        old, new = run_tree(args.old, args.db, tmp, "old"), run_tree(args.new, args.db, tmp, "new")
    diffs = compare(old, new)
    for d in diffs:
        print(d)
    n_ok = sum(1 for v in old.values() if v[0] == 200)
    print(f"{len(old)} requests ({n_ok} answered 200 by the old tree, {len(INVALID)} invalid: status only): "
          f"{len(diffs)} differ", file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
