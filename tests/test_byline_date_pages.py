"""A byline and the date on one line under the title, each form on a small portal page (issue 13, follow-up).

Rows of families/byline_date.py and of normalize/date_lines.py's spaced-dash segments, read through the public
path (families.extract_article): the date is read in Vietnam's time, the author is the name only (never the
date glued to it, never empty).  The page has no <meta>, no JSON-LD, no date in the URL: the line is the only
place for either field.  The negative rows show where a dash and a date are no byline.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import families
from tintuc_feed.families.byline_date import byline_of
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import Source, load_sources

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=VN)
ADHOC = Source(id="adhoc", name="congan.example.gov.vn", list_urls=("https://congan.example.gov.vn/",),
               article_url_pattern=".")
SOURCES = [("generic", ADHOC, "https://congan.example.gov.vn/tin-tuc/hoi-nghi-tong-ket.html"),
           ("congan-ha-tinh", {s.id: s for s in load_sources()}["congan-ha-tinh"],
            "https://congan.hatinh.gov.vn/tin-tuc/hoi-nghi-tong-ket-4471.html")]
TITLE = "Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự"
BODY = ("<p>Sáng nay, Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2025 và triển "
        "khai nhiệm vụ trọng tâm năm 2026 với sự tham dự của lãnh đạo các đơn vị nghiệp vụ.</p>"
        "<p>Tại hội nghị, các đại biểu đã thảo luận, đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế "
        "và đề ra các giải pháp nâng cao hiệu quả công tác phòng ngừa, đấu tranh với tội phạm.</p>")


def portal_page(line: str) -> str:
    """A provincial portal's article: menu, title, the line under it, the body, a footer; nothing else dated."""
    return ("<html><head><meta charset='utf-8'><title>" + TITLE + "</title></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
            f"<div class='detail'><h1 class='title'>{TITLE}</h1><div class='info'>{line}</div>"
            f"<div class='content'>{BODY}</div></div>"
            "<div class='footer'>Cổng thông tin điện tử Công an tỉnh</div></body></html>")


# (row, the line under the title, the published instant in Vietnam, the author's name)
ROWS = [
    ("label, name - date", "Tác giả: Minh Anh - 20/11/2025", datetime(2025, 11, 20, tzinfo=VN), "Minh Anh"),
    ("name - time date", "Minh Anh - 14:24 20/11/2025", datetime(2025, 11, 20, 14, 24, tzinfo=VN), "Minh Anh"),
    ("name | date time", "Nguyễn Văn A | 20/11/2025 08:30", datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Nguyễn Văn A"),
    ("credit label, name - date", "Bài, ảnh: Minh Anh - 20/11/2025", datetime(2025, 11, 20, tzinfo=VN), "Minh Anh"),
    ("date | name (the day first)", "20/11/2025 | Minh Anh", datetime(2025, 11, 20, tzinfo=VN), "Minh Anh"),
    ("date time | name", "20/11/2025 08:30 | Nguyễn Văn A", datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Nguyễn Văn A"),
    ("date – name (an en dash)", "14:24 20/11/2025 – Minh Anh", datetime(2025, 11, 20, 14, 24, tzinfo=VN), "Minh Anh"),
    ("sources.md: name (unit)| date time", "Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)| 17/11/2022 14:06",
     datetime(2022, 11, 17, 14, 6, tzinfo=VN), "Thanh Nguyên"),
]


@pytest.mark.parametrize("source", SOURCES, ids=[s[0] for s in SOURCES])
@pytest.mark.parametrize(("row", "line", "published", "author"), ROWS, ids=[r[0] for r in ROWS])
def test_a_byline_with_the_date_on_its_own_page(row, line, published, author, source):
    _name, src, url = source
    raw = families.extract_article(src, url, portal_page(line))
    picked = pick_published(raw.dates, now=NOW)
    assert picked is not None and picked.value == published and picked.value.tzinfo == VN, raw.dates
    assert raw.byline and [a.name for a in parse_byline(raw.byline).authors] == [author], raw.byline
    assert not any(ch.isdigit() for ch in parse_byline(raw.byline).authors[0].name)
    assert "20/11/2025" not in (raw.body_html or "") and "17/11/2022" not in (raw.body_html or "")


@pytest.mark.parametrize("line", [
    "Công an tỉnh tổng kết công tác năm - 20/11/2025",  # a title and its day: no name
    "Ngày 20/11/2025, Minh Anh đến trụ sở Công an phường - trình báo",  # a sentence with a date
    "20/11/2025 - 14:24",  # the date alone
    "Minh Anh - Bá Hiển",  # names alone, no date
    "20/11/2025 | Minh Anh | 21/11/2025",  # a name between two dates
])
def test_no_byline_with_the_date(line):
    assert byline_of(line) is None


def test_a_title_with_a_dash_and_a_date_gives_no_author():
    raw = families.extract_article(ADHOC, SOURCES[0][2], portal_page("Công an tỉnh tổng kết công tác năm - 20/11/2025"))
    assert not raw.byline
