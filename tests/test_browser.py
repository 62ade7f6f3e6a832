"""The dashboard in a real browser: headless Debian Chromium driven by Playwright.

The server runs in a thread on 127.0.0.1 (a free port) over a database of hand-built records
(tests/web_records.py). Screenshots of each view go to artifacts/screenshots/ (gitignored).
Skipped only when /usr/bin/chromium is missing (scripts/install-browser.sh installs it).
"""
from __future__ import annotations

import re
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing: run scripts/install-browser.sh (Debian chromium)")

sys.path.insert(0, str(Path(__file__).parent))
import web_records  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving the dashboard app in a background thread."""

    def __init__(self, db_path: str, app=None):
        import uvicorn

        from eventwatch.web import create_app

        self.port = free_port()
        config = uvicorn.Config(app or create_app(db_path), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_records(tmp_path_factory, records):
    from eventwatch.store import Store

    db = str(tmp_path_factory.mktemp("web") / "web.duckdb")
    store = Store(db)
    store.write(records)
    store.close()
    return ServerThread(db)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve_records(tmp_path_factory, web_records.records()) as url:
        yield url


@pytest.fixture(scope="module")
def full_url(tmp_path_factory):
    """The hand-built records plus an undated article whose event has no known actor."""
    with serve_records(tmp_path_factory, web_records.records() + [web_records.undated()]) as url:
        yield url


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory, seed_record):
    """A store holding only the seed article as this branch's pipeline processes it."""
    with serve_records(tmp_path_factory, [seed_record]) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def ready(page, name: str) -> None:
    page.wait_for_selector(f"body[data-ready='{name}']", timeout=15000)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_overview_filter_then_event_opens_article_at_highlighted_sentence(page, base_url):
    page.goto(base_url + "/")
    ready(page, "overview")
    assert page.locator(".card").count() >= 5
    assert page.locator("table.events tr.event-row").count() > 0
    assert page.locator("section.panel", has_text="Alerts").locator("button", has_text="SDN").count() == 1
    shot(page, "overview")
    page.fill("#filters input[name=text]", "arrested")
    page.click("#filters button[type=submit]")
    ready(page, "overview")
    assert "text=arrested" in page.url
    link = page.locator("a.event-link", has_text="Kenyan police → Kenyan protesters")
    assert link.count() == 1
    link.click()
    ready(page, "article")
    assert re.search(r"/article/art-protest\?.*event=0", page.url)
    focus = page.locator("#article-text .ew-sentence.focus")
    assert "".join(focus.all_text_contents()).startswith("Kenyan police arrested twelve protesters in Nairobi")
    assert page.locator("#article-text .ew-trigger").all_text_contents() == ["arrested"]
    actors = page.locator("#article-text .ew-actor").all_text_contents()
    assert "Kenyan police" in actors and "Grace Wanjiru" in actors and "Wanjiru" in actors
    assert "Nairobi" in page.locator("#article-text .ew-place").all_text_contents()
    assert "Mombasa" in page.locator("#article-text .ew-place").all_text_contents()
    assert page.locator("#article-text .ew-quote").all_text_contents() == ["We will not tolerate looting in our cities"]
    assert page.locator("#article-text .ew-quote").first.get_attribute("title").endswith("by Grace Wanjiru")
    assert page.locator("#article-text .ew-cue").count() == 1
    assert page.locator("#article-text .ew-sentence.focus").first.is_visible()
    assert page.locator("tr.current").count() == 1
    shot(page, "article")
    assert not page.errors


def test_filters_live_in_the_url(page, base_url):
    page.goto(base_url + "/?country=ETH&quad_class=1")
    ready(page, "overview")
    assert page.input_value("#filters input[name=country]") == "ETH"
    assert page.input_value("#filters select[name=quad_class]") == "1"
    names = page.locator("table.events td a.event-link").all_text_contents()
    assert names and all("Ethiopian government" in n for n in names)
    page.click("nav a[data-view=network]")
    ready(page, "network")
    assert "country=ETH" in page.url and "quad_class=1" in page.url
    page.go_back()
    ready(page, "overview")
    assert page.url.endswith("/?country=ETH&quad_class=1")


