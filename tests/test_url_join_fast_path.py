"""url_join.fast_join's table (an href's usual shapes joined without urljoin) gives exactly what urljoin
gives, and a list page read with it gives the same links, in the same order, as read through urljoin alone
(issue 10: a list page's ~600 menu, sidebar and footer links were a third of its reading).

The reference is the code as it was: `absolute` joining every href with url_join.join_url (urljoin).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed import families
from tintuc_feed.families import base as family_base
from tintuc_feed.families import tree
from tintuc_feed.families.base import absolute, link_base
from tintuc_feed.sample_site import site_root
from tintuc_feed.sources import Source, load_sources
from tintuc_feed.url_join import fast_join, join_url

FIXTURES = Path(__file__).parent / "fixtures"
PORTAL = "https://congan.lamdong.gov.vn/tin-tuc/2025/07/bai-viet.html"


def reference_absolute(base: str, href: str | None) -> str | None:
    """families.base.absolute before the fast rows: every href through urljoin."""
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    url = join_url(base, href.strip())
    return url if url is not None and urlsplit(url).scheme in ("http", "https") else None


# ---- one test per row of url_join's table, and per reason to leave a shape to urljoin ----------------

@pytest.mark.parametrize("href", [
    "https://congan.lamdong.gov.vn/tin-tuc/a-1.html", "http://bocongan.gov.vn/", "https://cand.com.vn",
    "http://127.0.0.1:8080/tin/a-1.html?id=5&p=2", "https://h.vn/a#top", "https://Example.VN/A%20B/c_d~e.aspx",
])
def test_row_absolute_http_url_is_the_href(href):
    for base in (PORTAL, "http://congan.lamdong.gov.vn/", "https://x.vn"):
        assert fast_join(base, href) == href == urljoin(base, href)


@pytest.mark.parametrize("href", ["/", "/tin-tuc/", "/tin-tuc/a-1.html", "/a/b/c?id=1&x=/y", "/Tin%20Tuc/a.aspx",
                                  "/#gop-y", "/a/b.html?p=2#comments", "/a#x?y"])
def test_row_rooted_path_takes_the_base_scheme_and_host(href):
    for base in (PORTAL, "HTTP://Congan.vn:8080/x/y?q=1", "https://cand.com.vn", "http://h.vn/a/../b/;p?q#f"):
        joined = fast_join(base, href)
        assert joined == urljoin(base, href)
        assert joined == f"{urlsplit(base).scheme}://{urlsplit(base).netloc}{href}"


@pytest.mark.parametrize("href", ["a-1.html", "tin-tuc/a-1.html", "chuyen-muc/", "a.aspx?id=3", "...x/y",
                                  "threads/17/#post-292"])
def test_row_relative_path_takes_the_base_folder(href):
    for base in (PORTAL, "https://cand.com.vn", "https://cand.com.vn/", "http://h.vn/a//b/c",
                 "http://h.vn/a/../../b/./c/?q=1#f", "http://h.vn/a;p", "https://h.vn?x=1"):
        joined = fast_join(base, href)
        assert joined is not None
        assert joined == urljoin(base, href)


@pytest.mark.parametrize("href", [
    "./a.html", "../a.html", "/a/../b", "/a/./b", "a/..", "/a/.", "//cdn.vn/a.js", "/a//b", "?page=2", "/a?",
    "/a#", "a/..#x", "/a/.#x", "/a#x#y", "a;p=1", "/a;p", "HTTP://h.vn/", "https://[::1]/", "http://[bad",
    "/tin tức/", "/tin-tức/",
    "mailto:x@y.vn", "a:b", "", "http://user@h.vn/", "https://h.vn:/a", "\\a\\b", "/a\tb",
])
def test_shapes_left_to_urljoin(href):
    assert fast_join(PORTAL, href) is None


@pytest.mark.parametrize("base", ["ftp://h.vn/a/", "file:///tmp/a.html", "http:///a", "", "/relative/base",
                                  "http://[bad/"])
def test_bases_left_to_urljoin(base):
    assert fast_join(base, "/a-1.html") is None
    assert fast_join(base, "a-1.html") is None


# ---- generated hrefs and bases ------------------------------------------------------------------------

HREF_CHARS = "aZ09-_.~/?#;:%@&=+!$',()*[] \tạ\\"
BASES = st.one_of(
    st.sampled_from([PORTAL, "https://cand.com.vn", "http://h.vn/a/", "http://h.vn/a/../../b/./c?q=1#f",
                     "HTTPS://H.vn:443/x;p/y", "http://h.vn/a//b//", "ftp://h.vn/", "http:///x", "http://[bad/",
                     "https://h.vn?x", " http://h.vn/a/b "]),
    st.builds(lambda s, host, path: f"{s}://{host}/{path}", st.sampled_from(["http", "https", "HTTP"]),
              st.sampled_from(["h.vn", "congan.vn:8080", "127.0.0.1"]), st.text(HREF_CHARS, max_size=20)),
)
HREFS = st.one_of(
    st.text(HREF_CHARS, max_size=30),
    st.builds(lambda p, t: p + t, st.sampled_from(["/", "http://", "https://", "//", "./", "../", "a/", "http"]),
              st.text(HREF_CHARS, max_size=25)),
)


@settings(max_examples=3000)
@given(BASES, HREFS)
def test_fast_join_is_urljoin_wherever_it_answers(base, href):
    joined = fast_join(base, href)
    if joined is not None:
        assert joined == urljoin(base, href)
        assert urlsplit(joined).scheme in ("http", "https")
    assert _outcome(absolute, base, href) == _outcome(reference_absolute, base, href)


def _outcome(function, *args):
    """The answer, or the exception's type (both raise on a base that is no URL and an empty href)."""
    try:
        return function(*args)
    except ValueError as exc:
        return type(exc)


