"""The spaCy speed-ups (Settings.fast_nlp, and Settings.matmul = "numpy") must not change any record or token
annotation: compare the plain model (thinc's blis, spaCy's components) with the sped-up one on N articles.

    python benchmarks/check_fast_nlp.py --n 300
    python benchmarks/check_fast_nlp.py --n 2225   # the whole BBC corpus
"""
from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path

from eventwatch.model import Document
from eventwatch.pipeline import Pipeline
from eventwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def records(fast: bool, docs: list[Document]) -> tuple[list[dict], float]:
    import spacy

    from eventwatch.nlp import available_models

    nlp = spacy.load(next(m for m in available_models() if m != "en_core_web_trf"))  # a fresh model each time
    pipe = Pipeline(Settings(fast_nlp=fast, matmul="numpy" if fast else "thinc"), nlp=nlp)
    t0 = time.process_time()
    out = [r.to_dict() for r in pipe.process(docs)]
    return out, time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    docs = [Document(text=json.loads(line)["text"], id=str(i)) for i, line in enumerate(islice(open(args.corpus), args.n))]
    slow, t_slow = records(False, docs)
    fast, t_fast = records(True, docs)
    same = sum(a == b for a, b in zip(slow, fast))
    print(f"{args.n} articles: identical records {same}/{len(slow)}; "
          f"CPU {t_slow:.1f} s plain (fast_nlp off, thinc matmul), {t_fast:.1f} s sped up")
    tokens, differ = annotations(docs)
    print(f"token annotation (tag, POS, morphology, lemma, dependency, head, entities, sentence starts): "
          f"{tokens} tokens, {differ} differ")


def annotations(docs: list[Document]) -> tuple[int, int]:
    """Tokens whose annotation differs between the plain and the sped-up model, over the same texts."""
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from eventwatch.nlp import available_models
    from eventwatch.nlp.fast import speed_up
    from eventwatch.nlp.matmul import set_matmul

    name = next(m for m in available_models() if m != "en_core_web_trf")
    plain, fast = spacy.load(name), set_matmul(speed_up(spacy.load(name)), "numpy")
    texts = [d.text for d in docs]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    tokens = differ = 0
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        tokens += len(a)
        differ += int((a.to_array(attrs) != b.to_array(attrs)).any(axis=1).sum())
    return tokens, differ


if __name__ == "__main__":
    main()