def test_untrusted_title_and_body_do_not_execute(page, base_url):
    page.goto(base_url + "/article/art-hostile")
    ready(page, "article")
    assert page.locator("#article-title").text_content() == web_records.XSS_TITLE
    assert web_records.XSS_BODY_TAG in page.locator("#article-text").text_content()
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img, main script, main b").count() == 0
    assert page.locator(".errors li").text_content() == "quotes: speaker <i>unresolved</i> for one quote"
    quote = page.locator("#article-text .ew-quote")  # "Kidal" is a place inside the quote: two pieces
    assert "".join(quote.all_text_contents()) == "Kidal </p><b>will</b> be defended"
    assert "ew-place" in quote.first.get_attribute("class")
    shot(page, "article_hostile")
    page.goto(base_url + "/?text=Kidal")  # the hostile title in the article list
    ready(page, "overview")
    assert page.locator("a.article-link", has_text="<script>").count() == 1
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == [] and not page.errors


TIMELINE = """() => { const o = echarts.getInstanceByDom(document.querySelector('.timeline-chart')).getOption();
    return {periods: o.xAxis[0].data, legend: o.legend[0].data || null,
            series: o.series.map(s => ({name: s.name, type: s.type, data: s.data}))}; }"""


def timeline_option(page) -> dict:
    """What the timeline's ECharts chart was given: periods, and each series' name, type and data."""
    return page.evaluate(TIMELINE)


def test_timeline_brush_filters_other_views(page, base_url):
    page.goto(base_url + "/timeline")
    ready(page, "timeline")
    opt = timeline_option(page)
    by_name = {s["name"]: s for s in opt["series"]}
    assert len(opt["periods"]) > 30
    assert [by_name[q]["type"] for q in ("Verbal cooperation", "Material cooperation", "Verbal conflict",
                                         "Material conflict")] == ["bar"] * 4
    assert by_name["Mean Goldstein"]["type"] == "line"
    assert any("SDN" in d["name"] for d in by_name["Alert"]["data"])  # the Khartoum burst
    assert page.locator(".timeline-chart canvas").count() >= 1
    shot(page, "timeline")
    box = page.locator(".timeline-chart").bounding_box()
    left, width = box["x"] + 44, box["width"] - 84  # the plot area (grid left 44, right 40, top 52, bottom 62)
    y = box["y"] + 52 + (box["height"] - 114) / 2
    page.mouse.move(left + width * 0.5, y)
    page.mouse.down()
    page.mouse.move(left + width * 0.7, y, steps=5)
    page.mouse.up()
    ready(page, "timeline")
    since = re.search(r"since=(\d{4}-\d\d-\d\d)", page.url).group(1)
    until = re.search(r"until=(\d{4}-\d\d-\d\d)", page.url).group(1)
    assert "2024-05-01" < since < until < "2024-06-10"
    page.click("nav a[data-view=map]")
    ready(page, "map")
    assert f"since={since}" in page.url
    assert page.input_value("#filters input[name=since]") == since


def test_timeline_breaks_the_line_at_gaps_and_counts_undated_events(page, full_url):
    page.goto(full_url + "/timeline?country=MLI")  # Mali: events on a few days only, and one undated
    ready(page, "timeline")
    opt = timeline_option(page)
    bars = [s["data"] for s in opt["series"] if s["type"] == "bar"]
    line = next(s["data"] for s in opt["series"] if s["name"] == "Mean Goldstein")
    counts = [sum(col) for col in zip(*bars)]
    empty = [i for i, n in enumerate(counts) if n == 0]
    assert empty, "the Mali series should have days without events"
    assert all(line[i] is None for i in empty)  # no Goldstein drawn through a day without events
    assert all(line[i] is not None for i, n in enumerate(counts) if n)
    undated = page.locator(".timeline-note .undated-count")
    assert undated.get_attribute("data-n") == "1"
    assert undated.text_content() == "1 event has no date and is not on the timeline."
    gaps = page.locator(".timeline-note .gap-count")
    assert gaps.get_attribute("data-n") == str(len(empty))
    shot(page, "timeline_gaps")
    assert not page.errors


def test_map_point_lists_its_events(page, base_url):
    page.goto(base_url + "/map")
    ready(page, "map")
    assert page.locator("svg.map path.country").count() > 100
    dots = page.locator("circle.cellpt")
    assert dots.count() == 5  # six places; Nairobi and Mombasa share a 5° cell at world zoom
    khartoum = page.locator("circle.cellpt[aria-label*='Khartoum']")
    khartoum.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".side[data-loaded='1'] table.events")
    assert "Khartoum" in page.locator(".side").text_content()
    assert page.locator(".side tr.event-row").count() >= 5
    page.check("#show-places")
    page.wait_for_selector("g.places rect.place-pt")
    assert page.locator("g.places rect.place-pt").count() == len(web_records.PLACES)
    shot(page, "map")
    page.locator(".side a.event-link").first.click()
    ready(page, "article")
    assert page.locator("#article-text .ew-sentence.focus").count() >= 1


