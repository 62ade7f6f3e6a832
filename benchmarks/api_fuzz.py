"""schemathesis against the API's own /openapi.json, in process (ASGI), on a small database.

Every operation gets --examples generated cases of valid parameters (positive) and as many of
invalid ones (negative: wrong types, out-of-range numbers, too-long strings). Checked on every
response: no server error (5xx), the body matches the documented response schema, the content type
and headers are the documented ones. Prints calls, status codes and failures per operation.
(schemathesis' own pytest plugin does not load under pytest 9, so cases are drawn with hypothesis.)

With --ingest, the authenticated POST /api/ingest is fuzzed too (fuzz_ingest: generated records and
documents with values of random types and sizes).

  .venv/bin/python benchmarks/api_fuzz.py [--examples 200] [--db PATH] [--ingest]
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

TOKEN = "api-fuzz-token"


def checks():
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_headers_conformance,
                                                  response_schema_conformance)

    return [not_a_server_error, response_schema_conformance, content_type_conformance, response_headers_conformance]


def run(app, examples: int, seed: int = 1) -> dict:
    """Calls, status codes and failures per operation for ``examples`` positive and negative cases each."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, seed as hseed, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    out = {"calls": 0, "failures": [], "server_errors": 0, "status": collections.Counter(), "operations": 0,
           "unsatisfiable": []}
    for result in schema.get_all_operations():
        op = result.ok()
        out["operations"] += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = op.as_strategy(generation_mode=mode)

            @hseed(seed)
            @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                      phases=(Phase.explicit, Phase.generate))
            @given(case=strategy)
            def one(case):
                response = case.call()
                out["calls"] += 1
                out["status"][f"{op.method.upper()} {op.path} {response.status_code}"] += 1
                if response.status_code >= 500:
                    out["server_errors"] += 1
                try:
                    case.validate_response(response, checks=checks())
                except Exception as exc:  # noqa: BLE001 - collected, reported together
                    out["failures"].append(f"{op.method.upper()} {op.path} [{mode.value}] {case.path_parameters or ''}"
                                           f"{case.query or ''}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")

            try:
                one()
            except Unsatisfiable:  # e.g. no parameter can be made invalid
                out["unsatisfiable"].append(f"{op.method.upper()} {op.path} [{mode.value}]")
    return out


def fuzz_ingest(app, examples: int, seed: int = 1) -> dict:
    """POST /api/ingest with the token and generated bodies (issue #23): records and documents whose
    values have random types and sizes (huge integers, lone surrogates, lists and objects where strings
    go, spans out of order or out of the text). Counted: 5xx answers and statuses."""
    import json

    from fastapi.testclient import TestClient
    from hypothesis import HealthCheck, given, seed as hseed, settings, strategies as st

    client = TestClient(app)
    text = "Rebels attacked an army convoy near Goma on Monday."
    scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30, max_value=10**60),
                       st.floats(allow_nan=False), st.text(max_size=40), st.just("\ud800"), st.just(text))
    value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6)
    span = st.one_of(value, st.lists(st.integers(-5, 80), min_size=0, max_size=3))
    event = st.fixed_dictionaries({"cameo": st.one_of(st.just("190"), value), "root": st.just("19"), "plover": st.just("ASSAULT"),
                                   "quad_class": st.one_of(st.just(4), value), "goldstein": st.one_of(st.just(-10.0), value),
                                   "sentence": span, "trigger": span})
    quote = st.fixed_dictionaries({"text": st.one_of(st.just("x"), value), "span": span, "kind": st.just("direct")},
                                  optional={"cue": span, "speaker_span": span})
    record = st.fixed_dictionaries({"id": st.one_of(st.text(min_size=1, max_size=30), value), "text": st.one_of(st.just(text), value)},
                                   optional={"published": value, "title": value, "events": st.lists(event, max_size=2),
                                             "quotes": st.lists(quote, max_size=2)})
    document = st.fixed_dictionaries({"text": st.one_of(st.just(text), value)}, optional={"id": value, "published": value, "url": value})
    body = st.one_of(st.fixed_dictionaries({"records": st.lists(record, max_size=3)}),
                     st.fixed_dictionaries({"documents": st.lists(document, max_size=2)}), value)
    out = {"calls": 0, "server_errors": 0, "status": collections.Counter(), "examples": []}

    @hseed(seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(payload=body)
    def one(payload):
        raw = json.dumps(payload, ensure_ascii=True)
        r = client.post("/api/ingest", content=raw, headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        out["calls"] += 1
        out["status"][r.status_code] += 1
        if r.status_code >= 500:
            out["server_errors"] += 1
            out["examples"].append(raw[:300])

    one()
    return out


def small_db(path: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from store_records import make_record

    from eventwatch.store import Store

    with Store(path) as s:
        s.write([make_record("a1", ("attack", "meet")), make_record("a2", ("attack",), source="Other Wire"),
                 make_record("a3", ("threat",), published="2024-03-20")])
    return path


def main() -> int:
    from eventwatch.web import create_app

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=200, help="cases per operation and mode")
    ap.add_argument("--db", help="an existing database (default: a small one built here)")
    ap.add_argument("--ingest", action="store_true", help="also fuzz the authenticated POST /api/ingest (generated bodies)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else small_db(Path(tmp) / "fuzz.duckdb")
        app = create_app(db, ingest_token=TOKEN)
        out = run(app, args.examples)
        ingest = fuzz_ingest(app, args.examples) if args.ingest else None
    print(f"schemathesis: {out['operations']} operations, {out['calls']:,} calls "
          f"({args.examples} positive + {args.examples} negative cases each)")
    print(f"server errors (5xx): {out['server_errors']}; check failures: {len(out['failures'])}")
    by_status = collections.Counter()
    for key, n in out["status"].items():
        by_status[key.rsplit(" ", 1)[1]] += n
    print("status codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_status.items())))
    if out["unsatisfiable"]:
        print("no cases could be generated for: " + ", ".join(out["unsatisfiable"]))
    for f in out["failures"][:30]:
        print("FAIL", f)
    if ingest:
        print(f"authenticated POST /api/ingest: {ingest['calls']:,} generated bodies, server errors (5xx): "
              f"{ingest['server_errors']}; status codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(ingest["status"].items())))
        for raw in ingest["examples"][:10]:
            print("5xx", raw)
    return 1 if out["server_errors"] or out["failures"] or (ingest and ingest["server_errors"]) else 0


if __name__ == "__main__":
    sys.exit(main())
