"""One crawl of a source at a time on a store, across processes.

`tintuc-feed run` never starts a source's crawl while its previous one runs (APScheduler's max_instances=1),
but a cron `tintuc-feed crawl`, a second `run` or a hand-started crawl on the same SQLite store could: two
crawls of one site at once double the load on a small portal and race each other's rows.  So a crawl holds,
for each of its sources, a non-blocking flock on `<db>.runs/source-<id>.lock` (beside run_locks' files); a
source whose lock another process holds is not crawled this time, and its outcome says who holds it:

    cand: failed: skipped: another crawl of this source is running on this store (pid 4242 since
    2026-11-29 21:40:03+07:00); not crawled twice at once: the next run after that one crawls it

The lock is the kernel's: it goes with the process that held it however that process ends (SIGKILL, OOM, a
power cut), so a killed crawl's left-over file never blocks the next run.  The files stay (removing a flock
file while another process may be opening it would let two processes hold "the" lock).  A PostgreSQL store
has no such files: its crawls are queued jobs (workers/), one per source at a time by the queue.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path

from .run_locks import lock_dir

BUSY = "skipped: another crawl of this source is running on this store"


def lock_path(db: Path, source_id: str) -> Path:
    return lock_dir(db) / f"source-{source_id}.lock"


def is_busy(error: str | None) -> bool:
    return bool(error) and error.startswith(BUSY)


@contextmanager
def held(db: Path | None, sources: Sequence, now: datetime) -> Iterator[tuple[list, dict[str, str]]]:
    """(the sources this process now holds, {source id: why skipped} for the others); held until the exit."""
    if db is None:  # not a local SQLite store
        yield list(sources), {}
        return
    free, busy = [], {}
    with ExitStack() as stack:
        for source in sources:
            try:
                lock_dir(db).mkdir(parents=True, exist_ok=True)
                handle = stack.enter_context(open(lock_path(db, source.id), "a+", encoding="utf-8"))
            except OSError:  # a read-only folder: the store's own error comes next, in its words (runner.py)
                free.append(source)
                continue
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                busy[source.id] = _busy_message(handle)
                continue
            handle.truncate(0)
            handle.write(f"pid {os.getpid()} since {now.isoformat(sep=' ', timespec='seconds')}\n")
            handle.flush()
            free.append(source)
        yield free, busy


def _busy_message(handle) -> str:
    handle.seek(0)
    holder = handle.read(200).strip() or "pid unknown"
    return f"{BUSY} ({holder}); not crawled twice at once: the next run after that one crawls it"
