"""Which crawl runs are still alive: each run holds a lock file while it runs.

A run whose parent (`tintuc-feed crawl` or `run`) and crawl child were both
killed never finishes its rows in the store.  So every run holds an exclusive
flock on `<db>.runs/<run id>.lock` while it runs (the kernel drops it when the
process dies, however it dies), and at the start of each crawl an unfinished
run whose lock is free is closed as interrupted: not ok, with the articles it
stored counted from the store, so health counts it as a failed crawl.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

# A run's lock is taken just after its row is written: an unfinished run without a lock file that is younger
# than this may be starting right now, so it is left alone.
STARTING = timedelta(seconds=60)
KILLED = "interrupted: the crawl's processes were killed before this source finished"


def lock_dir(db: Path) -> Path:
    return db.with_name(db.name + ".runs")


@contextmanager
def run_lock(db: Path, run_id: int) -> Iterator[None]:
    """Hold the run's lock while the crawl runs; the file goes away with it."""
    folder = lock_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run_id}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def is_alive(db: Path, run_id: int, started: datetime, now: datetime) -> bool:
    """True while the process that started the run holds its lock (or it may still be taking it)."""
    path = lock_dir(db) / f"{run_id}.lock"
    try:
        handle = open(path, "a")  # noqa: SIM115 - closed below, after the lock test
    except FileNotFoundError:
        return now - started < STARTING
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    path.unlink(missing_ok=True)
    return False


def close_dead_runs(store, db: Path, now: datetime) -> list[int]:
    """Close every unfinished run no process holds any more, as interrupted; return their ids."""
    closed = []
    for run_id, started in store.unfinished_runs():
        if not is_alive(db, run_id, started, now):
            store.close_interrupted(run_id, KILLED, now=now)
            closed.append(run_id)
    return closed
