"""A crawl's child processes stop with the process that started them, even one killed before they looked.

The crawl (`python -m crawler.main`, started by the runner) and its page-reading workers each watch the
pid of the process that started them, passed in: read with getppid() inside the child, a starter killed
with SIGKILL just before would be taken for init, and the child would run on with no one to stop it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _dead_pid() -> int:
    """The pid of a process that has exited (the starter, killed before its child looked)."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    return gone.pid


def _child(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)


def _watcher(module: str, function: str, parent: int) -> subprocess.Popen:
    return _child(f"import time, {module} as m; m.{function}({parent}); time.sleep(60)")


def _still_running_after(proc: subprocess.Popen, seconds: float) -> bool:
    time.sleep(seconds)
    running = proc.poll() is None
    proc.kill()
    proc.wait()
    return running


def test_a_worker_whose_crawl_is_already_gone_exits():
    worker = _watcher("crawler.workers", "_watch_parent", _dead_pid())
    assert worker.wait(timeout=30) == 0


def test_a_worker_whose_crawl_runs_keeps_reading():
    assert _still_running_after(_watcher("crawler.workers", "_watch_parent", os.getpid()), 3.0)


def test_a_crawl_whose_runner_is_already_gone_stops():
    crawl = _child(
        "import signal, sys, time, crawler.main as m\n"
        "signal.signal(signal.SIGTERM, lambda *a: sys.exit(7))\n"
        f"m._stop_with_parent({_dead_pid()})\n"
        "time.sleep(60)\n"
    )
    assert crawl.wait(timeout=30) == 7  # the SIGTERM the crawl closes on


def test_the_runner_passes_its_pid_to_the_crawl():
    from tintuc_feed.runner import CrawlOptions, _command

    command = _command([], CrawlOptions(db="store.db"), 1)
    assert command[command.index("--parent-pid") + 1] == str(os.getpid())
