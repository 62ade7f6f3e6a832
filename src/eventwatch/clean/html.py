"""HTML pages: trafilatura finds the main text and metadata; the line rules then finish the job."""
from __future__ import annotations

import re

from eventwatch.model import Problem

from .dates import parse_date
from .scraped import clean_text

_TAGS = re.compile(r"<[^>]{0,2000}>")


def clean_html(html: str, url: str | None = None):
    from .cleaned import Cleaned

    import trafilatura

    problems: list[Problem] = []
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=False, deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        doc = None
        problems.append(Problem("clean", f"HTML extraction failed: {type(exc).__name__}: {exc}"))
    if doc is None:
        if not _TAGS.sub("", html).strip():
            problems.append(Problem("clean", "HTML page has no text content (empty body)"))
        elif not problems:
            problems.append(Problem("clean", "no article text found in the HTML page"))
        return Cleaned(text="", problems=problems)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("text") or ""
    out = clean_text(body, title=meta.get("title"), from_html=True)
    out.title = meta.get("title") or out.title
    out.source = meta.get("sitename") or out.source
    out.author = meta.get("author") or out.author
    day, why = parse_date(meta.get("date"))
    out.published = day or out.published
    if why and not out.published:
        problems.append(Problem("clean", f"unreadable date in the page's metadata: {why}; the article is undated", "warning"))
    out.url = meta.get("url") or url
    if not out.text:
        problems.append(Problem("clean", "no article text found in the HTML page"))
    out.problems.extend(problems)
    return out
