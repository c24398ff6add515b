"""The selector prefilter (families/selector_index.py) never changes what a selector finds.

A page parsed by Page is indexed (its class tokens and ids, the attribute names its text holds); a
selector needing a class, id or attribute the page never had is answered [] without its XPath.  These tests run every recorded page with
VERIFY_INDEX on (each skipped selector is run anyway and must find nothing), and compare the
prefiltered select with the bare XPath on generated pages and selectors.
"""

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import selector_index, tree
from tintuc_feed.families.page import Page

from . import golden


def test_every_recorded_page_reads_the_same_with_each_skip_checked(monkeypatch):
    monkeypatch.setattr(selector_index, "VERIFY_INDEX", True)
    assert golden.readings() == golden.load()


@pytest.mark.parametrize(("css", "needs"), [
    (".a", ({("class", "a")},)),
    ("div.a > p#x", ({("class", "a"), ("id", "x")},)),
    (".a, #b", ({("class", "a")}, {("id", "b")})),
    (".a .b:not(.c)", ({("class", "a"), ("class", "b")},)),
    ("[itemprop=articleBody] .x", ({("attr", "itemprop"), ("class", "x")},)),
    ("[ItemProp~=author] [itemprop=name]", ({("attr", "itemprop")},)),
    ("time[datetime], abbr[title]", ({("attr", "datetime")}, {("attr", "title")})),
    ("[class*=author]", ({("class*", "author")},)),
    ("[class^=td-] p, [id$=main]", ({("class*", "td-")}, {("id*", "main")})),
    ("[class]", ({("attr", "class")},)),
    ("[class*='']", ()),  # matches nothing in cssselect; no need recorded
    ("[a!=b]", ()),  # also matches an element without the attribute
    ("[property~='schema:datePublished'][content]:not(meta)", ({("attr", "property"), ("attr", "content")},)),
    ("[data-src]", ({("attr", "data-src")},)),
    ("div:has(.y).z", ({("class", "z")},)),
    ("p", ()),  # a tag alone: no prefilter
    (".a, p", ()),  # one alternative without a class or id: no prefilter
    ("[class~='a b']", ({("class*", "a b")},)),  # matches nothing in cssselect; the need is still true of a match
    ("::nonsense((", ()),
])
def test_requirements_table(css, needs):
    assert selector_index.requirements(css) == tuple(frozenset(n) for n in needs)


def test_a_page_is_forgotten_with_its_tree():
    page = Page("<html><body><div class='a'>x</div></body></html>")
    key = id(page.root)
    assert key in selector_index._INDEXES
    del page
    gc.collect()
    assert key not in selector_index._INDEXES


def test_a_removed_node_still_finds_its_classes():
    page = Page("<html><body><div class='a'><p class='b'><span id='c'>x</span></p></div></body></html>")
    div = tree.select_one(page.root, ".a", document=True)
    tree.remove(div)
    assert [n.get("id") for n in tree.select(div, ".b #c")] == ["c"]
    assert tree.select(page.root, ".b", document=True) == []


def test_a_copy_is_indexed_on_its_own():
    page = Page("<html><body><div class='a'>x</div></body></html>")
    tree.remove(tree.select_one(page.root, ".a", document=True))
    copy = page.copy()
    assert id(copy.root) in selector_index._INDEXES and tree.select(copy.root, ".a", document=True) == []


def test_a_remembered_answer_is_the_computed_one():
    """Each document remembers its skip answer per selector: the same as computing it again, every call."""
    page = Page("<html><body><div class='a'><p id='x'>t</p></div></body></html>")
    for css in (".a", ".zz", "#x", "#y, .a p", ".zz, #yy", "p", "::nonsense(("):
        first = tree.select(page.root, css, document=True)
        assert tree.select(page.root, css, document=True) == first
        entry = selector_index._INDEXES[id(page.root)]
        if tree.xpath_for(css, False) is not None:
            assert entry.answers[css] == selector_index.skipped(selector_index.requirements(css), entry)
            assert entry.answers[css] == selector_index._skipped(selector_index._checks(css), entry)
            assert entry.answers[css] == (css in (".zz", ".zz, #yy"))


CLASSES = st.sampled_from(["a", "b", "c-d", "lg:x", "A"])
TAGS = st.sampled_from(["div", "p", "span", "article", "time"])


@st.composite
def documents(draw):
    def element(depth):
        tag, cls = draw(TAGS), draw(st.lists(CLASSES, max_size=2))
        ident = draw(st.one_of(st.none(), st.sampled_from(["x", "y"])))
        other = draw(st.lists(ATTRIBUTES, max_size=2))
        attrs = (f' class="{" ".join(cls)}\t"' if cls else "") + (f' id="{ident}"' if ident else "") + "".join(other)
        kids = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 3 else 0))))
        return f"<{tag}{attrs}>t{kids}</{tag}>"
    return "<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 3)))) + "</body></html>"


ATTRIBUTES = st.sampled_from([' itemprop="a b"', ' ItemProp="name"', ' REL=author', ' data-x', ' datetime="2020"'])
ATTRIBUTE_TESTS = st.sampled_from(["[itemprop]", "[itemprop~=a]", "[itemprop=name]", "[rel=author]", "[data-x]",
                                   "[datetime]", "[title]", "[class*=c-]", "[class^=b]", "[class$=A]", "[class~=a]",
                                   "[class|=c]", "[id^=x]", "[id=z]", "[class!=a]", "[class]", "[id]"])
