"""Running the pipeline over a stream of documents, in this process or in ``-j N`` workers.

With ``settings.n_process > 1`` the documents are cut into batches of ``settings.batch_size``
and handed to worker processes, each of which loads the pipeline (model and stages) once. At
most ``2 * n_process`` batches are in flight, so memory stays flat however long the input,
and records come out in input order.
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from eventwatch.model import Document, Record
from eventwatch.settings import Settings

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2
_PIPELINE = None  # the worker process's pipeline, set by _init_worker


def run(documents: Iterable[Document], settings: Settings) -> Iterator[Record]:
    if settings.n_process <= 1:
        from eventwatch.pipeline import Pipeline

        pipeline = Pipeline(settings)
        _settle()
        yield from pipeline.process(documents)
    else:
        yield from run_parallel(documents, settings)


def _settle() -> None:
    """Move everything loaded so far (model, gazetteer, lexicons: some 250,000 objects that live as long
    as the process) out of the garbage collector's reach, so its full passes scan only what the documents
    create. No collection first: one full pass over the loaded objects would cost about as much as the
    freeze saves over a few hundred articles; the little garbage loading left is kept."""
    import gc

    gc.freeze()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _init_worker(settings: Settings) -> None:
    """Load the pipeline once per worker; one BLAS thread each, so N workers use N cores."""
    global _PIPELINE
    _drop_interrupts()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from eventwatch.pipeline import Pipeline

    _PIPELINE = Pipeline(settings)
    _settle()


def _work(batch: list[Document]) -> list[Record]:
    return _PIPELINE.process_batch(batch)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT held (blocked, not ignored) in this thread while worker processes are started.

    A spawned child inherits the blocked signal mask; ``_init_worker`` sets SIGINT to ignored and only
    then unblocks it, so a Ctrl-C that reaches the whole process group while a worker is starting or
    loading is dropped there (this process stops the workers) instead of printing a traceback from every
    worker. This process keeps the Ctrl-C pending and gets it as soon as the block is lifted: a
    KeyboardInterrupt right after the submit, and the run stops as any interrupted run does. (Ignoring
    SIGINT here instead, as before, lost a Ctrl-C pressed in this window: the run went on to the end.)"""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _drop_interrupts() -> None:
    """In a worker: ignore SIGINT (the parent handles Ctrl-C and stops the workers), then lift the block
    inherited from ``_interrupts_held``; a Ctrl-C pending since the worker started is discarded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _stop(pool) -> None:
    """Stop the pool at once: pending batches cancelled, running workers terminated."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        if proc.is_alive():
            proc.terminate()


def run_parallel(documents: Iterable[Document], settings: Settings) -> Iterator[Record]:
    """Order-preserving, bounded-memory processing in ``settings.n_process`` worker processes."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    n = settings.n_process
    limit = n * IN_FLIGHT_PER_WORKER
    pending: deque = deque()
    ctx = mp.get_context("spawn")  # no fork of a parent holding threads or open databases
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker, initargs=(settings,))
    try:
        for batch in _batches(documents, settings.batch_size):
            with _interrupts_held():  # a submit may start a worker
                pending.append(pool.submit(_work, batch))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:  # Ctrl-C, a closed output, a failed worker: no worker left behind
        _stop(pool)
        raise
    pool.shutdown()
