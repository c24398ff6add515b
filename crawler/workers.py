"""Reading pages off the reactor thread: a pool of worker processes for the families.

A crawl downloads with one request at a time per site, but everything a page
costs after its download (the family's reading, normalization) used to run
on the reactor thread, in one process, on one core: while a page was being
read no other download of any site could start or finish.  Families and
normalize_article are pure functions of their arguments, so the spider
hands (source, url, page bytes) to a worker process (crawler/pages.py) and
awaits the row the store writes;
the reactor goes on downloading meanwhile, and the crawl uses every core.

Politeness does not change: requests still go through Scrapy's scheduler and
downloader (robots.txt, CONCURRENT_REQUESTS_PER_DOMAIN = 1, the delay,
AutoThrottle); only the reading of responses moves.

EXTRACT_WORKERS (a Scrapy setting; `crawler.main` takes it from the
TINTUC_EXTRACT_WORKERS environment variable) is the number of worker
processes: 0 reads pages inline on the reactor thread as before; unset, one
per CPU.  The first WARMUP_PAGES article pages of a crawl process are read
inline: a scheduled crawl that brings a handful of new articles never pays
for starting workers.

An urgent call (a list page: the downloader needs its links) is read inline
until the pool runs, then by a worker of its own at the crawl's priority,
instead of behind the article pages queued in the pool (whose workers run at
nice +10); that worker is idle but for one page in 21.

Workers are forked from a fork server (multiprocessing's "forkserver", where
the platform has it; else "spawn") that imported crawler.pages once
(PRELOAD): each worker starts with the families, normalization and numpy
already imported instead of importing them itself (~0.35 s of CPU a worker),
and shares their memory.  The fork server is a fresh interpreter, not a fork
of the crawl process, whose reactor has threads (a forked copy could inherit
a held lock).  It is stopped (and reaped) with the pool.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time

from twisted.internet.defer import Deferred, maybeDeferred

from .pipe_pool import PipePool, PoolBroken

PARENT_CHECK_SECONDS = 1.0
WARMUP_PAGES = 16
# At this call the fork server is started (it imports PRELOAD on another core while the reactor goes on):
# the first submit to the pool, at call WARMUP_PAGES + 1, would otherwise wait on the reactor thread for
# the fork server's imports before its first worker can be forked (~0.4 s with every download stopped).
PRESTART_PAGE = WARMUP_PAGES // 2
PRELOAD = ["crawler.pages"]  # what the fork server imports for every worker
log = logging.getLogger(__name__)


WORKER_NICENESS = 10


def _start_worker(parent: int, niceness: int = WORKER_NICENESS) -> None:
    """In a worker: run below the crawl process's priority, and exit with it (_watch_parent).

    The reactor thread is the crawl's one serial path (one request at a time per site: a response is
    handled, the next request sent); the workers read pages beside it.  On a machine with fewer free cores
    than workers + 1, a worker that takes the core the reactor was waiting for delays every download after
    it; niced, the workers take what the reactor leaves.
    """
    try:
        os.nice(niceness)
    except OSError:  # not allowed here: the workers run at the crawl's priority
        pass
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the crawl process `parent` is gone (even killed with SIGKILL).

    A worker's own parent is the crawl (spawn) or the fork server, which exits with the crawl: the worker
    exits when its parent changes.  The crawl also passes its own pid, checked as well: a worker that
    starts just as the crawl is killed would otherwise take its new parent (init) for its starter and
    never exit.
    """
    starter = os.getppid()

    def watch() -> None:
        while os.getppid() == starter and _exists(parent):
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def _context():
    """The fork server with PRELOAD imported where the platform has one, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def worker_count(value) -> int:
    """The EXTRACT_WORKERS setting's number of workers: unset, one per CPU; 0, pages read inline."""
    return max(0, (os.cpu_count() or 1) if value in (None, "") else int(value))


