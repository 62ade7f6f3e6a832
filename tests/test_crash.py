"""Crash safety: `eventwatch ingest` killed with SIGKILL at random points, then restarted, stores
every document exactly once, with no article half-written."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

import duckdb

SUBJECTS = ["The finance ministry", "Opposition leaders", "The port authority", "Farmers' unions", "The central bank",
            "Regional governors", "The health agency", "Teachers' groups", "The election commission", "Border police"]
VERBS = ["criticised", "praised", "met with", "accused", "welcomed", "questioned", "thanked", "warned"]
OBJECTS = ["the transport plan", "the new tax rules", "the mayor of the capital", "foreign investors", "the court ruling",
           "the army chief", "local councils", "the prime minister"]


def make_corpus(path, n: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            sents = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."
                     for _ in range(3)]
            fh.write(json.dumps({"id": f"doc-{i:05d}", "published": "2023-04-0%d" % (1 + i % 9),
                                 "title": f"Report {i}", "text": " ".join(sents)}) + "\n")


def ingest(corpus, db):
    return subprocess.Popen([sys.executable, "-m", "eventwatch.cli", "ingest", str(corpus), "--db", str(db),
                             "--batch-size", "40", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_during_ingest_loses_nothing_and_duplicates_nothing(tmp_path):
    rng = random.Random(20211)
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "crash.duckdb"
    n = 2000
    make_corpus(corpus, n, rng)
    kills = 0
    for _ in range(4):
        proc = ingest(corpus, db)
        time.sleep(rng.uniform(4.0, 12.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    final = ingest(corpus, db)
    _, err = final.communicate(timeout=900)
    assert final.returncode == 0, err.decode()
    assert kills >= 1

    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    assert len(ids) == len(set(ids)) == n
    # no article has partial rows: what each stored record lists is exactly what its tables hold
    rows = con.execute("SELECT id, record FROM articles").fetchall()
    for table, key in (("events", "events"), ("quotes", "quotes")):
        counts = dict(con.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall())
        for aid, rec in rows:
            assert counts.get(aid, 0) == len(json.loads(rec)[key]), (table, aid)
    mentions = dict(con.execute("SELECT article_id, count(*) FROM actor_mentions GROUP BY 1").fetchall())
    for aid, rec in rows:
        assert mentions.get(aid, 0) == sum(len(a["mentions"]) for a in json.loads(rec)["actors"])
    orphans = con.execute("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