def test_network_click_actor_filters(page, base_url):
    page.goto(base_url + "/network")
    ready(page, "network")
    nodes = page.locator("circle.net-node")
    assert nodes.count() >= 6
    assert page.locator("line.net-edge").count() >= 5
    shot(page, "network")
    page.locator("circle.net-node[data-actor='SDN-MIL']").click()
    ready(page, "network")
    assert "actor=SDN-MIL" in page.url
    assert page.input_value("#filters input[name=actor]") == "SDN-MIL"
    labels = page.locator("circle.net-node").evaluate_all("ns => ns.map(n => n.dataset.actor)")
    assert "SDN-MIL" in labels and "KEN-POL" not in labels
    page.locator("line.net-edge").first.dispatch_event("click")  # an edge lists its dyad's events
    ready(page, "overview")
    assert "source=" in page.url and "target=" in page.url
    assert page.locator("#chips .chip").count() == 2
    who = page.locator("table.events a.event-link").all_text_contents()
    assert who and len(set(who)) == 1


def test_csp_blocks_inline_script(page, base_url):
    page.goto(base_url + "/")
    ready(page, "overview")
    header = page.evaluate("fetch('/').then(r => r.headers.get('content-security-policy'))")
    assert "script-src 'self'" in header and "unsafe-inline" not in header
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';
                      document.body.appendChild(s); }""")
    assert page.evaluate("window.__inline") is None


def dom_pieces(page) -> list[tuple[str, frozenset]]:
    """The reader's text as (text, highlight classes) pieces, in order."""
    return [(t, frozenset(c)) for t, c in page.evaluate("""() => {
        const out = [];
        for (const n of document.getElementById('article-text').childNodes) {
            if (n.nodeType === Node.TEXT_NODE) out.push([n.textContent, []]);
            else if (!n.classList.contains('ew-anchor'))
                out.push([n.textContent, [...n.classList].filter(c => c.startsWith('ew-'))]);
        }
        return out; }""")]


def python_pieces(record) -> list[tuple[str, frozenset]]:
    from eventwatch.web.render import segments, spans

    return [(record.text[a:b], frozenset(f"ew-{s.kind}" for s in cov)) for a, b, cov in segments(record.text, spans(record))]


@pytest.mark.parametrize("which", ["protest", "talks", "hostile", "seed"])
def test_reader_and_python_highlighter_agree(page, request, seed_record, which):
    record = seed_record if which == "seed" else getattr(web_records, which)()
    url = request.getfixturevalue("seed_url" if which == "seed" else "base_url")
    page.goto(url + "/article/" + record.id)
    ready(page, "article")
    assert page.locator("#article-text").text_content() == record.text
    assert dom_pieces(page) == python_pieces(record)
    assert page.locator("tr[id^='event-row-']").count() == len(record.events)
    if which == "seed":
        shot(page, "article_seed")


def test_keyboard_only_reaches_an_article_and_filters_by_actor(page, base_url):
    page.goto(base_url + "/")
    ready(page, "overview")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(60):  # Tab through the header and filters to the first event link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('event-link')"):
            break
    else:
        pytest.fail("no event link reachable with Tab")
    page.keyboard.press("Enter")
    ready(page, "article")
    assert page.locator("#article-text .ew-sentence.focus").count() >= 1
    page.goto(base_url + "/network")
    ready(page, "network")
    page.locator("circle.net-node[data-actor='KEN-POL']").focus()
    page.keyboard.press("Enter")
    ready(page, "network")
    assert "actor=KEN-POL" in page.url


