"""One crawl of some sources, then publishing: what `crawl` and `run` do.

Each crawl runs Scrapy in a child process (`python -P -m crawler.main`):
Twisted's reactor cannot restart inside one process, a child can be given a
time limit and killed when it hangs, a crash in it cannot take the scheduler
down, and its memory returns to the system when it ends.  The child writes
articles and each source's outcome to the store; this side reads the
outcome back, marks whatever the child did not finish as failed, and
rewrites the feeds from the store.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import crawl_limits, source_locks
from .feeds.atomic import remove_stale_temporaries
from .feeds.from_store import publish_from_store
from .feeds.publish import PublishReport
from .feeds.topics import Topic
from .progress import ProgressLine, progress_line, wait_with_progress
from .run_locks import close_dead_runs, run_lock
from .sources import Source, is_reserved_id
from .store import Store
from .store.location import is_database_url, sqlite_path

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISH_LOCK = ".publish.lock"
OUTPUT_SUBFOLDERS = ("rss", "atom", "json")  # where publishing writes, besides the output folder itself
log = logging.getLogger("tintuc_feed.runner")


@dataclass(frozen=True)
class CrawlOptions:
    db: Path | str  # an SQLite file, or a postgresql:// URL (store.location)
    sources_file: str | None = None
    delay: float | None = None  # seconds between requests to one site; None: the settings' default
    refresh: bool = False  # re-download articles already stored
    timeout: float = 1800.0  # seconds before a hung crawl is killed
    max_pages: int | None = None
    log_level: str = "INFO"
    progress: bool = False  # a progress line on stderr while waiting, if stderr is a terminal
    worker: str | None = None  # the `tintuc-feed worker` running this crawl (host:pid), recorded with the run
    download_timeout: float | None = None  # --download-timeout: wins over the sources file (crawl_limits.py)
    time_budget: float | None = None  # --time-budget: likewise


@dataclass(frozen=True)
class SourceOutcome:
    source_id: str
    ok: bool
    error: str | None = None
    counts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PublishOptions:
    output: Path
    base_url: str = "http://127.0.0.1:8080/"
    item_limit: int = 100
    topics: tuple[Topic, ...] = ()


def crawl_and_publish(chosen: Sequence[Source], all_sources: Sequence[Source], crawl_options: CrawlOptions,
                      publish_options: PublishOptions, *, on_crawled=None,
                      publish_guard: AbstractContextManager | None = None) -> tuple[dict, PublishReport]:
    """What `tintuc-feed crawl` does, and a worker's job: crawl the chosen sources, then rewrite the feeds.

    on_crawled(outcomes) is called between the two (the summary table);
    publish_guard is held while publishing (workers: one publisher at a time
    across machines).
    """
    try:
        outcomes = crawl(chosen, crawl_options)
    except KeyboardInterrupt:  # SIGTERM or Ctrl-C: the crawl closed (or was killed); publish what it stored
        with publish_guard or nullcontext():
            report = publish_store(crawl_options.db, all_sources, publish_options)
        print(f"feeds: {len(report.written)} written, {len(report.unchanged)} unchanged, in {publish_options.output}/")
        raise
    if on_crawled is not None:
        on_crawled(outcomes.values())  # before publishing, so it is shown even if publishing fails
    with publish_guard or nullcontext():
        report = publish_store(crawl_options.db, all_sources, publish_options)
    return outcomes, report


def crawl(sources: Sequence[Source], options: CrawlOptions) -> dict[str, SourceOutcome]:
    """Crawl the sources in a child process; return each source's outcome."""
    # Run locks are files beside a local SQLite store; a PostgreSQL store's workers close dead runs themselves.
    local = None if is_database_url(options.db) else sqlite_path(options.db)
    with ExitStack() as locks:
        with Store(options.db) as store:
            if local is not None:
                close_dead_runs(store, local, datetime.now(VN))  # runs whose processes were all killed
            # a source another process is crawling on this store is skipped, said in its outcome (source_locks.py)
            free, busy = locks.enter_context(source_locks.held(local, sources, datetime.now(VN)))
            if free:
                run_id = store.start_run([s.id for s in free], now=datetime.now(VN), worker=options.worker)
        outcomes = {s: SourceOutcome(s, False, why, dict.fromkeys(COUNT_KEYS, 0)) for s, why in busy.items()}
        if free:
            with run_lock(local, run_id) if local is not None else nullcontext():
                outcomes.update(_crawl_run(free, options, run_id))
    return {s.id: outcomes[s.id] for s in sources}


