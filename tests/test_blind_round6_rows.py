"""Rows of the tables the sixth blind round (tests/fixtures/blind/*/r6_*) led to, one test each.

- a list page's <base href> was ignored: relative links ("tin-tuc/…", no leading slash) were read against the
  page's own URL, so every article link and the pager's next page pointed one folder too deep
  (families/base.py link_base, used by generic's links, common.links_in and pager.next_pages);
- Liferay's portlet message on an error page served with 200, "Không tìm thấy tài nguyên được yêu cầu." /
  "The requested resource could not be found.", was read as an article (page_checks.ERROR_LINE rows);
- a side column in UIkit's grid ("uk-width-1-3@m" beside "uk-width-2-3@m", cand.com.vn) was not a side column,
  and a menu of the site's sections ("catmenu", "leftmenu", <nav>) gave its section links to the list when their
  slugs look like an article's (families/common.py UIKIT_NARROW / UIKIT_WIDE, NAV_CLASS);
- a source line ending the body ("Nguồn: Công an tỉnh Quảng Trị") hid the writer: the signature above it, or the
  labelled line that opens the body ("Tin, ảnh: Minh Hậu"), is now read with it (families/byline_lines.py
  source_line, _with_signature_above, _with_opening_byline).  "Theo X" keeps its own rule (a reprint credit).
Second batch (r6b_*):
- the byline and the date on one line ending the body ("Thanh Nguyên (Phòng PC02)| 26/11/2025 14:06") gave the
  author but no date; the dates engineer's ninth pass, landed meanwhile, reads it (families/signed_date.py): these
  rows check it on the round's forms;
- a page with no date of its own took htmldate's day, its header's "Hôm nay: Thứ Bảy, 29/11/2025": the crawl's day
  invented as the publication date.  htmldate's day is refused when it is the crawl's day and the page shows it
  only on clock lines (families/clock_lines.py, voters.vote_date "htmldate:clock").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import families, voters
from tintuc_feed.families.base import NotAnArticle, link_base, parse_html
from tintuc_feed.families.byline_lines import source_line
from tintuc_feed.families.clock_lines import shown_only_on_clocks
from tintuc_feed.families.page_checks import check_page
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import load_sources

SOURCES = {s.id: s for s in load_sources()}
GENERIC = SOURCES["congan-da-nang"]
SITE = "https://congan.danang.gov.vn"
SLUG = "tin-tuc/an-ninh-trat-tu/bat-giu-doi-tuong-cuop-giat-tai-san-tren-duong-bach-dang-4521.html"


# --- <base href> -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("head", "page_url", "base"), [
    ('<base href="https://congan.danang.gov.vn/">', f"{SITE}/tin-tuc/an-ninh-trat-tu/", f"{SITE}/"),
    ('<base href="/portal/">', f"{SITE}/portal/tin-tuc/", f"{SITE}/portal/"),  # itself relative to the page
    ('<base target="_blank">', f"{SITE}/tin-tuc/", f"{SITE}/tin-tuc/"),  # no href: the page's URL
    ('<base href="javascript:void(0)">', f"{SITE}/tin-tuc/", f"{SITE}/tin-tuc/"),  # no web address
    ("", f"{SITE}/tin-tuc/", f"{SITE}/tin-tuc/"),
])
def test_link_base_is_the_base_href_read_against_the_page(head, page_url, base):
    page = parse_html(f"<html><head><title>Tin</title>{head}</head><body><p>x</p></body></html>")
    assert link_base(page, page_url) == base


def _list(base_href: str, href: str, pager: str) -> str:
    return (f'<html lang="vi"><head><meta charset="utf-8"><base href="{base_href}"><title>An ninh trật tự</title></head>'
            f'<body><div class="news"><div class="item"><a href="{href}"><img src="a.jpg"></a><h3><a href="{href}">'
            'Bắt giữ đối tượng cướp giật tài sản</a></h3><span class="date">28/11/2025</span></div></div>'
            f'<div class="pager"><a href="{pager}">Trang sau ›</a></div></body></html>')


@pytest.mark.parametrize("source_id", ["congan-da-nang"])
def test_a_list_reads_its_links_against_its_base_href(source_id):
    page = families.parse_list(SOURCES[source_id], f"{SITE}/tin-tuc/an-ninh-trat-tu/",
                               _list(f"{SITE}/", SLUG, "tin-tuc/an-ninh-trat-tu/trang-2.html"))
    assert [a.url for a in page.articles] == [f"{SITE}/{SLUG}"]
    assert list(page.next_urls) == [f"{SITE}/tin-tuc/an-ninh-trat-tu/trang-2.html"]


def test_the_family_lists_read_their_links_against_the_base_href():
    """cand's list (common.links_in): a base on the site's root, links relative to it."""
    cand = SOURCES["cand"]
    html = ('<html lang="vi"><head><base href="https://cand.com.vn/"><title>Bản tin 113</title></head><body>'
            '<div class="box-title"><a href="ban-tin-113/bat-doi-tuong-truy-na-i790512/">Bắt đối tượng truy nã</a></div>'
            '</body></html>')
    page = families.parse_list(cand, "https://cand.com.vn/ban-tin-113/page-3/", html)
    assert [a.url for a in page.articles] == ["https://cand.com.vn/ban-tin-113/bat-doi-tuong-truy-na-i790512/"]


# --- Liferay's error message --------------------------------------------------------------------------------------

_PROSE = "<p>" + "Công an tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2025. " * 12 + "</p>"


def _portal(message: str) -> str:
    return (f'<html lang="vi"><head><title>Tin tức - Công an tỉnh</title></head><body><div class="portlet-body">'
            f'{message}</div><div class="news">{_PROSE}</div></body></html>')


@pytest.mark.parametrize(("message", "error"), [
    ('<div class="alert alert-error">Không tìm thấy tài nguyên được yêu cầu.</div>', True),
    ('<div class="alert alert-error">The requested resource could not be found.</div>', True),
    ("<p>Không tìm thấy tài nguyên yêu cầu</p>", True),
    # the words inside an article's sentence are no message
    ("<p>Lực lượng chức năng không tìm thấy tài nguyên được yêu cầu kê khai tại kho hàng của doanh nghiệp.</p>", False),
])
def test_liferay_resource_not_found_is_an_error_page(message, error):
    try:
        check_page(_portal(message))
        raised = False
    except NotAnArticle as exc:
        raised = exc.reason == "error-page"
    assert raised is error


# --- side columns: UIkit widths, menus ------------------------------------------------------------------------------

CAND = SOURCES["cand"]
A1 = "https://cand.com.vn/ban-tin-113/bat-doi-tuong-truy-na-dac-biet-i790512/"
A2 = "https://cand.com.vn/ban-tin-113/dieu-tra-vu-chay-nha-i790498/"
SIDE = "https://cand.com.vn/Thoi-su/bo-truong-tiep-doan-dai-bieu-i790401/"


def _uikit(narrow: str, wide: str) -> str:
    card = ('<div class="box-item uk-grid"><div class="uk-width-1-3"><a href="{u}"><img src="a.jpg"></a></div>'
            '<div class="uk-width-2-3"><h3><a href="{u}">Tin {n}</a></h3></div></div>')
    return ('<html lang="vi"><head><title>Bản tin 113</title></head><body><div uk-grid>'
            f'<div class="{wide}">{card.format(u=A1, n=1)}{card.format(u=A2, n=2)}</div>'
            f'<div class="{narrow}"><div class="box-title"><span>Đọc nhiều</span></div><ul><li><a href="{SIDE}">Tin khác'
            '</a></li></ul></div></div></body></html>')


@pytest.mark.parametrize(("narrow", "wide", "side_kept"), [
    ("uk-width-1-3@m", "uk-width-2-3@m", False),
    ("uk-width-1-4@l", "uk-width-3-4@l", False),
    ("uk-width-2-5", "uk-width-expand", False),
    ("uk-width-1-2@m", "uk-width-1-2@m", True),  # two halves: a grid of cards, no side column
])
def test_a_uikit_side_column_is_left_out_of_a_list(narrow, wide, side_kept):
    page = families.parse_list(CAND, "https://cand.com.vn/ban-tin-113/", _uikit(narrow, wide))
    urls = [a.url for a in page.articles]
    assert urls[:2] == [A1, A2]  # each card once: its image link and its title link in the wide column
    assert (SIDE in urls) is side_kept


SECTION = f"{SITE}/chuyen-muc/xay-dung-luc-luong-cand.html"  # a section's slug the article pattern accepts
STORY = f"{SITE}/tin-tuc/khoi-to-3-doi-tuong-van-chuyen-trai-phep-than-23451.html"


@pytest.mark.parametrize(("menu", "kept"), [
    ('<ul class="catmenu">{}</ul>', False),
    ('<div class="leftmenu"><ul>{}</ul></div>', False),
    ('<nav><ul>{}</ul></nav>', False),
    ('<ul class="nav">{}</ul>', False),
    ('<ul class="menu-links">{}</ul>', True),  # a class that only starts with the word names no menu
    ('<ul class="list-news">{}</ul>', True),
])
def test_a_menu_of_sections_gives_no_article_links(menu, kept):
    html = ('<html lang="vi"><head><title>An ninh trật tự</title></head><body><table><tr><td>'
            + menu.format(f'<li><a href="{SECTION}">Xây dựng lực lượng CAND</a></li>') +
            f'</td><td><ul class="list"><li><a href="{STORY}">Khởi tố 3 đối tượng</a> (27/11/2025)</li></ul></td></tr>'
            '</table></body></html>')
    urls = [a.url for a in families.parse_list(GENERIC, f"{SITE}/chuyen-muc/an-ninh-trat-tu.html", html).articles]
    assert STORY in urls and (SECTION in urls) is kept


def test_a_page_whose_links_are_all_in_menus_keeps_them():
    html = (f'<html><head><title>Tin</title></head><body><nav><a href="{STORY}">Khởi tố 3 đối tượng</a></nav>'
            "</body></html>")
    assert [a.url for a in families.parse_list(GENERIC, f"{SITE}/", html).articles] == [STORY]


# --- a source line ending the body ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "is_source"), [
    ("Nguồn: Công an tỉnh Quảng Trị", True),
    ("(Nguồn: Báo Cần Thơ)", True),
    ("NGUỒN: CAND", True),
    ("Nguồn: congan.tayninh.gov.vn", True),
    ("Theo Thanh Niên", False),  # a reprint credit: its own rule
    ("Nguồn tin từ quần chúng nhân dân giúp lực lượng Công an", False),
    ("Minh Quỳnh - Bá Hiển", False),
])
def test_source_line(line, is_source):
    assert source_line(line) is is_source


KH = SOURCES["congan-khanh-hoa"]
KH_URL = "https://congan.khanhhoa.gov.vn/tin-tuc/giai-cuu-ngu-dan-gap-nan-tren-bien-8940.html"
PROSE = "".join(f"<p>Đoạn {i}: lực lượng Công an đã phối hợp giải cứu ngư dân, bảo đảm an toàn cho người và tàu cá "
                "trên vùng biển của tỉnh trong mùa mưa bão.</p>" for i in range(4))
RIGHT = '<p style="text-align:right">{}</p>'


def _article(opening: str, ending: str) -> str:
    return ('<html lang="vi"><head><meta charset="utf-8"><title>Giải cứu ngư dân gặp nạn trên biển</title></head><body>'
            '<div class="detail"><h1>Giải cứu ngư dân gặp nạn trên biển</h1><div class="date">18/11/2025 15:20</div>'
            f'<div class="content">{opening}{PROSE}{ending}</div></div></body></html>')


@pytest.mark.parametrize(("opening", "ending", "authors", "origin"), [
    # the signature above the source line
    ("", RIGHT.format("<b>Nguyễn Văn Cản (Phòng PV01)</b>") + RIGHT.format("Nguồn: congan.khanhhoa.gov.vn"),
     ["Nguyễn Văn Cản"], "congan.khanhhoa.gov.vn"),
    # a labelled line opening the body, the source line ending it
    ("<p><em>Tin, ảnh: Minh Hậu</em></p>", "<p>Nguồn: Công an tỉnh Khánh Hòa</p>", ["Minh Hậu"],
     "Công an tỉnh Khánh Hòa"),
    ("<p><strong>Bài và ảnh: Lê Văn Hùng - Nguyễn Văn Đại</strong></p>", "<p>(Nguồn: Báo Khánh Hòa)</p>",
     ["Lê Văn Hùng", "Nguyễn Văn Đại"], "Báo Khánh Hòa"),
    # an opening sentence is no byline: the source alone, no author
    ("<p>Tin từ Biên phòng tỉnh cho biết thêm về vụ việc trên biển.</p>", "<p>Nguồn: Công an tỉnh Khánh Hòa</p>", [],
     "Công an tỉnh Khánh Hòa"),
])
def test_a_source_line_leaves_the_writer_signed_elsewhere(opening, ending, authors, origin):
    raw = families.extract_article(KH, KH_URL, _article(opening, ending))
    byline = parse_byline(raw.byline or "")
    assert [a.name for a in byline.authors] == authors
    assert byline.origin == origin
    if authors:
        assert authors[0] not in raw.body_html  # the signature, wherever it stood, left the body


# --- round 6, second batch: the signed line's date, a header's today ---------------------------------------------

CT = SOURCES["congan-can-tho"]
CT_URL = "https://congan.cantho.gov.vn/tin-tuc/an-ninh-trat-tu/khoi-to-bi-can-lam-gia-con-dau-7712.html"
NOW = datetime(2025, 11, 29, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _signed(header: str, ending: str) -> str:
    return (f'<html lang="vi"><head><meta charset="utf-8"><title>Khởi tố bị can làm giả con dấu</title></head><body>'
            f'<div class="top">{header}</div><div class="detail"><h1>Khởi tố bị can làm giả con dấu</h1>'
            f'<div class="content">{PROSE}{ending}</div></div></body></html>')


@pytest.mark.parametrize(("ending", "published", "authors"), [
    ("<p><em>Thanh Nguyên (Phòng PC02)| 26/11/2025 14:06</em></p>", "2025-11-26T14:06:00+07:00", ["Thanh Nguyên"]),
    (RIGHT.format("<b>Minh Anh - 14:24 20/11/2025</b>"), "2025-11-20T14:24:00+07:00", ["Minh Anh"]),
    (RIGHT.format("<b>Lê Văn Hùng - Nguyễn Văn Đại | 21/11/2025</b>"), "2025-11-21", ["Lê Văn Hùng", "Nguyễn Văn Đại"]),
    (RIGHT.format("<b>Minh Anh</b>"), None, ["Minh Anh"]),  # no date on the line: none from this rule
])
def test_the_date_on_the_signed_line_ending_the_body(ending, published, authors):
    raw = voters.read_article(CT, CT_URL, _signed("", ending), now=NOW)
    article = normalize_article(raw, CT, fetched_at=NOW, fetched_url=CT_URL)
    assert [a.name for a in article.authors] == authors
    got = article.published.isoformat() if article.published else None
    assert (got if not published or "T" in published else got and got[:10]) == published
    assert "14:06" not in raw.body_html and "Phòng PC02" not in raw.body_html


@pytest.mark.parametrize(("header", "day", "clock"), [
    ("Hôm nay: Thứ Bảy, 29/11/2025", date(2025, 11, 29), True),
    ("<span>Hôm nay</span> <span>29-11-2025</span>", date(2025, 11, 29), True),
    ("Thứ Bảy, 29/11/2025 07:45 GMT+7", date(2025, 11, 29), True),
    ("Today: Saturday 29.11.2025", date(2025, 11, 29), True),
    ("Thứ Bảy, 29/11/2025", date(2025, 11, 29), False),  # a date with no clock's mark: maybe the article's
    ("Hôm nay: Thứ Bảy, 29/11/2025", date(2025, 11, 28), False),  # another day: not shown at all
])
def test_shown_only_on_clocks(header, day, clock):
    assert shown_only_on_clocks(_signed(header, RIGHT.format("<b>Phòng PV01</b>")), day) is clock


def test_a_day_shown_in_the_text_too_is_no_clock():
    page = _signed("Hôm nay: Thứ Bảy, 29/11/2025",
                   "<p>Sáng 29/11/2025, Công an thành phố đã tổ chức hội nghị sơ kết công tác bảo đảm an ninh.</p>")
    assert not shown_only_on_clocks(page, date(2025, 11, 29))


@pytest.mark.parametrize(("header", "crawled", "published"), [
    ("Hôm nay: Thứ Bảy, 29/11/2025", NOW, None),  # the header's today, the crawl's day: no date is invented
    ("Thứ Bảy, 29/11/2025 07:45 GMT+7", NOW, None),
    # a saved page read later: its clock is not the crawl's day, htmldate's day stays (the narrow rule's limit)
    ("Hôm nay: Thứ Bảy, 29/11/2025", NOW + timedelta(days=3), "2025-11-29"),
])
def test_an_undated_page_does_not_take_its_headers_today(header, crawled, published):
    raw = voters.read_article(CT, CT_URL, _signed(header, RIGHT.format("<b>Phòng PV01</b>")), now=crawled)
    article = normalize_article(raw, CT, fetched_at=crawled, fetched_url=CT_URL)
    assert (article.published.date().isoformat() if article.published else None) == published
