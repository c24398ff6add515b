"""The one spider: list pages -> pagination -> article pages, driven by a Source.

It only navigates.  Which links are articles, where the next page is and what
an article says are the family's business (tintuc_feed.families); what is
new is the store's.  Run it alone with

    scrapy crawl portal -a source=lamdong [-a sources=FILE] [-a db=PATH]
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from tintuc_feed.fetch_errors import describe_download_error, describe_status
from tintuc_feed.model import ArticleLink
from tintuc_feed.moved_site import list_source
from tintuc_feed.sources import load_sources, select_sources
from tintuc_feed.store import Store, describe_error

from ..policy import RefusedRequest
from ..tasks import read_list, read_page, start_urls
from ..workers import shared_readers

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# List-page problems that, past page 1, only mean the list has ended.
END_OF_LIST = ("no-links", "error-page")


class PortalSpider(scrapy.Spider):
    name = "portal"
    custom_settings: ClassVar[dict] = {"HTTPERROR_ALLOWED_CODES": [304]}  # 304: a list page not modified

    def __init__(self, source: str = "", sources: str = "", db: str = "data/tintuc.db", refresh: str = "",
                 max_pages: str = "", **kwargs):
        super().__init__(**kwargs)
        if not source:
            raise ValueError("give a source id: scrapy crawl portal -a source=ID")
        self.source = select_sources(load_sources(sources or None), [source])[0]
        self.db_path = db
        self.refresh = refresh.lower() in ("1", "true", "yes")
        self.max_pages = int(max_pages) if max_pages else self.source.max_pages
        self.allowed_domains = []  # list and article hosts may differ (amp., www.)
        self.stats_by = {"list_ok": 0, "list_failed": 0, "articles_requested": 0}
        self.errors: list[str] = []
        self._requested: set[str] = set()
        # List validators (ETag, Last-Modified) by requested list URL, kept until
        # the crawl ends: saved only if every article those lists named was read.
        self._validators: dict[str, tuple[str | None, str | None]] = {}
        self._capped = False

    # -- list pages --------------------------------------------------------

    async def start(self):
        self.store = Store(self.db_path)
        # Pages are read in worker processes (crawler/workers.py): the reactor keeps downloading meanwhile.
        self.readers = shared_readers(self.crawler.settings.get("EXTRACT_WORKERS"))
        for url in start_urls(self.source):
            yield self._list_request(url, page=1)

    def _list_request(self, url: str, page: int) -> scrapy.Request:
        headers = {}
        # A 304 ends the walk, so a source that wants every page walked is asked unconditionally.
        conditional = not self.refresh and self.source.stop_at_known
        try:
            cached = self.store.get_http_cache(url) if conditional else None
        except (*self.store.errors, OSError) as exc:  # the store is gone: asked unconditionally
            self.logger.error("%s: the store could not be read for %s: %s", self.source.id, url, describe_error(exc))
            cached = None
        if cached:
            etag, modified = cached
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        return scrapy.Request(url, callback=self.parse_list, errback=self.list_failed, headers=headers,
                              meta={"page": page}, dont_filter=page == 1)

    async def parse_list(self, response: Response):
        if response.status == 304:
            self.stats_by["list_ok"] += 1
            self.crawler.stats.inc_value("tintuc/list_not_modified")
            return
        # Urgent: once the pool runs, read by a worker of its own, not behind the article pages queued in the
        # pool (the downloader needs its links), nor here (~30 ms a portal's page, every download held).
        asked = response.meta.get("redirect_urls", [response.url])[0]  # moved to a host the source allows
        page = await self._read(read_list, list_source(self.source, asked, response.url), response.url,
                                _body_text(response), urgent=True)
        if page.problem and page.problem.startswith(END_OF_LIST) and response.meta["page"] > 1:
            return  # a later page without links, or a soft 404, is where the list ends: not a problem
        if page.problem:
            self._list_problem(response.url, page)
        if page.articles or page.next_urls or not page.problem:
            self.stats_by["list_ok"] += 1
        new = [link for link in page.articles if self._is_new(link)]
        self.crawler.stats.inc_value("tintuc/links_found", len(page.articles))
        room = max(0, self.source.max_articles - self.stats_by["articles_requested"])
        self._capped = self._capped or len(new) > room
        for link in new[:room]:
            yield self._article_request(link)
        self._remember_validators(response)
        # Stop at the first list page that brings nothing new (unless the source
        # says otherwise); a page with no article links at all is a step towards
        # the list (DNN's category page).
        if new or self.refresh or not page.articles or not self.source.stop_at_known:
            for request in self._next_pages(page.next_urls, response.meta["page"]):
                yield request

    def _read(self, function, *args, urgent: bool = False):
        """function(*args) in a worker process (or inline), awaited without blocking the reactor."""
        return maybe_deferred_to_future(self.readers.call(function, *args, urgent=urgent))

    def _list_problem(self, url: str, page) -> None:
        """A list page the family could not use (WAF, error page, no links) or read only by generic."""
        kind = "degraded" if page.problem.startswith("degraded") else "skipped"
        self.crawler.stats.inc_value(f"tintuc/{kind}")
        self.crawler.stats.inc_value("tintuc/list_problem")
        if kind == "skipped":
            self.errors.append(f"{url}: {page.problem}")
        self.logger.warning("%s: list page %s: %s", self.source.id, url, page.problem)

    def _next_pages(self, urls, page: int):
        if page >= self.max_pages:
            return
        for url in urls[:1]:
            yield self._list_request(url, page + 1)

    def _is_new(self, link: ArticleLink) -> bool:
        if link.url in self._requested:
            return False
        try:
            return self.refresh or not self.store.has_url(link.url)
        except (*self.store.errors, OSError) as exc:  # the store is gone: asked for, the pipeline says why it fails
            self.logger.error("%s: the store could not be read for %s: %s", self.source.id, link.url, describe_error(exc))
            return True

    def _remember_validators(self, response: Response) -> None:
        """Keep the list page's validators under the URL we asked for (before redirects)."""
        asked = response.meta.get("redirect_urls", [response.url])[0]
        self._validators[asked] = (_text(response.headers.get("ETag")), _text(response.headers.get("Last-Modified")))

    def _save_validators(self) -> None:
        """A later crawl may skip a list page that did not change only if nothing it named was missed.

        An article that failed, was not an article, or was cut by max_articles
        must be asked for again, so then the validators are dropped instead.
        """
        stats = self.crawler.stats
        missed = ("tintuc/skipped", "tintuc/article_errors", "log_count/ERROR")  # ERROR: a callback or the store failed
        complete = not (self._capped or any(stats.get_value(key) for key in missed))
        for url, (etag, modified) in self._validators.items():
            if complete and (etag or modified):
                self.store.set_http_cache(url, etag, modified)
            else:
                self.store.set_http_cache(url, None, None)

    def list_failed(self, failure):
        self.stats_by["list_failed"] += 1
        self.errors.append(f"{failure.request.url}: {_describe(failure)}")
        self.logger.error("%s: list page failed: %s", self.source.id, self.errors[-1])

    # -- article pages -----------------------------------------------------

    def _article_request(self, link: ArticleLink) -> scrapy.Request:
        self._requested.add(link.url)
        self.stats_by["articles_requested"] += 1
        return scrapy.Request(link.fetch_url or link.url, callback=self.parse_article, errback=self.article_failed,
                              cb_kwargs={"link": link})

    async def parse_article(self, response: Response, link: ArticleLink):
        content_type = _text(response.headers.get("Content-Type"))
        fetched_at = datetime.now(VN)
        # The bytes go to a worker as they are: decoding, reading, normalizing and the store's checks run there.
        read = await self._read(read_page, self.source, link.url, response.body, link.hints, content_type,
                                response.url, fetched_at)
        if "skipped" in read:
            self.crawler.stats.inc_value(f"tintuc/skipped/{read['skipped']}")
            self.crawler.stats.inc_value("tintuc/skipped")
            self.logger.warning("%s: skipped %s: %s", self.source.id, response.url, read["message"])
            return
        if read["degraded"]:
            self.crawler.stats.inc_value("tintuc/degraded")
        yield {"source": self.source, "url": read["url"], "fetched_url": response.url, "prepared": read["prepared"],
               "error": read["error"], "store_error": read["store_error"]}

    def article_failed(self, failure):
        self.crawler.stats.inc_value("tintuc/article_errors")  # asked again next time: validators not kept
        if failure.check(RefusedRequest):
            return  # counted and logged as refused by the policy
        self.crawler.stats.inc_value("tintuc/skipped")
        self.logger.warning("%s: article failed: %s %s", self.source.id, failure.request.url, _describe(failure))

    def closed(self, reason: str) -> None:
        store = getattr(self, "store", None)
        if store is None:
            return
        try:
            if reason == "finished":
                self._save_validators()
            else:
                self._note_stopped(reason)
        except (*store.errors, OSError) as exc:  # the store failed (and the pipeline said so): no validators kept
            self.logger.error("%s: the store refused the crawl's last writes: %s", self.source.id, describe_error(exc))
        finally:
            store.close()

    def _note_stopped(self, reason: str) -> None:
        """Say in the source's outcome that the crawl stopped early (SIGTERM, a time limit).

        The pipeline has recorded what was stored; whether the site could be
        read stays as it found it, so stopping a service is not a site failure.
        """
        run_id = int(getattr(self, "run_id", 0) or 0)
        row = self.store.run_outcomes(run_id).get(self.source.id) if run_id else None
        if row and row["finished"]:
            counts = {k: row[k] or 0 for k in ("found", "new", "updated", "duplicates", "skipped", "degraded",
                                               "refused")}
            notes = json.loads(row["notes"]) if row["notes"] else None
            self.store.finish_source(run_id, self.source.id, ok=bool(row["ok"]), notes=notes,
                                     error=row["error"] or f"stopped before the end ({reason})", **counts)


def _body_text(response: Response) -> str:
    """The body as text; a non-text body (an image, a PDF) reads as empty, which no family takes."""
    try:
        return response.text
    except AttributeError:
        return ""


def _text(value) -> str | None:
    if value is None:
        return None
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _describe(failure) -> str:
    if failure.check(RefusedRequest):
        return str(failure.value)
    response = getattr(failure.value, "response", None)
    if response is not None:
        return describe_status(response.status)
    return describe_download_error(failure.type.__name__, failure.getErrorMessage())
