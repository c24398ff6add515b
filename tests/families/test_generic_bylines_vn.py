"""The generic reader's Vietnamese byline rules (generic_authors, byline_lines), one minimal page per class.

Each page is read whole by the generic family and normalized, as test_generic_authors does: a row shows
the authors a feed would carry, the origin, and the rule that found them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tintuc_feed.families import generic
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

URL = "https://tin-tinh.vn/thoi-su/tin-a-123.html"
SOURCE = Source(id="x", name="Tin Tỉnh", list_urls=("https://tin-tinh.vn/",), article_url_pattern=".")
TITLE = "Tin A về an ninh trật tự"
VI = "<p>" + "Lực lượng Công an tỉnh đã phối hợp với chính quyền địa phương để bảo đảm an ninh trật tự. " * 3 + "</p>"
LONG = "<p>" + "Người dân trong khu phố đã cùng lực lượng chức năng dọn dẹp vệ sinh sau cơn bão vừa qua. " * 4 + "</p>"
SIDEBAR = "<div class='box'><h3>Tin khác</h3><ul><li><a href='/b.html'>Tin B về giao thông</a></li></ul></div>"


def page(article: str = VI, before: str = "", after: str = "", wrap: str = "") -> str:
    body = f"<h1>{TITLE}</h1>{before}<div class='entry-content'>{article}</div>{after}{SIDEBAR}"
    if wrap:
        body = f"<{wrap} id='aspnetForm' method='post'>{body}</{wrap}>"
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def jsonld(author: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {author}}}</script>'


# (name, html, authors, origin, rule)
CASES = [
    ("a .post-meta line under the title: the writer, then the source",
     page(before="<p class='post-meta'><a href='/'>Hạ An - Theo Báo Tin</a></p>"), ["Hạ An"], "Báo Tin",
     "css:.post-meta"),
    ("a byline block whose class also says 'share' is the byline, not a share bar",
     page(before="<div class='author-share-top'><a class='author' href=''>Nguyên Hà</a></div>"), ["Nguyên Hà"],
     None, "css:.author"),
    ("JSON-LD Person 'Theo ‹name›': the markup declares a writer",
     page(article=VI).replace("</head>", jsonld('{"@type": "Person", "name": "Theo Minh Quỳnh"}') + "</head>"),
     ["Minh Quỳnh"], None, "jsonld.author"),
    ("JSON-LD Person 'Theo ‹outlet›' stays a source",
     page(article=VI).replace("</head>", jsonld('{"@type": "Person", "name": "Theo CAND"}') + "</head>"),
     [], "CAND", "jsonld.author"),
    ("an author element 'Theo ‹name›' with the outlet in the next element",
     page(after="<div class='content-source'><p class='author'>Theo Hồ Lan</p><p class='source'>Báo Tin</p></div>"),
     ["Hồ Lan"], None, "css:.author"),
    # a page-wide form is read as the page (families/page_forms.py): the byline rules find these as on any page
    ("the whole page in one ASP.NET <form>: the signature inside is read",
     page(VI + "<p align='right'><b>Quang Khải - Bá Hiển</b></p>", wrap="form"), ["Quang Khải", "Bá Hiển"], None,
     "layout:byline-line"),
    ("the whole page in one <form>: an author element inside is read",
     page(before="<span class='ReferenceAuthor'>Lê Hà Vy</span>", wrap="form"), ["Lê Hà Vy"], None,
     "css:[class*=Author]"),
    ("a small form (search, comments) is still a form: a name in it is no byline",
     page(after="<form class='box-search'><span class='author'>Minh Anh Tú</span><input name='q'></form>"), [],
     None, None),
    ("the signature right-aligned in a block after the body container",
     page(VI + VI, after="<div id='end'><p style='text-align: right;'><strong>Thảo Hà</strong></p></div>"),
     ["Thảo Hà"], None, "layout:signature-after"),
    ("'PV' right-aligned after the title, body container elsewhere: the reporter's pseudonym",
     page(VI, before="<div class='lead'>" + LONG + "<p style='text-align: right;'><strong>PV</strong></p></div>"),
     ["PV"], None, "layout:signature"),
    ("a right-aligned link ('X', a close button) is no signature",
     page(VI, before="<table><tr><td align='right'><a href='#'>X</a></td></tr></table>"), [], None, None),
    ("a reprint credit: 'Theo ‹writer›' ends the body, the outlet's line follows it",
     page(VI + "<p>Theo <strong>Vân Hà</strong></p>", after="<div style='text-align:right'><i>Lao Động</i></div>"),
     ["Vân Hà"], "Lao Động", "layout:byline-line"),
    ("a reprint credit in two blocks of the body: the outlet's block alone looks like a name",
     page(VI + "<p>Theo <strong>Vân Hà</strong></p><p style='text-align:right'><i>Tiền Phong</i></p>"),
     ["Vân Hà"], "Tiền Phong", "layout:byline-line"),
    ("'Theo ‹source›/‹outlet›' over one word: the source's source, no writer",
     page(VI + "<p><i>Theo Minh Tú/Tin.vn</i></p><p style='text-align:right'><i>Reuters</i></p>"), [],
     "Minh Tú/Tin.vn", "layout:byline-line"),
    ("a reprint credit in three strings (no body container): 'Theo', the bold name, the floated outlet",
     "<html><body><h1>" + TITLE + "</h1><div class='c'>" + VI.replace("<p>", "<em>").replace("</p>", "</em><br>")
     + "<br>Theo <strong>Vũ Hà</strong><div><span style='float:right'>Báo/Tin24</span></div></div></body></html>",
     ["Vũ Hà"], "Báo/Tin24", "layout:reprint-credit"),
    ("a note in parentheses after the name ('(tổng hợp)') is no author",
     page(VI + "<p style='text-align:right;'><strong>Hà Vy</strong> <em>(tổng hợp)</em></p>"), ["Hà Vy"], None,
     "layout:byline-line"),
    ("the signature and the photo credit on one line",
     page(VI + "<p align='right'><strong>T.K.<br></strong><em>Ảnh</em>:<strong> Hoàng Long</strong></p>"),
     ["T.K."], None, "layout:byline-line"),
    ("the byline before a teaser card of another article (image link, heading link, its summary) at the body's end",
     page(VI + LONG * 3 + "<p><span class='bold'>Hà Vy</span><span class='italic'>(theo tin-khac)</span></p>"
          "<div class='inner-article'><a href='/c.html'><img src='/c.jpg'></a><h4><a href='/c.html'>Tin C</a></h4>"
          "<p class='summary'>" + LONG[3:-4] + "</p></div>"), ["Hà Vy"], "tin-khac", "layout:byline-line"),
    ("a long last block with two links to other pages is body text: the scan stops there",
     page(VI + "<p><span class='bold'>Hà Vy</span></p>"
          "<div class='note'><h4><a href='/c.html'>Tin C</a></h4><p>" + LONG[3:-4] + " <a href='/d.html'>D</a></p>"
          "</div>"), [], None, None),
]


@pytest.mark.parametrize(("html", "authors", "origin", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_vietnamese_byline_rule(html, authors, origin, rule):
    raw = generic.parse_article(URL, html, SOURCE, {})
    article = normalize_article(raw, SOURCE, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert ([a.name for a in article.authors], raw.matched.get("authors")) == (authors, rule)
    assert article.origin == origin
    if "inner-article" in html:  # the card after the byline leaves the body whole, its image link too
        assert "c.jpg" not in article.content_html and "Tin C" not in article.content_text
