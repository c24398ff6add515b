"""Store: the articles the spider read (normalized and prepared in its workers), written in batches.

The store is written by a thread of its own (the writer), not the reactor thread: a batch's transaction
waits on the disk (SQLite syncs the WAL at each COMMIT) and on the database's own code, which run without
the GIL, so the reactor goes on downloading meanwhile.  The writer is the only thread that touches the
pipeline's store connection; batches are written one after the other in the order they were made, and
what each article became (new, updated, refused) is counted back on the reactor thread.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tintuc_feed.store import Store, describe_error, is_database_url

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Sources whose outcome the store refused to record (disk full, read-only store): crawler.main
# then exits with status 3, so the runner records the failure itself.
OUTCOMES_LOST: list[str] = []


# Articles are written a batch at a time: one transaction for BATCH_ARTICLES articles, or for those that
# came within BATCH_SECONDS of the first one waiting (a slow site's articles reach the store as soon).
BATCH_ARTICLES = 50
BATCH_SECONDS = 0.5


class StorePipeline:
    """Writes each article the spider read (prepared by the page's worker) to the store, in batches.

    The batch waiting is written when it holds BATCH_ARTICLES articles, BATCH_SECONDS after its first
    one, and when the spider closes (SIGTERM included), by the writer thread.  A crawl killed outright
    loses the batches not yet committed, never part of one: the next crawl asks for those articles again.

    When the spider closes, the source's outcome (found, new, updated,
    skipped, degraded, and whether the site could be read at all) is recorded
    in the store's run table, which health and the exit status are built on.
    """

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def __init__(self, crawler):
        self.crawler = crawler
        self.counts = {"found": 0, "new": 0, "updated": 0, "duplicates": 0}
        self.store_errors: list[str] = []  # articles the store refused: the source fails with the first reason
        self.outcome_lost: str | None = None  # the outcome itself could not be written (crawler.main exits 3)
        self.pending: list[tuple] = []  # (PreparedArticle, time read, URL) waiting for the next batch
        self._timer = None
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="store-writer")  # the only user of self.store
        self._writing = None  # the Deferred of the last batch handed to the writer

    async def open_spider(self):
        path = self.crawler.spider.db_path
        if not is_database_url(path):
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # `scrapy crawl` alone
        self.store = await _awaitable(self._in_writer(Store, path))

    def _in_writer(self, function, *args):
        """function(*args) run by the writer thread: a Deferred of its result, fired on the reactor thread."""
        from twisted.internet import reactor  # the one Scrapy installed
        from twisted.internet.defer import Deferred

        deferred: Deferred = Deferred()

        def settle(future: Future) -> None:
            error = future.exception()
            deferred.errback(error) if error is not None else deferred.callback(future.result())

        self._writer.submit(function, *args).add_done_callback(lambda f: reactor.callFromThread(settle, f))
        return deferred

    def process_item(self, item):
        source = item["source"]
        self.counts["found"] += 1
        if item["store_error"]:
            self._refused(item["url"], item["store_error"])
            return item
        if item["prepared"] is None:  # an implausible or unusable page: counted, not stored
            self.crawler.stats.inc_value("tintuc/skipped")
            self.crawler.spider.logger.warning("%s: not stored %s: %s", source.id, item["url"], item["error"])
            return item
        self.pending.append((item["prepared"], datetime.now(VN), item["url"]))
        if len(self.pending) >= BATCH_ARTICLES:
            self.flush()
        elif self._timer is None:
            from twisted.internet import reactor  # the one Scrapy installed

            self._timer = reactor.callLater(BATCH_SECONDS, self.flush)
        return item

    def flush(self) -> None:
        """Hand the articles waiting to the writer thread, to be written in one transaction."""
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        batch, self.pending = self.pending, []
        if not batch:
            return
        written = self._in_writer(self._write, [(prepared, now) for prepared, now, _ in batch])
        self._writing = written.addCallback(lambda results: self._count(batch, results))

    def _write(self, batch: list[tuple]) -> list:
        """In the writer thread: one transaction; what each article became, or why it was not stored."""
        try:
            return self.store.upsert_many(batch)
        except (*self.store.errors, OSError) as exc:  # disk full, read-only, corrupt, server gone: the whole batch
            return [exc] * len(batch)

    def _count(self, batch: list[tuple], results: list) -> None:
        for (_, _, url), result in zip(batch, results, strict=True):
            if isinstance(result, BaseException):
                self._refused(url, describe_error(result))
            else:
                self.counts[{"new": "new", "updated": "updated"}.get(result.status, "duplicates")] += 1

    def _refused(self, url: str, reason: str) -> None:
        self.store_errors.append(f"{url}: {reason}")
        self.crawler.stats.inc_value("tintuc/store_errors")
        self.crawler.spider.logger.error("%s: could not store %s", self.crawler.spider.source.id, self.store_errors[-1])

    async def close_spider(self):
        self.flush()
        if self._writing is not None:
            await _awaitable(self._writing)  # every batch written and counted (the writer keeps their order)
        spider = self.crawler.spider
        stats = self.crawler.stats
        ok, error = _verdict(spider, self.store_errors)
        outcome = {"ok": ok, "error": error, "skipped": int(stats.get_value("tintuc/skipped", 0)),
                   "degraded": int(stats.get_value("tintuc/degraded", 0)),
                   "refused": int(stats.get_value("tintuc/refused", 0)), "notes": _notes(stats.get_stats()),
                   **self.counts}
        try:
            run_id = int(getattr(spider, "run_id", 0) or 0)
            await _awaitable(self._in_writer(self._finish, run_id, spider.source.id, outcome))
        except (*self.store.errors, OSError) as exc:
            self.outcome_lost = f"{spider.source.id}: the outcome could not be stored: {describe_error(exc)}"
            spider.logger.error(self.outcome_lost)
            OUTCOMES_LOST.append(self.outcome_lost)
        finally:
            self._writer.shutdown(wait=True)

    def _finish(self, run_id: int, source_id: str, outcome: dict) -> None:
        """In the writer thread: the source's outcome recorded, the store closed."""
        try:
            self.store.finish_source(run_id or self.store.start_run([source_id]), source_id, **outcome)
        finally:
            self.store.close()


def _awaitable(deferred):
    from scrapy.utils.defer import maybe_deferred_to_future

    return maybe_deferred_to_future(deferred)


def _verdict(spider, store_errors: list[str]) -> tuple[bool, str | None]:
    """(ok, error) of a source's crawl: a list page read, nothing refused by the store, not stopped or deferred."""
    if store_errors:
        return False, f"{len(store_errors)} article(s) could not be stored: {store_errors[0]}"
    stopped = getattr(spider, "stopped_why", None)  # its time budget ran out (crawler/budget.py)
    if stopped:
        return False, stopped
    if spider.stats_by["list_ok"] == 0:
        return False, "; ".join(spider.errors[:3]) or "no list page could be fetched"
    deferred = getattr(spider, "deferred", None)
    if deferred:
        return False, deferred
    return True, None


NOTE_PREFIXES = ("tintuc/refused/", "tintuc/skipped/")


def _notes(stats: dict) -> dict[str, int]:
    """Refused requests and skipped pages by kind: {"off-site": 2, "mojibake": 1, ...}."""
    notes: dict[str, int] = {}
    for key, value in stats.items():
        for prefix in NOTE_PREFIXES:
            if key.startswith(prefix):
                kind = key[len(prefix):]
                notes[kind] = notes.get(kind, 0) + int(value)
    return notes