def _crawl_run(sources: Sequence[Source], options: CrawlOptions, run_id: int) -> dict[str, SourceOutcome]:
    line = progress_line(options.db, run_id, len(sources)) if options.progress else None
    try:
        problem, stopped = _run_child(_command(sources, options, run_id), options.timeout, line)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the crawl was asked to close; record who did not finish
        _finish_missing(options.db, run_id, sources, INTERRUPTED)
        raise
    if stopped:  # we asked it to stop (`run` stopping): sources whose spider finished keep their outcome
        outcomes = _finish_missing(options.db, run_id, sources, INTERRUPTED)
    else:
        outcomes = _finish_missing(options.db, run_id, sources,
                                   problem or "the crawl ended before this source finished")
    if problem and not stopped:  # the process itself failed (time limit, crash): no source of it counts as crawled
        outcomes = _mark_failed(options.db, run_id, sources, outcomes, problem)
    return {s.id: _outcome(s.id, outcomes.get(s.id, {})) for s in sources}


INTERRUPTED = "interrupted: the crawl was stopped before this source finished"
COUNT_KEYS = ("found", "new", "updated", "duplicates", "skipped", "degraded", "refused")


def _mark_failed(db: Path, run_id: int, sources: Sequence[Source], outcomes: dict, error: str) -> dict[str, dict]:
    """Record every source of the run as failed with the process's problem, keeping what it counted."""
    with Store(db) as store:
        for source in sources:
            row = outcomes.get(source.id, {})
            if row.get("ok"):
                counts = {k: row.get(k) or 0 for k in COUNT_KEYS}
                store.finish_source(run_id, source.id, ok=False, error=error, **counts)
        return store.run_outcomes(run_id)


def _finish_missing(db: Path, run_id: int, sources: Sequence[Source], error: str) -> dict[str, dict]:
    """Mark the sources the crawl did not report on as failed, with what the store holds of them."""
    with Store(db) as store:
        outcomes = store.run_outcomes(run_id)
        for source in sources:
            if source.id not in outcomes or outcomes[source.id]["finished"] is None:
                new, updated = store.stored_during_run(run_id, source.id)  # the child died before counting
                store.finish_source(run_id, source.id, ok=False, error=error, new=new, updated=updated)
        return store.run_outcomes(run_id)


def _command(sources: Sequence[Source], options: CrawlOptions, run_id: int) -> list[str]:
    # -P: never import a `crawler` package from the current directory instead of ours.
    command = [sys.executable, "-P", "-m", "crawler.main", "--db", str(options.db), "--run-id", str(run_id),
               "--log-level", options.log_level, "--parent-pid", str(os.getpid())]
    if options.sources_file:
        command += ["--sources", str(options.sources_file)]
    for source in sources:
        command += ["--source", source.id]
    if options.delay is not None:
        command += ["--delay", str(options.delay)]
    if options.refresh:
        command.append("--refresh")
    if options.max_pages:
        command += ["--max-pages", str(options.max_pages)]
    return command + crawl_limits.command_args(options)


_children: set[subprocess.Popen] = set()
_children_lock = threading.Lock()
# After SIGTERM a crawl gets this long to close its spiders and pipelines (a second or two normally),
# then it is killed: `run` stops well within the systemd unit's TimeoutStopSec (deploy/tintuc-feed.service).
STOP_GRACE_SECONDS = 10
EXIT_STORE_FAILED = 3  # crawler.main: the store refused a write and even the source's outcome was lost


def _run_child(command: list[str], timeout: float, line: ProgressLine | None = None) -> tuple[str | None, bool]:
    """Run the crawl; return (what went wrong with the process itself, whether we asked it to stop).

    The child has its own session, so a signal to our process group (Ctrl-C in a
    terminal, systemd stopping the service) reaches only us: we forward one
    SIGTERM, which Scrapy answers by closing cleanly (a second would force it).
    """
    child = subprocess.Popen(command, env=_child_env(), start_new_session=True)
    child.stop_requested = False
    with _children_lock:
        _children.add(child)
    try:
        returncode = wait_with_progress(child, timeout, line)
    except subprocess.TimeoutExpired:
        _stop(child)
        return f"the crawl took longer than {timeout:.0f} s and was stopped", False
    except BaseException:  # KeyboardInterrupt (Ctrl-C, or SIGTERM turned into one): stop the crawl too
        _stop(child)
        raise
    finally:
        with _children_lock:
            _children.discard(child)
    if returncode == EXIT_STORE_FAILED:
        return "the store refused a write (disk full, read-only or damaged store); the crawl's log says why", False
    if returncode != 0:
        return f"the crawl process exited with status {returncode}", child.stop_requested
    return None, child.stop_requested


