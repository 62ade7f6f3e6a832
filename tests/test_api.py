"""The REST API: endpoints, filters, paging, 4xx for bad parameters, token-guarded ingest."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwatch.api import create_app
from eventwatch.store import Store
from store_records import make_record

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as s:
        s.write([make_record("a1", ("attack", "meet")), make_record("a2", ("attack",), source="Other Wire"),
                 make_record("a3", ("threat",), published="2024-03-20")])
    return path


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path))


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors", "/api/dyads",
                 "/api/quotes", "/api/places", "/api/trends", "/api/alerts", "/api/summary"):
        assert path in spec["paths"], path
    assert "/api/ingest" not in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_events_filters_paging_sorting(client):
    r = client.get("/api/events", params={"country": "UKR", "since": "2024-03-01", "until": "2024-03-31"}).json()
    assert r["total"] == 3 and len(r["items"]) == 3
    assert all("UKR" in (e["country"], e["source_country"], e["target_country"]) for e in r["items"])
    page = client.get("/api/events", params={"limit": 1, "offset": 1, "sort": "goldstein", "order": "asc"}).json()
    assert page["total"] == 4 and len(page["items"]) == 1 and page["items"][0]["goldstein"] == -10.0
    uniq = client.get("/api/events", params={"unique": "true"}).json()
    attack = [e for e in uniq["items"] if e["cameo"] == "190"]
    assert len(attack) == 1 and attack[0]["num_articles"] == 2 and attack[0]["num_sources"] == 2
    assert client.get("/api/events", params={"root": "13,19", "quad_class": "4"}).json()["total"] == 2
    assert client.get("/api/events", params={"plover": "consult"}).json()["total"] == 1
    group = client.get(f"/api/event_groups/{attack[0]['group_id']}").json()
    assert {m["article_id"] for m in group["mentions"]} == {"a1", "a2"}


def test_other_endpoints(client):
    assert client.get("/api/articles/a1").json()["id"] == "a1"
    assert client.get("/api/articles/nope").status_code == 404
    assert {a["id"] for a in client.get("/api/articles", params={"outlet": "Other Wire"}).json()["items"]} == {"a2"}
    actors = client.get("/api/actors", params={"country": "UKR"}).json()["items"]
    assert {"RUS-GOV", "UKR-MIL"} <= {a["id"] for a in actors}
    dyads = client.get("/api/dyads").json()["items"]
    assert (dyads[0]["source"], dyads[0]["target"], dyads[0]["n_events"]) == ("RUS-GOV", "UKR-MIL", 3)
    quotes = client.get("/api/quotes", params={"actor": "lima"}).json()["items"]
    assert len(quotes) == 3 and quotes[0]["speaker"] == "person:ana-lima"
    places = client.get("/api/places").json()["items"]
    assert places[0]["name"] == "Kyiv" and places[0]["n_events"] == 2
    trends = client.get("/api/trends", params={"by": "country", "interval": "week"}).json()["items"]
    assert sum(t["n_events"] for t in trends) == 4
    assert client.get("/api/alerts").json()["items"] == []
    summary = client.get("/api/summary").json()
    assert (summary["events"], summary["unique_events"], summary["store"]["articles"]) == (4, 3, 3)


@pytest.mark.parametrize("url", [
    "/api/events?limit=0", "/api/events?limit=100000", "/api/events?offset=-1", "/api/events?since=2024-02-31",
    "/api/events?country=UK", "/api/events?root=42", "/api/events?quad_class=7", "/api/events?sort=nonsense",
    "/api/events?order=sideways", "/api/events?since=2024-05-01&until=2024-04-01", "/api/trends?by=planet",
    "/api/trends?interval=year", "/api/alerts?scope=galaxy", "/api/alerts?window=2", "/api/event_groups/notanumber",
    "/api/events?cameo=1;DROP", "/api/events?min_confidence=2",
])
def test_bad_parameters_are_4xx(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    body = r.json()
    assert set(body) == {"ok", "error", "status", "title"} and body["ok"] is False
    assert body["status"] == r.status_code and body["error"].startswith("E") and body["title"]


@pytest.mark.parametrize("method, url, status, code, words", [
    ("GET", "/api/events?root=42", 400, "E104", "root: not a CAMEO root 01-20: '42'"),
    ("GET", "/api/events?since=2024-05-01&until=2024-04-01", 400, "E102", "since is after until"),
    ("GET", "/api/events?country=UK", 422, "E200", "country"),
    ("GET", "/api/trends?by=planet", 422, "E200", "by"),
    ("GET", "/api/articles/nope", 404, "E203", "no article 'nope'"),
    ("GET", "/api/event_groups/12345", 404, "E204", "no event group 12345"),
    ("GET", "/api/no-such-thing", 404, "E201", "/api/no-such-thing"),
    ("POST", "/api/events", 405, "E202", "POST /api/events"),
])
def test_every_error_has_one_coded_shape(client, method, url, status, code, words):
    r = client.request(method, url)
    assert r.status_code == status
    body = r.json()
    assert body == {"ok": False, "error": code, "status": status, "title": body["title"]}
    assert words in body["title"]


def test_the_catalogue_codes_are_distinct_and_classes_carry_them():
    from eventwatch.errors import Errors, QueryError, StoreError
    from eventwatch.ingest import UsageError
    from eventwatch.nlp import ModelError

    assert len(list(Errors)) == len(Errors.__members__)  # no code is an alias of another
    assert [UsageError("x").code, ModelError("x").code, StoreError("x").code, QueryError("x").code] == \
        ["E400", "E401", "E300", "E100"]
    assert str(QueryError(Errors.E104, value="42")) == "root: not a CAMEO root 01-20: '42'"


def test_injection_attempts_are_values(client):
    r = client.get("/api/events", params={"actor": "x' OR '1'='1", "text": "%'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] == 4


def test_read_only_app_has_no_ingest(client):
    assert client.post("/api/ingest", json={"records": []}).status_code in (404, 405)


def test_ingest_requires_the_token(tmp_path):
    path = tmp_path / "w.duckdb"
    with Store(path) as s:
        s.write([make_record("w1", ("attack",))])
    c = TestClient(create_app(path, ingest_token=TOKEN))
    body = {"records": [make_record("w2", ("threat",)).to_dict()]}
    denied = c.post("/api/ingest", json=body)
    assert denied.status_code == 401 and denied.json()["error"] == "E205"
    assert denied.headers["WWW-Authenticate"] == "Bearer"
    assert c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/api/ingest", json=body, headers={"X-Eventwatch-Token": TOKEN[:-1]}).status_code == 401
    ok = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    before = c.get("/api/summary").json()
    assert before["events"] == 2
    assert c.post("/api/ingest", json=body, headers={"X-Eventwatch-Token": TOKEN}).status_code == 200
    assert c.get("/api/summary").json() == before  # re-ingest changes nothing
    assert c.post("/api/ingest", json={"nothing": 1}, headers={"X-Eventwatch-Token": TOKEN}).status_code == 400
    assert c.post("/api/ingest", json={"records": [{"x": 1}]}, headers={"X-Eventwatch-Token": TOKEN}).status_code == 422


def test_missing_database_is_refused(tmp_path):
    from eventwatch.store import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.duckdb")


def test_concurrent_requests_share_the_database_safely(client):
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?country=UKR", "/api/trends?by=root", "/api/summary", "/api/dyads", "/api/actors"] * 8
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_facets_and_exports(client):
    facets = client.get("/api/facets").json()
    assert facets["country"][0] == {"value": "UKR", "events": 3}
    assert facets["dates"] == {"first": "2024-03-04", "last": "2024-03-20"}
    r = client.get("/api/export/gdelt", params={"country": "UKR"})
    assert r.status_code == 200
    rows = r.text.splitlines()
    assert len(rows) == 2 and all(len(x.split("\t")) == 61 for x in rows)
    assert client.get("/api/export/plover").text.count("\n") == 3
    assert client.get("/api/export/csv").text.startswith("article_id,")
    assert client.get("/api/export/xml").status_code == 422
