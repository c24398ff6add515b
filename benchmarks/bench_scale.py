"""One process vs two workers on a loopback site, and publishing 10k articles from SQLite vs PostgreSQL.

    .venv/bin/python benchmarks/bench_scale.py crawl --sources 4 --articles 60 --runs 3
    .venv/bin/python benchmarks/bench_scale.py publish --articles 10000 --runs 3

Needs the Debian packages postgresql and redis-server: like the tests, it starts
a throwaway PostgreSQL cluster and redis-server on free ports (tests/servers.py).

crawl: S copies of the bundled sample site, each with N extra articles linked
from its first list page, served on 127.0.0.1 (no delay between requests).
"one process" is `tintuc-feed crawl` on SQLite (Scrapy crawls the sources
side by side in one process); "two workers" is `tintuc-feed run --queue`
plus two `tintuc-feed worker` on PostgreSQL, timed from the scheduler's start
to the last finished run.  pages/min = HTTP requests the sites answered per
minute of wall time; CPU = user+system seconds of our processes and their
children (the database servers' own CPU not included).

publish: a store of N articles (synthetic, distinct texts) written once to
SQLite and copied to PostgreSQL with migrate-store's copy; then a full publish
(an empty output folder each time) from each, timed.  Medians of --runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import servers
from support import add_articles
from workers_support import cli_command, runs, start, stop, wait_for

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _sites(tmp: Path, count: int, articles: int) -> tuple[list[SampleSite], Path]:
    import shutil

    sites = []
    for n in range(count):
        root = tmp / f"site-{n}"
        shutil.copytree(site_root(), root)
        for page in root.rglob("*.html"):  # each site its own texts: no cross-site story clusters
            page.write_text(page.read_text("utf-8").replace("Đắk Nông", f"Đắk Nông {n}"), "utf-8")
        add_articles(root, articles)
        sites.append(SampleSite(root).__enter__())
    sources = tmp / "sources.toml"
    sources.write_text("\n".join(sources_toml(s.url, f"bench-{n}").replace("max_pages = 3", "max_pages = 3\nmax_articles = 1000")
                                 for n, s in enumerate(sites)), "utf-8")
    return sites, sources


def _one_process(tmp: Path, sources: Path) -> None:
    import subprocess

    subprocess.run(cli_command("crawl", "--sources", sources, "--db", tmp / "one.db", "--output", tmp / "one",
                               "--delay", "0"), check=True, capture_output=True)


def _two_workers(tmp: Path, sources: Path, count: int, pg_url: str, redis_url: str) -> None:
    procs = [start("worker", "--queue", redis_url, "--db", pg_url, "--sources", sources, "--output", tmp / "out",
                   "--delay", "0", log=tmp / f"w{n}.log") for n in range(2)]
    procs.append(start("run", "--queue", redis_url, "--sources", sources, "--db", pg_url, "--interval", "600",
                       "--jitter", "0", log=tmp / "s.log"))
    try:
        wait_for(lambda: len([r for r in runs(pg_url) if r["finished"]]) >= count, 1800, "the crawls")
    finally:
        for p in procs:
            stop(p)


def bench_crawl(args) -> None:
    rows = {"one process (SQLite)": [], "two workers (PostgreSQL + Redis)": []}
    pg = servers.Postgres(servers.postgres_bin()).start()
    redis = servers.Redis("/usr/bin/redis-server")
    try:
        for _ in range(args.runs):
            for label, values in rows.items():
                with tempfile.TemporaryDirectory() as name:
                    tmp = Path(name)
                    sites, sources = _sites(tmp, args.sources, args.articles)
                    cpu, t0 = _cpu(), time.monotonic()
                    if label.startswith("one"):
                        _one_process(tmp, sources)
                    else:
                        _flush(redis)
                        _two_workers(tmp, sources, args.sources, pg.new_database(), redis.url)
                    wall, used = time.monotonic() - t0, _cpu() - cpu
                    pages = sum(len(s.requests) for s in sites)
                    for s in sites:
                        s.__exit__(None, None, None)
                    values.append((pages / wall * 60, wall, used, pages))
    finally:
        redis.stop()
        pg.stop()
    print(f"crawl: {args.sources} sources × ({args.articles} + 6) articles, median of {args.runs}")
    print("| setup | pages/min | wall s | CPU s | pages |\n| --- | ---: | ---: | ---: | ---: |")
    for label, values in rows.items():
        med = [statistics.median(v[i] for v in values) for i in range(4)]
        print(f"| {label} | {med[0]:.0f} | {med[1]:.1f} | {med[2]:.1f} | {med[3]:.0f} |")


def _flush(redis) -> None:
    import socket

    with socket.create_connection(("127.0.0.1", redis.port)) as s:
        s.sendall(b"FLUSHALL\r\n")
        s.recv(16)


def _fill(location, count: int) -> None:
    from tintuc_feed.model import Article
    from tintuc_feed.store import Store

    base = datetime(2025, 1, 1, 8, 0, tzinfo=VN)
    with Store(location) as store:
        for n in range(count):
            text = f"Bài số {n}: " + " ".join(f"từ{(n * 7919 + k * 104729) % 100003}" for k in range(120))
            article = Article(url=f"https://bench{n % 20}.gov.vn/tin/{n}.html", source_id=f"bench-{n % 20}",
                              title=f"Tin thử số {n}", title_raw=f"Tin thử số {n}", content_html=f"<p>{text}</p>",
                              content_text=text, published=base + timedelta(minutes=n), province=None)
            store.upsert(dataclasses.replace(article), now=base + timedelta(minutes=n))


def bench_publish(args) -> None:
    from tintuc_feed.runner import PublishOptions, publish_store
    from tintuc_feed.sources import Source
    from tintuc_feed.store.copy import copy_store

    pg = servers.Postgres(servers.postgres_bin()).start()
    try:
        with tempfile.TemporaryDirectory() as name:
            tmp = Path(name)
            t0 = time.monotonic()
            _fill(tmp / "s.db", args.articles)
            print(f"filled {args.articles} articles in {time.monotonic() - t0:.0f} s", file=sys.stderr)
            url = pg.new_database()
            copy_store(tmp / "s.db", url)
            sources = [Source(id=f"bench-{n}", name=f"bench {n}", list_urls=(f"https://bench{n}.gov.vn/",),
                              article_url_pattern="/tin/") for n in range(20)]
            times = {"SQLite": [], "PostgreSQL": []}
            for run in range(args.runs):
                for label, location in (("SQLite", tmp / "s.db"), ("PostgreSQL", url)):
                    t0 = time.monotonic()
                    publish_store(location, sources, PublishOptions(output=tmp / f"out-{label}-{run}"))
                    times[label].append(time.monotonic() - t0)
    finally:
        pg.stop()
    base = statistics.median(times["SQLite"])
    print(f"publish: {args.articles} articles, 20 sources, full publish into an empty folder, median of {args.runs}")
    print("| store | seconds | ratio |\n| --- | ---: | ---: |")
    for label, values in times.items():
        print(f"| {label} | {statistics.median(values):.2f} | {statistics.median(values) / base:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("crawl")
    p.add_argument("--sources", type=int, default=4)
    p.add_argument("--articles", type=int, default=60)
    p.add_argument("--runs", type=int, default=3)
    p = sub.add_parser("publish")
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    (bench_crawl if args.what == "crawl" else bench_publish)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
