"""Rows of the tables the second blind round (tests/fixtures/blind/*/r2_*) led to, one test each.

- error pages served with 200 whose message stands beside the site's latest news (more text than a
  bare error page), and whose title is "Lỗi - <site>" (page_checks.ERROR_LINE, page_checks.ERROR_TITLES);
- a date line split by <br> from its time (layout.date_line, BARE_TIME);
- pagers: "Trang tiếp", an arrow picture named by its alt/title, Bootstrap's li.active
  (pager.NEXT_WORDS, link_words, _next_number).
"""

from __future__ import annotations

import pytest
from support import refusal_reason

from tintuc_feed import families
from tintuc_feed.families import layout
from tintuc_feed.sources import Source

SOURCE = Source(id="lam-dong", name="Công an tỉnh Lâm Đồng", list_urls=("https://congan.lamdong.gov.vn/tin-tuc/",),
                article_url_pattern=r"/tin-tuc/.+-\d+\.html$")
URL = "https://congan.lamdong.gov.vn/tin-tuc/bai-1-1.html"
LATEST = "".join(
    f'<li><a href="/tin-tuc/cong-an-xa-ra-quan-{i}-58{i}.html">Công an xã ra quân bảo đảm an ninh trật tự số {i}</a>'
    f"<p>Ngày {i}/6, lực lượng Công an xã phối hợp với các đoàn thể tổ chức ra quân tuần tra, kiểm soát, bảo đảm "
    "an ninh trật tự trên địa bàn dân cư.</p></li>" for i in range(1, 7))
PROSE = "<p>" + "Lực lượng Công an đã triển khai nhiều biện pháp bảo đảm an ninh trật tự trên địa bàn. " * 8 + "</p>"


def _page(title: str, main: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='menu'>"
            f"<a href='/'>Trang chủ</a></div><div class='main'>{main}</div><div class='side'><h3>Tin mới</h3>"
            f"<ul>{LATEST}</ul></div></body></html>")


ERROR_ROWS = [
    # (page, is an error page)
    (_page("Thông báo", "<p>Trang không tồn tại</p>"), True),
    (_page("Công an tỉnh Lâm Đồng", "<table><tr><td><b>Bài viết không tồn tại hoặc đã bị xóa.</b></td></tr></table>"),
     True),
    (_page("Công an tỉnh Lâm Đồng", "<div class='msg'>Nội dung không tồn tại hoặc đã bị gỡ bỏ</div>"), True),
    (_page("Công an tỉnh Lâm Đồng", "<p class='text-center'>Không tìm thấy bài viết</p>"), True),
    (_page("Công an tỉnh Lâm Đồng", "<span>Xin lỗi, trang bạn yêu cầu không tồn tại!</span>"), True),
    (_page("Lỗi - Công an tỉnh Lâm Đồng", "<div>Đường dẫn có thể đã thay đổi.</div>"), True),
    (_page("Error | Công an tỉnh Lâm Đồng", "<div>The page you requested could not be found.</div>"), True),
    # articles: the words inside a sentence, a title that starts with "Lỗi"
    (_page("Cảnh báo trang web giả mạo", "<h1>Cảnh báo trang web giả mạo Cổng dịch vụ công</h1><p>Khi truy cập, "
           "người dân thấy thông báo trang không tồn tại rồi bị chuyển sang trang giả mạo.</p>" + PROSE), False),
    (_page("Lỗi vi phạm giao thông thường gặp dịp cuối năm",
           "<h1>Lỗi vi phạm giao thông thường gặp dịp cuối năm</h1>" + PROSE), False),
]


@pytest.mark.parametrize(("html", "is_error"), ERROR_ROWS)
def test_error_message_standing_alone(html, is_error):
    assert (refusal_reason(SOURCE, URL, html) == "error-page") is is_error


DATE_SPLIT_ROWS = [
    # (header under the title, the date line read)
    ("<div class='meta'>Thứ Sáu,<br>02/06/2023<br>08:30</div>", "02/06/2023 08:30"),
    ("<div class='meta'>02/06/2023<br>08h30'</div>", "02/06/2023 08h30'"),
    ("<div class='meta'>02/06/2023<br>| 8:30 SA</div>", "02/06/2023 | 8:30 SA"),
    ("<div class='meta'>02/06/2023 08:30<br>09:15</div>", "02/06/2023 08:30"),  # it has its time already
    ("<div class='meta'>02/06/2023<br>Lượt xem: 120</div>", "02/06/2023"),  # no time on the next line
]


