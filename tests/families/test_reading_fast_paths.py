"""The families' reading, made faster (issue 10): each fast path against the computation it replaced,
and the vote skip (a short named container holding every paragraph of the page) on pages built for it.

The golden test (test_golden.py) shows every recorded reading unchanged; these show each piece on its own:
the slow formula kept here as the reference, run beside the fast one on every element of the recorded
pages or on generated text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.charset import decode_page
from tintuc_feed.families import (
    body_prune,
    byline_date,
    byline_lines,
    generic,
    generic_authors,
    generic_body,
    generic_dates,
    layout,
    tree,
    tree_html,
)
from tintuc_feed.families.page import Page
from tintuc_feed.normalize.authors import looks_like_byline
from tintuc_feed.sources import Source

from .golden import FIXTURES


def _recorded_pages() -> list[str]:
    """The fixture and blind pages, and every other saved real page (50-500 KB each: the slow paths
    below are run beside the fast ones on many of their elements)."""
    files = sorted(FIXTURES.glob("families/**/input.html")) + sorted(FIXTURES.glob("blind/**/input.html")) \
        + sorted(FIXTURES.glob("real/*/input.html"))[::2]
    assert len(files) > 60
    return [_page_text(f.read_bytes()) for f in files]


def _page_text(body: bytes) -> str:
    """The page as the crawl reads it: UTF-8, else the legacy charset it declares (a windows-1258 blind page)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return decode_page(body, None)[0]


def _elements(root) -> list:
    """A spread of the elements under root: every one with a class or id, every 5th other one."""
    return [node for i, node in enumerate(root.iter())
            if isinstance(node.tag, str) and (node.get("class") or node.get("id") or i % 5 == 0)]


# ---- tree.flat_text: the parts' words joined once ------------------------------------------------

def _flat_text_before(node) -> str:
    return " ".join(" ".join(s.strip() for s in tree.text_parts(node) if s.strip()).split())


def test_flat_text_equals_the_per_part_strip_on_every_recorded_element():
    for html in _recorded_pages():
        for node in _elements(Page(html).root):
            assert tree.flat_text(node) == _flat_text_before(node)


@settings(max_examples=400)
@given(st.lists(st.text(alphabet=st.sampled_from(" \t\n\xa0\u2003\u3000ab ạ\u200b"), max_size=12), max_size=6))
def test_flat_text_joins_parts_as_the_per_part_strip_did(parts):
    before = " ".join(" ".join(s.strip() for s in parts if s.strip()).split())
    assert " ".join(" ".join(parts).split()) == before


# ---- layout.leaf_blocks: which blocks hold text, found from the strings (tree.text_holders) ----------

def _leaf_blocks_before(container) -> list:
    nodes = tree.descendants(container, *layout.BLOCK_TAGS)
    with_text = [node for node in nodes if tree.has_text(node)]
    blocks, outer = set(nodes), set()
    for node in with_text:
        for parent in node.iterancestors():
            if parent is container:
                break
            if parent in blocks:
                outer.add(parent)
    return [node for node in with_text if node not in outer]


def _containers(root) -> list:
    return [root, *_elements(root)]


def test_leaf_blocks_equal_the_per_block_text_test_on_recorded_pages():
    for html in _recorded_pages():
        for container in _containers(Page(html).root):
            assert layout.leaf_blocks(container) == _leaf_blocks_before(container)


BUILT = ("<html><body><div id='c'><p>  </p><div><p>a</p></div><div><script>x</script></div><div><!-- y --></div>"
         "<div><b>t</b> tail</div><div><ruby>漢<rt>kan</rt></ruby></div><div><rt>only</rt></div><ul><li> </li>"
         "<li>b<style>z</style></li></ul><table><tr><td>\xa0</td><td>c</td></tr></table>"
         "<div><span></span>after</div><template><p>hidden</p></template></div>"
         "<div class='gap'><p>x</p>kept tail<p>y</p></div></body></html>")


def test_leaf_blocks_equal_the_per_block_text_test_on_a_built_page_and_after_removals():
    page = Page(BUILT)
    for container in _containers(page.root):
        assert layout.leaf_blocks(container) == _leaf_blocks_before(container)
    for node in list(page.root.iter("p", "script", "rt")):  # removals leave GAP elements and split strings
        tree.remove(node)
        for container in _containers(page.root):
            assert layout.leaf_blocks(container) == _leaf_blocks_before(container)


def test_text_holders_are_the_elements_has_text_finds_text_in():
    for html in (BUILT, *_recorded_pages()[:20]):
        root = Page(html).root
        holders = tree.text_holders(root)
        for node in root.iter():
            if isinstance(node.tag, str) and node.tag not in tree.NO_TEXT_TAGS:
                assert (node in holders) is tree.has_text(node), node.tag