def block_outside(page) -> list[str]:
    """Abort every request that does not go to this machine; returns the list of blocked URLs."""
    from urllib.parse import urlsplit

    blocked: list[str] = []

    def route(r):
        host = urlsplit(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "::1"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked


@pytest.mark.parametrize("path, selector", [("/docs", ".swagger-ui .opblock-summary-path"),
                                            ("/redoc", "[role=search], .menu-content")])
def test_api_docs_render_with_every_outside_request_blocked(page, base_url, path, selector):
    blocked = block_outside(page)
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    page.goto(base_url + path)
    page.wait_for_selector(selector, timeout=20000)
    assert "/api/events" in page.locator("body").text_content()
    assert blocked == []  # no request even tried to leave the machine
    # ReDoc's sidebar logo (cdn.redoc.ly) is stopped by the page's CSP before any request is made
    assert all(why == "csp" for _url, why in failed), failed
    icon = page.request.get(base_url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"].startswith("image/")
    shot(page, "docs" if path == "/docs" else "redoc")
    assert not page.errors


CLIPPED = """() => {
    const W = document.documentElement.clientWidth, bad = [];
    const boxes = document.querySelectorAll('.card, table, .panel, .timeline-chart, svg.chart, .legend, header, #filters, h2');
    for (const n of boxes) {
        const r = n.getBoundingClientRect();
        if (!r.width) continue;
        const name = n.tagName.toLowerCase() + '.' + (n.getAttribute('class') || '');
        if (r.left < -1 || r.right > W + 1) bad.push(name + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + W);
        if (!(n instanceof SVGElement) && n.scrollWidth > n.clientWidth + 1) bad.push(name + ' overflows: ' + n.scrollWidth + ' > ' + n.clientWidth);
    }
    if (document.documentElement.scrollWidth > W + 1) bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + W);
    return {checked: boxes.length, bad: bad};
}"""


@pytest.mark.parametrize("width", [420, 1400])
@pytest.mark.parametrize("view, name", [("/", "overview"), ("/timeline", "timeline"), ("/map", "map"),
                                        ("/network", "network"), ("/article/art-protest", "article")])
def test_no_card_or_table_is_clipped_from_phone_to_wide_screen(browser, full_url, width, view, name):
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(full_url + view)
        ready(pg, name)
        result = pg.evaluate(CLIPPED)
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SHOTS / f"layout_{width}_{name}.png"), full_page=True)
        assert result["checked"] >= 3 and result["bad"] == [], result["bad"]
        assert not errors
    finally:
        context.close()


def test_network_has_a_legend_and_labels_that_do_not_overlap(browser, full_url):
    for width in (420, 1400):
        context = browser.new_context(viewport={"width": width, "height": 900})
        pg = context.new_page()
        try:
            pg.goto(full_url + "/network")
            ready(pg, "network")
            legend = pg.locator(".net-legend")
            assert legend.is_visible()
            text = legend.text_content()
            for words in ("node size", "mean Goldstein", "conflict", "cooperation", "edge width", "filtered on"):
                assert words in text
            boxes = pg.locator("text.net-label").evaluate_all("ts => ts.map(t => { const r = t.getBoundingClientRect();"
                                                              " return [r.left, r.top, r.right, r.bottom]; })")
            assert len(boxes) >= 4
            assert all(b[3] - b[1] >= 10 for b in boxes)  # readable: at least 10 px tall on a phone too
            overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                        if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]
            assert overlaps == []
            pg.screenshot(path=str(SHOTS / f"network_{width}.png"), full_page=False)
        finally:
            context.close()


def test_latest_events_name_codes_and_say_unknown_instead_of_question_marks(page, full_url):
    codes = page.request.get(full_url + "/api/codes").json()
    page.goto(full_url + "/?text=looted")  # the event whose source and target were not identified
    ready(page, "overview")
    row = page.locator("table.events tr.event-row").first
    assert row.locator("a.event-link").text_content() == "unknown → unknown"
    assert row.locator("a.event-link .unknown").count() == 2
    assert row.locator(".cameo").text_content() == "1822"
    assert row.locator(".code-name").text_content().strip() == codes["cameo"]["1822"]["name"]
    assert row.locator(".plover").get_attribute("title") == codes["plover"]["ASSAULT"]
    assert row.locator("td").first.text_content() == "undated"
    assert "?" not in page.locator("section.panel", has_text="Latest events").text_content().replace("?text", "")
    assert page.locator("#root-choices option[value='14']").text_content() == "14 Protest"  # the filter suggests names
    assert page.get_attribute("#filters input[name=plover]", "list") == "plover-choices"
    page.goto(full_url + "/?text=arrested")
    ready(page, "overview")
    name = page.locator("table.events tr.event-row .code-name").first.text_content().strip()
    code = page.locator("table.events tr.event-row .cameo").first.text_content()
    assert name and name.lower() == codes["cameo"][code]["name"].lower()


def test_articles_stored_while_the_page_is_open_are_offered(browser, tmp_path):
    """What ``serve --watch`` does after a poll (web/live.py AppStore.write) reaches an open dashboard."""
    from eventwatch.store import Store
    from eventwatch.web import create_app
    from eventwatch.web.live import AppStore

    db = str(tmp_path / "fresh.duckdb")
    with Store(db) as store:
        store.write([web_records.protest()])
    app = create_app(db, writable=True)
    with ServerThread(db, app=app) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        pg = context.new_page()
        pg.add_init_script("window.EW_REFRESH_MS = 300")
        try:
            pg.goto(url + "/")
            ready(pg, "overview")
            pg.wait_for_timeout(700)
            assert pg.locator("#fresh").is_hidden()
            AppStore(app).write([web_records.talks()])
            pg.wait_for_selector("#fresh:not([hidden])", timeout=10000)
            assert pg.locator("#fresh").text_content().startswith("1 new article stored since this view was drawn.")
            pg.click("#fresh button")
            ready(pg, "overview")
            assert pg.locator("a.article-link", has_text="Ethiopia and Sudan agree to reopen crossing").count() == 1
            assert pg.locator("#fresh").is_hidden()
        finally:
            context.close()


