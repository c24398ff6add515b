"""Faults of the machine under the command, each real and met through the real command in a separate
process: the output disk full (a file size limit, RLIMIT_FSIZE, gives the kernel's EFBIG), store pages
overwritten with garbage (SQLite: "database disk image is malformed"), a store path that is a folder, an
output folder the process may not write (root without its capabilities obeys the permission bits).

Each: one line naming the path and what to do, no traceback, the exit status, and nothing lost (the last
good feeds byte for byte, no temporary file left, the store as it was).
docs/RELIABILITY.md, "Errors and messages", lists these rows.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import add_articles, run_cli

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

PR_CAPBSET_DROP = 24
FILE_LIMIT = 48 * 1024  # above SQLite's 32 KB -shm file, below the feeds of 36 articles


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """(sources file, store, output folder) of a real crawl of 36 articles; tests work on copies."""
    tmp = tmp_path_factory.mktemp("crawled")
    root = tmp / "site"
    shutil.copytree(site_root(), root)
    add_articles(root, 30)
    with SampleSite(root=root) as site:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(site.url).replace("max_pages = 3", "max_pages = 3\nmax_articles = 100"),
                           "utf-8")
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp / "t.db"), "--output", str(tmp / "out"),
                         "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert (tmp / "out" / "articles.jsonl").stat().st_size > FILE_LIMIT  # the limit will be met
    return sources, tmp / "t.db", tmp / "out"


@pytest.fixture()
def copy(crawled, tmp_path):
    """A copy of the crawl's store and output folder for one test to damage."""
    sources, db, out = crawled
    shutil.copy(db, tmp_path / "t.db")
    shutil.copytree(out, tmp_path / "out")
    return sources, tmp_path / "t.db", tmp_path / "out"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder (dotfiles included, but not the publishers' lock): its digest and mtime."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".publish.lock"}


def limited_cli(*args: str, file_size: int | None = None, no_capabilities: bool = False):
    """run_cli in a child with a file size limit (EFBIG past it) and/or without root's capabilities."""
    def prepare():
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death by SIGXFSZ
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if no_capabilities:  # root keeps uid 0 but execs with no capability: permission bits apply to it
            libc = ctypes.CDLL(None, use_errno=True)
            for capability in range(64):
                libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)
    return subprocess.run([sys.executable, "-m", "tintuc_feed.cli", *args], capture_output=True, text=True,
                          timeout=180, preexec_fn=prepare, check=False)


def one_line(result) -> str:
    message = result.stderr.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1, message
    assert message.startswith("tintuc-feed: error: ")
    return message


def store_rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_output_disk_full_names_the_file_and_keeps_the_last_good_feeds(copy):
    sources, db, out = copy
    before, rows = snapshot(out), store_rows(db)
    # A new base URL changes every feed, so every file is to be rewritten; the large ones pass the limit.
    result = limited_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out),
                         "--base-url", "https://feeds.example.vn/", file_size=FILE_LIMIT)
    assert result.returncode == 1
    message = one_line(result)
    assert f"cannot write {out}/" in message and "File too large" in message
    failed = Path(message.split("cannot write ", 1)[1].split(":", 1)[0])
    assert before[str(failed.relative_to(out))] == snapshot(out)[str(failed.relative_to(out))]  # intact
    after = snapshot(out)
    assert set(after) == set(before)  # no temporary file left behind
    assert all(after[name] == before[name] for name in after if (out / name).stat().st_size > FILE_LIMIT)
    assert store_rows(db) == rows
    again = run_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out),
                    "--base-url", "https://feeds.example.vn/")
    assert again.returncode == 0, again.stderr  # room again: the next build writes everything
    assert "https://feeds.example.vn/" in (out / "rss" / "all.xml").read_text("utf-8")


def damage(db: Path, tables: tuple[str, ...] = ("articles",)) -> None:
    """Overwrite the root pages of tables with garbage, as a failing disk would."""
    with sqlite3.connect(db) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = [connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
                 for t in tables]
    with open(db, "r+b") as handle:
        for page in roots:
            handle.seek((page - 1) * page_size)
            handle.write(os.urandom(page_size))


@pytest.mark.parametrize("tables", [("articles",), ("articles", "sqlite_autoindex_articles_1", "runs",
                                                    "run_sources", "http_cache")])
def test_corrupt_store_pages_are_named_with_advice_and_the_feeds_kept(copy, tables):
    sources, db, out = copy
    damage(db, tables)
    damaged, before = db.read_bytes(), snapshot(out)
    result = run_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out))
    assert result.returncode == 1
    message = one_line(result)
    assert str(db) in message and "database disk image is malformed" in message
    assert "integrity_check" in message and ".recover" in message
    assert snapshot(out) == before  # the last good feeds, untouched
    assert db.read_bytes() == damaged  # nothing written into a damaged store


@pytest.mark.parametrize("command", ["build", "crawl"])
def test_store_path_that_is_a_folder(copy, tmp_path, command):
    sources, _, out = copy
    folder = tmp_path / "store-folder"
    folder.mkdir()
    before = snapshot(out)
    result = run_cli(command, "--sources", str(sources), "--db", str(folder), "--output", str(out))
    assert result.returncode == 2
    message = one_line(result)
    assert f"{folder} is a folder" in message
    assert snapshot(out) == before and list(folder.iterdir()) == []


def test_output_folder_not_writable_is_refused_before_any_work(copy):
    sources, db, out = copy
    before, rows = snapshot(out), store_rows(db)
    out.chmod(0o555)
    try:
        result = limited_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out),
                             "--base-url", "https://feeds.example.vn/", no_capabilities=True)
    finally:
        out.chmod(0o755)
    assert result.returncode == 2
    assert f"--output {out}: {out} is not writable" in one_line(result)
    assert snapshot(out) == before and store_rows(db) == rows


def test_output_subfolder_not_writable_names_the_file_and_keeps_the_feeds(copy):
    sources, db, out = copy
    before = snapshot(out)
    (out / "rss").chmod(0o555)
    try:
        result = limited_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out),
                             "--base-url", "https://feeds.example.vn/", no_capabilities=True)
    finally:
        (out / "rss").chmod(0o755)
    assert result.returncode == 1
    message = one_line(result)
    assert f"cannot write {out}/rss/" in message and "Permission denied" in message
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k.startswith("rss/")} == \
        {k: v for k, v in before.items() if k.startswith("rss/")}
    assert set(after) == set(before)
