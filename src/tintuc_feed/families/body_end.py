"""The end of an extractor's body: the site's colophon (imprint, licence, copyright) and all after it leave.

trafilatura, reading a page without a container (or a weak one), may run past the article into the
page's footer: the newspaper's licence ("Giấy phép … số …"), its editors ("Tổng biên tập: …", "Tòa soạn:
…"), its copyright ("© 2024 …", "Bản quyền thuộc …", "… giữ bản quyền nội dung …", "All rights
reserved"), and around them the site's menus and other articles' headlines.  The first short block that is
such a line, once most of the body's text is behind it, ends the body: it and everything after it leave
(the footer's logos and menus too).

COLOPHON_STARTS: how such a line opens (patterns); COLOPHON_HOLDS: what it holds anywhere; NOTICE_HOLDS: the
site's notices under its articles (links disclaimer, comment policy), a few sentences long.  Both are matched on the
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
# The site's notices under its articles (regular expressions matched anywhere): the disclaimer for the pages
# it links to, its policy for readers' comments.  Such a notice runs to a few sentences (NOTICE_MAX_CHARS).
NOTICE_HOLDS = (
    r"không chịu trách nhiệm (?:về )?nội dung (?:của )?(?:các )?(?:trang|website|liên kết)",
    r"hoan nghênh (?:mọi )?ý kiến (?:đóng góp )?(?:của )?(?:bạn đọc|độc giả|quý vị)",
    r"ý kiến (?:của )?(?:bạn đọc|độc giả) không (?:nhất thiết )?(?:thể hiện|phản ánh)",
    r"(?:is|are) not responsible for the content of external",
    r"comments? (?:do not|don't) necessarily (?:reflect|represent) the (?:views|opinions)",
)
COLOPHON_MAX_CHARS = 300  # a longer block is prose, whatever it opens with
NOTICE_MAX_CHARS = 600
# A notice is so plainly the site's that it ends the body wherever it stands once the article has begun
# (other articles' teasers after it may be longer than the article).
NOTICE_AFTER_CHARS = 200
COLOPHON_AFTER_SHARE = 0.5  # at least this share of the body's text comes before the colophon
_STARTS = re.compile("|".join(f"(?:{row})" for row in COLOPHON_STARTS))
_HOLDS = re.compile("|".join(re.escape(w) for w in COLOPHON_HOLDS))
_NOTICE = re.compile("|".join(f"(?:{row})" for row in NOTICE_HOLDS))


def is_colophon(text: str) -> bool:
    """Whether a block's text (whitespace collapsed) is a line of the site's imprint or copyright."""
    line = unicodedata.normalize("NFC", text).lower()
    if not line or len(line) > COLOPHON_MAX_CHARS:
        return False
    return _STARTS.match(line) is not None or _HOLDS.search(line) is not None


def is_notice(text: str) -> bool:
    """Whether a block's text (whitespace collapsed) is one of the site's notices under its articles."""
    line = unicodedata.normalize("NFC", text).lower()
    return 0 < len(line) <= NOTICE_MAX_CHARS and _NOTICE.search(line) is not None


def cut_at_colophon(root: Tag) -> bool:
    """Remove the first colophon block past the body's first half of text (a notice: past its first
    NOTICE_AFTER_CHARS), and every block after it."""
    blocks = layout.leaf_blocks(root)
    texts = [" ".join(tree.flat_text(b).split()) for b in blocks]
    total = sum(len(t) for t in texts)
    before = 0
    for index, text in enumerate(texts):
        if (before >= COLOPHON_AFTER_SHARE * total and is_colophon(text)) or (
                before >= NOTICE_AFTER_CHARS and is_notice(text)):
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
            tree.changed()
        at.tail = None
        at = at.getparent()
    tree.remove(node)


# A list of other articles' headlines, each with how long ago it was posted ("(8 giờ trước)", "2 giờ trước",
# "1 ngày trước", "3 hours ago"), ending the body: the site's latest-news box.  Matched at a block's end.
RELATIVE_TIME = re.compile(
    r"[(\[]?\s*(?:\d+|một|vài|mấy)\s*(?:giây|phút|tiếng|giờ|ngày|tuần|tháng|năm)\s*trước\s*[)\]]?$"
    r"|[(\[]?\s*(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s*ago\s*[)\]]?$",
    re.IGNORECASE,
)
TIME_LIST_MIN_STAMPS = 2  # this many stamps make a list (one may be an article's own sentence)
TIME_LIST_HEADLINE_CHARS = 160  # a headline in the list is at most this long, stamp included


def is_time_stamped(text: str) -> bool:
    """A headline ending with (or a line that is only) a relative time: "Chợ … bốc cháy (8 giờ trước)"."""
    return 0 < len(text) <= TIME_LIST_HEADLINE_CHARS and RELATIVE_TIME.search(text) is not None


def _item(block: Tag) -> Tag:
    """The list item a leaf block is the only block of (`<li><h5>headline</h5>(2 giờ trước)</li>`), else the block."""
    parent = block.getparent()
    if parent is not None and parent.tag == "li" and sum(1 for k in parent if tree.is_element(k)) == 1:
        return parent
    return block


def cut_time_list(root: Tag) -> bool:
    """Remove the run of blocks ending the body that are headlines with relative times (or such times alone),
    with the bare headlines between them; at least TIME_LIST_MIN_STAMPS stamps, before them some other text."""
    items = [_item(b) for b in layout.leaf_blocks(root)]
    texts = [" ".join(tree.flat_text(i).split()) for i in items]
    start, stamps = len(items), 0
    for index in range(len(items) - 1, -1, -1):
        text = texts[index]
        if is_time_stamped(text):
            stamps += 1
        elif not (len(text) <= TIME_LIST_HEADLINE_CHARS and not text.endswith((".", "!", "?", "…", ":"))
                  and index + 1 < len(items) and is_time_stamped(texts[index + 1])):
            break  # a bare headline counts only right before its stamp
        start = index
    if stamps < TIME_LIST_MIN_STAMPS or start == 0:
        return False
    lists = {item.getparent() for item in items[start:] if item.tag == "li"}
    for node in items[start:]:
        tree.remove(node)
    for holder in lists:  # a list left without items goes too
        if holder is not None and not any(tree.is_element(k) for k in holder):
            tree.remove(holder)
    return True
