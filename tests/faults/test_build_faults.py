"""`build` faults: a refused store leaves no trace; a killed publisher's temporary files are cleaned up."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import feedparser
import pytest
from support import run_cli

from tintuc_feed.feeds.atomic import TEMPORARY_NAME
from tintuc_feed.sample_site import SOURCE_ID


def foreign_sqlite(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('not ours')")
    return path


def corrupt_file(path):
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    return path


def not_sqlite(path):
    path.write_text("ghi chú, không phải cơ sở dữ liệu\n" * 100, "utf-8")
    return path


@pytest.mark.parametrize("make", [foreign_sqlite, corrupt_file, not_sqlite], ids=["foreign", "corrupt", "text"])
def test_build_with_a_refused_store_creates_no_output_folder(tmp_path, make):
    db = make(tmp_path / "store.db")
    before = db.read_bytes()
    out = tmp_path / "out"
    result = run_cli("build", "--db", str(db), "--output", str(out))
    assert result.returncode == 2, result.stderr
    assert "tintuc-feed: error:" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"]  # no -wal, no -shm, nothing else


# A publisher that stops in the middle of writing articles.jsonl: it writes its first chunk to the temporary
# file, says so, and waits to be killed.
KILLED_WRITER = """
import sys, time
from pathlib import Path
from tintuc_feed.feeds.atomic import write_stream_if_changed

def chunks():
    yield b'{"half": "a record"' * 1000
    Path(sys.argv[2]).write_text("writing")
    time.sleep(600)
    yield b"never"

write_stream_if_changed(Path(sys.argv[1]), chunks())
"""


def kill_a_writer(target, tmp_path):
    ready = tmp_path / f"ready-{target.name}"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target), str(ready)])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert writer.poll() is None and time.monotonic() < deadline, "the writer never started"
            time.sleep(0.05)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()


def temporaries(out):
    return sorted(p.name for p in out.rglob("*") if TEMPORARY_NAME.match(p.name))


@pytest.fixture()
def crawled(tmp_path, sample_sources):
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(db), "--output", str(out), "--delay", "0")
    assert result.returncode == 0, result.stderr
    return db, out


def test_temporary_files_of_a_killed_build_are_removed_at_the_next_publish(crawled, sample_sources, tmp_path):
    db, out = crawled
    kill_a_writer(out / "articles.jsonl", tmp_path)
    kill_a_writer(out / "rss" / f"{SOURCE_ID}.xml", tmp_path)
    left = temporaries(out)
    assert len(left) == 2 and left[0].startswith(".")  # what SIGKILL left behind: dotfiles, never served
    result = run_cli("build", "--sources", str(sample_sources), "--db", str(db), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert temporaries(out) == []
    assert feedparser.parse((out / "rss" / f"{SOURCE_ID}.xml").read_bytes()).bozo == 0
    assert len((out / "articles.jsonl").read_text("utf-8").splitlines()) == 6


def test_files_that_only_look_alike_are_kept(crawled, sample_sources):
    db, out = crawled
    kept = [out / "notes.tmp", out / ".notes.tmp", out / "rss" / ".x.too-long-random.tmp", out / "feeds.opml.tmp"]
    for path in kept:
        path.write_text("của người vận hành", "utf-8")
    result = run_cli("build", "--sources", str(sample_sources), "--db", str(db), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert all(path.exists() for path in kept)
