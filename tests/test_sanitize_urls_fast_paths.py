"""sanitize_html's one nh3 Cleaner, html_to_text's one-pass collapse and canonical_url's single splits
give exactly what the per-call computation gave (issue 10: the fixed cost per page).

The references below are the code as it was before that pass, kept here to compare against.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed import sanitize, urls
from tintuc_feed.sanitize import sanitize_html

REAL = Path(__file__).parent / "fixtures" / "real"
BASE = "https://congan.lamdong.gov.vn/tin-tuc/2025/07/bai-viet.html"


def _per_call_clean(html: str, base_url: str) -> str:
    """sanitize_html as it was: nh3.clean given every option on each call, the filter a closure over base_url."""
    html = sanitize.strip_xml_illegal(html or "")
    if not html.strip():
        return ""
    html = sanitize._repair_lazy_images(html)

    def make_absolute(tag, attribute, value):
        if attribute in sanitize.URL_ATTRIBUTES:
            return sanitize._absolute(value, base_url)
        if attribute in sanitize.SRCSET_ATTRIBUTES:
            return sanitize._absolute_srcset(value, base_url)
        return value

    cleaned = nh3.clean(html, **{**sanitize._cleaner_options(), "attribute_filter": make_absolute})
    return sanitize.IMG_WITHOUT_SRC.sub("", cleaned).strip()


def _real_pages() -> list[tuple[str, str]]:
    import json

    return [(json.loads((d / "meta.json").read_text("utf-8"))["url"], (d / "input.html").read_text("utf-8"))
            for d in sorted(p for p in REAL.iterdir() if p.is_dir())]


def test_the_cleaner_is_told_what_nh3_clean_was_told():
    options = sanitize._cleaner_options()
    assert options["tags"] == set(sanitize.ALLOWED_TAGS)
    assert options["clean_content_tags"] == set(sanitize.DROPPED_WITH_CONTENT)
    assert options["attributes"] == {t: set(n) for t, n in sanitize.ALLOWED_ATTRIBUTES.items()}
    assert options["url_schemes"] == set(sanitize.URL_SCHEMES)
    assert sanitize._cleaner() is sanitize._cleaner()  # built once


def test_every_real_page_sanitizes_as_with_nh3_clean():
    pages = _real_pages()
    assert len(pages) >= 30
    for url, html in pages:
        assert sanitize_html(html, url) == _per_call_clean(html, url), url


FRAGMENT_PIECES = st.sampled_from([
    "<p>", "</p>", "<a href='/tin/a.html'>", "<a href=\"https://other.vn/x?utm_source=a#f\">", "</a>",
    "<img src='anh.jpg'>", "<img data-src='/lazy.jpg' src='data:image/gif;base64,R0l'>",
    "<img srcset='/a.jpg 1x, b.jpg 2x'>", "<source data-srcset='/s.webp 480w'>", "<a href='http://[x'>",
    "<a href='javascript:alert(1)'>", "<a href='mailto:a@b.vn'>", "<a href='#muc'>", "<a href=' '>",
    "<script>x()</script>", "<style>p{}</style>", "<!-- c -->", "Công an", "&amp;", "<br>", "<table><tr><td>",
    "<td colspan=2 onclick=x>", "<time datetime='2024-01-02'>", "<img>", "<img src=''>", "<DIV>", "\x0b",
])  # fmt: skip
BASES = st.sampled_from([BASE, "http://cand.com.vn/a/b", "https://x.vn", "https://h.vn/a?b=1#c"])


@settings(max_examples=300)
@given(st.lists(FRAGMENT_PIECES, max_size=12).map("".join), BASES)
def test_fragments_sanitize_as_with_nh3_clean(html, base):
    assert sanitize_html(html, base) == _per_call_clean(html, base)


def test_each_thread_resolves_against_its_own_article_url():
    html = "".join(f"<p><a href='/tin/{i}.html'>tin {i}</a><img src='anh{i}.jpg'></p>" for i in range(200))
    bases = [f"https://site{n}.vn/chuyen-muc/bai.html" for n in range(4)]
    expected = {base: _per_call_clean(html, base) for base in bases}
    results: dict[str, list[str]] = {base: [] for base in bases}

    def work(base):
        for _ in range(25):
            results[base].append(sanitize_html(html, base))

    threads = [threading.Thread(target=work, args=(b,)) for b in bases]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for base in bases:
        assert results[base] == [expected[base]] * 25


def test_a_filter_call_outside_sanitize_html_has_no_base_url():
    with pytest.raises(LookupError):
        sanitize._make_absolute("a", "href", "/x")


# ---- html_to_text: one pass over the lines ----------------------------------------------------------


def _collapse_by_chunks(text: str) -> str:
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


SPACED = st.lists(st.sampled_from(
    ["a", "Công", " ", "\n", "\r", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u2029", "\xa0", "\u3000",
     "\u200b", "x y"]), max_size=16).map("".join)  # fmt: skip


@settings(max_examples=1000)
@given(st.one_of(SPACED, st.text()))
def test_collapse_in_one_pass_equals_the_chunks(text):
    assert sanitize._collapse(text) == _collapse_by_chunks(text)


# ---- canonical_url: each URL split once --------------------------------------------------------------


def _hint_rejection_reference(url: str, hint: str) -> str | None:
    def is_http(u):
        return urlsplit(u).scheme.lower() in urls.DEFAULT_PORTS and bool(urlsplit(u).hostname)

    def is_home_page(u):
        parts = urlsplit(u)
        return parts.path in ("", "/") and not parts.query

    if not is_http(hint):
        return "not http"
    if not urls.same_site(url, hint):
        return "other site"
    if is_home_page(hint) and not is_home_page(url):
        return "home page"
    return None


URLS = st.sampled_from([
    "https://cand.com.vn/a/b-i1.html", "https://amp.cand.com.vn/a/b-i1.html", "http://www.bocongan.gov.vn/",
    "https://bocongan.gov.vn", "https://bocongan.gov.vn/?p=1", "https://other.vn/x", "ftp://cand.com.vn/x",
    "cand.com.vn/x", "/relative", "", "https://", "http://[::1]/x", "http://[x", "https://m.cand.com.vn/x?utm_source=a",
    "HTTPS://CAND.COM.VN/X", "https://user@cand.com.vn:8443/x#f", "https://localhost/a", "https://127.0.0.1/a",
])  # fmt: skip


def _outcome(function, *args):
    try:
        return function(*args)
    except ValueError as error:
        return type(error)


@settings(max_examples=400)
@given(URLS, URLS)
def test_hint_rejection_equals_the_reference(url, hint):
    assert _outcome(urls.hint_rejection, url, hint) == _outcome(_hint_rejection_reference, url, hint)


@pytest.mark.parametrize("query", ["", "a=1", "utm_source=x&b=2", "b=&a", "x=%2F"])
def test_clean_query_of_nothing_is_what_urlencode_gives(query):
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not urls.is_tracking_param(k)]
    assert urls._clean_query(query) == urlencode(pairs, safe="%/:@!$'()*,;")
