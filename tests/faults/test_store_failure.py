"""A store that refuses writes mid-crawl fails the source, loudly (issue 9, item 3).

The fault is real: the crawl child's file size limit (RLIMIT_FSIZE, set on the
running child with prlimit) is lowered to the size its store files have, so the
next write SQLite makes fails with EFBIG, as on a full disk.
"""

from __future__ import annotations

import resource
import shutil
import sqlite3

from support import add_articles, run_cli
from test_operations import descendants, start_cli, wait_for

from faults.hostile import source_status
from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml


def test_a_store_that_refuses_writes_fails_the_source_and_loses_nothing(tmp_path):
    db, out, root = tmp_path / "t.db", tmp_path / "out", tmp_path / "site"
    shutil.copytree(site_root(), root)
    with SampleSite(root=root, article_delay=1.0) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        assert run_cli("crawl", *common).returncode == 0
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        new = add_articles(root, 3)
        proc = start_cli("crawl", *common)
        wait_for(lambda: bool(descendants(proc.pid)), 60, "the crawl child")
        child = descendants(proc.pid)[0]
        wait_for(lambda: any(p in new for _, p in site.requests), 60, "the crawl to reach a new article")
        wal = db.with_name(db.name + "-wal")
        limit = max(wal.stat().st_size if wal.exists() else 0, 1)
        resource.prlimit(child, resource.RLIMIT_FSIZE, (limit, limit))  # the disk is full from now on
        stdout, stderr = proc.communicate(timeout=180)
        failed_status = source_status(out, SOURCE_ID)
        again = run_cli("crawl", *common)  # the disk has room again: nothing was lost
    assert proc.returncode == 1, stderr
    assert "could not store" in stderr and ("disk is full" in stderr or "disk I/O error" in stderr)
    assert f"{SOURCE_ID}: failed:" in stderr
    line = next(x for x in stdout.splitlines() if x.startswith(SOURCE_ID))
    assert line.split()[1] == "FAILED"
    assert failed_status["consecutive_failures"] == 1 and "store refused a write" in failed_status["last_error"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 9
    assert source_status(out, SOURCE_ID)["consecutive_failures"] == 0
