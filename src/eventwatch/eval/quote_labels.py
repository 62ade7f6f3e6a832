"""eventwatch's own hand-coded quote set: ``eventwatch eval quotes labels/quotes``.

A label folder holds ``articles.jsonl`` (one row per article: doc, corpus, sha1 of the text,
part tune|measure, double) and ``coded/<doc>.<coder>.jsonl`` (one quote per line: doc, corpus,
quote [start, end], kind direct|indirect|mixed, cue, speaker (the mention) as offsets or null,
speaker_name, speaker_type). No text is kept there: the text is the corpus record's ``text`` in
the shared data folder (``$EVENTWATCH_SHARED``, else the first ``shared/`` with a ``corpora/``
beside the label folder or one of its parents, or of the working directory).

The articles come out in the shape ``eventwatch.eval.quotes`` scores, with format
``labels/tune`` or ``labels/measure`` (the part fixed by the picker), so each part is reported
on its own. The coding guide is docs/annotation/quotes.md.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST = "articles.jsonl"
PRIMARY_CODER = "A"


def is_label_folder(path: Path) -> bool:
    return (path / MANIFEST).is_file() and (path / "coded").is_dir()


def find_shared(folder: Path) -> Path:
    """The shared data folder: $EVENTWATCH_SHARED, else the nearest ``shared/corpora`` upwards."""
    if os.environ.get("EVENTWATCH_SHARED"):
        return Path(os.environ["EVENTWATCH_SHARED"])
    for base in (folder.resolve(), Path.cwd().resolve()):
        for parent in (base, *base.parents):
            if (parent / "shared" / "corpora").is_dir():
                return parent / "shared"
    raise FileNotFoundError(f"no shared/corpora above {folder}; set EVENTWATCH_SHARED")


def read_manifest(folder: Path) -> list[dict]:
    with open(folder / MANIFEST, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_coded(folder: Path, doc: str, coder: str = PRIMARY_CODER) -> list[dict] | None:
    """One coder's quotes of one article, or None when that coder has not coded it."""
    path = folder / "coded" / f"{doc}.{coder}.jsonl"
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_texts(shared: Path, wanted: dict[str, set[str]]) -> dict[str, str]:
    """Text by doc id, read once per corpus, only for the wanted ids."""
    texts: dict[str, str] = {}
    for corpus, ids in wanted.items():
        with open(shared / "corpora" / f"{corpus}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") in ids:
                    texts[rec["id"]] = rec["text"]
    return texts


def scorer_quote(label: dict, text: str) -> dict:
    """A label in the shape of eval.quotes gold quotes."""
    cue = label.get("cue")
    return {"spans": [tuple(label["quote"])],
            "speaker_spans": [tuple(label["speaker"])] if label.get("speaker") else [],
            "speaker": label.get("speaker_name"),
            "cue": text[cue[0]:cue[1]].lower() if cue else None,
            "cue_spans": [tuple(cue)] if cue else [],
            "marked": label["kind"] != "indirect", "kind": label["kind"], "speaker_type": label.get("speaker_type")}


def primary_coder(row: dict) -> str:
    """The coder whose reading of a manifest row is scored: its ``primary`` field (the second wave's
    articles were coded by other coders than the first's), else coder A."""
    return row.get("primary") or PRIMARY_CODER


def read_labels(folder: Path, coder: str | None = None, shared: Path | None = None) -> list[dict]:
    """The coded articles of a label folder joined to their text, in manifest order: each article as its
    primary coder read it, or as ``coder`` did when given. An article whose text no longer matches the
    recorded sha1 is left out with a warning (its offsets would be wrong)."""
    coder_of = {r["doc"]: coder or primary_coder(r) for r in read_manifest(folder)}
    rows = [r for r in read_manifest(folder) if read_coded(folder, r["doc"], coder_of[r["doc"]]) is not None]
    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r["corpus"], set()).add(r["doc"])
    texts = corpus_texts(shared or find_shared(folder), wanted)
    articles = []
    for r in rows:
        text = texts.get(r["doc"])
        if text is None or hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
            log.warning("%s: %s text missing or changed; article left out", folder, r["doc"])
            continue
        quotes = [scorer_quote(q, text) for q in read_coded(folder, r["doc"], coder_of[r["doc"]]) or []]
        articles.append({"id": r["doc"], "text": text, "format": f"labels/{r.get('part', 'all')}", "quotes": quotes})
    return articles
