"""A byline and the date on one line above the title (the kicker row) or ending the body (issue 13, ninth pass).

Rows of families/byline_above.py, families/signed_date.py and families/byline_date.split_line's bracket row,
each form on a small portal page of its own, read through the public path (families.extract_article): the
date is read in Vietnam's time, the author is the name alone, the line leaves the body.  Then the police
families (sources.md: the byline at the end of the content, right-aligned; cand's author box): their own
recorded pages signed with the day give the name alone and keep their own date.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import families
from tintuc_feed.families.byline_date import split_line
from tintuc_feed.families.signed_date import with_signed_date
from tintuc_feed.model import RawArticle, RawDate
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import Source, load_sources

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=VN)
ADHOC = Source(id="adhoc", name="congan.example.gov.vn", list_urls=("https://congan.example.gov.vn/",),
               article_url_pattern=".")
SOURCES = {s.id: s for s in load_sources()}
READERS = [("generic", ADHOC, "https://congan.example.gov.vn/tin-tuc/hoi-nghi-tong-ket.html"),
           ("congan-ha-tinh", SOURCES["congan-ha-tinh"], "https://congan.hatinh.gov.vn/tin-tuc/hoi-nghi-tong-ket-4471.html")]
TITLE = "Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự"
# Sixteen paragraphs: the body's end is far from the title (the line-under-the-title rule never sees it).
BODY = "".join(f"<p>Đoạn {i}: Công an tỉnh đã triển khai đồng bộ các biện pháp bảo đảm an ninh, trật tự, phòng "
               "ngừa, đấu tranh với tội phạm trên địa bàn dân cư trong dịp cuối năm.</p>" for i in range(16))


def page(above: str = "", under: str = "", end: str = "", head: str = "") -> str:
    """A provincial portal's article: menu, the row above the title, the title, the line under it, the body and
    its last line, a footer; no <meta> date, no JSON-LD, no date in the URL unless `head` gives one."""
    return (f"<html><head><meta charset='utf-8'>{head}<title>{TITLE}</title></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
            f"<div class='detail'>{above}<h1 class='title'>{TITLE}</h1>{under}"
            f"<div class='content'>{BODY}{end}</div></div>"
            "<div class='footer'>Cổng thông tin điện tử Công an tỉnh</div></body></html>")


def read(reader, html: str):
    _name, source, url = reader
    raw = families.extract_article(source, url, html)
    picked = pick_published(raw.dates, now=NOW)
    authors = [a.name for a in parse_byline(raw.byline).authors] if raw.byline else []
    return raw, picked, authors


# (row, the kicker row above the title, the published instant in Vietnam, the author)
ABOVE = [
    ("weekday date time | name", "<div class='kicker'>Thứ Năm, 20/11/2025 08:30 | Nguyễn Văn A</div>",
     datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Nguyễn Văn A"),
    ("name | date time", "<div class='kicker'>Nguyễn Văn A | 20/11/2025 08:30</div>",
     datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Nguyễn Văn A"),
    ("name - time date", "<p>Minh Anh - 14:24 20/11/2025</p>", datetime(2025, 11, 20, 14, 24, tzinfo=VN), "Minh Anh"),
    ("in spans", "<div class='meta'><span>Thứ Năm, 20/11/2025 08:30</span> | <span>Nguyễn Văn A</span></div>",
     datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Nguyễn Văn A"),
    ("a category label between", "<div class='kicker'>Nguyễn Văn A | 20/11/2025</div><div class='cat'>An ninh trật tự</div>",
     datetime(2025, 11, 20, tzinfo=VN), "Nguyễn Văn A"),
    ("the title's parent's sibling", "<div class='kicker'>Minh Anh - 20/11/2025</div><div class='head'>",
     datetime(2025, 11, 20, tzinfo=VN), "Minh Anh"),
    ("a unit signing", "<div class='kicker'>Phòng PC04 | 20/11/2025 08:30</div>",
     datetime(2025, 11, 20, 8, 30, tzinfo=VN), "Phòng PC04"),
]


def _above_page(row: str) -> str:
    html = page(above=row)
    return html.replace("</h1>", "</h1></div>") if row.endswith("<div class='head'>") else html


@pytest.mark.parametrize("reader", READERS, ids=[r[0] for r in READERS])
@pytest.mark.parametrize(("row", "above", "published", "author"), ABOVE, ids=[r[0] for r in ABOVE])
def test_a_kicker_row_above_the_title_gives_the_date_and_the_author(row, above, published, author, reader):
    raw, picked, authors = read(reader, _above_page(above))
    assert picked is not None and picked.value == published and picked.value.tzinfo == VN, raw.dates
    assert authors == [author], raw.byline
    assert "20/11/2025" not in (raw.body_html or "")


@pytest.mark.parametrize("above", [
    "<div class='clock'>Thứ Năm, 20/11/2025</div>",  # a header clock: a date alone
    "<div class='clock'>Thứ Năm, 20/11/2025 | Đăng nhập</div>",  # a clock and a link's word, no byline
    "<div class='clock'>Thứ Năm, 20/11/2025 | RSS</div>",  # a clock and a link in capitals
    "<div class='kicker'>Nguyễn Văn A | 20/11/2025</div><div>An ninh</div><div>Trật tự xã hội</div>",  # too far up
    "<div class='kicker'>Nguyễn Văn A | 20/11/2025</div><div class='sapo'>" + "Một đoạn dài giới thiệu bài viết. " * 3
    + "</div>",  # a long block between
])
@pytest.mark.parametrize("reader", READERS, ids=[r[0] for r in READERS])
def test_what_above_the_title_dates_nothing(above, reader):
    raw, picked, authors = read(reader, page(above=above))
    assert picked is None, raw.dates
    assert authors == [], raw.byline


UNDER = [
    "<div class='info'><span>Nguyễn Văn A</span> | <span>20/11/2025 08:30</span></div>",
    "<div class='info'><b>Nguyễn Văn A</b> - 20/11/2025 08:30</div>",
    "<div class='info'>Nguyễn Văn A - <span>20/11/2025 08:30</span></div>",
]


@pytest.mark.parametrize("reader", READERS, ids=[r[0] for r in READERS])
@pytest.mark.parametrize("under", UNDER)
def test_a_row_under_the_title_with_the_name_and_the_day_in_elements_of_their_own(under, reader):
    """The follow-up's line under the title, its parts in elements (byline_date.row_of)."""
    raw, picked, authors = read(reader, page(under=under))
    assert picked.value == datetime(2025, 11, 20, 8, 30, tzinfo=VN)
    assert authors == ["Nguyễn Văn A"] and raw.matched["authors"] == "layout:byline-with-date"


