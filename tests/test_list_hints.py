"""The generic list reader keeps the date and title shown beside each article link (families/generic_list.py).

One test per row of LIST_CARDS: a list card's shape as real portals write it, and the hints each
article link must get (no "date" key: the card shows no date of its own, so none may be borrowed).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed.families import generic
from tintuc_feed.normalize.dates import is_list_date, parse_date
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=VN)
LIST_URL = "https://congan.example.vn/tin-tuc/"
SOURCE = Source(id="t", name="t", list_urls=(LIST_URL,), article_url_pattern=r"/tin-tuc/[a-z0-9-]+-\d+\.html$")
A, B = "/tin-tuc/hoi-nghi-101.html", "/tin-tuc/tuan-tra-102.html"

# (row, list markup, {href: (title hint, date hint or None, the instant the date hint means or None)})
LIST_CARDS = [
    ("li with a date span", f"""<ul class="list-news">
        <li><a href="{A}">Hội nghị an ninh trật tự</a> <span class="date">29/11/2026</span></li>
        <li><a href="{B}">Tuần tra đêm bảo đảm an toàn</a> <span class="date">28/11/2026 08:30</span></li></ul>""",
     {A: ("Hội nghị an ninh trật tự", "29/11/2026", datetime(2026, 11, 29, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "28/11/2026 08:30", datetime(2026, 11, 28, 8, 30, tzinfo=VN))}),
    ("article with <time datetime>", f"""<section>
        <article><h3><a href="{A}">Hội nghị an ninh trật tự</a></h3>
          <time datetime="2026-11-29T08:30:00+07:00">08:30 29/11</time></article>
        <article><h3><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></h3>
          <time datetime="2026-11-28T01:15:00Z">28/11</time></article></section>""",
     {A: ("Hội nghị an ninh trật tự", "2026-11-29T08:30:00+07:00", datetime(2026, 11, 29, 8, 30, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "2026-11-28T01:15:00Z", datetime(2026, 11, 28, 8, 15, tzinfo=VN))}),
    ("div.item: picture link, heading link, time before a day without year", f"""<div class="list">
        <div class="item"><a href="{A}"><img src="/a.jpg" alt=""></a>
          <h3 class="title"><a href="{A}">Hội nghị an ninh trật tự</a></h3>
          <div class="meta"><i class="fa fa-clock"></i> 08:30 29/11</div><p>Sáng nay hội nghị diễn ra.</p></div>
        <div class="item"><a href="{B}"><img src="/b.jpg" alt=""></a>
          <h3 class="title"><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></h3>
          <div class="meta"><i class="fa fa-clock"></i> 21:05 31/12</div><p>Các tổ công tác tuần tra.</p></div></div>""",
     {A: ("Hội nghị an ninh trật tự", "08:30 29/11", datetime(2026, 11, 29, 8, 30, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "21:05 31/12", datetime(2025, 12, 31, 21, 5, tzinfo=VN))}),
    ("legacy table rows", f"""<table class="tbl"><tr><td><img src="/dot.gif"></td>
        <td><a href="{A}" class="link">Hội nghị an ninh trật tự</a></td><td class="small">(29/11/2026)</td></tr>
        <tr><td><img src="/dot.gif"></td><td><a href="{B}" class="link">Tuần tra đêm bảo đảm an toàn</a></td>
        <td class="small">(28/11/2026)</td></tr></table>""",
     {A: ("Hội nghị an ninh trật tự", "(29/11/2026)", datetime(2026, 11, 29, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "(28/11/2026)", datetime(2026, 11, 28, tzinfo=VN))}),
    ("relative times", f"""<div class="box">
        <div class="news"><a href="{A}">Hội nghị an ninh trật tự</a><span class="time">2 giờ trước</span></div>
        <div class="news"><a href="{B}">Tuần tra đêm bảo đảm an toàn</a><span class="time">Hôm qua</span></div></div>""",
     {A: ("Hội nghị an ninh trật tự", "2 giờ trước", datetime(2026, 11, 29, 8, 0, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "Hôm qua", datetime(2026, 11, 28, tzinfo=VN))}),
    ("weekday, date and time in a paragraph", f"""<ul>
        <li><h4><a href="{A}">Hội nghị an ninh trật tự</a></h4><p class="ngay-dang">Thứ bảy, 29/11/2026, 08:30</p></li>
        <li><h4><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></h4>
          <p>Cập nhật lúc 09:15 ngày 02/04/2024</p></li></ul>""",
     {A: ("Hội nghị an ninh trật tự", "Thứ bảy, 29/11/2026, 08:30", datetime(2026, 11, 29, 8, 30, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "Cập nhật lúc 09:15 ngày 02/04/2024",
          datetime(2024, 4, 2, 9, 15, tzinfo=VN))}),
    ("a date in the card's own text after the link", f"""<ul>
        <li><a href="{A}">Hội nghị an ninh trật tự</a> - 29/11/2026</li>
        <li><a href="{B}">Tuần tra đêm bảo đảm an toàn</a> - 28/11/2026</li></ul>""",
     {A: ("Hội nghị an ninh trật tự", "- 29/11/2026", datetime(2026, 11, 29, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "- 28/11/2026", datetime(2026, 11, 28, tzinfo=VN))}),
    ("date split over the date element and a time span, with views", f"""<div>
        <div class="post"><h2><a href="{A}">Hội nghị an ninh trật tự</a></h2>
          <div class="info"><span class="post-date">29/11/2026</span> <span>08:30</span> | <span>120 lượt xem</span></div>
          </div>
        <div class="post"><h2><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></h2>
          <div class="info"><span class="post-date">28/11/2026</span></div></div></div>""",
     {A: ("Hội nghị an ninh trật tự", "29/11/2026 08:30 | 120 lượt xem", datetime(2026, 11, 29, 8, 30, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "28/11/2026", datetime(2026, 11, 28, tzinfo=VN))}),
    ("the next card's date is not borrowed", f"""<ul>
        <li><a href="{A}">Hội nghị an ninh trật tự</a></li>
        <li><a href="{B}">Tuần tra đêm bảo đảm an toàn</a><span class="date">28/11/2026</span></li></ul>""",
     {A: ("Hội nghị an ninh trật tự", None, None),
      B: ("Tuần tra đêm bảo đảm an toàn", "28/11/2026", datetime(2026, 11, 28, tzinfo=VN))}),
    ("a date heading over several cards is no card's date", f"""<div class="group">
        <h3 class="date">29/11/2026</h3>
        <ul><li><a href="{A}">Hội nghị an ninh trật tự</a></li><li><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></li>
        </ul></div>""",
     {A: ("Hội nghị an ninh trật tự", None, None), B: ("Tuần tra đêm bảo đảm an toàn", None, None)}),
    ("the page banner's date is not a lone card's date", f"""<div id="wrapper">
        <div class="header"><span class="today">Thứ bảy, 29/11/2026</span>
          <a href="/">Trang chủ</a><a href="/gioi-thieu/">Giới thiệu</a><a href="/tin-tuc/">Tin tức</a>
          <a href="/van-ban/">Văn bản</a><a href="/lien-he/">Liên hệ</a><a href="/hoi-dap/">Hỏi đáp</a></div>
        <div class="main"><ul><li><a href="{A}">Hội nghị an ninh trật tự</a></li></ul></div></div>""",
     {A: ("Hội nghị an ninh trật tự", None, None)}),
    ("a title that holds a date is a title, not a date", f"""<ul>
        <li><a href="{A}">Ngày 29/11/2026, Công an tỉnh tổ chức hội nghị an ninh trật tự</a></li>
        <li><a href="{B}">Tuần tra đêm bảo đảm an toàn</a></li></ul>""",
     {A: ("Ngày 29/11/2026, Công an tỉnh tổ chức hội nghị an ninh trật tự", None, None),
      B: ("Tuần tra đêm bảo đảm an toàn", None, None)}),
    ("a picture link with only a title attribute", f"""<div>
        <div class="thumb-item"><a href="{A}" title="Hội nghị an ninh trật tự"><img src="/a.jpg"></a>
          <span class="date">29/11/2026</span></div>
        <div class="thumb-item"><a href="{B}" title="Tuần tra đêm bảo đảm an toàn"><img src="/b.jpg"></a>
          <span class="date">28/11/2026</span></div></div>""",
     {A: ("Hội nghị an ninh trật tự", "29/11/2026", datetime(2026, 11, 29, tzinfo=VN)),
      B: ("Tuần tra đêm bảo đảm an toàn", "28/11/2026", datetime(2026, 11, 28, tzinfo=VN))}),
]


def _page(markup: str) -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head>
<body>{markup}</body></html>"""


