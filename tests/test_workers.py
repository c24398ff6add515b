"""Two workers and a scheduler on a real Redis and PostgreSQL crawl like one process does.

Everything is real: three copies of the sample site on 127.0.0.1, a
throwaway redis-server and PostgreSQL cluster (tests/servers.py), and
`tintuc-feed run --queue` / `tintuc-feed worker` processes.
"""

from __future__ import annotations

import signal
import time
from collections import Counter

import pytest
from support import run_cli
from workers_support import (
    SOURCE_IDS,
    ThreeSites,
    article_keys,
    different_files,
    fix_crawl_times,
    kill_session,
    runs,
    start,
    stop,
    wait_for,
)


def worker_args(redis_url, db, sources, out, *extra):
    return ("worker", "--queue", redis_url, "--db", db, "--sources", sources, "--output", out, "--delay", "0",
            *extra)


def finished(location, count):
    rows = runs(location)
    done = [r for r in rows if r["finished"] is not None]
    return rows if len(done) >= count else None


def test_two_workers_and_a_scheduler_crawl_each_source_once_like_one_process(tmp_path, redis_url, postgres_url):
    with ThreeSites(tmp_path) as sites:
        reference = run_cli("crawl", "--sources", str(sites.sources), "--db", str(tmp_path / "one.db"),
                            "--output", str(tmp_path / "one"), "--delay", "0")
        assert reference.returncode == 0, reference.stderr
        logs = [tmp_path / "scheduler.log", tmp_path / "w1.log", tmp_path / "w2.log"]
        workers = [start(*worker_args(redis_url, postgres_url, sites.sources, tmp_path / "out"), log=log)
                   for log in logs[1:]]
        scheduler = start("run", "--queue", redis_url, "--sources", sites.sources, "--db", postgres_url,
                          "--interval", "60", "--jitter", "0", log=logs[0])
        try:
            rows = wait_for(lambda: finished(postgres_url, 3), 300, "three crawls", logs)
            wait_for(lambda: (tmp_path / "out" / "rss" / "all.xml").is_file(), 60, "the feeds", logs)
        finally:
            stop(scheduler)
            for worker in workers:
                stop(worker)
    assert Counter(r["source_id"] for r in rows) == Counter(SOURCE_IDS)  # each source crawled once this round
    assert all(r["ok"] == 1 for r in rows), rows
    names = {f"{host}:{w.pid}" for w in workers for host in {r["worker"].split(":")[0] for r in rows}}
    assert {r["worker"] for r in rows} <= names
    assert article_keys(postgres_url) == article_keys(tmp_path / "one.db")  # no duplicate, none missing
    # The same crawl published from either store: first-seen times set equal, then every feed compared byte for byte.
    for location, out in ((tmp_path / "one.db", "one-b"), (postgres_url, "pg-b")):
        fix_crawl_times(location)
        built = run_cli("build", "--sources", str(sites.sources), "--db", str(location), "--output", str(tmp_path / out))
        assert built.returncode == 0, built.stderr
    assert different_files(tmp_path / "one-b", tmp_path / "pg-b") == []


@pytest.mark.parametrize("lost", ["worker process", "whole machine"])
def test_a_worker_killed_mid_crawl_has_its_job_finished_by_the_other(tmp_path, redis_url, postgres_url, lost):
    """SIGKILL to the worker's process group (its work horse, in a group of its own, notices and fails the job),
    or to every process of its session (no one left: RQ requeues the job when its heartbeat expires)."""
    with ThreeSites(tmp_path, article_delay=1.0) as sites:
        sources = tmp_path / "one-source.toml"  # one slow source: the kill lands mid-crawl
        sources.write_text(sites.sources.read_text("utf-8").split("\n[[source]]")[0], "utf-8")
        logs = [tmp_path / "scheduler.log", tmp_path / "first.log", tmp_path / "second.log"]
        args = (redis_url, postgres_url, sources, tmp_path / "out", "--dead-after", "6")
        first = start(*worker_args(*args), log=logs[1])
        scheduler = start("run", "--queue", redis_url, "--sources", sources, "--db", postgres_url,
                          "--interval", "60", "--jitter", "0", "--dead-after", "6", log=logs[0])
        second = None
        try:
            wait_for(lambda: _stored_some(postgres_url), 120, "the first articles", logs)
            if lost == "worker process":
                stop(first, signal.SIGKILL)
            else:
                kill_session(first)
            second = start(*worker_args(*args), log=logs[2])
            rows = wait_for(lambda: [r for r in runs(postgres_url) if r["finished"] and r["run_id"] > 1], 240,
                            "the retried crawl", logs)
            wait_for(lambda: (tmp_path / "out" / "rss" / "all.xml").is_file(), 60, "the feeds", logs)
        finally:
            stop(scheduler)
            if first.returncode is None:  # the test failed before the kill: no worker left behind
                stop(first, signal.SIGKILL)
            if second is not None:
                stop(second)
        reference = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "one.db"),
                            "--output", str(tmp_path / "one"), "--delay", "0")
        assert reference.returncode == 0, reference.stderr
    every = runs(postgres_url)
    assert len(every) == 2, every  # the killed crawl and its retry, nothing more
    killed, retried = every
    assert killed["worker"].endswith(f":{first.pid}") and killed["finished"] is not None  # closed, with the reason
    assert "stopped" in killed["error"], killed  # ok stays what the site gave: stopping a worker is no site failure
    assert retried["worker"].endswith(f":{second.pid}") and retried["ok"] == 1 and retried["error"] is None
    assert rows == [retried]
    assert article_keys(postgres_url) == article_keys(tmp_path / "one.db")  # nothing lost, nothing twice
    with_store = run_cli("build", "--sources", str(sources), "--db", postgres_url, "--output", str(tmp_path / "b"))
    assert with_store.returncode == 0, with_store.stderr


def _stored_some(location) -> bool:
    from tintuc_feed.store import Store

    with Store(location) as store:
        return store.count("articles") >= 2


def test_a_restarted_scheduler_keeps_each_sources_next_run(tmp_path, redis_url, postgres_url):
    """The schedule lives in Redis (APScheduler's RedisJobStore): a restart neither resets nor re-fires it."""
    from redis import Redis

    from tintuc_feed.workers.schedule import RUN_TIMES_KEY

    redis = Redis.from_url(redis_url)
    with ThreeSites(tmp_path) as sites:
        args = ("run", "--queue", redis_url, "--sources", sites.sources, "--db", postgres_url, "--interval", "60",
                "--jitter", "0")
        first = start(*args, log=tmp_path / "first.log")
        try:  # each source fires once at start (2 s apart), then is due in an hour
            wait_for(lambda: redis.llen("rq:queue:tintuc-crawl") == 3, 60, "three queued crawls", [tmp_path / "first.log"])
            wait_for(lambda: all(s > time.time() + 3000 for _, s in redis.zrange(RUN_TIMES_KEY, 0, -1, withscores=True)),
                     30, "the next runs in an hour", [tmp_path / "first.log"])
            before = redis.zrange(RUN_TIMES_KEY, 0, -1, withscores=True)
        finally:
            stop(first)
        second = start(*args, log=tmp_path / "second.log")
        try:
            wait_for(lambda: b"scheduled" in (tmp_path / "second.log").read_bytes(), 60, "the restart")
            time.sleep(3)  # a reset schedule would fire the first source now
            after = redis.zrange(RUN_TIMES_KEY, 0, -1, withscores=True)
        finally:
            stop(second)
    assert len(before) == 3 and after == before
    assert redis.llen("rq:queue:tintuc-crawl") == 3  # nothing enqueued twice
