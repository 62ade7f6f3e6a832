"""Issue #23 item 2: JSON values are checked by type and size at the boundary; one bad line is one
error record and the batch goes on; text is valid UTF-8 after the reader."""
from __future__ import annotations

import json
import os
from pathlib import Path

from eventwatch.ingest import read_inputs

GOOD = "Rebels attacked an army convoy near Goma on Monday, the army said."
LINES = [
    '{"id": ' + "7" * 5000 + ', "text": "x"}',
    '{"id": "sur", "text": "Police arrested two men in Lyon. \\ud800 Then they left."}',
    '{"id": [1, 2], "text": "Soldiers shelled the town."}',
    '{"id": "num", "text": 5}',
    '{"id": "pub", "text": "Troops shelled the city.", "published": {"year": 2020}}',
    '{"id": "big-ignored", "text": ' + json.dumps(GOOD) + ', "views": ' + "9" * 5000 + "}",
    '{"id": "title", "text": "Troops shelled the city.", "title": "' + "t" * 5000 + '"}',
    '{"id": 12, "text": ' + json.dumps(GOOD) + "}",
]


def _docs(tmp_path: Path):
    path = tmp_path / "edge.jsonl"
    path.write_text("\n".join(LINES) + "\n", "utf-8")
    return list(read_inputs([str(path)]))


def _errors(doc) -> str:
    return " | ".join(p.message for p in doc.problems if p.level == "error")


def test_each_bad_line_is_one_error_document(tmp_path):
    docs = _docs(tmp_path)
    assert len(docs) == len(LINES)
    big, sur, idlist, num, pub, ignored, title, intid = docs
    assert "integer of 5000 digits" in _errors(big)
    assert "'id' must be a string or an integer, got a list" in _errors(idlist)
    assert "'text' must be a string" in _errors(num) and num.text is None
    # a date that cannot be read leaves the article undated, with a warning (clean/dates.py decides dates)
    assert not _errors(pub) and pub.published is None and any("unreadable date" in p.message for p in pub.problems)
    assert "over the limit" in _errors(title)
    assert not _errors(ignored) and ignored.text == GOOD  # an unused long number harms nothing
    assert intid.id == "12" and not _errors(intid)
    assert not _errors(sur) and "\ufffd" in sur.text
    sur.text.encode("utf-8")  # valid UTF-8 from here on


def test_ingest_stores_the_good_lines_of_a_batch_with_bad_ones(tmp_path, pipeline):
    from eventwatch.store import Store

    docs = _docs(tmp_path)
    records = list(pipeline.process(docs))
    db = Store(tmp_path / "t.duckdb")
    try:
        db.write(records)
        ids = {row[0] for row in db.con.execute("select id from articles").fetchall()}
    finally:
        db.close()
    assert {"sur", "big-ignored", "12"} <= ids
    assert sum(1 for r in records if r.failed) == 4


def test_file_names_cannot_forge_stderr_lines_or_break_utf8(tmp_path):
    from eventwatch.ingest import display_name

    odd = tmp_path / "two\nlines.txt"
    odd.write_text(GOOD, "utf-8")
    raw = os.path.join(os.fsencode(str(tmp_path)), b"latin\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(GOOD.encode())
    names = sorted(d.location for d in read_inputs([str(tmp_path)]))
    assert all("\n" not in n for n in names)
    assert any(n.endswith("two\\nlines.txt") for n in names)
    assert any(n.endswith("latin\\xe9.txt") for n in names)
    for n in names:
        n.encode("utf-8")
    assert display_name("a\x1b[31mb") == "a\\x1b[31mb"
