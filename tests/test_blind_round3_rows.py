"""Rows of the tables the third blind round (tests/fixtures/blind/*/r3_*) led to, one test each.

- pages served with 200 that hold no article: a failure message standing alone ("Đã có lỗi xảy ra"), a
  placeholder under the headline ("Nội dung đang được cập nhật") (families.empty_pages);
- side columns named only by their place (div.col-right, .right-col, #right, a .col-md-4 beside a .col-md-8):
  their links are not the list's, except a box headed with the page's own category (common.in_sidebar);
- bylines that are a unit, initials or a reporters' group: the signature as printed is the author, the same
  whether the line is plain or right-aligned and bold (byline_lines.unit_signature, byline_names.clean_name).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from support import refusal_reason

from tintuc_feed import families
from tintuc_feed.families import common, empty_pages
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

SOURCE = Source(id="lam-dong", name="Công an tỉnh Lâm Đồng", list_urls=("https://congan.lamdong.gov.vn/tin-tuc/",),
                article_url_pattern=r"/tin-tuc/.+-\d+\.html$")
URL = "https://congan.lamdong.gov.vn/tin-tuc/cong-an-tinh-ra-quan-bao-dam-an-ninh-1.html"
FETCHED = datetime.fromisoformat("2025-11-04T08:00:00+07:00")
PROSE = "".join(f"<p>Đoạn {i}: lực lượng Công an đã triển khai nhiều biện pháp bảo đảm an ninh, trật tự trên địa bàn "
                "dân cư trong dịp cuối năm.</p>" for i in range(5))
LATEST = "".join(
    f'<li><a href="/tin-tuc/cong-an-xa-ra-quan-{i}-58{i}.html">Công an xã ra quân bảo đảm an ninh trật tự số {i}</a>'
    f"<p>Ngày {i}/6, lực lượng Công an xã phối hợp với các đoàn thể tổ chức ra quân tuần tra, kiểm soát, bảo đảm "
    "an ninh trật tự trên địa bàn dân cư.</p></li>" for i in range(1, 7))


def _page(title: str, main: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='menu'>"
            f"<a href='/'>Trang chủ</a></div><div class='main'>{main}</div><div class='side'><h3>Tin mới</h3>"
            f"<ul>{LATEST}</ul></div></body></html>")


HEADLINE = "<h1>Công an tỉnh ra quân bảo đảm an ninh trật tự cuối năm</h1>"
EMPTY_PAGE_ROWS = [
    # (page, refused as an error page)
    (_page("Công an tỉnh Lâm Đồng", "<p>Đã có lỗi xảy ra.</p>"), True),
    (_page("Công an tỉnh Lâm Đồng", "<div class='msg'>Đã có lỗi xảy ra. Vui lòng thử lại sau.</div>"), True),
    (_page("Công an tỉnh Lâm Đồng", "<span>Xin lỗi, đã có lỗi xảy ra!</span>"), True),
    (_page("Tin", HEADLINE + "<div class='date'>03/11/2025</div><p>Nội dung đang được cập nhật</p>"), True),
    (_page("Tin", HEADLINE + "<div><p><em>Tin bài đang được cập nhật...</em></p></div>"), True),
    (_page("Tin", HEADLINE + "<p>Đang cập nhật</p>"), True),
    # articles: a widget's failure message that goes on, a placeholder in an empty box after the body
    (_page("Tin", HEADLINE + PROSE + "<div class='popup'><p>Tặng sao không thành công</p><p>Đã có lỗi xảy ra, mời "
           "bạn quay lại bài viết và thực hiện lại thao tác</p></div>"), False),
    (_page("Tin", HEADLINE + "<div class='date'>03/11/2025</div>" + PROSE
           + "<div class='box'><h3>Lịch tiếp công dân</h3><p>Nội dung đang được cập nhật</p></div>"), False),
    (_page("Tin", HEADLINE + PROSE + "<p>Số liệu đang được cập nhật trong báo cáo tổng kết.</p>"), False),
    # an article whose comment or rating form keeps its failure message hidden for its script to show
    (_page("Tin", HEADLINE + PROSE + "<form class='comment'><div class='msg-error' style='display:none'>"
           "Đã có lỗi xảy ra. Vui lòng thử lại sau.</div></form>"), False),
    (_page("Tin", HEADLINE + PROSE + "<div class='rating'><span class='error hidden'>Có lỗi xảy ra!</span></div>"),
     False),
    # a short article (under ARTICLE_PARAGRAPH_CHARS): the message hidden, or inside the comment form
    (_page("Tin", HEADLINE + PROSE[: len(PROSE) // 3] + "<p style='display: none'>Đã có lỗi xảy ra.</p>"), False),
    (_page("Tin", HEADLINE + PROSE[: len(PROSE) // 3] + "<form action='/binh-luan'><p>Đã có lỗi xảy ra.</p></form>"),
     False),
]


@pytest.mark.parametrize(("html", "is_error"), EMPTY_PAGE_ROWS)
def test_page_without_an_article_is_refused(html, is_error):
    assert (refusal_reason(SOURCE, URL, html) == "error-page") is is_error


def test_empty_page_reason_says_what_the_page_says():
    with pytest.raises(families.NotAnArticle, match="Nội dung đang được cập nhật"):
        families.extract_article(SOURCE, URL, _page("Tin", HEADLINE + "<p>Nội dung đang được cập nhật</p>"))
    assert empty_pages.unavailable_message("<p>Đã có lỗi xảy ra. Vui lòng thử lại sau.</p>") == \
        "Đã có lỗi xảy ra. Vui lòng thử lại sau."


def _card(n: int) -> str:
    return f'<div class="item"><h3><a href="/tin-tuc/cong-an-tinh-ra-quan-tran-ap-toi-pham-{n}.html">Tin {n}</a></h3></div>'


SIDE_COLUMN_ROWS = [
    # (title, list page body, the ids whose links are the list's)
    ("Tin", f'<div class="col-left">{_card(1)}{_card(2)}</div><div class="col-right"><h3>Tin nổi bật</h3>{_card(3)}</div>',
     [1, 2]),
    ("Tin", f'<div class="main-col">{_card(1)}</div><div class="right-col">{_card(3)}</div>', [1]),
    ("Tin", f'<div id="left">{_card(1)}</div><div id="right"><div class="box">{_card(3)}</div></div>', [1]),
    ("Tin", f'<div class="row"><div class="col-md-8">{_card(1)}</div><div class="col-md-4">{_card(3)}</div></div>', [1]),
    ("Tin", (f'<div class="grid"><div class="lg:col-span-8">{_card(1)}</div><div class="lg:col-span-4">{_card(3)}</div>'
     "</div>"), [1]),
    # a grid of cards all of one width is the list; "text-right" names an alignment, not a column
    ("Tin", (f'<div class="row"><div class="col-md-4">{_card(1)}</div><div class="col-md-4">{_card(2)}</div>'
     f'<div class="col-md-4">{_card(3)}</div></div>'), [1, 2, 3]),
    ("Tin", f'<div class="text-right">{_card(1)}</div>{_card(2)}', [1, 2]),
    # the side column's box headed with the page's own category lists that category
    ("Tin tức - Sự kiện - Công an tỉnh Lâm Đồng", (f'<div class="col-left">{_card(1)}</div><div class="col-right">'
     f'<div class="box"><h3 class="box-title">Tin tức - Sự kiện</h3>{_card(2)}</div>'
     f'<div class="box"><h3 class="box-title">Tin xem nhiều</h3>{_card(3)}</div></div>'), [1, 2]),
]


@pytest.mark.parametrize(("title", "body", "ids"), SIDE_COLUMN_ROWS)
def test_side_column_named_by_its_place(title, body, ids):
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    page = families.parse_list(SOURCE, "https://congan.lamdong.gov.vn/tin-tuc/", html)
    assert [int(a.url.rsplit("-", 1)[1].split(".")[0]) for a in page.articles] == ids


def test_in_sidebar_reads_the_column_not_the_card():
    soup = families.base.parse_html('<div class="row"><div class="col-md-8"><a id="a" href="/x">A</a></div>'
                                    '<div class="col-md-4"><a id="b" href="/y">B</a></div></div>')
    assert [n.get("id") for n in common.outside_sidebars(families.base.select_all(soup, "a"))] == ["a"]


# Who signed: the signature as printed.  sources.md (section 6): portals sign "<Name> - <Name>" or a unit
# ("Phòng PV01", "CAT"), antv signs with initials ("BT"); a unit is the author a reader of the portal sees,
# initials and a reporters' group too; "Theo CAND" names a source, no author.  Nothing is guessed from the site.
BYLINE_FORM_ROWS = [
    # (byline as printed, authors)
    ("Phòng PV01", ["Phòng PV01"]),
    ("Phòng Tham mưu", ["Phòng Tham mưu"]),
    ("Công an xã Sa Pa", ["Công an xã Sa Pa"]),
    ("Đội CSGT số 3", ["Đội CSGT số 3"]),
    ("Nhóm PV", ["Nhóm PV"]),
    ("PV", ["PV"]),
    ("T.H", ["T.H"]),
    ("CAT", ["CAT"]),
    ("Minh Quỳnh - Phòng PV01", ["Minh Quỳnh"]),  # a name, then the unit it belongs to
    ("Trung tá Nguyễn Văn Cản - Phòng Tham mưu", ["Nguyễn Văn Cản"]),
    ("Theo CAND", []),
    # a unit's full name after a label, longer than an unlabelled signature (60) and joined by "và" inside
    ("Tin: Đội Cảnh sát điều tra tội phạm về kinh tế và chức vụ Công an huyện",
     ["Đội Cảnh sát điều tra tội phạm về kinh tế và chức vụ Công an huyện"]),
    ("Bài và ảnh: Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
     ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"]),
]
SIGNATURE_WRAPS = ["<p>{}</p>", "<p style='text-align:right'><strong>{}</strong></p>", "<p align='right'><b>{}</b></p>"]


@pytest.mark.parametrize(("byline", "authors"), BYLINE_FORM_ROWS)
def test_byline_form_parsed(byline, authors):
    assert [a.name for a in parse_byline(byline).authors] == authors


@pytest.mark.parametrize("wrap", SIGNATURE_WRAPS)
@pytest.mark.parametrize(("byline", "authors"), BYLINE_FORM_ROWS)
def test_signature_line_read_alike_plain_or_aligned(byline, authors, wrap):
    html = _page("Tin", HEADLINE + "<div class='date'>03/11/2025 08:15</div><div class='content'>" + PROSE
                 + wrap.format(byline) + "</div>")
    article = normalize_article(families.extract_article(SOURCE, URL, html), SOURCE, fetched_at=FETCHED,
                                fetched_url=URL)
    assert [a.name for a in article.authors] == authors
    assert byline not in article.content_text


@pytest.mark.parametrize("line", [
    "Công an tỉnh triển khai nhiều biện pháp bảo đảm an ninh trật tự trên địa bàn.",  # a sentence
    "Phòng Cảnh sát giao thông Công an tỉnh Lâm Đồng cho biết:",  # a sentence's start
])
def test_unit_sentence_ending_the_body_is_no_signature(line):
    html = _page("Tin", HEADLINE + "<div class='content'>" + PROSE + f"<p>{line}</p></div>")
    article = normalize_article(families.extract_article(SOURCE, URL, html), SOURCE, fetched_at=FETCHED,
                                fetched_url=URL)
    assert article.authors == ()
    assert line in article.content_text
