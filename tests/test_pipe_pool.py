"""The crawl's worker pool without threads (crawler/pipe_pool.py): calls and answers over socket pairs.

A real reactor (the asyncio one Scrapy installs) and real worker processes from a real fork server, in
their own interpreter.  What it must keep: every answer reaches its own call, whatever its size (pages of
several MB are sent through a socket that takes far less at once); a worker's exception reaches the caller;
the reactor goes on turning while workers read; the crawl process starts no thread for it (the reason for
it: concurrent.futures' threads took the GIL from the reactor); a worker that dies fails its calls and the
queued ones at once instead of leaving them unanswered; shutting down leaves no process behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent

SCRIPT = textwrap.dedent("""
    import json, os, signal, sys, threading, time
    sys.path.insert(0, sys.argv[1])
    from twisted.internet import asyncioreactor
    asyncioreactor.install()
    from twisted.internet import defer, task
    from crawler.pipe_pool import PipePool, PoolBroken
    from crawler.workers import _context, _stop_fork_server

    def children():
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as f:
            pids = f.read().split()
        return [int(p) for p in pids if b"resource_tracker" not in open(f"/proc/{p}/cmdline", "rb").read()]

    def outcome(deferred):
        return deferred.addCallbacks(lambda v: ["ok", v], lambda f: ["error", f.type.__name__, str(f.value)])

    @defer.inlineCallbacks
    def main(reactor):
        seen = {"threads_before": threading.active_count()}
        pool = PipePool(2, _context())
        sizes = [0, 1, 70_000, 3_000_000, 10, 5_000_000, 123]
        seen["sizes"] = yield defer.gatherResults([pool.submit(len, b"x" * n) for n in sizes])
        seen["pids"] = sorted(set((yield defer.gatherResults([pool.submit(os.getpid) for _ in range(8)]))))
        seen["error"] = yield outcome(pool.submit(int, "not a number"))
        ticks = []
        clock = task.LoopingCall(lambda: ticks.append(1))
        clock.start(0.01)
        yield defer.gatherResults([pool.submit(time.sleep, 0.5) for _ in range(2)])
        clock.stop()
        seen["ticks_while_reading"] = len(ticks)
        seen["threads_after"] = threading.active_count()
        pool.shutdown()

        pool = PipePool(1, _context())  # one worker, two calls in it and two queued in the crawl process
        held = [outcome(pool.submit(time.sleep, 60)) for _ in range(4)]
        worker = pool._workers[0].process.pid
        yield task.deferLater(reactor, 0.5, lambda: None)  # the worker is sleeping in its first call
        started = time.monotonic()
        os.kill(worker, signal.SIGKILL)
        seen["held"] = yield defer.gatherResults(held)
        seen["held_seconds"] = time.monotonic() - started
        try:
            pool.submit(os.getpid)
            seen["after_death"] = "accepted"
        except PoolBroken:
            seen["after_death"] = "PoolBroken"
        pool.shutdown()
        _stop_fork_server()
        seen["left"] = children()
        print(json.dumps(seen))

    task.react(main)
""")


@pytest.fixture(scope="module")
def seen():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(TESTS)], check=False, capture_output=True, text=True,
                          timeout=240, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc to list children")


def test_every_answer_reaches_its_own_call_whatever_its_size(seen):
    assert seen["sizes"] == [0, 1, 70_000, 3_000_000, 10, 5_000_000, 123]


def test_calls_are_spread_over_the_workers(seen):
    assert len(seen["pids"]) == 2


def test_a_workers_exception_reaches_the_caller(seen):
    kind, name, message = seen["error"]
    assert (kind, name) == ("error", "ValueError") and "not a number" in message


def test_the_reactor_turns_while_the_workers_read(seen):
    assert seen["ticks_while_reading"] >= 5  # half a second of reading; a blocked reactor would tick once


def test_the_crawl_process_starts_no_thread_for_the_pool(seen):
    assert seen["threads_after"] == seen["threads_before"]


def test_a_dead_worker_fails_its_calls_and_the_queued_ones_at_once(seen):
    assert [h[:2] for h in seen["held"]] == [["error", "PoolBroken"]] * 4
    assert seen["held_seconds"] < 30  # not the minute the calls would have slept
    assert seen["after_death"] == "PoolBroken"


def test_nothing_is_left_running_after_shutdown(seen):
    assert seen["left"] == []
