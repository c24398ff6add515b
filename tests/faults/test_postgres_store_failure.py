"""A PostgreSQL store that goes away mid-crawl fails the source loudly and loses nothing.

The fault is real: the crawl writes to a PostgreSQL server of its own (tests/servers.py), stopped at once
(pg_ctl -m immediate, as a crash) once the first articles are stored.  The batches that follow are
refused with psycopg's error, named with each article's URL; the source fails; nothing half-written
stays; with the server back, the next crawl stores every article.  (Before, the pipeline caught only
sqlite3.Error: psycopg's error escaped the batch and the source could end "ok" with articles unstored.)
"""

from __future__ import annotations

import shutil

import psycopg
import pytest
import servers
from support import add_articles, run_cli
from test_operations import start_cli, wait_for

from tintuc_feed.sample_site import SOURCE_ID, SampleSite, site_root, sources_toml

ADDED = 6


@pytest.fixture
def own_postgres():
    bindir = servers.postgres_bin()
    servers.require("PostgreSQL (initdb, pg_ctl)", bindir is not None)
    server = servers.Postgres(bindir).start()
    yield server
    server.stop()


def stored(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=2) as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


def broken(url: str) -> list:
    with psycopg.connect(url) as db:
        return db.execute("""
            SELECT a.id FROM articles a WHERE
                NOT EXISTS (SELECT 1 FROM aliases al WHERE al.article_id = a.id AND al.url_key = a.url_key)
                OR NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)
                OR a.cluster_id IS NULL""").fetchall()


def test_a_postgresql_store_that_goes_away_fails_the_source_and_loses_nothing(tmp_path, own_postgres):
    url = own_postgres.new_database()
    with psycopg.connect(url, autocommit=True) as db:  # the test cluster runs without it: a crash would lose commits
        db.execute(f"ALTER DATABASE {url.rsplit('/', 1)[1]} SET synchronous_commit = on")
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    new = add_articles(root, ADDED)
    with SampleSite(root=root, article_delay=0.7) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", url, "--delay", "0")
        proc = start_cli("crawl", *common, "--output", str(tmp_path / "out"))
        try:
            wait_for(lambda: stored(url) >= 1, 120, "the first articles stored")
            own_postgres.halt()  # the server crashes mid-crawl
            stdout, stderr = proc.communicate(timeout=180)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        own_postgres.resume()
        assert 1 <= stored(url) < 6 + ADDED and broken(url) == []
        again = run_cli("crawl", *common, "--output", str(tmp_path / "out2"))
    assert proc.returncode != 0, stdout + stderr
    assert "Traceback" not in stderr, stderr[-3000:]
    refused = [line for line in stderr.splitlines() if "could not store http://127.0.0.1" in line]
    assert refused and all("OperationalError: " in line for line in refused), stderr[-3000:]
    assert any(path in stderr for path in new) or "/tin-tuc-su-kien/" in refused[0]
    assert again.returncode == 0, again.stderr[-3000:]
    line = next(x for x in again.stdout.splitlines() if x.startswith(SOURCE_ID))
    assert line.split()[1] == "ok", line
    assert stored(url) == 6 + ADDED and broken(url) == []
