"""robots.txt that cannot be read: one line for the operator, no traceback.

Scrapy's RobotsTxtMiddleware logs a robots.txt download that failed (a TLS handshake refused, a timeout, a
connection reset) at ERROR with the whole traceback, beside the crawl's own one-line error for the same
host.  QuietRobotsTxtMiddleware logs one WARNING instead: the source, the host, what failed in words
(tintuc_feed.fetch_errors) and what to do.

What the crawl then does is Scrapy's: the site is crawled as if its robots.txt allowed every page.  A
robots.txt that does not come for a transport reason says nothing about the site's wishes, and the pages
themselves are fetched through the same connection settings: where the failure is the site's TLS (sources.md
8.4: incomplete chains, certificate errors, which Scrapy does not verify anyway; a handshake that fails
outright fails the list page too, which the source's outcome reports), the crawl stops there by itself;
where it was a passing timeout, the crawl is not lost for one request.  A robots.txt the site does serve
(a 2xx, 3xx or 4xx answer) is read as Scrapy reads it; a 5xx answer (after the retries) is unreadable too.

RFC 9309 (2.3.1.4) reads an unreachable robots.txt the other way: the crawler should assume it disallows
everything.  An operator who must follow that reading sets `robots_unreadable = "skip"` (a source's key, or
`[crawl]`'s): then a source whose robots.txt cannot be read fetches nothing from that host this run; every
request to it is refused ("robots-unreadable", counted and recorded with the source's outcome), the source
fails with the reason, its last good feed is kept, and the next run asks robots.txt again.
"""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from tintuc_feed.fetch_errors import describe_download_error, describe_status

from .policy import RefusedRequest

SKIP = "skip"  # a source's robots_unreadable: fetch nothing from a host whose robots.txt could not be read
REFUSAL = "robots-unreadable"  # the refusal kind (crawl_policy.REFUSALS)

logger = logging.getLogger(__name__)


def unreadable_message(source_id: str, robots_url: str, host: str, what: str, mode: str = "allow") -> str:
    then = (f"robots_unreadable = \"skip\": nothing fetched from {host} this run" if mode == SKIP
            else f"crawling {host} as if it allowed every page")
    return (f"{source_id}: robots.txt of {host} could not be read: {what}; {then} "
            f"(check that {robots_url} opens, e.g. curl -kI {robots_url})")


class QuietRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with a failed download said in one WARNING line."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._unreadable: dict[str, str] = {}  # netloc -> why its robots.txt could not be read

    async def robot_parser(self, request: Request):
        url = urlparse_cached(request)
        netloc = url.netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots_url = f"{url.scheme}://{netloc}/robots.txt"
            robots_request = Request(robots_url, priority=self.DOWNLOAD_PRIORITY,
                                     meta={"dont_obey_robotstxt": True, "give_up_log_level": logging.DEBUG},
                                     callback=NO_CALLBACK)  # the give-up said below, once
            try:
                response = await self.crawler.engine.download_async(robots_request)
                if response.status >= 500:  # the server failed (RFC 9309: unreachable), after the retries
                    raise ServerFailed(describe_status(response.status))
                await self._parse_robots(response, netloc, request)
            except Exception as exc:  # noqa: BLE001 - any failure means "no robots.txt read", said once
                if not isinstance(exc, IgnoreRequest):
                    self._say_unreadable(robots_url, url.hostname or netloc, exc)
                    self._unreadable[netloc] = f"robots.txt of {url.hostname or netloc} could not be read"
                self._robots_error(exc, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    def process_request_2(self, rp, request: Request) -> None:
        netloc = urlparse_cached(request).netloc
        if rp is None and netloc in self._unreadable and self._mode() == SKIP:
            self._stats.inc_value("tintuc/refused")
            self._stats.inc_value(f"tintuc/refused/{REFUSAL}")
            raise RefusedRequest(REFUSAL, request.url, self._unreadable[netloc])  # said once, above
        super().process_request_2(rp, request)

    def _mode(self) -> str:
        return getattr(getattr(self.crawler.spider, "source", None), "robots_unreadable", "allow")

    def _say_unreadable(self, robots_url: str, host: str, exc: Exception) -> None:
        spider = self.crawler.spider
        source = getattr(getattr(spider, "source", None), "id", "-")
        kind = "" if isinstance(exc, ServerFailed) else type(exc).__name__
        what = str(exc) if not kind else describe_download_error(kind, str(exc))
        self._stats.inc_value("tintuc/robots_unreadable")
        logger.warning(unreadable_message(source, robots_url, host, what, self._mode()))


class ServerFailed(Exception):
    """robots.txt answered 5xx: as unreadable as no answer (RFC 9309 2.3.1.3)."""
