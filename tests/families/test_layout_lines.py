"""The layout reader's lines are what a reader sees: a comment's text or a script's is never a line.

A page that names no title is read by the line above its date line (layout.title_line).  A commented-out block
of markup between the headline and the date must not become the title (it did: the comment's markup was the
feed's title).  Scripts and styles are removed before the layout reads the page; their rows keep it so.
"""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic
from tintuc_feed.sources import Source

URL = "https://tin-tinh.vn/thoi-su/tin-a-123.html"
SOURCE = Source(id="x", name="Tin X", list_urls=("https://tin-tinh.vn/",), article_url_pattern=".")
HEADLINE = "Công an tỉnh triệt phá đường dây đánh bạc qua mạng"
BODY = "<p>" + "Nội dung bài viết đủ dài để là thân bài của trang. " * 6 + "</p>"


def page(between: str) -> str:
    return (f"<html><head><meta charset='utf-8'></head><body><div class='main'>"
            f"<p class='big'>{HEADLINE}</p>{between}<p>Thứ Hai, 20/11/2025 08:30</p>{BODY}</div></body></html>")


HIDDEN = [
    ("a comment holding markup",
     "<!--<div style='float:right; margin:5px;'><a href='https://tin-tinh.vn/tap-chi/' target='_blank'>Tạp chí của tỉnh</a></div>-->"),
    ("a comment holding text", "<!-- Quảng cáo giữa tiêu đề và ngày đăng bài -->"),
    ("an inline script", "<script>var banner = 'Quảng cáo giữa tiêu đề và ngày';</script>"),
    ("an inline style", "<style>.banner-giua-tieu-de { display: none; }</style>"),
]


@pytest.mark.parametrize("between", [h[1] for h in HIDDEN], ids=[h[0] for h in HIDDEN])
def test_hidden_text_is_never_the_line_above_the_date(between):
    raw = generic.parse_article(URL, page(between), SOURCE, {})
    assert (raw.title, raw.matched.get("title")) == (HEADLINE, "layout:line-above-date")


def test_a_visible_line_between_is_still_read():
    """The rule still takes the line right above the date: a visible line there is what it names."""
    raw = generic.parse_article(URL, page("<p>Tạp chí của tỉnh có bài mới hôm nay</p>"), SOURCE, {})
    assert raw.title == "Tạp chí của tỉnh có bài mới hôm nay"
