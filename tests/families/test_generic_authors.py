"""The generic reader's byline rules (families/generic_authors.py), one test per row.

Each page is read whole by the generic family and normalized (process.normalize_article),
so a row shows the authors a feed would carry and the rule that found them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tintuc_feed.families import generic
from tintuc_feed.families.generic_authors import is_organization, is_vietnamese
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

URL = "https://tin-tinh.vn/thoi-su/tin-a-123.html"
SOURCE = Source(id="x", name="Tin Tỉnh", list_urls=("https://tin-tinh.vn/",), article_url_pattern=".")
VI = "<p>" + "Lực lượng Công an tỉnh đã phối hợp với chính quyền địa phương để bảo đảm an ninh trật tự. " * 3 + "</p>"
DE = "<p>" + "Die Polizei hat am Montag die Ermittlungen aufgenommen und bittet um Hinweise aus der Bevölkerung. " * 3 + "</p>"


def page(head: str = "", article: str = VI, after: str = "", title: str = "Tin A về an ninh trật tự") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><h1>{title}</h1>"
            f"<div class='entry-content'>{article}</div>{after}</body></html>")


def jsonld(author: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {author}}}</script>'


def graph(name: str) -> str:
    """A schema graph (Yoast): the article's author is a reference to a Person node elsewhere."""
    person = "https://tin-tinh.vn/#/schema/person/1"
    return ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            f'{{"@type": "Article", "author": {{"@id": "{person}"}}}}, {{"@type": "Person", "@id": "{person}", '
            f'"name": "{name}"}}]}}</script>')


# (name, html, authors, rule)
CASES = [
    ("JSON-LD Person", page(jsonld('{"@type": "Person", "name": "Minh Quỳnh"}')), ["Minh Quỳnh"], "jsonld.author"),
    ("JSON-LD Organization skipped: the signature line that ends the body",
     page(jsonld('{"@type": "Organization", "name": "Báo Tin"}'), VI + "<p style='text-align:right'><b>Bá Hiển</b></p>"),
     ["Bá Hiển"], "layout:byline-line"),
    ("JSON-LD author that is the site (host) skipped",
     page(jsonld('"Tin Tinh"'), VI + "<p align='right'><strong>Quang Khải</strong></p>"), ["Quang Khải"], "layout:byline-line"),
    ("byline element with a lead word and a date line",
     page(article=DE, after="<div class='author'>By<br>Poppy Reid<br>Feb 21, 2020</div>"), ["Poppy Reid"], "css:.author"),
    ("a commenter's author element skipped, the article's taken",
     page(article=DE, after="<div class='comment-list'><span class='author'>Max Leser</span></div>"
                            "<p class='post-author-name'>Von Julia Müller</p>"), ["Julia Müller"], "css:.post-author-name"),
    ("an author element with no name in it skipped (a label only)",
     page(article=DE, after="<span class='author'>Autor:</span><span class='byline'>Lars Fischer, Alina Schadwinkel</span>"),
     ["Lars Fischer", "Alina Schadwinkel"], "css:.byline"),
    ("rel=author link text ('View all posts by')",
     page(article=DE, after="<a rel='author' href='/u/dl'>View all posts by Daniel Lemire</a>"), ["Daniel Lemire"],
     "css:[rel~=author]"),
    ("no body container: a right-aligned signature after the title",
     ("<html><body><h1>Tin A về an ninh trật tự</h1><table><tr><td>Ngày 2/4, Công an tỉnh đã bắt giữ đối tượng.</td></tr>"
     "<tr><td align='right'><b>Quang Phong - Tùng Nguyên</b></td></tr></table></body></html>"),
     ["Quang Phong", "Tùng Nguyên"], "layout:signature"),
    ("a non-Vietnamese body's last short line with a name is no byline",
     page(article=DE + "<p><b>Angela Merkel</b></p>"), [], None),
    ("meta author the page shows", page("<meta name='author' content='Ralf Glaser'>", DE + "<p>Text: Ralf Glaser, Berlin.</p>"),
     ["Ralf Glaser"], "meta:author"),
    ("meta author the page never shows (a CMS account)", page("<meta name='author' content='Thomas Rohde'>", DE), [], None),
    ("meta author that is a URL", page("<meta property='article:author' content='https://facebook.com/x'>", DE), [], None),
    ("meta author that is a company", page("<meta name='author' content='wegewerk GmbH'>", DE + "<p>wegewerk GmbH</p>"),
     [], None),
    ("JSON-LD graph: the author reference resolved to its Person, whose name the page shows",
     page(graph("Anna Berg"), DE, "<footer><span>Anna Berg</span></footer>"), ["Anna Berg"], "jsonld.author"),
    ("JSON-LD graph: a Person the page never shows is not taken", page(graph("Anna Berg"), DE), [], None),
    ("JSON-LD graph: a lower-case login name is the CMS account", page(graph("vpohl"), DE, "<span>vpohl</span>"),
     [], None),
    (".post-meta read only when all of it is a byline (not 'Posted on … by …')",
     page(article=DE, after="<p class='post-meta'>Posted on March 3, 2020 by Anna Berg in News</p>"), [], None),
]


@pytest.mark.parametrize(("html", "authors", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_byline_rule(html, authors, rule):
    raw = generic.parse_article(URL, html, SOURCE, {})
    article = normalize_article(raw, SOURCE, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert ([a.name for a in article.authors], raw.matched.get("authors")) == (authors, rule)


@pytest.mark.parametrize(("name", "expected"), [
    ("wegewerk GmbH", True), ("NATURSTROM AG", True), ("Deutsches Rotes Kreuz e.V.", True),
    ("Olympia-Verlag GmbH, Nürnberg", True), ("Minh Quỳnh", False), ("Ralf Glaser", False),
])
def test_is_organization(name, expected):
    assert is_organization(name) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lực lượng Công an tỉnh đã phối hợp", True), ("Die Polizei hat am Montag", False),
    ("Le président a déclaré à la presse", False), ("", False),
])
def test_is_vietnamese(text, expected):
    assert is_vietnamese(text) is expected
