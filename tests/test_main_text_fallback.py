"""Where a page's structure gives no body (no paragraph block, no text block), the
generic family hands the page to trafilatura, a maintained main-text extractor."""

from __future__ import annotations

from tintuc_feed import families
from tintuc_feed.sources import Source

SOURCE = Source(id="x", name="Công an tỉnh Cà Mau", list_urls=("https://congan.camau.gov.vn/",),
                article_url_pattern=".")
SENTENCES = [
    "Công an tỉnh Cà Mau vừa triệt phá một đường dây đánh bạc qua mạng với số tiền giao dịch hơn 20 tỷ đồng.",
    "Qua công tác nắm tình hình, lực lượng chức năng phát hiện nhóm đối tượng tổ chức đánh bạc trên ứng dụng điện thoại.",
    "Cơ quan Cảnh sát điều tra đã khởi tố vụ án, khởi tố bị can đối với 5 đối tượng để điều tra theo quy định.",
]
# Every sentence sits in its own <span> inside a table cell: no <p>, and no element holds the text directly.
PAGE = ("<html><head><title>Triệt phá đường dây đánh bạc qua mạng</title></head><body><table><tr><td>"
        + "".join(f"<div><span>{s}</span></div>" for s in SENTENCES)
        + "</td></tr></table></body></html>")


def test_page_without_structure_is_read_by_trafilatura():
    raw = families.extract_article(SOURCE, "https://congan.camau.gov.vn/tin-tuc/danh-bac-1.html", PAGE)
    assert raw.matched["body"] == "trafilatura"
    for sentence in SENTENCES:
        assert sentence in raw.body_html