# ---- every href of every recorded page, and every list page's reading -----------------------------------

def _recorded_pages() -> list[tuple[str, str, str]]:
    """(source id, url, text) of every recorded page with a meta.json, and the bundled sample site's pages."""
    pages = []
    for meta_path in sorted([*FIXTURES.glob("families/*/*/meta.json"), *FIXTURES.glob("blind/*/*/meta.json"),
                             *FIXTURES.glob("real/*/meta.json")]):
        meta = json.loads(meta_path.read_text("utf-8"))
        page = next((p for p in sorted(meta_path.parent.iterdir()) if p.name.startswith("input.")), None)
        if page is not None and page.suffix in (".html", ".htm"):
            pages.append((meta.get("source", ""), meta["url"], page.read_bytes().decode("utf-8", "replace")))
    root = site_root()
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        pages.append(("", "https://congan.daknong.gov.vn/" + rel.removesuffix("index.html"), page.read_text("utf-8")))
    return pages


def test_every_href_of_every_recorded_page_joins_as_with_urljoin():
    pages = _recorded_pages()
    assert len(pages) > 200
    hrefs = fast = 0
    for _, url, text in pages:
        page = families.base.parse_html(text)
        for base in dict.fromkeys((url, link_base(page, url))):
            for node in page.root.iter("a", "link", "area"):
                href = node.get("href")
                assert absolute(base, href) == reference_absolute(base, href), (url, href)
                hrefs += 1
                fast += href is not None and fast_join(base, href.strip()) is not None
    assert fast > hrefs * 0.8  # the table covers the usual hrefs: otherwise it saves nothing


def _list_cases() -> list[tuple[Source, str, str]]:
    sources = {s.id: s for s in load_sources()}
    cases = []
    for meta_path in sorted([*FIXTURES.glob("families/*/*/meta.json"), *FIXTURES.glob("blind/*/*/meta.json")]):
        meta = json.loads(meta_path.read_text("utf-8"))
        page = next(p for p in sorted(meta_path.parent.iterdir()) if p.name.startswith("input."))
        if meta["kind"] == "list":
            cases.append((sources[meta["source"]], meta["url"], page.read_bytes().decode("utf-8", "replace")))
    return cases


