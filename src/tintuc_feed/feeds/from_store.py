"""publish_from_store(): the files publish() writes, reading only what they show from the store.

Each feed reads its newest item_limit items with a LIMIT query (store_queries),
the `all` feed and index.html's headlines the newest stories' first copies,
and articles.jsonl streams from a cursor into its file.  Topic feeds match
keywords on folded text, which SQL cannot do: they scan the stories newest
first, reading only the text columns, and stop once every topic has
item_limit matches.  So publishing costs what the feeds show (plus one pass
for articles.jsonl, one row at a time), not the size of the store, and the
bytes are those publish() writes from every article in memory.  Feeds whose
inputs did not change since the last publish are not rendered again
(feeds.incremental).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from ..model import Article, SourceHealth, StoredArticle
from ..sources import Source
from ..store import Store
from ..store_queries import Reader
from .common import EMPTY_FEED_UPDATED, in_vn
from .incremental import publish_incremental
from .plan import check_ids
from .publish import PublishReport
from .topics import Topic, _contains, searchable_text


class StoreInputs:
    """plan.FeedInputs from bounded store queries."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def merged(self, limit: int) -> list[StoredArticle]:
        return self._reader.merged_newest(limit)

    def provinces(self) -> set[str]:
        return self._reader.provinces()

    def province(self, name: str, limit: int) -> list[StoredArticle]:
        return self._reader.newest(limit, province=name)

    def source(self, source_id: str, limit: int) -> list[StoredArticle]:
        return self._reader.newest(limit, source_id=source_id)

    def topics(self, topics: Sequence[Topic], limit: int) -> list[list[StoredArticle]]:
        """Each topic's newest `limit` matching stories, from one scan shared by all topics."""
        chosen = _topic_ids(self._reader, topics, limit)
        found = self._reader.merged_by_ids(sorted({i for ids in chosen for i in ids}))
        return [[found[i] for i in ids] for ids in chosen]


def publish_from_store(
    output_dir: Path,
    store: Store,
    sources: Sequence[Source],
    health: Mapping[str, SourceHealth],
    *,
    base_url: str,
    topics: Sequence[Topic] = (),
    item_limit: int = 100,
    generated_at: datetime | None = None,
) -> PublishReport:
    """publish() for every article of the store, reading one snapshot of it; see the module docstring."""
    check_ids(sources)
    with store.snapshot() as reader:
        moment = generated_at or generated_moment(health, reader.newest_updated())
        return publish_incremental(Path(output_dir), sources, StoreInputs(reader), reader, health,
                                   base_url=base_url, topics=topics, item_limit=item_limit, generated_at=moment)


def generated_moment(health: Mapping[str, SourceHealth], newest_updated: datetime | None) -> datetime:
    """health.status_generated_at, given the newest article `updated` instead of every article."""
    moments = [m for h in health.values() for m in (h.last_attempt, h.last_success) if m is not None]
    moments += [newest_updated] if newest_updated is not None else []
    return in_vn(max(moments, key=in_vn)) if moments else EMPTY_FEED_UPDATED


def _topic_ids(reader: Reader, topics: Sequence[Topic], limit: int) -> list[list[int]]:
    """The ids of each topic's first `limit` matches among the stories, newest first."""
    chosen: list[list[int]] = [[] for _ in topics]
    if limit <= 0 or not topics:
        return chosen
    for row in reader.first_copy_texts():
        padded = f" {searchable_text(_text_only(row))} "  # folded once for every topic
        for topic, ids in zip(topics, chosen, strict=True):
            if len(ids) < limit and _matches(topic, padded):
                ids.append(row["id"])
        if all(len(ids) >= limit for ids in chosen):
            break
    return chosen


def _matches(topic: Topic, padded: str) -> bool:
    """topics.matches on text already folded."""
    if not any(_contains(padded, keyword) for keyword in topic.include):
        return False
    return not any(_contains(padded, keyword) for keyword in topic.exclude)


def _text_only(row) -> StoredArticle:
    """Just what topics.searchable_text reads (title, summary, body text) of a row."""
    article = Article(url="", source_id="", title=row["title"], title_raw=row["title"], content_html="",
                      content_text=row["content_text"], summary=row["summary"])
    return StoredArticle(article=article, guid="", first_seen=EMPTY_FEED_UPDATED, updated=EMPTY_FEED_UPDATED)
