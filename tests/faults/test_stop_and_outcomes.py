"""Stopping and killing crawls: bounded stop, outcomes recorded right (issue 9, items 7, 10, 12).

Real processes: `tintuc-feed run` / `crawl` against the sample site, crawl
children stopped with SIGSTOP (a crawl stuck where SIGTERM cannot act) or
killed with SIGKILL, signals sent the way systemd and a terminal send them.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time

import feedparser
from support import run_cli
from test_operations import descendants, start_cli, wait_for

from faults.hostile import source_status
from tintuc_feed.runner import STOP_GRACE_SECONDS
from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml

STOP_BOUND = STOP_GRACE_SECONDS + 60  # grace, then publishing on a loaded machine: far below the old --timeout


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def rows(db) -> list[sqlite3.Row]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute("SELECT * FROM run_sources ORDER BY run_id").fetchall()
    except sqlite3.OperationalError:  # the schema is being created
        return []


def setup(tmp_path, site):
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site.url), "utf-8")
    return sources, tmp_path / "t.db", tmp_path / "out"


def test_run_stops_within_the_grace_when_its_crawl_ignores_sigterm(tmp_path):
    with SampleSite(article_delay=0.5) as site:
        sources, db, out = setup(tmp_path, site)
        proc = start_cli("run", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0",
                         "--jitter", "0", "--timeout", "3600")
        try:
            wait_for(lambda: stored(db) >= 1, 90, "a first article stored")
            children = descendants(proc.pid)
            assert children
            for pid in children:
                os.kill(pid, signal.SIGSTOP)  # stuck: SIGTERM stays pending, only SIGKILL acts
            os.killpg(proc.pid, signal.SIGTERM)
            stdout, stderr = proc.communicate(timeout=STOP_BOUND)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, stderr
    assert "stopped cleanly" in stdout and "did not stop within" in stderr
    assert not any(os.path.exists(f"/proc/{pid}") for pid in children)  # killed and reaped
    (row,) = rows(db)
    assert row["finished"] and not row["ok"] and row["error"].startswith("interrupted")
    assert row["new"] == stored(db) >= 1  # counted from the store: the child never got to count
    assert len(feedparser.parse((out / "rss" / f"{SOURCE_ID}.xml").read_bytes()).entries) == stored(db)


def test_a_killed_crawl_child_does_not_record_new_0(tmp_path):
    with SampleSite(article_delay=0.5) as site:
        sources, db, out = setup(tmp_path, site)
        proc = start_cli("crawl", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        wait_for(lambda: stored(db) >= 2, 90, "two articles stored")
        for pid in descendants(proc.pid):
            os.kill(pid, signal.SIGKILL)
        stdout, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1
    (row,) = rows(db)
    assert not row["ok"] and row["new"] == stored(db) >= 2
    line = next(x for x in stdout.splitlines() if x.startswith(SOURCE_ID))
    assert line.split()[1:4] == ["FAILED", "0", str(stored(db))]


def test_an_early_sigterm_to_run_keeps_the_outcome_of_a_spider_that_finished(tmp_path):
    """The crawl child is caught between recording its source's outcome and exiting, then stuck:
    `run` kills it after the grace, and the source stays ok (it was crawled)."""
    with SampleSite() as site:
        sources, db, out = setup(tmp_path, site)
        proc = start_cli("run", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0",
                         "--jitter", "0", "--interval", "0.02")
        caught = None
        try:
            deadline = time.monotonic() + 120
            while caught is None and time.monotonic() < deadline:
                children = descendants(proc.pid)
                done = [r for r in rows(db) if r["finished"]]
                if children and len(done) == len(rows(db)) and done:
                    for pid in children:
                        os.kill(pid, signal.SIGSTOP)
                    if len(rows(db)) == len(done) and all(os.path.exists(f"/proc/{p}") for p in children):
                        caught = done[-1]["run_id"]
                    else:
                        for pid in children:
                            os.kill(pid, signal.SIGCONT)
                time.sleep(0.01)
            assert caught, "never caught a crawl child after its spider finished"
            os.killpg(proc.pid, signal.SIGTERM)
            _, stderr = proc.communicate(timeout=STOP_BOUND)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, stderr
    row = next(r for r in rows(db) if r["run_id"] == caught)
    assert row["ok"] == 1, dict(row)


def test_a_crawl_stopped_by_sigterm_publishes_what_it_stored(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    with SampleSite(root=root, article_delay=0.7) as site:
        sources, db, out = setup(tmp_path, site)
        proc = start_cli("crawl", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        wait_for(lambda: stored(db) >= 2, 90, "two articles stored")
        os.kill(proc.pid, signal.SIGTERM)
        _, stderr = proc.communicate(timeout=STOP_BOUND)
    assert proc.returncode == 130, stderr
    count = stored(db)
    assert 2 <= count
    parsed = feedparser.parse((out / "rss" / f"{SOURCE_ID}.xml").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == count


def test_the_systemd_unit_gives_run_time_to_stop():
    from support import REPO

    unit = dict(line.split("=", 1) for line in (REPO / "deploy" / "tintuc-feed.service").read_text().splitlines()
                if "=" in line and not line.startswith("#"))
    assert unit["KillMode"] == "mixed"  # SIGTERM to `run` only: it forwards one to each crawl
    assert int(unit["TimeoutStopSec"]) >= STOP_GRACE_SECONDS + 60


def test_a_run_whose_processes_were_all_killed_is_closed_as_interrupted_at_the_next_start(tmp_path):
    with SampleSite(article_delay=0.5) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url) + sources_toml(site.url, "other"),
                           "utf-8")
        db, out = tmp_path / "t.db", tmp_path / "out"
        common = ("--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        proc = start_cli("crawl", *common, "--source", SOURCE_ID)
        wait_for(lambda: stored(db) >= 2, 90, "two articles stored")
        for pid in [proc.pid, *descendants(proc.pid)]:  # parent and child: nobody left to record the outcome
            os.kill(pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        killed = stored(db)
        (row,) = rows(db)
        assert row["finished"] is None  # as the killed processes left it
        result = run_cli("crawl", *common, "--source", "other")  # the next start closes it
    assert result.returncode == 0, result.stderr
    row = next(r for r in rows(db) if r["source_id"] == SOURCE_ID)
    assert row["finished"] and not row["ok"] and row["error"].startswith("interrupted")
    assert row["new"] == killed
    status = source_status(out, SOURCE_ID)
    assert status["consecutive_failures"] == 1 and status["last_error"].startswith("interrupted")
