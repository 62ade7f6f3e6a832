"""The feed watcher's memory, in tables of the store's DuckDB file (the store owns the SQL).

``feed_state``: per feed, the validators of its last answer (ETag, Last-Modified) for conditional
GETs; ``seen_urls``: every item URL already handled, with its status and article id.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

STATE_SQL = """
CREATE TABLE IF NOT EXISTS feed_state (
    feed VARCHAR PRIMARY KEY, etag VARCHAR, modified VARCHAR, last_polled TIMESTAMP, last_status VARCHAR
);
CREATE TABLE IF NOT EXISTS seen_urls (
    url VARCHAR PRIMARY KEY, feed VARCHAR, first_seen TIMESTAMP, status VARCHAR, article_id VARCHAR
);
"""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class FeedState:
    """The watcher's memory, in tables of a DuckDB connection (created when missing)."""

    def __init__(self, con):
        self.con = con
        con.execute(STATE_SQL)

    def feed(self, feed: str) -> tuple[str | None, str | None]:
        """The (etag, modified) validators last saved for ``feed``."""
        row = self.con.execute("SELECT etag, modified FROM feed_state WHERE feed = ?", [feed]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed(self, feed: str, etag: str | None, modified: str | None, status: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?)", [feed, etag, modified, _now(), status])

    def seen(self, urls: Iterable[str]) -> set[str]:
        """The URLs among ``urls`` handled before."""
        urls = [u for u in urls if u]
        if not urls:
            return set()
        rows = self.con.execute("SELECT url FROM seen_urls WHERE url IN (SELECT unnest(?))", [urls]).fetchall()
        return {r[0] for r in rows}

    def remember(self, url: str, feed: str, status: str, article_id: str | None) -> None:
        self.con.execute("INSERT OR REPLACE INTO seen_urls VALUES (?, ?, ?, ?, ?)", [url, feed, _now(), status, article_id])
