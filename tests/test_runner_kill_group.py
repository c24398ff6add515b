"""A crawl killed after its grace takes its whole process group with it (runner._stop, stop_crawls).

Real processes: a stand-in for the crawl (its own session, as the runner starts it) that ignores SIGTERM
and has a child of its own, stopped with SIGSTOP (a fork server or page worker stuck where it cannot
watch its parent); after the runner's stop, no process of the group may still run or stay stopped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tintuc_feed import runner

CRAWL = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a crawl stuck where SIGTERM cannot act
worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print(worker.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running or stopped (a zombie waiting for a parent that does not reap it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _crawl_with_a_stopped_worker() -> tuple[subprocess.Popen, int]:
    child = subprocess.Popen([sys.executable, "-c", CRAWL], stdout=subprocess.PIPE, text=True,
                             start_new_session=True)
    child.stop_requested = False
    worker = int(child.stdout.readline())
    os.kill(worker, signal.SIGSTOP)
    return child, worker


@pytest.fixture
def short_grace(monkeypatch):
    monkeypatch.setattr(runner, "STOP_GRACE_SECONDS", 1)


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc for the processes' state")
def test_a_crawl_killed_after_its_grace_takes_its_stopped_worker_with_it(short_grace):
    child, worker = _crawl_with_a_stopped_worker()
    try:
        runner._stop(child)
        assert child.returncode == -signal.SIGKILL
        assert _gone(worker)
    finally:
        for pid in (child.pid, worker):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc for the processes' state")
def test_stop_crawls_kills_the_group_of_a_crawl_that_outlives_the_grace():
    child, worker = _crawl_with_a_stopped_worker()
    with runner._children_lock:
        runner._children.add(child)
    try:
        runner.stop_crawls(grace=1)
        assert child.returncode == -signal.SIGKILL
        assert _gone(worker)
    finally:
        with runner._children_lock:
            runner._children.discard(child)
        for pid in (child.pid, worker):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
