"""Never invent a date: a real crawl of a site whose article pages carry none (issue 13).

The list page shows a date beside three of its four links.  The two articles
whose pages show no date take the list's date (its hint, kept by the spider
from the generic list reader to the article reader) with its precision; the
one whose page has its own <meta> date keeps it over the list's; the last has
no date anywhere and is published without one: no date_published, no pubDate,
no Atom <published>, "_tintuc.date_precision": "none", sorted by the time it
was first seen.  Read back from the SQLite store and from the feeds.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import feedparser
import pytest
from support import run_cli

from tintuc_feed.sample_site import SampleSite

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Công an tỉnh Lâm Đồng</title>
</head><body><div class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc/">Tin tức</a></div>
<div class="main"><h1>{title}</h1>
<p>{text} Lực lượng Công an đã phối hợp với chính quyền địa phương triển khai nhiều biện pháp bảo đảm an ninh trật
tự trên địa bàn, tuyên truyền cho người dân về phòng ngừa tội phạm và tai nạn giao thông.</p>
<p>Qua đó góp phần giữ vững an ninh chính trị, bảo đảm trật tự an toàn xã hội, phục vụ nhiệm vụ phát triển kinh tế
xã hội của địa phương trong thời gian tới.</p></div>
<div class="footer">Công an tỉnh Lâm Đồng</div></body></html>"""

LIST = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<h2 class="cat-title">Tin tức</h2>
<div class="item-news"><h2><a href="/tin-tuc/hoi-nghi-an-ninh-101.html">Hội nghị an ninh trật tự</a></h2>
<span class="date">12/05/2024</span></div>
<div class="item-news"><h2><a href="/tin-tuc/tuan-tra-dem-102.html">Tuần tra đêm bảo đảm an toàn</a></h2></div>
<div class="item-news"><h2><a href="/tin-tuc/tap-huan-103.html">Tập huấn nghiệp vụ phòng cháy</a></h2>
<p class="meta"><i class="icon-clock"></i> 10/05/2024 08:30</p></div>
<div class="item-news"><h2><a href="/tin-tuc/trao-thuong-104.html">Trao thưởng cho tập thể xuất sắc</a></h2>
<span class="date">11/05/2024</span></div>
</body></html>"""

SOURCES = """[[source]]
id = "khong-ngay"
name = "Công an tỉnh Lâm Đồng (không ngày)"
province = "Lâm Đồng"
list_urls = ["{url}tin-tuc/"]
article_url_pattern = "/tin-tuc/[a-z0-9-]+-[0-9]+[.]html$"
max_pages = 1
"""


@pytest.fixture()
def crawled(tmp_path):
    root = tmp_path / "site"
    (root / "tin-tuc").mkdir(parents=True)
    (root / "tin-tuc" / "index.html").write_text(LIST, "utf-8")
    (root / "tin-tuc" / "hoi-nghi-an-ninh-101.html").write_text(
        PAGE.format(title="Hội nghị an ninh trật tự", text="Sáng nay, hội nghị sơ kết công tác diễn ra."), "utf-8"
    )
    (root / "tin-tuc" / "tuan-tra-dem-102.html").write_text(
        PAGE.format(title="Tuần tra đêm bảo đảm an toàn", text="Các tổ công tác tuần tra vào ban đêm."), "utf-8"
    )
    (root / "tin-tuc" / "tap-huan-103.html").write_text(
        PAGE.format(title="Tập huấn nghiệp vụ phòng cháy", text="Lớp tập huấn khai giảng sáng nay."), "utf-8"
    )
    (root / "tin-tuc" / "trao-thuong-104.html").write_text(
        PAGE.format(title="Trao thưởng cho tập thể xuất sắc", text="Buổi lễ trao thưởng diễn ra tại hội trường.")
        .replace("</head>", '<meta property="article:published_time" content="2024-05-01T07:00:00+07:00"></head>'),
        "utf-8",
    )
    out = tmp_path / "out"
    with SampleSite(root=root) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(SOURCES.format(url=site.url), "utf-8")
        result = run_cli(
            "crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output", str(out), "--delay", "0"
        )
    assert result.returncode == 0, result.stderr
    return out


def _stored(out):
    with sqlite3.connect(out.parent / "t.db") as conn:
        rows = conn.execute("SELECT title, published, published_raw, published_origin, date_precision FROM articles")
        return {row[0]: row[1:] for row in rows}


def _published(out, title: str) -> dict[str, object]:
    """The article's date as each feed has it: RSS pubDate, Atom <published>, JSON Feed date_published."""
    rss = feedparser.parse((out / "rss" / "khong-ngay.xml").read_bytes())
    atom = feedparser.parse((out / "atom" / "khong-ngay.xml").read_bytes())
    assert rss.bozo == 0 and atom.bozo == 0
    return {
        "rss": {e.title: e for e in rss.entries}[title].get("published_parsed"),
        "atom": {e.title: e for e in atom.entries}[title].get("published_parsed"),
        "json": _items(out)[title].get("date_published"),
    }


