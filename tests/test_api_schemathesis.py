"""The API against its own /openapi.json (schemathesis): generated and mutated parameters for every
operation give no server error and responses that match the schema; plus the hostile-client checks:
injection-shaped values, page-size limits, the ingest token, CORS, CSP and escaping."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwatch.store import Store, queries
from eventwatch.web import create_app
from store_records import make_record

TOKEN = "harden-token-for-tests"
HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("schemathesis") / "api.duckdb"
    with Store(path) as s:
        bad = make_record("evil", ("attack", "meet"))
        bad.title = HOSTILE
        s.write([make_record("a1", ("attack", "meet")), make_record("a2", ("attack",), source="Other Wire"),
                 make_record("a3", ("threat",), published="2024-03-20"), bad])
    return create_app(path, ingest_token=TOKEN)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


def test_every_operation_answers_without_server_error_and_to_schema(app):
    """schemathesis cases (valid and invalid parameters) for every operation of /openapi.json."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "api_fuzz.py"
    spec = importlib.util.spec_from_file_location("api_fuzz", path)
    api_fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api_fuzz)
    out = api_fuzz.run(app, examples=15)
    assert out["operations"] >= 12 and out["calls"] > 300
    assert out["server_errors"] == 0
    assert out["failures"] == []


@pytest.mark.parametrize("param", ["actor", "text", "outlet", "source", "plover", "root", "cameo"])
@pytest.mark.parametrize("value", ["' OR 1=1 --", "x'; DROP TABLE events; --", "%' UNION SELECT * FROM articles --",
                                   "\\' ; SELECT 1", "\x00", "*", "%%", "_", HOSTILE])
def test_injection_shaped_parameters_are_plain_values(client, param, value):
    r = client.get("/api/events", params={param: value})
    assert r.status_code in (200, 400, 422)
    if r.status_code == 200:
        assert r.json()["items"] == [] or param in ("text", "actor", "outlet")
    assert client.get("/api/summary").json()["events"] > 0  # the tables are all still there


def test_page_size_is_capped(client):
    assert client.get("/api/events", params={"limit": queries.MAX_LIMIT + 1}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/articles", params={"limit": 10**12}).status_code == 422
    assert client.get("/api/events", params={"text": "x" * 10_000}).status_code == 422


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-Eventwatch-Token": TOKEN[:-1]},
                                     {"Authorization": "Basic " + TOKEN}, {"Authorization": "Bearer "},
                                     {"X-Eventwatch-Token": TOKEN + "x"}])
def test_ingest_refuses_missing_and_wrong_tokens(client, headers):
    r = client.post("/api/ingest", json={"records": []}, headers=headers)
    assert r.status_code == 401


def test_ingest_accepts_the_right_token(client):
    r = client.post("/api/ingest", json={"records": []}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["stored"] == 0


def test_token_comparison_is_constant_time():
    import inspect

    from eventwatch.api.routes import ingest

    assert "hmac.compare_digest" in inspect.getsource(ingest.check_token)


def test_cors_is_closed_by_default(client):
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    post = client.options("/api/ingest", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in post.headers


@pytest.mark.parametrize("path", ["/", "/timeline", "/map", "/network", "/article/evil", "/api/events", "/static/app.js"])
def test_dashboard_responses_carry_a_strict_csp(client, path):
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp


def test_article_content_is_escaped_where_the_server_renders_it(client):
    from eventwatch.web.render import highlight_html

    rec = client.get("/api/articles/evil").json()
    assert rec["title"] == HOSTILE  # the API returns data as data (JSON); pages render it
    rec["text"] = rec["text"] + " " + HOSTILE  # after every span, so the offsets stay right
    html = highlight_html(rec, standalone=True)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_the_dashboard_script_never_writes_article_text_as_html():
    from eventwatch.web import STATIC

    for js in STATIC.glob("*.js"):
        code = "\n".join(line for line in js.read_text("utf-8").splitlines() if not line.lstrip().startswith(("*", "//")))
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{js.name} uses {sink}"


def test_a_query_over_the_time_limit_is_interrupted_and_the_app_goes_on(tmp_path, monkeypatch):
    from eventwatch import api
    from eventwatch.store import queries

    path = tmp_path / "slow.duckdb"
    with Store(path) as s:
        s.write([make_record("a1", ("attack",))])
    c = TestClient(api.create_app(path, query_seconds=2.0))
    assert c.get("/api/events").status_code == 200  # warm: first calls import and plan
    real = queries.summary

    def runaway(cur, f):
        cur.execute("SELECT count(*) FROM range(100000000000) a, range(1000) b").fetchall()
        return real(cur, f)

    monkeypatch.setattr(queries, "summary", runaway)
    r = c.get("/api/summary")
    assert r.status_code == 503 and "longer than 2 s" in r.json()["title"] and r.json()["error"] == "E211"
    monkeypatch.setattr(queries, "summary", real)
    assert c.get("/api/summary").json()["events"] == 1
    assert c.get("/api/events").status_code == 200
