"""Inter-coder agreement over the chunks that two coders coded independently.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/agreement.py

Per chunk and overall: Cohen's kappa on event / no event per sentence; event-by-root F1 (events of a
sentence matched one-to-one by root); for matched events, agreement of the full CAMEO code and of the
source and target actor codes
(in full, and as country + first sector: src6/tgt6). With more than two coders of a chunk the first
two (by name) are compared.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventwatch.eval.event_labels import DEFAULT_LABELS, read_jsonl
from eventwatch.eval.event_set import match  # one-to-one by root, as the scorer matches


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)



def score(pairs_by_sid: list[tuple[list[dict], list[dict]]]) -> dict[str, float]:
    sent = [(bool(a), bool(b)) for a, b in pairs_by_sid]
    matched = [p for a, b in pairs_by_sid for p in match(a, b)]
    na, nb = sum(len(a) for a, _ in pairs_by_sid), sum(len(b) for _, b in pairs_by_sid)
    m = len(matched)

    def share(key: str, prefix: int = 99) -> float:
        return sum(x[key][:prefix] == y[key][:prefix] for x, y in matched) / m if m else float("nan")

    return {"sents": len(sent), "ev_A": sum(a for a, _ in sent), "ev_B": sum(b for _, b in sent),
            "kappa": kappa(sent), "n_A": na, "n_B": nb, "matched": m,
            "root_F1": 2 * m / (na + nb) if na + nb else float("nan"),
            "cameo": share("cameo"), "src_code": share("source_code"), "tgt_code": share("target_code"),
            "src6": share("source_code", 6), "tgt6": share("target_code", 6)}


def load_pairs(labels: Path) -> dict[str, tuple[str, str, list]]:
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((labels / "coded").glob("*.*.jsonl")):
        files[path.name.split(".")[0]].append(path)
    out = {}
    for chunk, paths in sorted(files.items()):
        if len(paths) < 2:
            continue
        a, b = ({r["sid"]: r for r in read_jsonl(p)} for p in paths[:2])
        coders = tuple(p.name.split(".")[1] for p in paths[:2])
        out[chunk] = (*coders, [(a[sid]["events"], b[sid]["events"]) for sid in a if sid in b])
    return out


def _row(name: str, coders: str, s: dict, cols: list[str]) -> str:
    return f"{name:6} {coders:6} " + " ".join(f"{s[c]:8.3f}" if isinstance(s[c], float) else f"{s[c]:8d}" for c in cols)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    args = ap.parse_args(argv)
    pairs = load_pairs(args.labels)
    if not pairs:
        print("no chunk has two coders yet", file=sys.stderr)
        return 1
    cols = ["sents", "ev_A", "ev_B", "kappa", "n_A", "n_B", "matched", "root_F1",
            "cameo", "src_code", "tgt_code", "src6", "tgt6"]
    print("chunk  coders " + " ".join(f"{c:>8}" for c in cols))
    everything = []
    for chunk, (ca, cb, ps) in pairs.items():
        everything += ps
        print(_row(chunk, f"{ca}/{cb}", score(ps), cols))
    print(_row("ALL", "", score(everything), cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
