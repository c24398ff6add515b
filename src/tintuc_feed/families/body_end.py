"""The end of an extractor's body: the site's colophon (imprint, licence, copyright) and all after it leave.

trafilatura, reading a page without a container (or a weak one), may run past the article into the
page's footer: the newspaper's licence ("Giấy phép … số …"), its editors ("Tổng biên tập: …", "Tòa soạn:
…"), its copyright ("© 2024 …", "Bản quyền thuộc …", "… giữ bản quyền nội dung …", "All rights
reserved"), and around them the site's menus and other articles' headlines.  The first short block that is
such a line, once most of the body's text is behind it, ends the body: it and everything after it leave
(the footer's logos and menus too).

COLOPHON_STARTS: how such a line opens (patterns); COLOPHON_HOLDS: what it holds anywhere.  Both are matched on the
block's text folded to lower case, NFC; each row has its own test (tests/families/test_body_end.py).
Everything here is a pure function of the tree.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.etree import _Element as Tag

from . import layout, tree

# How an imprint line opens (regular expressions matched at the line's start).  Words an article's own
# sentence may open with ("Giấy phép xây dựng …", "Tổng biên tập Nguyễn Văn A cho biết …") count only in the
# imprint's form: a licence number, a colon after the title; a copyright sign only with a year ("©iStock" under
# a photo is the photo's credit, not the page's end).
COLOPHON_STARTS = (
    # Vietnamese press imprint (Luật Báo chí: licence, managing body, editors, newsroom address)
    r"giấy phép\b.{0,80}?\d+/gp",
    r"cơ quan chủ quản\s*:",
    r"(?:phó )?tổng biên tập\s*:",
    r"(?:thư ký )?t(?:òa|oà) soạn\s*:",
    r"chịu trách nhiệm (?:xuất bản|nội dung)\s*:",
    r"(?:bản quyền|copyright|©|\(c\))\D{0,40}(?:19|20)\d\d",
    # other languages
    r"impressum$",
    r"herausgeber\s*:",
    r"mentions légales$",
)
# What an imprint line holds anywhere (plain words).
COLOPHON_HOLDS = (
    "giữ bản quyền", "bản quyền thuộc", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "tutti i diritti riservati", "wszelkie prawa zastrzeżone",
    "ghi rõ nguồn", "không được sao chép", "không được sử dụng lại",
)
COLOPHON_MAX_CHARS = 300  # a longer block is prose, whatever it opens with
COLOPHON_AFTER_SHARE = 0.5  # at least this share of the body's text comes before the colophon
_STARTS = re.compile("|".join(f"(?:{row})" for row in COLOPHON_STARTS))
_HOLDS = re.compile("|".join(re.escape(w) for w in COLOPHON_HOLDS))


def is_colophon(text: str) -> bool:
    """Whether a block's text (whitespace collapsed) is a line of the site's imprint or copyright."""
    line = unicodedata.normalize("NFC", text).lower()
    if not line or len(line) > COLOPHON_MAX_CHARS:
        return False
    return _STARTS.match(line) is not None or _HOLDS.search(line) is not None


def cut_at_colophon(root: Tag) -> bool:
    """Remove the first colophon block past the body's first half of text, and every block after it."""
    blocks = layout.leaf_blocks(root)
    texts = [" ".join(tree.flat_text(b).split()) for b in blocks]
    total = sum(len(t) for t in texts)
    before = 0
    for index, text in enumerate(texts):
        if before >= COLOPHON_AFTER_SHARE * total and is_colophon(text):
            holder = blocks[index].getparent()
            cut_from(blocks[index], root)
            # the block held the colophon's first lines as its own text ("Tổng biên tập: …" before a <p>)
            while holder is not None and holder is not root and is_colophon(" ".join(tree.flat_text(holder).split())):
                holder, gone = holder.getparent(), holder
                tree.remove(gone)
            return True
        before += len(text)
    return False


def cut_from(node: Tag, root: Tag) -> None:
    """Remove the node and everything after it in the document, up to the end of `root`."""
    at = node
    while at is not None and at is not root:
        for later in list(at.itersiblings()):
            at.getparent().remove(later)
        at.tail = None
        at = at.getparent()
    tree.remove(node)
