"""Shared helpers of the quote-coding tools: reading corpus records and splitting text into
numbered sentences (by offsets, so the numbers shown by show_article.py are those that
ingest_quotes.py resolves)."""
from __future__ import annotations

import json
import re
from pathlib import Path

SENTENCE_END = re.compile(r"""(?<=[.!?])["']?\s+(?=["'(]?[A-Z0-9])""")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|Gen|Sen|Rep|Gov|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$")
PARAGRAPH = re.compile(r"\n\s*\n|\n {2,}")


def corpus_record(shared: Path, corpus: str, doc: str) -> dict:
    with open(shared / "corpora" / f"{corpus}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if f'"{doc}"' in line:
                rec = json.loads(line)
                if rec["id"] == doc:
                    return rec
    raise KeyError(f"{doc} not in {corpus}")


def manifest(labels: Path) -> dict[str, dict]:
    with open(labels / "articles.jsonl", encoding="utf-8") as fh:
        return {row["doc"]: row for row in map(json.loads, fh) if row}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(paragraph number, start, end) of each sentence, numbered from 1 in order."""
    out = []
    for pno, (ps, pe) in enumerate(_paragraphs(text), 1):
        start = ps
        for m in SENTENCE_END.finditer(text, ps, pe):
            if ABBREVIATION.search(text, ps, m.start()):
                continue
            cut = m.start() + len(m.group(0).rstrip()) if m.group(0)[0] in "\"'" else m.start()
            out.append((pno, start, cut))
            start = m.end()
        out.append((pno, start, pe))
    return [(p, s + _lead(text[s:e]), e) for p, s, e in out if text[s:e].strip()]


def _lead(chunk: str) -> int:
    return len(chunk) - len(chunk.lstrip())
