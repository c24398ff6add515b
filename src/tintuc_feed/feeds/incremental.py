"""Publishing from the store that renders only the feeds whose inputs changed.

A full publish renders ~350 files and compares each with the disk; after a
crawl that stored nothing new that is all wasted work.  So the output folder
keeps a small manifest (``.publish-manifest.json``, a dotfile `serve` never
shows) of what each file was made from:

* the context: a digest of the code that renders (every module and template
  of the package, feedgen/lxml/nh3 versions), the sources, topics, base URL
  and item limit;
* the store: a digest of every article row (Reader.fingerprints, newest
  first: articles.jsonl's order), so an article rewritten in place counts;
* per content feed: a digest of its metadata and of its items (guid, row
  digest, the other copies' URLs);
* per file: size and mtime, so a file someone edited or deleted is rewritten.

Same context and store, files intact: no content feed is planned, loaded or
rendered and articles.jsonl is not read (index.html and OPML get the feeds'
titles, links and item counts from the manifest).  Otherwise every feed is
planned and only those whose digest changed are rendered (then written only
if their bytes changed, as always).  The health feed, status.json,
index.html and feeds.opml are rendered every time: they show the crawl's
times.  Every file is the same bytes a full render gives (tests/feeds/
test_incremental_publish.py builds both and compares).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache
from importlib import metadata
from pathlib import Path

from ..model import SourceHealth
from ..notices import publishing as notice_publishing
from ..notices.records import NoticeCollector
from ..sources import Source
from ..store_queries import Reader
from .atomic import write_if_changed, write_stream_if_changed
from .common import Feed, FeedLinks
from .failed_feeds import FeedFailure, rendered_or_failed
from .feedgen_adapter import render_atom, render_rss
from .health import health_feed
from .isolate import ItemGuard, LeftOut
from .jsonfeed import jsonl_chunks, render_json_feed
from .opml import render_opml
from .page import HEADLINES, render_index
from .plan import FeedInputs, plan_content_feeds
from .publish import PublishReport, _report
from .status import render_status
from .topics import Topic

MANIFEST = ".publish-manifest.json"
MANIFEST_VERSION = 1
JSONL = "articles.jsonl"
RENDERING_DISTRIBUTIONS = ("feedgen", "lxml", "nh3")
PACKAGE = Path(__file__).resolve().parents[1]


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


@cache
def code_version() -> str:
    """A digest of everything that renders: the package's code and templates, and feedgen/lxml/nh3."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".html", ".css", ".json"} and path.is_file():
            h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in RENDERING_DISTRIBUTIONS:
        h.update(f"{name}=={metadata.version(name)}\0".encode())
    return h.hexdigest()


def feed_files_of(feed_id: str) -> tuple[str, str, str]:
    return f"rss/{feed_id}.xml", f"atom/{feed_id}.xml", f"json/{feed_id}.json"


class Manifest:
    """What the files of the last publish were made from (see the module docstring)."""

    def __init__(self, data: Mapping | None = None) -> None:
        data = data if data and data.get("version") == MANIFEST_VERSION else {}
        self.context: str | None = data.get("context")
        self.store: str | None = data.get("store")
        self.feeds: dict[str, dict] = {meta["id"]: meta for meta in data.get("feeds", [])}  # in feed order
        self.files: dict[str, list[int]] = dict(data.get("files", {}))

    @classmethod
    def load(cls, output_dir: Path) -> Manifest:
        try:
            return cls(json.loads((output_dir / MANIFEST).read_bytes()))
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            return cls()  # none yet, or unreadable: render everything

    def save(self, output_dir: Path) -> None:
        data = {"version": MANIFEST_VERSION, "context": self.context, "store": self.store,
                "feeds": list(self.feeds.values()), "files": self.files}
        write_if_changed(output_dir / MANIFEST, json.dumps(data, sort_keys=True, indent=0).encode("utf-8"))

    def intact(self, output_dir: Path, relatives: Sequence[str]) -> bool:
        """Every file is there as the last publish left it (same size and mtime)."""
        return all(self.files.get(r) == _stat(output_dir / r) for r in relatives)

    def record(self, output_dir: Path, relatives: Sequence[str]) -> None:
        for relative in relatives:
            self.files[relative] = _stat(output_dir / relative)


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def feed_signature(feed: Feed, rows: Mapping[str, bytes], context: str) -> str:
    items = [(item.guid, rows.get(item.guid), item.also_published_at) for item in feed.items]
    return _digest(context, feed.id, feed.title, feed.description, feed.links, feed.group, feed.kind, items)


def _meta(feed: Feed, signature: str) -> dict:
    links = feed.links
    return {"id": feed.id, "signature": signature, "title": feed.title, "description": feed.description, "group": feed.group,
            "kind": feed.kind, "count": len(feed.items), "links": [links.home, links.rss, links.atom, links.json]}


def _shell(feed_id: str, meta: Mapping) -> Feed:
    """A content feed as the manifest knows it: everything but the items, of which only the number."""
    return Feed(id=feed_id, title=meta["title"], description=meta["description"], links=FeedLinks(*meta["links"]),
                items=(None,) * meta["count"], group=meta["group"], kind=meta["kind"])


