"""publish(): every output file from the store's data, written atomically.

Layout under output_dir (base_url is where output_dir is served):
    rss/<id>.xml  atom/<id>.xml  json/<id>.json   per source, plus "all",
                                                   "province-<slug>", "topic-<id>", "health"
    articles.jsonl   every stored article, one record a line
    feeds.opml       every feed, grouped by province
    index.html       the human page: feeds, source health, newest headlines
    status.json      per-source health

The same inputs give the same bytes, and a file whose bytes did not change is
not rewritten (its mtime stays, so Last-Modified and ETag stay valid).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..model import SourceHealth, StoredArticle
from ..sources import Source
from .atomic import write_if_changed
from .common import Feed, newest_first
from .feedgen_adapter import render_atom, render_rss
from .health import health_feed, status_generated_at
from .jsonfeed import render_json_feed, render_jsonl
from .opml import render_opml
from .page import render_index
from .plan import all_feed, check_ids, province_feeds, source_feed, topic_feed
from .status import render_status
from .topics import Topic


@dataclass(frozen=True)
class PublishReport:
    """What publish() did: paths relative to output_dir, sorted."""

    output_dir: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    feeds: tuple[str, ...]  # the feed ids, in OPML order

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted(self.written + self.unchanged))


def publish(
    output_dir: Path,
    sources: Sequence[Source],
    articles: Sequence[StoredArticle],
    health: Mapping[str, SourceHealth],
    *,
    base_url: str,
    topics: Sequence[Topic] = (),
    item_limit: int = 100,
    merged_all: Sequence[StoredArticle] | None = None,
    generated_at: datetime | None = None,
) -> PublishReport:
    """Write every feed and page under output_dir; see the module docstring.

    generated_at is the time status.json and index.html report; by default the
    newest health timestamp, so that building twice from the same data gives
    the same bytes.
    """
    check_ids(sources)
    moment = generated_at or status_generated_at(health, articles)
    feeds = plan_feeds(sources, articles, health, base_url=base_url, topics=topics, item_limit=item_limit,
                       merged_all=merged_all)
    outputs = {**feed_files(feeds)}
    outputs["articles.jsonl"] = render_jsonl(newest_first(articles))
    outputs["feeds.opml"] = render_opml(feeds, base_url=base_url, updated=moment)
    outputs["status.json"] = render_status(sources, health, generated_at=moment)
    headlines = newest_first(merged_all if merged_all is not None else articles)
    outputs["index.html"] = render_index(feeds, sources, health, headlines, base_url=base_url, generated_at=moment)
    return write_outputs(Path(output_dir), outputs, tuple(feed.id for feed in feeds))


def plan_feeds(
    sources: Sequence[Source],
    articles: Sequence[StoredArticle],
    health: Mapping[str, SourceHealth],
    *,
    base_url: str,
    topics: Sequence[Topic] = (),
    item_limit: int = 100,
    merged_all: Sequence[StoredArticle] | None = None,
) -> list[Feed]:
    """Every feed publish() writes: all, provinces, topics, sources, health."""
    merged = list(merged_all) if merged_all is not None else list(articles)
    feeds = [all_feed(merged, base_url, item_limit)]
    feeds += province_feeds(sources, articles, base_url, item_limit)
    feeds += [topic_feed(topic, merged, base_url, item_limit) for topic in topics]
    feeds += [source_feed(source, articles, base_url, item_limit) for source in sources]
    feeds.append(health_feed(sources, health, base_url))
    return feeds


def feed_files(feeds: Sequence[Feed]) -> dict[str, bytes]:
    """The three files of each feed, by path relative to the output directory."""
    files: dict[str, bytes] = {}
    for feed in feeds:
        files[f"rss/{feed.id}.xml"] = render_rss(feed)
        files[f"atom/{feed.id}.xml"] = render_atom(feed)
        files[f"json/{feed.id}.json"] = render_json_feed(feed)
    return files


def write_outputs(output_dir: Path, outputs: Mapping[str, bytes], feed_ids: tuple[str, ...]) -> PublishReport:
    written, unchanged = [], []
    for relative in sorted(outputs):
        changed = write_if_changed(output_dir / relative, outputs[relative])
        (written if changed else unchanged).append(relative)
    return PublishReport(output_dir, tuple(written), tuple(unchanged), feed_ids)
