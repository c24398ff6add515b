"""Atom rendered once beside the render-parse-render it replaced, on bench_dedupe's synthetic store.

    .venv/bin/python benchmarks/bench_atom.py --articles 10000 --repeat 5

Builds (or reuses, --store-dir) a store of --articles synthetic articles (bench_dedupe.Corpus: 80 sources,
duplicates across them), plans every feed a full publish renders (all, provinces, sources, health: 100
items each), then, in one process and alternating:
  * Atom of every feed as feeds/feedgen_adapter.render_atom writes it now: feedgen builds the tree, the
    entry links are set on it, serialized once;
  * Atom as it was written before (kept below as `render_atom_before`): feedgen's bytes parsed back,
    the links replaced, serialized again;
  * every file of every feed (RSS + Atom + JSON Feed, publish.feed_files) with each Atom renderer: what
    a full build spends rendering.
Every feed's Atom bytes are compared between the two (they must be identical).  Medians of --repeat.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_dedupe import BASE_URL, Corpus, bench_sources, build_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from feeds.atom_reference import render_atom_render_parse_render as render_atom_before

from tintuc_feed.feeds import feedgen_adapter
from tintuc_feed.feeds.common import Feed
from tintuc_feed.store import Store

publish = importlib.import_module("tintuc_feed.feeds.publish")  # the module (the package exports a function of that name)
VN_NOW = datetime.fromisoformat("2026-06-01T12:00:00+07:00")


def plan(db: Path) -> list[Feed]:
    with Store(db) as store:
        articles, merged = store.articles(), store.merged_articles()
        health = store.health(now=VN_NOW)
    return publish.plan_feeds(bench_sources(), articles, health, base_url=BASE_URL, merged_all=merged)


def timed(fn, feeds) -> float:
    start = time.perf_counter()
    for feed in feeds:
        fn(feed)
    return time.perf_counter() - start


def all_files(atom_renderer):
    """publish.feed_files with another Atom renderer swapped in (RSS and JSON Feed unchanged)."""
    def render(feed: Feed) -> None:
        saved = publish.render_atom
        publish.render_atom = atom_renderer
        try:
            publish.feed_files([feed])
        finally:
            publish.render_atom = saved
    return render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store-dir", help="keep the built store here and reuse it")
    args = parser.parse_args(argv)
    folder = Path(args.store_dir) if args.store_dir else Path(tempfile.mkdtemp(prefix="bench-atom-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench-{args.articles}.sqlite"
    if not db.exists():
        build_store(Corpus(args.articles), db)
    feeds = plan(db)
    items = sum(len(feed.items) for feed in feeds)
    same = sum(feedgen_adapter.render_atom(feed) == render_atom_before(feed) for feed in feeds)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} articles={args.articles} feeds={len(feeds)} "
          f"items={items} byte-identical={same}/{len(feeds)}")
    runs: dict[str, list[float]] = {"once": [], "before": [], "files_once": [], "files_before": []}
    for _ in range(args.repeat):
        runs["once"].append(timed(feedgen_adapter.render_atom, feeds))
        runs["before"].append(timed(render_atom_before, feeds))
        runs["files_once"].append(timed(all_files(feedgen_adapter.render_atom), feeds))
        runs["files_before"].append(timed(all_files(render_atom_before), feeds))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print("| what | Atom rendered once (now) | render-parse-render (before) | now / before |")
    print("|---|---:|---:|---:|")
    print(f"| Atom of every feed | {med['once']:.2f} s | {med['before']:.2f} s | {med['once'] / med['before']:.2f} |")
    print(f"| every feed file (RSS + Atom + JSON Feed) | {med['files_once']:.2f} s | {med['files_before']:.2f} s "
          f"| {med['files_once'] / med['files_before']:.2f} |")
    print(f"(medians of {args.repeat}; load average after: {os.getloadavg()[0]:.2f})")
    return 0 if same == len(feeds) else 1


if __name__ == "__main__":
    sys.exit(main())
