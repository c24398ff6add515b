"""Pages served with status 200 that hold no article, beyond page_checks.check_page's "not found" rows.

Two forms the research's portals show (table rows, one test each in tests/families/test_empty_pages.py):
- a failure message as a text of its own, between two tags: "Đã có lỗi xảy ra.", "Đã có lỗi xảy ra. Vui lòng
  thử lại sau." (a sentence that goes on, "Đã có lỗi xảy ra, mời bạn quay lại bài viết và thực hiện lại thao
  tác", is a widget's message inside a real article: not matched; nor is the message alone on a page whose
  paragraphs hold an article: a comment or rating form keeps it hidden for its script to show);
- a placeholder where the article's text would start, among the first texts under its headline:
  "Nội dung đang được cập nhật", "Tin bài đang được cập nhật...", "Đang cập nhật".  The same words in an empty
  widget further down a real article (after its date, lead and paragraphs) are not read.
"""

from __future__ import annotations

import re

FAILED_LINE = re.compile(
    r">\s*(?:xin lỗi[,.!]?\s*)?(?:đã )?(?:có|xảy ra) lỗi(?: xảy ra)?"
    r"(?: trong quá trình xử lý(?: yêu cầu)?(?: của bạn)?)?\s*[.!]?"
    r"(?:\s*(?:xin |bạn |quý vị )?vui lòng (?:thử lại(?: sau)?|quay lại sau|quay lại trang chủ)\s*[.!]?)?\s*<",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(
    r"(?:(?:nội dung|tin bài|bài viết|thông tin|tin tức)(?: này)? )?đang (?:được )?cập nhật\s*(?:\.{1,3}|…)?",
    re.IGNORECASE,
)
# A word every match of FAILED_LINE (PLACEHOLDER) holds, lowered: each of its letters matches under re.IGNORECASE only
# itself and its capital, which str.lower() maps back (tests/families/test_check_words.py); the regex then runs
# only on a page whose lowered text has it.
FAILED_WORD = "lỗ"
PLACEHOLDER_WORD = "nhật"
PLACEHOLDER_LOOK = 3  # the texts under the headline read: a date, a category line, then the body's first text
PLACEHOLDER_BEFORE_MAX = 60  # a text before the placeholder is a short line (a date, views), never a lead

_HEADLINE_END = re.compile(r"</h1\s*>", re.IGNORECASE)
_NO_TEXT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
LOOK_CHARS = 6000  # of markup after the headline
# A page whose paragraphs hold this much text is an article, whatever a widget's hidden message says (a comment
# or rating form's "Đã có lỗi xảy ra. Vui lòng thử lại sau." kept in the page for its script to show).
ARTICLE_PARAGRAPH_CHARS = 500
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_LIST_ITEM = re.compile(r"<li\b.*?</li\s*>", re.IGNORECASE | re.DOTALL)  # a latest-news list's teasers are no article
# The element holding the message is hidden (its script shows it on a failure) or sits in a form.
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|\bhidden\b|\bd-none\b|\bhide\b", re.IGNORECASE)


def failed_message(text: str, lowered: str | None = None) -> str | None:
    """A failure message standing alone (FAILED_LINE) on a page without an article's paragraphs.
    `lowered` (text.lower()): a page without FAILED_WORD has none."""
    if lowered is not None and FAILED_WORD not in lowered:
        return None
    found = FAILED_LINE.search(text)
    if found is None or _hidden_or_in_form(text, found.start()) or _paragraph_chars(text) >= ARTICLE_PARAGRAPH_CHARS:
        return None
    return " ".join(found.group(0).strip("<>").split())


def _hidden_or_in_form(text: str, at: int) -> bool:
    """The message's own element is hidden, or the message is inside a <form> (a widget's, not the page's)."""
    opening = text.rfind("<", 0, at)
    if opening >= 0 and _HIDDEN.search(text[opening:at]):
        return True
    before = text[:at].lower()
    return before.rfind("<form") > before.rfind("</form")


def _paragraph_chars(text: str) -> int:
    """The text in the page's <p> elements outside list items (scripts, styles, comments left out)."""
    shown = _LIST_ITEM.sub(" ", _NO_TEXT.sub(" ", text))
    return sum(len(" ".join(_TAG.sub(" ", p).split())) for p in _PARAGRAPH.findall(shown))


def placeholder_under_title(text: str, lowered: str | None = None) -> str | None:
    """The placeholder the page shows where its article would start (PLACEHOLDER), or None.
    `lowered` (text.lower()): a page without PLACEHOLDER_WORD has none."""
    if lowered is not None and PLACEHOLDER_WORD not in lowered:
        return None
    end = _HEADLINE_END.search(text)
    if end is None:
        return None
    after = _NO_TEXT.sub(" ", text[end.end():end.end() + LOOK_CHARS])
    texts = [t for t in (" ".join(p.split()) for p in _TAG.split(after)) if t]
    for shown in texts[:PLACEHOLDER_LOOK]:
        if PLACEHOLDER.fullmatch(shown):
            return shown
        if len(shown) > PLACEHOLDER_BEFORE_MAX:
            return None
    return None


def unavailable_message(text: str, lowered: str | None = None) -> str | None:
    """What a page with no article says instead of one: a failure message or a placeholder under its title.
    `lowered`: text.lower(), for the word prefilters."""
    return failed_message(text, lowered) or placeholder_under_title(text, lowered)
