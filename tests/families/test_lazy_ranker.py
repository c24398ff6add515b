"""generic_dates._ranker finds the page's own article at the first node it ranks (issue 10: most pages rank
no node, and their two whole-page XPath runs are spared).  Against the eager ranker it replaced, kept here
as the reference, on every element of the recorded pages, with and without a title, and on pages built with
several articles (a card's <article>, typed …Article elements, a quote)."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic_dates, header_dates, tree
from tintuc_feed.families.generic_dates import _ARTICLES, _TYPED_ARTICLES, _article_of, _is_article, _quoted
from tintuc_feed.families.page import Page

from .test_reading_fast_paths import _recorded_pages


def _ranker_before(page, title):
    own = None
    if len(_ARTICLES(page.root) or _TYPED_ARTICLES(page.root)) > 1:
        anchor = header_dates.title_anchor(page, title)
        own = (anchor if anchor is not None and _is_article(anchor) else
               _article_of(anchor) if anchor is not None else None)
    if own is None:
        return lambda node: None if _quoted(node) else 0 if _article_of(node) is not None else 1

    def rank(node):
        if _quoted(node):
            return None
        article = node if _is_article(node) else _article_of(node)
        return 0 if article is own else 1 if article is None else None

    return rank


def _titles(page: Page) -> list[str | None]:
    h1 = next(page.root.iter("h1"), None)
    return [None, tree.flat_text(page.title) if page.title is not None else None,
            tree.flat_text(h1) if h1 is not None else None]


def _ranks_agree(html: str) -> int:
    page = Page(html)
    elements = [n for n in page.root.iter() if isinstance(n.tag, str)]
    for title in _titles(page):
        lazy, eager = generic_dates._ranker(page, title), _ranker_before(page, title)
        assert [lazy(n) for n in elements] == [eager(n) for n in elements]
    return len(elements)


def test_the_lazy_ranker_ranks_every_recorded_element_as_the_eager_one():
    assert sum(_ranks_agree(html) for html in _recorded_pages()) > 10_000


CARD = "<article class='card'><h3><a href='/x'>Tin khác</a></h3><time datetime='2024-05-01'>1/5</time></article>"
TITLE = "Hội nghị tổng kết công tác năm của Công an tỉnh"


@pytest.mark.parametrize("html", [
    f"<html><body><article><h1>{TITLE}</h1><time datetime='2024-05-12'>12/5</time></article>{CARD}</body></html>",
    f"<html><body><h1>{TITLE}</h1><time datetime='2024-05-12'>12/5</time>{CARD}{CARD}</body></html>",
    (f"<html><body><div itemtype='https://schema.org/NewsArticle'><h1>{TITLE}</h1></div>"
    "<div itemtype='https://schema.org/BlogPosting'><time datetime='2024-05-02'>2/5</time></div></body></html>"),
    (f"<html><body><article><h1>{TITLE}</h1><blockquote><time datetime='2024-01-01'>x</time></blockquote>"
    f"</article>{CARD}</body></html>"),
    f"<html><body><h1>{TITLE}</h1><p>x</p></body></html>",
])
def test_the_lazy_ranker_on_pages_with_several_articles(html):
    assert _ranks_agree(html) > 3