def _body_html_before(container, page, title=None):
    for heading in tree.descendants(container, "h1"):
        tree.remove(heading)
    if title:
        layout.remove_title(container, title)
    for node in tree.descendants(container, "p", "div", "span", "strong", "em"):
        if not tree.has_text(node) and tree.find(node, "img", "video", "iframe", "table", "br") is None:
            tree.remove(node)
    return tree_html.inner_html(container).strip() or None


def test_body_html_as_with_each_elements_own_text_test():
    for html in (BUILT, *_recorded_pages()):
        page = Page(html)
        title = tree.flat_text(page.title) if page.title is not None else None
        count = len(_containers(page.root))
        for index in range(0, count, max(count // 12, 1)):  # a dozen containers a page, each on its own copy
            fast, slow = page.copy(), page.copy()
            got = layout.body_html(_containers(fast.root)[index], fast, title)
            assert got == _body_html_before(_containers(slow.root)[index], slow, title)


# ---- body_prune._prune_reason: the node's text read once -------------------------------------------

def _prune_reason_before(node):
    if node.tag in body_prune.CREDIT_INLINE:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        credit = names.strip() and body_prune.CREDIT_CLASS.search(names) and \
            len(tree.flat_text(node)) <= body_prune.CREDIT_MAX_CHARS
        return "credit" if credit else None
    if node.tag in body_prune.BLOCKS:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip() and body_prune.PRUNE_CLASS.search(names) and \
                body_prune._paragraph_chars(node) < body_prune.PRUNE_MAX_PARAGRAPH_CHARS:
            return "class"
        if body_prune.PRUNE_TYPE.match(node.get("type") or "") and (
                body_prune._paragraph_chars(node) < body_prune.PRUNE_MAX_PARAGRAPH_CHARS
                or body_prune._teaser_paragraphs(node)):  # a related box of long teasers (body fifth pass)
            return "type"
        if node.tag != "p" and body_prune.is_link_list(node):
            return "links"
    if body_prune._heading_text(node) in body_prune.PRUNE_HEADINGS:
        return "heading"
    if node.tag in ("p", "div", "h3", "h4", "h5", "h6") and body_prune._is_read_also(node):
        return "read-also"
    if node.tag in ("p", "div") and body_prune._is_utility_line(node):
        return "utility-line"
    return None


def test_prune_reason_as_before_on_every_recorded_element():
    for html in _recorded_pages():
        for node in _elements(Page(html).root):
            assert body_prune._prune_reason(node) == _prune_reason_before(node)


# ---- generic_authors.is_vietnamese: counted in C ------------------------------------------------

def _is_vietnamese_before(text: str) -> bool:
    letters = [c for c in text.lower() if c.isalpha()]
    return bool(letters) and sum(c in generic_authors.VIETNAMESE_LETTERS for c in letters) >= \
        generic_authors.VIETNAMESE_MIN_SHARE * len(letters)


@settings(max_examples=600)
@given(st.text(alphabet=st.sampled_from("aeoAĐđƠơẠạẶặỹỸ İ1²½_-.ǅßΣ\u0301 ") | st.characters(), max_size=80))
def test_is_vietnamese_counts_as_the_letter_loop(text):
    assert generic_authors.is_vietnamese(text) is _is_vietnamese_before(text)


def test_is_vietnamese_on_every_recorded_page():
    for html in _recorded_pages():
        text = tree.flat_text(Page(html).root)
        assert generic_authors.is_vietnamese(text) is _is_vietnamese_before(text)


# ---- byline_lines.byline_text: a one-line block's line is tried once ----------------------------

def _byline_text_before(node, text: str) -> str | None:
    if text and all(looks_like_byline(x) for x in text.split("\n") if x):
        return text
    line = " ".join(text.split())
    signed = looks_like_byline(line) or byline_lines._is_signature_block(node, text)
    return line if signed or byline_date.byline_of(line) else None  # the last: a signature with its day (ninth pass)


def test_byline_text_reads_every_recorded_block_as_before():
    seen = 0
    for html in _recorded_pages():
        for node in layout.leaf_blocks(Page(html).root):
            text = byline_lines.lines_of(node)
            assert byline_lines.byline_text(node, text) == _byline_text_before(node, text)
            seen += 1
    assert seen > 1000


@pytest.mark.parametrize("html", ["<p>Minh Quỳnh - Bá Hiển</p>", "<p>  Minh   Quỳnh </p>", "<p>Theo <b>Vân Anh</b></p>",
                                  "<p>Hà Nội\n ngày 5</p>", "<p></p>", "<p style='text-align:right'>Phòng PC04</p>",
                                  "<p>Phóng viên<br>Minh Quỳnh</p>", "<p>Câu chuyện dài của một người.</p>"])
def test_byline_text_table(html):
    node = Page(f"<html><body>{html}</body></html>").root.find(".//p")
    text = byline_lines.lines_of(node)
    assert byline_lines.byline_text(node, text) == _byline_text_before(node, text)


# ---- generic_dates: the page's articles found by XPath ------------------------------------------

def _articles_before(root) -> list:
    return [a for a in root.iter("article")] or [a for a in root.iter() if
                                                 isinstance(a.tag, str) and generic_dates._is_article(a)]


def test_the_articles_xpath_finds_what_the_element_walk_found():
    built = (("<html><body><div itemtype='https://schema.org/NewsArticle'><p>a</p></div>"
             "<section itemtype='http://schema.org/BlogPosting'>b</section><!-- c --></body></html>"),
             "<html><body><article>a</article><div itemtype='x/Article'>b</div><article>c</article></body></html>",
             "<html itemtype='https://schema.org/Article'><body><p>x</p></body></html>")
    for html in (*built, *_recorded_pages()):
        root = Page(html).root
        found = generic_dates._ARTICLES(root) or generic_dates._TYPED_ARTICLES(root)
        assert found == _articles_before(root)


# ---- the vote skip: a short named container holding every paragraph ------------------------------

TITLE = "Công an huyện tổ chức tuyên truyền phòng chống tội phạm cho học sinh"
ARTICLE = "".join(f"<p>Đoạn {i}: Sáng nay, Công an huyện phối hợp với nhà trường tổ chức buổi tuyên truyền "
                  f"kỹ năng phòng chống tội phạm, ma túy và an toàn giao thông cho học sinh.</p>" for i in range(1, 5))


def _page(body: str) -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            f"<h1>{TITLE}</h1>{body}<div class='footer-info'>Cơ quan chủ quản: Công an tỉnh.</div></body></html>")


OUTSIDE = "<div class='y'><p>Ghi chú: Tòa soạn giữ bản quyền nội dung đăng tải trên trang này.</p></div>"

# (case, page, skipped?): a short named container is kept without trafilatura's run only when every
# paragraph of the page with text is inside it.
WHOLE_CASES = (
    ("every paragraph inside the container", _page(f"<div class='entry-content'>{ARTICLE}</div>"), True),
    ("an empty paragraph outside does not count",
     _page(f"<p> </p><div class='entry-content'>{ARTICLE}</div>"), True),
    ("a paragraph outside the container", _page(f"<div class='entry-content'>{ARTICLE}</div>{OUTSIDE}"), False),
    ("no paragraph in the container (text in divs)",
     _page(f"<div class='entry-content'>{ARTICLE.replace('<p>', '<div>').replace('</p>', '</div>')}</div>"), False),
)


def _read(html: str):
    url = "https://example.vn/tin/bai-viet.html"
    source = Source(id="adhoc", name="example.vn", list_urls=(url,), article_url_pattern=".")
    return generic.parse_article(url, html, source, {})


@pytest.fixture
def vote_calls(monkeypatch):
    """The pages trafilatura is run on (the real function runs)."""
    calls, real = [], generic_body.trafilatura_html

    def counted(text, url, fallback=False):
        calls.append(url)
        return real(text, url, fallback)

    monkeypatch.setattr(generic_body, "trafilatura_html", counted)
    return calls


@pytest.mark.parametrize("case, html, skipped", WHOLE_CASES, ids=[c[0] for c in WHOLE_CASES])
def test_a_short_named_container_holding_every_paragraph_is_not_put_to_the_vote(case, html, skipped, vote_calls):
    raw = _read(html)
    assert raw.matched["body"] == "css:.entry-content", raw.matched
    if skipped:
        assert raw.matched["body_vote"] == "structure:named whole" and not vote_calls
        assert "Đoạn 1" in raw.body_html and "Đoạn 4" in raw.body_html
    else:
        assert raw.matched["body_vote"] != "structure:named whole" and vote_calls


def test_the_whole_container_reads_as_the_vote_would(monkeypatch):
    """Skipping the vote gives the body the vote keeps (trafilatura agrees with a whole short container)."""
    html = _page(f"<div class='entry-content'>{ARTICLE}</div>")
    fast = _read(html)
    monkeypatch.setattr(generic_body, "holds_every_paragraph", lambda container, page: False)
    slow = _read(html)
    assert slow.matched["body_vote"].startswith("structure:named kept"), slow.matched
    assert fast.body_html == slow.body_html and fast.matched["body"] == slow.matched["body"]


def test_holds_every_paragraph_table():
    page = Page(f"<html><body><div id='c'>{ARTICLE}</div><p>   </p></body></html>")
    assert generic_body.holds_every_paragraph(page.root.find(".//div"), page)
    page = Page(f"<html><body><div id='c'>{ARTICLE}</div><p>x</p></body></html>")
    assert not generic_body.holds_every_paragraph(page.root.find(".//div"), page)
    page = Page("<html><body><div id='c'><div>text</div></div></body></html>")
    assert not generic_body.holds_every_paragraph(page.root.find(".//div"), page)