def test_the_line_under_the_title_wins_over_the_row_above():
    raw, picked, _authors = read(READERS[0], page(above="<div class='kicker'>Minh Anh | 19/11/2025 07:00</div>",
                                                  under="<div class='info'>Thứ Năm, 20/11/2025 | 14:24</div>"))
    assert picked.value == datetime(2025, 11, 20, 14, 24, tzinfo=VN) and raw.matched["date"] == "layout:date-line"


def test_a_machine_date_stays_first_over_the_row_above():
    head = "<meta property='article:published_time' content='2025-11-20T08:30:00+07:00'>"
    raw, picked, authors = read(READERS[0], page(above="<div class='kicker'>Minh Anh | 20/11/2025 08:30</div>", head=head))
    assert raw.matched["date"] == "meta" and picked.value == datetime(2025, 11, 20, 8, 30, tzinfo=VN)
    assert authors == ["Minh Anh"]


# (row, the body's last line, the published instant in Vietnam, the author)
END = [
    ("name (date)", "<p>Nguyễn Văn A (20/11/2025)</p>", datetime(2025, 11, 20, tzinfo=VN), "Nguyễn Văn A"),
    ("PV - date", "<p>PV - 20/11/2025</p>", datetime(2025, 11, 20, tzinfo=VN), "PV"),
    ("right-aligned name - date", "<p style='text-align:right'><b>Minh Anh - 20/11/2025</b></p>",
     datetime(2025, 11, 20, tzinfo=VN), "Minh Anh"),
    ("align=right name (date)", "<p align='right'>Nguyễn Văn A (20/11/2025)</p>", datetime(2025, 11, 20, tzinfo=VN),
     "Nguyễn Văn A"),
    ("name [time date]", "<p>Minh Anh [14:24 20/11/2025]</p>", datetime(2025, 11, 20, 14, 24, tzinfo=VN), "Minh Anh"),
    ("a unit (date)", "<p style='text-align:right'><strong>Phòng PC04 (20/11/2025)</strong></p>",
     datetime(2025, 11, 20, tzinfo=VN), "Phòng PC04"),
    ("two names - date", "<p><b>Minh Quỳnh - Bá Hiển - 20/11/2025</b></p>", datetime(2025, 11, 20, tzinfo=VN), None),
]


@pytest.mark.parametrize("reader", READERS, ids=[r[0] for r in READERS])
@pytest.mark.parametrize(("row", "end", "published", "author"), END, ids=[r[0] for r in END])
def test_a_signature_with_its_day_ends_the_body(row, end, published, author, reader):
    raw, picked, authors = read(reader, page(end=end))
    assert picked is not None and picked.value == published and picked.value.tzinfo == VN, raw.dates
    assert raw.matched["date"] == "byline-date"
    assert authors == ([author] if author else ["Minh Quỳnh", "Bá Hiển"]), raw.byline
    assert "20/11/2025" not in (raw.body_html or "") and "Đoạn 15" in raw.body_html


