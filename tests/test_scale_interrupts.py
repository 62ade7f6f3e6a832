"""Ctrl-C while ``-j`` workers start: held in the parent (not lost), dropped in the workers (no traceback).

The end-to-end check (a real ``process -j 2`` run interrupted) is in test_harden_errors.py; these pin the
two halves of the mechanism deterministically, with a thread-directed SIGINT so that no other thread of
the test process can take it.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading

import pytest

from eventwatch.scale import processes

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")


@pytest.fixture
def default_sigint():
    """The interpreter's own SIGINT handler for the test, whatever an earlier test left installed."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_in_the_start_window_is_delivered_after_it_not_lost(default_sigint):
    reached_end_of_window = False
    with pytest.raises(KeyboardInterrupt):
        with processes._interrupts_held():
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
            for _ in range(1000):  # bytecode runs: an unheld signal would raise here
                pass
            reached_end_of_window = True
    assert reached_end_of_window  # held during the window, raised only once it closed
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())  # mask restored


def test_the_window_restores_the_mask_when_nothing_happened(default_sigint):
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    with processes._interrupts_held():
        assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert signal.pthread_sigmask(signal.SIG_BLOCK, set()) == before


def _worker_interrupted_while_starting(result) -> None:
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C reaches the worker before its initializer ran
    for _ in range(1000):
        pass
    processes._drop_interrupts()  # what _init_worker does first
    for _ in range(1000):
        pass
    result.put("loaded")


def test_a_worker_started_in_the_window_drops_a_ctrl_c_instead_of_failing(default_sigint):
    ctx = mp.get_context("spawn")
    result = ctx.Queue()
    with processes._interrupts_held():
        proc = ctx.Process(target=_worker_interrupted_while_starting, args=(result,))
        proc.start()
    proc.join(60)
    assert proc.exitcode == 0
    assert result.get(timeout=5) == "loaded"
