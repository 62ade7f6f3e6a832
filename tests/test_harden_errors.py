"""Issue #23 items 6-7 (and the UTF-16 part of 8): clear errors instead of tracebacks, nothing skipped
silently, stdin bounded, feed items without link or guid stored once, broken feeds reported."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwatch.ingest import read_inputs
from eventwatch.model import Record
from eventwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Police arrested three protesters in the port city of Valmora on Monday, officials said."


def _record(rid: str) -> Record:
    return Record(id=rid, text=TEXT, title="Arrests", published="2024-05-02")


class _DiskFullAtCommit:
    """A DuckDB connection whose COMMIT fails as on a full disk (DuckDB has then already ended the
    transaction, so a ROLLBACK fails too)."""

    def __init__(self, con):
        self.con = con

    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            self.con.execute("ROLLBACK")
            raise duckdb.IOException('IO Error: Could not write file "x.duckdb.wal": No space left on device')
        return self.con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_disk_full_during_a_write_is_a_clear_error_and_the_store_stays_usable(tmp_path):
    from eventwatch.store import Store, StoreError, writer

    with Store(tmp_path / "s.duckdb") as store:
        store.write([_record("first")])
        with pytest.raises(StoreError, match="No space left on device.*none of them was stored"):
            writer.write(_DiskFullAtCommit(store.con), [_record("second")])
        store.write([_record("third")])
        ids = sorted(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
    assert ids == ["first", "third"]


@pytest.mark.parametrize("share", [0.1, 0.5, 0.75])
def test_a_truncated_database_gives_one_line_not_a_traceback(tmp_path, capsys, share):
    from eventwatch.cli import main
    from eventwatch.store import Store

    db = tmp_path / "cut.duckdb"
    with Store(db) as store:
        store.write([_record(f"a{i}") for i in range(20)])
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.truncate(int(size * share))
    for args in (["events", "--db", str(db)], ["trends", "--db", str(db)], ["ingest", "-q", "--db", str(db), str(tmp_path / "a.txt")]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "damaged" in err or "cannot open database" in err


def test_unreadable_sub_folder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(TEXT, "utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs = list(read_inputs([str(tmp_path)]))
    errors = [p.message for d in docs for p in d.problems]
    assert any("cannot read folder" in m and m.rstrip().endswith("Permission denied") for m in errors), errors
    assert any(d.location.endswith("a.txt") for d in docs)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_argument_is_an_error_record(tmp_path, capsys):
    from eventwatch.cli import main

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXT, "utf-8")
    locked.chmod(0)
    try:
        assert main(["process", str(locked), "-q"]) == 1
    finally:
        locked.chmod(0o755)
    assert "Traceback" not in capsys.readouterr().err


def test_is_records_dir_of_an_unreadable_folder_is_false(monkeypatch, tmp_path):
    from eventwatch.scale import parquet

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_file", denied)
    assert parquet.is_records_dir(tmp_path) is False


class _Endless(io.RawIOBase):
    """A stdin of ``size`` bytes of text that counts what was read."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), self.size - self.read_bytes)
        buf[:n] = (b"word " * (n // 5 + 1))[:n]
        self.read_bytes += n
        return n


def test_stdin_is_read_only_up_to_the_limit(monkeypatch):
    raw = _Endless(200 * 1024 * 1024)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    docs = list(read_inputs(["-"], Settings(max_bytes=1024 * 1024)))
    assert len(docs) == 1 and "larger than" in " ".join(p.message for p in docs[0].problems)
    assert raw.read_bytes < 4 * 1024 * 1024


def test_utf16_files_with_a_bom_are_read(tmp_path):
    (tmp_path / "le.txt").write_bytes("\ufeff".encode("utf-16-le") + TEXT.encode("utf-16-le"))
    (tmp_path / "be.jsonl").write_bytes(("\ufeff" + json.dumps({"id": "u16", "text": TEXT}) + "\n").encode("utf-16-be"))
    docs = {d.location.rsplit("/", 1)[-1]: d for d in read_inputs([str(tmp_path)])}
    assert docs["le.txt"].text.strip() == TEXT and not docs["le.txt"].problems
    assert docs["be.jsonl:1"].id == "u16" and docs["be.jsonl:1"].text == TEXT


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Strike at the port</title><description>Dock workers in Valmora stopped work on Tuesday over pay, their union said.</description></item>
</channel></rss>"""


def test_feed_item_without_link_or_guid_is_stored_once(tmp_path, pipeline):
    from eventwatch.ingest.fetch import Fetcher
    from eventwatch.ingest.watch import Watcher
    from eventwatch.store import Store

    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, "utf-8")
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, pipeline.settings, Fetcher(delay=0), pipeline)
        first, second = watcher.poll([str(feed)]), watcher.poll([str(feed)])
    assert (first.new_items, first.stored) == (1, 1)
    assert (second.new_items, second.stored) == (0, 0)


def test_invalid_feed_xml_gives_a_message(tmp_path):
    """``eventwatch watch`` on a file that is no feed and on a cut-off feed: a message for each, and the
    items before the break are stored. Run as a command, so that no other test's logging set-up
    (which once hid these warnings from an in-process capture) decides what is seen."""
    garbage, cut = tmp_path / "garbage.xml", tmp_path / "cut.xml"
    garbage.write_text("this is <<< not a feed", "utf-8")
    cut.write_text(FEED[:-40], "utf-8")
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    proc = subprocess.run([sys.executable, "-m", "eventwatch.cli", "watch", str(garbage), str(cut), "--once",
                           "--db", str(tmp_path / "w.duckdb"), "--date", "2024-05-01"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert "garbage.xml: not a readable RSS/Atom feed" in proc.stderr, proc.stderr
    assert "cut.xml: the feed's XML is broken" in proc.stderr, proc.stderr
    assert "1 stored" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("delay", [1.5, 3.0, 5.0])  # workers starting, loading, at work (roughly, by load)
def test_ctrl_c_while_workers_start_prints_no_traceback(tmp_path, delay):
    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps({"id": str(i), "text": f"Police arrested {i} men in Lyon on Monday."}) + "\n"
                            for i in range(20000)), "utf-8")  # far longer than any delay below, even on an idle machine
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    proc = subprocess.Popen([sys.executable, "-m", "eventwatch.cli", "process", "-j", "2", "-q", str(data)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    time.sleep(delay)  # whenever it comes, the run stops with 130 and one line, never runs on to the end
    os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("did not stop within 60 s of Ctrl-C")
    err = err.decode()
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 2, err[-3000:]
    assert proc.returncode == 130
