"""-j N: the same records as one process, in input order."""
from __future__ import annotations

from dataclasses import replace

from eventwatch.model import Document
from eventwatch.scale.processes import run

SENTENCES = [
    "The finance minister of Estland met union leaders in the capital on Monday.",
    "Police arrested three protesters outside the parliament in Morvia, officials said.",
    "The two governments agreed to reopen the border crossing next week.",
    "Rebels attacked a convoy near the northern town of Karsk, killing two soldiers.",
    "\"We will not accept these terms,\" the opposition leader told reporters.",
]


def _docs():
    # 11 documents in batches of 2: more batches than the in-flight limit, and a ragged last batch
    return [Document(text=f"{SENTENCES[i % 5]} Report number {i}.", id=f"doc-{i}", location=f"t{i}") for i in range(11)]


def test_two_workers_give_the_same_records_in_order(pipeline):
    settings = replace(pipeline.settings, batch_size=2)
    one = [r.to_dict() for r in run(_docs(), replace(settings, n_process=1))]
    two = [r.to_dict() for r in run(_docs(), replace(settings, n_process=2))]
    assert [r["id"] for r in two] == [f"doc-{i}" for i in range(11)]
    assert two == one


def test_an_empty_input_gives_no_records(pipeline):
    assert list(run([], replace(pipeline.settings, n_process=2))) == []
