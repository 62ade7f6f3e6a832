"""Article identity: the id a record gets when its input names none.

In order: the article's URL, normalised (scheme, ``www.``, default port, fragment, tracking parameters,
parameter order and a trailing slash do not count), else the feed item's guid, else a hash of the
cleaned text. So the same article read from a feed and from a saved page, or from two JSON Lines
files, is one article; two feed items whose pages failed to load stay two error records.
"""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "cmpid", "ocid", "at_medium", "at_campaign", "ns_mchannel",
            "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "xtor", "ref", "rss", "cid")


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalise_url(url: str | None) -> str | None:
    """``host/path?query`` of a web URL with what does not name the page removed; None for no or a non-web URL."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.lower().startswith(TRACKING))
    return host + path + ("?" + urlencode(query) if query else "")


def article_id(given: str | None, url: str | None, guid: str | None, text: str, fallback: str) -> str:
    """The record id: the input's own id, else the normalised URL's hash, else the guid's, else the text's,
    else (no text: an error record) a hash of ``fallback`` (where the input came from)."""
    if given:
        return given
    if key := normalise_url(url):
        return _hash(key)
    if guid:
        return _hash("guid\0" + guid)
    return _hash(text) if text else _hash(fallback)
