"""The data that flows through tintuc-feed, as frozen dataclasses.

RawArticle is what a family reads off a page: strings exactly as found, with
where each came from.  Article is the normalized record: NFC text, an aware
datetime in Asia/Ho_Chi_Minh, authors told apart from credits, and the raw
values kept beside.  StoredArticle is an Article as the store knows it, with
the identity and times the store decided.

None always means "not found"; an empty string is never used for that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

# Where a raw date string came from, most reliable first.  Normalization tries
# candidates in the order the family gives them; families list them in this
# order.  "htmldate" is the day htmldate read when the structure gave no date
# (voters.py), put first only then.
DATE_ORIGINS = ("jsonld", "meta", "time", "api", "text", "list", "url", "htmldate")


@dataclass(frozen=True)
class RawDate:
    """A date string as found on a page, and where it was found."""

    raw: str
    origin: str  # one of DATE_ORIGINS


@dataclass(frozen=True)
class ArticleLink:
    """An article found on a list page.

    url is the article's public URL (what readers open).  fetch_url is what
    the spider downloads to read it, when that differs (a JSON API, say).
    hints carries what the list page already told about the article (title,
    date, summary), used when the article page lacks them.
    """

    url: str
    fetch_url: str | None = None
    hints: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ListPage:
    """What a family read off one list page (HTML list, JSON API, or feed)."""

    articles: tuple[ArticleLink, ...] = ()
    next_urls: tuple[str, ...] = ()  # more list pages (pagination, API pages)
    problem: str | None = None  # why the page gave nothing (WAF, truncated…)


@dataclass(frozen=True)
class RawArticle:
    """An article as its page has it: strings, not yet normalized."""

    url: str
    title: str | None = None
    dates: tuple[RawDate, ...] = ()  # candidates, most reliable first
    modified: tuple[RawDate, ...] = ()
    byline: str | None = None  # the raw byline text ("Minh Quỳnh - Bá Hiển")
    body_html: str | None = None  # the article body, boilerplate removed
    summary: str | None = None
    image: str | None = None  # lead image URL, absolute
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None  # rel=canonical / og:url, absolute
    site_name: str | None = None  # og:site_name, to strip from <title>
    language: str | None = None
    # field -> the selector or rule that produced it ("jsonld.headline",
    # "css:h1", "layout:byline-line"); for `sources check` and health.
    matched: Mapping[str, str] = field(default_factory=dict)
    degraded: bool = False  # the family fell back to generic extraction


@dataclass(frozen=True)
class Author:
    name: str
    name_raw: str
    affiliation: str | None = None  # the unit in parentheses, if any


@dataclass(frozen=True)
class Article:
    """A normalized article, ready to store and publish."""

    url: str  # canonical URL: the identity key
    source_id: str
    title: str
    title_raw: str
    content_html: str  # sanitized HTML
    content_text: str  # plain text of the body, paragraphs split by "\n\n"
    published: datetime | None = None  # aware, Asia/Ho_Chi_Minh
    published_raw: str | None = None
    published_origin: str | None = None
    date_precision: str | None = None  # "datetime" | "date" | None
    modified: datetime | None = None
    authors: tuple[Author, ...] = ()
    byline_raw: str | None = None
    credits: tuple[str, ...] = ()  # photo / video credits ("Ảnh: …")
    origin: str | None = None  # republished from ("Theo CAND" -> "CAND")
    summary: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    province: str | None = None  # current unit (34 since 1 July 2025)
    former_province: str | None = None  # the absorbed province, if any
    fetched_url: str | None = None  # the URL as requested, if not canonical
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store returns it, with identity and times fixed."""

    article: Article
    guid: str  # never changes for the same article
    first_seen: datetime
    updated: datetime  # last time the content changed
    also_published_at: tuple[str, ...] = ()  # same story on other sites


@dataclass(frozen=True)
class SourceHealth:
    """What the operator needs to know about one source, from the store."""

    source_id: str
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    articles_last_7d: int = 0
    newest_published: datetime | None = None
    last_found: int = 0  # articles seen in the last crawl
    last_new: int = 0  # new articles in the last crawl
    degraded: int = 0  # pages read by the generic fallback in the last crawl
    skipped: int = 0  # pages that were not articles (WAF, truncated, errors)
    refused: int = 0  # requests the crawl policy refused in the last crawl (off-site, loops, deferred)
    notes: Mapping[str, int] = field(default_factory=dict)  # the last crawl's refused/skipped counts by kind
    flagged: str | None = None  # why the source needs attention, if it does
    flagged_since: datetime | None = None  # when the flagged problem began
    last_worker: str | None = None  # the `tintuc-feed worker` (host:pid) of the last crawl; None: this machine
