"""The crawl's progress line: its text, its source (the store, read-only), silence off a terminal, and a real
`tintuc-feed crawl` under a pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from store.conftest import NOW, make_article
from support import run_cli

from tintuc_feed.progress import (
    CLEAR_LINE,
    Progress,
    ProgressLine,
    format_progress,
    progress_line,
    read_progress,
    wait_with_progress,
)
from tintuc_feed.sample_site import SampleSite, sources_toml
from tintuc_feed.store import Store

LINE = re.compile(r"crawling \d+/\d+ sources · \d+ new articles? stored")


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def sleeper(seconds: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({seconds})"])


@pytest.mark.parametrize(("progress", "elapsed", "text"), [
    (Progress(total=36), None, "crawling 0/36 sources · 0 new articles stored"),
    (Progress(36, finished=12, failed=3, articles=48), 42.9,
     "crawling 12/36 sources · 48 new articles stored · 3 failed · 0:42"),
    (Progress(1, finished=1, articles=1), 125, "crawling 1/1 sources · 1 new article stored · 2:05"),
])
def test_format_progress(progress, elapsed, text):
    assert format_progress(progress, elapsed) == text


def test_read_progress_counts_finished_failed_and_new_articles_of_the_run(tmp_path):
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.upsert(make_article(url="https://cand.com.vn/cu-i1/"), now=NOW - timedelta(days=1))
        run_id = store.start_run(["a", "b", "c"], now=NOW)
        store.upsert(make_article(), now=NOW + timedelta(minutes=1))
        store.finish_source(run_id, "a", ok=True, error=None, now=NOW + timedelta(minutes=2))
        store.finish_source(run_id, "b", ok=False, error="HTTP 503", now=NOW + timedelta(minutes=2))
    assert read_progress(db, run_id, 3) == Progress(total=3, finished=2, failed=1, articles=1)
    assert read_progress(tmp_path / "missing.db", 1, 3) is None  # read-only: never creates a store


def test_nothing_is_written_when_not_a_terminal(tmp_path):
    stream = io.StringIO()
    assert progress_line(tmp_path / "t.db", 1, 3, stream=stream) is None
    assert wait_with_progress(sleeper(0.3), 10, None) == 0
    assert stream.getvalue() == ""


def test_line_is_drawn_while_waiting_and_cleared_at_the_end(tmp_path):
    db = tmp_path / "t.db"
    with Store(db) as store:
        run_id = store.start_run(["a", "b"], now=NOW)
        store.finish_source(run_id, "a", ok=True, error=None, now=NOW)
    terminal = Terminal()
    line = progress_line(db, run_id, 2, stream=terminal)
    assert isinstance(line, ProgressLine)
    assert wait_with_progress(sleeper(0.7), 10, line, every=0.2) == 0
    drawn = terminal.getvalue()
    assert drawn.count("crawling 1/2 sources · 0 new articles stored") >= 3
    assert drawn.endswith(CLEAR_LINE) and "\n" not in drawn


def test_timeout_still_raises_and_clears_the_line(tmp_path):
    terminal = Terminal()
    child = sleeper(30)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            wait_with_progress(child, 0.5, ProgressLine(tmp_path / "t.db", 1, 1, terminal), every=0.2)
    finally:
        child.kill()
        child.wait()
    assert "crawling 0/1 sources" in terminal.getvalue() and terminal.getvalue().endswith(CLEAR_LINE)


def read_until_exit(proc: subprocess.Popen, fd: int, timeout: float) -> str:
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: every writer of the terminal has gone
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    return b"".join(chunks).decode("utf-8", "replace")


def test_crawl_in_a_terminal_shows_progress_and_in_a_pipe_does_not(tmp_path):
    with SampleSite(article_delay=0.4) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--output", str(tmp_path / "out"), "--delay", "0")
        controller, terminal = pty.openpty()
        env = dict(os.environ, COLUMNS="120")
        proc = subprocess.Popen([sys.executable, "-m", "tintuc_feed.cli", "crawl", "--db", str(tmp_path / "a.db"),
                                 *common], stdin=terminal, stdout=terminal, stderr=terminal, env=env)
        os.close(terminal)
        try:
            seen = read_until_exit(proc, controller, 120)
        finally:
            os.close(controller)
            proc.wait(timeout=30)
        piped = run_cli("crawl", "--db", str(tmp_path / "b.db"), *common)
    assert proc.returncode == 0, seen
    assert LINE.search(seen), seen
    assert "daknong-sample" in seen  # the summary table follows
    assert piped.returncode == 0 and "crawling" not in piped.stderr and "\r" not in piped.stderr
