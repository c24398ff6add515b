"""The structure's photos put back into trafilatura's body where it replaces the structure's container.

trafilatura votes (and replaces a weak container) reading text only: with its images on it also keeps
the blocks around them (author boxes with an avatar, promotions with a picture, image credits), which
are not the article.  The article's photos come from the container the structure found: each photo
(a <figure>, else an <img> with the blocks around it that hold nothing else) goes back before the
block of trafilatura's body that shows the text which follows it in the container (or after the one
that precedes it); a photo whose neighbouring text trafilatura did not keep stays out with that text.

When none of the container's photos sits beside trafilatura's text (trafilatura found the article
elsewhere on the page), the page's own photos are read the same way, strictly: a photo goes back only
when the text block right next to it is one trafilatura kept (its caption, the paragraph it illustrates),
and never a linked picture (another article's thumbnail, a banner).

Everything here is a pure function of the bodies' and the page's HTML.
"""

from __future__ import annotations

import copy

from lxml import etree
from lxml.etree import _Element as Tag

from . import layout, tree, tree_html

# A photo's unit never grows into these: a table's row or a list's item holds other things than the photo.
CONTAINER_PARTS = ("td", "th", "tr", "tbody", "thead", "tfoot", "table", "li", "ul", "ol", "dl")
# A block of trafilatura's body the photo goes inside (first or last), not beside: a cell, a list item.
CELLS = ("td", "th", "li", "dd")


def _fragment(html: str) -> Tag:
    return etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser()).find("body")


def _flat(node: Tag) -> str:
    return " ".join(tree.flat_text(node).split())


def _linked(node: Tag) -> bool:
    return any(a.tag == "a" for a in node.iterancestors()) or tree.find(node, "a") is not None


def photo_units(root: Tag, strict: bool = False) -> list[Tag]:
    """The body's photos: each <figure>, and each <img> outside one (with the blocks around it that hold only it).

    `strict` (the whole page): a photo inside or around a link is another article's card or a banner, and a
    <figure> gives its photo alone (a caption trafilatura left out stays out: often a credit or a teaser).
    """
    units: list[Tag] = [] if strict else [
        f for f in root.iter("figure")
        if tree.find(f, "img") is not None and not any(a.tag == "figure" for a in f.iterancestors())]
    for img in root.iter("img"):
        if not strict and any(a.tag == "figure" for a in img.iterancestors()):
            continue
        unit = img
        while (parent := unit.getparent()) is not None and parent is not root and parent.tag not in CONTAINER_PARTS \
                and not tree.has_text(parent) and len(parent.findall(".//img")) == 1:
            unit = parent
        units.append(unit)
    return [u for u in units if not _linked(u)] if strict else units


def with_photos(voted: str, ours: str) -> tuple[str, int]:
    """trafilatura's body with the container's photos put back beside the text they sit with; how many."""
    return _placed(voted, _fragment(ours), strict=False)


def with_page_photos(voted: str, page_html: str) -> tuple[str, int]:
    """trafilatura's body with the page's photos whose next (or previous) text block it kept; how many."""
    return _placed(voted, tree.parse(page_html), strict=True)


def photos_back(voted: str, ours: str, page_html: str) -> tuple[str, str | None]:
    """The container's photos put back, else the page's; with where they came from and how many ("structure:2")."""
    html, placed = with_photos(voted, ours)
    if placed:
        return html, f"structure:{placed}"
    html, placed = with_page_photos(voted, page_html)
    return html, (f"page:{placed}" if placed else None)


def _placed(voted: str, mine: Tag, strict: bool) -> tuple[str, int]:
    units = photo_units(mine, strict)
    if not units:
        return voted, 0
    order = {node: i for i, node in enumerate(mine.iter())}
    blocks = [b for b in layout.leaf_blocks(mine) if _flat(b)]
    theirs = _fragment(voted)
    by_text: dict[str, Tag] = {}
    for block in layout.leaf_blocks(theirs):
        by_text.setdefault(_flat(block), block)
    seen = {img.get("src") for img in theirs.iter("img")} - {None}
    placed = 0
    for unit in sorted(units, key=lambda u: order[u]):
        srcs = {img.get("src") for img in unit.iter("img")} - {None}
        if srcs and srcs <= seen:  # already there (the page shows a photo twice: lightbox, lazy copy)
            continue
        after, before = _neighbours(unit, blocks, order, by_text, strict)
        if after is not None:
            _put(unit, by_text[_flat(after)], first=True)
        elif before is not None:
            _put(unit, by_text[_flat(before)], first=False)
        else:
            continue
        seen |= srcs
        placed += 1
    return (tree_html.inner_html(theirs).strip() if placed else voted), placed


def _neighbours(unit: Tag, blocks: list[Tag], order: dict[Tag, int], by_text: dict[str, Tag],
                strict: bool) -> tuple[Tag | None, Tag | None]:
    """The text blocks trafilatura kept after and before the unit (strict: only the nearest ones, if kept)."""
    inside = set(unit.iter())
    later = (b for b in blocks if order[b] > order[unit] and b not in inside)
    earlier = (b for b in reversed(blocks) if order[b] < order[unit] and unit not in set(b.iter()))
    if strict:
        after, before = next(later, None), next(earlier, None)
        return (after if after is not None and _flat(after) in by_text else None,
                before if before is not None and _flat(before) in by_text else None)
    return (next((b for b in later if _flat(b) in by_text), None),
            next((b for b in earlier if _flat(b) in by_text), None))


def _put(unit: Tag, block: Tag, first: bool) -> None:
    """A copy of the unit before `block` (first) or after it; inside it, at its start or end, when it is a cell."""
    node = copy.deepcopy(unit)
    node.tail = None
    if block.tag in CELLS:
        if first:
            node.tail, block.text = block.text, None
            block.insert(0, node)
        else:
            block.append(node)
    elif first:
        block.addprevious(node)
    else:
        block.addnext(node)
    tree.changed()
