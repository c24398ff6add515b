"""tree.text_parts gives the strings the ancestor-testing XPath gives, for every node of any page.

text_parts skips the per-string ancestor test when the node has no script/style/template/rt/rp
inside or above it; these tests compare it with that XPath on generated pages and recorded ones.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import tree, tree_html

from .golden import FIXTURES

INNER = st.sampled_from(["a", " ", "\n", "Công an", "<!-- c -->", "<br>", "&amp;"])
TAGS = st.sampled_from(["div", "p", "span", "b", "script", "style", "template", "rt", "rp", "ruby", "noscript"])


@st.composite
def pages(draw):
    def element(depth):
        tag = draw(TAGS)
        kids = "".join(draw(INNER) + (element(depth + 1) if depth < 4 and draw(st.booleans()) else "")
                       for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}>{kids}</{tag}>{draw(INNER)}"
    return "<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 3)))) + "</body></html>"


def check(root) -> None:
    for node in root.iter():
        if isinstance(node.tag, str):
            expected = [node.text] if node.tag in tree.NO_TEXT_TAGS and node.text else (
                [] if node.tag in tree.NO_TEXT_TAGS else tree._TEXTS(node))
            assert tree.text_parts(node) == expected


@settings(max_examples=300)
@given(pages())
def test_text_parts_equals_the_xpath_on_generated_pages(html):
    check(tree.parse(html))


def test_text_parts_equals_the_xpath_on_recorded_pages():
    pages = sorted((FIXTURES / "real").glob("*/input.html"))[:6] + sorted((FIXTURES / "families").rglob("input.html"))
    assert len(pages) > 10
    for page in pages:
        check(tree.parse(page.read_text("utf-8")))


@given(st.text(alphabet=st.sampled_from("&<>;ampltg Đ\n")))
def test_escape_equals_the_one_pass_substitution(text):
    assert tree_html._escape(text) == tree_html._ESCAPE.sub(lambda m: tree_html._ENTITY[m.group()], text)
