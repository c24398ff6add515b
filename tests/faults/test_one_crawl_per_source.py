"""One crawl of a source at a time on a store, across processes (src/tintuc_feed/source_locks.py), and a killed
crawl's lock never blocks the next run.  Real processes (`tintuc-feed crawl` / `run`), a real SQLite store,
the sample site on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from itertools import pairwise
from pathlib import Path

from support import run_cli
from test_operations import descendants, start_cli, wait_for

from tintuc_feed.sample_site import SOURCE_ID, SampleSite, sources_toml

ARTICLES = 6  # the sample site's


def article_requests(site: SampleSite, since: int = 0) -> list[str]:
    return [p for _, p in site.requests[since:] if p.endswith(".html")]


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def count(db: Path, table: str, where: str = "") -> int:
    """Rows of a table, 0 while the store is being created."""
    try:
        return query(db, f"SELECT COUNT(*) FROM {table} {where}")[0][0] if db.exists() else 0
    except sqlite3.OperationalError:  # no such table yet
        return 0


def common(tmp_path: Path, site: SampleSite) -> tuple[str, ...]:
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site.url), "utf-8")
    return ("--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "out"),
            "--delay", "0")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)


def test_a_second_crawl_of_a_source_being_crawled_is_skipped_with_who_holds_it(tmp_path):
    db = tmp_path / "t.db"
    with SampleSite(article_delay=1.5) as site:  # the first crawl takes ~10 s
        args = common(tmp_path, site)
        first = start_cli("crawl", *args)
        try:
            wait_for(lambda: article_requests(site), 60, "the first crawl to reach an article")
            second = run_cli("crawl", *args, timeout=120)
            _, first_err = first.communicate(timeout=120)
        finally:
            stop(first)
    assert second.returncode == 1
    said = f"{SOURCE_ID}: failed: skipped: another crawl of this source is running on this store (pid {first.pid} "
    assert said in second.stderr, second.stderr
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, first_err
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == ARTICLES
    assert query(db, "SELECT COUNT(*) FROM run_sources") == [(1,)]  # the second crawl started no run of it
    assert sorted(article_requests(site)) == sorted(set(article_requests(site)))  # each article asked once


def test_a_killed_crawl_leaves_no_lock_behind_and_the_next_run_fetches_only_what_is_missing(tmp_path):
    db = tmp_path / "t.db"
    with SampleSite(article_delay=1.0) as site:
        args = common(tmp_path, site)
        killed = start_cli("crawl", *args)
        try:
            wait_for(lambda: count(db, "articles") >= 2, 90, "the crawl to store two articles")
            for pid in [killed.pid, *descendants(killed.pid)]:  # no chance to clean up
                os.kill(pid, signal.SIGKILL)
            killed.communicate(timeout=30)
        finally:
            stop(killed)
        assert (tmp_path / "t.db.runs" / f"source-{SOURCE_ID}.lock").exists()  # the file stays; its lock went
        stored = {url.split("/", 3)[3] for (url,) in query(db, "SELECT url FROM articles")}
        assert 2 <= len(stored) < ARTICLES
        mark = len(site.requests)
        again = run_cli("crawl", *args, timeout=120)
        fetched = {p.lstrip("/") for p in article_requests(site, mark)}
    assert again.returncode == 0, again.stderr
    assert "another crawl" not in again.stderr
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == ARTICLES
    assert not fetched & stored  # what the killed crawl stored is not fetched again
    assert len(fetched) == ARTICLES - len(stored)
    assert ("interrupted: the crawl's processes were killed before this source finished",) in query(
        db, "SELECT error FROM run_sources WHERE ok = 0")


def test_run_never_overlaps_its_own_crawls_and_a_crawl_beside_it_is_skipped(tmp_path):
    db = tmp_path / "t.db"
    with SampleSite(article_delay=1.0) as site:  # a crawl takes ~7 s, the interval is 1.2 s
        args = common(tmp_path, site)
        run = start_cli("run", *args, "--refresh", "--interval", "0.02", "--jitter", "0")
        try:
            def rounds() -> int:
                return count(db, "run_sources", "WHERE finished IS NOT NULL")

            wait_for(lambda: rounds() >= 1, 90, "a first round")
            mark = len(site.requests)
            wait_for(lambda: article_requests(site, mark), 30, "the next round's crawl")
            beside = run_cli("crawl", *args, timeout=120)
            wait_for(lambda: rounds() >= 3, 120, "three rounds")
            os.killpg(run.pid, signal.SIGTERM)
            _, run_err = run.communicate(timeout=60)
        finally:
            stop(run)
    assert run.returncode == 0, run_err
    assert beside.returncode == 1
    assert f"{SOURCE_ID}: failed: skipped: another crawl of this source is running on this store (pid {run.pid} " \
        in beside.stderr
    spans = query(db, "SELECT started, finished FROM run_sources WHERE finished IS NOT NULL ORDER BY started")
    assert len(spans) >= 3
    assert all(before[1] <= after[0] for before, after in pairwise(spans)), spans


def test_run_meeting_a_source_another_crawl_holds_says_so_and_crawls_it_once_free(tmp_path):
    db = tmp_path / "t.db"
    with SampleSite(article_delay=1.0) as site:
        args = common(tmp_path, site)
        held = start_cli("crawl", *args)
        run = None
        try:
            wait_for(lambda: article_requests(site), 60, "the crawl to reach an article")
            run = start_cli("run", *args, "--interval", "0.02", "--jitter", "0")
            _, held_err = held.communicate(timeout=120)
            wait_for(lambda: count(db, "run_sources", "WHERE finished IS NOT NULL") >= 2, 120, "run's own crawl")
            os.killpg(run.pid, signal.SIGTERM)
            _, run_err = run.communicate(timeout=60)
        finally:
            stop(held)
            if run is not None:
                stop(run)
    assert held.returncode == 0, held_err
    assert run.returncode == 0, run_err
    warning = [line for line in run_err.splitlines() if "another crawl of this source is running" in line]
    assert warning and "WARNING" in warning[0] and f"(pid {held.pid} " in warning[0], run_err
    assert count(db, "articles") == ARTICLES
