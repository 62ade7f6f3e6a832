"""Fuzzing the readers, the cleaner and the pipeline with hostile inputs.

Generates --inputs inputs (default 10,000; fixed --seed) of these families and runs each through
``eventwatch.ingest.read_source`` (in-memory sources; gzip inputs as temp files, because the gzip
layer and its decompression limit live in the file reader), then ``Pipeline.prepare`` (the cleaner)
on every document it yields. A sample (--nlp-every) of inputs, each mixed into a batch with a good
article, goes through the full pipeline (spaCy and all stages) to check the good article still
comes out whole.

Families: random bytes, truncated HTML, deeply nested HTML (thousands of levels), huge attributes,
huge lines, invalid and mixed encodings, NUL/zero-width/right-to-left text, unbalanced quote marks,
WARC records with lying lengths (plain and gzipped), gzip bombs (JSONL and text), RSS with entity
expansion (billion laughs) and external entities (a file and a closed loopback port), JSONL with
enormous or broken lines; and (issue #23) runs of punctuation without spaces up to 120,000
characters (the tokenizer's quadratic case), JSON numeric and Unicode edge cases (5,000-digit and
100,000-digit integers, 1e400, NaN, lone surrogates, ids and texts of the wrong type), UTF-16 with
a BOM (cut too), and feeds whose links go to a loopback server that sends headers or body slowly,
redirects in chains and loops, redirects to private, loopback and IPv6 loopback addresses, or
serves a robots.txt that disallows a page. Inputs of the punctuation and JSON edge families all
go through the full pipeline (spaCy and the stages).

Counted: crashes (an exception escaping the reader or prepare), hangs (an input over --hang
seconds), peak RSS, and rejects (error-level problems), grouped by message with digits and names
blanked. No network: feed links point at a closed port on 127.0.0.1 or at the run's own loopback
server, and the fetcher is fenced to loopback for the run (the run's server is let through the
address guard as a proxy would be; every other non-public address is refused as by default). Exit status 1 when there is a crash, a hang or a lost good article.

  .venv/bin/python benchmarks/fuzz_inputs.py [--inputs 10000] [--seed 1] [--nlp-every 200]
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import gzip
import io
import json
import os
import random
import re
import resource
import socket
import sys
import tempfile
import time
import traceback
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from scale_fixtures import LoopbackServer  # noqa: E402  (the tests' loopback server: one owner)

from eventwatch.ingest import Source, _file_source, read_source
from eventwatch.model import Document
from eventwatch.settings import Settings

GOOD = ("The finance minister of Norway met the trade envoy of Chile in Oslo on Tuesday to discuss "
        "salmon exports. Protesters in Santiago accused the government of ignoring fishermen, the union said. "
        "\"We will not accept this deal,\" the union leader told reporters after the meeting.")
WORDS = ("the minister said police army rebels attacked village talks Kabul Paris protesters government "
         "accused welcomed met signed agreement on Monday in near border").split()
RTL = "\u0645\u062f\u064a\u0646\u0629 \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u202e\u202b\u200f"
ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
QUOTES = "\"'“”‘’«»„‟‹›"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket goes


PORT = closed_port()
DEAD = f"http://127.0.0.1:{PORT}"


def prose(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


# ---------------------------------------------------------------- generators: (name, bytes, as_file)
def g_random_bytes(rng):
    return "rand.bin", rng.randbytes(rng.choice([1, 7, 100, 5000, 70_000])), False


def g_random_text_bytes(rng):
    raw = bytes(rng.choice(b"<>{}\"'&;/\n\r\t =abcxyz0\x00\x80\xff\xc3\xa9") for _ in range(rng.randrange(1, 4000)))
    return rng.choice(["a.txt", "a.html", "a.jsonl", "a.xml", "a.warc", "x"]), raw, False


def g_html_truncated(rng):
    page = (f"<!doctype html><html><head><title>{prose(rng, 5)}</title><meta charset='utf-8'></head><body>"
            f"<article><h1>{prose(rng, 6)}</h1>" + "".join(f"<p>{prose(rng, 25)}</p>" for _ in range(6)) +
            "</article></body></html>").encode()
    return "t.html", page[: rng.randrange(1, len(page))], False


def g_html_nested(rng):
    depth = rng.choice([500, 2000, 2000, 5000, 5000, 20000])
    tag = rng.choice(["div", "span", "b", "table", "p", "blockquote", "li", "a"])
    closed = rng.random() < 0.5
    body = f"<{tag}>" * depth + prose(rng, 30) + (f"</{tag}>" * depth if closed else "")
    return "n.html", f"<html><body>{body}</body></html>".encode(), False


def g_html_huge_attr(rng):
    size = rng.choice([10_000, 200_000, 200_000, 1_000_000])
    attr = rng.choice(["a" * size, "\"" * size, "<" * size, "&amp;" * (size // 5)])
    page = f"<html><body><div class=\"{attr}\" data-x='{attr[:1000]}'><p>{prose(rng, 30)}</p></div></body></html>"
    return "h.html", page.encode(), False


def g_huge_line(rng):
    size = rng.choice([100_000, 100_000, 1_000_000, 1_000_000, 3_000_000])
    unit = rng.choice(["word ", "x", "<p>", "« ", "Kabul. ", ZW])
    return rng.choice(["l.txt", "l.html"]), (unit * (size // len(unit))).encode(), False


def g_encodings(rng):
    text = prose(rng, 40) + " café naïve Zürich Ελλάδα Кабул"
    parts = [text.encode(rng.choice(["utf-8", "latin-1", "cp1252", "utf-16", "utf-16-le", "koi8-r", "shift_jis"]),
                         errors="replace") for _ in range(rng.randrange(1, 4))]
    head = rng.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
    data = head + b"\n".join(parts)
    if rng.random() < 0.5:
        cs = rng.choice(["utf-8", "latin-1", "bogus-charset", "utf-16", "x" * 300, "utf-7"])
        data = f"<html><head><meta charset=\"{cs}\"></head><body><p>".encode() + data + b"</p></body></html>"
        return "e.html", data, False
    return "e.txt", data, False


def g_invisible(rng):
    chunks = []
    for _ in range(rng.randrange(5, 60)):
        chunks.append(rng.choice([prose(rng, 8), "\x00", ZW * rng.randrange(1, 50), RTL, "\u0301" * 30,
                                  "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"), "\r", "\r\n", "\x0c"]))
    text = " ".join(chunks)
    return rng.choice(["z.txt", "z.html"]), text.encode("utf-8", "surrogatepass"), False


def g_quotes(rng):
    lines = []
    for _ in range(rng.randrange(3, 40)):
        q = "".join(rng.choice(QUOTES) for _ in range(rng.randrange(1, 6)))
        lines.append(f"{q}{prose(rng, rng.randrange(3, 30))} the minister said{rng.choice(QUOTES) * rng.randrange(0, 3)}")
    if rng.random() < 0.2:
        lines.append(rng.choice(QUOTES) * rng.randrange(1000, 20000))
    return "q.txt", "\n".join(lines).encode(), False


def _warc_record(rng, body: bytes, lie: int, uri: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    length = max(0, len(http) + lie)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-05-01T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{rng.getrandbits(64):x}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def g_warc(rng):
    recs = []
    for i in range(rng.randrange(1, 5)):
        body = f"<html><body><article><p>{prose(rng, 40)}</p></article></body></html>".encode()
        lie = rng.choice([0, 0, -20, 15, 10_000, -10_000, 2**40, -len(body) - 200])
        recs.append(_warc_record(rng, body, lie, f"https://example.org/news/2023/story-{i}"))
    data = b"".join(recs)
    if rng.random() < 0.3:
        data = data[: rng.randrange(1, len(data))]
    if rng.random() < 0.3:
        return "a.warc.gz", b"".join(gzip.compress(r) for r in [data]), False
    return "a.warc", data, False


_BOMBS: dict[str, bytes] = {}


def _bomb(kind: str) -> bytes:
    """Compressed once: 1 GiB of one JSONL line / of spaces (about 1 MB compressed)."""
    if kind not in _BOMBS:
        comp = zlib_gzip()
        out = [comp.compress(b'{"text": "' if kind == "jsonl" else b"")]
        block = b"A" * (1 << 20) if kind == "jsonl" else b" " * (1 << 20)
        for _ in range(1024):
            out.append(comp.compress(block))
        out.append(comp.flush())
        _BOMBS[kind] = b"".join(out)
    return _BOMBS[kind]


def zlib_gzip():
    import zlib

    return zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)


def g_gzip_bomb(rng):
    kind = rng.choice(["jsonl", "text"])
    return ("b.jsonl.gz" if kind == "jsonl" else "b.txt.gz"), _bomb(kind), True


def g_gzip_broken(rng):
    good = gzip.compress(("\n".join('{"text": "%s"}' % prose(rng, 30) for _ in range(5))).encode())
    return "c.jsonl.gz", good[: rng.randrange(3, len(good))], True


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">\n' for i in range(1, 10)) + "]>\n")


def g_rss(rng):
    kind = rng.choice(["laughs", "xxe_file", "xxe_http", "plain", "broken"])
    dtd = ""
    payload = prose(rng, 30)
    if kind == "laughs":
        dtd, payload = LAUGHS, "&lol9;"
    elif kind == "xxe_file":
        dtd, payload = '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', "&xxe;"
    elif kind == "xxe_http":
        dtd, payload = f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{DEAD}/x">]>\n', "&xxe;"
    items = "".join(f"<item><title>{payload}</title><link>{DEAD}/story{i}</link><description>{payload} {prose(rng, 20)}"
                    f"</description><content:encoded><![CDATA[<p>{prose(rng, 30)}</p>]]></content:encoded></item>"
                    for i in range(rng.randrange(1, 4)))
    feed = (f'{dtd}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{payload}</title>{items}</channel></rss>").encode()
    if kind == "broken":
        feed = feed[: rng.randrange(10, len(feed))]
    return "f.xml", feed, False


def g_jsonl(rng):
    lines = []
    for _ in range(rng.randrange(1, 20)):
        r = rng.random()
        if r < 0.3:
            lines.append(b'{"id": "%d", "text": "%s"}' % (rng.getrandbits(30), prose(rng, 30).encode()))
        elif r < 0.45:
            lines.append(b'{"text": "' + b"x" * rng.choice([10, 100_000, 2_000_000]) + b'"}')
        elif r < 0.6:
            lines.append(b'{"text": "unterminated ' + prose(rng, 5).encode())
        elif r < 0.7:
            lines.append(b"[" * rng.choice([10, 1000, 100_000]))  # deeply nested JSON
        elif r < 0.8:
            lines.append(rng.choice([b"[1,2]", b"null", b"\"s\"", b'{"text": 5, "html": []}', b'{"published": {}}']))
        elif r < 0.9:
            lines.append(b'{"html": "<div>' + b"<b>" * 3000 + prose(rng, 20).encode() + b'"}')
        else:
            lines.append(rng.randbytes(rng.randrange(1, 300)))
    return "j.jsonl", b"\n".join(lines), False


# -- issue #23: punctuation runs, JSON numeric and Unicode edge cases, UTF-16, redirects and slow servers
SLOW_CHARS = "()[]{}'\"!?,;:#$%&*+<=>_`“”‘’«»…—–·€£§°😀"


def g_punct_runs(rng):
    """Runs without spaces that make the tokenizer quadratic: one character, a mix, ``'s`` repeated."""
    n = rng.choice([200, 1000, 5000, 20_000, 40_000, 120_000])
    kind = rng.choice(["same", "mix", "apostrophe_s", "bracket_word"])
    if kind == "same":
        run = rng.choice(SLOW_CHARS) * n
    elif kind == "mix":
        run = "".join(rng.choice(SLOW_CHARS) for _ in range(n))
    elif kind == "apostrophe_s":
        run = "x" + "'s" * (n // 2)
    else:
        run = "(" * (n // 2) + "word" + ")" * (n // 2)
    text = f"{prose(rng, 15)} {run} {GOOD}"
    if rng.random() < 0.3:
        return "p.jsonl", (json.dumps({"id": f"p{rng.getrandbits(20)}", "text": text}) + "\n").encode(), False
    return "p.txt", text.encode(), False


G = json.dumps(GOOD)[1:-1]  # GOOD inside a JSON string
JSON_EDGES = [
    lambda r: '{"id": ' + "9" * r.choice([20, 400, 4300, 5000, 100_000]) + ', "text": "%s"}' % G,
    lambda r: '{"id": "a", "text": "%s", "views": %s}' % (G, "7" * r.choice([5000, 50_000])),
    lambda r: '{"id": "a", "text": "%s", "score": %s}' % (G, r.choice(["1e400", "-1e400", "NaN", "Infinity", "-0", "1" + "0" * 5000 + ".5"])),
    lambda r: '{"id": "s", "text": "%s %s"}' % (G, r.choice(["\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d", "x\\u0000y"])),
    lambda r: '{"id": %s, "text": "%s"}' % (r.choice(["[1, 2]", "{}", "true", "1.5", "null", '""', '"' + "i" * 5000 + '"']), G),
    lambda r: '{"id": "t", "text": %s}' % r.choice(["5", "[]", '{"a": 1}', "true", "null"]),
    lambda r: '{"id": "p", "text": "%s", "published": %s}' % (G, r.choice(["{}", "[2020]", "20200101", '"not a date"', '"' + "2" * 5000 + '"'])),
    lambda r: '{"id": "t", "text": "%s", "title": "%s"}' % (G, "T" * r.choice([100, 5000, 1_000_000])),
    lambda r: '{"id": "u", "text": "%s\\u202e\\u200b\\ufeff"}' % G,
]


def g_json_edge(rng):
    lines = [rng.choice(JSON_EDGES)(rng) for _ in range(rng.randrange(1, 6))]
    lines.insert(rng.randrange(len(lines) + 1), '{"id": "good", "text": "%s"}' % G)
    return "e.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"), False


def g_utf16(rng):
    codec = rng.choice(["utf-16-le", "utf-16-be"])
    body = rng.choice([GOOD, '{"id": "w", "text": "%s"}\n' % G, f"<html><body><p>{GOOD}</p></body></html>"])
    data = "\ufeff".encode(codec) + body.encode(codec)
    if rng.random() < 0.3:
        data = data[: rng.randrange(2, len(data))]  # odd length, a cut surrogate pair
    return rng.choice(["w.txt", "w.jsonl", "w.html"]), data, rng.random() < 0.5


def g_feed_net(rng):
    """Feed items linking to the fuzz server's hostile pages: slow headers, slow body, redirect chains and
    loops, redirects to private and loopback addresses, pages robots.txt disallows."""
    paths = ["/slow-headers", "/slow-body", "/redirect/3", "/redirect/30", "/redirect-private", "/redirect-localhost",
             "/private/page", "/good", "/redirect-ipv6"]
    links = [HOSTILE.base + rng.choice(paths) for _ in range(rng.randrange(1, 4))]
    if rng.random() < 0.3:
        links.append(rng.choice(["http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "http://[::1]/",
                                 "http://0.0.0.0/", "http://224.0.0.1/"]))
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return "n.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode(), False


FAMILIES = [g_random_bytes, g_random_text_bytes, g_html_truncated, g_html_nested, g_html_huge_attr, g_huge_line,
            g_encodings, g_invisible, g_quotes, g_warc, g_gzip_bomb, g_gzip_broken, g_rss, g_jsonl,
            g_punct_runs, g_json_edge, g_utf16, g_feed_net]
WEIGHTS = [8, 10, 12, 5, 1, 0.7, 10, 10, 8, 10, 0.3, 3, 8, 10, 3, 8, 4, 1]
FULL_PIPELINE = {"punct_runs", "json_edge"}  # every input of these families also goes through spaCy and the stages


class HostileServer(LoopbackServer):
    """Loopback pages that misbehave, for g_feed_net. The fetcher treats this one server like a proxy the
    user chose (allowed); every other private or loopback address is refused as it is by default."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler

        stop = self.stop = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                try:
                    self._route()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _route(self):
                p, base = self.path, f"http://127.0.0.1:{self.server.server_address[1]}"
                if p == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if p == "/slow-headers":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    for i in range(60):
                        if stop.wait(0.5):
                            return
                        self.wfile.write(b"X-Pad-%d: x\r\n" % i)
                        self.wfile.flush()
                    return
                if p == "/slow-body":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for _ in range(120):
                        if stop.wait(0.25):
                            return
                        self.wfile.write(b"<p>")
                        self.wfile.flush()
                    return
                targets = {"/redirect-private": "http://10.255.255.1/secret", "/redirect-localhost": base.replace("127.0.0.1", "localhost") + "/good",
                           "/redirect-ipv6": "http://[::1]/secret"}
                if p in targets:
                    return self._send(302, b"", "text/plain", [("Location", targets[p])])
                if p.startswith("/redirect/"):
                    n = int(p.rsplit("/", 1)[1])
                    return self._send(302, b"", "text/plain", [("Location", f"/redirect/{n - 1}" if n > 1 else "/good")])
                if p in ("/good", "/private/page"):
                    return self._send(200, f"<html><body><article><p>{GOOD}</p></article></body></html>".encode(), "text/html")
                self._send(404, b"", "text/plain")

            def _send(self, status, body, ctype, extra=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in extra:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.serve(Handler)


HOSTILE = None  # the HostileServer of the run


def generate(rng: random.Random):
    fam = rng.choices(FAMILIES, WEIGHTS)[0]
    name, data, as_file = fam(rng)
    return fam.__name__[2:], name, data, as_file


# ---------------------------------------------------------------- running
@contextlib.contextmanager
def fenced_fetcher():
    """No network in a fuzz run: the fetcher answers only loopback URLs (the closed port)."""
    from eventwatch.ingest import fetch

    real = fetch.Fetcher.get

    def get(self, url, *a, **kw):
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            raise fetch.FetchError(f"{url}: fenced off in the fuzz run", permanent=True)
        return real(self, url, *a, **kw)

    global HOSTILE
    real_proxies = fetch._proxy_hosts
    fetch.Fetcher.get = get
    fetch._proxy_hosts = lambda: frozenset({"127.0.0.1"})  # the fuzz server only: see HostileServer
    try:
        with HostileServer() as HOSTILE:
            yield
    finally:
        fetch.Fetcher.get = real
        fetch._proxy_hosts = real_proxies


def source_for(name: str, data: bytes, as_file: bool, tmp: Path) -> Source:
    if as_file:
        path = tmp / name
        path.write_bytes(data)
        return _file_source(path)
    return Source(name, lambda: io.BytesIO(data), len(data))


_NORM = [(re.compile(r"(?:/tmp|[A-Za-z]:)?[\w./\\-]*\.(?:txt|html|jsonl|xml|warc|bin|gz)(?:[#:]\d+)?(?: \S+)?"), "<src>"),
         (re.compile(r"\d+"), "N"), (re.compile(r"'[^']{0,80}'"), "'…'")]


def norm(msg: str) -> str:
    msg = " ".join(msg.split())
    for rx, sub in _NORM:
        msg = rx.sub(sub, msg)
    return msg[:150]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nlp-every", type=int, default=200, help="one input in N also goes through the full pipeline")
    ap.add_argument("--hang", type=float, default=20.0, help="seconds after which one input counts as a hang")
    ap.add_argument("--doc-seconds", type=float, default=5.0, help="per-document limit given to the pipeline")
    ap.add_argument("--max-bytes", type=int, default=8 * 1024 * 1024, help="Settings.max_bytes for the run")
    args = ap.parse_args()
    result = run(args.inputs, args.seed, args.nlp_every, args.hang, args.doc_seconds, args.max_bytes, verbose=True)
    return 1 if (result["crashes"] or result["hangs"] or result["lost_good"]) else 0


def run(n: int, seed: int, nlp_every: int, hang: float, doc_seconds: float, max_bytes: int,
        verbose: bool = False, pipeline=None) -> dict:
    from eventwatch.pipeline import Pipeline

    import logging

    logging.getLogger("eventwatch").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    settings = Settings(max_bytes=max_bytes, doc_seconds=doc_seconds,
                        extra={"fetch": {"delay": 0.0, "timeout": 2.0, "max_bytes": 1 << 20}})
    pipe = pipeline or Pipeline(settings)
    saved = pipe.settings
    pipe.settings = replace(saved, max_bytes=max_bytes, doc_seconds=doc_seconds, extra=settings.extra)
    try:
        with fenced_fetcher():
            return _run(pipe, n, seed, nlp_every, hang, verbose)
    finally:
        pipe.settings = saved


def _run(pipe, n: int, seed: int, nlp_every: int, hang: float, verbose: bool) -> dict:
    rng = random.Random(seed)
    out = dict(inputs=0, documents=0, crashes=0, hangs=0, rejects=0, nlp_batches=0, lost_good=0, leaked=0,
               families=collections.Counter(), family_seconds=collections.Counter(), reject_msgs=collections.Counter(), crash_msgs=[], slowest=(0.0, ""))
    rss0 = rss_mb()
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ew-fuzz-") as tmpd:
        tmp = Path(tmpd)
        for i in range(n):
            family, name, data, as_file = generate(rng)
            out["inputs"] += 1
            out["families"][family] += 1
            t0 = time.perf_counter()
            docs, records = [], []
            try:
                src = source_for(f"{i}-{name}", data, as_file, tmp)
                for doc in read_source(src, pipe.settings):
                    docs.append(doc)
                    records.append(pipe.prepare(doc))
            except BaseException as exc:  # noqa: BLE001 - counting exactly these
                if isinstance(exc, KeyboardInterrupt):
                    raise
                out["crashes"] += 1
                out["crash_msgs"].append(f"{family} #{i}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}")
            took = time.perf_counter() - t0
            out["family_seconds"][family] += took
            if took > out["slowest"][0]:
                out["slowest"] = (took, f"{family} #{i} ({len(data)} bytes)")
            if took > hang:
                out["hangs"] += 1
            out["documents"] += len(records)
            for rec in records:
                errs = [p for p in rec.errors if p.level == "error"]
                if errs:
                    out["rejects"] += 1
                    out["reject_msgs"][f"[{errs[0].stage}] {norm(errs[0].message)}"] += 1
                if "root:x:0:0" in (rec.text + (rec.title or "")):
                    out["leaked"] += 1  # an external entity was resolved
            full = family in FULL_PIPELINE
            if full or (nlp_every and i % nlp_every == 0):
                t1 = time.perf_counter()
                out["nlp_batches"] += 1
                out["lost_good"] += nlp_check(pipe, docs)
                took += time.perf_counter() - t1
                if full and took > hang:
                    out["hangs"] += 1
                if took > out["slowest"][0]:
                    out["slowest"] = (took, f"{family} #{i} ({len(data)} bytes, full pipeline)")
            if as_file:
                for f in tmp.iterdir():
                    f.unlink()
            if verbose and (i + 1) % 1000 == 0:
                print(f"  {i + 1} inputs, {time.perf_counter() - t_start:.0f} s, peak RSS {rss_mb():.0f} MB",
                      file=sys.stderr, flush=True)
    out["seconds"] = time.perf_counter() - t_start
    out["peak_rss_mb"] = rss_mb()
    out["rss_start_mb"] = rss0
    if verbose:
        report(out, seed, pipe.settings)
    return out


def nlp_check(pipe, docs: list[Document]) -> int:
    """The full pipeline on the fuzz documents with a good article in the middle: 1 if it got lost."""
    good = Document(text=GOOD, id="good-article", location="good")
    batch = docs[:3] + [good] + docs[3:6]
    try:
        records = pipe.process_batch(batch)
    except BaseException:  # noqa: BLE001
        return 1
    rec = next((r for r in records if r.id == "good-article"), None)
    return int(rec is None or not rec.text or any(p.level == "error" for p in rec.errors) or not rec.events)


def report(out: dict, seed: int, settings: Settings) -> None:
    print(f"fuzz run: seed {seed}, {out['inputs']:,} inputs -> {out['documents']:,} documents in {out['seconds']:.0f} s")
    print(f"limits: max_bytes {settings.max_bytes:,} per input document, max_chars {settings.max_chars:,} analysed, "
          f"doc_seconds {settings.doc_seconds:g} s per document (clean; stages), gzip at most "
          f"max(256 MiB, 100x compressed size)")
    print("inputs (seconds) per family: " + ", ".join(f"{k} {v} ({out['family_seconds'][k]:.0f} s)"
                                                      for k, v in sorted(out["families"].items())))
    print(f"crashes (uncaught exceptions): {out['crashes']}")
    print(f"hangs (an input over the hang limit): {out['hangs']}; slowest input {out['slowest'][0]:.2f} s: {out['slowest'][1]}")
    print(f"external entity contents leaked into a record: {out['leaked']}")
    print(f"full-pipeline batches with a good article: {out['nlp_batches']}, good article lost or damaged: {out['lost_good']}")
    print(f"peak RSS: {out['peak_rss_mb']:.0f} MB (after loading the model: {out['rss_start_mb']:.0f} MB)")
    print(f"rejected documents (error-level problem): {out['rejects']:,}; by message:")
    for msg, k in out["reject_msgs"].most_common(40):
        print(f"  {k:6d}  {msg}")
    for c in out["crash_msgs"][:10]:
        print("CRASH", c)


if __name__ == "__main__":
    sys.exit(main())
