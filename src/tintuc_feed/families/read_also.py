"""Lines inside an article's content that only point to another article ("Xem thêm: <a>…</a>", ">> <a>…</a>").

Vietnamese news and police portals put such lines in the middle of the content and at its end: a label
(READ_ALSO_PREFIXES, or an arrow) and one or several linked headlines, nothing else.  Such a line leaves the
body, in every family (common.clean_body) and in the generic reader (body_prune.prune):

- a block (p, div, h3-h6) whose text is a prefix and then only links' text;
- a line between <br> in a block (prefix text, then one link, then <br> or the block's end);
- a block that is only the prefix ("Xem thêm:") followed by a list of links: both leave.

Guards: a line where the link is part of a sentence ("Xem thêm thông tin tại <a>Cổng dịch vụ công</a>"), or
with text beyond the prefix and the linked headlines, stays; a line without any link stays (the article's own
source line "Theo CAND", "Nguồn: …" is none of this).  Each row has its own test (tests/families/test_read_also.py).
Everything here is a pure function of the tree.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.etree import _Element as Tag

from . import tree

# How such a line opens (regular expressions on its text folded to lower case, NFC), one kind per row.
READ_ALSO_PREFIXES = (
    ("see more", r"xem thêm(?!\w)"),
    ("read more", r"đọc thêm(?!\w)"),
    ("related news", r"(?:tin|bài|tin bài|bài viết) liên quan(?!\w)"),
    ("invited to see more",
     r"mời (?:bạn |bạn đọc |quý vị |quý độc giả |độc giả |quý bạn đọc )?(?:xem|đọc|theo dõi) thêm(?!\w)"),
    ("may interest you", r"có thể bạn quan tâm(?!\w)"),
    ("arrow", r">>|»|›"),
)
_PREFIX = re.compile(r"[\s>»›]*(?:" + "|".join(f"(?:{row})" for _, row in READ_ALSO_PREFIXES) + r")[\s:.\-–—>»›]*")
_ARROW_ONLY = re.compile(r"[\s>»›]+")
READ_ALSO_MAX_CHARS = 300  # a longer line is prose
LINKED_SLACK = 2  # characters of the rest that may be outside the links (a separator between two headlines)
BLOCKS = ("p", "div", "h3", "h4", "h5", "h6")
LIST_BLOCKS = ("ul", "ol", "div", "p")
INLINE = ("span", "strong", "b", "em", "i", "u", "font")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).lower()


def prefix_end(text: str) -> int | None:
    """Where the prefix ends in the (folded) line, or None when the line does not open with one."""
    found = _PREFIX.match(text)
    return found.end() if found else None


def is_read_also_text(text: str, linked: int) -> bool:
    """A line's text (whitespace collapsed) and the length of its links' text: a prefix, then only links."""
    line = _fold(text)
    if not line or len(line) > READ_ALSO_MAX_CHARS:
        return False
    end = prefix_end(line)
    if end is None or end >= len(line):
        return False
    rest = len(line) - end
    return linked > 0 and linked >= rest - LINKED_SLACK


def _linked(node: Tag) -> int:
    return sum(len(" ".join(tree.flat_text(a).split())) for a in node.iter("a") if a.get("href"))


def is_read_also(node: Tag) -> bool:
    """A block whose text is a prefix and only linked headlines."""
    return node.tag in BLOCKS and is_read_also_text(tree.flat_text(node), _linked(node))


def is_label_only(node: Tag) -> bool:
    """A block that is only a label ("Xem thêm:", "Tin liên quan"), not an arrow."""
    line = _fold(tree.flat_text(node))
    end = prefix_end(line)
    return bool(line) and end == len(line) and not _ARROW_ONLY.fullmatch(line)


def _is_prefix(text: str) -> bool:
    line = _fold(text)
    return bool(line) and prefix_end(line) == len(line)


def _is_link_list(node: Tag) -> bool:
    links = [a for a in node.iter("a") if a.get("href")]
    text = len(" ".join(tree.flat_text(node).split()))
    return bool(links) and text > 0 and _linked(node) >= text - LINKED_SLACK * len(links)


def remove(root: Tag) -> list[str]:
    """Remove the read-also blocks and <br> lines under root; their texts (whitespace collapsed), in order."""
    removed: list[str] = []
    top = _top(root)  # the block rules remove elements below root only: its top stays
    for node in tree.descendants(root, *BLOCKS) if may_hold_prefix(root) else ():
        if tree.is_removed(node, top) or tree.find(node, *BLOCKS) is not None:
            continue
        kind = _block_kind(node)
        if kind == "line":
            removed.append(tree.flat_text(node))
            tree.remove(node)
        elif kind == "label":
            following = _next_element(node)
            if following is not None and following.tag in LIST_BLOCKS and _is_link_list(following):
                removed.append(" ".join(tree.flat_text(following).split()))
                tree.remove(following)
                tree.remove(node)
    for link in tree.descendants(root, "a"):
        if not tree.is_removed(link, _top(root)):  # a <br> line's inline wrappers may reach above root
            line = _remove_br_line(link)
            if line:
                removed.append(line)
    return removed


# Every prefix holds one of these (tests/families/test_read_also_gate.py enumerates what each row matches): a root
# whose text holds none has no read-also block, and its blocks are not read one by one (most containers).  No
# needle holds white space, so each lies inside one of the text's words, one string's: it is searched for in the
# root's strings joined by spaces (get_text(root, " ")), NFC, lowered; folding (white space collapsed) changes
# neither the words nor their composition (a space, as every white space, is a starter composing with nothing).
PREFIX_NEEDLES = ("thêm", "liên", "tâm", ">>", "»", "›")


def may_hold_prefix(root: Tag) -> bool:
    """False when no block below root can open with a prefix (the root's text holds no PREFIX_NEEDLES)."""
    text = tree.get_text(root, " ")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.lower()  # as _fold: NFC, then lower case
    return any(needle in text for needle in PREFIX_NEEDLES)


def _block_kind(node: Tag) -> str | None:
    """"line" where is_read_also(node) holds, "label" where is_label_only(node) does, else None: the block's
    text read and folded once, its links' text only when the text opens with a prefix and has more."""
    line = _fold(tree.flat_text(node))
    end = prefix_end(line) if line else None
    if end is None:
        return None
    if end == len(line):
        return None if _ARROW_ONLY.fullmatch(line) else "label"
    if len(line) > READ_ALSO_MAX_CHARS:
        return None
    linked = _linked(node)
    return "line" if linked > 0 and linked >= len(line) - end - LINKED_SLACK else None


def _top(node: Tag) -> Tag:
    top = node
    for top in node.iterancestors():
        pass
    return top


def _next_element(node: Tag) -> Tag | None:
    following = node.getnext()
    while following is not None and (following.tag == tree.GAP or not isinstance(following.tag, str)):
        if (following.tail or "").strip():
            return None
        following = following.getnext()
    return following if (node.tail or "").strip() == "" else None


def _remove_br_line(link: Tag) -> str | None:
    """A link alone on a line between <br> (after a prefix, or with an arrow in its own text): the line's text."""
    if not link.get("href"):
        return None
    outer = link
    while outer.getparent() is not None and outer.getparent().tag in INLINE and not (outer.tail or "").strip() \
            and outer.getprevious() is None and not (outer.getparent().text or "").strip():
        outer = outer.getparent()
    before, after = outer.getprevious(), outer.getnext()
    if (outer.tail or "").strip() or not (after is None or after.tag == "br"):
        return None
    label = None  # the prefix in an element of its own: <br><strong>Xem thêm:</strong> <a>…</a><br>
    if before is not None and before.tag in INLINE and _is_prefix(tree.flat_text(before) + (before.tail or "")):
        label, before = before, before.getprevious()
    if before is not None and before.tag != "br":
        return None
    if before is None and after is None:
        return None  # the whole block: the block rule's business
    if before is None and label is not None and (outer.getparent().text or "").strip():
        return None  # text before the label
    lead = (before.tail if before is not None else outer.getparent().text) or ""
    if label is not None:
        lead += tree.flat_text(label) + (label.tail or "")
    line = " ".join((lead + " " + tree.flat_text(outer)).split())
    if not is_read_also_text(line, _linked(outer)):
        return None
    if label is not None:
        tree.remove(label)
    if before is not None:
        before.tail = None
    else:
        outer.getparent().text = None
    if after is not None or before is not None:
        tree.remove(after if after is not None else before)  # the line's own <br>
    tree.remove(outer)
    return line


def lines_of(root: Tag) -> list[str]:
    """The read-also lines of a whole page (the tree is changed: pass a fresh one)."""
    body = root.find("body") if root.tag != "body" else root
    return remove(body) if body is not None else []


MIN_LINE_CHARS = 20  # a shorter read-also line is not looked for inside another reader's paragraphs


def remove_lines_within(root: Tag, lines: list[str] | tuple[str, ...]) -> None:
    """Remove these read-also lines (found in the page's structure) from the strings under root.

    Another reader (trafilatura) may join a line between <br> to the paragraph before it, without its link;
    the line's whole text, whitespace-insensitive, still shows where it was.
    """
    patterns = [re.compile(r"\s*" + r"\s*".join(re.escape(word) for word in line.split())) for line in lines
                if len(line) >= MIN_LINE_CHARS]
    if not patterns:
        return
    for string in tree.all_strings(root):
        text = string[0]
        new = text
        for pattern in patterns:
            new = pattern.sub("", new)
        if new != text:
            tree.set_string(string, new)
