"""`tintuc-feed worker`: an RQ worker taking crawl jobs from the queue (jobs.crawl_source).

RQ forks a work horse per job and, while it runs, refreshes the job's
heartbeat every `dead_after / 3` seconds.  A job whose heartbeat is older
than `dead_after` seconds was abandoned (its worker died): the next registry
cleanup, by any worker or by the scheduler, puts it back on the queue (the
job is enqueued with retries), and another worker runs it.
"""

from __future__ import annotations

import logging
import os
import socket

from . import QUEUE_NAME
from .jobs import WorkerContext, configure

log = logging.getLogger("tintuc_feed.workers.worker")
DEAD_AFTER_SECONDS = 90


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def build_worker(context: WorkerContext, *, dead_after: int = DEAD_AFTER_SECONDS):
    from redis import Redis
    from rq import Queue, Worker

    monitor = max(1, dead_after // 3)

    class CrawlWorker(Worker):
        def get_heartbeat_ttl(self, job, working_time: float = 0.0) -> int:
            """A job's heartbeat lasts dead_after seconds (RQ's own adds a fixed minute)."""
            return dead_after

    redis = Redis.from_url(context.queue_url)
    return CrawlWorker(
        [Queue(QUEUE_NAME, connection=redis)], connection=redis, name=context.name,
        job_monitoring_interval=monitor, maintenance_interval=dead_after,
        worker_ttl=dead_after + 15,  # RQ waits worker_ttl - 15 s for a job, then does its maintenance
    )


def run_worker(context: WorkerContext, *, dead_after: int = DEAD_AFTER_SECONDS, burst: bool = False) -> int:
    """Take crawl jobs until stopped (SIGTERM: finish the current job first; a second one stops it)."""
    configure(context)
    worker = build_worker(context, dead_after=dead_after)
    print(f"tintuc-feed worker {context.name}: waiting for crawl jobs on {QUEUE_NAME}", flush=True)
    worker.work(burst=burst, with_scheduler=False, logging_level=logging.getLevelName(log.getEffectiveLevel()))
    return 0
