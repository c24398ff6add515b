"""What every feed writer shares: the Feed value, time formats, folding, order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..model import StoredArticle
from ..normalize.text import fold_key

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# The `updated` of a feed with no items: a fixed instant, so an empty feed is
# byte-stable too (Atom requires the element; "now" would change every build).
EMPTY_FEED_UPDATED = datetime(2025, 7, 1, tzinfo=VN)
LANGUAGE = "vi"
GENERATOR = "tintuc-feed"


@dataclass(frozen=True)
class FeedLinks:
    """Where a feed lives: one URL per format, and the page it describes."""

    home: str  # the site (or page) the feed is about: channel <link>
    rss: str
    atom: str
    json: str


@dataclass(frozen=True)
class Feed:
    """One feed, independent of format; items newest first."""

    id: str  # the file stem: "lam-dong", "all", "province-lam-dong", "topic-ma-tuy"
    title: str
    description: str
    links: FeedLinks
    items: tuple[StoredArticle, ...]
    group: str | None = None  # the province it is filed under in OPML and index.html
    kind: str = "source"  # source | all | province | topic | health


def in_vn(moment: datetime) -> datetime:
    """An aware datetime in Asia/Ho_Chi_Minh (naive ones are taken as local time there)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN)
    return moment.astimezone(VN)


def rfc3339(moment: datetime | None) -> str | None:
    """'2025-07-01T08:30:00+07:00', or None."""
    if moment is None:
        return None
    return in_vn(moment).isoformat(timespec="seconds")


def published_of(item: StoredArticle) -> datetime:
    """Where an item sorts: its own date, else when the store first saw it.

    For ordering only: an undated article is never given a publication date
    (see date_published).
    """
    return in_vn(item.article.published or item.first_seen)


def date_published(item: StoredArticle) -> datetime | None:
    """The article's own publication date, or None: the crawl time is never shown as one."""
    return in_vn(item.article.published) if item.article.published else None


def date_precision(item: StoredArticle) -> str:
    """"datetime", "date", or "none" for an article whose page gave no date."""
    return item.article.date_precision or "none"


def newest_first(items: Iterable[StoredArticle]) -> list[StoredArticle]:
    """Items sorted newest first; the guid breaks ties so the order is stable."""
    return sorted(items, key=lambda s: (published_of(s), s.guid), reverse=True)


def feed_updated(items: Sequence[StoredArticle]) -> datetime:
    """The newest `updated` among the items: a feed changes when an item does, never with the clock."""
    if not items:
        return EMPTY_FEED_UPDATED
    return in_vn(max(item.updated for item in items))


def fold(text: str) -> str:
    """Lowercase, without diacritics, đ -> d: a comparison key, never for display.

    The project's one folding (normalize.text.fold_key), so topics match on the
    same key as dedupe and province mentions.
    """
    return fold_key(text)


def slugify(name: str) -> str:
    """'Lâm Đồng' -> 'lam-dong'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "khac"


def join_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def feed_links(base_url: str, feed_id: str, home: str) -> FeedLinks:
    return FeedLinks(
        home=home,
        rss=join_url(base_url, f"rss/{feed_id}.xml"),
        atom=join_url(base_url, f"atom/{feed_id}.xml"),
        json=join_url(base_url, f"json/{feed_id}.json"),
    )


def iri(identifier: str) -> str:
    """identifier if it is already an IRI (has a scheme), else an urn: wrapping it (Atom ids must be IRIs)."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S", identifier):
        return identifier
    return "urn:tintuc-feed:" + re.sub(r"[^A-Za-z0-9._~:/-]", "-", identifier)


ALSO_PUBLISHED_LABEL = "Cũng đăng tại"  # "also published at", before the links to the other copies


def item_html(stored: StoredArticle) -> str:
    """An item's HTML: the article's, then links to the same story on other sites (merged feeds)."""
    html = stored.article.content_html
    if not stored.also_published_at:
        return html
    links = ", ".join(
        f'<a href="{escape(url)}">{escape(urlsplit(url).hostname or url)}</a>' for url in stored.also_published_at
    )
    return f'{html}<p class="tintuc-also">{ALSO_PUBLISHED_LABEL}: {links}</p>'
