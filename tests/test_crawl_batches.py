"""Pages read to store rows in the workers, rows written in batches (issue 10).

* crawler.pages.read_page in a real spawned worker process gives what it gives in this process;
* Store.upsert_many writes what one upsert per article writes, keeps a batch's other articles when the
  store refuses one, and stores none of a batch whose transaction fails;
* a crawl of 66 articles at --delay 0 stores every one; a crawl killed with SIGKILL while batches are being
  written leaves a store whose every article is whole (aliases, signature, cluster), and the next crawl
  completes it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from multiprocessing import get_context

import pytest
from support import add_articles, run_cli
from test_operations import descendants, start_cli, wait_for

from crawler.pages import read_page
from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml
from tintuc_feed.sources import load_sources
from tintuc_feed.store import Store
from tintuc_feed.store_codec import TZ

NOW = datetime(2026, 5, 1, 9, 30, tzinfo=TZ)
BASE = "http://127.0.0.1:8000/"
TABLES = {"articles": "id", "aliases": "url_key", "signatures": "article_id"}


def page_calls(root, tmp_path) -> list[tuple]:
    """read_page's arguments for every article page of a site copy, as the spider passes them."""
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(BASE), "utf-8")
    source = load_sources(str(sources))[0]
    calls = []
    for path in sorted((root / "tin-tuc-su-kien").glob("*-[0-9]*.html")):  # the article pages, not the list
        url = BASE + "tin-tuc-su-kien/" + path.name
        calls.append((source, url, path.read_bytes(), None, "text/html; charset=utf-8", url, NOW))
    return calls


@pytest.fixture()
def site_copy(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    add_articles(root, 4)  # copies of one story: they cluster
    return root


def test_a_worker_process_reads_a_page_to_the_same_row(tmp_path, site_copy):
    calls = page_calls(site_copy, tmp_path)
    inline = [read_page(*call) for call in calls]
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        pooled = [pool.submit(read_page, *call).result(timeout=120) for call in calls]
    assert pooled == inline
    prepared = [page["prepared"] for page in inline]
    assert len(prepared) == 10  # the six articles and the four copies, all stored
    assert all(p.signature and p.article.url in p.keys.values() for p in prepared)


def prepared_pages(root, tmp_path) -> list:
    return [page["prepared"] for page in (read_page(*call) for call in page_calls(root, tmp_path))]


def table_rows(db) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall() for t, key in TABLES.items()}


def test_one_batch_writes_what_one_upsert_per_article_writes(tmp_path, site_copy):
    prepared = prepared_pages(site_copy, tmp_path)
    times = [NOW + timedelta(seconds=i) for i in range(len(prepared))]
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        singles = [one.upsert(p.article, now=t, aliases=list(p.keys.values())) for p, t in zip(prepared, times)]
        batched = batch.upsert_many(list(zip(prepared, times, strict=True)))
        again = batch.upsert_many(list(zip(prepared, times, strict=True)))
    assert batched == singles and {r.status for r in batched} == {"new"}
    assert {r.status for r in again} == {"unchanged"}
    rows = table_rows(tmp_path / "batch.db")
    assert rows == table_rows(tmp_path / "one.db")
    clusters = {row[0]: row for row in sqlite3.connect(tmp_path / "batch.db").execute(
        "SELECT cluster_id, COUNT(*) FROM articles GROUP BY cluster_id")}
    assert max(count for _, count in clusters.values()) >= 5  # the copies joined their story inside the batch


def test_a_refused_article_leaves_the_rest_of_its_batch_stored(tmp_path, site_copy):
    prepared = prepared_pages(site_copy, tmp_path)
    naive = dataclasses.replace(prepared[3].article, published=datetime(2026, 5, 1, 9, 0))  # no time zone
    batch = [(p, NOW) for p in prepared]
    batch[3] = (dataclasses.replace(prepared[3], article=naive), NOW)
    with Store(tmp_path / "t.db") as store:
        results = store.upsert_many(batch)
        assert isinstance(results[3], ValueError) and "naive datetime" in str(results[3])
        assert all(r.status == "new" for i, r in enumerate(results) if i != 3)
        assert store.count() == len(prepared) - 1
        assert not store.has_url(prepared[3].article.url)
        assert store.upsert_many([(prepared[3], NOW)])[0].status == "new"  # the index was rebuilt, not stale
    assert_whole(tmp_path / "t.db")


def test_a_batch_whose_transaction_fails_stores_none_of_it(tmp_path, site_copy):
    prepared = prepared_pages(site_copy, tmp_path)
    with Store(tmp_path / "t.db") as store:
        store.upsert_many([(prepared[0], NOW)])
        blocker = sqlite3.connect(tmp_path / "t.db")
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the store past the busy timeout
        store._db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(sqlite3.OperationalError):
            store.upsert_many([(p, NOW) for p in prepared[1:]])
        blocker.rollback()
        blocker.close()
        assert store.count() == 1
        assert [r.status for r in store.upsert_many([(p, NOW) for p in prepared[1:]])] == ["new"] * 9
    assert_whole(tmp_path / "t.db")


def assert_whole(db) -> int:
    """Every stored article is whole: its own url_key among its aliases, a signature, a cluster that exists."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        broken = conn.execute("""
            SELECT a.id FROM articles a WHERE
                NOT EXISTS (SELECT 1 FROM aliases al WHERE al.article_id = a.id AND al.url_key = a.url_key)
                OR NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)
                OR a.cluster_id IS NULL
                OR NOT EXISTS (SELECT 1 FROM articles c WHERE c.id = a.cluster_id)""").fetchall()
        assert broken == []
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


ADDED = 60


def test_a_crawl_in_batches_stores_every_article_and_a_killed_one_leaves_whole_articles(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    add_articles(root, ADDED)
    db, out = tmp_path / "t.db", tmp_path / "out"
    with SampleSite(root=root, article_delay=0.05) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        proc = start_cli("crawl", *common)
        try:
            wait_for(lambda: stored(db) >= 8, 120, "a first batch stored")
            for pid in descendants(proc.pid):  # the crawl child and its workers: no chance to flush
                os.kill(pid, signal.SIGKILL)
            proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        assert 8 <= assert_whole(db) < 6 + ADDED
        again = run_cli("crawl", *common)
        assert again.returncode == 0, again.stderr[-3000:]
        fresh = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "fresh.db"), "--output",
                        str(tmp_path / "out2"), "--delay", "0")
        assert fresh.returncode == 0, fresh.stderr[-3000:]
    assert assert_whole(db) == 6 + ADDED
    assert assert_whole(tmp_path / "fresh.db") == 6 + ADDED
    line = next(x for x in fresh.stdout.splitlines() if x.startswith(SOURCE_ID))
    assert line.split()[1:3] == ["ok", str(6 + ADDED)], line
