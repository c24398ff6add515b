"""Publishing isolates items: a stored row that cannot be written is left out, logged and counted.

The store is real (crawled from the sample site on 127.0.0.1); the bad row is made directly in SQLite, as
a store written by an older version (before validate.py) holds it.  `tintuc-feed build` must still write
every other item of every feed, and say what it left out in status.json, the health feed and the log.
"""

from __future__ import annotations

import json
import sqlite3

import feedparser
import pytest
from support import run_cli

from tintuc_feed.sample_site import SOURCE_ID

ARTICLES_ON_SITE = 6
PROVINCE_FEED = "province-lam-dong"
BAD_URL_SUFFIX = "truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html"


@pytest.fixture(scope="module")
def crawled_store(tmp_path_factory):
    from tintuc_feed.sample_site import SampleSite, sources_toml

    tmp = tmp_path_factory.mktemp("isolation")
    with SampleSite() as site:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp / "t.db"), "--output",
                         str(tmp / "first"), "--delay", "0")
        assert result.returncode == 0, result.stderr
    return tmp / "t.db", sources


def copy_store(source, target):
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


# An older version stored these unchecked; lxml refuses each of them in a feed.
BAD_ROWS = {
    "control character in the image URL": ("image", "http://127.0.0.1/anh/a\x01b.jpg"),
    "control character in the article URL": ("url", "http://127.0.0.1/tin-tuc-su-kien/truy-na\x01-3025.html"),
    "noncharacter U+FFFE in the image URL": ("image", "http://127.0.0.1/anh/\ufffe.jpg"),
    "NUL in the guid": ("guid", "tag:tintuc-feed,2025:127.0.0.1/truy-na\x00"),
}


@pytest.fixture(scope="module", params=sorted(BAD_ROWS))
def built(request, crawled_store, tmp_path_factory):
    db, sources = crawled_store
    tmp_path = tmp_path_factory.mktemp("bad-row")
    db = copy_store(db, tmp_path / "old.db")
    column, value = BAD_ROWS[request.param]
    with sqlite3.connect(db) as conn:
        (guid,) = conn.execute("SELECT guid FROM articles WHERE url LIKE ?", ("%" + BAD_URL_SUFFIX,)).fetchone()
        conn.execute(f"UPDATE articles SET {column} = ? WHERE guid = ?", (value, guid))
        if column == "guid":
            guid = value
    out = tmp_path / "out"
    result = run_cli("build", "--sources", str(sources), "--db", str(db), "--output", str(out))
    return result, out, guid


def entries(out, kind: str, feed: str):
    parsed = feedparser.parse((out / kind / f"{feed}.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed.entries


def test_build_succeeds(built):
    result, *_ = built
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("feed", [SOURCE_ID, "all", PROVINCE_FEED])
def test_the_bad_item_is_left_out_and_every_other_item_written(built, feed):
    _, out, _ = built
    for kind in ("rss", "atom"):
        links = [e.link for e in entries(out, kind, feed)]
        assert len(links) == ARTICLES_ON_SITE - 1
        assert not [link for link in links if "truy-na" in link]
    items = json.loads((out / "json" / f"{feed}.json").read_text("utf-8"))["items"]
    assert len(items) == ARTICLES_ON_SITE - 1


def test_every_feed_file_is_valid(built):
    _, out, _ = built
    for path in sorted(out.glob("*/*.xml")):
        assert feedparser.parse(path.read_bytes()).bozo == 0, path
    for path in sorted(out.glob("json/*.json")):
        json.loads(path.read_text("utf-8"))


def test_status_json_counts_it(built):
    _, out, guid = built
    status = json.loads((out / "status.json").read_text("utf-8"))
    source = next(entry for entry in status["sources"] if entry["id"] == SOURCE_ID)
    assert source["left_out"] == 1
    [left] = status["left_out"]
    assert left["source_id"] == SOURCE_ID and left["guid"] == guid.replace("\x00", "\\x00")
    assert left["reason"].startswith("ValueError")


def test_the_health_feed_reports_it(built):
    _, out, _ = built
    [item] = json.loads((out / "json" / "health.json").read_text("utf-8"))["items"]
    assert "1 bài không ghi được vào feed" in item["title"]
    assert [e.title for e in entries(out, "rss", "health")] == [item["title"]]


def test_the_log_says_which_item_and_why(built):
    result, _, _ = built
    assert "left out of the feeds: daknong-sample" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_headlines_of_index_html_leave_it_out_too(built):
    _, out, _ = built
    page = (out / "index.html").read_text("utf-8")
    assert "\x01" not in page and "\x00" not in page and "\ufffe" not in page


def test_a_second_build_that_renders_nothing_still_reports_it(built, crawled_store):
    """The incremental publisher skips unchanged feeds; what they left out is still counted and reported."""
    _, out, guid = built
    _, sources = crawled_store
    before = {path: path.read_bytes() for path in sorted(out.glob("*/*")) if path.is_file()}
    again = run_cli("build", "--sources", str(sources), "--db", str(out.parent / "old.db"), "--output", str(out))
    assert again.returncode == 0, again.stderr
    status = json.loads((out / "status.json").read_text("utf-8"))
    [left] = status["left_out"]
    assert left["guid"] == guid.replace("\x00", "\\x00")
    assert {path: path.read_bytes() for path in before} == before  # every feed the same, the health feed too
