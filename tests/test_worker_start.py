"""How the crawl's page-reading workers start (crawler/workers.py): below the crawl's priority, from a fork
server started ahead of the first page the pool reads; list pages (urgent calls) read inline until the pool
runs, then by a worker of their own at the crawl's priority, never queued behind the pool's pages.

A real reactor and real pools in their own interpreter, as in test_fork_server.py.
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
    import json, os, sys, time
    sys.path.insert(0, sys.argv[1])
    from twisted.internet import defer, task
    from crawler.workers import Readers, WORKER_NICENESS
    from support import touch, wait_for_file

    def cmdlines():
        # multiprocessing's resource tracker stays until the crawl process exits
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as f:
            pids = f.read().split()
        return [open(f"/proc/{p}/cmdline", "rb").read().replace(b"\\0", b" ").decode() for p in pids
                if b"resource_tracker" not in open(f"/proc/{p}/cmdline", "rb").read()]

    def children():
        # a child just forked shows an empty or its parent's command line until it has exec'd: wait for that
        for _ in range(200):
            found = cmdlines()
            if all(c and "forkserver" in c for c in found):
                return found
            time.sleep(0.05)
        return found

    @defer.inlineCallbacks
    def main(reactor):
        readers = Readers(workers=1, warmup=3, prestart=2)
        seen = {"crawl": os.getpid(), "crawl_niceness": os.nice(0), "step": WORKER_NICENESS}
        seen["urgent_first"] = yield readers.call(os.getpid, urgent=True)  # no pool yet: inline, not counted
        seen["after_1"] = [(yield readers.call(os.getpid)), children()]
        seen["after_2"] = [(yield readers.call(os.getpid)), children(), readers._pool is None]
        yield readers.call(os.getpid)
        seen["worker_niceness"] = yield readers.call(os.nice, 0)  # the 4th call: read in the pool
        seen["urgent_pid"] = yield readers.call(os.getpid, urgent=True)
        seen["urgent_niceness"] = yield readers.call(os.nice, 0, urgent=True)
        # The pool's one worker waits for a file that only the urgent call writes (60 s at most).
        flag = os.path.join(sys.argv[2], "flag")
        held = [readers.call(wait_for_file, flag, 60) for _ in range(2)]
        seen["urgent"] = yield readers.call(touch, flag, urgent=True)
        seen["held"] = yield defer.gatherResults(held)
        readers.close()
        seen["left"] = children()
        print(json.dumps(seen))

    task.react(main)
""")


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(TESTS), str(tmp_path_factory.mktemp("flag"))],
                          check=False, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc to list the crawl's children")
def test_the_fork_server_starts_during_the_warmup_before_any_page_is_read_in_the_pool(seen):
    pid_1, children_1 = seen["after_1"]
    pid_2, children_2, no_pool = seen["after_2"]
    assert children_1 == []  # one page read: nothing started (a crawl of a page or two never starts one)
    assert no_pool and len(children_2) == 1 and "forkserver" in children_2[0]
    assert pid_1 == pid_2 == seen["crawl"]  # the warmup pages are still read in the crawl process
    assert seen["left"] == []  # closed: the pools and the fork server stopped and reaped


def test_workers_run_below_the_crawl_processs_priority(seen):
    assert seen["worker_niceness"] == min(19, seen["crawl_niceness"] + seen["step"])


def test_urgent_calls_are_read_inline_until_the_pool_runs_then_by_a_worker_at_the_crawls_priority(seen):
    assert seen["urgent_first"] == seen["crawl"]  # and not counted: the 4th article call was the first pooled
    assert seen["urgent_pid"] != seen["crawl"]
    assert seen["urgent_niceness"] == seen["crawl_niceness"]


def test_an_urgent_call_is_not_queued_behind_the_pools_pages(seen):
    assert seen["urgent"] == "written"
    assert seen["held"] == ["found", "found"]  # neither waited its 60 s out
