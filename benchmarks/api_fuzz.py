"""schemathesis against the API's own /openapi.json, in process (ASGI), on a small database.

Every operation gets --examples generated cases of valid parameters (positive) and as many of
invalid ones (negative: wrong types, out-of-range numbers, too-long strings). Checked on every
response: no server error (5xx), the body matches the documented response schema, the content type
and headers are the documented ones. Prints calls, status codes and failures per operation.
(schemathesis' own pytest plugin does not load under pytest 9, so cases are drawn with hypothesis.)

  .venv/bin/python benchmarks/api_fuzz.py [--examples 200] [--db PATH]
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else small_db(Path(tmp) / "fuzz.duckdb")
        out = run(create_app(db, ingest_token=TOKEN), args.examples)
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
    return 1 if out["server_errors"] or out["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
