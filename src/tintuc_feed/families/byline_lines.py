"""The byline line that signs a body: found by its place (the body's end) and its look.

A portal signs an article with a short line after the last paragraph: names
("Minh Quỳnh - Bá Hiển - Quang Khải"), a right-aligned unit ("Phòng PC04"), or
a reprint credit over two lines ("Theo <b>Vân Anh</b>" then the outlet "Lao
Động").  take_byline_line finds it, removes it and what follows from the body,
and returns its text for normalize.authors.parse_byline.
"""

from __future__ import annotations

import re

from lxml.etree import _Element as Tag

from ..normalize.authors import (
    author_labelled,
    is_name_like,
    is_outlet,
    is_unit,
    looks_like_byline,
    parse_byline,
    reprint_writer,
)
from ..normalize.text import fold_key, normalize_text, strip_marks
from . import byline_date, tree
from .layout import leaf_blocks
from .teasers import teaser_card

BYLINE_SCAN = 8  # how many trailing blocks may hold the byline
BYLINE_MAX_TRAILER = 150  # a block longer than this is body text: the byline is not after it
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
SIGNATURE_MAX_CHARS = 60  # a right-aligned line longer than this is a quote or a caption
LABELLED_SIGNATURE_MAX_CHARS = 100  # "Tin: Phòng Cảnh sát điều tra tội phạm về kinh tế và chức vụ": a unit's full name


def take_byline_line(container: Tag) -> str | None:
    """Find the byline line that ends the body; remove it and what follows.  Without one, a labelled byline
    opening the body ("Bài, ảnh: Hồ Nam" as its first line) is the byline, and leaves the body."""
    blocks = leaf_blocks(container)
    return _ending_byline(blocks, container) or _opening_labelled(blocks)


def _opening_labelled(blocks: list[Tag]) -> str | None:
    """The body's first block when it is a byline label and names alone ("Tin, ảnh: Minh Hậu", "Bài và ảnh:
    Ngọc Hân"): how a portal signs at the top; unlabelled, a short first line is a lead or a caption."""
    first = lines_of(blocks[0]) if blocks else ""
    if not first or "\n" in first or len(first) > LABELLED_SIGNATURE_MAX_CHARS or not author_labelled(first) \
            or not parse_byline(first).authors:
        return None
    tree.remove(blocks[0])
    return first


def _ending_byline(blocks: list[Tag], container: Tag) -> str | None:
    """The byline line that ends the body (its last BYLINE_SCAN blocks), removed with what follows it.  The
    body's first block, with text after it, opens the body: it is no ending (_opening_labelled's place)."""
    for index in range(len(blocks) - 1, max(len(blocks) - 1 - BYLINE_SCAN, 0 if len(blocks) > 1 else -1), -1):
        if teaser_card(blocks[index], container) is not None:
            continue  # another article's heading and summary: neither byline nor body text
        text = lines_of(blocks[index])
        byline = byline_text(blocks[index], text) or (text if _ends_body(blocks, index, container)
                                                      and unit_signature(text) else None)
        if byline:
            byline, index = _with_signature_above(blocks, index, byline)
            byline, index = _with_reprint_credit(blocks, index, byline)
            byline = _with_opening_byline(blocks, index, byline)
            for node in blocks[index:]:
                card = teaser_card(node, container)
                tree.remove(card if card is not None else node)  # a card goes whole, its image link too
            return byline
        if len(text) > BYLINE_MAX_TRAILER:
            return None
    return None


def byline_text(node: Tag, text: str) -> str | None:
    """The block's byline: its lines when each is one, else its text as one line ("T.K. <em>Ảnh</em>:
    Hoàng Long", "Theo <b>Vân Anh</b>") if that is one or a right-aligned signature; None if no byline."""
    lines = [x for x in text.split("\n") if x]
    if text and all(looks_like_byline(x) for x in lines):
        return text
    line = " ".join(text.split())
    tried = lines == [line]  # the block's one line, already found no byline just above
    if (not tried and looks_like_byline(line)) or _is_signature_block(node, text) or byline_date.byline_of(line):
        return line  # the last: a signature with its day ("Nguyễn Văn A (20/11/2025)", families/signed_date.py)
    return None


def _ends_body(blocks: list[Tag], index: int, container: Tag) -> bool:
    """The block is the body's last text (only other articles' cards after it): the signature's place."""
    return all(teaser_card(node, container) is not None for node in blocks[index + 1:])


def unit_signature(text: str) -> bool:
    """A unit signing the article where a name would ("Phòng PV01", "Công an xã Sa Pa", "Minh Quỳnh - Phòng
    PV01"): a unit is the author a provincial portal gives, in plain text as in a right-aligned block."""
    line = " ".join(text.split())
    longest = LABELLED_SIGNATURE_MAX_CHARS if author_labelled(line) else SIGNATURE_MAX_CHARS
    if "\n" in text or len(line) > longest or line.endswith((".", ":", "?", "!", ";")):
        return False
    authors = parse_byline(line).authors
    return bool(authors) and any(is_unit(a.name) or (a.affiliation and is_unit(a.affiliation)) for a in authors) \
        and all(is_unit(a.name) or is_name_like(a.name) for a in authors)


