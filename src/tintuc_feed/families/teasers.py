"""Another article's teaser inside ours: its date and its card are never the page's (issue 13).

Real pages show other articles beside the article: a news ticker, a "same category" list, a "read also"
card after the byline.  Their dates and summaries look like the page's own; these two tests tell them
apart by the links around them (one test per row in tests/families/test_date_teasers.py and
tests/families/test_generic_bylines_vn.py).
"""

from __future__ import annotations

from lxml.etree import _Element as Tag

from . import tree

TEASER_DEPTH = 3  # how far up from a date element a list item or subheading with a headline link is looked for
TEASER_PARTS = ("li", "h2", "h3", "h4", "h5", "h6")
HEADLINE_MIN_WORDS = 6  # a link with fewer words is a category, a date or a button, not another article


def in_link_teaser(node: Tag) -> bool:
    """Is a date element another article's?  Inside a link whose other text is a headline (a news ticker:
    "<a>Tin B về giao thông - <label class=time>"), or in a subheading or list item holding such a link (a
    "read also" or "same category" list: "<li><a>Tin B về giao thông</a> <span class=time>").  A date
    linked to the post or its day ("<a rel=bookmark><time>") and a meta line with a category link are not."""
    date_words = len(tree.flat_text(node).split())
    for depth, parent in enumerate(node.iterancestors()):
        if parent.tag == "a" and _headline_link(parent, date_words):
            return True
        if parent.tag in TEASER_PARTS and depth < TEASER_DEPTH and any(
                _headline_link(a, 0) for a in parent.iter("a") if node not in a.iterdescendants()):
            return True
        if parent.tag in ("body", "html"):
            return False
    return False


def line_in_teaser(node: Tag) -> bool:
    """Is a text line another article's?  Its element is a list item or subheading holding a headline link
    besides the line ("<li><a>Tin B về giao thông</a> (07/05/2019)</li>": the date is the tail of the link,
    owned by the item), or in_link_teaser says so of the element."""
    if node.tag in TEASER_PARTS and any(_headline_link(a, 0) for a in node.iter("a")):
        return True
    return in_link_teaser(node)


def _headline_link(link: Tag, inner_words: int) -> bool:
    """A link to another page whose text, less `inner_words` words of a date inside it, reads as a headline."""
    href = (link.get("href") or "").strip().lower()
    if not href or href.startswith(("#", "javascript:")):
        return False
    return len(tree.flat_text(link).split()) - inner_words >= HEADLINE_MIN_WORDS


TEASER_CARD_MAX_CHARS = 400  # a teaser of another article: its heading and a summary of a few lines
HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def teaser_card(block: Tag, container: Tag) -> Tag | None:
    """The teaser card of another article the block is part of ("read also" at the body's end, after the
    byline), or None: an element under the container whose links all go to one page, one of them in a
    heading, with no more text than a heading and a summary.  Its summary is no body text: the scan goes on."""
    for node in (block, *block.iterancestors()):
        if node is container or node.tag in ("body", "html"):
            return None
        hrefs = {a.get("href") for a in tree.descendants(node, "a") if a.get("href")}
        if len(hrefs) > 1:
            return None  # links to several pages: a list or body text, not one article's card
        if hrefs and any(tree.descendants(h, "a") for h in tree.descendants(node, *HEADINGS)):
            return node if len(tree.get_text(node, " ", strip=True)) <= TEASER_CARD_MAX_CHARS else None
    return None
