"""Store.snapshot()'s bounded reads: feed order, LIMIT on indexes, and stores migrated from version 2."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import timedelta

import pytest

from tintuc_feed.feeds.common import newest_first
from tintuc_feed.store import SCHEMA_VERSION, Store
from tintuc_feed.store_queries import FIRST_COPY, NEWEST
from tintuc_feed.store_schema import MIGRATIONS, migrate

from .conftest import NOW, make_article


def fill(store: Store) -> None:
    """Six articles over two sources and provinces, two sharing one instant, one undated, one republished."""
    for i in range(6):
        store.upsert(make_article(url=f"https://cand.com.vn/tin-{i}/", title=f"Tin {i}", content_text=f"Bài {i}.",
                                  published=NOW - timedelta(hours=i // 2) if i != 5 else None,
                                  source_id="cand" if i % 2 else "thanh-hoa",
                                  province="Thanh Hóa" if i % 3 else "Hà Nội"),
                     now=NOW + timedelta(minutes=i))
    store.upsert(make_article(url="https://other.vn/copy/", source_id="other"), now=NOW + timedelta(days=1))
    store.upsert(make_article(), now=NOW)


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_reads_are_the_newest_items_in_feed_order(store, limit):
    fill(store)
    every, merged = store.articles(), store.merged_articles()
    with store.snapshot() as reader:
        assert reader.newest(limit) == newest_first(every)[:limit]
        assert reader.newest(limit, source_id="cand") == newest_first(
            a for a in every if a.article.source_id == "cand")[:limit]
        assert reader.newest(limit, province="Thanh Hóa") == newest_first(
            a for a in every if a.article.province == "Thanh Hóa")[:limit]
        assert reader.merged_newest(limit) == newest_first(merged)[:limit]
        assert list(reader.all_newest()) == newest_first(every)
        assert reader.provinces() == {"Thanh Hóa", "Hà Nội"}
        assert reader.source_ids() == {"cand", "thanh-hoa", "other"}
        assert reader.newest_updated() == max(a.updated for a in every)
    assert any(a.also_published_at for a in merged)


def test_snapshot_is_one_view_and_nests(store):
    fill(store)
    with store.snapshot() as reader, store.snapshot() as inner:
        before = reader.newest(100)
        with Store(store.location) as writer:  # another connection writes meanwhile
            writer.upsert(make_article(url="https://cand.com.vn/late/", published=NOW + timedelta(days=9)), now=NOW)
        assert inner.newest(100) == before
    assert len(store.articles()) == len(before) + 1


@pytest.mark.parametrize("where", ["", "WHERE a.source_id = 'x'", "WHERE a.province = 'x'", f"WHERE {FIRST_COPY}"])
def test_feed_queries_walk_an_index_without_sorting(sqlite_store, where):
    plan = sqlite_store._db.execute(f"EXPLAIN QUERY PLAN SELECT a.* FROM articles a {where} {NEWEST} LIMIT 5").fetchall()
    details = " | ".join(row["detail"] for row in plan)
    assert "TEMP B-TREE" not in details, details
    assert "SCAN a USING INDEX articles_newest" in details or "SEARCH a USING INDEX" in details, details


def test_newest_updated_and_source_counts_use_indexes(sqlite_store):
    for sql in ("SELECT MAX(updated) FROM articles",
                "SELECT SUM(first_seen >= ?), MAX(published), MAX(first_seen) FROM articles WHERE source_id = ?"):
        rows = sqlite_store._db.execute(f"EXPLAIN QUERY PLAN {sql}", ("a", "b")[: sql.count("?")])
        details = " | ".join(r["detail"] for r in rows)
        assert "COVERING INDEX" in details, details


def test_a_version_2_store_migrates_and_keeps_its_articles(tmp_path):
    path = tmp_path / "v2.sqlite"
    with Store(path) as store:
        fill(store)
        expected = newest_first(store.merged_articles())
    db = sqlite3.connect(path, isolation_level=None)  # back to version 2: its indexes, no migration 3
    for name in ("articles_newest", "articles_source_newest", "articles_province_newest", "articles_source_seen",
                 "articles_updated"):
        db.execute(f"DROP INDEX {name}")
    db.execute("CREATE INDEX articles_source_sort ON articles (source_id, sort_ts DESC)")
    db.execute("CREATE INDEX articles_sort ON articles (sort_ts DESC)")
    db.execute("CREATE INDEX articles_province ON articles (province)")
    db.execute("UPDATE articles SET cluster_id = NULL WHERE id = 1")  # a story from before clusters
    db.execute("ALTER TABLE run_sources DROP COLUMN refused")  # migration 4's columns
    db.execute("ALTER TABLE run_sources DROP COLUMN notes")
    db.execute("ALTER TABLE run_sources DROP COLUMN worker")  # added by migration 5
    db.execute("PRAGMA user_version = 2")
    assert migrate(db, MIGRATIONS[:2]) == 2
    db.close()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"articles_newest", "articles_updated"} <= names and "articles_sort" not in names
        with store.snapshot() as reader:
            assert reader.merged_newest(100) == newest_first(store.merged_articles())
            assert [dataclasses.replace(a, also_published_at=()) for a in reader.merged_newest(100)] == [
                dataclasses.replace(a, also_published_at=()) for a in expected]
