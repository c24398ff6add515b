"""`tintuc-feed run`: every source crawled on its own interval, for months.

APScheduler 3.x runs one job per source: an interval with jitter (the
source's `interval_minutes`, else the default), `max_instances=1` so a source
is never crawled twice at once, `coalesce=True` so missed runs collapse into
one.  Each crawl is a child process with a time limit (runner.crawl), so a
hang or crash stays inside that crawl.  Feeds are rebuilt after each crawl,
one rebuild at a time.  SIGTERM or Ctrl-C: no new crawl starts, running
crawls are asked to close (Scrapy finishes its writes), the feeds are
rebuilt, and the process exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from .runner import CrawlOptions, PublishOptions, crawl, publish_store, stop_crawls
from .source_locks import is_busy
from .sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
log = logging.getLogger("tintuc_feed.scheduler")
MAX_PARALLEL_CRAWLS = 2  # this runs on small servers: two child crawls at most
MISFIRE_GRACE_SECONDS = 600  # a run late by less than this still happens (after a suspend, say)
START_STAGGER_SECONDS = 2  # first runs are spread out so not every source starts at once


class Runner:
    """The jobs' shared state: options, the publish lock, the stop flag."""

    def __init__(self, all_sources: Sequence[Source], crawl_options: CrawlOptions, publish_options: PublishOptions):
        self.all_sources = list(all_sources)
        self.crawl_options = crawl_options
        self.publish_options = publish_options
        self.publish_lock = threading.Lock()
        self.stopping = threading.Event()
        self.rounds = 0

    def crawl_source(self, source: Source) -> None:
        if self.stopping.is_set():
            return
        try:
            outcome = crawl([source], self.crawl_options)[source.id]
            level = logging.WARNING if is_busy(outcome.error) else logging.INFO  # nothing else says it
            log.log(level, "crawled %s: %s %s", source.id, "ok" if outcome.ok else "FAILED", outcome.error or outcome.counts)
        except Exception:  # one crawl's failure must not stop the scheduler
            log.exception("crawl of %s failed", source.id)
        self.publish()

    def publish(self) -> None:
        with self.publish_lock:
            try:
                report = publish_store(self.crawl_options.db, self.all_sources, self.publish_options)
                self.rounds += 1
                log.info("feeds rebuilt: %d written, %d unchanged", len(report.written), len(report.unchanged))
            except Exception:
                log.exception("publishing failed; the previous feeds are left in place")


def build_scheduler(runner: Runner, sources: Sequence[Source], *, interval_minutes: float,
                    jitter_seconds: float) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(MAX_PARALLEL_CRAWLS)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS},
        timezone=VN,
    )
    start = datetime.now(VN)
    for index, source in enumerate(sources):
        minutes = source.interval_minutes or interval_minutes
        scheduler.add_job(
            runner.crawl_source, IntervalTrigger(minutes=minutes, jitter=jitter_seconds or None, timezone=VN),
            args=[source], id=f"crawl:{source.id}", name=f"crawl {source.id}",
            next_run_time=start + timedelta(seconds=index * START_STAGGER_SECONDS),
        )
    return scheduler


def run_forever(sources: Sequence[Source], all_sources: Sequence[Source], crawl_options: CrawlOptions,
                publish_options: PublishOptions, *, interval_minutes: float, jitter_seconds: float) -> int:
    runner = Runner(all_sources, crawl_options, publish_options)
    scheduler = build_scheduler(runner, sources, interval_minutes=interval_minutes, jitter_seconds=jitter_seconds)
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.warning("signal %s: finishing the current crawls and stopping", signum)
        runner.stopping.set()
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler.start()
    print(f"tintuc-feed run: {len(sources)} sources scheduled every {interval_minutes:g} min; Ctrl-C stops",
          flush=True)
    try:
        stop.wait()
    finally:
        scheduler.pause()
        stop_crawls()
        scheduler.shutdown(wait=True)
        runner.publish()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("tintuc-feed run: stopped cleanly", flush=True)
    return 0
