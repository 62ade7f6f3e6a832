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


# ---------------------------------------------------------------- a news site on loopback
import hashlib  # noqa: E402
import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

SUMMIT_CONTENT = """<p>The governments of Estland and Morvia signed an agreement on Friday to share water from the river
that forms their border, ending a dispute that had simmered for a decade.</p>
<p>"This shows that neighbours can settle their differences at the table," the Morvian foreign minister,
Elena Vasko, said after the signing ceremony.</p>"""


def rss(base: str) -> bytes:
    """An RSS feed: one item carrying its article, one with only a link and a teaser."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Loopback News</title><link>{base}/</link><description>Test feed</description>
<item><title>Neighbours sign water-sharing accord after talks</title>
<link>{base}/news/water-sharing-accord-signed</link><guid>{base}/news/water-sharing-accord-signed</guid>
<pubDate>Fri, 17 May 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[{SUMMIT_CONTENT}]]></content:encoded></item>
<item><title>Port workers strike over pay in Valmora</title>
<link>{base}/world/port-workers-strike-valmora</link>
<pubDate>Tue, 14 May 2024 08:00:00 GMT</pubDate>
<description>Dock workers walked off the job on Tuesday.</description></item>
</channel></rss>""".encode()


class Site:
    """A feed and its article pages served on 127.0.0.1 with ETags; every request is logged."""

    def __init__(self):
        self.requests: list[tuple[str, int]] = []
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.down: set[str] = set()  # paths answering 503 for now
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                ctype, body = site.pages.get(self.path, ("text/plain", b""))
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.path in site.down:
                    status = 503
                elif self.path not in site.pages:
                    status = 404
                elif self.headers.get("If-None-Match") == etag:
                    status = 304
                else:
                    status = 200
                site.requests.append((self.path, status))
                self.send_response(status)
                if status not in (404, 503):
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", "Fri, 17 May 2024 10:00:00 GMT")
                if status == 200:
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.pages["/feed.xml"] = ("application/rss+xml", rss(self.base))
        self.pages["/world/port-workers-strike-valmora"] = ("text/html; charset=utf-8", page("harbour.html"))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def hits(self, path: str) -> list[int]:
        return [status for p, status in self.requests if p == path]


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 for a test's own handler; ``stop`` tells slow handlers to end.

    Subclasses build their handler class and call ``self.serve(Handler)``; ``with`` starts and stops it.
    """

    def serve(self, handler) -> None:
        self.stop = getattr(self, "stop", None) or threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
