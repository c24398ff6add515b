"""Which feeds exist and what goes in each: per source, all, per province, per topic.

Pure: Feed values from sources and stored articles, no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import StoredArticle
from ..sources import Source
from .common import Feed, feed_links, join_url, newest_first, slugify
from .topics import Topic, select

SITE_NAME = "Tin tức Công an"
ALL_ID = "all"
HEALTH_ID = "health"
RESERVED_IDS = frozenset({ALL_ID, HEALTH_ID})
OTHER_GROUP = "Khác"


def source_feed(source: Source, articles: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    own = [item for item in articles if item.article.source_id == source.id]
    where = f" ({source.province})" if source.province else ""
    return Feed(
        id=source.id,
        title=source.name,
        description=f"Tin bài mới của {source.name}{where}",
        links=feed_links(base_url, source.id, source.home),
        items=tuple(newest_first(own)[:limit]),
        group=source.province or OTHER_GROUP,
        kind="source",
    )


def all_feed(articles: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    return Feed(
        id=ALL_ID,
        title=f"{SITE_NAME}: tất cả các nguồn",
        description="Tin bài mới từ mọi nguồn, mỗi câu chuyện một lần",
        links=feed_links(base_url, ALL_ID, base_url),
        items=tuple(newest_first(articles)[:limit]),
        group=None,
        kind="all",
    )


def province_feeds(
    sources: Sequence[Source], articles: Sequence[StoredArticle], base_url: str, limit: int
) -> list[Feed]:
    """One feed per current province (Article.province), including the absorbed ones' news."""
    by_province: dict[str, list[StoredArticle]] = defaultdict(list)
    for source in sources:
        if source.province:
            by_province.setdefault(source.province, [])
    for item in articles:
        if item.article.province:
            by_province[item.article.province].append(item)
    return [_province_feed(name, items, base_url, limit) for name, items in sorted(by_province.items())]


def province_feed_id(province: str) -> str:
    return f"province-{slugify(province)}"


def _province_feed(name: str, items: list[StoredArticle], base_url: str, limit: int) -> Feed:
    feed_id = province_feed_id(name)
    return Feed(
        id=feed_id,
        title=f"{SITE_NAME}: {name}",
        description=f"Tin bài mới về {name}, từ mọi nguồn",
        links=feed_links(base_url, feed_id, f"{join_url(base_url, '')}#{feed_id}"),
        items=tuple(newest_first(items)[:limit]),
        group=name,
        kind="province",
    )


def topic_feed(topic: Topic, articles: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    feed_id = f"topic-{topic.id}"
    return Feed(
        id=feed_id,
        title=f"{SITE_NAME}: {topic.name}",
        description=f"Tin bài về chủ đề {topic.name}",
        links=feed_links(base_url, feed_id, f"{join_url(base_url, '')}#{feed_id}"),
        items=tuple(newest_first(select(topic, articles))[:limit]),
        group=None,
        kind="topic",
    )


def check_ids(sources: Sequence[Source]) -> None:
    """Refuse source ids that would overwrite another feed's files."""
    for source in sources:
        if source.id in RESERVED_IDS or source.id.startswith(("province-", "topic-")):
            raise ValueError(f"source {source.id!r}: this id is reserved for a merged feed; rename the source")