def test_reader_marks_each_events_source_trigger_and_target(page, base_url):
    page.goto(base_url + "/article/art-talks?event=2")
    ready(page, "article")
    text = "#article-text "
    assert page.locator(text + ".ew-source[data-source~='2']").all_text_contents() == ["Sudanese army"]
    assert page.locator(text + ".ew-target[data-target~='0']").all_text_contents() == ["Sudanese officials"]
    # the focused event's own words stand out, not those of the article's other events
    assert page.locator(text + ".focus-source").all_text_contents() == ["Sudanese army"]
    assert page.locator(text + ".focus-trigger").all_text_contents() == ["attack"]
    assert page.locator(text + ".focus-target").count() == 0  # its target (Ethiopia) is not named in that sentence
    title = page.locator(text + ".ew-source[data-source~='2']").get_attribute("title")
    assert "source of event 2 (190" in title and "SDN-MIL, code SDNMIL" in title
    row = page.locator("#event-row-0 .evidence")
    assert row.locator("mark").all_text_contents() == ["Ethiopian", "met", "Sudanese officials"]  # "Ethiopian and Sudanese officials met"
    assert page.locator("#event-row-2 .evidence .unknown").get_attribute("title") == "the sentence does not name the target"
    page.locator("#event-row-0").click()
    assert page.locator(text + ".focus-source").all_text_contents() == ["Ethiopian"]
    assert page.locator(text + ".focus-target").all_text_contents() == ["Sudanese officials"]
    shot(page, "article_evidence")
    assert not page.errors


def test_event_lists_mark_the_evidence_in_the_sentence(page, base_url):
    page.goto(base_url + "/?text=arrested")
    ready(page, "overview")
    sent = page.locator("table.events tr.event-row .sent").first
    assert [m.get_attribute("class") for m in sent.locator("mark").all()] == ["ew ew-source", "ew ew-trigger", "ew ew-target"]
    assert sent.locator("mark").all_text_contents() == ["Kenyan police", "arrested", "protesters"]
    assert sent.text_content().startswith("Kenyan police arrested twelve protesters in Nairobi")


@pytest.fixture(scope="module")
def britain_url(tmp_path_factory):
    """Four short British reports: unnamed groups ("force", "fans") and four places in one 5° cell."""
    with serve_records(tmp_path_factory, web_records.britain()) as url:
        yield url


def test_map_cell_panel_names_the_cell_not_one_of_its_places(page, britain_url):
    page.goto(britain_url + "/map")
    ready(page, "map")
    dots = page.locator("circle.cellpt")
    assert dots.count() == 1  # Chelsea, London, Oxford and Cardiff share a 5° cell at world zoom
    assert "events in United Kingdom (4 places)" in dots.first.get_attribute("aria-label")
    dots.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".side[data-loaded='1'] table.events")
    assert page.locator(".side h3.cell-name").text_content() == "Events in United Kingdom (4 places)"
    assert "Chelsea (1)" in page.locator(".side p.muted").first.text_content()  # its places are still listed
    shot(page, "map_cell_name")


def test_unnamed_groups_are_shown_by_sector_and_country(page, britain_url):
    page.goto(britain_url + "/")
    ready(page, "overview")
    actors = page.locator("section.panel", has_text="Top actors").locator("button.link").all_text_contents()
    assert "police (United Kingdom)" in actors and "force" not in actors
    assert "civilians" in actors  # country unknown: the sector alone
    link = page.locator("a.event-link", has_text="armed forces (United Kingdom) → civilians")
    assert link.count() == 1
    page.goto(britain_url + "/article/uk-chelsea")
    ready(page, "article")
    who = page.locator("#event-row-0 .who").text_content()
    assert who == "police (United Kingdom) → opposition (United Kingdom)"
    item = page.locator("section.panel", has_text="Actors").locator("li", has_text="GBRCOP")
    assert item.locator("button").text_content() == "police (United Kingdom)"
    assert "in the text: force" in item.text_content()
    assert not page.errors
