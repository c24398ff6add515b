"""Migrations (PRAGMA user_version), refusal of newer or foreign files, and crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from tintuc_feed.store import SCHEMA_VERSION, SchemaVersionError, Store, StoreError
from tintuc_feed.store_schema import MIGRATIONS, migrate

from .conftest import NOW, make_article


def test_new_file_is_at_current_version_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrates_from_version_0_and_each_step(tmp_path):
    """An empty (version 0) file and a version-1 file with data both reach the current version."""
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, MIGRATIONS[:1])
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.execute(
        "INSERT INTO articles (guid, url_key, first_seen, updated, sort_ts, content_hash, url, source_id, title,"
        " title_raw, content_html, content_text, authors, credits, tags) VALUES ('tag:tintuc-feed,2025:x.vn/a',"
        " 'x.vn/a', '2025-07-01T00:00:00+07:00', '2025-07-01T00:00:00+07:00', 0, 'h', 'https://x.vn/a', 'x', 'T',"
        " 'T', '<p>b</p>', 'b', '[]', '[]', '[]')"
    )
    db.execute("INSERT INTO aliases VALUES ('x.vn/a', 1, 'https://x.vn/a', '2025-07-01T00:00:00+07:00')")
    db.close()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [old] = store.articles()
        assert old.guid == "tag:tintuc-feed,2025:x.vn/a"
        assert store.has_url("http://www.x.vn/a/")
        assert store.upsert(make_article(), now=NOW).status == "new"
        assert len(store.merged_articles()) == 2


def test_migration_is_idempotent(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    Store(path).close()
    db = sqlite3.connect(path)
    assert migrate(db) == SCHEMA_VERSION


def test_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaVersionError, match="newer than this tintuc-feed knows"):
        Store(path)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 42")
    db.close()
    with pytest.raises(StoreError, match="not a tintuc-feed store"):
        Store(path)


def test_failed_migration_rolls_back(tmp_path):
    db = sqlite3.connect(tmp_path / "s.sqlite", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, MIGRATIONS[:1] + ["CREATE TABLE ok (x);\nCREATE TABLE articles (x);"])
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'ok'").fetchone() is None


WRITER = textwrap.dedent(
    """
    import dataclasses, sys
    from datetime import timedelta
    sys.path.insert(0, {tests!r})
    from store.conftest import BODY, NOW, make_article
    from tintuc_feed.store import Store
    with Store({path!r}) as store:
        i = 0
        while True:
            article = make_article(url=f"https://cand.com.vn/a-i{{i}}/", content_text=f"Bài {{i}}. " + BODY)
            store.upsert(article, now=NOW + timedelta(seconds=i))
            if i == 50:
                print("ready", flush=True)
            i += 1
    """
)


def test_killed_writer_leaves_consistent_store(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    tests_dir = os.path.dirname(os.path.dirname(__file__))
    code = WRITER.format(tests=tests_dir, path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready", proc.stderr.read()
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        db = store._db
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        n = store.count("articles")
        assert n > 50
        # every article has its alias and its signature: no half-written upsert
        assert (
            db.execute("SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM aliases)").fetchone()[0]
            == 0
        )
        assert store.count("signatures") == n
        assert db.execute("SELECT COUNT(*) FROM articles WHERE cluster_id IS NULL").fetchone()[0] == 0
        # and the store goes on working
        assert store.upsert(make_article(url=f"https://cand.com.vn/a-i{n + 1000}/"), now=NOW).status == "new"
