"""families/date_order.py: day-first or month-first for the numeric date a header line shows.

One test per row of the module's table, the page-wide evidence on its own, and the voter's header step
(htmldate's extensive mode, really run) on pages that show each case.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import voters
from tintuc_feed.families import date_order
from tintuc_feed.families.base import parse_html
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=VN)


def html(line: str, elsewhere: str = "") -> str:
    return (f"<html><body><h1>Anh em cùng nhau vào bếp làm bánh</h1><p>{line}</p>"
            f"<p>Nội dung bài viết ở đây.</p><div class='sidebar'>{elsewhere}</div></body></html>")


# (row of the module's table, line, the rest of the page, htmldate's day, the day kept)
ROWS = [
    ("first number > 12: day-first, the only reading", "Đăng ngày 23-08-2011", "", "2011-08-23", "2011-08-23"),
    ("second number > 12: month-first, the only reading", "Published on 08-23-2011", "", "2011-08-23",
     "2011-08-23"),
    ("both <= 12 with dots: day-first, whatever htmldate read", "4. 2. 2022.", "", "2022-04-02", "2022-02-04"),
    ("both <= 12 with dots: day-first even beside month-first dates", "03.08.2011", "12.27.2012 12/24/2012",
     "2011-08-03", "2011-08-03"),
    ("both <= 12, '-': the page writes month-first only: month-first", "Published on 03-08-2011 01:00 AM",
     "ht8899 12-24-2012 02:17 PM · 12-27-2012", "2011-08-03", "2011-03-08"),
    ("both <= 12, '/': the page writes month-first only: month-first", "Posted 03/08/2011",
     "Last post 12/24/2012", "2011-08-03", "2011-03-08"),
    ("both <= 12, '-': nothing else on the page: day-first", "Published on 03-08-2011", "", "2011-03-08",
     "2011-08-03"),
    ("both <= 12, '-': a date only day-first reads too: day-first", "Đăng lúc 03-08-2011",
     "12-24-2012 · 24-12-2012", "2011-03-08", "2011-08-03"),
    ("both <= 12, '-': month-first only with another separator: day-first", "03-08-2011",
     "12/24/2012", "2011-03-08", "2011-08-03"),
    ("no numeric date on the line: htmldate's day unchanged", "3. August 2011", "12-24-2012", "2011-08-03",
     "2011-08-03"),
]


@pytest.mark.parametrize(("row", "line", "elsewhere", "htmldates", "kept"), ROWS, ids=[r[0] for r in ROWS])
def test_order_rule(row, line, elsewhere, htmldates, kept):
    assert date_order.ordered_day(htmldates, [line], parse_html(html(line, elsewhere))) == kept


@pytest.mark.parametrize(("text", "sep", "month_first"), [
    ("12-24-2012 and 12-27-2012", "-", True),
    ("12-24-2012 and 24-12-2012", "-", False),  # the page writes both ways: no evidence
    ("12-24-2012", "/", False),  # another separator is another writing
    ("03-08-2011 only", "-", False),  # ambiguous dates say nothing
    ("version 1.12-24-2012", "-", False),  # inside a dotted number: no date
    ("10:12-24-2012", "-", False),  # glued to a time: no date
    ("<script>var d = '12/24/2012';</script> 03/08/2011", "/", False),  # what a reader never sees
    ("<!-- cached 12/24/2012 --> 03/08/2011", "/", False),
    ("<p>12/24/2012</p><script>var d = '24/12/2012';</script>", "/", False),  # a day-first date anywhere counts
])
def test_page_month_first(text, sep, month_first):
    assert date_order.page_month_first(text, sep) is month_first


SOURCE = Source(id="adhoc", name="teen9x.net", list_urls=("http://teen9x.net/",), article_url_pattern=".")
TITLE = "8/3 boy vào bếp chế bánh tình yêu"
BODY = ("<p>Bánh tình yêu này dành cho các cặp đôi nhân ngày con gái, làm rất dễ mà ăn thì ngon tuyệt, "
        "các bạn nam thử trổ tài vào bếp một lần xem sao nhé.</p>"
        "<p>Đem bánh đi nướng ở 160 độ trong vòng 8-10 phút nha, rồi để nguội trước khi cho vào hộp.</p>")


# vBulletin CMS's article header (tests/fixtures/real/teen9x-2011-banh).  Its line also shows the view count,
# a segment of its own (normalize/date_lines.py COUNTER_WORDS, blind round 7b): with it as alone on its line,
# the date is the generic reader's date line, in the order the page's other dates show.
ALONE = "Published on 03-08-2011 01:00 AM"
WITH_VIEWS = "Published on 03-08-2011 01:00 AM &nbsp; &nbsp; Số lần xem: 169"


def forum_page(widget: str, line: str) -> str:
    return (f"<html><head><meta name='generator' content='vBulletin 4.1.7'><title>{TITLE}</title></head><body>"
            f"<div class='article'><h1>{TITLE}</h1><div class='article_username_container'>by "
            f"<a href='/members/1-admin.html'>Admin</a></div>"
            f"<div class='article_username_container'>{line}</div>{BODY}</div>"
            f"<div class='cms_widget'><h3>Bài mới</h3><a href='/members/1-a.html'>ht8899</a> {widget} "
            f"<span class='time'>02:17 PM</span></div></body></html>")


def read(html_text: str):
    return voters.read_article(SOURCE, "http://teen9x.net/bai-viet/bep-nuc/83-boy-690.html", html_text, now=NOW)


# (the forum's other date, the line's path, the day kept)
VOTER_ROWS = [
    ("12-24-2012", ALONE, "layout:date-line", "2011-03-08"),
    ("24-12-2012", ALONE, "layout:date-line", "2011-08-03"),
    ("12-24-2012", WITH_VIEWS, "layout:date-line", "2011-03-08"),
    ("24-12-2012", WITH_VIEWS, "layout:date-line", "2011-08-03"),
]


@pytest.mark.parametrize(("widget", "line", "rule", "day"), VOTER_ROWS,
                         ids=["line, month-first page", "line, day-first page", "line with views, month-first page",
                              "line with views, day-first page"])
def test_voter_reads_the_forums_date_in_the_order_its_other_dates_show(widget, line, rule, day):
    raw = read(forum_page(widget, line))
    assert raw.matched["date"] == rule
    published = pick_published(raw.dates, now=NOW)
    assert published.value.date().isoformat() == day
    assert ("date_order" in raw.matched) is (rule == "layout:date-line" and day == "2011-03-08")
