"""Validate a coder's notation file and write its JSONL twin (offsets and codes only, no text).

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/ingest.py labels/events/coded/ev01.A.txt

Notation (docs/annotation/events.md), one line per event, `#` starts a comment line:
    <sid> -                                   no event in the sentence
    <sid> <cameo> | src: <span> = <CODE> | tgt: <span> = <CODE> | trig: <span> | flags: h,n,b
    + <cameo> | ...                           another event of the sentence on the line above
A span is words of the sentence (first occurrence; `words@2` for the second); `-` is no span
(`src: - = USAGOV` names an actor that is not in the sentence). flags is optional.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from eventwatch.eval.event_labels import DEFAULT_LABELS, default_shared, load_docs, read_jsonl

ACTOR = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3}){0,4}$")
# the 2021 mapping leaves appeals (02x) blank; PLOVER defines REQUEST as "all requests, demands, and orders"
PLOVER_FALLBACK = {"02": "REQUEST"}
FLAGS = {"h": "hypothetical", "n": "negated", "b": "background"}
FIELDS = {"src": "source", "tgt": "target", "trig": "trigger", "flags": "flags"}
NAME = re.compile(r"^(?P<chunk>[A-Za-z0-9]+)\.(?P<coder>[A-Za-z0-9_]+)\.txt$")


class CodingError(ValueError):
    pass


def code_tables(shared: Path) -> tuple[dict[str, dict], dict[str, str]]:
    ref = json.loads((shared / "gold/events/cameo_codes_reference.json").read_text())["codes"]
    cameo = {c["cameo_code"]: c for c in ref}
    plover = {r["cameo_code"]: r["plover_event"] for r in read_jsonl(shared / "gold/events/cameo_to_plover_2021.jsonl")}
    return cameo, plover


def find_span(spec: str, sentence: str) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of the words of ``spec`` (`words@n`) in ``sentence``."""
    words, _, nth = spec.rpartition("@") if re.search(r"@\d+$", spec) else (spec, "", "1")
    words = words.strip()
    if not words:
        raise CodingError("empty span (write `-` for no span)")
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    pattern = (r"(?<!\w)" if words[:1].isalnum() else "") + pattern + (r"(?!\w)" if words[-1:].isalnum() else "")
    hits = list(re.finditer(pattern, sentence))
    if len(hits) < int(nth):
        found = f" ({len(hits)} occurrence(s))" if hits else ""
        raise CodingError(f"span {spec!r} not found in the sentence{found}")
    return hits[int(nth) - 1].span()


def parse_party(value: str, sentence: str, offset: int) -> tuple[list[int] | None, str]:
    span_text, eq, code = value.rpartition("=") if "=" in value else (value, "", "")
    span_text, code = span_text.strip(), code.strip()
    if code and not ACTOR.match(code):
        raise CodingError(f"actor code {code!r} is not COUNTRY+SECTORS (GBRGOV, USAMIL, ---CVL)")
    if span_text in ("", "-"):
        return None, code
    if not code:
        raise CodingError(f"span {span_text!r} has no actor code (`{span_text} = USAGOV`)")
    s, e = find_span(span_text, sentence)
    return [offset + s, offset + e], code


def parse_event(body: str, sentence: str, offset: int, tables) -> dict:
    cameo_ref, plover = tables
    head, *parts = [p.strip() for p in body.split("|")]
    code = head.strip()
    if code not in cameo_ref:
        raise CodingError(f"unknown CAMEO code {code!r}")
    if code[:2] in ("01", "00") or not code[:2].isdigit():
        raise CodingError(f"CAMEO {code} is outside roots 02-20 (plain statements are not coded: use `-`)")
    plover_type = plover.get(code) or plover.get(code[:2]) or PLOVER_FALLBACK.get(code[:2], "")
    ev = {"cameo": code, "root": code[:2], "plover": plover_type,
          "trigger": None, "source": None, "target": None, "source_code": "", "target_code": "",
          "hypothetical": False, "negated": False, "background": False}
    for part in parts:
        key, colon, value = part.partition(":")
        if not colon or key.strip() not in FIELDS:
            raise CodingError(f"field {part!r}: expected src:, tgt:, trig: or flags:")
        name, value = FIELDS[key.strip()], value.strip()
        if name == "flags":
            for f in filter(None, re.split(r"[,\s]+", value)):
                if f not in FLAGS:
                    raise CodingError(f"flag {f!r}: use h (hypothetical), n (negated), b (background)")
                ev[FLAGS[f]] = True
        elif name == "trigger":
            s, e = find_span(value, sentence)
            ev["trigger"] = [offset + s, offset + e]
        else:
            ev[name], ev[name + "_code"] = parse_party(value, sentence, offset)
    if ev["trigger"] is None:
        raise CodingError("no trig: (the verb or noun of the act)")
    if not (ev["source_code"] or ev["target_code"]):
        raise CodingError("neither src nor tgt has an actor code")
    return ev


def parse_file(path: Path, rows: list[dict], texts: dict[str, str], tables) -> tuple[dict[str, list], list[str]]:
    by_sid = {r["sid"]: r for r in rows}
    coded: dict[str, list] = {}
    errors: list[str] = []
    last = None
    seen: set[str] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        sid, _, body = line.partition(" ")
        sid = last if sid == "+" else sid
        body = body.strip()
        try:
            if sid not in by_sid:
                raise CodingError(f"sid {sid!r} is not in this chunk" if sid else "`+` with no sentence above")
            last = sid
            seen.add(sid)
            if body == "-":
                if sid in coded:
                    raise CodingError("`-` for a sentence already coded above")
                coded[sid] = []
            elif body in ("", "?"):
                raise CodingError("not coded yet (write `-` or an event)")
            else:
                if coded.get(sid) == []:
                    raise CodingError("event for a sentence marked `-` above")
                event = parse_event(body, texts[sid], by_sid[sid]["start"], tables)
                coded.setdefault(sid, []).append(event)
        except CodingError as exc:
            errors.append(f"{path}:{n}: {exc}\n    {line[:160]}")
    errors += [f"{path}: sentence {sid} has no line" for sid in by_sid if sid not in seen]
    return coded, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args(argv)
    m = NAME.match(args.file.name)
    if not m:
        print(f"{args.file}: name must be <chunk>.<coder>.txt", file=sys.stderr)
        return 2
    shared = Path(args.shared or default_shared())
    rows = [r for r in read_jsonl(DEFAULT_LABELS / "sample.jsonl") if r["chunk"] == m["chunk"]]
    if not rows:
        print(f"{args.file}: no chunk {m['chunk']!r} in the sample", file=sys.stderr)
        return 2
    docs = load_docs(shared, {r["corpus"] for r in rows})
    texts = {r["sid"]: docs[(r["corpus"], r["doc"])]["text"][r["start"] : r["end"]] for r in rows}
    coded, errors = parse_file(args.file, rows, texts, code_tables(shared))
    if errors:
        print("\n".join(errors), f"\n{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    out = args.file.with_suffix(".jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            row = {"sid": r["sid"], "chunk": m["chunk"], "coder": m["coder"], "events": coded[r["sid"]]}
            fh.write(json.dumps(row) + "\n")
    n_ev = sum(map(len, coded.values()))
    n_sent = sum(1 for v in coded.values() if v)
    print(f"{out}: {len(rows)} sentences, {n_sent} with events, {n_ev} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
