"""Page-reading workers forked from a fork server that imported the families once (crawler/workers.py).

A real reactor and a real pool in their own interpreter: the worker runs with crawler.pages already
imported before its first page (the fork server preloaded it), its parent is not the crawl process, and
once the pool is closed no process of the crawl's is left (the fork server stopped and reaped).
The parent watch: a worker whose starter (the fork server) exits goes too, while the crawl still runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent

SCRIPT = textwrap.dedent("""
    import json, os, sys
    sys.path.insert(0, sys.argv[1])
    from twisted.internet import defer, task
    from crawler.workers import Readers
    from support import where_and_what

    def children():
        # multiprocessing's resource tracker stays until the crawl process exits (spawn started one too)
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as f:
            pids = f.read().split()
        return [int(p) for p in pids if b"resource_tracker" not in open(f"/proc/{p}/cmdline", "rb").read()]

    @defer.inlineCallbacks
    def main(reactor):
        readers = Readers(workers=2, warmup=0)
        first = yield readers.call(where_and_what, "crawler.pages")
        running = children()
        readers.close()
        print(json.dumps({"crawl": os.getpid(), "worker": first, "running": running, "left": children()}))

    task.react(main)
""")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc to list the crawl's children")
def test_workers_start_with_the_families_imported_and_leave_nothing_running():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(TESTS)], check=False, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    worker = report["worker"]
    assert worker["imported"] is True  # before the worker was asked anything
    assert worker["pid"] != report["crawl"] and report["running"] == [worker["ppid"]]  # forked by the fork server
    assert report["left"] == []


def test_a_worker_whose_starter_exits_stops_while_the_crawl_runs(tmp_path):
    """The fork server exits with the crawl; a worker then has a new parent and stops, even though the pid it
    was given (here this test's, alive) still runs."""
    pid_file = tmp_path / "worker.pid"
    worker_code = (f"import os, time, crawler.workers as m; m._watch_parent({os.getpid()}); "
                   f"open({str(pid_file)!r} + '.tmp', 'w').write(str(os.getpid())); "
                   f"os.rename({str(pid_file)!r} + '.tmp', {str(pid_file)!r}); time.sleep(60)")
    starter = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import os, subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", {worker_code!r}])
        while not os.path.exists({str(pid_file)!r}):  # the worker is watching: its starter exits
            time.sleep(0.05)
    """)], cwd=ROOT)
    assert starter.wait(timeout=60) == 0
    worker = int(pid_file.read_text())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _running(worker):
        time.sleep(0.2)
    assert not _running(worker)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False
