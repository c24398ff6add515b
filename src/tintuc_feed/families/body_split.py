"""An article container split in two: the parts after (or before) an ad or an inline block come back.

A portal's template may cut the article's column where an ad goes: `<div id="part1">…</div><div
class="ad-slot"></div><div id="part2">…</div>`, or put a related-news box between two halves of the same
kind of block.  The structure picks the densest of the parts, and the others were lost (the article's
second half, or its first).  `join_parts` moves into the picked container the children of each sibling that
is another part of it, in the page's order:

- a part is a sibling of the same tag (PART_TAGS) and the same class, holding prose (PART_MIN_CHARS, at most
  PART_MAX_LINK_SHARE of its text in links);
- between two parts there is at least one element, and every element between them is a gap (GAP_ROWS: an ad
  slot or script placeholder without text, a link box, a short label) or a subheading of the article (an
  `<h2>` alone, which comes into the container in its place); the gaps stay out: no row takes a block of
  prose, so two articles or two posts side by side are never joined.

Everything here is a pure function of the tree (it moves elements; it looks only at the container's siblings).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.etree import _Element as Tag

from . import tree

PART_TAGS = ("div", "section")  # list items, cells and articles side by side are separate things
PART_MIN_CHARS = 120  # a sibling with less text is not a part of the article
PART_MAX_LINK_SHARE = 0.3  # nor one whose text is mostly links (a list of other articles)
GAP_LABEL_MAX_CHARS = 40  # an ad's label ("Quảng cáo", "Advertisement") between the parts
GAP_LINKS_MIN_SHARE = 0.8  # a box of links (related articles) between the parts
GAP_LINKS_MAX_CHARS = 400
SUBHEADING_MAX_CHARS = 150
HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _text(node: Tag) -> str:
    return " ".join(tree.get_text(node, " ").split())


def _link_share(node: Tag, text: str) -> float:
    links = sum(len(" ".join(tree.get_text(a, " ").split())) for a in node.iterdescendants("a"))
    return links / max(len(text), 1)


# What may stand between two parts of one article (each row has its own test, tests/families/test_body_split.py).
GAP_ROWS: tuple[tuple[str, Callable[[Tag, str], bool]], ...] = (
    ("ad slot (no text)", lambda node, text: not text),
    ("ad label", lambda node, text: len(text) <= GAP_LABEL_MAX_CHARS and tree.find(node, "p") is None),
    ("link box", lambda node, text: len(text) <= GAP_LINKS_MAX_CHARS
     and _link_share(node, text) >= GAP_LINKS_MIN_SHARE),
)


def is_gap(node) -> bool:
    """Whether a sibling between two parts is an ad, a label or a link box (a comment or a text string: yes
    when empty)."""
    if not tree.is_element(node):
        return True  # a comment or processing instruction
    if node.tag in ("script", "style", "noscript", "ins", "iframe"):
        return True
    text = _text(node)
    return any(test(node, text) for _, test in GAP_ROWS)


def is_subheading(node) -> bool:
    """A section heading of the article between two of its parts (`<h2>`, or a block holding only one): it
    comes into the container with them, in its place."""
    if not tree.is_element(node):
        return False
    heading = node if node.tag in HEADINGS else None
    if heading is None:
        kids = [k for k in node if tree.is_element(k)]
        heading = kids[0] if len(kids) == 1 and kids[0].tag in HEADINGS else None
    text = _text(node)
    return heading is not None and 0 < len(text) <= SUBHEADING_MAX_CHARS and text == _text(heading)


def is_part(node: Tag, like: Tag) -> bool:
    """Whether a sibling is another part of the container `like`: same kind of block, holding prose."""
    if node.tag != like.tag or sorted(tree.classes(node)) != sorted(tree.classes(like)):
        return False
    text = _text(node)
    return len(text) >= PART_MIN_CHARS and _link_share(node, text) <= PART_MAX_LINK_SHARE


def _parts(container: Tag, siblings, upward: bool = False) -> list[tuple[Tag, bool]]:
    """The parts among these siblings (nearest first), each across a run of gaps from the last, with the
    subheadings between them: (node, is a part).  `upward` (the siblings before the container): the
    subheadings right above the farthest part head it and come too."""
    found: list[tuple[Tag, bool]] = []
    gaps: list[Tag] = []
    for node in siblings:
        if (node.tail or "").strip():
            break
        if tree.is_element(node) and is_part(node, container):
            if not gaps:
                break  # two blocks side by side are two things (posts, cards), not one article cut by an ad
            found.extend((gap, False) for gap in gaps if is_subheading(gap))
            found.append((node, True))
            gaps = []
        elif is_gap(node) or is_subheading(node):
            gaps.append(node)
        else:
            break
    if upward and found:
        for gap in gaps:  # nearest first: the headings directly above the farthest part, up to another block
            if not is_subheading(gap):
                break
            found.append((gap, False))
    return found


def join_parts(container: Tag) -> list[Tag]:
    """Move into `container` the children of its sibling parts (module doc); return the parts joined."""
    if container.tag not in PART_TAGS or container.getparent() is None or (container.tail or "").strip():
        return []
    before = _parts(container, container.itersiblings(preceding=True), upward=True)
    after = _parts(container, container.itersiblings())
    for node, part in before:  # nearest first: each goes in front of what is there
        if part:
            _prepend(container, node)
        else:
            container.insert(0, node)
    for node, part in after:
        if part:
            _append(container, node)
        else:
            container.append(node)
    if before or after:
        tree.changed()  # nodes moved into the container
    return [node for node, part in before + after if part]


def _prepend(container: Tag, part: Tag) -> None:
    kids, text = list(part), container.text
    container.text = part.text
    for index, kid in enumerate(kids):
        container.insert(index, kid)
    if text:
        if kids:
            kids[-1].tail = (kids[-1].tail or "") + text
        else:
            container.text = (container.text or "") + text
    tree.remove(part)


def _append(container: Tag, part: Tag) -> None:
    if part.text:
        last = container[-1] if len(container) else None
        if last is not None:
            last.tail = (last.tail or "") + part.text
        else:
            container.text = (container.text or "") + part.text
    container.extend(list(part))
    tree.remove(part)
