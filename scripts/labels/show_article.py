"""Print an article of the quote set with numbered paragraphs and sentences, for coding.

    python scripts/labels/show_article.py DOC [--shared ../shared] [--labels labels/quotes]

Each line: S<sentence> P<paragraph> @<offset> and the sentence (line breaks shown as spaces).
The sentence numbers are those an ingest_quotes.py notation line starts with.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_notation import corpus_record, manifest, sentences  # noqa: E402


def show_coded(text: str, path: Path) -> None:
    """Each coded quote as: kind, the quoted text, cue, speaker mention -> canonical name (type)."""
    cut = lambda span: " ".join(text[span[0]:span[1]].split()) if span else "-"  # noqa: E731
    with open(path, encoding="utf-8") as fh:
        for q in map(json.loads, fh):
            print(f"[{q['kind'][0]}] {cut(q['quote'])}\n      | {cut(q['cue'])} | {cut(q['speaker'])}"
                  f" -> {q['speaker_name']} ({q['speaker_type']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("doc", nargs="+")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--labels", default="labels/quotes")
    ap.add_argument("--coded", metavar="CODER", help="print that coder's quotes instead of the sentences")
    args = ap.parse_args(argv)
    rows = manifest(Path(args.labels))
    for doc in args.doc:
        rec = corpus_record(Path(args.shared), rows[doc]["corpus"], doc)
        text = rec["text"]
        print(f"# {doc}  {rec.get('title', '')}  ({len(text)} chars)")
        if args.coded:
            show_coded(text, Path(args.labels) / "coded" / f"{doc}.{args.coded}.jsonl")
        else:
            for i, (p, s, e) in enumerate(sentences(text), 1):
                print(f"S{i} P{p} @{s}  {' '.join(text[s:e].split())}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
