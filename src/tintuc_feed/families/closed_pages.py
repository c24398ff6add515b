"""Pages served with status 200 that are closed to a reader, and list pages that say they are empty (blind round 7).

Beyond page_checks' "not found" rows and empty_pages' failure messages, the research's portals (ASP.NET, DNN,
Liferay, WordPress, the bocongan Vue shell) answer with a page of their own when the site cannot serve the article:

| CLOSED_LINES row | a text of its own that opens with                                          |
|------------------|-----------------------------------------------------------------------------|
| maintenance      | "Hệ thống đang (được) bảo trì", "Website đang nâng cấp", "… is under maintenance" |
| login wall       | "Bạn cần/phải/vui lòng đăng nhập để xem …", "You must be logged in to …"    |
| server error     | "Server Error in '/' Application." (ASP.NET's error screen)                 |

A text of its own: the whole text between two tags, or its first sentence (the maintenance notice goes on "Mong quý
độc giả thông cảm …").  A page whose paragraphs hold an article (empty_pages.ARTICLE_PARAGRAPH_CHARS) is an article
that quotes such a notice; a hidden element is a widget's message kept for its script.  (Being inside a <form> is
no sign here, unlike empty_pages: ASP.NET and DNN pages hold their whole body in one <form>.)

EMPTY_LIST: a list page whose own text says the section has no article yet ("Chưa có bài viết", "Không có bài viết
nào", "Chuyên mục này hiện chưa có bài viết.", "Không có dữ liệu") holds no list: the links beside it are the site's
side boxes (latest news), never the section's articles.  The same words inside a side box (an empty "Văn bản mới"
or poll widget beside a full list: <aside>, <nav>, sidebar/widget classes, a column named by its place, as
common.in_sidebar reads them) are the box's: the list stands.

Pure functions of the page text: no I/O, no clock.  Rows are tested one by one in tests/test_blind_round7_rows.py.
"""

from __future__ import annotations

import html
import re

from .common import in_sidebar
from .empty_pages import _HIDDEN, _NO_TEXT, ARTICLE_PARAGRAPH_CHARS, _paragraph_chars
from .page import Page

# name -> (words one of which every match holds, lowered, for the prefilter; the opening of the text)
CLOSED_LINES: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "maintenance": (("bảo trì",), re.compile(
        r"(?:hệ thống|website|trang web|trang thông tin(?: điện tử)?|cổng thông tin(?: điện tử)?)"
        r" (?:hiện )?đang (?:được )?(?:bảo trì|nâng cấp,? bảo trì)", re.IGNORECASE)),
    "upgrade": (("đang nâng cấp", "đang được nâng cấp"), re.compile(
        r"(?:hệ thống|website|trang web|trang thông tin(?: điện tử)?|cổng thông tin(?: điện tử)?)"
        r" (?:hiện )?đang (?:được )?nâng cấp\b", re.IGNORECASE)),
    "maintenance-en": (("maintenance",), re.compile(
        r"(?:(?:this |the )?(?:site|website|system) is (?:currently )?(?:down for|under) maintenance)", re.IGNORECASE)),
    "login wall": (("đăng nhập để", "đăng nhập mới"), re.compile(
        r"(?:(?:bạn|quý vị|quý độc giả) )?(?:cần|phải|vui lòng) đăng nhập (?:để|mới)"
        r" (?:xem|đọc|tiếp tục|truy cập)", re.IGNORECASE)),
    "login wall-en": (("logged in to",), re.compile(r"you must be logged in to (?:view|read|access)", re.IGNORECASE)),
    "server error": (("server error in",), re.compile(r"server error in '[^']*' application", re.IGNORECASE)),
}
EMPTY_LIST = re.compile(
    r"(?:hiện )?(?:chưa|không) có (?:bài viết|tin bài|tin tức|bản tin|dữ liệu|nội dung)(?: nào)?"
    r"(?: (?:trong|thuộc|ở) (?:chuyên mục|danh mục|mục) (?:này|được chọn))?\s*[.!]?", re.IGNORECASE)
EMPTY_LIST_WORD = "có"
EMPTY_LIST_SENTENCE = re.compile(
    r"(?:chuyên mục|danh mục|mục) này (?:hiện )?(?:chưa|không) có (?:bài viết|tin bài|tin tức|dữ liệu)(?: nào)?\s*[.!]?",
    re.IGNORECASE)

_TEXT = re.compile(r">([^<>]+)<")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _texts(text: str):
    """(position, text) of each text of its own between two tags, scripts and comments left out."""
    shown = _NO_TEXT.sub(lambda m: " " * len(m.group(0)), text)
    for found in _TEXT.finditer(shown):
        said = " ".join(found.group(1).split())
        if said:
            yield found.start(1), said


def _hidden(text: str, at: int) -> bool:
    """The element holding the text at `at` is hidden (display:none, .hidden, .d-none …)."""
    opening = text.rfind("<", 0, at)
    return opening >= 0 and bool(_HIDDEN.search(text[opening:at]))


def closed_message(text: str, lowered: str | None = None) -> str | None:
    """What a page closed to readers says instead of its article (CLOSED_LINES), or None.  A side box's own
    notice (a login widget "Vui lòng đăng nhập để tiếp tục" in the sidebar of a list page) closes nothing."""
    lowered = text.lower() if lowered is None else lowered
    rows = [pattern for words, pattern in CLOSED_LINES.values() if any(w in lowered for w in words)]
    if not rows:
        return None
    said = [s for at, s in _texts(text)
            if any(p.match(s) or p.match(_SENTENCE_END.split(s, maxsplit=1)[0]) for p in rows) and not _hidden(text, at)]
    if not said or _paragraph_chars(text) >= ARTICLE_PARAGRAPH_CHARS:
        return None
    found = said_outside_side_boxes(text, said)
    return found[:120] if found else None


def empty_list_message(text: str) -> str | None:
    """The list page's own words that its section is empty (EMPTY_LIST, a whole text), or None.

    Said only in a side box ("Văn bản mới: Không có dữ liệu", an empty poll or calendar widget beside the list),
    the words are the box's, not the section's: the page's list stands (said_outside_side_boxes)."""
    if EMPTY_LIST_WORD not in text.lower():
        return None
    said = [s for at, s in _texts(text)
            if (EMPTY_LIST.fullmatch(s) or EMPTY_LIST_SENTENCE.fullmatch(s)) and not _hidden(text, at)]
    return said_outside_side_boxes(text, said) if said else None


def said_outside_side_boxes(text: str, said: list[str]) -> str | None:
    """The first of the texts `said` that the page holds outside its side columns (common.in_sidebar: <aside>,
    <nav>, sidebar/widget classes, a column named by its place), or None.  Parsed only when a text was found."""
    wanted = {html.unescape(s): s for s in said}
    for node in Page.of(text).root.iter():
        if not isinstance(node.tag, str):
            continue
        for own in (node.text, *(child.tail for child in node)):
            found = wanted.get(" ".join((own or "").split()))
            if found is not None and not in_sidebar(node):
                return found
    return None
