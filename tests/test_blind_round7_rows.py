"""Rows of the tables the seventh blind round, part A (tests/fixtures/blind/*/r7_*: list pages, pagers, error pages)
led to, one test each.

- error pages served with 200 in forms not seen before were read as articles: a maintenance notice ("Hệ thống đang
  bảo trì", the bocongan shell's "Hệ thống đang được bảo trì để nâng cấp. Mong …"), a login wall ("Bạn cần đăng
  nhập để xem nội dung này."), ASP.NET's "Server Error in '/' Application." (families/closed_pages.py CLOSED_LINES);
  a JS challenge that sets its cookie then `location.href = …` and a WAF's "The requested URL was rejected" page
  (page_checks.WAF_MARKERS);
- an empty category ("Chưa có bài viết nào trong chuyên mục này.", WordPress "Không có bài viết nào") gave the list
  its side boxes' latest news (closed_pages.EMPTY_LIST, read in families._parse_list);
- URL variants of one article on a list page (the pinned story's "?utm_source=…", "?ref=list", "#comments") were
  either dropped by the source's article pattern or kept apart (families/base.py link_url);
- pagers: "Sau →" (Liferay), a "Xem thêm" button that is a real link to "?page=2", a <select> of pages whose
  onchange opens the chosen one (families/pager.py FORWARD_ARROWS, load_more_url / PAGE_MARK, select_next);
- a legacy table whose date sits in the row under the link's row (families/generic_list.py row_below_date).
"""

from __future__ import annotations

import pytest

from tintuc_feed import families
from tintuc_feed.families import closed_pages, generic_list, pager
from tintuc_feed.families.base import NotAnArticle, link_url, parse_html
from tintuc_feed.families.page_checks import check_page
from tintuc_feed.sources import load_sources

SOURCES = {s.id: s for s in load_sources()}
_ARTICLE = "<p>" + "Công an tỉnh tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả đạt được. " * 8 + "</p>"


