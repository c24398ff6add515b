"""The eighth pass's date forms, each on a small page of its own read by the whole reader (issue 13).

Rows of normalize/date_lines.py: "g" for giờ and the hour alone ("14g24", "14g", "14h", "9 giờ sáng"),
as the blind rounds met them, and the English lines of a portal's English page ("Nov 20, 2025 2:24 PM",
"20 November 2025"), read in Asia/Ho_Chi_Minh unless the line gives a zone.  Each row is a page where
that line is the only date shown (no <meta>, no JSON-LD, no date in the URL), so the date can only come
from the row; the negative rows show where such a line is no publication date.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import voters
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=VN)
SOURCE = Source(id="adhoc", name="congan.example.gov.vn", list_urls=("https://congan.example.gov.vn/",),
                article_url_pattern=".")
URL = "https://congan.example.gov.vn/tin-tuc/hoi-nghi-tong-ket.html"

VI_TITLE = "Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự"
VI_BODY = ("<p>Sáng nay, Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2025 và triển "
           "khai nhiệm vụ trọng tâm năm 2026 với sự tham dự của lãnh đạo các đơn vị nghiệp vụ.</p>"
           "<p>Tại hội nghị, các đại biểu đã thảo luận, đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế "
           "và đề ra các giải pháp nâng cao hiệu quả công tác phòng ngừa, đấu tranh với tội phạm.</p>")
EN_TITLE = "Provincial police review the year's work on security and order"
EN_BODY = ("<p>The provincial police held a conference to review their work on security and order this year and "
           "to set out the main tasks for the next, attended by the leaders of all operational units.</p>"
           "<p>Delegates discussed the results achieved, pointed out the shortcomings and proposed measures to "
           "make the prevention of crime and the fight against it more effective across the province.</p>")


def portal_page(title: str, body: str, date_html: str, *, before_title: bool = False, extra: str = "") -> str:
    """A provincial portal's article: menu, title, the date element, the body, a footer; nothing else dated."""
    head = f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    menu = "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
    heading = f"<h1 class='title'>{title}</h1>"
    top = date_html + heading if before_title else heading + date_html
    return (f"{head}{menu}<div class='detail'>{top}<div class='content'>{body}</div></div>{extra}"
            "<div class='footer'>Cổng thông tin điện tử Công an tỉnh</div></body></html>")


# (row, page, expected publication instant in Vietnam)
ROWS = [
    ("14g24 after the date", portal_page(VI_TITLE, VI_BODY, "<div class='date'>Thứ năm, 20/11/2025 | 14g24</div>"),
     datetime(2025, 11, 20, 14, 24, tzinfo=VN)),
    ("14g24 before the date", portal_page(VI_TITLE, VI_BODY, "<span class='time'>Cập nhật lúc 14g24 ngày 20/11/2025</span>"),
     datetime(2025, 11, 20, 14, 24, tzinfo=VN)),
    ("the hour alone: 14g", portal_page(VI_TITLE, VI_BODY, "<p class='ngay-dang'>14g ngày 20/11/2025</p>"),
     datetime(2025, 11, 20, 14, 0, tzinfo=VN)),
    ("the hour alone: 14h, over the title", portal_page(VI_TITLE, VI_BODY, "<div class='date'>20/11/2025 - 14h</div>",
                                                       before_title=True),
     datetime(2025, 11, 20, 14, 0, tzinfo=VN)),
    ("9 giờ sáng", portal_page(VI_TITLE, VI_BODY, "<div class='date'>Đăng lúc 9 giờ sáng ngày 20/11/2025</div>"),
     datetime(2025, 11, 20, 9, 0, tzinfo=VN)),
    ("English: month day, year, 12-hour time", portal_page(EN_TITLE, EN_BODY, "<div class='date'>Nov 20, 2025 2:24 PM</div>"),
     datetime(2025, 11, 20, 14, 24, tzinfo=VN)),
    ("English: day month year", portal_page(EN_TITLE, EN_BODY, "<p class='post-date'>20 November 2025</p>"),
     datetime(2025, 11, 20, tzinfo=VN)),
    ("English: weekday and a 24-hour time", portal_page(EN_TITLE, EN_BODY,
                                                        "<div class='date'>Thursday, November 20, 2025 | 14:24</div>"),
     datetime(2025, 11, 20, 14, 24, tzinfo=VN)),
    ("English: posted on … at …", portal_page(EN_TITLE, EN_BODY,
                                               "<div class='meta'>Posted on Nov. 20, 2025 at 9:05 am</div>"),
     datetime(2025, 11, 20, 9, 5, tzinfo=VN)),
    ("English: a zone given", portal_page(EN_TITLE, EN_BODY, "<div class='date'>20 Nov 2025 07:24 (GMT+0)</div>"),
     datetime(2025, 11, 20, 14, 24, tzinfo=VN)),
]


@pytest.mark.parametrize(("row", "html", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_date_form_on_its_own_page(row, html, expected):
    raw = voters.read_article(SOURCE, URL, html, now=NOW)
    published = pick_published(raw.dates, now=NOW)
    assert published is not None, raw.matched
    assert published.value == expected and published.value.tzinfo == VN
    assert published.origin == "text" and published.precision == ("date" if expected.hour == 0 else "datetime")


def undated(html: str) -> bool:
    raw = voters.read_article(SOURCE, URL, html, now=NOW)
    return pick_published(raw.dates, now=NOW) is None


def test_an_event_hour_in_the_body_dates_nothing():
    body = "<p>Vào lúc 14g ngày 20/11/2025, Công an phường nhận được tin báo về một vụ trộm cắp tài sản.</p>" + VI_BODY
    assert undated(portal_page(VI_TITLE, body, ""))


def test_an_english_sentence_with_a_date_dates_nothing():
    body = "<p>On Nov 20, 2025 the provincial police arrested two suspects in a case of online fraud.</p>" + EN_BODY
    assert undated(portal_page(EN_TITLE, body, ""))


def test_an_english_line_with_a_zone_abbreviation_is_not_read_as_local_time():
    raw = voters.read_article(SOURCE, URL, portal_page(EN_TITLE, EN_BODY, "<div class='date'>Nov 20, 2025 2:24 PM EST</div>"),
                              now=NOW)
    published = pick_published(raw.dates, now=NOW)
    assert published is None or published.value.hour != 14  # never 14:24 in Vietnam for 2:24 PM in New York
