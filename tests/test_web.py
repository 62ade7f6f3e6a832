"""The dashboard without a browser: the Python highlighter, the UI endpoints, pages and headers."""
from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import web_records  # noqa: E402

from eventwatch.web.render import highlight_html, segments, spans  # noqa: E402


class Collect(HTMLParser):
    """Text and tags of an HTML fragment, with the classes in force for every piece of text."""

    def __init__(self):
        super().__init__()
        self.stack, self.pieces, self.tags, self.ids = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        self.stack.append(set((a.get("class") or "").split()))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.pieces.append((data, set().union(*self.stack) if self.stack else set()))

    def text_of(self, cls):
        return [d for d, c in self.pieces if cls in c]


def parse(html: str) -> Collect:
    p = Collect()
    p.feed(html)
    p.close()
    return p


def test_highlight_marks_each_kind_and_keeps_the_text():
    rec = web_records.protest()
    p = parse(highlight_html(rec))
    assert "".join(d for d, _ in p.pieces) == rec.text  # nothing lost, nothing added
    assert p.text_of("ew-trigger") == ["arrested"]
    assert "Kenyan police" in p.text_of("ew-actor") and "Grace Wanjiru" in p.text_of("ew-actor")
    assert p.text_of("ew-place") == ["Nairobi", "Mombasa"]
    assert p.text_of("ew-quote") == ["We will not tolerate looting in our cities"]
    assert p.text_of("ew-cue") == ["said"]
    assert "".join(p.text_of("ew-sentence")) == rec.text[slice(*rec.events[0].sentence)]
    assert p.ids == ["ev-0"]


def test_highlight_escapes_untrusted_text_and_labels():
    rec = web_records.hostile()
    html = highlight_html(rec)
    p = parse(html)
    assert set(p.tags) == {"div", "span"}  # no <script>, <img>, <b>, <p> from the text
    assert "".join(d for d, _ in p.pieces) == rec.text
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_overlapping_and_nested_spans_are_cut_into_pieces():
    text = "Rebels in Kidal said Kidal will hold."
    rec = {"text": text,
           "actors": [{"id": "R", "name": "Rebels", "mentions": [[0, 6]]}],
           "places": [{"id": "K", "name": "Kidal", "mentions": [[10, 15], [21, 26]]}],
           "events": [{"source": "R", "target": None, "cameo": "010", "sentence": [0, len(text)], "trigger": [16, 20]}],
           "quotes": [{"text": "Kidal will hold", "span": [21, 36], "speaker": "R", "cue": [16, 20]}]}
    pieces = segments(text, spans(rec))
    assert "".join(text[a:b] for a, b, _ in pieces) == text
    kinds = {text[a:b]: {s.kind for s in cov} for a, b, cov in pieces}
    assert kinds["said"] == {"sentence", "trigger", "cue"}
    assert kinds["Kidal"] >= {"sentence", "place"}
    p = parse(highlight_html(rec))
    quoted = [(d, c) for d, c in p.pieces if "ew-quote" in c]
    assert "".join(d for d, _ in quoted) == "Kidal will hold"
    assert "ew-place" in quoted[0][1] and "ew-place" not in quoted[1][1]


def test_invalid_offsets_are_ignored_not_fatal():
    rec = {"text": "Short text.", "actors": [{"id": "A", "name": "A", "mentions": [[5, 2], [0, 99], [-1, 3], "x"]}],
           "events": [{"sentence": None, "trigger": [0, 5]}], "quotes": [], "places": []}
    p = parse(highlight_html(rec))
    assert "".join(d for d, _ in p.pieces) == "Short text."
    assert p.text_of("ew-actor") == [] and p.text_of("ew-trigger") == ["Short"]
    assert highlight_html({"text": ""}) == '<div class="ew-article"></div>'


def test_standalone_adds_styles():
    assert highlight_html(web_records.protest(), standalone=True).startswith("<style>")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from eventwatch.store import Store
    from eventwatch.web import create_app

    db = str(tmp_path_factory.mktemp("webapi") / "w.duckdb")
    store = Store(db)
    store.write(web_records.records())
    store.close()
    with TestClient(create_app(db)) as c:
        yield c


def test_pages_are_the_app_and_json_clients_keep_the_index(client):
    for path in ("/", "/timeline", "/map", "/network", "/article/art-protest"):
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200 and '<script src="/static/app.js"' in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "<script>" not in r.text  # no inline scripts
    index = client.get("/", headers={"Accept": "application/json"}).json()
    assert "/api/ui/grid" in index["endpoints"] and "/api/events" in index["endpoints"]
    assert "/api/ui/grid" in client.get("/openapi.json").json()["paths"]


