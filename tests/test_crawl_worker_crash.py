"""A page-reading worker process that dies does not lose the crawl: its page and the rest are read inline."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

TESTS = Path(__file__).parent

# Runs in its own interpreter: a real reactor and a real process pool whose worker really exits.
SCRIPT = textwrap.dedent("""
    import logging, os, sys
    sys.path.insert(0, sys.argv[1])
    from twisted.internet import defer, task
    from crawler.workers import Readers
    from support import exit_unless_in

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    @defer.inlineCallbacks
    def main(reactor):
        readers = Readers(workers=1, warmup=0)
        first = yield readers.call(exit_unless_in, os.getpid())
        second = yield readers.call(exit_unless_in, os.getpid())
        print("first:", first)
        print("second:", second)
        print("workers left:", readers.workers)
        readers.close()

    task.react(main)
""")


def test_a_dead_worker_leaves_the_pages_to_the_crawl_process():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(TESTS)], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "first: read in the crawl process" in done.stdout
    assert "second: read in the crawl process" in done.stdout
    assert "workers left: 0" in done.stdout
    assert "worker process died" in done.stderr
