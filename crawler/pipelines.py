"""Normalize -> Dedupe -> Store, each step a call into the library."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tintuc_feed.process import normalize_article
from tintuc_feed.store import Store

VN = ZoneInfo("Asia/Ho_Chi_Minh")


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

    def open_spider(self):
        Path(self.crawler.spider.db_path).parent.mkdir(parents=True, exist_ok=True)  # `scrapy crawl` alone
        self.store = Store(self.crawler.spider.db_path)

    def process_item(self, item):
        source, raw = item["source"], item["raw"]
        self.counts["found"] += 1
        try:
            article = normalize_article(raw, source, fetched_at=item["fetched_at"], fetched_url=item["fetched_url"])
        except ValueError as exc:  # an implausible or unusable page: counted, not stored
            self.crawler.stats.inc_value("tintuc/skipped")
            self.crawler.spider.logger.warning("%s: not stored %s: %s", source.id, raw.url, exc)
            return item
        result = self.store.upsert(article, now=datetime.now(VN), aliases=[item["fetched_url"], raw.url])
        key = {"new": "new", "updated": "updated"}.get(result.status, "duplicates")
        self.counts[key] += 1
        return item

    def close_spider(self):
        spider = self.crawler.spider
        stats = self.crawler.stats
        ok = spider.stats_by["list_ok"] > 0
        error = None if ok else ("; ".join(spider.errors[:3]) or "no list page could be fetched")
        run_id = int(getattr(spider, "run_id", 0) or 0) or self.store.start_run([spider.source.id])
        self.store.finish_source(
            run_id, spider.source.id, ok=ok, error=error,
            skipped=int(stats.get_value("tintuc/skipped", 0)),
            degraded=int(stats.get_value("tintuc/degraded", 0)),
            **self.counts,
        )
        self.store.close()
