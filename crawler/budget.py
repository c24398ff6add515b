"""Time limits of one source in a crawl: a page's download, retries of a page that timed out, the whole source.

A hung page held its site's only slot (CONCURRENT_REQUESTS_PER_DOMAIN = 1) for Scrapy's DOWNLOAD_TIMEOUT and
was retried twice, so one slow site stretched the whole scheduled run.  Now:

* every source is crawled with its own settings (`source_settings`): DOWNLOAD_TIMEOUT is the source's
  `download_timeout` (else the `[crawl]` table's, else crawler/settings.py's), robots.txt included;
* a page that timed out is retried at most TIMEOUT_RETRIES times (`TimeoutRetries`, used by
  crawler.policy.RetryAfterMiddleware); other transient errors keep RETRY_TIMES;
* `SourceBudget` (an extension) stops the source's crawl once it has run TIME_BUDGET seconds (the source's
  `time_budget`, else the default below): what was read is stored, every further request of the source is
  refused, the downloads under way end within their timeout, and the source's outcome (status.json, the
  notices, the crawl summary) says "stopped after N s: site too slow".
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import DownloadTimeoutError, NotConfigured

logger = logging.getLogger(__name__)

DEFAULT_TIME_BUDGET = 1200.0  # seconds a source's crawl may take in one run when neither it nor [crawl] says
TIMEOUT_RETRIES = 1  # a page that timed out is asked again at most this often (RETRY_TIMES stays for the rest)
REASON = "time_budget"  # the spider's close reason
REFUSAL = "time-budget"  # the refusal kind of the requests left (crawl_policy.REFUSALS)


def source_settings(settings, source):
    """A copy of the crawl's settings for one source: its download timeout and time budget."""
    own = settings.copy()
    if source.download_timeout is not None:
        own.set("DOWNLOAD_TIMEOUT", source.download_timeout, priority="spider")
    budget = source.time_budget if source.time_budget is not None else settings.getfloat("TIME_BUDGET")
    own.set("TIME_BUDGET", budget, priority="spider")
    return own


def stopped_message(seconds: float, timeout: float) -> str:
    return (f"stopped after {seconds:.0f} s: site too slow (time_budget {seconds:.0f} s, download_timeout "
            f"{timeout:.0f} s); what was read is stored, the rest waits for the next run")


def gives_up_on_timeout(request, exception, settings) -> bool:
    """True when `request` timed out and was already retried TIMEOUT_RETRIES times."""
    if not isinstance(exception, DownloadTimeoutError):
        return False
    return request.meta.get("retry_times", 0) >= settings.getint("TIMEOUT_RETRIES", TIMEOUT_RETRIES)


class SourceBudget:
    """Closes the spider (reason "time_budget") TIME_BUDGET seconds after it opened."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.seconds = crawler.settings.getfloat("TIME_BUDGET")
        if self.seconds <= 0:
            raise NotConfigured
        self.call = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def opened(self, spider) -> None:
        from twisted.internet import reactor  # the one Scrapy installed

        self.call = reactor.callLater(self.seconds, self.expire)

    def closed(self, spider) -> None:
        if self.call is not None and self.call.active():
            self.call.cancel()

    def expire(self) -> None:
        spider = self.crawler.spider
        message = stopped_message(self.seconds, self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT"))
        spider.stopped_why = message
        spider.deferred = message  # crawler.policy refuses every further request of the source
        self.crawler.stats.set_value("tintuc/time_budget_exceeded", 1)
        logger.warning("%s: %s", spider.source.id, message)
        self.drop_queued(message)
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(self.crawler.engine.close_spider_async(reason=REASON))

    def drop_queued(self, message: str) -> None:
        """Refuse the requests waiting in the downloader for the site's one slot (closing the spider waits
        for them: each would take its turn and its timeout); the download under way ends within its own."""
        from twisted.python.failure import Failure

        from .policy import RefusedRequest

        dropped = 0
        for slot in list(self.crawler.engine.downloader.slots.values()):
            while slot.queue:
                request, waiting = slot.queue.popleft()
                waiting.errback(Failure(RefusedRequest(REFUSAL, request.url, message)))
                dropped += 1
        if dropped:
            self.crawler.stats.inc_value("tintuc/refused", dropped)
            self.crawler.stats.inc_value(f"tintuc/refused/{REFUSAL}", dropped)
