"""Builders for the scale tests: web archives made from the HTML fixtures in fixtures/scale/."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "scale"
PAGES = {
    "https://coastal-daily.example/world/2024/05/port-workers-strike-valmora": "harbour.html",
    "https://northern-courier.example/news/water-sharing-accord-signed": "summit.html",
}


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def page_text(name: str) -> str:
    """The page as a WET conversion record has it: the visible text, one block per line."""
    import lxml.html

    root = lxml.html.fromstring(page(name))
    lines = [el.text_content().strip() for el in root.iter("title", "a", "h1", "p", "footer")]
    return "\n".join(line for line in lines if line)


def _writer(path: Path):
    from warcio.warcwriter import WARCWriter

    fh = path.open("wb")
    return fh, WARCWriter(fh, gzip=path.name.endswith(".gz"))


def _date(day: int) -> str:
    return datetime(2024, 5, day, 9, 30, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_warc(path: Path) -> Path:
    """Two article responses plus records a crawl also holds: request, 404, image, front page."""
    from warcio.statusandheaders import StatusAndHeaders

    fh, w = _writer(path)
    with fh:
        w.write_record(w.create_warcinfo_record(path.name, {"software": "eventwatch tests"}))
        for day, (url, name) in enumerate(PAGES.items(), 14):
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page(name)), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": _date(day)}))
        extras = [
            ("https://coastal-daily.example/missing-story", "404 Not Found", "text/html", page("harbour.html")),
            ("https://coastal-daily.example/images/dock.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            ("https://coastal-daily.example/", "200 OK", "text/html; charset=utf-8", page("summit.html")),
        ]
        for url, status, ctype, body in extras:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


def build_wet(path: Path) -> Path:
    """Two article conversion records plus a warcinfo record and a non-English page."""
    fh, w = _writer(path)
    with fh:
        w.write_record(w.create_warcinfo_record(path.name, {"software": "eventwatch tests"}))
        for day, (url, name) in enumerate(PAGES.items(), 14):
            body = page_text(name).encode("utf-8")
            w.write_record(w.create_warc_record(url, "conversion", payload=io.BytesIO(body), warc_headers_dict={
                "Content-Type": "text/plain", "WARC-Date": _date(day), "WARC-Identified-Content-Language": "eng"}))
        w.write_record(w.create_warc_record("https://diario.example/noticias/huelga", "conversion",
                                            payload=io.BytesIO("Los trabajadores del puerto iniciaron una huelga.".encode()),
                                            warc_headers_dict={"Content-Type": "text/plain", "WARC-Identified-Content-Language": "spa"}))
    return path
