"""Page.elements (issue 10): the page's <meta>, <script>, <link> and <title> elements found by one walk and
remembered until the next structural change of a tree (tree.STRUCTURE_CHANGES, counted by tree.remove and
by every reader that moves, adds or removes elements with lxml itself: body_split, body_end, layout's
paragraphs, body_photos).  Checked against a walk of the tree as it is now: on every recorded page with
VERIFY_ELEMENTS on (each answer walked again), on pages built by hand, and after generated sequences of
the readers' own changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import body_end, body_split, layout, tree
from tintuc_feed.families import page as page_module
from tintuc_feed.families.metas import meta_content
from tintuc_feed.families.page import INDEXED_TAGS, Page

from . import golden


def test_every_recorded_page_reads_the_same_with_each_list_checked(monkeypatch):
    monkeypatch.setattr(page_module, "VERIFY_ELEMENTS", True)
    assert golden.readings() == golden.load()


def _agrees(page: Page) -> None:
    for tag in INDEXED_TAGS:
        assert page.elements(tag) == tuple(page.root.iter(tag)), tag


def test_a_removed_meta_is_no_longer_read():
    page = Page("<html><head><meta property='og:title' content='A'><title>T</title></head><body>"
                "<div><meta property='og:title' content='B'></div></body></html>")
    assert meta_content(page, "og:title") == ("A", "og:title")
    tree.remove(next(page.root.iter("meta")))
    assert meta_content(page, "og:title") == ("B", "og:title")
    tree.remove(next(page.root.iter("meta")))
    assert meta_content(page, "og:title") is None and page.title is not None


def test_parts_joined_across_an_ad_keep_the_document_order():
    """body_split moves the part after an ad into the container: the part's <meta> now comes before the ad's."""
    text = ("Đoạn văn của bài báo đủ dài để là một phần của bài viết, kể lại sự việc đã xảy ra. " * 3)
    page = Page(f"<html><body><div class='c'><p>{text}</p><meta itemprop='a' content='1'></div>"
                "<div class='ad'><script>ad()</script><meta itemprop='b' content='2'></div>"
                f"<div class='c2'><p>{text}</p><meta itemprop='c' content='3'></div></body></html>")
    _agrees(page)
    body_split.join_parts(page.root.find(".//div"))
    _agrees(page)


@st.composite
def pages(draw):
    def element(depth):
        tag = draw(st.sampled_from(["div", "div", "p", "section", "meta", "script", "link", "title", "br", "span"]))
        if tag in ("meta", "link", "br"):
            return f"<{tag} name='n{draw(st.integers(0, 3))}' content='x'>" + draw(st.sampled_from(["", "t ", " tail"]))
        kids = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))))
        text = draw(st.sampled_from(["", "chữ ", "một đoạn văn. "]))
        return f"<{tag}>{text}{kids}</{tag}>" + draw(st.sampled_from(["", " đuôi"]))
    head = "".join(draw(st.lists(st.sampled_from(["<meta name='a' content='1'>", "<title>T</title>",
                                                  "<link rel='canonical' href='/x'>", "<script>x</script>"]),
                                 max_size=4)))
    return f"<html><head>{head}</head><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 4)))) \
        + "</body></html>"


CHANGES = st.lists(st.tuples(st.sampled_from(["remove", "join", "paragraphs", "cut", "read"]), st.integers(0, 10_000)),
                   max_size=8)


@settings(max_examples=300)
@given(pages(), CHANGES)
def test_the_lists_follow_every_change_the_readers_make(html, changes):
    page = Page(html)
    _agrees(page)
    for change, pick in changes:
        nodes = [n for n in page.root.iter() if isinstance(n.tag, str) and n.tag != tree.GAP
                 and n.tag not in ("html", "head", "body") and not tree.is_removed(n, page.root)]
        blocks = [n for n in nodes if n.tag in ("div", "section")]
        if change == "remove" and nodes:
            tree.remove(nodes[pick % len(nodes)])
        elif change == "join" and blocks:
            body_split.join_parts(blocks[pick % len(blocks)])
        elif change == "paragraphs" and blocks:
            layout.paragraphize(blocks[pick % len(blocks)], page)
        elif change == "cut" and nodes:
            body_end.cut_from(nodes[pick % len(nodes)], page.root.find("body"))
        _agrees(page)


def test_a_move_made_with_lxml_and_counted_is_seen():
    """A reader moving elements with lxml itself calls tree.changed(): the lists are walked again."""
    page = Page("<html><head><meta name='a' content='1'></head><body><div><meta name='b' content='2'></div>"
                "</body></html>")
    assert [m.get("name") for m in page.elements("meta")] == ["a", "b"]
    page.root.find("head").append(page.root.find("body/div"))
    tree.changed()
    assert [m.get("name") for m in page.elements("meta")] == ["a", "b"]
    page.root.find("head").insert(0, page.root.find("head/div"))
    tree.changed()
    assert [m.get("name") for m in page.elements("meta")] == ["b", "a"]
    assert meta_content(page, "a", "b") == ("1", "a")
