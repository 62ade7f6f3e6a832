"""robots.txt for the fetcher: read once per site (scheme and host) and kept for an hour.

The standard library's ``urllib.robotparser`` reads the rules: it is already in every Python,
needs no new dependency, and covers what news sites use (``User-agent`` groups, ``Disallow`` and
``Allow`` path prefixes, ``Crawl-delay``, ``Request-rate``). It does not know the ``*`` and ``$``
wildcards of RFC 9309 inside paths: a rule such as ``Disallow: /*.pdf$`` matches only a path that
begins with those characters, so such a page may be fetched. robots.txt itself is downloaded by
the fetcher (its address rules, deadline and a 512 KB size limit), not by ``RobotFileParser.read``,
which has neither.

As RFC 9309 says: a robots.txt that does not exist (4xx) allows everything; one that cannot be
read (5xx, network failure) means the site is not fetched for now (the watcher tries again at the
next poll; the failure is kept for five minutes). ``robots=False`` (``--ignore-robots``) is for
archives one is entitled to fetch.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from urllib.parse import urlsplit

AGENT = "eventwatch"          # the product token matched against User-agent lines
KEEP_SECONDS = 3600.0         # a robots.txt read is kept this long
RETRY_SECONDS = 300.0         # an unreadable robots.txt is asked again after this long
MAX_BYTES = 512 * 1024        # RFC 9309: at least 500 KiB are parsed
MAX_CRAWL_DELAY = 60.0        # a Crawl-delay above this is taken as this


class RobotsCache:
    """``fetcher``: what reads robots.txt (``download``) and takes a site's delay (``set_host_delay``);
    ``error``: the exception class it raises and this cache raises (``fetch.FetchError``)."""

    def __init__(self, fetcher, error: type):
        self.fetcher, self.error = fetcher, error
        self._sites: dict[str, tuple[float, object]] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise ``FetchError`` when the site's robots.txt keeps ``url`` from us (or cannot be read)."""
        FetchError = self.error  # noqa: N806
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        rules = self._rules(site)
        if isinstance(rules, FetchError):
            if rules.permanent:  # e.g. the site's address is refused: so is the page
                raise FetchError(str(rules), permanent=True)
            raise FetchError(f"{url}: robots.txt of {site} cannot be read ({rules}); not fetched for now")
        if not rules.can_fetch(AGENT, url):
            raise FetchError(f"{url}: disallowed by {site}/robots.txt; not fetched", permanent=True)

    def _rules(self, site: str):
        with self._lock:
            kept = self._sites.get(site)
        if kept and kept[0] > time.monotonic():
            return kept[1]
        rules, keep = self._read(site)
        with self._lock:
            self._sites[site] = (time.monotonic() + keep, rules)
        return rules

    def _read(self, site: str):
        FetchError = self.error  # noqa: N806
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            resp = self.fetcher.download(site + "/robots.txt", max_bytes=MAX_BYTES)
        except FetchError as exc:
            if exc.status is not None and exc.status < 500:  # 4xx, or redirects without end: no rules
                parser.allow_all = True
                return parser, KEEP_SECONDS
            if "larger than" in str(exc):  # an oversized robots.txt: read as if absent
                parser.allow_all = True
                return parser, KEEP_SECONDS
            return exc, RETRY_SECONDS
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(AGENT)
        if delay:
            self.fetcher.set_host_delay(urlsplit(site).netloc, min(float(delay), MAX_CRAWL_DELAY))
        return parser, KEEP_SECONDS
