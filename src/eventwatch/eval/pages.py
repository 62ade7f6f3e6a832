"""Body extraction scored against gold pages: eventwatch's cleaner vs. plain trafilatura.

Gold: folders with an ``index.jsonl`` whose records name an ``html_file`` (gzip allowed) and
either an ``expected_text`` (scored by 4-word-shingle precision/recall/F1, as in the
ScrapingHub article-extraction benchmark) or ``expected_with`` / ``expected_without`` snippets
(a "with" snippet found is a true positive, missing a false negative; a "without" snippet found
is a false positive, absent a true negative — trafilatura's own evaluation).
"""
from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

_WS = re.compile(r"\s+")


def shingles(text: str, n: int = 4) -> Counter:
    toks = re.findall(r"\w+", text.lower())
    return Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1)))


def shingle_prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    common = sum((p & g).values())
    prec = common / sum(p.values()) if p else 0.0
    rec = common / sum(g.values()) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().lower()


def load_gold(paths: list[str]) -> list[dict]:
    items = []
    for p in paths:
        path = Path(p)
        index = path / "index.jsonl" if path.is_dir() else path
        for line in index.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                rec["_root"] = index.parent
                items.append(rec)
    return items


def _html(item: dict) -> str:
    f = item["_root"] / item["html_file"]
    data = f.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    from eventwatch.ingest.bytes import decode

    return decode(data, str(f))[0]


def extract_eventwatch(html: str, url: str | None) -> str:
    from eventwatch.clean import clean
    from eventwatch.model import Document

    return clean(Document(html=html, url=url)).text


def extract_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


EXTRACTORS = {"eventwatch": extract_eventwatch, "trafilatura": extract_trafilatura}


def evaluate(paths: list[str], options: dict | None = None) -> dict:
    options = options or {}
    items = load_gold(paths)
    if options.get("limit"):
        items = items[: options["limit"]]
    result = {"pages": len(items), "systems": {}}
    for name, extract in EXTRACTORS.items():
        prf = []
        seg = Counter()
        seconds = 0.0
        per_page = {}
        for item in items:
            html = _html(item)
            t0 = time.perf_counter()
            try:
                text = extract(html, item.get("url"))
            except Exception as exc:  # noqa: BLE001 - a page that breaks an extractor scores zero
                text = ""
                per_page[item["id"]] = f"error: {exc}"
            seconds += time.perf_counter() - t0
            if item.get("expected_text"):
                p, r, f = shingle_prf(text, item["expected_text"])
                prf.append((p, r, f))
                per_page[item["id"]] = round(f, 3)
            norm = _norm(text)
            for s in item.get("expected_with") or []:
                seg["tp" if _norm(s) in norm else "fn"] += 1
            for s in item.get("expected_without") or []:
                seg["fp" if _norm(s) in norm else "tn"] += 1
        fig = {"ms_per_page": round(1000 * seconds / max(1, len(items)), 1)}
        if prf:
            fig["shingle"] = {
                "pages": len(prf),
                "precision": round(sum(x[0] for x in prf) / len(prf), 4),
                "recall": round(sum(x[1] for x in prf) / len(prf), 4),
                "f1": round(sum(x[2] for x in prf) / len(prf), 4),
            }
        if seg:
            tp, fn, fp, tn = seg["tp"], seg["fn"], seg["fp"], seg["tn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            fig["snippets"] = {
                "with_found": tp, "with_missing": fn, "without_found": fp, "without_absent": tn,
                "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "accuracy": round((tp + tn) / (tp + tn + fp + fn), 4),
            }
        fig["per_page"] = per_page
        result["systems"][name] = fig
    return result


def report(result: dict) -> str:
    lines = [f"{result['pages']} pages"]
    lines.append(f"{'system':12} {'shingle P':>9} {'R':>6} {'F1':>6}   {'snippet P':>9} {'R':>6} {'F1':>6} {'acc':>6}   ms/page")
    for name, fig in result["systems"].items():
        s, n = fig.get("shingle", {}), fig.get("snippets", {})
        lines.append(
            f"{name:12} {s.get('precision', float('nan')):9.3f} {s.get('recall', float('nan')):6.3f} {s.get('f1', float('nan')):6.3f}"
            f"   {n.get('precision', float('nan')):9.3f} {n.get('recall', float('nan')):6.3f} {n.get('f1', float('nan')):6.3f}"
            f" {n.get('accuracy', float('nan')):6.3f}   {fig['ms_per_page']}"
        )
    return "\n".join(lines)
