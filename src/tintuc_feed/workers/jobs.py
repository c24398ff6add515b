"""The job a worker runs: one source's crawl, exactly what `tintuc-feed crawl --source ID` runs.

A worker process calls configure() with its own options (store, output
folder, sources file…) before it starts taking jobs; RQ forks a work horse
per job, which inherits them.  A job carries only the source id.

crawl_source holds the source's lock for the whole crawl (no two workers
crawl one source at once), first closes the runs of that source a dead
worker left unfinished (their crawl is over: its lock expired), then runs
runner.crawl_and_publish, publishing under the publish lock.  If the worker
process dies while its work horse runs, the horse stops the crawl (as
SIGTERM does: the crawl closes and its outcome is recorded) and fails the
job before publishing, so RQ puts it back on the queue for another worker.
If the horse dies too (a lost machine), RQ does the same once the job's
heartbeat has expired, and the source lock expires on its own.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from redis import Redis

from ..runner import CrawlOptions, PublishOptions, crawl_and_publish, stop_crawls
from ..sources import load_sources, load_topics
from ..store import Store
from . import KEY_PREFIX, locks

VN = ZoneInfo("Asia/Ho_Chi_Minh")
log = logging.getLogger("tintuc_feed.workers.jobs")
PARENT_CHECK_SECONDS = 1.0
DONE_SECONDS = 7 * 86400  # how long a round is remembered as crawled


@dataclass(frozen=True)
class WorkerContext:
    """What a worker was started with: everything a job needs besides the source id."""

    queue_url: str
    name: str  # host:pid of the worker process, recorded with each run it makes
    crawl_options: CrawlOptions
    publish_options: PublishOptions
    lock_wait: float = locks.SOURCE_LOCK_SECONDS * 2  # a dead holder's lock has expired by then
    publish_wait: float = 900.0


_context: WorkerContext | None = None


def configure(context: WorkerContext) -> None:
    """Set the worker's options (in the worker process, before it takes jobs)."""
    global _context
    _context = context


def crawl_source(source_id: str, round_id: str | None = None) -> dict:
    """Crawl one source and publish; returns its outcome (also recorded in the store).

    `round_id` names the scheduler's fire that enqueued the job: RQ delivers a
    job at least once (a retry after a worker's death can race with the
    cleanup of its stale heartbeat), so a round already crawled to the end is
    not crawled again.
    """
    if _context is None:
        raise RuntimeError("crawl_source runs in a `tintuc-feed worker` process (configure() was not called)")
    ctx = _context
    sources = load_sources(ctx.crawl_options.sources_file)
    chosen = [s for s in sources if s.id == source_id]
    if not chosen:
        log.warning("source %s is not in the worker's sources file: job skipped", source_id)
        return {"source": source_id, "skipped": "unknown source"}
    topics = tuple(load_topics(ctx.crawl_options.sources_file)) if ctx.crawl_options.sources_file else ()
    publish_options = replace(ctx.publish_options, topics=topics)
    redis = Redis.from_url(ctx.queue_url)
    with _stop_with_worker() as worker, locks.held(redis, locks.source_lock_name(source_id), owner=ctx.name,
                                                   ttl=locks.SOURCE_LOCK_SECONDS, wait=ctx.lock_wait):
        done_key = f"{KEY_PREFIX}done:{source_id}"
        if round_id is not None and redis.get(done_key) == round_id.encode():
            log.info("%s: round %s was already crawled: duplicate delivery skipped", source_id, round_id)
            return {"source": source_id, "skipped": "already crawled in this round"}
        _close_abandoned(ctx, source_id)
        publish_guard = locks.held(redis, locks.PUBLISH_LOCK, owner=ctx.name, ttl=locks.PUBLISH_LOCK_SECONDS,
                                   wait=ctx.publish_wait)
        outcomes, _report = crawl_and_publish(chosen, sources, ctx.crawl_options, publish_options,
                                              on_crawled=lambda _outcomes: worker.check(),
                                              publish_guard=publish_guard)
        if round_id is not None:
            redis.set(done_key, round_id, ex=DONE_SECONDS)
    outcome = outcomes[source_id]
    log.info("crawled %s on %s: %s", source_id, ctx.name, "ok" if outcome.ok else f"FAILED: {outcome.error}")
    return {"source": source_id, "worker": ctx.name, "ok": outcome.ok, "error": outcome.error, **outcome.counts}


def _close_abandoned(ctx: WorkerContext, source_id: str) -> None:
    """Runs of this source that a dead worker left unfinished are over: record them as failed."""
    with Store(ctx.crawl_options.db) as store:
        closed = store.close_unfinished(source_id, error="the worker running this crawl stopped before it finished",
                                        now=datetime.now(VN))
    if closed:
        log.warning("%s: %d unfinished run(s) of a stopped worker recorded as failed", source_id, closed)


class WorkerDied(Exception):
    """The worker process that ran this job died: the job fails and RQ retries it on another worker."""


class _Watch:
    def __init__(self) -> None:
        self.parent = os.getppid()
        self.died = threading.Event()

    def check(self) -> None:
        if self.died.is_set():
            raise WorkerDied(f"worker process {self.parent} died during the crawl; the job goes to another worker")


@contextmanager
def _stop_with_worker() -> Iterator[_Watch]:
    """Stop this job's crawl if the worker process that forked it dies.

    RQ runs each job in a forked work horse in its own process group, so a
    worker killed with SIGKILL would otherwise leave the horse crawling on.
    """
    watch, done = _Watch(), threading.Event()

    def run() -> None:
        while not done.wait(PARENT_CHECK_SECONDS):
            if os.getppid() != watch.parent:
                log.error("worker process %d died: stopping the crawl", watch.parent)
                watch.died.set()
                stop_crawls()
                return

    threading.Thread(target=run, name="worker-watch", daemon=True).start()
    try:
        yield watch
    finally:
        done.set()