def publish_incremental(
    output_dir: Path,
    sources: Sequence[Source],
    inputs: FeedInputs,
    reader: Reader,
    health: Mapping[str, SourceHealth],
    *,
    base_url: str,
    topics: Sequence[Topic],
    item_limit: int,
    generated_at: datetime,
) -> PublishReport:
    """publish.publish_inputs, rendering only what changed; see the module docstring."""
    manifest = Manifest.load(output_dir)
    rows = list(reader.fingerprints())
    context = _digest(code_version(), base_url, item_limit, list(sources), list(topics))
    store = _digest([digest for _, digest in rows])
    notices = NoticeCollector()  # reads the articles on their way to articles.jsonl, when that is written
    failures: list[FeedFailure] = []  # feeds that could not be written: their previous files kept (failed_feeds.py)
    if _nothing_changed(manifest, output_dir, context, store):
        content = [_shell(feed_id, meta) for feed_id, meta in manifest.feeds.items()]
        changes = {r: False for feed in content for r in feed_files_of(feed.id)} | {JSONL: False}
    else:
        content, changes = _render_changed(output_dir, manifest, sources, inputs, reader, dict(rows), context,
                                           store, base_url, topics, item_limit, notices.watch, failures)
        manifest.context, manifest.store = context, "" if failures else store  # a failed feed: tried again next time
        manifest.record(output_dir, list(changes))
        manifest.save(output_dir)
    left_out = _left_out(manifest)
    feeds = [*content, health_feed(sources, health, base_url, left_out=left_out)]
    written, notice_section = notice_publishing.publish_notices(output_dir, notices, reader.all_newest,
                                                                context + store, base_url, item_limit)
    written |= {r: write_if_changed(output_dir / r, data) for r, data in _feed_files(feeds[-1]).items()}
    bad = {item.guid for item in left_out}
    headlines = [item for item in inputs.merged(HEADLINES) if item.guid not in bad]
    pages = {
        "feeds.opml": render_opml(feeds, base_url=base_url, updated=generated_at),
        "status.json": render_status(sources, health, generated_at=generated_at, left_out=left_out,
                                     feed_failures=failures),
        "index.html": render_index(feeds, sources, health, headlines, base_url=base_url, generated_at=generated_at,
                                   sections=(notice_section,)),
    }
    written |= {r: write_if_changed(output_dir / r, data) for r, data in pages.items()}
    return _report(output_dir, changes | written, tuple(feed.id for feed in feeds), left_out, tuple(failures))


def _left_out(manifest: Manifest) -> tuple[LeftOut, ...]:
    """The items left out of the content feeds (isolate.py), as the manifest recorded them per feed."""
    by_guid = {row["guid"]: LeftOut(**row) for meta in manifest.feeds.values() for row in meta.get("left_out", ())}
    return tuple(sorted(by_guid.values(), key=lambda item: (item.source_id, item.guid)))


def _nothing_changed(manifest: Manifest, output_dir: Path, context: str, store: str) -> bool:
    if manifest.context != context or manifest.store != store or not manifest.feeds:
        return False
    relatives = [r for feed_id in manifest.feeds for r in feed_files_of(feed_id)] + [JSONL]
    return manifest.intact(output_dir, relatives)


def _render_changed(output_dir, manifest, sources, inputs, reader, rows, context, store, base_url, topics,
                    item_limit, watch, failures: list[FeedFailure]) -> tuple[list[Feed], dict[str, bool]]:
    """Plan every content feed; render those whose signature or files changed; articles.jsonl likewise."""
    content = plan_content_feeds(sources, inputs, base_url, topics, item_limit)
    changes: dict[str, bool] = {}
    feeds: dict[str, dict] = {}
    guard = ItemGuard()
    for feed in content:
        signature = feed_signature(feed, rows, context)
        relatives = feed_files_of(feed.id)
        old = manifest.feeds.get(feed.id)
        if old and old["signature"] == signature and manifest.intact(output_dir, relatives):
            changes |= {r: False for r in relatives}
            feeds[feed.id] = old
            continue
        # without the items that cannot be written; a feed that still fails keeps its previous files and
        # signature (rendered again by the next publish: failed_feeds.py)
        rendered = rendered_or_failed(failures, feed.id, lambda feed=feed: guard.render(feed, _feed_files))
        if rendered is None:
            changes |= {r: False for r in relatives}
            if old:
                feeds[feed.id] = old
            continue
        kept, files = rendered
        changes |= {r: write_if_changed(output_dir / r, data) for r, data in files.items()}
        gone = {item.guid for item in feed.items} - {item.guid for item in kept.items}
        feeds[feed.id] = _meta(kept, signature) | {
            "left_out": [dataclasses.asdict(item) for item in guard.left_out if item.guid in gone]}
    manifest.feeds = feeds
    if manifest.store == store and manifest.context == context and manifest.intact(output_dir, [JSONL]):
        changes[JSONL] = False
    else:
        changes[JSONL] = write_stream_if_changed(output_dir / JSONL, jsonl_chunks(watch(reader.all_newest())))
    return content, changes


def _feed_files(feed: Feed) -> dict[str, bytes]:
    rss, atom, json_ = feed_files_of(feed.id)
    return {rss: render_rss(feed), atom: render_atom(feed), json_: render_json_feed(feed)}
