"""Loader for eventwatch's own hand-coded event set (docs/annotation/events.md).

The repository keeps ids, offsets and codes only; the text stays in ``../shared``.

``labels/events/sample.jsonl`` -- one row per sampled sentence::

    {"sid": "bbc-politics-012:3", "corpus": "bbc", "doc": "bbc-politics-012",
     "start": 412, "end": 530, "split": "tune" | "test", "chunk": "ev07"}

``start``/``end`` are Python ``str`` indices into the ``text`` field of the corpus record
(``CORPORA[corpus]`` names the file and its id field).

``labels/events/coded/<chunk>.<coder>.jsonl`` -- one row per coded sentence::

    {"sid": ..., "chunk": ..., "coder": "A", "events": [
        {"cameo": "173", "root": "17", "plover": "COERCE",
         "trigger": [s, e], "source": [s, e] | null, "target": [s, e] | null,
         "source_code": "GBRCOP" | "", "target_code": "---CVL" | "",
         "hypothetical": false, "negated": false, "background": false}]}

Spans in the coded files are offsets into the corpus text (like ``start``/``end``).
:func:`sentences` yields them relative to the sentence instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# corpus name -> (file under the shared folder, id field of its records)
CORPORA: dict[str, tuple[str, str]] = {
    "bbc": ("corpora/bbc_news_2004_2005.jsonl", "id"),
    "reuters": ("corpora/reuters21578_political_subset.jsonl", "id"),
    "polnear": ("gold/quotes/polnear_dev.jsonl", "doc_id"),
    "geowebnews": ("gold/geo/geowebnews_dev.jsonl", "doc_id"),
    "tr_news": ("gold/geo/tr_news_dev.jsonl", "doc_id"),
    "lgl": ("gold/geo/lgl_dev.jsonl", "doc_id"),
    "re3d": ("gold/ner/re3d_all.jsonl", "doc_id"),
}
SPAN_KEYS = ("trigger", "source", "target")
REPO = Path(__file__).resolve().parents[3]
DEFAULT_LABELS = REPO / "labels" / "events"


def default_shared() -> Path:
    """$EVENTWATCH_SHARED, else ../shared beside the repository (or beside a worktree's parent)."""
    env = os.environ.get("EVENTWATCH_SHARED")
    if env:
        return Path(env)
    for cand in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if cand.is_dir():
            return cand
    return Path("../shared")


@dataclass
class LabelledSentence:
    sid: str
    corpus: str
    doc: str
    split: str
    chunk: str
    start: int
    end: int
    text: str
    coder: str | None = None
    events: list[dict] = field(default_factory=list)
    wave: int = 1  # the sample wave that drew the sentence (labels/events/README.md)


def load_docs(shared: Path | str, corpora: set[str] | None = None) -> dict[tuple[str, str], dict]:
    """(corpus, doc id) -> corpus record; the first record wins when an id repeats."""
    docs: dict[tuple[str, str], dict] = {}
    for corpus, (rel, key) in CORPORA.items():
        if corpora is not None and corpus not in corpora:
            continue
        with open(Path(shared) / rel, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                docs.setdefault((corpus, str(rec[key])), rec)
    return docs


def read_jsonl(path: Path | str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _relative(event: dict, offset: int) -> dict:
    out = dict(event)
    for key in SPAN_KEYS:
        span = event.get(key)
        out[key] = [span[0] - offset, span[1] - offset] if span else None
    return out


def coded_sentences(labels: Path | str = DEFAULT_LABELS, coder: str | None = None) -> dict[str, dict]:
    """sid -> coded row; with several coders of one chunk, ``coder`` or the first name in sort order wins."""
    rows: dict[str, dict] = {}
    for path in sorted((Path(labels) / "coded").glob("*.jsonl")):
        for row in read_jsonl(path):
            if coder is not None and row.get("coder") != coder:
                continue
            rows.setdefault(row["sid"], row)
    return rows


def sentences(
    shared: Path | str | None = None,
    labels: Path | str = DEFAULT_LABELS,
    split: str | None = None,
    coded_only: bool = True,
    coder: str | None = None,
) -> Iterator[LabelledSentence]:
    """Yield the sampled sentences joined to their text, with gold events (spans relative to the sentence).

    ``coded_only`` skips sentences no coder has coded yet; ``split`` keeps "tune" or "test" only.
    """
    sample = read_jsonl(Path(labels) / "sample.jsonl")
    coded = coded_sentences(labels, coder)
    docs = load_docs(shared or default_shared(), {row["corpus"] for row in sample})
    for row in sample:
        if split is not None and row["split"] != split:
            continue
        got = coded.get(row["sid"])
        if coded_only and got is None:
            continue
        text = docs[(row["corpus"], row["doc"])]["text"][row["start"] : row["end"]]
        events = [_relative(ev, row["start"]) for ev in (got or {}).get("events", [])]
        yield LabelledSentence(
            row["sid"], row["corpus"], row["doc"], row["split"], row["chunk"],
            row["start"], row["end"], text, (got or {}).get("coder"), events, row.get("wave", 1),
        )


def training_sentences(waves: str | None = None, labels: Path | str = DEFAULT_LABELS) -> list[LabelledSentence]:
    """The tune split (never test), optionally only the sample waves listed ("1,3"): what training and
    calibration scripts may fit on. A wave left out stays a held-out measure (``eval events`` rows tune.wN)."""
    keep = {int(w) for w in waves.split(",")} if waves else None
    return [s for s in sentences(labels=labels) if s.split == "tune" and (keep is None or s.wave in keep)]


def waves_option(parser) -> None:
    parser.add_argument("--waves", help="fit on these sample waves of the tune split only, e.g. 1,3 (default: all)")
