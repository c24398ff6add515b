"""`tintuc-feed run --queue redis://…`: APScheduler enqueues the crawls, workers run them.

One job per source, as in scheduler.py (an interval with jitter, coalesced),
but the jobs are kept in Redis (APScheduler's RedisJobStore), so a restart
keeps each source's next run time instead of starting every source at once;
runs missed while the scheduler was down happen once when it is back.
A fire puts one `crawl_source` job on the RQ queue unless the source's
previous job is still waiting or running (no pile-up behind a slow site).
Every `dead_after` seconds it also returns abandoned jobs (their worker died)
to the queue, as the workers' own maintenance does.
"""

from __future__ import annotations

import logging
import signal
import threading
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import KEY_PREFIX, QUEUE_NAME

VN = ZoneInfo("Asia/Ho_Chi_Minh")
log = logging.getLogger("tintuc_feed.workers.schedule")
JOBS_KEY, RUN_TIMES_KEY = f"{KEY_PREFIX}schedule:jobs", f"{KEY_PREFIX}schedule:run_times"
START_STAGGER_SECONDS = 2
RETRIES = 2  # a job whose worker died is run again up to this many times
WAITING = ("queued", "started", "deferred", "scheduled")


def crawl_job_id(source_id: str) -> str:
    return f"crawl-{source_id}"


def enqueue_crawl(queue_url: str, source_id: str, job_timeout: int) -> str | None:
    """The scheduled job (referenced by name in Redis): one crawl of the source on the queue; its id, or None."""
    from redis import Redis
    from rq import Queue, Retry
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    redis = Redis.from_url(queue_url)
    job_id = crawl_job_id(source_id)
    try:
        status = Job.fetch(job_id, connection=redis).get_status()
    except NoSuchJobError:
        status = None
    if status is not None and str(getattr(status, "value", status)) in WAITING:
        log.info("%s: previous crawl still %s, not queued again", source_id, status)
        return None
    Queue(QUEUE_NAME, connection=redis).enqueue(
        "tintuc_feed.workers.jobs.crawl_source", source_id, round_id=uuid.uuid4().hex, job_id=job_id, retry=Retry(max=RETRIES),
        job_timeout=job_timeout, result_ttl=7 * 86400, failure_ttl=7 * 86400, description=f"crawl {source_id}")
    log.info("%s: crawl queued", source_id)
    return job_id


def requeue_abandoned(queue_url: str) -> None:
    """Jobs whose worker stopped sending heartbeats go back on the queue (RQ's StartedJobRegistry.cleanup)."""
    from redis import Redis
    from rq import Queue
    from rq.registry import StartedJobRegistry

    redis = Redis.from_url(queue_url)
    StartedJobRegistry(queue=Queue(QUEUE_NAME, connection=redis)).cleanup()


def build_scheduler(queue_url: str, sources: Sequence, *, interval_minutes: float, jitter_seconds: float,
                    job_timeout: int, dead_after: int):
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.jobstores.redis import RedisJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from redis.connection import parse_url

    store = RedisJobStore(jobs_key=JOBS_KEY, run_times_key=RUN_TIMES_KEY, **parse_url(queue_url))
    scheduler = BackgroundScheduler(
        jobstores={"default": store, "memory": MemoryJobStore()},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}, timezone=VN)
    scheduler.start(paused=True)  # read the kept jobs before anything runs
    _sync_jobs(scheduler, queue_url, sources, interval_minutes, jitter_seconds, job_timeout)
    scheduler.add_job(requeue_abandoned, "interval", seconds=dead_after, args=[queue_url], id="requeue-abandoned",
                      jobstore="memory", replace_existing=True)
    return scheduler


def _sync_jobs(scheduler, queue_url, sources, interval_minutes, jitter_seconds, job_timeout) -> None:
    """Add the sources' jobs that are not kept yet, update changed ones, remove those of sources gone."""
    from apscheduler.triggers.interval import IntervalTrigger

    wanted = {f"crawl:{s.id}": s for s in sources}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id.startswith("crawl:") and job.id not in wanted:
            log.info("%s: no longer scheduled", job.id)
            job.remove()
    start = datetime.now(VN)
    for index, (job_id, source) in enumerate(wanted.items()):
        trigger = IntervalTrigger(minutes=source.interval_minutes or interval_minutes, jitter=jitter_seconds or None,
                                  timezone=VN)
        args = [queue_url, source.id, job_timeout]
        kept = scheduler.get_job(job_id, jobstore="default")
        if kept is None:
            scheduler.add_job(enqueue_crawl, trigger, args=args, id=job_id, name=f"crawl {source.id}",
                              jobstore="default", next_run_time=start + timedelta(seconds=index * START_STAGGER_SECONDS))
        elif kept.trigger.interval != trigger.interval or kept.trigger.jitter != trigger.jitter:
            kept.modify(args=args)
            kept.reschedule(trigger)
        elif list(kept.args) != args:
            kept.modify(args=args)


def run_scheduler(queue_url: str, sources: Sequence, *, interval_minutes: float, jitter_seconds: float,
                  job_timeout: int, dead_after: int) -> int:
    scheduler = build_scheduler(queue_url, sources, interval_minutes=interval_minutes, jitter_seconds=jitter_seconds,
                                job_timeout=job_timeout, dead_after=dead_after)
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.warning("signal %s: stopping the scheduler (queued crawls stay queued)", signum)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler.resume()
    print(f"tintuc-feed run: {len(sources)} sources scheduled on {QUEUE_NAME} (every {interval_minutes:g} min);"
          " workers run the crawls; Ctrl-C stops", flush=True)
    try:
        stop.wait()
    finally:
        scheduler.shutdown(wait=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("tintuc-feed run: stopped cleanly", flush=True)
    return 0
