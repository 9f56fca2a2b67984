"""The per-article work of the token exports (tokenizing, tagging, formatting) on every core, in order.

    for result in ordered_map(render_one, docs, tokenizer_choice):
        out.write(result.text)

``render(doc, *args)`` must be a module-level function (it is sent to other processes) and
return something picklable. The first second of work runs in this process, and so does the
rest when it would take less than a few seconds: a small export never waits for workers to
start; a longer one goes on in a pool of processes (one per core, forked from a server process
started fresh that has the exports and spaCy loaded once, never forked from the caller, which
may run Qt threads or hold the corpus open), fed in batches with a bounded
number in flight, so memory stays a few batches whatever the corpus size. When ``docs`` is an
export's ``DocStream`` over a corpus file, the workers read their articles from the file
themselves (each batch from one snapshot), so this process only writes. Results come back in
the order of ``docs``: the output is byte for byte what one process writes (a test compares them).
An error in a worker is raised here; stopping early (a cancelled export) ends the pool. Where
workers cannot start (a script without an ``if __name__ == "__main__":`` guard, which every
process started fresh re-runs), the rest is done in this process, in the same order.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

INLINE_SECONDS = 1.0  # work done in this process before a pool is worth starting
BATCH_DOCS = 64  # articles sent to a worker at once ...
BATCH_CHARS = 1_000_000  # ... or fewer, once their text adds up to this
IN_FLIGHT = 3  # batches queued per worker
POOL_WORTH_SECONDS = 5.0  # work left (at this process's pace) that is worth starting workers for
pools_started = 0  # pools of workers this process has started (what a benchmark reports)


def workers_available() -> int:
    """Cores this process may use (``ANNOTATOR_WORKERS`` overrides: 1 keeps everything in-process)."""
    env = os.environ.get("ANNOTATOR_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def idle_workers() -> int:
    """``workers_available()``, fewer when other programs keep the cores busy (by the last minute's
    load average, as ``make -l`` reads it): workers that would only queue for a core cost their start
    and gain nothing. A count set in ``ANNOTATOR_WORKERS`` is taken as it is."""
    n = workers_available()
    if os.environ.get("ANNOTATOR_WORKERS", "").strip().isdigit():
        return n
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on this system
        return n
    return max(1, min(n, int(n - load + 1)))


def _cpu_times() -> tuple[int, int] | None:
    """(idle, total) time of every CPU so far, from /proc/stat (None where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return fields[3] + fields[4], sum(fields)  # idle + iowait; user .. steal


def _idle_since(before: tuple[int, int] | None, workers: int) -> int:
    """Of ``workers``, those the machine had room for since ``before``: this process's core and the
    cores left idle meanwhile (``idle_workers`` where that cannot be measured)."""
    after = _cpu_times()
    if before is None or after is None or after[1] <= before[1]:
        return min(workers, idle_workers())
    cpus = os.cpu_count() or 1
    idle = (after[0] - before[0]) / (after[1] - before[1]) * cpus
    return max(1, min(workers, cpus, int(1 + idle + 0.25)))


def ordered_map(  # noqa: C901 - the in-process start, the pool, its fallback: one generator keeps them in order
    render: Callable[..., T],
    docs: Iterable[Any],
    *args: Any,
    workers: int | None = None,
    total: int = 0,
    initializer: Callable[..., Any] | None = None,
    inline_seconds: float | None = None,
    pool_worth_seconds: float | None = None,
    help_while_waiting: int = 0,
    idle_only: bool = False,
    reserve: int = 0,
    start_aside: bool = False,
    preload: list[str] | None = None,
) -> Iterator[T]:
    """``render(doc, *args)`` for every doc, in order, using every core for long work.

    ``total`` (the number of docs, when known) lets a short job finish here rather than start
    workers; ``initializer(*args)`` readies each worker (loads the tokenizer, say).
    ``inline_seconds`` and ``pool_worth_seconds`` override ``INLINE_SECONDS`` and
    ``POOL_WORTH_SECONDS``. With ``help_while_waiting=n`` this process, rather than wait for the oldest
    batch (while the workers start, say), works on the next batches itself, holding n results at most.
    With ``idle_only`` workers go only on cores that were idle while the first docs were rendered here
    (unless ``ANNOTATOR_WORKERS`` sets the count). ``reserve`` is the cores this process keeps busy
    itself with what it does with the results (an import storing the files workers read): the pool
    has that many fewer workers, one at least. With ``start_aside`` the workers start on a thread of
    their own while this process goes on rendering, one doc at a time, until they are up (their server
    may take a second or more to load): this process never waits for them to start. ``preload`` is
    what the workers' server loads when this call starts it (``PRELOAD`` by default)."""
    workers = workers_available() if workers is None else workers
    inline_seconds = INLINE_SECONDS if inline_seconds is None else inline_seconds
    pool_worth = POOL_WORTH_SECONDS if pool_worth_seconds is None else pool_worth_seconds
    it = iter(docs)
    began = time.perf_counter()
    idle_only = idle_only and not os.environ.get("ANNOTATOR_WORKERS", "").strip().isdigit()
    cpu_before = _cpu_times() if idle_only and workers > 1 else None
    done = 0
    warming = workers > 1 and not idle_only  # the workers' server may be started while this process works
    if workers < 2:
        yield from _here(render, it, args)
        return
    for doc in it:
        yield render(doc, *args)
        done += 1
        elapsed = time.perf_counter() - began
        if warming and elapsed > inline_seconds / 4 and (not total or elapsed / done * (total - done) > pool_worth):
            warming = False
            _start_server(preload)  # it loads what workers need meanwhile: they start at once when asked for
        if elapsed > inline_seconds:
            if idle_only:
                workers = _idle_since(cpu_before, workers)
                if workers < 2:  # other programs keep the other cores busy: workers would only queue
                    yield from _here(render, it, args)
                    return
            if not total or elapsed / done * (total - done) > pool_worth:
                break
            # what is left takes less than starting the workers would save
            yield from _here(render, it, args)
            return
    else:
        return
    global pools_started
    pools_started += 1
    workers = max(1, workers - reserve)
    starting = _PoolStart(
        ProcessPoolExecutor(
            workers,
            mp_context=_context(preload),
            initializer=_worker_start,
            initargs=(initializer, args),
        )
    )
    pool = starting.pool
    if start_aside:
        going_on = False  # to the workers, once they are up
        try:
            for doc in it:  # while the workers start (their server may still be loading), on here
                yield render(doc, *args)
                if starting.ready.is_set():
                    going_on = True
                    break
        finally:
            if not going_on:
                starting.abandon()  # done (or stopped) before the workers were up: they end once up
        if not going_on:
            return
    else:
        starting.ready.wait()
    source = getattr(docs, "source", None)  # a DocStream of a corpus file: workers read it themselves
    if source is not None:
        jobs = ((_render_ids, source, ids) for ids in _id_batches(docs.rest()))
    else:
        jobs = ((_render_docs, None, batch) for batch in _batches(it))
    pending: deque[tuple[Future | None, Callable, Any, list[Any], Any]] = deque()
    broken = starting.failed  # the workers could not start or died: the rest is done here, in the same order

    def help_here(head: Future) -> None:
        """Work on the next batches here (appended done, so still in order) while ``head`` is not done."""
        while not head.done() and len(pending) < workers * IN_FLIGHT + help_while_waiting:
            nxt = next(jobs, None)
            if nxt is None:
                return
            job, src, batch = nxt
            pending.append((None, job, src, batch, job(render, src, batch, args)))

    def results(future: Future | None, job: Callable, src: Any, batch: list[Any], done: Any = None) -> Iterator[T]:
        nonlocal broken
        if future is not None and not broken:
            if help_while_waiting:
                help_here(future)
            try:
                done = future.result()
            except BrokenProcessPool:
                log.warning("The worker processes stopped; the rest is done in this process", exc_info=True)
                broken = True
        if done is None:
            done = job(render, src, batch, args)
        for spans, result in done:
            if source is not None:
                docs.account(spans)
            yield result

    try:
        for job, src, batch in jobs:
            future = None
            if not broken:
                try:
                    future = pool.submit(job, render, src, batch, args)
                except BrokenProcessPool:  # a worker died before this batch was handed over
                    log.warning("The worker processes stopped; the rest is done in this process", exc_info=True)
                    broken = True
            pending.append((future, job, src, batch, None))
            while len(pending) > workers * IN_FLIGHT:
                yield from results(*pending.popleft())
        while pending:
            yield from results(*pending.popleft())
    finally:
        for future, *_ in pending:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


class _PoolStart:
    """A pool's workers started on a thread of their own, so that this process never waits for them:
    the first worker process is forked only once the server has loaded ``PRELOAD`` (spaCy among it,
    a second or more), and the pool's first ``submit`` waits for that. Meanwhile the caller goes on
    working itself, until ``ready`` is set (``failed`` tells whether the workers could start)."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.ready = threading.Event()
        self.failed = False
        self._lock = threading.Lock()
        self._abandoned = False
        # Not a daemon: a program that ends while its workers start waits for them to be up and shut
        # down, rather than leave the server forking a worker whose parent is gone (which fails loudly).
        threading.Thread(target=self._start, name="annotator-workers-start").start()

    def _start(self) -> None:
        try:
            self.pool.submit(_ready).result()
        except Exception:  # noqa: BLE001 - no workers: the caller does the rest itself
            log.warning("The worker processes stopped (they could not start); the work is done here", exc_info=True)
            self.failed = True
        with self._lock:
            self.ready.set()
            abandoned = self._abandoned
        if abandoned:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def abandon(self) -> None:
        """The pool is not needed after all: shut it down, on the starting thread if it is still starting
        (shutting down waits for the start)."""
        with self._lock:
            if not self.ready.is_set():
                self._abandoned = True
                return
        self.pool.shutdown(wait=True, cancel_futures=True)


_frozen = 0  # frozen_heap() contexts open in this process
_frozen_lock = threading.Lock()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """While long work runs in this process (an export), what was alive when it started (modules,
    spaCy's tables, the window's objects) is left out of garbage collection (``gc.freeze``): the work
    allocates millions of objects, and each full collection would otherwise walk all of that again,
    a tenth of an export's time. Garbage the work makes is collected as always; when the last
    context ends, the frozen objects are collected as always again (``gc.unfreeze``)."""
    global _frozen
    with _frozen_lock:
        if _frozen == 0:
            gc.freeze()
        _frozen += 1
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen -= 1
            if _frozen == 0:
                gc.unfreeze()


def heap_grew() -> None:
    """What was just loaded for good (spaCy and its rules, on a first token export) joins the frozen
    objects when a ``frozen_heap()`` context is open."""
    with _frozen_lock:
        if _frozen:
            gc.freeze()


def _ready() -> None:
    """A worker's first job: none, only to know the workers are up."""


def _here(render: Callable[..., T], docs: Iterator[Any], args: tuple) -> Iterator[T]:
    """The rest in this process (nothing more to decide per doc: a million of them in a large export)."""
    if args:
        return (render(doc, *args) for doc in docs)
    return map(render, docs)


PRELOAD = ["annotator.formats.worker_preload"]  # imported once by the process workers are forked from


def _worker_start(initializer: Callable[..., Any] | None, args: tuple) -> None:
    """A worker's start: what it was forked with (spaCy, the exports) is left out of garbage
    collection, which otherwise walks all of it again and again as the work allocates; then
    ``initializer(*args)``."""
    global _in_worker
    _in_worker = True
    gc.freeze()
    if initializer is not None:
        initializer(*args)


_in_worker = False


def in_worker() -> bool:
    """Is this process one of ``ordered_map``'s workers? (Work it is given is not shared out again.)"""
    return _in_worker


def _context(preload: list[str] | None = None) -> Any:
    """Workers forked from a fresh server process that has imported ``PRELOAD`` ("forkserver": each
    worker starts ready, without importing spaCy again), or started fresh ("spawn") where there is none."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(preload or PRELOAD)  # only the server's start reads it
        return ctx
    return multiprocessing.get_context("spawn")


def _start_server(preload: list[str] | None = None) -> None:
    """Start the process workers are forked from, without waiting for it (it imports ``PRELOAD``)."""
    if _context(preload).get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    try:
        forkserver.ensure_running()
    except OSError:  # the pool will try again, or do the work here
        log.warning("The workers' server could not be started yet", exc_info=True)


def _id_batches(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), BATCH_DOCS):
        yield ids[i : i + BATCH_DOCS]


def _render_ids(render: Callable[..., T], source: Any, ids: list[int], args: tuple) -> list[tuple[int, T]]:
    spans_of = getattr(source, "spans_of", _spans_of)  # a source of plain rows says where their spans are
    return [(spans_of(doc), _finished(render(doc, *args))) for doc in source.read(ids)]


def _spans_of(doc: Any) -> int:
    return len(doc.spans)


def _render_docs(render: Callable[..., T], _source: Any, batch: list[Any], args: tuple) -> list[tuple[int, T]]:
    return [(0, _finished(render(doc, *args))) for doc in batch]


def _finished(result: T) -> T:
    """A result made lazily (its ``finished()`` method) made whole, to go back from a worker."""
    finished = getattr(result, "finished", None)
    return finished() if callable(finished) else result


def _batches(docs: Iterator[Any]) -> Iterator[list[Any]]:
    while True:
        batch = []
        chars = 0
        for doc in islice(docs, BATCH_DOCS):
            batch.append(doc)
            chars += len(getattr(doc, "text", ""))
            if chars >= BATCH_CHARS:
                break
        if not batch:
            return
        yield batch
