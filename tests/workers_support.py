"""Helpers for the multi-machine tests: three sample sites, processes of tintuc-feed, store comparisons."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml
from tintuc_feed.store import Store

YEARS = ("2023", "2024", "2025")  # site i is the sample site with its dates moved to YEARS[i]
SOURCE_IDS = ("site-a", "site-b", "site-c")
# What differs between two crawls of the same pages by nature (the time of the crawl, who ran it).
OPERATIONAL_FILES = {"status.json", "index.html"}
# The OPML's dateModified is the time of publishing: compared without it.
PUBLISH_TIME = {"feeds.opml": re.compile(rb"<dateModified>[^<]*</dateModified>")}
FIXED_SEEN = "2026-01-01T07:00:00+07:00"


def copy_site(root: Path, year: str) -> Path:
    """The sample site with every 2023 date moved to `year`: the same stories, published later on copies b, c."""
    shutil.copytree(site_root(), root)
    for page in root.rglob("*.html"):
        page.write_text(page.read_text("utf-8").replace("/2023", f"/{year}"), "utf-8")
    return root


class ThreeSites:
    """Three copies of the sample site on their own ports, and a sources file naming them."""

    def __init__(self, tmp_path: Path, article_delay: float = 0.0) -> None:
        self.sites = [SampleSite(copy_site(tmp_path / f"site-{y}", y), article_delay=article_delay) for y in YEARS]
        self.sources = tmp_path / "sources.toml"

    def __enter__(self) -> Self:
        for site in self.sites:
            site.__enter__()
        self.sources.write_text("\n".join(sources_toml(s.url, sid) for s, sid in zip(self.sites, SOURCE_IDS,
                                                                                     strict=True)), "utf-8")
        return self

    def __exit__(self, *exc) -> None:
        for site in self.sites:
            site.__exit__(*exc)


def cli_command(*args) -> list[str]:
    return [sys.executable, "-m", "tintuc_feed.cli", *map(str, args)]


def start(*args, log: Path) -> subprocess.Popen:
    """A long-running tintuc-feed process in its own session (so a test can kill all of it)."""
    handle = open(log, "ab")  # noqa: SIM115 - closed with the process by stop()
    process = subprocess.Popen(cli_command(*args), stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
                               env=dict(os.environ))
    process.log_handle = handle
    return process


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 60) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    process.log_handle.close()


def wait_for(predicate, timeout: float, what: str, logs: list[Path] = ()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    text = "\n".join(f"--- {p}\n{p.read_text('utf-8', 'replace')[-3000:]}" for p in logs if p.exists())
    raise AssertionError(f"timed out waiting for {what}\n{text}")


def runs(location) -> list[dict]:
    with Store(location) as store:
        return [dict(r) for r in store._db.execute("SELECT * FROM run_sources ORDER BY run_id, source_id")]


def fix_crawl_times(location) -> None:
    """Give every article the same first-seen/updated instant: what stays to compare is what was crawled."""
    with Store(location) as store, store._transaction():
        ts = seen_ts(FIXED_SEEN)
        store._db.execute("UPDATE articles SET first_seen = ?, updated = ?,"
                          " sort_ts = CASE WHEN published IS NULL THEN ? ELSE sort_ts END", (FIXED_SEEN, FIXED_SEEN, ts))
        store._db.execute("UPDATE aliases SET first_seen = ?", (FIXED_SEEN,))


def seen_ts(text: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(text).timestamp()


def article_keys(location) -> list[tuple]:
    with Store(location) as store:
        return sorted(tuple(r) for r in store._db.execute(
            "SELECT guid, url, source_id, title, published, content_hash FROM articles"))


def different_files(a: Path, b: Path) -> list[str]:
    """Relative paths that differ between two output folders (missing on one side included)."""
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file() and not p.name.startswith(".")}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file() and not p.name.startswith(".")}
    return sorted(n for n in names if n not in OPERATIONAL_FILES and not _same(a / n, b / n, PUBLISH_TIME.get(n)))


def _same(a: Path, b: Path, publish_time: re.Pattern | None) -> bool:
    if not (a.is_file() and b.is_file()):
        return False
    left, right = a.read_bytes(), b.read_bytes()
    if publish_time is not None:
        left, right = publish_time.sub(b"", left, count=1), publish_time.sub(b"", right, count=1)
    return left == right


def kill_session(process: subprocess.Popen) -> None:
    """SIGKILL every process of the session `process` leads (the worker and its work horse): a lost machine.

    The crawl child has a session of its own, as it does in production; it stops itself when its parent dies.
    """
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == process.pid:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    process.wait()
    process.log_handle.close()
