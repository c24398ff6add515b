"""Rows of the tables the seventh blind round's article pages (tests/fixtures/blind/*/r7b_*) led to, one test each.

- a view counter on the date's line ("Thứ sáu, 21/11/2025 | 09:40 Lượt xem: 1.254") lost the time: the counter is
  now a segment of its own (normalize/date_lines.py COUNTER_WORDS, COUNTERS);
- a role after a name ("Hữu Phúc - CTV") gave the role as a second author (normalize/byline_tables.py
  ROLES_AFTER_NAME); alone ("PV") or as a group ("Nhóm PV") it stays the byline's author;
- a labelled byline opening the body ("Bài, ảnh: Hồ Nam") with no signature at its end was neither the byline nor
  out of the body (families/byline_lines.py _opening_labelled);
- a source line ending the body ("Nguồn: Báo Quảng Ngãi") hid the writers printed with the date by the title
  ("Minh Trí, Đức Thắng | 19/11/2025 09:30:15") (families/generic_authors.py _with_dated_writer);
- the date line near the title was another article's, the "(07/05/2019)" after a link in the "Các tin khác" list
  under the body (families/teasers.py line_in_teaser, used by layout.date_line);
- a labelled date line right above the title ("Cập nhật lúc 15:47 ngày 08/05/2019", the old SharePoint portal's
  order) was not read, by the bocongan family nor the generic reader (families/byline_above.py DATE_LABEL,
  labelled_date_above).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import families, voters
from tintuc_feed.families import byline_lines
from tintuc_feed.families.base import parse_html
from tintuc_feed.families.byline_above import DATE_LABEL, labelled_date_above
from tintuc_feed.families.layout import date_line
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.normalize.byline_tables import GROUP_NAMES, ROLES_AFTER_NAME
from tintuc_feed.normalize.date_lines import COUNTER_WORDS
from tintuc_feed.normalize.dates import parse_date
from tintuc_feed.normalize.text import fold_key
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import load_sources

SOURCES = {s.id: s for s in load_sources()}
NOW = datetime(2025, 11, 29, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
PROSE = "".join(f"<p>Đoạn {i}: lực lượng Công an đã phối hợp với chính quyền địa phương tuần tra, kiểm soát, bảo đảm "
                "an ninh trật tự trên địa bàn trong dịp cuối năm.</p>" for i in range(4))


# --- a counter on the date's line ----------------------------------------------------------------------------------

@pytest.mark.parametrize("word", COUNTER_WORDS)
@pytest.mark.parametrize("shape", ["{word}: 1.254", "{word} 1254", "({word}: 33)", "1.254 {word}"])
def test_a_counter_beside_the_date_leaves_the_time(word, shape):
    counter = shape.format(word=word[0].upper() + word[1:])
    for line in (f"Thứ sáu, 21/11/2025 | 09:40 {counter}", f"21/11/2025 09:40 {counter}",
                 f"21/11/2025 09:40 - {counter}"):
        parsed = parse_date(line, "text", now=NOW)
        assert parsed is not None and parsed.value == datetime(2025, 11, 21, 9, 40, tzinfo=NOW.tzinfo), line


@pytest.mark.parametrize(("line", "want"), [
    ("21/11/2025 09:40", datetime(2025, 11, 21, 9, 40)),  # no counter: as before
    ("21/11/2025 | 09:40 Lượt xem: 12", datetime(2025, 11, 21, 9, 40)),  # the minutes are never the count
    ("Ngày đăng: 25/11/2025 2:15 CH Lượt xem: 845", datetime(2025, 11, 25, 14, 15)),
])
def test_a_counter_never_takes_the_minutes(line, want):
    assert parse_date(line, "text", now=NOW).value == want.replace(tzinfo=NOW.tzinfo)


# --- a role after a name ---------------------------------------------------------------------------------------------

ROLE_WORDS = {"ctv": "CTV", "cong tac vien": "Cộng tác viên", "pv": "PV", "phong vien": "Phóng viên", "btv": "BTV",
              "bien tap vien": "Biên tập viên"}


@pytest.mark.parametrize("role", ROLES_AFTER_NAME)
def test_a_role_after_a_name_is_no_second_author(role):
    written = ROLE_WORDS[role]
    assert fold_key(written) == role
    for byline in (f"Hữu Phúc - {written}", f"Hữu Phúc, {written}", f"Hữu Phúc ({written})"):
        found = parse_byline(byline)
        assert [a.name for a in found.authors] == ["Hữu Phúc"], byline
        assert written in found.authors[0].name_raw  # the raw keeps the role


@pytest.mark.parametrize(("byline", "authors"), [
    ("PV", ["PV"]),  # alone: the byline's one author (GROUP_NAMES)
    ("CTV", ["CTV"]),
    ("Nhóm PV", ["Nhóm PV"]),
    ("Minh Anh, PV - Hoàng Long", ["Minh Anh", "Hoàng Long"]),
])
def test_a_role_alone_or_a_group_stays_an_author(byline, authors):
    assert [a.name for a in parse_byline(byline).authors] == authors
    assert GROUP_NAMES  # the table that keeps them


# --- a labelled byline opening the body ----------------------------------------------------------------------------

def _body(opening: str, ending: str = "") -> str:
    return f'<html lang="vi"><body><div class="content">{opening}{PROSE}{ending}</div></body></html>'


@pytest.mark.parametrize(("opening", "byline"), [
    ("<p><strong>Bài, ảnh: Hồ Nam</strong></p>", "Bài, ảnh: Hồ Nam"),
    ("<p><em>Tin, ảnh: Minh Hậu - Duy Thái</em></p>", "Tin, ảnh: Minh Hậu - Duy Thái"),
    ("<p>Bài và ảnh: Ngọc Hân</p>", "Bài và ảnh: Ngọc Hân"),
    ("<p>Thực hiện: Nhóm PV</p>", "Thực hiện: Nhóm PV"),
    ("<p>Hồ Nam</p>", None),  # no label: a short first line is a lead, a caption or a kicker
    ("<p>Ảnh: Hồ Nam</p>", None),  # a photo credit names no writer
    ("<p>Tin: Công an tỉnh cho biết lực lượng chức năng đã bắt giữ đối tượng sau nhiều ngày truy xét.</p>", None),
])
def test_a_labelled_byline_opening_the_body(opening, byline):
    page = parse_html(_body(opening))
    container = page.root.find(".//div")
    assert byline_lines.take_byline_line(container) == byline
    text = " ".join(container.itertext())
    assert "Đoạn 0" in text and "Đoạn 3" in text  # short paragraphs after a first line are the body, kept
    if byline:
        assert byline not in text  # it left the body


def test_a_signature_ending_the_body_comes_first():
    page = parse_html(_body("<p>Bài, ảnh: Hồ Nam</p>", '<p style="text-align:right"><b>Minh Hậu</b></p>'))
    assert byline_lines.take_byline_line(page.root.find(".//div")) == "Minh Hậu"


def test_the_wordpress_family_reads_an_opening_label():
    source = SOURCES["congan-quang-tri"]
    url = "https://congan.quangtri.gov.vn/khoi-to-doi-tuong-van-chuyen-go/"
    html = ('<html lang="vi"><head><title>Khởi tố đối tượng vận chuyển gỗ</title></head><body><article>'
            '<h1 class="entry-title">Khởi tố đối tượng vận chuyển gỗ</h1><div class="td-post-content">'
            f'<p><strong>Bài, ảnh: Hồ Nam</strong></p>{PROSE}</div></article></body></html>')
    raw = families.extract_article(source, url, html)
    assert [a.name for a in parse_byline(raw.byline).authors] == ["Hồ Nam"]
    assert "Bài, ảnh" not in raw.body_html


# --- a source line and the writers printed with the date -------------------------------------------------------------

QN = SOURCES["congan-quang-ngai"]
QN_URL = "https://congan.quangngai.gov.vn/tin-tuc/an-toan-giao-thong/xu-ly-xe-qua-tai-2451.html"


def _dated_row(row: str, ending: str) -> str:
    return (f'<html lang="vi"><head><title>Xử lý xe quá tải trên Quốc lộ 1</title></head><body><div class="main">'
            f'<h1>Xử lý xe quá tải trên Quốc lộ 1</h1><div class="meta">{row}</div>'
            f'<div class="content">{PROSE}{ending}</div></div></body></html>')


@pytest.mark.parametrize(("row", "ending", "authors", "origin", "published"), [
    ("Minh Trí, Đức Thắng | 19/11/2025 09:30:15", "<p>Nguồn: Báo Quảng Ngãi</p>", ["Minh Trí", "Đức Thắng"],
     "Báo Quảng Ngãi", "2025-11-19T09:30:15+07:00"),
    ("Thiếu tá Đào Huy Dương - 14:30 19/11/2025", "<p>(Nguồn: Công an tỉnh Quảng Ngãi)</p>", ["Đào Huy Dương"],
     "Công an tỉnh Quảng Ngãi", "2025-11-19T14:30:00+07:00"),
    ("19/11/2025 09:30", "<p>Nguồn: Báo Quảng Ngãi</p>", [], "Báo Quảng Ngãi",  # no one named by the date
     "2025-11-19T09:30:00+07:00"),
    ("Minh Trí | 19/11/2025 09:30", '<p style="text-align:right"><b>Đức Thắng</b></p>', ["Đức Thắng"], None,
     "2025-11-19T09:30:00+07:00"),  # a writer signed at the end: the rule is not asked
])
def test_a_source_line_and_the_writers_by_the_date(row, ending, authors, origin, published):
    raw = voters.read_article(QN, QN_URL, _dated_row(row, ending), now=NOW)
    article = normalize_article(raw, QN, fetched_at=NOW, fetched_url=QN_URL)
    assert [a.name for a in article.authors] == authors
    assert parse_byline(raw.byline or "").origin == origin
    assert article.published.isoformat() == published


# --- another article's date after a link ----------------------------------------------------------------------------

def _other_news(item: str) -> str:
    return (f'<html lang="vi"><body><div class="wp"><h1>Công an tỉnh phá chuyên án ma túy lớn</h1>'
            f'<div class="content">{PROSE}</div><div class="other"><h3>Các tin khác</h3><ul>{item}</ul></div>'
            '</div></body></html>')


@pytest.mark.parametrize(("item", "read"), [
    (('<li><a href="/tin/bat-doi-tuong-trom-cap-xe-may-tai-cho-dem-123.html">Bắt đối tượng trộm cắp xe máy tại chợ '
      'đêm</a> (07/05/2019)</li>'), False),  # another article's date
    (('<li><a href="/tin/bat-doi-tuong-123.html">Bắt đối tượng trộm cắp xe máy tại chợ đêm</a> '
      '<span class="date">07/05/2019</span></li>'), False),
    ('<li><a href="/chuyen-muc/an-ninh">An ninh</a> 07/05/2019</li>', True),  # a category link is no teaser
])
def test_a_date_after_another_articles_link_is_not_the_date_line(item, read):
    page = parse_html(_other_news(item))
    found = date_line(page, None, (), "Công an tỉnh phá chuyên án ma túy lớn")
    assert (found is not None and "07/05/2019" in found[0]) is read


# --- a labelled date line above the title --------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "labelled"), [
    ("Cập nhật lúc 15:47 ngày 08/05/2019", True),
    ("Cập nhật: 08/05/2019 15:47", True),
    ("Đăng lúc: 09:30 - 21/11/25", True),
    ("Đăng ngày 08/05/2019", True),
    ("Ngày đăng: 08/05/2019 15:47", True),
    ("Ngày cập nhật: 08/05/2019", True),
    ("Thời gian đăng: 08/05/2019 15:47", True),
    ("Xuất bản: 08/05/2019", True),
    ("Posted on 08/05/2019", True),
    ("Published: 08/05/2019", True),
    ("Updated 08/05/2019", True),
    ("Thứ Bảy, 29/11/2025", False),  # the header clock: no label
    ("Hôm nay: Thứ Bảy, 29/11/2025", False),
    ("Đăng nhập", False),
])
def test_date_label_rows(line, labelled):
    assert bool(DATE_LABEL.match(fold_key(line))) is labelled


def _above(line: str, title: str = "Công an tỉnh Nam Định phá chuyên án ma túy lớn") -> str:
    return (f'<html lang="vi"><body><div class="top">Thứ Bảy, 29/11/2025</div><div class="wp">'
            f'<div><div class="time">{line}</div></div><div><div class="cat">Hoạt động của địa phương</div>'
            f'<h1>{title}</h1></div><div class="content">{PROSE}</div></div></body></html>')


@pytest.mark.parametrize(("line", "read"), [
    ("Cập nhật lúc 15:47 ngày 08/05/2019", "Cập nhật lúc 15:47 ngày 08/05/2019"),
    ("Ngày đăng: 08/05/2019 15:47", "Ngày đăng: 08/05/2019 15:47"),
    ("08/05/2019 15:47", None),  # unlabelled above the title: a header clock as likely as the date
])
def test_labelled_date_above_the_title(line, read):
    found = labelled_date_above(parse_html(_above(line)), "Công an tỉnh Nam Định phá chuyên án ma túy lớn")
    assert (found[0] if found else None) == read


@pytest.mark.parametrize("source_id", ["bocongan", "congan-nghe-an"])
def test_the_date_above_the_title_is_the_published_date(source_id):
    source = SOURCES[source_id]
    url = ("http://bocongan.gov.vn/tin-tuc-su-kien/cong-an-tinh-nam-dinh-pha-chuyen-an-ma-tuy-s14-t34702.html"
           if source_id == "bocongan" else "https://congan.nghean.gov.vn/tin-tuc/pha-chuyen-an-ma-tuy-8812.html")
    html = _above("Cập nhật lúc 15:47 ngày 08/05/2019")
    article = normalize_article(voters.read_article(source, url, html, now=NOW), source, fetched_at=NOW,
                                fetched_url=url)
    assert article.published == datetime(2019, 5, 8, 15, 47, tzinfo=NOW.tzinfo)