def _with_signature_above(blocks: list[Tag], index: int, text: str) -> tuple[str, int]:
    """A photo credit or a source alone under the signature ("Lê Văn Hùng" then "(Ảnh: Duy Thái)", "Nguyễn Văn
    Cản (Phòng PV01)" then "Nguồn: congan.tayninh.gov.vn"): the signature is the line above, both are the
    byline (parse_byline tells the writer from the photographer and the source)."""
    found = parse_byline(" ".join(text.split()))
    if found.authors or not (found.credits or (found.origin and source_line(text))) or not index:
        return text, index
    above = lines_of(blocks[index - 1])
    signed = byline_text(blocks[index - 1], above) or (above if unit_signature(above) else None)
    if signed and parse_byline(" ".join(signed.split())).authors:
        return f"{signed}\n{text}", index - 1
    return text, index


SOURCE_LABEL = re.compile(r"^\(?\s*nguon\s*:")  # "Nguồn: …", "(Nguồn: …)" folded; "Theo X" is a reprint credit


def source_line(text: str) -> bool:
    """The line names where the story comes from with a label ("Nguồn: Công an tỉnh Quảng Trị"), no writer."""
    line = " ".join(text.split())
    return "\n" not in text.strip() and bool(SOURCE_LABEL.match(strip_marks(normalize_text(line)).lower())) \
        and bool(parse_byline(line).origin)


def _with_opening_byline(blocks: list[Tag], index: int, text: str) -> str:
    """A source line that ends the body ("Nguồn: Công an tỉnh Quảng Trị") names no writer; the writer may
    be signed at the body's start, a labelled line of its own ("Tin, ảnh: Minh Hậu"): both are the byline,
    and the opening line leaves the body too."""
    if not index or not source_line(text) or parse_byline(" ".join(text.split())).authors:
        return text
    first = lines_of(blocks[0])
    if "\n" in first or len(first) > LABELLED_SIGNATURE_MAX_CHARS or not author_labelled(first) \
            or not parse_byline(first).authors:
        return text
    tree.remove(blocks[0])
    return f"{first}\n{text}"


def _with_reprint_credit(blocks: list[Tag], index: int, text: str) -> tuple[str, int]:
    """A reprint credit is two blocks: "Theo ‹writer›" (or "Theo ‹source›") and the outlet's line under it;
    both are the byline (parse_byline tells the writer from the source)."""
    before = " ".join(lines_of(blocks[index - 1]).split()) if index else ""
    if fold_key(before).startswith("theo ") and looks_like_byline(before) and len(text) <= SIGNATURE_MAX_CHARS:
        return f"{before}\n{text}", index - 1
    after = lines_of(blocks[index + 1]) if index + 1 < len(blocks) else ""
    if after and "\n" not in after and is_outlet(after) and reprint_writer(line := " ".join(text.split())):
        return f"{line}\n{after}", index
    return text, index


def _is_signature_block(node: Tag, text: str) -> bool:
    """A short right-aligned line that is not a sentence: how portals sign ("Phòng PC04").

    The seed's byline is `<p style="text-align: right;"><strong>…</strong></p>`;
    unit signatures ("Phòng PC04", "Đội Tham mưu PC06") have no personal name
    for looks_like_byline to recognise, so the alignment is the evidence.
    """
    if len(text) > SIGNATURE_MAX_CHARS or "\n" in text or text.rstrip().endswith((".", ":", "?", "!", ";")):
        return False
    for candidate in (node, *node.iterancestors()):
        if candidate.tag in ("body", "html") or len(lines_of(candidate)) > len(text):
            break
        if is_right_aligned(candidate):
            return True
    return False


def is_right_aligned(node: Tag) -> bool:
    return bool(RIGHT_ALIGNED.search(node.get("style") or "")) or (node.get("align") or "").lower() == "right"


def lines_of(node: Tag) -> str:
    """The node's text lines, stripped, empty ones left out."""
    return "\n".join(s for s in (x.strip() for x in tree.get_text(node, "\n").split("\n")) if s)


OUTLET_MAX_CHARS = 40


def reprint_credit(root: Tag) -> str | None:
    """A reprint credit in three strings: "Theo", the writer's name (bold), the outlet (right, italic).

    VCCorp's pages (cafef, cafebiz, soha, genk…) credit a reprint so: "Theo <b>Vũ Vũ</b>" then
    `<span style="float:right">Zing</span>`; apart, the outlet's line looks like a byline and "Theo"
    like nothing.  The last such credit on the page; the strings stay (the body reads around them).
    """
    strings = [s for s in (" ".join(ref[0].split()) for ref in tree.all_strings(root) if ref[2] != tree.COMMENT) if s]
    for first, name, outlet in reversed(list(zip(strings, strings[1:], strings[2:]))):
        if fold_key(first) == "theo" and len(outlet) <= OUTLET_MAX_CHARS and is_outlet(outlet) \
                and reprint_writer(f"Theo {name}"):
            return f"Theo {name}\n{outlet}"
    return None
