"""The command's contract: exit status, errors that name the file, the source and
the key, and nothing written when the configuration is bad."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys

import feedparser
import pytest
from support import run_cli

GOOD = '''[[source]]
id = "lamdong"
name = "Công an tỉnh Lâm Đồng"
province = "Lâm Đồng"
list_urls = ["{url}tin-tuc-su-kien/"]
article_url_pattern = "/tin-tuc-su-kien/.+"
'''


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connection refused, at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


BAD_FILES = [
    # (what is wrong, file text, words the message must contain)
    ("unknown key", GOOD + 'colour = "red"\n', ["source 'lamdong'", "'colour'"]),
    ("bad regex", GOOD.replace('"/tin-tuc-su-kien/.+"', '"/tin-tuc/(["'), ["source 'lamdong'", "'article_url_pattern'"]),
    ("duplicate id", GOOD + "\n" + GOOD, ["source 'lamdong'", "'id'", "duplicate"]),
    ("bad URL", GOOD.replace("{url}", "ftp://example/"), ["source 'lamdong'", "'list_urls'"]),
    ("bad id", GOOD.replace('id = "lamdong"', 'id = "Lâm Đồng"'), ["'id'"]),
    ("unknown family", GOOD + 'family = "joomla"\n', ["source 'lamdong'", "'family'"]),
    ("unknown selector", GOOD + '[source.selectors]\nheadline = "h1"\n', ["source 'lamdong'", "selectors.headline"]),
    ("bad selector", GOOD + '[source.selectors]\ntitle = "h1[["\n', ["source 'lamdong'", "selectors.title"]),
    ("wrong type", GOOD + "max_pages = \"3\"\n", ["source 'lamdong'", "'max_pages'"]),
    ("missing key", GOOD.replace('article_url_pattern = "/tin-tuc-su-kien/.+"\n', ""), ["'article_url_pattern'"]),
    ("not TOML", "[[source]\nid=", ["not valid TOML"]),
]


@pytest.mark.parametrize("case, text, words", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_sources_file_exits_2_names_file_source_key_and_writes_nothing(tmp_path, case, text, words):
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("{url}", "http://127.0.0.1:9/"), "utf-8")
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = run_cli("crawl", "--sources", str(path), "--db", str(db), "--output", str(out))
    assert result.returncode == 2
    assert str(path) in result.stderr
    for word in words:
        assert word in result.stderr
    assert not db.exists() and not out.exists()


def test_unknown_source_id_is_a_usage_error(tmp_path, sample_sources):
    result = run_cli("crawl", "--sources", str(sample_sources), "--source", "nope", "--db", str(tmp_path / "t.db"))
    assert result.returncode == 2 and "'nope'" in result.stderr


def test_unreachable_source_exits_1_says_so_and_still_writes_valid_feeds(tmp_path, sample_sources):
    broken = tmp_path / "sources.toml"
    broken.write_text(sample_sources.read_text("utf-8") + "\n" + GOOD.replace("{url}", closed_port_url()), "utf-8")
    out = tmp_path / "out"
    result = run_cli("crawl", "--sources", str(broken), "--db", str(tmp_path / "t.db"), "--output", str(out),
                     "--delay", "0")
    assert result.returncode == 1
    assert "lamdong: failed:" in result.stderr
    assert "ConnectionRefused" in result.stderr or "Connection was refused" in result.stderr
    empty = feedparser.parse((out / "rss" / "lamdong.xml").read_bytes())
    assert empty.bozo == 0 and empty.entries == []
    good = feedparser.parse((out / "rss" / "daknong-sample.xml").read_bytes())
    assert len(good.entries) == 6  # the other source is still stored and published
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert "lamdong" in json.dumps(status, ensure_ascii=False)


def test_extract_prints_the_seed_normalized(tmp_path, sample_sources):
    from support import SEED_PAGE

    url = "https://congan.daknong.gov.vn/tin-tuc-su-kien/xay-dung-3012.html"
    result = run_cli("extract", url, "--html", str(SEED_PAGE))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["published"] == "2023-06-02T00:00:00+07:00"
    assert [a["name"] for a in record["authors"]] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]
    assert record["_extraction"]["matched"]["authors"] == "layout:byline-line"


def test_extract_of_a_missing_file_is_a_usage_error(tmp_path):
    result = run_cli("extract", "https://example.invalid/a.html", "--html", str(tmp_path / "missing.html"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_extract_of_a_page_that_is_not_an_article_exits_1(tmp_path):
    page = tmp_path / "waf.html"
    page.write_text("<html><script>document.cookie='a=1';location.reload()</script></html>", "utf-8")
    result = run_cli("extract", "https://bocongan.gov.vn/bai-viet/a-1783311539", "--html", str(page))
    assert result.returncode == 1 and "waf-challenge" in result.stderr


@pytest.mark.parametrize("option, value", [("--max-pages", "0"), ("--max-pages", "-3"), ("--delay", "-1"),
                                           ("--timeout", "0"), ("--item-limit", "0")])
def test_bad_numbers_are_usage_errors(tmp_path, sample_sources, option, value):
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(tmp_path / "t.db"),
                     "--output", str(tmp_path / "out"), option, value)
    assert result.returncode == 2 and option in result.stderr
    assert not (tmp_path / "t.db").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("source_id", ["all", "health", "province-lam-dong", "topic-lua-dao"])
def test_reserved_source_ids_are_refused_before_anything_is_written(tmp_path, source_id):
    path = tmp_path / "s.toml"
    path.write_text(GOOD.replace('id = "lamdong"', f'id = "{source_id}"').replace("{url}", "http://127.0.0.1:9/"),
                    "utf-8")
    result = run_cli("crawl", "--sources", str(path), "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "reserved" in result.stderr
    assert not (tmp_path / "t.db").exists() and not (tmp_path / "o").exists()


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, sample_sources):
    import sqlite3

    foreign = tmp_path / "notes.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    before = foreign.read_bytes()
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(foreign), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "not a tintuc-feed store" in result.stderr
    assert foreign.read_bytes() == before


def test_build_without_a_store_is_a_usage_error(tmp_path):
    result = run_cli("build", "--db", str(tmp_path / "none.db"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("user_version", [2, 9])
def test_a_foreign_sqlite_file_with_a_version_is_refused_and_left_alone(tmp_path, sample_sources, user_version):
    import sqlite3

    foreign = tmp_path / "places.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE places (name TEXT)")
        conn.execute(f"PRAGMA user_version = {user_version}")
    before = foreign.read_bytes()
    result = run_cli("build", "--sources", str(sample_sources), "--db", str(foreign), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "not a tintuc-feed store" in result.stderr
    assert foreign.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_a_usage_error(tmp_path, sample_sources):
    text = tmp_path / "notes.txt"
    text.write_text("ghi chú\n" * 100, "utf-8")
    result = run_cli("build", "--sources", str(sample_sources), "--db", str(text), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_an_output_path_under_a_file_is_refused_before_crawling(tmp_path, sample_sources, sample_site):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    result = run_cli("crawl", "--sources", str(sample_sources), "--db", str(tmp_path / "t.db"),
                     "--output", str(blocker / "out"), "--delay", "0")
    assert result.returncode == 2 and "not a folder" in result.stderr
    assert sample_site.requests == [] and not (tmp_path / "t.db").exists()


def test_a_source_named_twice_is_crawled_once(tmp_path, sample_sources, sample_site):
    result = run_cli("crawl", "--sources", str(sample_sources), "--source", "daknong-sample", "--source",
                     "daknong-sample", "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "o"), "--delay", "0")
    assert result.returncode == 0, result.stderr
    articles = [p for _, p in sample_site.requests if p.endswith(".html")]
    assert len(articles) == len(set(articles)) == 6
    assert re.search(r"^daknong-sample\s+ok\s+6\s+6\s", result.stdout, re.MULTILINE)


def test_an_id_with_a_trailing_newline_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(GOOD.replace('id = "lamdong"', 'id = "lamdong\\n"').replace("{url}", "http://127.0.0.1:9/"),
                    "utf-8")
    result = run_cli("crawl", "--sources", str(path), "--db", str(tmp_path / "t.db"))
    assert result.returncode == 2 and "'id'" in result.stderr


def test_serve_refuses_a_port_out_of_range(tmp_path):
    result = run_cli("serve", "--output", str(tmp_path), "--port", "70000")
    assert result.returncode == 2 and "--port" in result.stderr


def test_a_reader_that_leaves_early_is_not_an_error():
    proc = subprocess.run(f"{sys.executable} -m tintuc_feed.cli sources list | head -1", shell=True,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.stdout.startswith("id") and "Traceback" not in proc.stderr
