"""Hostile inputs: a fixed-seed subset of benchmarks/fuzz_inputs.py, and the limits it relies on."""
from __future__ import annotations

import gzip
import importlib.util
import io
import time
import zlib
from pathlib import Path

import pytest

from eventwatch.ingest import Source, _file_source, read_source
from eventwatch.pipeline.limits import DocumentTimeout, deadline
from eventwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("fuzz_inputs", ROOT / "benchmarks" / "fuzz_inputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_fixed_seed_fuzz_subset_has_no_crash_hang_or_lost_article(pipeline):
    fuzz = _fuzz_module()
    out = fuzz.run(n=200, seed=7, nlp_every=40, hang=20.0, doc_seconds=5.0, max_bytes=4 * 1024 * 1024,
                   pipeline=pipeline)
    assert out["inputs"] == 200
    assert out["crashes"] == 0, out["crash_msgs"][:3]
    assert out["hangs"] == 0
    assert out["lost_good"] == 0 and out["nlp_batches"] >= 5  # every 40th input, and each punctuation-run and JSON-edge input
    assert out["leaked"] == 0
    assert out["rejects"] > 0  # hostile inputs are refused with messages, not silently passed


def _docs(name: str, data: bytes, settings=None):
    return list(read_source(Source(name, lambda: io.BytesIO(data), len(data)), settings or Settings()))


def test_a_gzip_bomb_stops_at_the_decompression_limit(tmp_path, monkeypatch):
    import eventwatch.ingest as ingest

    monkeypatch.setattr(ingest, "GZIP_MIN_BUDGET", 16 << 20)  # the real floor is 256 MiB: same code, less waiting
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [comp.compress(b'{"text": "')] + [comp.compress(b"A" * (1 << 20)) for _ in range(64)] + [comp.flush()]
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(b"".join(parts))  # 64 MiB inflated from about 64 KB: over 100x
    docs = list(read_source(_file_source(bomb), Settings(max_bytes=1 << 20)))
    messages = " | ".join(p.message for d in docs for p in d.problems)
    assert "inflates beyond" in messages
    assert all(d.text is None for d in docs)


def test_a_cut_gzip_file_keeps_the_lines_before_the_cut(tmp_path):
    lines = "\n".join('{"id": "%d", "text": "The mayor met the union leaders in Lyon on day %d."}' % (i, i) for i in range(200))
    data = gzip.compress(lines.encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    docs = list(read_source(_file_source(cut), Settings()))
    assert any(d.text for d in docs)
    assert "broken gzip data" in docs[-1].problems[0].message


def test_an_enormous_jsonl_line_is_refused_and_the_next_line_read():
    data = b'{"text": "' + b"x" * 3_000_000 + b'"}\n{"id": "ok", "text": "Police arrested two men in Turin."}\n'
    docs = _docs("big.jsonl", data, Settings(max_bytes=1 << 20))
    assert "longer than" in docs[0].problems[0].message
    assert docs[1].id == "ok" and docs[1].text.startswith("Police")


def test_deeply_nested_json_is_an_error_document_not_a_crash():
    docs = _docs("deep.jsonl", b'{"id": "a", "text": "Troops left Kabul."}\n' + b"[" * 100_000 + b"\n")
    assert docs[0].text
    assert "nested too deeply" in docs[1].problems[0].message


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaa">\n'
          + "".join(f'<!ENTITY a{i} "{("&a%s;" % (i - 1 if i > 1 else "")) * 10}">\n' for i in range(1, 10)) + "]>\n")


@pytest.mark.parametrize("dtd,ref", [
    (LAUGHS, "&a9;"),
    ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', "&x;"),
])
def test_feeds_do_not_expand_entity_bombs_or_read_external_entities(dtd, ref):
    feed = (f'{dtd}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{ref}</title>'
            f"<item><title>{ref}</title><content:encoded><![CDATA[<p>Farmers blocked roads near Lille on Monday.</p>]]>"
            "</content:encoded></item></channel></rss>").encode()
    t0 = time.perf_counter()
    docs = _docs("feed.xml", feed)
    assert time.perf_counter() - t0 < 30  # a billion laughs would not finish
    for d in docs:
        assert "root:" not in (d.text or "") + (d.title or "") + (d.source or "")
        assert len((d.title or "") + (d.text or "")) < 10_000


def test_deadline_interrupts_a_runaway_step():
    with pytest.raises(DocumentTimeout):
        with deadline(0.2, "spinning"):
            while True:
                pass
    with deadline(5, "quick"):
        pass  # no alarm is left behind
    time.sleep(0.3)


def test_a_document_over_the_time_limit_gets_an_error_and_the_batch_goes_on(pipeline, monkeypatch):
    from dataclasses import replace

    import eventwatch.pipeline.core as pl
    from eventwatch.model import Document

    real = pl.clean

    def slow_clean(doc):
        if doc.id == "slow":
            while True:
                pass
        return real(doc)

    monkeypatch.setattr(pl, "clean", slow_clean)
    monkeypatch.setattr(pipeline, "settings", replace(pipeline.settings, doc_seconds=0.5))
    docs = [Document(text="The army shelled the port of Odesa on Sunday, officials said.", id="slow"),
            Document(text="Protesters marched through Nairobi on Friday, police said.", id="fine")]
    slow, fine = pipeline.process_batch(docs)
    assert any("longer than the limit" in p.message for p in slow.errors)
    assert fine.text and not any(p.level == "error" for p in fine.errors)
