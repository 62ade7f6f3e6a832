"""Per-document limits: a wall-clock deadline around the work on one document.

``deadline(seconds, what)`` is a context manager. In the main thread of a process on a system with
``SIGALRM`` (the CLI, ``eventwatch ingest``/``watch``, ``-j`` worker processes) it arms a one-shot
real-time timer; when it fires, ``DocumentTimeout`` is raised inside whatever Python code is running
(pure-Python loops, regular expressions; long C calls such as one lxml parse are interrupted as soon
as they return). ``DocumentTimeout`` derives from ``BaseException`` so that a library's own
``except Exception`` cannot swallow it; the pipeline catches it and records an error on that
document. In other threads (the API's thread pool) or when a timer is already armed (nested use) it
does nothing: the size limits (``Settings.max_bytes`` and ``max_chars``) are then
the bound.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


class DocumentTimeout(BaseException):
    """One document took longer than the per-document time limit."""


def _can_arm() -> bool:
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextlib.contextmanager
def deadline(seconds: float | None, what: str = "document") -> Iterator[None]:
    if not seconds or seconds <= 0 or not _can_arm():
        yield
        return

    def _fire(signum, frame):
        raise DocumentTimeout(f"{what} took longer than the limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
