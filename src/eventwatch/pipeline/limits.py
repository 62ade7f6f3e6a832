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
import re
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


# -- inputs that make the tokenizer quadratic
# spaCy's tokenizer strips prefix and suffix characters one at a time from a whitespace-free run and
# copies the rest each time, in one C call that no signal interrupts: 3,000 ``(`` (or ``'s`` 2,000
# times, or any mix of brackets, quotes, symbols, emoji) take 3 to 7 s, 8,000 take 23 s, 40 KB hours.
# Such a run is cut before the tokenizer (RELIABILITY.md has the figures). Ordinary long runs (URLs,
# hashes, base64) are mostly letters and digits and are left alone.
def _is_symbol_heavy(run: str) -> bool:
    symbols = sum(1 for ch in run if not ch.isalnum())
    return 3 * symbols >= len(run)


def cut_symbol_runs(text: str, longest: int) -> tuple[str, int]:
    """``text`` with every whitespace-free run longer than ``longest`` characters of which at least a
    third are neither letters nor digits cut to its first ``longest`` characters; and how many runs
    were cut."""
    if longest <= 0 or len(text) <= longest:
        return text, 0
    cut = 0

    def _cut(match: re.Match) -> str:
        nonlocal cut
        run = match.group(0)
        if not _is_symbol_heavy(run):
            return run
        cut += 1
        return run[:longest]

    return re.compile(r"\S{%d,}" % (longest + 1)).sub(_cut, text), cut
