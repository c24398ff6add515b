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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..model import SourceHealth, StoredArticle
from ..notices import publishing as notice_publishing
from ..notices.records import NoticeCollector
from ..sources import Source
from .atomic import write_if_changed, write_stream_if_changed
from .common import Feed, newest_first
from .failed_feeds import FeedFailure, rendered_or_failed
from .feedgen_adapter import render_atom, render_rss
from .health import health_feed, status_generated_at
from .isolate import ItemGuard, LeftOut
from .jsonfeed import jsonl_chunks, render_json_feed
from .opml import render_opml
from .page import HEADLINES, render_index
from .plan import FeedInputs, MemoryInputs, check_ids, plan_content_feeds
from .status import render_status
from .topics import Topic


@dataclass(frozen=True)
class PublishReport:
    """What publish() did: paths relative to output_dir, sorted."""

    output_dir: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    feeds: tuple[str, ...]  # the feed ids, in OPML order
    left_out: tuple[LeftOut, ...] = ()  # items that could not be written (isolate.py)
    failed: tuple[FeedFailure, ...] = ()  # feeds that could not be written, their old files kept (failed_feeds.py)

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
    """Write every feed and page under output_dir from articles in memory; see the module docstring.

    generated_at is the time status.json and index.html report; by default the
    newest health timestamp, so that building twice from the same data gives
    the same bytes.  feeds.from_store.publish_from_store writes the same files
    reading only what they show from the store.
    """
    check_ids(sources)
    moment = generated_at or status_generated_at(health, articles)
    inputs = MemoryInputs(articles, articles if merged_all is None else merged_all)
    return publish_inputs(Path(output_dir), sources, inputs, health, newest_first(articles),
                          base_url=base_url, topics=topics, item_limit=item_limit, generated_at=moment)


def publish_inputs(
    output_dir: Path,
    sources: Sequence[Source],
    inputs: FeedInputs,
    health: Mapping[str, SourceHealth],
    records: Iterable[StoredArticle],
    *,
    base_url: str,
    topics: Sequence[Topic],
    item_limit: int,
    generated_at: datetime,
) -> PublishReport:
    """Write every file: feeds from inputs, articles.jsonl from records (newest first, read as written).

    An item that cannot be written is left out of every feed and page, logged, counted in status.json and
    reported in the health feed (isolate.py); the content feeds go first so the health feed can tell.
    """
    guard = ItemGuard()
    feeds, changes, failures = [], {}, []
    for planned in plan_content_feeds(sources, inputs, base_url, topics, item_limit):
        rendered = rendered_or_failed(failures, planned.id, lambda planned=planned: guard.render(planned, _files_of))
        if rendered is None:  # its previous files kept (failed_feeds.py)
            feeds.append(planned)
            continue
        feed, files = rendered
        feeds.append(feed)
        changes |= {relative: write_if_changed(output_dir / relative, data) for relative, data in files.items()}
    left_out = guard.left_out
    feeds.append(health_feed(sources, health, base_url, left_out=left_out))
    changes |= {relative: write_if_changed(output_dir / relative, data) for relative, data in _files_of(feeds[-1]).items()}
    notices = NoticeCollector()  # reads each record on its way to articles.jsonl
    changes["articles.jsonl"] = write_stream_if_changed(output_dir / "articles.jsonl",
                                                        jsonl_chunks(notices.watch(records)))
    notice_changes, notice_section = notice_publishing.write_notices(output_dir, notices, base_url, item_limit)
    changes |= notice_changes
    pages = {
        "feeds.opml": render_opml(feeds, base_url=base_url, updated=generated_at),
        "status.json": render_status(sources, health, generated_at=generated_at, left_out=left_out,
                                     feed_failures=failures),
        "index.html": render_index(feeds, sources, health, guard.keep(inputs.merged(HEADLINES)), base_url=base_url,
                                   generated_at=generated_at, sections=(notice_section,)),
    }
    changes |= {relative: write_if_changed(output_dir / relative, data) for relative, data in pages.items()}
    return _report(output_dir, changes, tuple(feed.id for feed in feeds), left_out, tuple(failures))


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
    inputs = MemoryInputs(articles, articles if merged_all is None else merged_all)
    return _every_feed(sources, inputs, health, base_url, topics, item_limit)


def _every_feed(sources, inputs: FeedInputs, health, base_url: str, topics, item_limit: int) -> list[Feed]:
    """The content feeds (all, provinces, topics, sources), then the health feed."""
    return [*plan_content_feeds(sources, inputs, base_url, topics, item_limit), health_feed(sources, health, base_url)]


def feed_files(feeds: Sequence[Feed]) -> dict[str, bytes]:
    """The three files of each feed, by path relative to the output directory."""
    files: dict[str, bytes] = {}
    for feed in feeds:
        files[f"rss/{feed.id}.xml"] = render_rss(feed)
        files[f"atom/{feed.id}.xml"] = render_atom(feed)
        files[f"json/{feed.id}.json"] = render_json_feed(feed)
    return files


def _files_of(feed: Feed) -> dict[str, bytes]:
    return feed_files([feed])


def write_outputs(output_dir: Path, outputs: Mapping[str, bytes], feed_ids: tuple[str, ...]) -> PublishReport:
    changes = {relative: write_if_changed(output_dir / relative, outputs[relative]) for relative in sorted(outputs)}
    return _report(output_dir, changes, feed_ids)


def _report(output_dir: Path, changes: Mapping[str, bool], feed_ids: tuple[str, ...],
            left_out: tuple[LeftOut, ...] = (), failed: tuple[FeedFailure, ...] = ()) -> PublishReport:
    written = tuple(sorted(relative for relative, changed in changes.items() if changed))
    unchanged = tuple(sorted(relative for relative, changed in changes.items() if not changed))
    return PublishReport(output_dir, written, unchanged, feed_ids, left_out, failed)
