"""The seed article, field by field: extraction by the generic family, then normalization.

The page is the sample site's copy of the seed (../shared/seeds) in its portal's
layout: title, a date line, paragraphs with a photo caption, the byline line,
then sidebar widgets.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from support import SEED_FILE, SEED_PAGE, SHARED_SEED

from tintuc_feed import families
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
URL = "https://congan.daknong.gov.vn/tin-tuc-su-kien/xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html"
SOURCE = Source(id="daknong", name="Công an tỉnh Đắk Nông", province="Đắk Nông",
                list_urls=("https://congan.daknong.gov.vn/tin-tuc-su-kien/",), article_url_pattern=r"/tin-tuc-su-kien/.+\.html")
TITLE = "Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại"
SIDEBAR = ("Tìm kiếm", "Tin tức - Sự kiện", "Liên kết website")


@pytest.fixture(scope="module")
def raw():
    return families.extract_article(SOURCE, URL, SEED_PAGE.read_text("utf-8"))


@pytest.fixture(scope="module")
def article(raw):
    return normalize_article(raw, SOURCE, fetched_at=datetime(2026, 11, 27, 9, 0, tzinfo=VN))


def seed_paragraphs() -> list[str]:
    """The seed's body lines: after the date line, before the byline, NBSP as a space."""
    lines = [line for line in SEED_FILE.read_text("utf-8").split("\n") if line.strip()]
    body = lines[2 : lines.index("Minh Quỳnh - Bá Hiển - Quang Khải")]
    return [unicodedata.normalize("NFC", line.replace("\xa0", " ")).strip() for line in body]


def test_title_is_as_written(article):
    assert article.title == TITLE  # "Đăk" kept although the body writes "Đắk"


def test_published_is_2_june_2023_in_vietnam(article):
    assert article.published == datetime(2023, 6, 2, tzinfo=VN)
    assert article.published.utcoffset().total_seconds() == 7 * 3600


def test_date_precision_and_raw_are_kept(article):
    assert article.date_precision == "date"
    assert article.published_raw == "02/06/2023"


def test_authors(article):
    assert [a.name for a in article.authors] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]
    assert article.byline_raw == "Minh Quỳnh - Bá Hiển - Quang Khải"


def test_body_is_every_paragraph_and_the_caption(article):
    assert article.content_text.split("\n\n") == seed_paragraphs()


def test_body_keeps_the_caption(article):
    assert "Toàn cảnh Hội nghị" in article.content_text.split("\n\n")


@pytest.mark.parametrize("line", ["Minh Quỳnh - Bá Hiển - Quang Khải", *SIDEBAR])
def test_body_has_no_byline_or_sidebar(article, line):
    assert line not in article.content_text
    assert line not in article.content_html


def test_body_text_is_nfc_without_no_break_space(article):
    assert unicodedata.is_normalized("NFC", article.content_text)
    assert "\xa0" not in article.content_text and "&nbsp;" not in article.content_html
    assert "Đề án; triển khai" in article.content_text


def test_province_is_the_current_unit_with_the_former_kept(article):
    assert (article.province, article.former_province) == ("Lâm Đồng", "Đắk Nông")


def test_extraction_says_how_it_read_the_layout(raw):
    assert raw.matched["date"] == "layout:date-line"
    assert raw.matched["authors"] == "layout:byline-line"
    assert not raw.degraded


def test_the_repository_copy_of_the_seed_is_the_seed():
    if not SHARED_SEED.exists():  # a checkout without ../shared: the copy is all there is
        return
    assert SEED_FILE.read_bytes() == SHARED_SEED.read_bytes()
