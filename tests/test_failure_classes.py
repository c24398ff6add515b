"""The failure classes of issue 13, each on a page that shows it.

Classes already handled are plain tests.  Those that need a change in
src/tintuc_feed/families/ (held until the lxml port lands) are strict expected
failures: each turns into a failure the day it is fixed, so its mark is removed
with the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tintuc_feed import families
from tintuc_feed.extract import extract_to_json
from tintuc_feed.sources import Source

REAL = Path(__file__).parent / "fixtures" / "real"
SOURCE = Source(
    id="lam-dong",
    name="Công an tỉnh Lâm Đồng",
    list_urls=("https://congan.lamdong.gov.vn/tin-tuc/",),
    article_url_pattern=r"/tin-tuc/.+-\d+\.html$",
)
ARTICLE_URL = "https://congan.lamdong.gov.vn/tin-tuc/bai-1-1.html"
CHROME = '<div class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc/">Tin tức</a></div>'
FOOTER = '<div class="footer">Bản quyền thuộc Công an tỉnh Lâm Đồng. Địa chỉ: 1 Trần Hưng Đạo, Đà Lạt.</div>'
NEEDS_FAMILIES = pytest.mark.xfail(strict=True, reason="needs a change in families/ (after the lxml port)")


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{CHROME}{body}{FOOTER}</body></html>"


# --- error pages served with status 200 -------------------------------------------------------------

ERROR_PAGES = {
    "title": page("Trang không tồn tại", "<p>Trang không tồn tại</p>"),
    "loi": page(
        "Công an tỉnh Lâm Đồng",
        "<h1>Lỗi</h1><p>Đã có lỗi xảy ra trong quá trình xử lý yêu cầu của bạn. Vui lòng quay lại trang chủ.</p>",
    ),
    "khong-tim-thay": page(
        "Công an tỉnh Lâm Đồng",
        "<h2>Không tìm thấy trang yêu cầu</h2><p>Trang bạn tìm có thể "
        "đã bị xóa hoặc chuyển sang địa chỉ khác. Mời bạn quay lại trang chủ "
        "để xem tin mới.</p>",
    ),
    "da-bi-xoa": page(
        "Tin tức - Công an tỉnh Lâm Đồng", "<div class='content'><p>Bài viết không tồn tại hoặc đã bị xóa</p></div>"
    ),
}


@pytest.mark.parametrize(
    "name",
    [
        "title",
        "loi",
        "khong-tim-thay",
        "da-bi-xoa",
    ],
)
def test_error_page_served_200_is_not_an_article(name):
    with pytest.raises(families.NotAnArticle) as caught:
        families.extract_article(SOURCE, ARTICLE_URL, ERROR_PAGES[name])
    assert caught.value.reason == "error-page"


# --- whole real pages that do not end with </html> ------------------------------------------------


def _real_page_ending(how: str) -> str:
    text = (REAL / "nld-2012-tienhui" / "input.html").read_text("utf-8")
    cut = text[: text.rfind("</body>")]
    return {
        "nothing": cut,
        "script": cut + "<script>var _gaq = [];</script>\n",
        "comments": text + "<!-- served from cache in 0.02 s -->\n" * 300,
    }[how]


@pytest.mark.parametrize(
    "how",
    [
        "nothing",
        "script",
        "comments",
    ],
)
def test_whole_real_page_without_closing_html_is_read(how):
    raw = families.extract_article(SOURCE, "https://nld.com.vn/thieu-tien-hui-1.htm", _real_page_ending(how))
    assert "Thiếu tiền hụi" in raw.title


# --- legacy pagers --------------------------------------------------------------------------------

ITEMS = "".join(
    f'<tr><td><a href="/tin-tuc/bai-{i}-{i}.html">Tin số {i} về an ninh trật tự</a></td></tr>' for i in range(1, 6)
)
PAGERS = {
    "tiep": '<table><tr><td><b>1</b> <a href="/tin-tuc/?page=2">Tiếp »</a></td></tr></table>',
    "trang-sau": '<table><tr><td><b>1</b> <a href="/tin-tuc/?page=2">Trang sau ›</a></td></tr></table>',
    "numbers": '<div class="pager"><b>1</b> <a href="/tin-tuc/?page=2">2</a> <a href="/tin-tuc/?page=3">3</a></div>',
}


@pytest.mark.parametrize("name", PAGERS)
def test_legacy_pager_is_followed(name):
    html = f"<html><head><title>Tin tức</title></head><body><table>{ITEMS}</table>{PAGERS[name]}</body></html>"
    listing = families.parse_list(SOURCE, SOURCE.list_urls[0], html)
    assert len(listing.articles) == 5
    assert "https://congan.lamdong.gov.vn/tin-tuc/?page=2" in listing.next_urls


# --- dates in <meta itemprop> (handled) ------------------------------------------------------------

BODY = "<p>" + "Lực lượng Công an đã triển khai nhiều biện pháp bảo đảm an ninh trật tự trên địa bàn. " * 6 + "</p>"


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta itemprop="datePublished" content="2024-05-12T08:30:00+07:00">', f"<h1>Hội nghị an ninh</h1>{BODY}"),
        (
            "",
            (
                '<div itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Hội nghị an ninh</h1>'
                f'<meta itemprop="datePublished" content="2024-05-12T08:30:00+07:00"><div itemprop="articleBody">{BODY}'
                "</div></div>"
            ),
        ),
    ],
)
def test_date_in_meta_itemprop(head, body):
    html = f"<html><head><title>Hội nghị an ninh</title>{head}</head><body>{body}{BODY}</body></html>"
    raw = families.extract_article(SOURCE, ARTICLE_URL, html)
    assert raw.dates[0].raw == "2024-05-12T08:30:00+07:00" and raw.dates[0].origin == "meta"


# --- the site's own name as author (handled in normalization) --------------------------------------


def test_site_name_is_not_an_author_on_a_real_page():
    case = REAL / "vnexpress-2025-lymphoma"
    url = "https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html"
    record = extract_to_json(url, sources_file=None, source_id=None, html_file=str(case / "input.html"))
    # The page's JSON-LD author is the site ("VnExpress"): no author, so the reader goes on to the
    # signature that ends the body, <p style="text-align:right;"><strong>Lê Phương</strong></p>.
    assert [a["name"] for a in record["authors"]] == ["Lê Phương"]
    assert "VnExpress" not in (record["byline_raw"] or "")
