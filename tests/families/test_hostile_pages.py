"""Hostile pages through the crawl's own path (crawler/pages.read_page: bytes -> family -> normalization ->
the store's preparation): a clear refusal or the article the clean page gives, never an exception that loses
the page, never a worker held for minutes.

- JSON nested deeper than Python's recursion limit ("[[[[…" in a ld+json block, or a JSON API's answer):
  json raised RecursionError, which no reader caught.  A broken ld+json block is skipped, as one that does
  not parse; a JSON API answer that does not parse is refused ("truncated"); so is an API answer whose
  inner "d" string does not parse (it raised JSONDecodeError).
- More block elements than the libraries read in bounded time (families/page_limits.py): the generic
  reader's structural reading alone.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from crawler.pages import read_page
from tintuc_feed import families
from tintuc_feed.families import NotAnArticle
from tintuc_feed.families.generic_body import trafilatura_html
from tintuc_feed.families.page_limits import LIBRARY_MAX_BLOCKS, too_many_blocks

from .cases import load_cases, source_for

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ARTICLES = [c for c in load_cases("article") if c.path.joinpath("input.html").exists()]
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def _read(case, text: str, family: str | None = None):
    return families.extract_article(source_for(case, family), case.meta["url"], text, hints=case.meta.get("hints"))


def _with_head(text: str, extra: str) -> str:
    return text.replace("</head>", extra + "</head>", 1) if "</head>" in text else extra + text


@pytest.mark.parametrize("block", [DEEP_JSON, '{"@graph": ' + "[" * 3000 + "]" * 3000 + "}",
                                   '{"@type": "NewsArticle", "author": ' + "[" * 50_000 + "]" * 50_000 + "}"],
                         ids=["array", "graph", "author"])
@pytest.mark.parametrize("case", ARTICLES, ids=lambda c: c.id)
def test_a_json_ld_block_nested_too_deep_is_skipped(case, block):
    extra = f'<script type="application/ld+json">{block}</script>'
    assert _read(case, _with_head(case.text, extra)) == _read(case, case.text)


@pytest.mark.parametrize("case", ARTICLES[:3] + [c for c in ARTICLES if c.family == "generic"], ids=lambda c: c.id)
def test_the_generic_reader_skips_it_too(case):
    extra = f'<script type="application/ld+json">{DEEP_JSON}</script>'
    assert _read(case, _with_head(case.text, extra), "generic") == _read(case, case.text, "generic")


API_CASES = [c for c in load_cases("article") if c.path.joinpath("input.json").exists()]


@pytest.mark.parametrize("answer", [DEEP_JSON, json.dumps({"d": DEEP_JSON}), json.dumps({"d": "{not json"})],
                         ids=["deep", "deep-inner", "broken-inner"])
@pytest.mark.parametrize("case", API_CASES, ids=lambda c: c.id)
def test_a_json_api_answer_that_does_not_parse_is_refused(case, answer):
    with pytest.raises(NotAnArticle) as refused:
        _read(case, answer)
    assert refused.value.reason == "truncated"


def test_there_are_api_cases():
    assert API_CASES


# --- more blocks than the libraries read in bounded time -------------------------------------------------

@pytest.mark.parametrize(("blocks", "too_many"), [
    (LIBRARY_MAX_BLOCKS, False), (LIBRARY_MAX_BLOCKS + 1, True),
])
@pytest.mark.parametrize("tag", ["<p>a</p>", "<DIV>a</DIV>", "<li>a", "<br>", "<td>a</td>", "<h3>a</h3>"])
def test_the_block_count_row(tag, blocks, too_many):
    assert too_many_blocks("<html><body>" + tag * blocks + "</body></html>") is too_many


def test_other_tags_do_not_count():
    assert not too_many_blocks("<html><body><p>" + "<span>a</span><b>b</b><i>c</i>" * LIBRARY_MAX_BLOCKS + "</p>")


def test_no_real_page_is_over_the_limit():
    """The saved real pages (tests/fixtures/real) are read by the libraries as before."""
    from real_pages import cases

    pages = cases()
    assert pages
    assert not [p.name for p in pages if too_many_blocks(p.html_path.read_bytes().decode("utf-8", "replace"))]


def test_trafilatura_is_not_asked_past_the_limit():
    page = "<html><body><article><h1>Tiêu đề</h1>" + "<p>Một câu văn đủ dài để đọc.</p>" * (LIBRARY_MAX_BLOCKS + 1)
    assert trafilatura_html(page + "</article></body></html>", "https://example.vn/a.html") is None
    small = page.replace("<p>Một", "Một").replace("</p>", " ", LIBRARY_MAX_BLOCKS - 5)
    assert trafilatura_html(small + "</article></body></html>", "https://example.vn/a.html")


SEED = next(c for c in ARTICLES if c.id == "generic/article-seed-daknong")


@pytest.mark.parametrize("tail", ["<p>a</p>" * 100_000, "<div><br></div>" * 60_000, "<li>x" * 100_000],
                         ids=["paragraphs", "divs", "list-items"])
def test_a_page_of_a_hundred_thousand_short_blocks_keeps_its_article(tail):
    """The seed followed by 100,000 one-word blocks (not read after 5 minutes of CPU before the limit): the
    seed's title, date and body, read through the crawl's own path from bytes.  (Its byline is no longer
    the page's last line: the authors are the layout's to find, not this test's.)"""
    body = SEED.text.replace("</body>", tail + "</body>", 1).encode("utf-8")
    now = datetime(2026, 11, 29, 12, tzinfo=VN)
    page = read_page(source_for(SEED), SEED.meta["url"], body, SEED.meta.get("hints"), "text/html; charset=utf-8",
                     SEED.meta["url"], now)
    clean = read_page(source_for(SEED), SEED.meta["url"], SEED.text.encode("utf-8"), SEED.meta.get("hints"),
                      "text/html; charset=utf-8", SEED.meta["url"], now)
    assert page["error"] is None and page["store_error"] is None
    got, want = page["prepared"].article, clean["prepared"].article
    assert (got.title, got.published) == (want.title, want.published)
    assert want.content_text[:200] in got.content_text


# --- links that are no URL -----------------------------------------------------------------------------

BAD_HREFS = ["http://[bad", "//[::1/a.html", "https://[2001:db8::1/x"]


def _bad_links(text: str, href: str) -> str:
    """The page's first five links and three images pointing nowhere, as a broken editor leaves them."""
    return (text.replace('href="', f'href="{href}', 5)
            .replace("<img ", f'<img src="{href}" srcset="{href} 2x, /a.jpg 1x" ', 3))


PAGES = [c for c in load_cases() if c.path.joinpath("input.html").exists() and _bad_links(c.text, "x") != c.text]


@pytest.mark.parametrize("href", BAD_HREFS)
@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.id)
def test_links_that_are_no_url_are_links_to_nothing(case, href):
    """urljoin raised ValueError on them: the article or the whole list page was lost."""
    text = _bad_links(case.text, href)
    assert text != case.text
    source = source_for(case)
    if case.meta["kind"] == "list":
        page = families.parse_list(source, case.meta["url"], text)
        assert all(href not in a.url for a in page.articles)
        return
    raw = families.extract_article(source, case.meta["url"], text, hints=case.meta.get("hints"))
    assert raw.title == _read(case, case.text).title


@pytest.mark.parametrize("href", BAD_HREFS)
def test_the_sanitizer_drops_such_an_url(href):
    from tintuc_feed.sanitize import sanitize_html

    html = sanitize_html(f'<p>x <a href="{href}">a</a> <img src="{href}"> <img src="/a.jpg" srcset="{href} 2x, '
                         '/b.jpg 1x"></p>', base_url="https://congan.example.vn/tin/a.html")
    assert "[" not in html
    assert 'src="https://congan.example.vn/a.jpg" srcset="https://congan.example.vn/b.jpg 1x"' in html


def test_join_url_rows():
    from tintuc_feed.url_join import join_url

    assert join_url("https://a.vn/x/y.html", "z.html") == "https://a.vn/x/z.html"
    assert join_url("https://a.vn/x/", "http://[bad") is None
    assert join_url("http://[bad/", "z.html") is None