def _readings(cases) -> list:
    out = []
    for source, url, text in cases:
        for reader in (source, replace(source, family="generic")):
            try:
                out.append(families.parse_list(reader, url, text))
            except families.NotAnArticle as exc:
                out.append(str(exc))
    return out


def test_every_recorded_list_page_gives_the_same_links_in_order(monkeypatch):
    cases = _list_cases()
    assert len(cases) > 20
    now = _readings(cases)
    monkeypatch.setattr(family_base, "fast_join", lambda base, href: None)  # every href through urljoin
    assert _readings(cases) == now
    assert sum(len(r.articles) for r in now if not isinstance(r, str)) > 200


LINKS = st.lists(st.one_of(HREFS, st.sampled_from(["/tin-tuc/a-1.html", "tin-tuc/b-2.html", "/tin-tuc/c-3.html#x",
                                                   "https://h.vn/tin-tuc/d-4.html", "./tin-tuc/e-5.html",
                                                   "../tin-tuc/f-6.html?id=1", "trang-2/", "/trang-3"])),
                 min_size=1, max_size=25)


@settings(max_examples=150)
@given(LINKS, st.sampled_from(["https://h.vn/tin-tuc/", "https://h.vn/tin-tuc/trang-2/index.html", "http://h.vn"]),
       st.booleans())
def test_generated_list_pages_give_the_same_links_in_order(hrefs, url, with_base):
    from html import escape

    head = '<base href="/tin-tuc/">' if with_base else ""
    items = "".join(f'<div class="item-news"><h2><a href="{escape(h)}">Bài {i} về an ninh trật tự</a></h2>'
                    f'<span class="date">0{1 + i % 9}/11/2025</span></div>' for i, h in enumerate(hrefs))
    menu = "".join(f'<li><a href="{escape(h)}">Mục {i}</a></li>' for i, h in enumerate(reversed(hrefs)))
    text = (f"<html><head>{head}<title>Tin tức</title></head><body><ul class='menu'>{menu}</ul>{items}"
            f"<div class='paging'><a href='{escape(hrefs[0])}'>Tiếp</a></div></body></html>")
    source = Source(id="gen", name="gen", list_urls=(url,), article_url_pattern=r"/tin-tuc/[a-z0-9-]+-[0-9]+[.]html$")
    now = _readings([(source, url, text)])
    original = family_base.fast_join
    try:
        family_base.fast_join = lambda base, href: None  # every href through urljoin
        before = _readings([(source, url, text)])
    finally:
        family_base.fast_join = original
    assert before == now


def test_the_list_readers_kept_date_answers_are_is_list_date():
    """generic_list.list_date keeps is_list_date's answers (a function of the text alone): over every text of
    every recorded list page, twice (the second time from what was kept), the same answer."""
    from tintuc_feed.families import generic_list
    from tintuc_feed.normalize.dates import is_list_date

    texts = []
    for _, _, text in _list_cases():
        page = families.base.parse_html(text)
        texts += [t for n in page.root.iter() if isinstance(n.tag, str)
                  if (t := " ".join("".join(n.itertext()).split())) and len(t) <= 200]
    generic_list.list_date.cache_clear()
    for _ in range(2):
        assert [generic_list.list_date(t) for t in texts] == [is_list_date(t) for t in texts]
    assert any(is_list_date(t) for t in texts) and not all(is_list_date(t) for t in texts)


# ---- the pager looks closely only at links short enough to say "next" ---------------------------------------

