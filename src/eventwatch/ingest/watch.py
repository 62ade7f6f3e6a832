"""Watching feeds: poll RSS/Atom feeds, fetch and process new articles, store them, remember.

State lives in the same DuckDB file as the records (tables ``feed_state`` and ``seen_urls``,
kept by the store: ``Store.feed_state()``), so a restarted watcher neither re-fetches an unchanged
feed (conditional GET) nor re-processes an item it has stored. An item whose page could not be
fetched for a passing reason (timeout, 5xx) is not remembered and is tried again next poll; a
permanent failure (404, too large, not http(s)) is remembered with its status.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from eventwatch.ingest.fetch import Fetcher, FetchError, is_web_url
from eventwatch.ingest import feeds
from eventwatch.settings import Settings

log = logging.getLogger(__name__)

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def parse_every(value: str) -> float:
    """'15m', '90s', '1h', '2d' or plain seconds to seconds."""
    m = _EVERY.match(value)
    if not m:
        raise ValueError(f"not a duration (e.g. 15m, 1h, 90s): {value!r}")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2).lower()]


@dataclass
class PollResult:
    feeds: int = 0
    unchanged: int = 0
    new_items: int = 0
    stored: int = 0
    failed: int = 0
    undated: int = 0  # stored items with no publication date (their events are undated)

    def summary(self) -> str:
        """One line for the log: what this poll did."""
        return (f"polled {self.feeds} feeds ({self.unchanged} unchanged): {self.new_items} new items, "
                f"{self.stored} stored, {self.failed} failed, {self.undated} with no publication date")


class Watcher:
    """Polls feeds into a store with one pipeline loaded once."""

    def __init__(self, store, settings: Settings | None = None, fetcher: Fetcher | None = None, pipeline=None):
        self.store = store
        self.settings = settings or Settings()
        self.fetcher = fetcher or Fetcher()
        self.state = store.feed_state()  # the store owns the SQL (store/feeds.py)
        self._pipeline = pipeline

    @property
    def pipeline(self):
        if self._pipeline is None:  # ingest never imports the pipeline: its caller (the CLI) builds it
            raise TypeError("Watcher needs a pipeline: Watcher(store, settings, fetcher, Pipeline(settings))")
        return self._pipeline

    def _fetch_feed(self, feed: str):
        """The feed's response (a 304 when unchanged since the last poll); a local file reads as a 200."""
        from eventwatch.ingest.fetch import Response

        if not is_web_url(feed):
            return Response(url=feed, status=200, body=Path(feed).read_bytes())
        etag, modified = self.state.feed(feed)
        return self.fetcher.get(feed, etag=etag, modified=modified)

    def poll(self, feeds_: list[str]) -> PollResult:
        result = PollResult()
        for feed in feeds_:
            result.feeds += 1
            try:
                resp = self._fetch_feed(feed)
            except (FetchError, OSError) as exc:
                log.warning("feed %s: %s", feed, exc)
                result.failed += 1
                continue
            waiting = 0
            if resp.not_modified:
                result.unchanged += 1
            else:
                try:
                    waiting = self._poll_items(feed, resp.body, result)
                except feeds.FeedError as exc:
                    log.warning("feed %s", exc)
                    result.failed += 1
                    continue
                except Exception:  # noqa: BLE001 - one bad feed never stops the watcher
                    log.exception("feed %s: failed; trying again next poll", feed)
                    result.failed += 1
                    continue
            # saved only after the items are stored (a crash in between re-reads the feed next time),
            # and without validators while items wait for a retry, so the next poll reads it in full
            etag, modified = (None, None) if waiting else (resp.etag, resp.modified)
            self.state.save_feed(feed, etag, modified, str(resp.status))
        return result

    def _poll_items(self, feed: str, data: bytes, result: PollResult) -> int:
        """Process the feed's unseen items; returns how many wait for a retry."""
        parsed = feeds.parse(data)
        feeds.check_parsed(parsed, feed)
        keys = [feeds.entry_key(e) for e in parsed.entries]
        seen = self.state.seen(keys)
        pending = list(feeds.feed_documents(parsed, feed, self.fetcher, skip=seen, retry_later=True,
                                               date_order=self.settings.date_order))
        waiting = len({k for k in keys if k not in seen} - {k for k, _ in pending})
        result.new_items += len(pending)
        if not pending:
            return waiting
        records = list(self.pipeline.process(doc for _key, doc in pending))
        result.stored += self.store.write(records)
        result.undated += sum(record.published is None for record in records)
        for (key, _doc), record in zip(pending, records):
            if key is None:
                continue
            result.failed += record.failed
            self.state.remember(key, feed, "failed" if record.failed else "ok", record.id)
        return waiting

    def run(self, feeds_: list[str], every: float, once: bool = False, report=None) -> None:
        while True:
            started = time.monotonic()
            result = self.poll(feeds_)
            if report:
                report(result)
            if once:
                return
            time.sleep(max(0.0, every - (time.monotonic() - started)))

