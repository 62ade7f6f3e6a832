"""Cross-article event groups on a corpus: how many, how many mentions, and a sample to judge by hand.

usage: python benchmarks/group_sample.py RECORDS_DIR --db /tmp/g.duckdb [--batch-date 2005-01-01]
                                         [--sample 100] [--show] [--labels labels/event_groups.tsv]

RECORDS_DIR is a folder written by ``eventwatch run --out``. ``--batch-date`` dates undated articles
(and their events) as ``--date`` would, so undated corpora (BBC) can be grouped at all: every article
then shares one day, the hardest case for the grouping rules. Prints the counts; ``--sample`` draws
that many cross-article groups (two articles or more) with a fixed seed and splits them into a tune
and a measure-only part by a hash of the group's first article (fixed before judging). ``--show``
prints the members' sentences for judging on the terminal (never written to the repository);
``--labels`` reads verdicts (group key, tune|measure, yes|no) and reports precision per part.
Runs with whichever eventwatch is on PYTHONPATH, so the same records can be grouped by old and new code.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path


def _dated(records, day: str | None):
    for r in records:
        if day and not r.published:
            r.published = day
            for e in r.events:
                e.date = e.date or day
        yield r


def load(records_dir: str, db: str, day: str | None):
    from eventwatch.scale.parquet import read_records
    from eventwatch.store import Store

    Path(db).unlink(missing_ok=True)
    store = Store(db)
    batch = []
    for r in _dated(read_records(records_dir), day):
        batch.append(r)
        if len(batch) >= 500:
            store.write(batch)
            batch = []
    if batch:
        store.write(batch)
    return store


def counts(con) -> dict:
    q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "mentions": q("SELECT count(*) FROM events"),
        "unique events (groups)": q("SELECT count(*) FROM event_groups"),
        "cross-article groups": q("SELECT count(*) FROM event_groups WHERE num_articles >= 2"),
        "mentions in cross-article groups": q("SELECT coalesce(sum(num_mentions), 0) FROM event_groups WHERE num_articles >= 2"),
    }


def part(first_article: str) -> str:
    return "tune" if int(hashlib.md5(first_article.encode()).hexdigest(), 16) % 2 == 0 else "measure"


def sample(con, n: int, seed: int = 19) -> list[tuple]:
    """(group key, part, members) for n cross-article groups; the key is the sorted member ids (stable across code)."""
    rows = con.execute("""SELECT g.group_id, list((e.article_id, e.event_idx) ORDER BY e.article_id, e.event_idx)
                          FROM event_groups g JOIN events e USING (group_id) WHERE g.num_articles >= 2
                          GROUP BY g.group_id ORDER BY 2""").fetchall()
    random.Random(seed).shuffle(rows)
    out = []
    for _, members in rows[:n]:
        pairs = [tuple(m.values()) if isinstance(m, dict) else tuple(m) for m in members]
        key = " ".join(f"{a}#{i}" for a, i in pairs)
        first = key.split("#")[0]
        out.append((key, part(first), members))
    return out


def show(con, groups) -> None:
    for i, (key, prt, _members) in enumerate(groups, 1):
        print(f"\n== {i} [{prt}] {key}")
        for token in key.split():
            aid, idx = token.rsplit("#", 1)
            row = con.execute("SELECT event_date, cameo, source, target, place, sentence FROM events "
                              "WHERE article_id = ? AND event_idx = ?", [aid, int(idx)]).fetchone()
            print(f"   {aid}#{idx} {row[0]} {row[1]} {row[2]}->{row[3]} @{row[4]}: {' '.join((row[5] or '').split())[:260]}")


def precision(labels: Path, groups) -> dict:
    verdicts = {}
    for line in labels.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, prt, verdict = line.split("\t")[:3]
            verdicts[key] = (prt, verdict.strip() == "yes")
    out = {}
    for prt in ("tune", "measure"):
        judged = [ok for k, (p, ok) in verdicts.items() if p == prt]
        out[prt] = f"{sum(judged)}/{len(judged)}" + (f" = {100 * sum(judged) / len(judged):.1f} %" if judged else "")
    missing = [k for k, _, _ in groups if k not in verdicts]
    out["sampled groups without a verdict"] = len(missing)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records")
    ap.add_argument("--db", required=True)
    ap.add_argument("--batch-date")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--labels", type=Path)
    args = ap.parse_args(argv)
    store = load(args.records, args.db, args.batch_date)
    for k, v in counts(store.con).items():
        print(f"{k}: {v}")
    groups = sample(store.con, args.sample) if args.sample else []
    if args.show:
        show(store.con, groups)
    elif groups:
        for key, prt, _ in groups:
            print(f"{key}\t{prt}")
    if args.labels:
        print(precision(args.labels, groups))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
