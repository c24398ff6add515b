"""Normalize -> Dedupe -> Store, each step a call into the library."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tintuc_feed.process import normalize_article
from tintuc_feed.store import Store, is_database_url

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Sources whose outcome the store refused to record (disk full, read-only store): crawler.main
# then exits with status 3, so the runner records the failure itself.
OUTCOMES_LOST: list[str] = []


class StorePipeline:
    """Normalizes each RawArticle and upserts it, one transaction per article.

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

    def open_spider(self):
        if not is_database_url(self.crawler.spider.db_path):
            Path(self.crawler.spider.db_path).parent.mkdir(parents=True, exist_ok=True)  # `scrapy crawl` alone
        self.store = Store(self.crawler.spider.db_path)

    def process_item(self, item):
        source, raw = item["source"], item["raw"]
        self.counts["found"] += 1
        article, error = _normalized(item)
        if article is None:  # an implausible or unusable page: counted, not stored
            self.crawler.stats.inc_value("tintuc/skipped")
            self.crawler.spider.logger.warning("%s: not stored %s: %s", source.id, raw.url, error)
            return item
        try:
            result = self.store.upsert(article, now=datetime.now(VN), aliases=[item["fetched_url"], raw.url])
        except (sqlite3.Error, OSError, ValueError) as exc:  # disk full, read-only, corrupt, unencodable text
            self.store_errors.append(f"{raw.url}: {type(exc).__name__}: {exc}")
            self.crawler.stats.inc_value("tintuc/store_errors")
            self.crawler.spider.logger.error("%s: could not store %s", source.id, self.store_errors[-1])
            return item
        key = {"new": "new", "updated": "updated"}.get(result.status, "duplicates")
        self.counts[key] += 1
        return item

    def close_spider(self):
        spider = self.crawler.spider
        stats = self.crawler.stats
        ok, error = _verdict(spider, self.store_errors)
        try:
            run_id = int(getattr(spider, "run_id", 0) or 0) or self.store.start_run([spider.source.id])
            self.store.finish_source(
                run_id, spider.source.id, ok=ok, error=error,
                skipped=int(stats.get_value("tintuc/skipped", 0)),
                degraded=int(stats.get_value("tintuc/degraded", 0)),
                refused=int(stats.get_value("tintuc/refused", 0)),
                notes=_notes(stats.get_stats()),
                **self.counts,
            )
        except (sqlite3.Error, OSError) as exc:
            self.outcome_lost = f"{spider.source.id}: the outcome could not be stored: {exc}"
            spider.logger.error(self.outcome_lost)
            OUTCOMES_LOST.append(self.outcome_lost)
        finally:
            self.store.close()


def _verdict(spider, store_errors: list[str]) -> tuple[bool, str | None]:
    """(ok, error) of a source's crawl: a list page read, nothing refused by the store, not deferred."""
    if store_errors:
        return False, f"{len(store_errors)} article(s) could not be stored: {store_errors[0]}"
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


def _normalized(item) -> tuple:
    """(Article, None), or (None, why it cannot be stored); normalized by the spider's worker if it was."""
    if "article" in item:  # crawler/workers.read_article normalized it off the reactor thread
        return item["article"], item["error"]
    try:
        return normalize_article(item["raw"], item["source"], fetched_at=item["fetched_at"],
                                 fetched_url=item["fetched_url"]), None
    except ValueError as exc:
        return None, str(exc)
