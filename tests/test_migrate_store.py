"""`tintuc-feed migrate-store`: SQLite -> PostgreSQL -> SQLite, every table copied, feeds byte-identical."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from support import run_cli
from workers_support import SOURCE_IDS, ThreeSites, different_files

from tintuc_feed.store import Store
from tintuc_feed.store.copy import TABLES

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def counts(location) -> dict[str, int]:
    with Store(location) as store:
        return {table: store.count(table) for table in TABLES}


def edit_one_article(location) -> None:
    """A revision and an HTTP validator, so every table has rows."""
    with Store(location) as store:
        [first] = store.articles(limit=1)
        edited = dataclasses.replace(first.article, content_text=first.article.content_text + "\n\nCập nhật.")
        assert store.upsert(edited, now=datetime.now(VN) + timedelta(hours=1)).status == "updated"
        store.set_http_cache("http://127.0.0.1/x", '"etag"', None)


def build(sources, db, out):
    result = run_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row_and_every_feed_byte(tmp_path, postgres_url):
    first, back = tmp_path / "first.db", tmp_path / "back.db"
    with ThreeSites(tmp_path) as sites:
        crawled = run_cli("crawl", "--sources", str(sites.sources), "--db", str(first), "--output",
                          str(tmp_path / "out0"), "--delay", "0")
    assert crawled.returncode == 0, crawled.stderr
    edit_one_article(first)
    expected = counts(first)
    assert all(expected.values()), expected

    to_pg = run_cli("migrate-store", "--from", str(first), "--to", postgres_url)
    assert to_pg.returncode == 0, to_pg.stderr
    assert "counts verified" in to_pg.stdout and f"articles {expected['articles']}" in to_pg.stdout
    assert counts(postgres_url) == expected
    to_sqlite = run_cli("migrate-store", "--from", postgres_url, "--to", f"sqlite:///{back}")
    assert to_sqlite.returncode == 0, to_sqlite.stderr
    assert counts(back) == expected

    outs = [build(sites.sources, db, tmp_path / f"out-{n}") for n, db in enumerate((first, postgres_url, back))]
    assert (outs[0] / "rss" / "all.xml").is_file()
    assert different_files(outs[0], outs[1]) == []
    assert different_files(outs[0], outs[2]) == []
    statuses = [json.loads((o / "status.json").read_text("utf-8"))["sources"] for o in outs]
    assert statuses[0] == statuses[1] == statuses[2]
    assert {s["id"] for s in statuses[0]} == set(SOURCE_IDS)


def test_copy_into_a_store_that_is_not_empty_is_refused_untouched(tmp_path, postgres_url):
    with Store(postgres_url) as store:
        store.start_run(["x"])
    with Store(tmp_path / "a.db") as store:
        store.start_run(["y"])
    before = counts(postgres_url)
    result = run_cli("migrate-store", "--from", str(tmp_path / "a.db"), "--to", postgres_url)
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert counts(postgres_url) == before


def test_unreachable_postgresql_is_a_usage_error(tmp_path):
    import servers

    result = run_cli("migrate-store", "--from", str(tmp_path / "a.db"),
                     "--to", f"postgresql://nobody@127.0.0.1:{servers.free_port()}/none")
    assert result.returncode == 2
    assert "tintuc-feed: error:" in result.stderr and "127.0.0.1" in result.stderr
