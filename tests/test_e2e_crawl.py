"""End to end, as a user runs it: `tintuc-feed crawl` in a subprocess against the
sample site served on 127.0.0.1, outputs read back with feedparser and JSON Schemas."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources

import feedparser
import jsonschema
import pytest
from support import JSONFEED_SCHEMA, run_cli

from tintuc_feed.sample_site import SOURCE_ID

SEED_TITLE = "Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại"
ARTICLES_ON_SITE = 6


def project_schema(name: str) -> dict:
    return json.loads(resources.files("tintuc_feed").joinpath("schemas", name).read_text("utf-8"))


@pytest.fixture()
def crawled(tmp_path, sample_sources, sample_site):
    db, out = tmp_path / "data" / "t.db", tmp_path / "out"
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(db), "--output", str(out), "--delay", "0")
    return result, db, out, sample_site


def test_crawl_exits_0_and_reports_the_source(crawled):
    result, *_ = crawled
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith(SOURCE_ID))
    assert line.split()[1:4] == ["ok", str(ARTICLES_ON_SITE), str(ARTICLES_ON_SITE)]


def test_store_is_a_real_sqlite_file_with_every_article(crawled):
    _, db, *_ = crawled
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES_ON_SITE
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_xml_feeds_parse_cleanly_with_every_article(crawled, kind):
    _, _, out, _ = crawled
    parsed = feedparser.parse((out / kind / f"{SOURCE_ID}.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == ARTICLES_ON_SITE
    seed = next(e for e in parsed.entries if e.title == SEED_TITLE)
    assert seed.published in ("Fri, 02 Jun 2023 00:00:00 +0700", "2023-06-02T00:00:00+07:00")  # not 6 Feb, not 1 Jun
    assert "Minh Quỳnh" in {a.get("name") for a in seed.get("authors", [])} | {seed.get("author")}


def test_rss_pubdate_is_rfc822_in_vietnam_time(crawled):
    _, _, out, _ = crawled
    text = (out / "rss" / f"{SOURCE_ID}.xml").read_text("utf-8")
    assert "<pubDate>Fri, 02 Jun 2023 00:00:00 +0700</pubDate>" in text
    assert "<dc:creator>Bá Hiển</dc:creator>" in text


def test_json_feed_passes_both_schemas(crawled):
    _, _, out, _ = crawled
    for name in (SOURCE_ID, "all"):
        document = json.loads((out / "json" / f"{name}.json").read_text("utf-8"))
        jsonschema.validate(document, project_schema("jsonfeed-item.schema.json"))
        if JSONFEED_SCHEMA.exists():
            jsonschema.validate(document, json.loads(JSONFEED_SCHEMA.read_text("utf-8")))
        assert len(document["items"]) == ARTICLES_ON_SITE


def test_json_feed_seed_item(crawled):
    _, _, out, _ = crawled
    items = json.loads((out / "json" / f"{SOURCE_ID}.json").read_text("utf-8"))["items"]
    seed = next(i for i in items if i["title"] == SEED_TITLE)
    assert seed["date_published"] == "2023-06-02T00:00:00+07:00"
    assert [a["name"] for a in seed["authors"]] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]
    assert seed["_tintuc"]["source"] == SOURCE_ID and seed["_tintuc"]["province"] == "Lâm Đồng"
    assert "Toàn cảnh Hội nghị" in seed["content_html"] and "Liên kết website" not in seed["content_html"]


def test_articles_jsonl_records_pass_the_project_schema(crawled):
    _, _, out, _ = crawled
    schema = project_schema("article-record.schema.json")
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == ARTICLES_ON_SITE
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_second_crawl_adds_nothing_and_fetches_no_article(crawled, sample_sources):
    _, db, out, site = crawled
    before = len(site.requests)
    again = run_cli("crawl", "--sources", str(sample_sources), "--db", str(db), "--output", str(out), "--delay", "0")
    assert again.returncode == 0, again.stderr
    paths = [path for _, path in site.requests[before:]]
    assert not [p for p in paths if p.endswith(".html")]  # no article page downloaded again
    assert paths.count("/tin-tuc-su-kien/") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES_ON_SITE


def test_build_rewrites_nothing_when_nothing_changed(crawled, sample_sources):
    _, db, out, _ = crawled
    feed = out / "rss" / f"{SOURCE_ID}.xml"
    before = (feed.read_bytes(), feed.stat().st_mtime_ns)
    result = run_cli("build", "--sources", str(sample_sources), "--db", str(db), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert (feed.read_bytes(), feed.stat().st_mtime_ns) == before
