"""Headlines the page writes two ways (families/title_forms.py): in capitals, behind a media label, cut short
on the list page.  One test per row and per guard; every page is read whole by the generic family
(parse_article), where the rules run."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic
from tintuc_feed.families.title_forms import MEDIA_LABELS, completed_hint, in_capitals, without_media_label
from tintuc_feed.sources import Source

URL = "https://congan-tinh.vn/tin-tuc/tin-a-123.html"
SOURCE = Source(id="x", name="Báo X", list_urls=("https://congan-tinh.vn/",), article_url_pattern=".")
BODY = "<p>" + "Nội dung bài viết đủ dài để là thân bài của trang. " * 6 + "</p>"
HEADLINE = "Công an tỉnh Lâm Đồng triển khai đợt cao điểm trấn áp tội phạm"


def page(head: str = "", article: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><header><a href='/'>Trang chủ</a></header>"
            f"<div class='main'>{article}{BODY}</div></body></html>")


def og(text: str) -> str:
    return f"<meta property='og:title' content='{text}'>"


def read(html: str, hints: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    raw = generic.parse_article(URL, html, SOURCE, hints or {})
    return raw.title, raw.matched.get("title")


# --- capitals-as-meta -------------------------------------------------------------------------------------------

CAPITALS = [
    ("og:title in sentence case",
     page(og(HEADLINE), f"<h1>{HEADLINE.upper()}</h1>"), (HEADLINE, "capitals-as-meta")),
    ("<title> with the portal's suffix: the part before it",
     page(f"<title>{HEADLINE} - Công an tỉnh Lâm Đồng</title>", f"<h1>{HEADLINE.upper()}</h1>"),
     (HEADLINE, "capitals-as-meta")),
    ("the JSON-LD headline",
     page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"" + HEADLINE + "\"}</script>",
          f"<h1>{HEADLINE.upper()}</h1>"), (HEADLINE, "capitals-as-meta")),
]
CAPITALS_KEPT = [
    ("no metadata: the page's capitals", page("", f"<h1>{HEADLINE.upper()}</h1>"), HEADLINE.upper()),
    ("the metadata in capitals too", page(og(HEADLINE.upper()), f"<h1>{HEADLINE.upper()}</h1>"), HEADLINE.upper()),
    ("the metadata without tone marks is another spelling, not a case",
     page(og("Cong an tinh Lam Dong trien khai dot cao diem tran ap toi pham"), f"<h1>{HEADLINE.upper()}</h1>"),
     HEADLINE.upper()),
    ("a heading in mixed case is never rewritten", page(og(HEADLINE.lower()), f"<h1>{HEADLINE}</h1>"), HEADLINE),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CAPITALS], ids=[c[0] for c in CAPITALS])
def test_capitals_take_the_metadata_spelling(html, expected):
    assert read(html) == expected


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CAPITALS_KEPT], ids=[c[0] for c in CAPITALS_KEPT])
def test_capitals_kept(html, expected):
    assert read(html)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("CÔNG AN TỈNH LÂM ĐỒNG", True), ("ASEAN 2025", False),  # an acronym: too few letters
    ("Công an TỈNH", False), ("BCA: 12.000 VỤ ÁN ĐƯỢC XỬ LÝ", True),
])
def test_in_capitals(text, expected):
    assert in_capitals(text) is expected


# --- media-label ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label", MEDIA_LABELS)
def test_media_label_leaves_when_the_metadata_names_the_rest(label):
    assert read(page(og(HEADLINE), f"<h1>[{label.title()}] {HEADLINE}</h1>")) == (HEADLINE, "media-label")


@pytest.mark.parametrize(("head", "heading"), [
    (og(f"[Video] {HEADLINE}"), f"[Video] {HEADLINE}"),  # the metadata carries the label: the site's headline
    (og(HEADLINE), f"Clip: {HEADLINE}"),  # a label read as the sentence's own words
    (og("Chuyện giữa 2 người trên Facebook"), "[Vui vẻ] Chuyện giữa 2 người trên Facebook"),  # a topic, not a form
    (og("Thủ tướng từ chức sau cuộc bỏ phiếu"), "[Anh] Thủ tướng từ chức sau cuộc bỏ phiếu"),  # a country, no mark
    (og("Tin B dài hơn mười chữ"), f"[Video] {HEADLINE}"),  # the metadata names another headline
])
def test_media_label_kept(head, heading):
    assert read(page(head, f"<h1>{heading}</h1>"))[0] == heading


@pytest.mark.parametrize(("heading", "expected"), [
    ("[VIDEO] Tin A dài hơn mười chữ", "Tin A dài hơn mười chữ"),
    ("(Ảnh) - Tin A dài hơn mười chữ", "Tin A dài hơn mười chữ"),
    ("[ Infographic ]: Tin A dài hơn mười chữ", "Tin A dài hơn mười chữ"),
    ("[Phóng sự ảnh] Tin A dài hơn mười chữ", "Tin A dài hơn mười chữ"),
    ("[Video] Tin A", None),  # what is left is too short to be a headline
    ("Tin A [Video] dài hơn mười chữ", None),  # only at the start
])
def test_without_media_label(heading, expected):
    assert without_media_label(heading) == expected


# --- meta-completed ---------------------------------------------------------------------------------------------

def test_metadata_title_cut_short_yields_to_the_whole_one():
    html = page(og(HEADLINE[:40] + "…") + f"<title>{HEADLINE} - Công an tỉnh Lâm Đồng</title>",
                "<h1>Chuyên mục</h1><h1>Tin nổi bật hôm nay</h1>")
    assert read(html) == (f"{HEADLINE} - Công an tỉnh Lâm Đồng", "meta-completed")  # process.py cuts the suffix


def test_metadata_title_cut_short_stays_when_nothing_goes_on():
    html = page(og(HEADLINE[:40] + "…") + "<title>Công an tỉnh Lâm Đồng</title>", "<h1>Chuyên mục</h1><h1>Tin nổi bật</h1>")
    assert read(html) == (HEADLINE[:40] + "…", "meta:og:title")


# --- hint-completed ---------------------------------------------------------------------------------------------

def test_truncated_hint_yields_to_the_page_title():
    html = page(f"<title>{HEADLINE} - Công an tỉnh Lâm Đồng</title>")
    title, rule = read(html, {"title": HEADLINE[:40] + "…"})
    assert (title, rule) == (f"{HEADLINE} - Công an tỉnh Lâm Đồng", "hint-completed")  # process.py cuts the suffix


def test_truncated_hint_yields_to_the_title_line_above_the_date():
    html = page("<title>Công an tỉnh Lâm Đồng</title>",
                f"<div><h3>{HEADLINE}</h3><div class='date'>09:15 02/04/2024</div></div>")
    assert read(html, {"title": HEADLINE[:40] + "..."}) == (HEADLINE, "hint-completed")


def test_hint_in_capitals_yields_to_the_page_spelling():
    html = page(f"<title>{HEADLINE} - Công an tỉnh Lâm Đồng</title>")
    assert read(html, {"title": HEADLINE.upper()}) == (HEADLINE, "hint-completed")


@pytest.mark.parametrize(("hint", "head"), [
    (HEADLINE.upper(), "<title>Công an tỉnh Lâm Đồng</title>"),  # capitals no page text spells otherwise
    (HEADLINE, f"<title>{HEADLINE} thêm chữ - Báo X</title>"),  # a whole hint is not cut: it stays
    ("Tin khác hẳn về giao thông…", f"<title>{HEADLINE}</title>"),  # the page's text does not continue it
    ("Tin A…", "<title>Tin A dài hơn mười chữ</title>"),  # too short a stem to tell
])
def test_hint_kept(hint, head):
    assert read(page(head), {"title": hint}) == (hint, "list-hint")


def test_clear_page_title_beats_any_hint():
    assert read(page(og(HEADLINE), f"<h1>{HEADLINE}</h1>"), {"title": "Tin khác…"}) == (HEADLINE, "h1-agrees")


@pytest.mark.parametrize(("hint", "shown", "expected"), [
    ("Tin A dài hơn mười…", ["", "TIN A DÀI HƠN MƯỜI CHỮ"], "TIN A DÀI HƠN MƯỜI CHỮ"),  # folded compare
    ("Tin A dài hơn mười…", [None, "Tin A dài hơn mười"], None),  # nothing more than the stem
])
def test_completed_hint(hint, shown, expected):
    assert completed_hint(hint, shown) == expected
