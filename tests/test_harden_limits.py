"""Issue #23 item 1: the per-document limit covers parsing; symbol runs are cut before the tokenizer."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwatch.model import Document

ROOT = Path(__file__).resolve().parents[1]


def test_symbol_runs_cut_but_urls_and_words_kept():
    from eventwatch.pipeline.limits import cut_symbol_runs

    url = "https://www.example.org/news/world/2024/05/" + "a1b2c3d4e5" * 12 + "/index.html"
    text = "(" * 500 + " Soldiers shelled the town. " + "x" + "'s" * 300 + " " + url
    out, n = cut_symbol_runs(text, 100)
    assert n == 2
    assert "(" * 100 + " Soldiers shelled the town." in out and "(" * 101 not in out
    assert out.endswith(url)  # a long URL is mostly letters and digits: left alone


@pytest.fixture(scope="module")
def slow_nlp():
    """A blank English model whose one component sleeps (interruptibly) on texts that ask for it."""
    spacy = pytest.importorskip("spacy")
    from spacy.language import Language

    @Language.component("harden_sleepy")
    def sleepy(doc):
        if "SLEEP" in doc.text:
            time.sleep(30)
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("harden_sleepy")
    return nlp


def test_parse_is_inside_the_per_document_limit(slow_nlp):
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    pipe = Pipeline(Settings(doc_seconds=1.0, stages=()), nlp=slow_nlp)
    start = time.monotonic()
    good, slow, other = pipe.process_batch([Document(text="The army shelled the town.", location="a"),
                                            Document(text="SLEEP on this one.", location="b"),
                                            Document(text="Police arrested three men.", location="c")])
    assert time.monotonic() - start < 10
    assert any(e.stage == "nlp" and "longer than the limit" in e.message for e in slow.errors)
    assert not any(e.level == "error" for e in good.errors + other.errors)


SCRIPT = """
import sys, time
from eventwatch.pipeline import Pipeline
from eventwatch.settings import Settings
from eventwatch.model import Document
pipe = Pipeline(Settings(doc_seconds=20.0))
start = time.monotonic()
rec = next(pipe.process([Document(text="(" * 40_000 + " Rebels attacked the army base in Kandahar on Monday.")]))
print(round(time.monotonic() - start, 1), [e.message[:40] for e in rec.errors], len(rec.events))
"""


def test_forty_kb_of_brackets_finishes_within_the_limit_with_an_error():
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    try:
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=90, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("40 KB of '(' ran past 90 s")
    assert out.returncode == 0, out.stderr[-2000:]
    seconds, errors = out.stdout.strip().splitlines()[-1].split(" ", 1)
    assert float(seconds) < 20
    assert "input-symbol-run" in errors