@pytest.mark.parametrize(("row", "markup", "expected"), LIST_CARDS, ids=[r[0] for r in LIST_CARDS])
def test_list_card(row, markup, expected):
    page = generic.parse_list(LIST_URL, _page(markup), SOURCE)
    got = {link.url: dict(link.hints) for link in page.articles}
    assert list(got) == [f"https://congan.example.vn{href}" for href in expected]
    for href, (title, date, instant) in expected.items():
        hints = got[f"https://congan.example.vn{href}"]
        assert hints.get("title") == title
        assert hints.get("date") == date
        if date is not None:
            assert parse_date(date, "list", now=NOW).value == instant


def test_list_items_named_by_the_source_are_the_cards():
    source = Source(id="t", name="t", list_urls=(LIST_URL,), article_url_pattern=SOURCE.article_url_pattern,
                    selectors={"list_item": ".row"})
    markup = f"""<div class="rows"><div class="row"><a href="{A}">Hội nghị an ninh trật tự</a></div>
        <div class="row"><a href="{B}">Tuần tra đêm bảo đảm an toàn</a> <em>28/11/2026</em></div></div>"""
    page = generic.parse_list(LIST_URL, _page(markup), source)
    assert [dict(link.hints).get("date") for link in page.articles] == [None, "28/11/2026"]