def _page(body: str, title: str = "Công an tỉnh") -> str:
    return (f"<html><head><title>{title}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"{body}<div class='footer'>Công an tỉnh. Địa chỉ: số 1 Trần Hưng Đạo.</div></body></html>")


def _reason(page: str) -> str | None:
    try:
        check_page(page)
    except NotAnArticle as exc:
        return str(exc)
    return None


CLOSED_ROWS = [
    # (row of CLOSED_LINES, the page's message)
    ("maintenance", "<h2>Hệ thống đang bảo trì</h2><p>Quý bạn đọc vui lòng quay lại sau.</p>"),
    ("maintenance", "<p>Hệ thống đang được bảo trì để nâng cấp. Mong quý độc giả thông cảm.</p>"),
    ("maintenance", "<div>Cổng thông tin điện tử đang được nâng cấp, bảo trì</div>"),
    ("upgrade", "<h3>Website đang nâng cấp</h3>"),
    ("maintenance-en", "<h1>This site is under maintenance</h1>"),
    ("login wall", "<p class='warn'>Bạn cần đăng nhập để xem nội dung này.</p><form><input name='u'></form>"),
    ("login wall", "<div>Vui lòng đăng nhập để tiếp tục</div>"),
    ("login wall-en", "<p>You must be logged in to view this page.</p>"),
    ("server error", "<h1>Server Error in '/' Application.<hr></h1><h2><i>Runtime Error</i></h2>"),
]


@pytest.mark.parametrize(("row", "body"), CLOSED_ROWS)
def test_a_page_closed_to_readers_is_no_article(row, body):
    page = _page(body)
    said = closed_pages.closed_message(page)
    assert said and closed_pages.CLOSED_LINES[row][1].match(said)  # read by its own row
    assert (_reason(page) or "").startswith("error-page")


@pytest.mark.parametrize(("row", "body"), CLOSED_ROWS)
def test_an_article_quoting_the_notice_stays_an_article(row, body):
    assert closed_pages.closed_message(_page(f"<h1>Tin</h1>{body}{_ARTICLE}")) is None


def test_the_notice_inside_a_sentence_or_hidden_is_no_closed_page():
    inside = _page("<p>Theo thông báo, hệ thống đang bảo trì từ 22h đến 24h.</p>")
    hidden = _page("<div class='modal' style='display:none'>Bạn cần đăng nhập để xem nội dung này.</div>")
    assert closed_pages.closed_message(inside) is None
    assert closed_pages.closed_message(hidden) is None


def test_a_whole_aspnet_form_does_not_hide_the_notice():
    page = _page("<form id='aspnetForm' method='post'><h2>Hệ thống đang bảo trì</h2></form>")
    assert (_reason(page) or "").startswith("error-page")


WAF_ROWS = [
    ("js-cookie-reload", ("<html><head><script>document.cookie='__jsl_clearance_s=1|0|a';"
                         "location.href=location.pathname+location.search;</script></head><body></body></html>")),
    ("js-cookie-reload", ("<html><head><script>document.cookie='c=1';location.replace(location.href);</script>"
                         "</head><body>Đang kiểm tra trình duyệt...</body></html>")),
    ("request-rejected", ("<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. "
                         "Please consult with your administrator.<br><br>Your support ID is: 1327</body></html>")),
]


@pytest.mark.parametrize(("name", "page"), WAF_ROWS)
def test_waf_pages_of_other_forms(name, page):
    assert _reason(page) == f"waf-challenge: {name}"


def test_a_real_page_that_sets_a_cookie_and_links_is_no_challenge():
    page = _page("<h1>Tin</h1>" + _ARTICLE + "<script>document.cookie='v=1';location.href='#top';</script>")
    assert _reason(page) is None


EMPTY_ROWS = [
    ("<div class='alert'>Chưa có bài viết nào trong chuyên mục này.</div>", True),
    ("<h2>Không có bài viết nào</h2>", True),
    ("<p>Chuyên mục này hiện chưa có bài viết.</p>", True),
    ("<td>Không có dữ liệu</td>", True),
    ("<p>Chưa có bài viết</p>", True),
    ("<div class='empty hidden'>Chưa có bài viết</div>", False),  # kept for a script
    ("<p>Chưa có bài viết nào về vụ việc được đăng tải.</p>", False),  # a sentence, not the page's notice
]


@pytest.mark.parametrize(("body", "empty"), EMPTY_ROWS)
def test_a_list_page_that_says_it_is_empty(body, empty):
    assert bool(closed_pages.empty_list_message(_page(body))) is empty


def test_an_empty_category_gives_no_side_box_links():
    source = SOURCES["congan-ha-tinh"]
    side = ("<div class='col-right'><div class='box-title'>Tin mới</div>"
            "<a href='/tin-tuc/bat-giu-doi-tuong-trom-cap-tai-san-tai-ky-anh-22.html'>Tin</a></div>")
    empty = families.parse_list(source, "https://congan.hatinh.gov.vn/hoi-dap",
                                _page("<div class='main'><p>Chưa có bài viết nào trong chuyên mục này.</p></div>" + side))
    full = families.parse_list(source, "https://congan.hatinh.gov.vn/hoi-dap", _page(side))
    assert not empty.articles and empty.problem.startswith("no-links") and "Chưa có bài viết" in empty.problem
    assert [a.url for a in full.articles]  # without the notice, a page of side boxes keeps them (as before)


def _full_list(side: str) -> str:
    """A provincial portal's list page of four articles, with `side` beside the list."""
    items = "".join(f"<li><a href='/tin-tuc/bat-giu-doi-tuong-trom-cap-tai-san-lan-{i}-2{i}.html'>Bắt giữ đối tượng"
                    f" trộm cắp tài sản lần {i}</a> (2{i}/11/2025)</li>" for i in range(1, 5))
    return _page(f"<div class='main'><ul>{items}</ul></div>" + side)


def _read_list(page: str):
    return families.parse_list(SOURCES["congan-ha-tinh"], "https://congan.hatinh.gov.vn/tin-tuc", page)


SIDE_BOX_EMPTY_ROWS = [
    # a side box of the list page that says it is empty: the box's words, not the section's
    "<div class='col-right'><div class='box-title'>Văn bản mới</div><p>Không có dữ liệu</p></div>",
    "<aside><h3>Lịch công tác</h3><div>Không có dữ liệu</div></aside>",
    "<div class='sidebar'><h3>Thăm dò ý kiến</h3><span>Chưa có bài viết</span></div>",
    "<nav class='menu'><ul><li>Chưa có bài viết</li></ul></nav>",
]


@pytest.mark.parametrize("side", SIDE_BOX_EMPTY_ROWS)
def test_a_side_box_that_says_it_is_empty_leaves_the_list(side):
    page = _full_list(side)
    assert closed_pages.empty_list_message(page) is None
    listed = _read_list(page)
    assert len(listed.articles) == 4 and listed.problem is None
    said_in_main = page.replace("<div class='main'>", "<div class='main'><p>Chưa có bài viết nào trong chuyên mục này.</p>")
    assert _read_list(said_in_main).problem.startswith("no-links")


SIDE_BOX_CLOSED_ROWS = [
    # a login widget or a notice in a side box of a full list page: the box's words, not the page's
    "<aside><h3>Thành viên</h3><p>Vui lòng đăng nhập để tiếp tục.</p></aside>",
    "<div class='col-right'><p>Bạn cần đăng nhập để xem tài liệu</p></div>",
    "<div class='widget'><p>Hệ thống đang bảo trì chức năng hỏi đáp.</p></div>",
]


@pytest.mark.parametrize("side", SIDE_BOX_CLOSED_ROWS)
def test_a_side_box_notice_does_not_close_the_page(side):
    page = _full_list(side)
    assert _reason(page) is None
    assert len(_read_list(page).articles) == 4
    closed = _page("<div class='main'><p>" + side.split("<p>")[-1].split("</p>")[0] + "</p></div>")
    assert _reason(closed).startswith("error-page")  # the same words as the page's own text close it


LINK_ROWS = [
    # (href on the list page, the link read)
    ("/tin-tuc/a-b-c-d-12.html?utm_source=home&utm_medium=hot", "https://x.gov.vn/tin-tuc/a-b-c-d-12.html"),
    ("/tin-tuc/a-b-c-d-12.html?ref=list", "https://x.gov.vn/tin-tuc/a-b-c-d-12.html"),
    ("/tin-tuc/a-b-c-d-12.html#comments", "https://x.gov.vn/tin-tuc/a-b-c-d-12.html"),
    ("/tin-tuc/a-b-c-d-12.html?fbclid=IwAR0x#binh-luan", "https://x.gov.vn/tin-tuc/a-b-c-d-12.html"),
    ("/Pages/NewsDetail.aspx?NewsID=7&CatID=12&utm_campaign=x", "https://x.gov.vn/Pages/NewsDetail.aspx?NewsID=7&CatID=12"),
    ("/Pages/NewsDetail.aspx?CatID=12&NewsID=7", "https://x.gov.vn/Pages/NewsDetail.aspx?CatID=12&NewsID=7"),
    ("#top", None),
]


@pytest.mark.parametrize(("href", "url"), LINK_ROWS)
def test_list_links_drop_tracking_and_fragments(href, url):
    assert link_url("https://x.gov.vn/tin-tuc", href) == url


def test_variants_of_one_article_are_one_list_link():
    source = SOURCES["congan-son-la"]
    a = "/tin-tuc/son-la-bat-giu-doi-tuong-van-chuyen-heroin-17.html"
    body = (f"<ul><li><a href='{a}?utm_source=home'>Sơn La bắt giữ</a></li><li><a href='{a}#comments'>(3)</a></li>"
            f"<li><a href='{a}?ref=list'>Sơn La bắt giữ</a></li></ul>")
    page = families.parse_list(source, "https://congan.sonla.gov.vn/tin-tuc", _page(body))
    assert [x.url for x in page.articles] == ["https://congan.sonla.gov.vn" + a]


NEXT_ROWS = [
    # (pager markup, the next page read, relative to https://x.gov.vn/tin-tuc)
    ('<ul class="pagination"><li><a href="/tin-tuc?_X_cur=2">Sau &rarr;</a></li></ul>', "https://x.gov.vn/tin-tuc?_X_cur=2"),
    ('<a class="btn" href="/tin-tuc?page=2">Xem thêm <i></i></a>', "https://x.gov.vn/tin-tuc?page=2"),
    ('<a href="/tin-tuc/trang-2.html">Tải thêm ↓</a>', "https://x.gov.vn/tin-tuc/trang-2.html"),
    ('<a href="/tin-tuc/p2.html">Xem thêm</a>', "https://x.gov.vn/tin-tuc/p2.html"),
    ('<a href="/an-ninh-trat-tu">Xem thêm</a>', None),  # a box's link to a section, no page named
    (('<span>Trang 1/25</span><select onchange="location.href=this.value"><option value="/tin-tuc?trang=1" selected>1'
     '</option><option value="/tin-tuc?trang=2">2</option></select>'), "https://x.gov.vn/tin-tuc?trang=2"),
    (('<div class="paging"><select><option value="?trang=1">1</option><option value="?trang=2" selected>2</option>'
     '<option value="?trang=3">3</option></select></div>'), "https://x.gov.vn/tin-tuc?trang=3"),
    ('<form><select name="page"><option value="1" selected>1</option><option value="2">2</option></select></form>',
     None),  # bare numbers a form posts: no URL
    (('<select onchange="location=this.value"><option value="/a" selected>A</option><option value="/b">B</option>'
     '</select>'), "https://x.gov.vn/b"),
    ('<select name="lang"><option value="/vi/" selected>VI</option><option value="/en/">EN</option></select>', None),
]


@pytest.mark.parametrize(("html", "url"), NEXT_ROWS)
def test_pagers_of_new_forms(html, url):
    page = parse_html(_page(html))
    found = pager.next_pages(page, "https://x.gov.vn/tin-tuc", SOURCES["congan-ha-tinh"])
    assert found == ([url] if url else [])


@pytest.mark.parametrize(("words", "next_"), [("Sau →", True), ("Tiếp ▶", True), ("Trước ←", False), ("→", False)])
def test_forward_arrow_words(words, next_):
    assert pager.is_next_word(words) is next_


ROW_DATE_ROWS = [
    # (rows of a table, the date hint of the first article link)
    ('<tr><td><a href="/t/a-b-c-d-1.html">Tin A</a></td></tr><tr><td>Cập nhật: 28/11/2025</td></tr>', "Cập nhật: 28/11/2025"),
    ('<tr><td><a href="/t/a-b-c-d-1.html">Tin A</a></td></tr><tr><td>(28/11/2025)</td></tr>', "(28/11/2025)"),
    ('<tr><td><a href="/t/a-b-c-d-1.html">Tin A</a></td><td>27/11/2025</td></tr>', "27/11/2025"),
    (('<tr><td><a href="/t/a-b-c-d-1.html">Tin A</a></td></tr><tr><td><a href="/t/e-f-g-h-2.html">Tin B</a> '
     '28/11/2025</td></tr>'), None),  # the next row is another article's
    ('<tr><td><a href="/t/a-b-c-d-1.html">Tin A</a></td></tr><tr><td>Xem chi tiết</td></tr>', None),
]


@pytest.mark.parametrize(("rows", "hint"), ROW_DATE_ROWS)
def test_a_tables_date_in_the_row_under_the_link(rows, hint):
    page = parse_html(_page(f"<table>{rows}</table>"))
    links = [(a.get("href"), a) for a in page.root.iter("a") if a.get("href", "").startswith("/t/")]
    assert generic_list.link_hints(links)["/t/a-b-c-d-1.html"].get("date") == hint
