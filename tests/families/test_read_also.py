"""A line that only points to another article leaves the body (families/read_also.py): a small page per table
row, read by a family (wordpress: common.clean_body, shared by cand, bocongan, vhv, dnn-cmsview) and by the
generic reader, plus the guards (a link inside a sentence, text beyond the headline, the article's source line)."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic, read_also, tree, wordpress
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

SOURCE = Source(id="x", name="Công an tỉnh", list_urls=("https://congan-tinh.vn/",), article_url_pattern=".")
URL = "https://congan-tinh.vn/bai-viet/canh-bao-lua-dao-qua-mang-123.html"
HEADLINE = "Công an tỉnh ra quân tấn công trấn áp tội phạm dịp cuối năm"
OTHER = "https://congan-tinh.vn/bai-viet/ra-quan-tan-cong-tran-ap-toi-pham-456.html"
LINK = f'<a href="{OTHER}">{HEADLINE}</a>'
# One line per row, as the portals write it.
LINES = {
    "see more": f"<strong>Xem thêm:</strong> {LINK}",
    "read more": f"Đọc thêm: {LINK}",
    "related news": f"<em>Tin liên quan:</em> {LINK}",
    "invited to see more": f"Mời bạn đọc xem thêm: {LINK}",
    "may interest you": f"Có thể bạn quan tâm: {LINK}",
    "arrow": f'<a href="{OTHER}">&gt;&gt; {HEADLINE}</a>',
}
MORE_LINES = [f"Bài liên quan: {LINK}", f"» {LINK}", f"Mời xem thêm {LINK}", f"TIN BÀI LIÊN QUAN - {LINK}",
              f'<a href="{OTHER}"><strong>» {HEADLINE}</strong></a>']
FIRST = ("Thời gian gần đây, trên địa bàn tỉnh xuất hiện tình trạng đối tượng giả danh cán bộ Công an gọi điện "
         "yêu cầu người dân cài đặt ứng dụng dịch vụ công giả mạo để chiếm đoạt tài sản.")
SECOND = ("Công an tỉnh khuyến cáo người dân chỉ cài đặt ứng dụng VNeID từ kho ứng dụng chính thức, không bấm vào "
          "đường link lạ và báo ngay cho cơ quan Công an khi nghi ngờ.")


def _page(content: str) -> str:
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Cảnh báo lừa đảo qua mạng</title>"
            "<meta property='article:published_time' content='2025-09-12T07:05:33+00:00'></head><body>"
            "<article class='post'><h1 class='entry-title'>Cảnh báo lừa đảo qua mạng</h1>"
            f"<div class='td-post-content entry-content'>{content}</div></article></body></html>")


def _bodies(content: str) -> dict[str, str]:
    html = _page(content)
    return {"wordpress": wordpress.parse_article(URL, html, SOURCE, {}).body_html,
            "generic": generic.parse_article(URL, html, SOURCE, {}).body_html}


def test_every_row_has_a_case():
    assert set(LINES) == {name for name, _ in read_also.READ_ALSO_PREFIXES}


@pytest.mark.parametrize("line", list(LINES.values()) + MORE_LINES)
def test_a_read_also_paragraph_leaves_mid_content_and_at_the_end(line):
    for content in (f"<p>{FIRST}</p><p>{line}</p><p>{SECOND}</p>", f"<p>{FIRST}</p><p>{SECOND}</p><p>{line}</p>"):
        for family, body in _bodies(content).items():
            assert HEADLINE not in body, (family, line)
            assert FIRST in body and SECOND in body, family


@pytest.mark.parametrize("line", list(LINES.values()) + MORE_LINES)
def test_a_read_also_line_between_breaks_leaves_and_the_paragraph_stays(line):
    for content in (f"<p>{FIRST}<br>{line}<br>{SECOND}</p>", f"<p>{line}<br>{FIRST}</p><p>{SECOND}</p>",
                    f"<p>{FIRST}</p><p>{SECOND}<br>{line}</p>"):
        for family, body in _bodies(content).items():
            assert HEADLINE not in body, (family, line)
            assert FIRST in body and SECOND in body, family


def test_a_label_with_a_list_of_several_headlines_leaves():
    others = "".join(f'<li><a href="{OTHER}?{i}">{HEADLINE} lần {i}</a></li>' for i in range(3))
    for content in (f"<p>{FIRST}</p><p><strong>Xem thêm:</strong></p><ul>{others}</ul><p>{SECOND}</p>",
                    (f"<p>{FIRST}</p><p>Xem thêm: {LINK}<br>{LINK.replace(HEADLINE, HEADLINE + ' (kỳ 2)')}</p>"
                     f"<p>{SECOND}</p>")):
        for family, body in _bodies(content).items():
            assert HEADLINE not in body, family
            assert FIRST in body and SECOND in body, family


# Guards: these lines are the article's.
KEPT = [
    f'Xem thêm hướng dẫn cài đặt tại <a href="{OTHER}">Cổng dịch vụ công quốc gia</a> trước khi nộp hồ sơ.',
    f"Xem thêm: {LINK}, trong đó lực lượng Công an đã bắt giữ 25 đối tượng và thu giữ nhiều tang vật.",
    f'Mời xem thêm thông tin tại <a href="{OTHER}">trang của Công an tỉnh</a>',
    'Theo <a href="https://cand.com.vn/">CAND</a>',
    'Nguồn: <a href="https://cand.com.vn/">Báo Công an nhân dân</a>',
    "Xem thêm: người dân cần cảnh giác với các cuộc gọi lạ.",
]


@pytest.mark.parametrize("line", KEPT)
def test_a_line_whose_link_is_part_of_the_article_stays(line):
    text = " ".join(tree.flat_text(parse_html(f"<p>{line}</p>").root).split())
    for content in (f"<p>{FIRST}</p><p>{line}</p><p>{SECOND}</p>", f"<p>{FIRST}<br>{line}<br>{SECOND}</p>"):
        root = parse_html(f"<html><body><div id='b'>{content}</div></body></html>").root
        container = tree.select(root, "#b")[0]
        assert read_also.remove(container) == []
        assert text in " ".join(tree.flat_text(container).split())


def test_the_wordpress_reader_keeps_the_guarded_lines():
    body = _bodies("".join(f"<p>{line}</p>" for line in [FIRST, *KEPT[:3], SECOND]))["wordpress"]
    assert "Cổng dịch vụ công quốc gia" in body and "bắt giữ 25 đối tượng" in body and "trang của Công an tỉnh" in body


def test_a_line_found_in_the_page_leaves_another_readers_joined_paragraph():
    """trafilatura joins a line between <br> to the paragraph before it, without its link."""
    line = f">> {HEADLINE} Kỳ 1"
    root = parse_html(f"<html><body><p>{FIRST} {line}  Theo Vũ Vũ</p></body></html>").root
    read_also.remove_lines_within(root, [line])
    assert " ".join(tree.flat_text(root).split()) == f"{FIRST} Theo Vũ Vũ"


def test_a_short_line_is_not_looked_for_inside_paragraphs():
    root = parse_html(f"<html><body><p>{FIRST} » Kỳ 1</p></body></html>").root
    read_also.remove_lines_within(root, ["» Kỳ 1"])
    assert "» Kỳ 1" in tree.flat_text(root)