# (string, whether a list card may show it as its article's date)
LIST_DATES = [
    ("29/11/2026", True), ("29/11/2026 08:30", True), ("08:30 29/11", True), ("29/11", True),
    ("2 giờ trước", True), ("Thứ bảy, 29/11/2026", True), ("2026-11-29T08:30:00+07:00", True),
    ("Ngày 29/11/2026, Công an tỉnh tổ chức hội nghị", False), ("Tin tức", False), ("1.5/2", False),
    ("31/02", False), ("Hội nghị 29/11 về an ninh", False),
]


@pytest.mark.parametrize(("text", "is_date"), LIST_DATES, ids=[r[0] for r in LIST_DATES])
def test_what_a_card_may_show_as_a_date(text, is_date):
    assert is_list_date(text) is is_date


def test_a_day_without_year_is_the_latest_such_day_not_after_now():
    assert parse_date("31/12", "list", now=NOW).value == datetime(2025, 12, 31, tzinfo=VN)
    assert parse_date("29/11", "list", now=NOW).value == datetime(2026, 11, 29, tzinfo=VN)
    assert parse_date("29/11", "text", now=NOW) is None  # only a list card's date may lack its year


ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị an ninh trật tự</title>{meta}
</head><body><div class="main"><h1>Hội nghị an ninh trật tự</h1>
<p>Sáng nay, hội nghị sơ kết công tác bảo đảm an ninh trật tự diễn ra tại hội trường Công an tỉnh, với sự tham dự
của lãnh đạo các đơn vị nghiệp vụ và Công an các huyện, thành phố trên địa bàn tỉnh.</p>
<p>Hội nghị đã đánh giá kết quả đạt được và đề ra phương hướng nhiệm vụ trong thời gian tới.</p></div></body></html>"""


def _read(meta: str, hints: dict[str, str]):
    from tintuc_feed import voters

    url = f"https://congan.example.vn{A}"
    return voters.read_article(SOURCE, url, ARTICLE.format(meta=meta), hints=hints, now=NOW)


def test_the_list_date_is_taken_only_when_the_page_has_none_and_the_decision_is_recorded():
    raw = _read("", {"date": "28/11/2026 08:30", "title": "Hội nghị an ninh trật tự"})
    assert raw.matched["date"] == "list-hint"
    assert parse_date(raw.dates[-2].raw, raw.dates[-2].origin, now=NOW).value == datetime(2026, 11, 28, 8, 30,
                                                                                          tzinfo=VN)


def test_the_pages_structural_date_wins_over_the_list_date():
    meta = '<meta property="article:published_time" content="2026-11-20T07:00:00+07:00">'
    raw = _read(meta, {"date": "28/11/2026 08:30"})
    assert raw.matched["date"] == "meta" and raw.matched["date_hint"] == "list-hint:unused"
    assert raw.dates[0].origin == "meta" and any(d.origin == "list" for d in raw.dates)
