"""Pages read in worker processes: the same articles as reading them on the reactor, the same politeness.

A copy of the sample site with 30 more articles (36 in all) is crawled twice over real HTTP, with the
worker pool (the default) and with TINTUC_EXTRACT_WORKERS=0; the server records how many requests it was answering at once.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time

import pytest
from support import add_articles, run_cli

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

ADDED = 30
IGNORED_COLUMNS = {"id", "fetched_at", "first_seen", "updated", "sort_ts", "cluster_id"}  # crawl times, order


class CountingSite(SampleSite):
    """The sample site, counting the requests in progress at once (and the most ever)."""

    def __init__(self, root) -> None:
        super().__init__(root, article_delay=0.02)  # a slow portal: overlapping requests would be seen
        self.busy = self.most = 0
        lock = threading.Lock()
        handler = self.server.RequestHandlerClass
        site = self

        def handle(request, address, server):
            with lock:
                site.busy += 1
                site.most = max(site.most, site.busy)
            try:
                handler(request, address, server)
            finally:
                with lock:
                    site.busy -= 1

        self.server.RequestHandlerClass = handle


@pytest.fixture()
def big_site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    add_articles(root, ADDED)
    return root


def crawl(tmp_path, root, name: str, workers: str | None) -> tuple[dict, CountingSite, str]:
    """Crawl the site with the CLI; every article's stored columns, the site's address replaced by HOST."""
    env = {"TINTUC_TEST_MARK": f"{name}-{os.getpid()}"}  # inherited by the crawl and its workers
    if workers is not None:
        env["TINTUC_EXTRACT_WORKERS"] = workers
    os.environ.update(env)
    try:
        with CountingSite(root) as site:
            sources = tmp_path / f"{name}.toml"
            sources.write_text(sources_toml(site.url), "utf-8")
            db = tmp_path / f"{name}.db"
            result = run_cli("-v", "crawl", "--sources", str(sources), "--db", str(db), "--output",
                             str(tmp_path / f"out-{name}"), "--delay", "0")
    finally:
        for key in env:
            os.environ.pop(key, None)
    assert result.returncode == 0, result.stderr[-3000:]
    host = site.url.split("//", 1)[1].rstrip("/")
    with sqlite3.connect(db) as conn:
        cursor = conn.execute("SELECT * FROM articles")
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    articles = {}
    for row in rows:
        values = {k: v.replace(host, "HOST") if isinstance(v, str) else v
                  for k, v in zip(names, row, strict=True) if k not in IGNORED_COLUMNS}
        articles[values["url"]] = values
    return articles, site, result.stderr


def test_workers_read_the_same_articles_one_request_at_a_time(tmp_path, big_site):
    pooled, pooled_site, log = crawl(tmp_path, big_site, "pool", None)
    inline, inline_site, inline_log = crawl(tmp_path, big_site, "inline", "0")
    assert "reading pages in" in log and "worker processes" in log
    assert "worker processes" not in inline_log
    assert len(pooled) == 6 + ADDED
    assert pooled == inline
    assert pooled_site.most == inline_site.most == 1  # one request at a time to the site, as before
    assert sorted(p for _, p in pooled_site.requests) == sorted(p for _, p in inline_site.requests)


def test_no_worker_outlives_its_crawl(tmp_path, big_site):
    _, _, log = crawl(tmp_path, big_site, "ends", "2")
    assert "reading pages in 2 worker processes" in log
    deadline = time.monotonic() + 10
    while _marked(f"ends-{os.getpid()}") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _marked(f"ends-{os.getpid()}") == []


def _marked(mark: str) -> list[int]:
    """Processes whose environment carries the mark."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as handle:
                if f"TINTUC_TEST_MARK={mark}".encode() in handle.read().split(b"\0"):
                    found.append(int(pid))
        except OSError:
            continue
    return found
