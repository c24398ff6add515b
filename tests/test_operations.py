"""Operations: `tintuc-feed run` on a schedule with a clean SIGTERM, and a crawl
killed with SIGKILL that leaves the store and the last good feeds intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import feedparser
import pytest
from support import run_cli

from tintuc_feed.sample_site import SOURCE_ID, SampleSite, sources_toml


def start_cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, TINTUC_LOG_LEVEL="WARNING")
    return subprocess.Popen([sys.executable, "-m", "tintuc_feed.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)


def finished_runs(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM run_sources WHERE finished IS NOT NULL").fetchone()[0]
        except sqlite3.OperationalError:  # schema not created yet
            return 0


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def test_run_crawls_in_rounds_and_stops_cleanly_on_sigterm(tmp_path, sample_sources):
    db, out = tmp_path / "t.db", tmp_path / "out"
    proc = start_cli("run", "--sources", str(sample_sources), "--db", str(db), "--output", str(out),
                     "--delay", "0", "--interval", "0.05", "--jitter", "0")
    try:
        wait_for(lambda: finished_runs(db) >= 2, 90, "two rounds of crawling")
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, stderr
    assert "stopped cleanly" in stdout
    parsed = feedparser.parse((out / "rss" / f"{SOURCE_ID}.xml").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == 6


def test_sigkill_mid_crawl_leaves_store_and_feeds_intact_and_next_run_completes(tmp_path):
    db, out = tmp_path / "t.db", tmp_path / "out"
    with SampleSite(article_delay=0.4) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        first = run_cli("crawl", *common)
        assert first.returncode == 0, first.stderr
        feed = out / "rss" / f"{SOURCE_ID}.xml"
        good = feed.read_bytes()
        seen = len(site.requests)
        proc = start_cli("crawl", "--refresh", *common)
        wait_for(lambda: sum(p.endswith(".html") for _, p in site.requests[seen:]) >= 2, 60, "the crawl to be mid-way")
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its crawl child, no chance to clean up
        proc.communicate(timeout=30)
        assert feed.read_bytes() == good  # the last good feed is untouched
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6
        again = run_cli("crawl", "--refresh", *common)
    assert again.returncode == 0, again.stderr
    assert len(feedparser.parse(feed.read_bytes()).entries) == 6