@pytest.mark.parametrize("reader", READERS, ids=[r[0] for r in READERS])
def test_the_signature_day_never_replaces_the_page_s_own(reader):
    _raw, picked, authors = read(reader, page(under="<div class='info'>Thứ Sáu, 21/11/2025 | 09:00</div>",
                                              end="<p>Nguyễn Văn A (20/11/2025)</p>"))
    assert picked.value == datetime(2025, 11, 21, 9, 0, tzinfo=VN)
    assert authors == ["Nguyễn Văn A"]


@pytest.mark.parametrize("end", [
    "<p>Hội nghị tổng kết công tác (20/11/2025)</p>",  # an event's day, no byline
    "<p>Hội nghị kết thúc lúc 11h cùng ngày (20/11/2025).</p>",  # a sentence
    "<p>Minh Anh</p>",  # a signature without its day: the author, no date
])
def test_a_last_line_that_is_no_signed_day_dates_nothing(end):
    raw, picked, _authors = read(READERS[0], page(end=end))
    assert picked is None, raw.dates


SPLIT = [
    ("Nguyễn Văn A (20/11/2025)", ("Nguyễn Văn A", "20/11/2025")),
    ("Minh Anh [14:24 20/11/2025]", ("Minh Anh", "14:24 20/11/2025")),
    ("Phòng PC04 (20/11/2025)", ("Phòng PC04", "20/11/2025")),
    ("Thứ Năm, 20/11/2025 08:30 | Nguyễn Văn A", ("Nguyễn Văn A", "Thứ Năm, 20/11/2025 08:30")),
    ("Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)", None),  # a unit in brackets, no date
    ("Hội nghị tổng kết (20/11/2025)", None),
    ("Lễ kỷ niệm (20/7/1962 - 20/7/2022)", None),
    ("Nguyễn Văn A (1962 - 2022)", None),  # years of a life, no date line
    ("Hà Nội | 20/11/2025", None),  # a dateline's place
    ("Tin tức | 20/11/2025", None),  # a category
]


@pytest.mark.parametrize(("line", "split"), SPLIT)
def test_split_line_rows(line, split):
    assert split_line(line) == split


URL = RawDate("https://congan.example.gov.vn/a.html", "url")
SIGNED = [
    # (byline, dates before, byline after, dates after)
    ("Nguyễn Văn A (20/11/2025)", (URL,), "Nguyễn Văn A", (RawDate("20/11/2025", "text"), URL)),
    ("PV - 20/11/2025", (RawDate("2025-11-21T09:00:00+07:00", "meta"), RawDate("x", "list"), URL), "PV",
     (RawDate("2025-11-21T09:00:00+07:00", "meta"), RawDate("20/11/2025", "text"), RawDate("x", "list"), URL)),
    ("Minh Anh\nTheo CAND", (URL,), "Minh Anh\nTheo CAND", (URL,)),
    ("Minh Anh - 20/11/2025", (RawDate("Minh Anh - 20/11/2025", "text"), URL), "Minh Anh",
     (RawDate("Minh Anh - 20/11/2025", "text"), URL)),  # the date line already holds the day
]


@pytest.mark.parametrize(("byline", "dates", "after", "dates_after"), SIGNED)
def test_with_signed_date_rows(byline, dates, after, dates_after):
    raw = with_signed_date(RawArticle(url=URL.raw, byline=byline, dates=dates))
    assert raw.byline == after and raw.dates == dates_after


BLIND = Path(__file__).parent / "fixtures" / "blind"
# (family page, the byline as recorded, the same byline signed with a day)
FAMILIES = [
    ("cand/article_uikit", "<strong>Hoàng Anh</strong>", "<strong>Hoàng Anh (20/11/2025)</strong>"),
    ("cand/r2_amp_lower_slash", "<p>Hoàng Anh</p>", "<p>Hoàng Anh - 20/11/2025</p>"),
    ("bocongan/r4_sharepoint_s14_t_webpart", "Trung tá Nguyễn Văn Cản</div>",
     "Trung tá Nguyễn Văn Cản - 20/11/2025</div>"),
    ("vhv/r3_weekday_pipe_unit_byline_rating", "<strong>Phòng PC04</strong>", "<strong>Phòng PC04 (20/11/2025)</strong>"),
]


@pytest.mark.parametrize(("fixture", "recorded", "signed"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_the_police_families_read_the_name_alone_and_keep_their_date(fixture, recorded, signed):
    folder = BLIND / fixture
    meta = json.loads((folder / "meta.json").read_text())
    expected = json.loads((folder / "expected.json").read_text())
    html = (folder / "input.html").read_text()
    assert html.count(recorded) == 1
    raw = families.extract_article(SOURCES[meta["source"]], meta["url"], html.replace(recorded, signed))
    picked = pick_published(raw.dates, now=datetime.fromisoformat(meta["fetched_at"]))
    assert picked.value.isoformat() == expected["published"]
    assert [a.name for a in parse_byline(raw.byline).authors] == expected["authors"]
    assert "20/11/2025" not in (raw.body_html or "")
