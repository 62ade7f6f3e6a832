"""Agreement of two coders on the double-coded articles of the quote set.

    PYTHONPATH=src python scripts/labels/quote_agreement.py [--labels labels/quotes] [--shared ../shared]
        [--coders A B] [--json]

Quote spans: coder A's quotes are the reference and coder B's are matched to them as the quote
scorer matches predictions to gold (eventwatch.eval.quotes.match: each A quote takes the unused B
quote holding the largest share of its characters, if above 0.3); precision, recall and F1
follow. Speakers: on matched quotes, the share whose canonical names agree
(eventwatch.eval.quotes.same_speaker; both unknown also agree), and the share with the same kind.
Only articles that both coders have coded are counted.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwatch.eval.quote_labels import find_shared, read_labels
from eventwatch.eval.quotes import match, same_speaker

THRESHOLD = 0.3


def speakers_agree(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or same_speaker(a, b)


def compare(ref: list[dict], other: list[dict], threshold: float = THRESHOLD) -> dict:
    """Counts for one article: coder A's quotes (ref) against coder B's (other), scorer shape."""
    pairs = match(ref, [{"span": q["spans"][0]} for q in other], threshold)
    return {"a": len(ref), "b": len(other), "matched": len(pairs),
            "speaker_same": sum(speakers_agree(ref[i]["speaker"], other[j]["speaker"]) for i, j in pairs),
            "kind_same": sum(ref[i]["kind"] == other[j]["kind"] for i, j in pairs)}


def summarise(counts: list[dict]) -> dict:
    total = {k: sum(c[k] for c in counts) for k in ("a", "b", "matched", "speaker_same", "kind_same")}
    p = total["matched"] / total["b"] if total["b"] else 0.0
    r = total["matched"] / total["a"] if total["a"] else 0.0
    m = total["matched"]
    return {**total, "articles": len(counts), "threshold": THRESHOLD, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_agreement": total["speaker_same"] / m if m else None,
            "kind_agreement": total["kind_same"] / m if m else None}


def agreement(labels: Path, shared: Path, coders: tuple[str, str] = ("A", "B")) -> dict:
    first = {a["id"]: a for a in read_labels(labels, coders[0], shared)}
    second = {a["id"]: a for a in read_labels(labels, coders[1], shared)}
    docs = [d for d in first if d in second]
    per_doc = {d: compare(first[d]["quotes"], second[d]["quotes"]) for d in docs}
    return {"coders": list(coders), "docs": per_doc, "total": summarise(list(per_doc.values()))}


def report(result: dict) -> str:
    t = result["total"]
    if not t["articles"]:
        return f"no article coded by both {' and '.join(result['coders'])}"
    fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"{d}: A {c['a']}, B {c['b']}, matched {c['matched']}, same speaker {c['speaker_same']}"
             for d, c in result["docs"].items()]
    lines.append(f"{t['articles']} articles: quote F1 at T={t['threshold']} {t['f1']:.3f} (P {t['precision']:.3f}, "
                 f"R {t['recall']:.3f}); speaker agreement {fmt(t['speaker_agreement'])}, "
                 f"kind agreement {fmt(t['kind_agreement'])} on {t['matched']} matched quotes")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default="labels/quotes", type=Path)
    ap.add_argument("--shared", type=Path, help="the shared data folder (default: found above the labels)")
    ap.add_argument("--coders", nargs=2, default=["A", "B"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = agreement(args.labels, args.shared or find_shared(args.labels), tuple(args.coders))
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
