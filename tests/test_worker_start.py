"""How the crawl's page-reading workers start (crawler/workers.py): below the crawl's priority, from a fork
server started ahead of the first page the pool reads.

A real reactor and a real pool in their own interpreter, as in test_fork_server.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

SCRIPT = textwrap.dedent("""
    import json, os, sys, time
    from twisted.internet import defer, task
    from crawler.workers import Readers, WORKER_NICENESS

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
        seen = {"crawl_niceness": os.nice(0), "step": WORKER_NICENESS}
        seen["after_1"] = [(yield readers.call(os.getpid)), children()]
        seen["after_2"] = [(yield readers.call(os.getpid)), children(), readers._pool is None]
        yield readers.call(os.getpid)
        seen["worker_niceness"] = yield readers.call(os.nice, 0)  # the 4th call: read in the pool
        readers.close()
        seen["left"] = children()
        print(json.dumps(seen))

    task.react(main)
""")


@pytest.fixture(scope="module")
def seen():
    done = subprocess.run([sys.executable, "-c", SCRIPT], check=False, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc to list the crawl's children")
def test_the_fork_server_starts_during_the_warmup_before_any_page_is_read_in_the_pool(seen):
    pid_1, children_1 = seen["after_1"]
    pid_2, children_2, no_pool = seen["after_2"]
    assert children_1 == []  # one page read: nothing started (a crawl of a page or two never starts one)
    assert no_pool and len(children_2) == 1 and "forkserver" in children_2[0]
    assert pid_1 == pid_2  # the warmup pages are still read in the crawl process
    assert seen["left"] == []  # closed: the fork server stopped and reaped


def test_workers_run_below_the_crawl_processs_priority(seen):
    assert seen["worker_niceness"] == min(19, seen["crawl_niceness"] + seen["step"])
