"""Politeness is part of correctness: robots.txt, identification, Scrapy from the project root."""

from __future__ import annotations

import subprocess
import sys

from support import REPO, run_cli

from tintuc_feed.sample_site import sources_toml


def test_robots_txt_forbidden_list_is_never_fetched_and_reported(tmp_path, sample_site):
    sources = tmp_path / "sources.toml"
    # The sample site's robots.txt disallows /admin/.
    sources.write_text(sources_toml(sample_site.url).replace("tin-tuc-su-kien/\"]", "admin/tin-tuc/\"]"), "utf-8")
    result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output",
                     str(tmp_path / "out"), "--delay", "0")
    assert result.returncode == 1
    assert "robots.txt" in result.stderr
    paths = [path for _, path in sample_site.requests]
    assert "/robots.txt" in paths and not [p for p in paths if p.startswith("/admin/")]


def test_crawler_says_who_it_is(tmp_path, sample_sources, sample_site):
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(tmp_path / "t.db"), "--output",
                     str(tmp_path / "out"), "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert sample_site.user_agents and all(ua.startswith("tintuc-feed/") for ua in sample_site.user_agents)


def test_scrapy_list_works_from_the_project_root():
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=REPO, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["portal"]


def test_scrapy_crawl_works_from_the_project_root(tmp_path, sample_sources, sample_site):
    db = tmp_path / "data" / "t.db"
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "portal", "-a", "source=daknong-sample",
                             "-a", f"sources={sample_sources}", "-a", f"db={db}", "-s", "DOWNLOAD_DELAY=0"],
                            cwd=REPO, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6
