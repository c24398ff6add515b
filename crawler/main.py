"""One crawl of some sources, in this process: `python -m crawler.main ...`.

The library's runner starts this as a subprocess for every crawl: Twisted's
reactor cannot be restarted inside one process, a subprocess can be given a
time limit and killed without harming the scheduler, and its memory goes back
to the system when it ends.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time

from tintuc_feed import crawl_limits
from tintuc_feed.sources import SourcesError, load_sources, select_sources

# Scrapy is imported by the functions that use it: the crawl's worker processes import this module
# (multiprocessing's spawn re-imports the parent's __main__) and need none of it (crawler/workers.py).

EXIT_STORE_FAILED = 3  # tintuc_feed.runner reads it: the store refused even the outcome of a source


def build_settings(args: argparse.Namespace):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if args.delay is not None:
        settings.set("DOWNLOAD_DELAY", args.delay, priority="cmdline")
        settings.set("AUTOTHROTTLE_START_DELAY", max(args.delay, 0.01), priority="cmdline")
        settings.set("DOWNLOAD_DELAY_JITTER", 0.5 if args.delay > 0 else 0, priority="cmdline")
    if args.log_level:
        settings.set("LOG_LEVEL", args.log_level, priority="cmdline")
    if args.user_agent:
        settings.set("USER_AGENT", args.user_agent, priority="cmdline")
    workers = os.environ.get("TINTUC_EXTRACT_WORKERS", "").strip()
    if workers:
        settings.set("EXTRACT_WORKERS", int(workers), priority="cmdline")
    return settings


PARENT_CHECK_SECONDS = 2.0


def _stop_with_parent(parent: int | None = None) -> None:
    """Close the crawl (as on SIGTERM) if the tintuc-feed process `parent` that started it dies.

    The crawl runs in its own session, so a signal to its parent's group does not
    reach it; without this, a parent killed with SIGKILL would leave it running
    with no time limit.  The runner passes its pid (--parent-pid): read here with
    getppid() it would be init's if the runner was killed before this line ran.
    """
    parent = os.getppid() if parent is None else parent

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.main")
    parser.add_argument("--sources", default="")
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--db", required=True)
    parser.add_argument("--run-id", type=int, default=0)
    parser.add_argument("--delay", type=float, default=None)
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--log-level", default=None)
    parser.add_argument("--user-agent", default=None)
    parser.add_argument("--parent-pid", type=int, default=None, help="stop when this process is gone")
    crawl_limits.add_flags(parser)  # --download-timeout, --time-budget: win over the sources file
    args = parser.parse_args(argv)
    try:
        sources = select_sources(load_sources(args.sources or None), args.source)
        sources = crawl_limits.apply(sources, crawl_limits.chosen(args))
    except SourcesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from scrapy.crawler import Crawler, CrawlerProcess

    from . import log_levels
    from .budget import source_settings
    from .spiders.portal import PortalSpider

    _stop_with_parent(args.parent_pid)
    log_levels.install()  # one WARNING line per failed page: ours
    settings = build_settings(args)
    process = CrawlerProcess(settings)
    for index, source in enumerate(sources):  # each with its own download timeout and time budget (budget.py)
        # the first crawler installs the reactor, as CrawlerProcess does for the crawlers it creates itself
        crawler = Crawler(PortalSpider, source_settings(settings, source), init_reactor=index == 0)
        process.crawl(crawler, source=source.id, sources=args.sources, db=args.db, run_id=str(args.run_id),
                      refresh="1" if args.refresh else "", max_pages=str(args.max_pages or ""))
    process.start()
    from .pipelines import OUTCOMES_LOST

    for lost in OUTCOMES_LOST:
        print(f"error: {lost}", file=sys.stderr)
    return EXIT_STORE_FAILED if OUTCOMES_LOST else 0


if __name__ == "__main__":
    sys.exit(main())
