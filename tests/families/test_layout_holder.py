"""The densest block's parent is the body when it holds paragraphs of its own (layout._holder_with_own_paragraphs).

An old portal's article column often opens with a line in a <div>, a photo and its caption and two <p>s, then a
nested <div> holding the rest of the <p>s: the nested block has the most paragraph text, but the article starts
in its parent.  The parent is taken when its own paragraphs hold HOLDER_OWN_CHARS and it has few links.
"""

from __future__ import annotations

from tintuc_feed.families import generic, layout
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

URL = "https://congan.example.gov.vn/tin-tuc/lich-nghi-tet.html"
TITLE = "Công an tỉnh thông báo lịch trực Tết của các đơn vị"
OPENING = ("Cụ thể, trong dịp nghỉ Tết Dương lịch, các đơn vị nghiệp vụ của Công an tỉnh bố trí lực lượng trực "
           "24/24 giờ, bảo đảm an ninh trật tự trên toàn địa bàn.")
OWN = "".join(f"<p>Đoạn riêng {i}: cán bộ, chiến sĩ được nghỉ luân phiên theo lịch của đơn vị, bảo đảm quân số "
              f"trực sẵn sàng chiến đấu theo quy định số {i}.</p>" for i in range(1, 3))
NESTED = "<div>" + "".join(
    f"<p>Đoạn {i}: lực lượng chức năng tăng cường tuần tra kiểm soát tại các tuyến đường trọng điểm, xử lý "
    f"nghiêm các trường hợp vi phạm trật tự an toàn giao thông số {i}, theo chỉ đạo của Giám đốc.</p>"
    for i in range(1, 9)) + "</div>"
PHOTO = "<div align='center'><img src='/anh/truc-tet.jpg' alt='Lực lượng trực Tết'></div>"


def _read(column: str):
    html = (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a>"
            f"<a href='/tin-tuc'>Tin tức</a></div><div class='box'><h1>{TITLE}</h1><div class='fon34'>{column}</div>"
            "</div><div class='footer'>Cổng thông tin điện tử Công an tỉnh</div></body></html>")
    source = Source(id="adhoc", name="congan.example.gov.vn", list_urls=(URL,), article_url_pattern=".")
    return generic.parse_article(URL, html, source, {})


def test_the_article_starts_in_the_parent_of_the_densest_block():
    raw = _read(f"<div align='left'>{OPENING}</div>{PHOTO}{OWN}{NESTED}")
    assert raw.matched["body"] == "layout:densest-block"
    assert raw.body_html.startswith(f"<div align=\"left\">{OPENING}"), raw.body_html[:200]
    assert "truc-tet.jpg" in raw.body_html and "Đoạn riêng 2" in raw.body_html and "Đoạn 8:" in raw.body_html
    assert "Trang chủ" not in raw.body_html and "Cổng thông tin" not in raw.body_html


def _densest(column: str) -> str | None:
    page = parse_html(f"<html><body><div class='menu'><a href='/'>Trang chủ</a></div>"
                      f"<div class='fon34'>{column}</div></body></html>")
    return layout.densest_block(page).get("class")


def test_the_parent_is_taken_when_its_own_paragraphs_hold_enough():
    assert _densest(f"{OWN}{NESTED.replace('<div>', '<div class=nested>', 1)}") == "fon34"


def test_a_parent_with_little_paragraph_text_of_its_own_is_not_taken():
    # one short paragraph beside the block: a label or a date line, not the article's start
    assert len("Thứ Ba, 25/12/2012") < layout.HOLDER_OWN_CHARS
    assert _densest(f"<p>Thứ Ba, 25/12/2012</p>{NESTED.replace('<div>', '<div class=nested>', 1)}") == "nested"


def test_a_parent_full_of_links_is_not_taken():
    # the block sits in a column of other articles' teasers: their linked headlines are not the article
    teasers = "".join(f"<p><a href='/tin-{i}.html'>Tin khác số {i}: Công an tỉnh tổng kết công tác bảo đảm an ninh "
                      f"trật tự dịp Tết và triển khai nhiệm vụ năm mới tại các địa phương</a></p>" for i in range(3))
    assert _densest(f"{teasers}{NESTED.replace('<div>', '<div class=nested>', 1)}") == "nested"
