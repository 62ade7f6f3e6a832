"""Live monitoring inside ``eventwatch serve``: a background thread polls feeds into the served store.

DuckDB lets one process write a database file, and ``serve`` holds it open; so instead of a second
process (``eventwatch watch``, which would fail on the lock) the server itself runs ingest/watch.py's
Watcher in a thread. The thread writes through the app's own connection (its own cursor, under the
app's write lock), and after every poll that stored something it clears the API's response cache, so
the next request sees the new events. Stopping (Ctrl-C, SIGTERM) lets the poll in progress finish its
write before the process exits: an item is remembered as seen only after its record is stored, so an
item whose poll was cut short is fetched again on the next start.
"""
from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger(__name__)


class AppStore:
    """What the Watcher needs of a store, backed by the served app's database (thread-safe)."""

    def __init__(self, app):
        self.app = app
        self.db = app.state.db
        self.con = self.db.new_cursor()  # this thread's own cursor: feed state reads and writes

    def feed_state(self):
        from eventwatch.store import feeds

        return feeds.FeedState(self.con)

    def write(self, records) -> int:
        n = self.db.write(records)
        cache = getattr(self.app.state, "response_cache", None)
        if cache is not None:
            cache.clear()
        return n


class LiveWatch:
    """Polls ``feeds`` every ``every`` seconds into the app's store, in a daemon thread."""

    def __init__(self, app, feeds: list[str], every: float, settings=None, fetcher=None, quiet: bool = False):
        self.app, self.feeds, self.every, self.quiet = app, list(feeds), every, quiet
        self.settings, self.fetcher = settings, fetcher
        self.stop_event = threading.Event()
        self.polls = 0
        self.thread = threading.Thread(target=self._loop, name="eventwatch-watch", daemon=True)

    def start(self) -> "LiveWatch":
        # The pipeline (and spaCy) must be imported before any other thread starts importing (the
        # serve command does it before the app's warm-up thread): two threads importing spaCy at once
        # can meet a half-initialised module.
        import eventwatch.pipeline  # noqa: F401

        self.thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        """Ask the thread to stop and wait for the poll in progress to finish its write."""
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _report(self, result) -> None:
        if not self.quiet:
            print(f"eventwatch: {result.summary()}", file=sys.stderr, flush=True)

    def _loop(self) -> None:
        from eventwatch.ingest.watch import Watcher
        from eventwatch.pipeline import Pipeline  # imported by start(), in the caller's thread

        # the model loads here, in the watcher's thread, while the server already answers
        watcher = Watcher(AppStore(self.app), self.settings, self.fetcher, Pipeline(self.settings))
        while not self.stop_event.is_set():
            try:
                self._report(watcher.poll(self.feeds))
            except Exception:  # noqa: BLE001 - the server keeps serving; the next poll tries again
                log.exception("watching feeds: poll failed")
            self.polls += 1
            self.stop_event.wait(self.every)
