"""Turn typed quote notation into offset labels: labels/quotes/coded/<doc>.<coder>.jsonl.

    python scripts/labels/ingest_quotes.py NOTES.txt --coder A [--shared ../shared] [--labels labels/quotes]

NOTES holds blocks that start with ``# DOC`` followed by one line per quote (an article with
no quote is a ``# DOC`` line alone)::

    S<n> <kind> <type> | <quote start>...<quote end> | <cue> | <speaker mention> | <canonical name>

kind: d(irect), i(ndirect), m(ixed); type: p(erson), o(rganisation), d(ocument), u(nknown).
The quote is found from the start of sentence n (numbers as show_article.py prints them); a
snippet without ``...`` is the whole quote. Whitespace in a snippet matches any whitespace run.
The cue is the occurrence nearest the quote, the speaker mention the occurrence nearest the cue
(or the quote); ``mention@S<n>`` pins it to sentence n. ``-`` is null. Lines starting ``//`` are
comments. Every line is validated; any error stops the ingest with all errors listed, and nothing
is written. The notes file holds article text: keep it out of the repository.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_notation import corpus_record, manifest, sentences  # noqa: E402

KINDS = {"d": "direct", "i": "indirect", "m": "mixed"}
TYPES = {"p": "person", "o": "organisation", "d": "document", "u": "unknown"}
NEAR = 600  # a cue or speaker mention further than this from its quote is an error
QUOTE_MARKS = "\"'“”‘’"


class NotationError(ValueError):
    pass


def pattern(snippet: str) -> re.Pattern:
    """Whitespace runs match any whitespace; a snippet that begins or ends with a word character
    matches whole words only ("He" is not the start of "Hess")."""
    words = snippet.split()
    body = r"\s+".join(re.escape(w) for w in words)
    lead = r"(?<!\w)" if words and re.match(r"\w", words[0]) else ""
    trail = r"(?!\w)" if words and re.search(r"\w$", words[-1]) else ""
    return re.compile(lead + body + trail)


def find_quote(text: str, start: int, snippet: str) -> tuple[int, int]:
    head, _, tail = snippet.partition("...")
    m = pattern(head).search(text, start)
    if not m:
        raise NotationError(f"quote start {head!r} not found after offset {start}")
    if not tail.strip():
        return m.start(), m.end()
    n = pattern(tail).search(text, m.end())
    if not n:
        raise NotationError(f"quote end {tail!r} not found after {head!r}")
    return m.start(), n.end()


def find_near(text: str, snippet: str, anchor: tuple[int, int], sents: list) -> tuple[int, int] | None:
    if snippet.strip() == "-":
        return None
    snippet, _, pin = snippet.partition("@S")
    lo, hi = (sents[int(pin) - 1][1], sents[int(pin) - 1][2]) if pin else (0, len(text))
    hits = [(m.start(), m.end()) for m in pattern(snippet).finditer(text, lo, hi)]
    if not hits:
        raise NotationError(f"{snippet!r} not found" + (f" in S{pin}" if pin else ""))
    best = min(hits, key=lambda h: _distance(h, anchor))
    if _distance(best, anchor) > NEAR:
        raise NotationError(f"{snippet!r} is {_distance(best, anchor)} characters from its quote")
    return best


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def parse_line(line: str, row: dict, text: str, sents: list) -> dict:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != 5:
        raise NotationError(f"need 5 fields separated by |, got {len(parts)}")
    head = parts[0].split()
    if len(head) != 3 or not re.fullmatch(r"S\d+", head[0]) or head[1] not in KINDS or head[2] not in TYPES:
        raise NotationError(f"bad head {parts[0]!r} (want S<n> d|i|m p|o|d|u)")
    sno = int(head[0][1:])
    if not 1 <= sno <= len(sents):
        raise NotationError(f"no sentence S{sno}")
    quote = find_quote(text, sents[sno - 1][1], parts[1])
    if quote[0] >= sents[sno - 1][2]:
        raise NotationError(f"quote starts after the end of S{sno}")
    cue = find_near(text, parts[2], quote, sents)
    speaker = find_near(text, parts[3], cue or quote, sents)
    name = None if parts[4] == "-" else parts[4]
    label = {"doc": row["doc"], "corpus": row["corpus"], "quote": list(quote), "kind": KINDS[head[1]],
             "cue": list(cue) if cue else None, "speaker": list(speaker) if speaker else None,
             "speaker_name": name, "speaker_type": TYPES[head[2]]}
    check(label, text)
    return label


def check(label: dict, text: str) -> None:
    s, e = label["quote"]
    body = text[s:e]
    if label["kind"] == "direct" and body[0] not in QUOTE_MARKS:
        raise NotationError("a direct quote must start with its quotation mark")
    if label["kind"] == "indirect" and any(c in body for c in '"“”'):
        print(f"warning: {label['doc']} {label['quote']}: an indirect quote holds quotation marks "
              "(a name or scare quotes? else code it mixed)", file=sys.stderr)
    if (label["speaker_name"] is None) != (label["speaker_type"] == "unknown"):
        raise NotationError("a canonical name goes with a known speaker type, '-' with u")
    if label["cue"] and s <= label["cue"][0] < e:
        raise NotationError("the cue lies inside the quote")


def blocks(path: Path) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    doc = None
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("#"):
            doc = line[1:].split()[0]
            out[doc] = []
        elif doc is None:
            raise SystemExit(f"{path}:{no}: a quote line before any '# DOC' line")
        else:
            out[doc].append((no, line))
    return out


def ingest(path: Path, coder: str, shared: Path, labels: Path) -> dict[str, list[dict]]:
    rows, errors, done = manifest(labels), [], {}
    for doc, lines in blocks(path).items():
        if doc not in rows:
            errors.append(f"{path}: {doc} is not in the manifest")
            continue
        rec = corpus_record(shared, rows[doc]["corpus"], doc)
        text, sents = rec["text"], sentences(rec["text"])
        done[doc] = []
        for no, line in lines:
            try:
                done[doc].append(parse_line(line, rows[doc], text, sents))
            except (NotationError, ValueError) as exc:
                errors.append(f"{path}:{no}: {doc}: {exc}")
        spans = sorted(tuple(q["quote"]) for q in done[doc])
        errors.extend(f"{path}: {doc}: quotes {a} and {b} overlap" for a, b in zip(spans, spans[1:]) if b[0] < a[1])
    if errors:
        raise SystemExit("\n".join(errors))
    return done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notes", nargs="+", type=Path)
    ap.add_argument("--coder", required=True)
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--labels", default="labels/quotes", type=Path)
    args = ap.parse_args(argv)
    for notes in args.notes:
        for doc, quotes in ingest(notes, args.coder, args.shared, args.labels).items():
            out = args.labels / "coded" / f"{doc}.{args.coder}.jsonl"
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(q) + "\n" for q in sorted(quotes, key=lambda q: q["quote"]))
            print(f"{out}: {len(quotes)} quotes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