def reference_next_pages(page, url: str, source) -> list[str]:
    """pager.next_pages before the length filter: every link's words read and compared with NEXT_WORDS."""
    from tintuc_feed.families import pager
    from tintuc_feed.families.base import select_all

    css = source.selectors.get("next_page")
    if css:
        nodes = select_all(page, css)
    else:
        nodes = select_all(page, "a[rel~=next], link[rel~=next]") or [
            a for a in page.root.iter("a") if a.get("href") is not None
            and (pager.is_next_word(pager.link_words(a)) or "next" in " ".join(tree.classes(a)).lower())
        ] or pager._next_number(page)
    host = urlsplit(url).netloc
    base = link_base(page, url)
    found = [reference_absolute(base, node.get("href")) for node in nodes]
    if not css and not any(found):
        found = [h for a in page.root.iter("a") if (h := pager.load_more_url(a, base))][:1] or pager.select_next(
            page, base)
    return list(dict.fromkeys(u for u in found if u and urlsplit(u).netloc == host and u != url))


def test_every_recorded_page_has_the_same_next_pages():
    from tintuc_feed.families import pager

    sources = {s.id: s for s in load_sources()}
    pages = 0
    for source_id, url, text in _recorded_pages():
        source = sources.get(source_id) or Source(id="x", name="x", list_urls=(url,), article_url_pattern=".")
        page = families.base.parse_html(text)
        assert pager.next_pages(page, url, source) == reference_next_pages(page, url, source), url
        pages += bool(reference_next_pages(page, url, source))
    assert pages > 20


PAGER_WORDS = st.sampled_from(["Tiếp", "Trang sau ›", "» Sau", "sau", ">>", "›", "Next Page", "TRANG KẾ TIẾP",
                               "Xem tiếp »»»»»»»»»»»»", "»»»» Tiếp theo »»»»", "Tiếp theo nữa đi", "2", "3", "İİİİ",
                               "Trang\u00a0sau", "tiếp\u2003theo", "Bài viết rất dài về an ninh trật tự", "",
                               "Sau →", "Trang kế tiếp →→→→→→→→→", "Next ►►►►►►►►►►►►", "Tiếp ❯ ❯ ❯ ❯ ❯ ❯ ❯ ❯",
                               "Xem thêm bài viết »", "Tải thêm ↓"])
LINK_SHAPES = st.sampled_from([
    '<a href="{h}">{w}</a>', '<a href="{h}?page=2">{w}</a>', '<a href="{h}"><span>{w}</span></a>', '<a href="{h}" title="{w}"></a>',
    '<a href="{h}"><img src="x.png" alt="{w}"></a>', '<a href="{h}" aria-label="{w}"><i></i></a>',
    '<a href="{h}"><script>var x = "{w} a long script text";</script>{w}</a>',
    '<a href="{h}">{w}<style>.x{{color:red}} long style text here</style></a>',
    '<template><a href="{h}">{w} and a long text after the word</a></template>',
    '<a href="{h}" class="page-next">{w} and a long text after the word</a>', '<a href="{h}">Ti<b>ế</b>p</a>',
    '<a href="{h}"><ruby>{w}<rt>a long annotation text here</rt></ruby></a>', '<li class="active">{w}</li>',
])


@settings(max_examples=300)
@given(st.lists(st.tuples(LINK_SHAPES, PAGER_WORDS, st.sampled_from(["/trang-2/", "trang-3/", "?p=4", "/x-1.html"])),
                min_size=1, max_size=12))
def test_generated_pagers_give_the_same_next_pages(links):
    from html import escape

    from tintuc_feed.families import pager

    body = "".join(shape.format(h=escape(href), w=escape(word)) for shape, word, href in links)
    url = "https://h.vn/tin-tuc/"
    source = Source(id="gen", name="gen", list_urls=(url,), article_url_pattern=r"/tin-tuc/[a-z0-9-]+-[0-9]+\.html$")
    page = families.base.parse_html(f"<html><body><div class='paging'>{body}</div></body></html>")
    assert pager.next_pages(page, url, source) == reference_next_pages(page, url, source)