def test_assets_are_served_by_the_package(client):
    for path in ("/static/app.js", "/static/app.css", "/static/vendor/topojson-client.min.js",
                 "/static/vendor/countries-110m.json", "/static/vendor/LICENSE.world-atlas"):
        assert client.get(path).status_code == 200, path
    assert "innerHTML" not in client.get("/static/app.js").text.replace("assigns innerHTML", "")
    assert "topology" in client.get("/static/vendor/countries-110m.json").json()["type"].lower()


def test_grid_counts_events_per_cell_and_lists_a_cell(client):
    g = client.get("/api/ui/grid", params={"cell": 1}).json()
    assert g["events"] == client.get("/api/summary").json()["events"]
    khartoum = next(c for c in g["items"] if c["place_name"] == "Khartoum")
    assert khartoum["n"] == khartoum["n_material_conflict"] > 10
    cell = client.get("/api/ui/grid/events", params={"cell": 1, "gy": khartoum["gy"], "gx": khartoum["gx"],
                                                     "limit": 5}).json()
    assert cell["total"] == khartoum["n"] and len(cell["items"]) == 5
    assert cell["places"] == [{"id": "geonames:379252", "name": "Khartoum", "country": "SDN",
                               "n_events": khartoum["n"]}]
    assert all(e["place_name"] == "Khartoum" for e in cell["items"])


def test_grid_takes_the_shared_filters(client):
    all_cells = client.get("/api/ui/grid", params={"cell": 5}).json()
    eth = client.get("/api/ui/grid", params={"cell": 5, "country": "ETH", "quad_class": "1"}).json()
    assert 0 < eth["events"] < all_cells["events"]
    assert {c["place_name"] for c in eth["items"]} == {"Addis Ababa"}
    assert client.get("/api/ui/grid", params={"cell": 3}).status_code == 400
    assert client.get("/api/ui/grid", params={"country": "Ethiopia"}).status_code == 400



def test_aggregates_are_cached_per_query_string(client):
    params = {"country": "KEN", "quad_class": "3,4"}
    first = client.get("/api/dyads", params=params)
    again = client.get("/api/dyads", params=dict(reversed(list(params.items()))))
    assert first.headers["x-eventwatch-cache"] == "miss" and again.headers["x-eventwatch-cache"] == "hit"
    assert first.json() == again.json()
    assert client.get("/api/dyads", params={"country": "ETH"}).json() != first.json()
    assert "x-eventwatch-cache" not in client.get("/api/events", params=params).headers  # pages are not cached


def test_light_dyads_agree_with_the_api(client):
    params = {"country": "SDN"}
    full = client.get("/api/dyads", params=params).json()["items"]
    light = client.get("/api/ui/dyads", params=params).json()["items"]
    assert [(d["source"], d["target"], d["n_events"]) for d in light] == \
        [(d["source"], d["target"], d["n_events"]) for d in full]
    assert [round(d["goldstein_mean"], 6) for d in light] == [round(d["goldstein_mean"], 6) for d in full]
    negated = client.get("/api/ui/dyads", params={"negated": "true"}).json()["items"]
    assert [(d["source"], d["target"]) for d in negated] == [("SDN-MIL", "ETH-GOV")]  # the attack that did not happen


def test_api_docs_get_their_own_csp_not_the_dashboard_one(client):
    from eventwatch.api.docs import DOCS_CSP

    r = client.get("/docs")  # the docs pages start their viewer inline; they load nothing from elsewhere
    assert r.status_code == 200 and r.headers["content-security-policy"] == DOCS_CSP
    assert "/docs/assets/swagger-ui-bundle.js" in r.text and "cdn." not in r.text
    assert "/docs/assets/redoc.standalone.js" in client.get("/redoc").text
    assert client.get("/api/events", params={"limit": 1}).headers["x-content-type-options"] == "nosniff"


def test_warm_up_fills_the_cache_in_process(tmp_path):
    from eventwatch.store import Store
    from eventwatch.web import WARM_URLS, create_app, warm_cache

    db = str(tmp_path / "warm.duckdb")
    store = Store(db)
    store.write(web_records.records())
    store.close()
    app = create_app(db, warm=False)
    warm_cache(app)
    assert len(app.state.response_cache._data) == len(WARM_URLS) + 1  # + the overview's recent alerts