def _items(out):
    items = json.loads((out / "json" / "khong-ngay.json").read_text("utf-8"))["items"]
    return {item["title"]: item for item in items}


def test_list_date_is_used_when_the_page_has_none(crawled):
    item = _items(crawled)["Hội nghị an ninh trật tự"]
    assert item["date_published"] == "2024-05-12T00:00:00+07:00"
    assert item["_tintuc"]["date_precision"] == "date" and item["_tintuc"]["date_raw"] == "12/05/2024"
    assert _stored(crawled)["Hội nghị an ninh trật tự"] == (
        "2024-05-12T00:00:00+07:00", "12/05/2024", "list", "date")
    feeds = _published(crawled, "Hội nghị an ninh trật tự")
    assert feeds["json"] == "2024-05-12T00:00:00+07:00"
    assert tuple(feeds["rss"])[:5] == tuple(feeds["atom"])[:5] == (2024, 5, 11, 17, 0)  # feedparser gives UTC


def test_list_date_with_a_time_keeps_its_time(crawled):
    item = _items(crawled)["Tập huấn nghiệp vụ phòng cháy"]
    assert item["date_published"] == "2024-05-10T08:30:00+07:00"
    assert item["_tintuc"]["date_precision"] == "datetime"
    assert _stored(crawled)["Tập huấn nghiệp vụ phòng cháy"] == (
        "2024-05-10T08:30:00+07:00", "10/05/2024 08:30", "list", "datetime")
    assert tuple(_published(crawled, "Tập huấn nghiệp vụ phòng cháy")["rss"])[:5] == (2024, 5, 10, 1, 30)


def test_the_pages_own_date_wins_over_the_list_date(crawled):
    item = _items(crawled)["Trao thưởng cho tập thể xuất sắc"]
    assert item["date_published"] == "2024-05-01T07:00:00+07:00"
    published, _raw, origin, precision = _stored(crawled)["Trao thưởng cho tập thể xuất sắc"]
    assert (published, origin, precision) == ("2024-05-01T07:00:00+07:00", "meta", "datetime")
    assert datetime.fromisoformat(published).day == 1  # not the list's 11/05


def test_no_date_anywhere_means_no_date_published(crawled):
    item = _items(crawled)["Tuần tra đêm bảo đảm an toàn"]
    assert "date_published" not in item
    assert item["_tintuc"]["date_precision"] == "none" and item["_tintuc"]["first_seen"]
    rss = feedparser.parse((crawled / "rss" / "khong-ngay.xml").read_bytes())
    atom = feedparser.parse((crawled / "atom" / "khong-ngay.xml").read_bytes())
    assert rss.bozo == 0 and atom.bozo == 0
    assert "published" not in {e.title: e for e in rss.entries}["Tuần tra đêm bảo đảm an toàn"]
    assert "published" not in {e.title: e for e in atom.entries}["Tuần tra đêm bảo đảm an toàn"]
    published, raw, _origin, precision = _stored(crawled)["Tuần tra đêm bảo đảm an toàn"]
    assert published is None and raw is None and precision in (None, "none")


def test_undated_article_sorts_by_first_seen(crawled):
    titles = [item["title"] for item in json.loads((crawled / "json" / "khong-ngay.json").read_text("utf-8"))["items"]]
    # the undated one was seen now, after May 2024; then newest first
    assert titles == ["Tuần tra đêm bảo đảm an toàn", "Hội nghị an ninh trật tự", "Tập huấn nghiệp vụ phòng cháy",
                      "Trao thưởng cho tập thể xuất sắc"]
