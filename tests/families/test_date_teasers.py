"""A date shown beside another article's headline is that article's, never the page's (teasers.in_link_teaser).

The generic reader takes the first date element its selectors name (.time, .date …).  On real pages the
first one is often a news ticker's or a "same category" list's (vnexpress 2012, zing 2012, ngoisao 2012 in
tests/fixtures/real): the page then took another article's day.  One minimal page per row: the page's own
date line sits under the title; the teaser's date element comes first in the document.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tintuc_feed.families import generic
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

URL = "https://tin-tinh.vn/thoi-su/2012/12/tin-a-123.html"
SOURCE = Source(id="x", name="Tin Tỉnh", list_urls=("https://tin-tinh.vn/",), article_url_pattern=".")
HEADLINE = "Tin B về giao thông đường bộ dịp cuối năm"
BODY = "<p>" + "Lực lượng Công an tỉnh đã phối hợp với chính quyền địa phương để bảo đảm an ninh trật tự. " * 8 + "</p>"
OWN_LINE = "<div class='meta'>Thứ năm, 20/12/2012, 10:18 GMT+7</div>"


def page(before: str, own_line: str = OWN_LINE) -> str:
    return (f"<html><head><meta charset='utf-8'></head><body><div class='top'>{before}</div>"
            f"<h1>Tin A về an ninh trật tự</h1>{own_line}<div class='entry-content'>{BODY}</div></body></html>")


# (name, page, expected day or None, the rule that gave it)
CASES = [
    ("a ticker: the date inside a link to another headline",
     page(f"<a class='marquee' href='/b.html'>{HEADLINE} - <label class='time'><span>00:00</span> | 26/12/2012"
          "</label></a>"), "2012-12-20", "layout:date-line"),
    ("a 'same category' list item: a headline link, then its date",
     page(f"<ul><li><a href='/c.html'><img src='/c.jpg'><h3>{HEADLINE}</h3></a>"
          "<span class='time'>Ngày 22/10/2012</span></li></ul>"), "2012-12-20", "layout:date-line"),
    ("a card's subheading: the headline link and its date inside one <h3>",
     page(f"<div class='li'><h3><a class='title' href='/d.html'>{HEADLINE}</a><br><a class='date'>| 26/12/2012</a>"
          "</h3></div>"), "2012-12-20", "layout:date-line"),
    ("only a card's date on the page: no date rather than another article's",
     page(f"<h3><a href='/d.html'>{HEADLINE}</a> <span class='date'>26/12/2012</span></h3>", own_line=""),
     None, None),
    ("a date linked to the post itself (rel=bookmark) is the page's",
     page("", own_line="<a href='/thoi-su/2012/12/tin-a-123.html' rel='bookmark'><span class='date'>20/12/2012"
                       "</span></a>"), "2012-12-20", "css:.date"),
    ("a meta line in a list item with a short category link is the page's",
     page("", own_line="<ul class='meta'><li><span class='date'>20/12/2012</span> <a href='/an-ninh/'>An ninh trật "
                       "tự</a></li></ul>"), "2012-12-20", "css:.date"),
]


@pytest.mark.parametrize(("html", "day", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_teasers_date_is_not_the_pages(html, day, rule):
    raw = generic.parse_article(URL, html, SOURCE, {})
    article = normalize_article(raw, SOURCE, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    published = article.published.date().isoformat() if article.published else None
    assert (published, raw.matched.get("date")) == (day, rule)
