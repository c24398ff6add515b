"""End to end: `tintuc-feed crawl` of a portal serving notice pages on 127.0.0.1, then the notice files
checked against their schemas, the feeds read back with feedparser, and `tintuc-feed notices`."""

from __future__ import annotations

import csv
import io
import json
from html import escape
from importlib import resources

import feedparser
import jsonschema
import pytest
from families.site import FixtureSite
from notice_cases import load
from support import run_cli

HTML = "text/html"
# (fixture id, publication date as the page shows it)
PAGES = [("w10-three-persons-prose", "11/04/2024 08:30"), ("d04-decision-number-second-person", "20/06/2024 09:00"),
         ("f01-fake-police-call", "03/03/2025 14:19"), ("a01-victims-fraud", "05/03/2025 10:00"),
         ("s02-fraud-court-case", "12/09/2024 16:00")]
CASES = {case["id"]: case for kind in ("wanted", "withdrawal", "fraud", "appeal", "story") for case in load(kind)}


def _page(case: dict, date: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in case["text"].split("\n\n"))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(case["title"])}</title>'
            f'</head><body><div class="menu"><a href="/">Trang chủ</a></div><h1 class="title">{escape(case["title"])}'
            f'</h1><div class="ngaydang">{date}</div><div class="noidungtin">{body}</div></body></html>')


def _routes() -> dict:
    links = "".join(f'<li><a href="/thong-bao/{cid}.html">{escape(CASES[cid]["title"])}</a></li>' for cid, _ in PAGES)
    routes = {"/thong-bao/": (HTML, f'<html><body><h1>Thông báo</h1><ul class="list">{links}</ul></body></html>'),
              "/robots.txt": ("text/plain", "User-agent: *\nAllow: /\n")}
    routes |= {f"/thong-bao/{cid}.html": (HTML, _page(CASES[cid], date)) for cid, date in PAGES}
    return routes


SOURCES = """[[source]]
id = "thongbao"
name = "Công an tỉnh (thông báo)"
province = "Tây Ninh"
list_urls = ["{base}/thong-bao/"]
article_url_pattern = "/thong-bao/[a-z0-9-]+[.]html$"
[source.selectors]
title = "h1.title"
date = ".ngaydang"
body = ".noidungtin"
"""


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    root = tmp_path_factory.mktemp("notices-e2e")
    with FixtureSite(_routes()) as site:
        sources = root / "sources.toml"
        sources.write_text(SOURCES.format(base=site.base), "utf-8")
        result = run_cli("crawl", "--sources", str(sources), "--db", str(root / "t.db"), "--output",
                         str(root / "out"), "--delay", "0")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _schema(name: str) -> dict:
    return json.loads(resources.files("tintuc_feed").joinpath("schemas", name).read_text("utf-8"))


@pytest.mark.parametrize("kind", ["wanted", "fraud", "appeals"])
def test_notice_files_pass_their_schemas(crawled, kind):
    document = json.loads((crawled / "out" / "notices" / f"{kind}.json").read_text("utf-8"))
    jsonschema.validate(document, _schema(f"notices-{kind}.schema.json"))


def test_the_withdrawn_person_left_the_active_list(crawled):
    document = json.loads((crawled / "out" / "notices" / "wanted.json").read_text("utf-8"))
    assert [p["name"]["value"] for p in document["active"]] == ["Trịnh Văn Sơn", "Ngô Đức Anh"]
    [withdrawn] = document["withdrawn"]
    assert withdrawn["name"]["value"] == "Hoàng Thị Mai"
    assert withdrawn["withdrawn_by"]["matched_by"] == "decision_number"
    assert withdrawn["article"]["published"] == "2024-04-11T08:30:00+07:00"


def test_the_court_story_is_no_notice(crawled):
    out = crawled / "out" / "notices"
    text = "".join(p.read_text("utf-8") for p in out.iterdir() if not p.name.startswith("."))
    assert "s02-fraud-court-case" not in text


def test_feeds_read_back(crawled):
    wanted = feedparser.parse((crawled / "out" / "rss" / "notices-wanted.xml").read_bytes())
    assert wanted.bozo == 0
    assert [e.title for e in wanted.entries] == [
        "Truy nã: Trịnh Văn Sơn (sinh 1980) – Tổ chức đánh bạc",
        "Đã đình nã: Hoàng Thị Mai (sinh 1984) – Tổ chức đánh bạc (đã ra đầu thú)",
        "Truy nã: Ngô Đức Anh (sinh 1991) – Tổ chức đánh bạc"]
    fraud = feedparser.parse((crawled / "out" / "rss" / "notices-fraud.xml").read_bytes())
    assert [e.title for e in fraud.entries] == ["Cảnh báo lừa đảo: Giả danh Công an gọi điện (3 số điện thoại)"]
    appeals = json.loads((crawled / "out" / "json" / "notices-appeals.json").read_text("utf-8"))
    assert [i["title"] for i in appeals["items"]] == [
        "Tìm người bị hại: Cơ quan Cảnh sát điều tra Công an tỉnh Thanh Hóa (hạn 30/11/2024)"]


def test_indicators_csv(crawled):
    rows = list(csv.DictReader(io.StringIO((crawled / "out" / "notices" / "fraud-indicators.csv").read_text("utf-8"))))
    assert sorted(r["value"] for r in rows) == ["+84393456789", "+84868123456", "+84886555999"]
    assert all(r["first_seen"].startswith("2025-03-03") for r in rows)


def test_notices_command_json_and_table(crawled):
    db = str(crawled / "t.db")
    result = run_cli("notices", "--db", db, "--kind", "fraud", "--format", "json")
    assert result.returncode == 0, result.stderr
    [warning] = json.loads(result.stdout)["fraud"]
    assert [p["value"] for p in warning["phones"]] == ["+84868123456", "+84393456789", "+84886555999"]
    table = run_cli("notices", "--db", db)
    lines = table.stdout.splitlines()
    assert lines[0].split("\t") == ["kind", "status", "date", "summary", "url"]
    assert sum(line.startswith("wanted\tactive\t") for line in lines) == 2
    assert sum(line.startswith("wanted\twithdrawn\t") for line in lines) == 1
    assert sum(line.startswith(("fraud\t", "appeal\t")) for line in lines) == 2


def test_notices_command_without_a_store_is_a_usage_error(tmp_path):
    result = run_cli("notices", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "no store" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_a_source_named_like_a_notice_feed_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(SOURCES.format(base="http://127.0.0.1:9").replace('id = "thongbao"', 'id = "notices-wanted"'),
                    "utf-8")
    result = run_cli("crawl", "--sources", str(path), "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "reserved" in result.stderr
    assert not (tmp_path / "o").exists()