def _stop_fork_server() -> None:
    """Stop the fork server (if one runs) and reap it, so it leaves nothing running and its CPU (and its
    workers') is counted in the crawl's own (RUSAGE_CHILDREN).  A private call of multiprocessing's, so
    skipped where it is missing: the fork server then exits by itself when the crawl process does."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


class Readers:
    """Runs read_article / read_list inline or in worker processes, giving a Deferred either way."""

    def __init__(self, workers: int, warmup: int = WARMUP_PAGES, prestart: int = PRESTART_PAGE) -> None:
        self.workers = workers
        self.warmup = warmup
        self.prestart = min(prestart, warmup)
        self.calls = 0  # article pages (urgent calls aside)
        self._pool: PipePool | None = None
        self._started = False  # a pool was started: the fork server is stopped at close
        self._urgent_pool: PipePool | None = None  # one worker, at the crawl's priority

    @classmethod
    def from_setting(cls, value) -> Readers:
        return cls(worker_count(value))

    def _executor(self, urgent: bool = False) -> PipePool:
        if urgent:
            if self._urgent_pool is None:
                self._urgent_pool = self._new_pool(1, niceness=0)
            return self._urgent_pool
        if self._pool is None:
            self._pool = self._new_pool(self.workers, niceness=WORKER_NICENESS)
            log.info("reading pages in %d worker processes", self.workers)
        return self._pool

    def _new_pool(self, workers: int, niceness: int) -> PipePool:
        self._started = True
        # never fork: the reactor process has threads; a forked copy of it could inherit a held lock.
        # Not concurrent.futures: its threads in this process took the GIL from the reactor (pipe_pool.py).
        return PipePool(workers, _context(), initializer=_start_worker, initargs=(os.getpid(), niceness))

    def call(self, function, *args, urgent: bool = False) -> Deferred:
        """function(*args) in a worker (inline during the warmup or without workers), as a Deferred.

        urgent: read by the urgent worker once the pool runs (inline before), not queued behind the pool's
        pages, nor counted in the warmup (a list page, whose links the downloader waits for).
        """
        if urgent:
            if not self.workers or self._pool is None:
                return maybeDeferred(function, *args)
        else:
            self.calls += 1
            if self.workers and self.calls == max(1, self.prestart):
                self._prestart()
            if not self.workers or self.calls <= self.warmup:
                return maybeDeferred(function, *args)
        try:
            deferred = self._executor(urgent).submit(function, *args)
        except PoolBroken as exc:
            self._give_up_pool(exc)
            return maybeDeferred(function, *args)
        return deferred.addErrback(self._unless_broken, function, args)

    def _prestart(self) -> None:
        """Start the fork server now, without waiting for it (its imports run in its own process)."""
        context = _context()
        if context.get_start_method() != "forkserver":
            return
        from multiprocessing import forkserver

        self._started = True  # stopped at close, even if no page is read in the pool
        forkserver.ensure_running()

    def _unless_broken(self, failure, function, args):
        """A worker died (killed, out of memory): that page and the rest of the crawl are read inline."""
        if not failure.check(PoolBroken):
            return failure
        self._give_up_pool(failure.value)
        return maybeDeferred(function, *args)

    def _give_up_pool(self, error: BaseException) -> None:
        if self._pool is None and self._urgent_pool is None:
            return
        log.warning("a page-reading worker process died (%s); the rest of this crawl reads pages inline", error)
        self.workers = 0
        pools, self._pool, self._urgent_pool = (self._pool, self._urgent_pool), None, None
        for pool in pools:
            if pool is not None:
                pool.shutdown(wait=False, error=PoolBroken("the pool was given up"))  # calls read inline

    def close(self) -> None:
        for pool in (self._urgent_pool, self._pool):
            if pool is not None:
                pool.shutdown(wait=True)
        self._pool = self._urgent_pool = None
        if self._started:
            self._started = False
            _stop_fork_server()


_shared: Readers | None = None


def shared_readers(setting) -> Readers:
    """One pool for every spider of the crawl process (the sources share the cores), closed at shutdown."""
    from twisted.internet import reactor

    global _shared
    if _shared is None:
        _shared = Readers.from_setting(setting)
        reactor.addSystemEventTrigger("before", "shutdown", close_shared)
    return _shared


def close_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