@pytest.mark.parametrize(("header", "line"), DATE_SPLIT_ROWS)
def test_date_line_takes_its_time_from_the_next_line(header, line):
    page = families.base.parse_html(f"<html><body><h1>Hội nghị tổng kết công tác Công an</h1>{header}{PROSE}"
                                    "</body></html>")
    found = layout.date_line(page, None, (), "Hội nghị tổng kết công tác Công an")
    assert found is not None and " ".join(found[0].split()) == line


ITEMS = "".join(f'<div class="item"><a href="/tin-tuc/bai-so-{i}-{i}.html">Tin số {i}</a></div>' for i in range(1, 4))
PAGER_ROWS = [
    # (pager, the list page's URL, the next page)
    ('<div class="paging"><a href="?page=2">Trang tiếp</a></div>', "", "?page=2"),
    ('<div class="paging"><a href="?page=2"><img src="/img/next.gif" alt="Trang sau"></a></div>', "", "?page=2"),
    ('<div class="paging"><a href="?page=2" title="Trang sau"><img src="/img/next.gif"></a></div>', "", "?page=2"),
    (('<ul class="pagination"><li class="active"><a href="?page=1">1</a></li><li><a href="?page=2">2</a></li>'
     '<li><a href="?page=3">3</a></li></ul>'), "", "?page=2"),
    (('<ul class="pagination"><li><a href="?page=2">2</a></li><li class="active"><a href="?page=3">3</a></li>'
     '<li><a href="?page=4">4</a></li></ul>'), "?page=3", "?page=4"),
    (('<ul class="pagination"><li><a href="?page=2">2</a></li><li class="active"><span>3</span></li>'
     '<li><a href="?page=4">4</a></li></ul>'), "?page=3", "?page=4"),
    (('<div class="pager"><a href="?page=2">2</a> <a class="current" href="?page=3">3</a> <a href="?page=4">4</a>'
     "</div>"), "?page=3", "?page=4"),
]


@pytest.mark.parametrize(("pager", "at", "following"), PAGER_ROWS)
def test_pager_next_link(pager, at, following):
    base = "https://congan.lamdong.gov.vn/tin-tuc/"
    listing = families.parse_list(SOURCE, base + at, f"<html><body>{ITEMS}{pager}</body></html>")
    assert list(listing.next_urls) == [base + following]


PRUNE_LINE_ROWS = [
    # (a line inside the article's column, pruned)
    ('<div class="view">Lượt xem: 1.234</div>', True),
    ("<p>Số lượt đọc: 56</p>", True),
    ('<div class="rate">Đánh giá bài viết: <span>★★★★★</span></div>', True),
    ("<p>Tổng số điểm của bài viết là: 45 trong 10 đánh giá</p>", True),
    ("<div>Bình chọn bài viết: <a href='#'>Gửi</a></div>", True),
    ('<p><a href="/tin-tuc/">&lt;&lt; Quay lại</a></p>', True),
    ("<p><b>Bài viết cùng chuyên mục</b></p>", True),
    ("<p>Chia sẻ Lưu</p>", True),  # VHV's share bar
    ("<p>Lượt xem của người dân về các trang mạng xã hội tăng mạnh trong năm 2025.</p>", False),  # a sentence
    (("<p>Đánh giá bài viết của phóng viên, lãnh đạo Công an tỉnh cho biết kết quả triển khai Đề án 06 trên địa bàn "
     "toàn tỉnh đã vượt kế hoạch đề ra, người dân hài lòng.</p>"), False),  # too long to be the form's label
]


@pytest.mark.parametrize(("line", "pruned"), PRUNE_LINE_ROWS)
def test_utility_line_leaves_the_body(line, pruned):
    from tintuc_feed.families import body_prune

    page = families.base.parse_html(f"<html><body><div class='content'>{PROSE}{line}</div></body></html>")
    container = families.base.select_one(page, ".content")
    body_prune.prune(container)
    words = families.base.text_of(families.base.parse_html(f"<html><body>{line}</body></html>").root)
    assert (words not in (families.base.text_of(container) or "")) is pruned
