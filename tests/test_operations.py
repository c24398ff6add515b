"""Operations: `tintuc-feed run` on a schedule with a clean SIGTERM, and a crawl
killed with SIGKILL that leaves the store and the last good feeds intact."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
from support import add_articles, run_cli

from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml


def start_cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ)
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


def run_rows(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT source_id, ok, error FROM run_sources WHERE finished IS NOT NULL").fetchall()


def descendants(pid: int) -> list[int]:
    """Every process below pid (from /proc), children first."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children + [d for c in children for d in descendants(c)]


def test_run_crawls_in_rounds_and_stops_cleanly_when_its_process_group_gets_sigterm(tmp_path):
    """systemd (KillMode=control-group) and Ctrl-C signal the whole group, here in the middle
    of a crawl: the crawl child must still get one SIGTERM only, close cleanly and record its outcome."""
    db, out = tmp_path / "t.db", tmp_path / "out"
    with SampleSite(article_delay=0.3) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        proc = start_cli("run", "--sources", str(sources), "--db", str(db), "--output", str(out), "--refresh",
                         "--delay", "0", "--interval", "0.05", "--jitter", "0")
        try:
            wait_for(lambda: finished_runs(db) >= 2, 90, "two rounds of crawling")
            mark = len(site.requests)
            wait_for(lambda: any(p.endswith(".html") for _, p in site.requests[mark:]), 30, "a crawl in progress")
            os.killpg(proc.pid, signal.SIGTERM)
            stdout, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, stderr
    assert "stopped cleanly" in stdout
    assert "unclean shutdown" not in stderr
    assert all(ok for _, ok, _ in run_rows(db)), run_rows(db)
    parsed = feedparser.parse((out / "rss" / f"{SOURCE_ID}.xml").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == 6


def test_sigkill_mid_crawl_leaves_store_and_feeds_intact_and_the_next_run_completes_it(tmp_path):
    db, out, root = tmp_path / "t.db", tmp_path / "out", tmp_path / "site"
    shutil.copytree(site_root(), root)
    with SampleSite(root=root, article_delay=0.5) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        assert run_cli("crawl", *common).returncode == 0
        feed = out / "rss" / f"{SOURCE_ID}.xml"
        good = feed.read_bytes()
        new = add_articles(root, 3)
        seen = len(site.requests)
        proc = start_cli("crawl", *common)
        wait_for(lambda: any(p in new for _, p in site.requests[seen:]), 60, "the crawl to reach a new article")
        for pid in [proc.pid, *descendants(proc.pid)]:  # the command and its crawl child: no chance to clean up
            os.kill(pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        assert feed.read_bytes() == good  # the last good feed is untouched
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] < 9
        again = run_cli("crawl", *common)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 9
    assert len(feedparser.parse(feed.read_bytes()).entries) == 9


def test_a_crawl_over_its_time_limit_fails_with_the_reason(tmp_path):
    with SampleSite(article_delay=1.5) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output",
                         str(tmp_path / "out"), "--delay", "0", "--timeout", "2")
    assert result.returncode == 1
    assert f"{SOURCE_ID}: failed: the crawl took longer than 2 s" in result.stderr


def test_a_crawl_whose_command_is_killed_stops_by_itself(tmp_path):
    """SIGKILL to `tintuc-feed crawl` alone: its crawl child (in its own session) notices and closes."""
    with SampleSite(article_delay=1.0) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        proc = start_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output",
                         str(tmp_path / "out"), "--delay", "0")
        wait_for(lambda: any(p.endswith(".html") for _, p in site.requests), 60, "the crawl to start")
        children = descendants(proc.pid)
        assert children
        proc.kill()
        proc.communicate(timeout=30)
        wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in children), 30, "the orphaned crawl to stop")


def test_publishers_of_one_output_folder_take_turns(tmp_path, sample_sources):
    import fcntl

    db, out = tmp_path / "t.db", tmp_path / "out"
    assert run_cli("crawl", "--sources", str(sample_sources), "--db", str(db), "--output", str(out),
                   "--delay", "0").returncode == 0
    with open(out / ".publish.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another publisher is writing
        proc = start_cli("build", "--sources", str(sample_sources), "--db", str(db), "--output", str(out))
        time.sleep(3)
        assert proc.poll() is None  # it waits for its turn
        fcntl.flock(lock, fcntl.LOCK_UN)
        proc.communicate(timeout=60)
    assert proc.returncode == 0