def _stop(child: subprocess.Popen) -> None:
    """SIGTERM (Scrapy closes its spiders and pipelines cleanly), then SIGKILL after STOP_GRACE_SECONDS.

    A second Ctrl-C while waiting kills the crawl at once, then goes on
    stopping: the crawl is never left running on its own.
    """
    child.stop_requested = True
    child.terminate()
    try:
        child.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        _kill(child)
    except BaseException:
        _kill(child)
        raise


def _kill(child: subprocess.Popen) -> None:
    """SIGKILL to the crawl and to every process of its session's group: its fork server and page
    workers stop with it even when they are stopped or stuck too (they would otherwise run on, or keep
    the crawl's output pipes open, with no parent to watch)."""
    child.kill()
    with suppress(ProcessLookupError, PermissionError):  # before the wait: the unreaped leader keeps its pid
        os.killpg(child.pid, signal.SIGKILL)  # the crawl leads its own group (start_new_session)
    child.wait()


def stop_crawls(grace: float = STOP_GRACE_SECONDS) -> None:
    """Ask every running crawl to finish now (`run` on SIGTERM / Ctrl-C); kill those still running after grace.

    A crawl stuck in a system call, stopped, or ignoring SIGTERM is killed, so
    `run` stops within grace seconds plus the final publishing.
    """
    with _children_lock:
        running = list(_children)
    for child in running:
        child.stop_requested = True
        child.terminate()
    deadline = time.monotonic() + grace
    for child in running:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("crawl process %d did not stop within %.0f s: killed", child.pid, grace)
            _kill(child)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])  # a source checkout: crawler/ sits beside src/
    if (Path(root) / "crawler").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def _outcome(source_id: str, row: dict) -> SourceOutcome:
    counts = {k: row.get(k) or 0 for k in COUNT_KEYS}
    return SourceOutcome(source_id, bool(row.get("ok")), row.get("error"), counts)


def publish_store(db: Path, sources: Sequence[Source], options: PublishOptions) -> PublishReport:
    """Rewrite every feed from the store (files whose bytes did not change are left alone).

    One publisher at a time per output folder, across processes (`run` beside a
    cron `crawl` or a manual `build`): otherwise the slower one, working from an
    older snapshot, could finish last and take the newest articles back out.
    """
    # The store first: a refused store (foreign, corrupt) stops here, before the output folder is made.
    with Store(db) as store, _publish_lock(options.output), store.snapshot() as reader:
        remove_stale_temporaries(options.output, OUTPUT_SUBFOLDERS)  # a killed publisher's; we hold the lock
        health = store.health(now=datetime.now(VN))
        known = {s.id for s in sources}
        # Sources in the store but not given keep their feeds (a reserved id from an old store would clobber ours).
        extra = sorted(s for s in reader.source_ids() - known if not is_reserved_id(s))
        every = list(sources) + [_stand_in(sid, store.articles(source_id=sid, limit=1)) for sid in extra]
        health = {k: v for k, v in health.items() if k in known | set(extra)}
        report = publish_from_store(options.output, store, every, health, base_url=options.base_url,
                                    topics=options.topics, item_limit=options.item_limit)
    log_flagged(health)
    return report


@contextmanager
def _publish_lock(output: Path):
    output.mkdir(parents=True, exist_ok=True)
    with open(output / PUBLISH_LOCK, "w") as handle:  # a dotfile: `serve` never shows it
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def log_flagged(health) -> None:
    """One WARNING per flagged source, after each publish: the log's side of the health feed."""
    for source_id, h in sorted(health.items()):
        if h.flagged:
            since = h.flagged_since.isoformat(timespec="minutes") if h.flagged_since else "?"
            log.warning("source %s flagged: %s (since %s; %d failed in a row; last error: %s)",
                        source_id, h.flagged, since, h.consecutive_failures, h.last_error or "none")


def _stand_in(source_id: str, articles) -> Source:
    """A source that is in the store but not in the sources given: keep its feeds."""
    url = next(a.article.url for a in articles if a.article.source_id == source_id)
    return Source(id=source_id, name=source_id, list_urls=(url,), article_url_pattern=".", enabled=False)
