"""The crawl's store writes run in a writer thread, not on the reactor thread (issue 10, eighth pass).

A batch's transaction waits on the disk and on the database (another writer holding it, up to busy_timeout);
the reactor goes on downloading meanwhile.  Shown with a real crawl process over 127.0.0.1 and a real SQLite
file that this test holds locked (BEGIN IMMEDIATE) while the crawl runs: every article page is still
downloaded before the lock is let go (on the reactor thread the first batch would stop every download until
the lock was gone or busy_timeout ran out), and once it is let go every article is stored, whole, with the
source's outcome.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

from support import add_articles
from test_crawl_batches import assert_whole
from test_operations import wait_for

from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml
from tintuc_feed.store import Store

ADDED = 60
ARTICLES = 6 + ADDED  # the sample site's own six and the added ones


def article_requests(site) -> int:
    return sum(1 for method, path in list(site.requests)
               if method == "GET" and path.endswith(".html") and "/trang-" not in path and path.count("/") == 2)


def test_downloads_go_on_while_a_batch_waits_for_the_store(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    add_articles(root, ADDED)
    db = tmp_path / "t.db"
    Store(db).close()  # created and migrated: the crawl only reads and writes rows
    lock = sqlite3.connect(db, isolation_level=None)
    with SampleSite(root=root) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        lock.execute("BEGIN IMMEDIATE")  # the store's one writer slot is taken (busy_timeout: 30 s)
        crawl = subprocess.Popen([sys.executable, "-P", "-m", "crawler.main", "--db", str(db), "--sources",
                                  str(sources), "--delay", "0", "--log-level", "ERROR"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
        try:
            # well within busy_timeout: the first batch (0.5 s after the first article) is still waiting
            wait_for(lambda: article_requests(site) >= ARTICLES, 25, "every article downloaded, the store locked")
            with sqlite3.connect(db) as reader:
                assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
            lock.execute("ROLLBACK")
            _, err = crawl.communicate(timeout=120)
        finally:
            lock.close()
            if crawl.poll() is None:
                crawl.kill()
                crawl.communicate()
    assert crawl.returncode == 0, err[-3000:]
    assert assert_whole(db) == ARTICLES
    with sqlite3.connect(db) as conn:
        outcome = conn.execute("SELECT ok, found, new, error FROM run_sources WHERE source_id = ?",
                               (SOURCE_ID,)).fetchone()
    assert outcome == (1, ARTICLES, ARTICLES, None)
