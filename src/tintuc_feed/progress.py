"""A one-line progress display while `tintuc-feed crawl` waits for its crawl child.

Only on a terminal: when stderr is not a TTY (tests, CI, cron, systemd) nothing
at all is written.  The line is rebuilt about once a second from the store,
opened read-only (the child is the only writer): how many of the run's sources
have finished, how many failed, how many new articles are stored so far.

The line is drawn as "\\r<text>\\r", leaving the cursor at the start of the
line, so a log line from the crawl overwrites it instead of being glued to its
end; the next refresh draws it again below.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

REFRESH_SECONDS = 1.0
CLEAR_LINE = "\r\x1b[K"


@dataclass(frozen=True)
class Progress:
    total: int  # sources in the run
    finished: int = 0
    failed: int = 0
    articles: int = 0  # articles first stored during this run


def format_progress(progress: Progress, elapsed: float | None = None) -> str:
    """'crawling 12/36 sources · 48 new articles stored · 3 failed · 0:42'."""
    parts = [f"crawling {progress.finished}/{progress.total} sources",
             f"{progress.articles} new article{'' if progress.articles == 1 else 's'} stored"]
    if progress.failed:
        parts.append(f"{progress.failed} failed")
    if elapsed is not None:
        minutes, seconds = divmod(int(elapsed), 60)
        parts.append(f"{minutes}:{seconds:02d}")
    return " · ".join(parts)


def read_progress(db: Path, run_id: int, total: int) -> Progress | None:
    """The run's progress as the store has it now, or None if the store cannot be read at this moment."""
    try:
        conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        finished, failed = conn.execute(
            "SELECT COUNT(finished), COUNT(CASE WHEN finished IS NOT NULL AND NOT ok THEN 1 END)"
            " FROM run_sources WHERE run_id = ?", (run_id,)).fetchone()
        articles = conn.execute(
            "SELECT COUNT(*) FROM articles WHERE first_seen >= (SELECT started FROM runs WHERE id = ?)",
            (run_id,)).fetchone()[0]
    except sqlite3.Error:  # busy, or the schema not there yet
        return None
    finally:
        conn.close()
    return Progress(total=total, finished=finished, failed=failed, articles=articles)


class ProgressLine:
    """Draws format_progress() on one terminal line; clear() removes it."""

    def __init__(self, db: Path, run_id: int, total: int, stream: TextIO) -> None:
        self.db, self.run_id, self.stream = db, run_id, stream
        self.last = Progress(total=total)
        self.started = time.monotonic()

    def refresh(self) -> None:
        self.last = read_progress(self.db, self.run_id, self.last.total) or self.last
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        text = format_progress(self.last, time.monotonic() - self.started)[:width]
        self.stream.write(f"{CLEAR_LINE}{text}\r")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write(CLEAR_LINE)
        self.stream.flush()


def progress_line(db: Path, run_id: int, total: int, stream: TextIO | None = None) -> ProgressLine | None:
    """A ProgressLine on stream (default stderr) if it is a terminal; None otherwise."""
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    return ProgressLine(db, run_id, total, stream)


def wait_with_progress(child: subprocess.Popen, timeout: float, line: ProgressLine | None,
                       every: float = REFRESH_SECONDS) -> int:
    """child.wait(timeout), refreshing the line meanwhile; raises subprocess.TimeoutExpired like wait()."""
    if line is None:
        return child.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    try:
        while True:
            line.refresh()
            remaining = deadline - time.monotonic()
            try:
                return child.wait(timeout=max(0.0, min(every, remaining)))
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    raise subprocess.TimeoutExpired(child.args, timeout) from None
    finally:
        line.clear()
