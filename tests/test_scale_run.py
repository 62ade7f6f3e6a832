"""eventwatch run: Parquet part tables from JSONL, WARC and Parquet inputs, locally and on Ray."""
from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from scale_fixtures import PAGES, build_warc

from eventwatch.cli import main
from eventwatch.ingest import read_inputs
from eventwatch.scale.parquet import is_records_dir, read_records, undated_documents

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ARTICLES = [
    {"id": "loop-1", "title": "Talks collapse in Estland", "published": "2024-03-02",
     "text": "Government negotiators in Estland walked out of talks with the opposition on Saturday. "
             "The prime minister, Anna Kell, said the opposition had rejected every proposal."},
    {"id": "loop-2", "title": "Aid convoy reaches Karsk",
     "text": "An aid convoy organised by the Red Cross reached the besieged town of Karsk on Sunday, "
             "officials in Morvia said. \"The situation is desperate,\" a doctor told reporters."},
]
PARQUET_ROWS = [
    {"id": "pq-1", "url": "https://news.example/police-detain-activists", "published": "2024-04-01",
     "text": "Police in Morvia detained twelve activists during a march in the capital on Monday, the interior ministry said."},
]


@pytest.fixture
def inputs(tmp_path):
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    warc = build_warc(tmp_path / "crawl.warc.gz")
    parquet = tmp_path / "more.parquet"
    pq.write_table(pa.Table.from_pylist(PARQUET_ROWS), parquet)
    return [str(jsonl), str(warc), str(parquet)]


def _expected(pipeline, paths):
    return sorted((r.to_dict() for r in pipeline.process(read_inputs(paths, pipeline.settings))), key=lambda d: d["id"])


def _got(out):
    return sorted((r.to_dict() for r in read_records(out)), key=lambda d: d["id"])


def test_parquet_input_is_read_like_jsonl(pipeline, inputs):
    docs = list(read_inputs([inputs[2]], pipeline.settings))
    assert [d.id for d in docs] == ["pq-1"] and docs[0].url == PARQUET_ROWS[0]["url"]


def test_local_run_writes_part_tables_that_duckdb_and_ingest_read(pipeline, inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["run", *inputs, "--out", str(out), "-q", "--date", pipeline.settings.default_date]) == 0
    assert is_records_dir(out)
    expected = _expected(pipeline, inputs)
    assert _got(out) == expected
    con = duckdb.connect()
    urls = {r[0] for r in con.execute(f"SELECT url FROM '{out}/articles/*.parquet'").fetchall()}
    assert set(PAGES) <= urls and PARQUET_ROWS[0]["url"] in urls
    n_actors = con.execute(f"SELECT count(*) FROM '{out}/actors/*.parquet'").fetchone()[0]
    assert n_actors == sum(len(r["actors"]) for r in expected)
    for part in ("events", "quotes", "places"):
        con.execute(f"SELECT article_id FROM '{out}/{part}/*.parquet'").fetchall()  # readable, even when empty
    db = tmp_path / "from_parquet.duckdb"
    assert main(["ingest", str(out), "--db", str(db), "-q"]) == 0
    from eventwatch.store import Store

    with Store(db, read_only=True) as store:
        assert store.article_ids() == {r["id"] for r in expected}
        assert store.counts()["actors"] > 0


def test_ray_run_gives_the_same_records_as_process(pipeline, inputs, tmp_path):
    pytest.importorskip("ray")
    from eventwatch.scale.ray_runner import run_ray

    out = tmp_path / "ray_out"
    n = run_ray(inputs, pipeline.settings, out, workers=1)
    expected = _expected(pipeline, inputs)
    assert n == len(expected) == 5
    got = _got(out)
    for d in got + expected:
        d.pop("location", None)  # Ray reads files by absolute path
    assert got == expected
    assert undated_documents(out) == (sum(d["published"] is None for d in got), 5)


def test_ray_missing_gives_a_clear_error(monkeypatch, inputs, tmp_path, capsys):
    import builtins

    real = builtins.__import__

    def no_ray(name, *a, **k):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    assert main(["run", "--engine", "ray", inputs[0], "--out", str(tmp_path / "x"), "-q"]) == 2
    assert "pip install 'eventwatch[ray]'" in capsys.readouterr().err


def test_undated_documents_are_counted_from_the_articles_table(pipeline, inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["run", *inputs, "--out", str(out), "-q"]) == 0
    got = _got(out)
    undated = sum(d["published"] is None for d in got)
    assert 0 < undated < len(got) == 5  # loop-2 has no date; loop-1 and pq-1 have one
    assert undated_documents(out) == (undated, 5)
