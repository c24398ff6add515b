"""The crawl policy layer: downloader middlewares between the spider and the web.

* OffsitePolicyMiddleware checks every request the spider makes (list pages,
  article links, redirects, meta refreshes, each retry) against the source's
  HostPolicy (tintuc_feed.crawl_policy): other sites and internal addresses are
  refused before any connection is made, counted and logged.
* PolicyRedirectMiddleware / PolicyMetaRefreshMiddleware are Scrapy's own,
  with a redirect loop or too many redirects refused and counted instead of
  dropped silently.
* RetryAfterMiddleware is Scrapy's RetryMiddleware honouring Retry-After
  (seconds or an HTTP date) on 429 and 503 up to RETRY_AFTER_MAX seconds;
  a longer wait defers the whole source to its next run.

Every refusal is a RefusedRequest (an IgnoreRequest: the request's errback
gets it) counted in the crawler's stats as tintuc/refused and
tintuc/refused/<kind>; the pipeline records them with the source's outcome.
"""

from __future__ import annotations

import email.utils
import logging
import time
from datetime import UTC, datetime

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer

from tintuc_feed.crawl_policy import HostPolicy, redirect_detail

from .budget import gives_up_on_timeout

log = logging.getLogger(__name__)
RETRY_AFTER_CODES = (429, 503)
WAIT_STEP_SECONDS = 0.5  # a Retry-After wait checks this often whether the crawl is being stopped


class RefusedRequest(IgnoreRequest):
    """A request the crawl policy will not make; kind is a crawl_policy.REFUSALS key."""

    def __init__(self, kind: str, url: str, detail: str = ""):
        self.kind, self.url, self.detail = kind, url, detail
        super().__init__(f"refused ({kind}) {url}{': ' + detail if detail else ''}")


def refuse(crawler, kind: str, url: str, detail: str = "") -> RefusedRequest:
    """Count and log a refusal; return the exception to raise."""
    crawler.stats.inc_value("tintuc/refused")
    crawler.stats.inc_value(f"tintuc/refused/{kind}")
    error = RefusedRequest(kind, url, detail)
    source = getattr(crawler.spider, "source", None)
    log.warning("%s: %s", source.id if source else "-", error)
    return error


class OffsitePolicyMiddleware:
    """Refuse any request outside the source's site, or to an internal address it does not name."""

    def __init__(self, crawler):
        self.crawler = crawler
        self._policy: HostPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def policy(self) -> HostPolicy | None:
        source = getattr(self.crawler.spider, "source", None)
        if source is not None and self._policy is None:
            self._policy = HostPolicy.for_source(source)
        return self._policy

    def process_request(self, request, spider=None):
        spider = self.crawler.spider
        deferred = getattr(spider, "deferred", None)
        if deferred:
            raise refuse(self.crawler, "deferred", request.url, deferred)
        policy = self.policy()
        kind = policy.refusal(request.url) if policy else None
        if kind:
            via, reasons = request.meta.get("redirect_urls"), request.meta.get("redirect_reasons") or [None]
            detail = redirect_detail(request.url, via[-1], reasons[-1], kind) if via else ""
            raise refuse(self.crawler, kind, request.url, detail)


class _CountedRedirects:
    """A loop or too many redirects: refused and counted (Scrapy drops them with a DEBUG line)."""

    def _redirect(self, redirected, request, reason):
        visited = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in visited:
            raise refuse(self.crawler, "redirect-loop", visited[0], f"back to {redirected.url}")
        try:
            return super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            raise refuse(self.crawler, "too-many-redirects", visited[0],
                         f"more than {self.max_redirect_times}") from None


class PolicyRedirectMiddleware(_CountedRedirects, RedirectMiddleware):
    pass


class PolicyMetaRefreshMiddleware(_CountedRedirects, MetaRefreshMiddleware):
    pass


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (delta-seconds or an HTTP date) as seconds from now; None if absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting as long as a 429 or 503 asks (up to RETRY_AFTER_MAX seconds).

    A site that asks for longer is not asked again in this crawl: the source
    is deferred to its next run (spider.deferred says why), and every further
    request of it is refused as "deferred".
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX")

    def process_exception(self, request, exception, spider=None):
        if gives_up_on_timeout(request, exception, self.crawler.settings):  # crawler/budget.py: TIMEOUT_RETRIES
            self.crawler.stats.inc_value("tintuc/timeouts_not_retried")
            return None
        return super().process_exception(request, exception)

    def process_response(self, request, response, spider=None):
        if response.status not in RETRY_AFTER_CODES or request.meta.get("dont_retry"):
            return super().process_response(request, response)
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None or wait <= 0:
            return super().process_response(request, response)
        if wait > self.max_wait:
            self.crawler.spider.deferred = (
                f"{response.url} answered {response.status} asking to wait {wait:.0f} s (Retry-After);"
                f" more than RETRY_AFTER_MAX {self.max_wait:.0f} s: deferred to the next run")
            raise refuse(self.crawler, "deferred", request.url, self.crawler.spider.deferred)
        retry = self._retry(request, f"{response.status} with Retry-After {wait:.0f} s")
        if retry is None:
            return response
        self.crawler.stats.inc_value("tintuc/retry_after_waits")
        return self._wait(wait, retry, response)

    def _wait(self, seconds: float, retry, response) -> defer.Deferred:
        """Fire with the retry after `seconds`, or at once with the response if the crawl is being stopped."""
        from twisted.internet import reactor  # the one Scrapy installed (importing it early would install another)

        done: defer.Deferred = defer.Deferred()
        deadline = time.monotonic() + seconds

        def tick():
            engine = self.crawler.engine
            if engine is None or not engine.running:
                done.callback(response)
                return
            left = deadline - time.monotonic()
            if left <= 0:
                done.callback(retry)
            else:
                reactor.callLater(min(WAIT_STEP_SECONDS, left), tick)

        tick()
        return done
