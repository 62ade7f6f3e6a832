"""Score the actor stage against gold source/target actors (PLOVER gold-standard records).

``eventwatch eval actors ../shared/gold/events/plover_gsr_dev.jsonl``
(also reads span-only gold such as ``conflibert_cameo_test.jsonl``: then only the found share.)

Each gold record is one sentence with ``source_actors``/``target_actors`` (``text``, ``code``: an
ISO alpha-3 country or ``IGO``/``NGO``/``IMG``, ``sector``: a CAMEO role such as GOV, REB). A gold
actor is *found* when an actor of ours has a mention overlapping the gold text in the sentence (the
best overlap wins); its *country* is right when our country equals the gold code (for ``IGO``/``NGO``:
when our sector or code says IGO/NGO); its *sector* is right when the gold sector's first three
letters are among ours. The sentence is processed with the record's ``date`` as publication date.
"""
from __future__ import annotations

import json
from pathlib import Path

TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")


def gold_records(paths: list[str], limit: int | None = None):
    n = 0
    for p in paths:
        files = sorted(Path(p).glob("*.jsonl")) if Path(p).is_dir() else [Path(p)]
        for f in files:
            with f.open(encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    yield json.loads(line)
                    n += 1
                    if limit and n >= limit:
                        return


def gold_actors(rec: dict) -> list[dict]:
    """PLOVER records (``source_actors``: text, code, sector) or span-only records such as the
    ConfliBERT CAMEO test set (``source_spans``/``target_spans``/``reciprocal_spans``: found share only)."""
    out = []
    for side in ("source_actors", "target_actors"):
        for a in rec.get(side) or []:
            if a.get("text"):
                out.append({**a, "side": side})
    for side in ("source_spans", "target_spans", "reciprocal_spans"):
        for text in rec.get(side) or []:
            if text:
                out.append({"text": text, "code": None, "sector": None, "side": side})
    return out


def locate(text: str, needle: str) -> tuple[int, int] | None:
    i = text.find(needle)
    if i < 0:
        i = text.lower().find(needle.lower())
    if i < 0 and "..." in needle:  # "U.S. ... negotiators": score on the first part
        return locate(text, needle.split("...")[0].strip())
    return (i, i + len(needle)) if i >= 0 else None


def best_actor(actors, span: tuple[int, int]):
    best, best_ov = None, 0
    for a in actors:
        for s, e in a.mentions:
            ov = min(e, span[1]) - max(s, span[0])
            if ov > best_ov:
                best, best_ov = a, ov
    return best


def country_right(actor, gold_code: str) -> bool:
    if gold_code in TRANSNATIONAL:
        return gold_code in (actor.sector or []) or bool(actor.code and actor.code.startswith(gold_code))
    return actor.country == gold_code


def sector_right(actor, gold_sector: str) -> bool:
    want = gold_sector[:3].upper()
    return want in (actor.sector or []) or bool(actor.code and want in actor.code[3:])


def evaluate(paths: list[str], options: dict | None = None) -> dict:
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    options = options or {}
    settings = Settings(model=options.get("model"), stages=("places", "actors"))
    pipe = Pipeline(settings)
    n = found = with_country = country_ok = with_sector = sector_ok = missing_text = 0
    misses: list[dict] = []
    records = list(gold_records(paths, options.get("limit")))
    docs = [Document(text=r["text"], id=r["id"], published=_iso(r.get("date")), location=r["id"]) for r in records]
    for rec, out in zip(records, pipe.process(docs)):
        for g in gold_actors(rec):
            span = locate(out.text, g["text"])
            if span is None:
                missing_text += 1
                continue
            n += 1
            actor = best_actor(out.actors, span)
            code, sector = g.get("code"), g.get("sector")
            if code:
                with_country += 1
            if sector and sector != "***":
                with_sector += 1
            if actor is None:
                misses.append({"id": rec["id"], "text": g["text"], "why": "not found", "gold": code})
                continue
            found += 1
            if code:
                if country_right(actor, code):
                    country_ok += 1
                else:
                    misses.append({"id": rec["id"], "text": g["text"], "why": "country", "gold": code, "ours": actor.country, "actor": actor.id})
            if sector and sector != "***" and sector_right(actor, sector):
                sector_ok += 1
    return {
        "gold_actors": n, "found": found, "found_share": _share(found, n),
        "with_country": with_country, "country_right": country_ok, "country_share": _share(country_ok, with_country),
        "with_sector": with_sector, "sector_right": sector_ok, "sector_share": _share(sector_ok, with_sector),
        "gold_text_not_located": missing_text, "records": len(records), "misses": misses,
    }


def _iso(date) -> str | None:
    if not date:
        return None
    date = str(date)
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else date[:10]


def _share(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def report(result: dict) -> str:
    lines = [
        f"records {result['records']}, gold actors located in the text {result['gold_actors']}",
        f"found (a mention of ours overlaps)       {result['found']:4d} / {result['gold_actors']:4d}  {result['found_share']:.1%}",
        f"country right (of gold with a country)   {result['country_right']:4d} / {result['with_country']:4d}  {result['country_share']:.1%}",
        f"sector right (of gold with a sector)     {result['sector_right']:4d} / {result['with_sector']:4d}  {result['sector_share']:.1%}",
    ]
    misses = result.get("misses", [])
    if misses:
        lines.append(f"first misses ({len(misses)} in all):")
        for m in misses[:25]:
            lines.append(f"  {m['why']:9} {m['text'][:50]!r} gold={m.get('gold')} ours={m.get('ours')} {m.get('actor', '')}")
    return "\n".join(lines)
