"""The cleaner: a raw ``Document`` (scraped text or HTML) to headline, outlet, dateline and body.

``clean(document)`` returns a ``Cleaned``; the body text it returns is the record's ``text`` and
every later offset points into it. HTML goes through trafilatura first, then the same line rules.
"""
from __future__ import annotations

from eventwatch.model import Document

from .cleaned import Cleaned
from .scraped import clean_text, patterns, unwrap

__all__ = ["Cleaned", "clean", "load", "unwrap"]


def load() -> None:
    """Compile the line rules now (they are cached), so the first document does not pay for them."""
    patterns()


def clean(document: Document) -> Cleaned:
    if document.html is not None:
        from .html import clean_html

        out = clean_html(document.html, url=document.url)
    else:
        out = clean_text(document.text or "")
    # metadata the input carried wins over what was guessed from the page
    out.title = document.title or out.title
    out.source = document.source or out.source
    out.published = document.published or out.published
    out.url = document.url or out.url
    return out
