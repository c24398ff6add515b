"""Which feeds exist and what goes in each: per source, all, per province, per topic.

Pure: Feed values from sources and stored articles, no I/O.  What a feed
holds comes from a FeedInputs: MemoryInputs picks it from lists of articles
(publish()), feeds.from_store.StoreInputs reads only that from the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import StoredArticle
from ..normalize.provinces import resolve_province
from ..sources import Source, is_reserved_id
from .common import Feed, feed_links, join_url, newest_first, slugify
from .topics import Topic, select

SITE_NAME = "Tin tức Công an"
ALL_ID = "all"
HEALTH_ID = "health"
RESERVED_IDS = frozenset({ALL_ID, HEALTH_ID})
OTHER_GROUP = "Khác"


class FeedInputs(Protocol):
    """What each feed shows, newest first, at most `limit` items (a story once in merged and topics)."""

    def merged(self, limit: int) -> Sequence[StoredArticle]: ...

    def provinces(self) -> Iterable[str]: ...  # the provinces articles are filed under

    def province(self, name: str, limit: int) -> Sequence[StoredArticle]: ...

    def source(self, source_id: str, limit: int) -> Sequence[StoredArticle]: ...

    def topics(self, topics: Sequence[Topic], limit: int) -> list[Sequence[StoredArticle]]: ...


@dataclass(frozen=True)
class MemoryInputs:
    """FeedInputs from every article (and every story's first copy, `merged`) in memory."""

    articles: Sequence[StoredArticle]
    merged_all: Sequence[StoredArticle]

    def merged(self, limit: int) -> list[StoredArticle]:
        return newest_first(self.merged_all)[:limit]

    def provinces(self) -> set[str]:
        return {item.article.province for item in self.articles if item.article.province}

    def province(self, name: str, limit: int) -> list[StoredArticle]:
        return newest_first(item for item in self.articles if item.article.province == name)[:limit]

    def source(self, source_id: str, limit: int) -> list[StoredArticle]:
        return newest_first(item for item in self.articles if item.article.source_id == source_id)[:limit]

    def topics(self, topics: Sequence[Topic], limit: int) -> list[Sequence[StoredArticle]]:
        return [newest_first(select(topic, self.merged_all))[:limit] for topic in topics]


def plan_content_feeds(
    sources: Sequence[Source], inputs: FeedInputs, base_url: str, topics: Sequence[Topic], limit: int
) -> list[Feed]:
    """all, the provinces (by name), the topics, the sources: each with what inputs gives it."""
    feeds = [all_feed(inputs.merged(limit), base_url, limit)]
    names = {unit_of(source.province) for source in sources if source.province} | set(inputs.provinces())
    feeds += [province_feed(name, inputs.province(name, limit), base_url, limit) for name in sorted(names)]
    chosen = inputs.topics(topics, limit)
    feeds += [topic_feed_of(topic, items, base_url, limit) for topic, items in zip(topics, chosen, strict=True)]
    feeds += [source_feed_of(source, inputs.source(source.id, limit), base_url, limit) for source in sources]
    return feeds


def unit_of(province: str) -> str:
    """The current unit a province name belongs to ("Đắk Nông" -> "Lâm Đồng"); unknown names as given.

    Feeds and the index group by the 34 units in office since 1 July 2025, so a
    retired portal's source sits with the unit that absorbed its province.
    """
    match = resolve_province(province)
    return match.unit if match else province


def source_feed(source: Source, articles: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    own = [item for item in articles if item.article.source_id == source.id]
    return source_feed_of(source, own, base_url, limit)


def source_feed_of(source: Source, own: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    """A source's feed from its own articles."""
    where = f" ({source.province})" if source.province else ""
    return Feed(
        id=source.id,
        title=source.name,
        description=f"Tin bài mới của {source.name}{where}",
        links=feed_links(base_url, source.id, source.home),
        items=tuple(newest_first(own)[:limit]),
        group=unit_of(source.province) if source.province else OTHER_GROUP,
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
            by_province.setdefault(unit_of(source.province), [])
    for item in articles:
        if item.article.province:
            by_province[item.article.province].append(item)
    return [province_feed(name, items, base_url, limit) for name, items in sorted(by_province.items())]


def province_feed_id(province: str) -> str:
    return f"province-{slugify(province)}"


def province_feed(name: str, items: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    """A province's feed from the articles filed under it."""
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
    return topic_feed_of(topic, select(topic, articles), base_url, limit)


def topic_feed_of(topic: Topic, chosen: Sequence[StoredArticle], base_url: str, limit: int) -> Feed:
    """A topic's feed from the stories that match it."""
    feed_id = f"topic-{topic.id}"
    return Feed(
        id=feed_id,
        title=f"{SITE_NAME}: {topic.name}",
        description=f"Tin bài về chủ đề {topic.name}",
        links=feed_links(base_url, feed_id, f"{join_url(base_url, '')}#{feed_id}"),
        items=tuple(newest_first(chosen)[:limit]),
        group=None,
        kind="topic",
    )


def check_ids(sources: Sequence[Source]) -> None:
    """Refuse source ids that would overwrite another feed's files."""
    for source in sources:
        if is_reserved_id(source.id):
            raise ValueError(f"source {source.id!r}: this id is reserved for a merged feed; rename the source")