SIMPLE = st.builds(lambda tag, cls, ident, tests: tag + "".join(f".{c.replace(':', chr(92) + ':')}" for c in cls)
                   + (f"#{ident}" if ident else "") + "".join(tests),
                   st.sampled_from(["", "div", "p", "*"]), st.lists(CLASSES, max_size=2),
                   st.one_of(st.none(), st.sampled_from(["x", "y", "z"])), st.lists(ATTRIBUTE_TESTS, max_size=2))
SELECTORS = st.lists(st.tuples(SIMPLE, st.sampled_from([" ", " > ", " + ", " ~ "])), min_size=1, max_size=3).map(
    lambda parts: "".join(s + c for s, c in parts[:-1]) + parts[-1][0]).filter(bool)
GROUPS = st.lists(SELECTORS, min_size=1, max_size=2).map(", ".join)


def _page(html: str, remove_first: bool) -> Page:
    """The page, with its body's first element removed when asked (and there is another)."""
    page = Page(html)
    if remove_first and len(page.root.xpath("//body/*")) > 1:
        tree.remove(page.root.xpath("//body/*")[0])
    return page


def _whole_group(query, css: str, node, root) -> list:
    """What the whole group's bare XPath finds below node (or from the document root), gaps left out."""
    found = query(node) if node is not root else tree.xpath_for(css, False)(node)
    return [n for n in found if n.tag != tree.GAP]


@settings(max_examples=300)
@given(documents(), GROUPS, st.booleans())
def test_prefiltered_select_equals_the_bare_xpath(html, css, remove_first):
    page = _page(html, remove_first)
    query = tree.xpath_for(css, True)
    if query is None:
        return
    entry = selector_index._INDEXES[id(page.root)]  # the two ways of asking the index agree
    assert selector_index._skipped(selector_index._checks(css), entry) == selector_index.skipped(
        selector_index.requirements(css), entry)
    for node in page.root.iter("div", "p", "span", "html"):
        assert tree.select(node, css, document=node is page.root) == _whole_group(query, css, node, page.root)


@settings(max_examples=200)
@given(documents(), st.lists(GROUPS, min_size=1, max_size=6, unique=True), st.booleans())
def test_a_group_of_selectors_keeps_every_one_that_finds_something(html, group, remove_first):
    """selector_index.possible (a reader's table asked at once): the selectors it leaves out find nothing with
    the bare XPath, below any node; it keeps the group's order; asked again (after a removal too), the same."""
    page = Page(html)
    group = tuple(group)
    kept = selector_index.possible(page.root, group)
    assert list(kept) == [css for css in group if css in kept]
    if remove_first and len(page.root.xpath("//body/*")) > 1:
        tree.remove(page.root.xpath("//body/*")[0])
    assert selector_index.possible(page.root, group) is kept
    for css in group:
        query = tree.xpath_for(css, True)
        if css in kept or query is None:
            continue
        for node in page.root.iter("div", "p", "span", "html"):
            assert [n for n in query(node) if n.tag != tree.GAP] == []


def test_a_group_is_whole_when_the_page_is_not_indexed_or_each_skip_is_checked(monkeypatch):
    """A tree parsed without Page (no index) and the VERIFY_INDEX runs give the group as it is: every selector
    then runs through select (which checks each skip)."""
    group = (".a", ".zz", "#x")
    assert selector_index.possible(tree.parse("<html><body><p class='a'>t</p></body></html>"), group) == group
    page = Page("<html><body><p class='a'>t</p></body></html>")
    assert selector_index.possible(page.root, group) == (".a",)
    monkeypatch.setattr(selector_index, "VERIFY_INDEX", True)
    assert selector_index.possible(page.root, group) == group


@settings(max_examples=200)
@given(documents(), st.lists(SELECTORS, min_size=2, max_size=6).map(", ".join), st.booleans())
def test_a_group_narrowed_to_its_possible_alternatives_finds_what_the_whole_group_finds(html, css, remove_first):
    """select runs only the alternatives of a group the index keeps (selector_index.alternatives): the same
    elements in the same order as the whole group's XPath, below any node, before and after a removal."""
    page = _page(html, remove_first)
    query = tree.xpath_for(css, True)
    if query is None:
        return
    for node in page.root.iter("div", "p", "span", "html"):
        assert tree.select(node, css, document=node is page.root) == _whole_group(query, css, node, page.root)


def test_the_alternatives_kept_table():
    page = Page("<html><body><div class='a'><p id='x' itemprop='name'>t</p></div></body></html>")
    rows = {".a": None, ".a, .b": (0,), ".b, .c, #x": (2,), ".zz, .yy": None, "p, .b": None,
            ".b, [itemprop], .a .c, div.a p#x": (1, 3), ".a, #x, [itemprop]": None}
    for css, kept in rows.items():
        assert selector_index.alternatives(page.root, css) == kept, css
    assert [n.get("id") for n in tree.select(page.root, ".b, .c, #x", document=True)] == ["x"]
