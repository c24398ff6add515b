"""Page checks: a page that is not an article (WAF challenge, cut in transfer, error page served with 200).

A page is checked against these before any extraction (families.extract_article, parse_list).
Everything here is a pure function of its arguments: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import NotAnArticle
from .closed_pages import closed_message
from .empty_pages import unavailable_message

# Markers of a page that is not content.  Each row: (reason, regex on the raw
# HTML, why).  A page is checked against these before any extraction.
WAF_MARKERS = (
    # Incapsula/Imperva JS challenge (bocongan): a tiny page that sets a cookie
    # and reloads itself.  Research 1.3.
    # Another WAF's form (blind round 7): the cookie, then location.href/replace/assign to the same page.
    (re.compile(r"document\.cookie\s*=.{0,400}?(location\.reload|window\.location|location\.(?:href\s*=|replace\(|assign\())",
                re.DOTALL | re.IGNORECASE), "js-cookie-reload"),
    (re.compile(r"_Incapsula_Resource|incap_ses_|Request unsuccessful\. Incapsula", re.IGNORECASE), "incapsula"),
    (re.compile(r"cf-browser-verification|challenge-platform|Just a moment\.\.\.</title>", re.IGNORECASE), "cloudflare"),
    # A WAF's block page served with 200 (F5 ASM's words): "The requested URL was rejected. … support ID is: …".
    (re.compile(r"The requested URL was rejected\. Please consult with your administrator", re.IGNORECASE), "request-rejected"),
)
# A challenge page shows (almost) no text.  A real page behind the WAF carries
# the same markers (Incapsula injects /_Incapsula_Resource into every page it
# serves), so a marker only counts on a page with less visible text than this.
CHALLENGE_MAX_TEXT = 400
# Scripts, styles and comments, each up to its first closing tag: the same matches as
# r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->" (tests/families/test_shown_text.py), without
# trying the closing tag after every character (possessive runs of characters that cannot start it).
_SCRIPTS = re.compile(r"<(script|style|noscript)\b(?:[^<]++|<(?!/\1\s*>))*+</\1\s*>|<!--(?:[^-]++|-(?!->))*+-->",
                      re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_SCRIPT_START = re.compile(r"<(?:script|style|noscript)\b|<!--", re.IGNORECASE)  # where a _SCRIPTS match starts


def visible_chars(text: str) -> int:
    """How many non-space characters the page shows (scripts, styles and tags left out)."""
    return sum(map(len, _TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split()))  # str.split's spaces are re's \s


def shown_text(text: str, limit: int | None = None) -> str | None:
    """The page's text as visible_chars reads it: `" ".join(_TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split())`.

    With a limit, None as soon as the page is known to show at least `limit` non-space characters:
    the page is read in pieces, scripts, styles and comments (_SCRIPTS) becoming a space, then each
    tag (_TAGS).  A piece's text from the first "<" after its last ">" waits for the next piece (the
    tag may close there); every "<" before it closes within the piece, so _TAGS reads each part as it
    reads the whole text and the parts, joined, are that text.
    """
    if limit is None or len(text) <= PIECE_CHARS:  # a small page is read whole
        words = _TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split()
        return None if limit is not None and sum(map(len, words)) >= limit else " ".join(words)
    seen, pending, parts = 0, "", []
    for piece in _pieces_without_scripts(text):
        chunk = pending + piece
        cut = chunk.find("<", chunk.rfind(">") + 1)
        if cut < 0:
            cut = len(chunk)
        part, pending = _TAGS.sub(" ", chunk[:cut]), chunk[cut:]
        parts.append(part)
        if limit is not None:
            seen += sum(map(len, part.split()))
            if seen >= limit:
                return None
    parts.append(pending)  # no ">" after it: no tag in it either
    words = "".join(parts).split()
    if limit is not None and sum(map(len, words)) >= limit:
        return None
    return " ".join(words)


PIECE_CHARS = 4096


def _pieces_without_scripts(text: str) -> Iterator[str]:
    """_SCRIPTS.sub(" ", text) in pieces of at most PIECE_CHARS, computed as they are read.

    A match of _SCRIPTS starts where _SCRIPT_START does: the regex is tried at each such place in
    turn (the leftmost place where it matches is the match finditer gives), and the text is only
    searched as far as it is read.
    """
    start = 0
    for match in _script_matches(text):
        for at in range(start, match.start(), PIECE_CHARS):
            yield text[at:min(at + PIECE_CHARS, match.start())]
        yield " "
        start = match.end()
    for at in range(start, len(text), PIECE_CHARS):
        yield text[at:at + PIECE_CHARS]


def _script_matches(text: str) -> Iterator[re.Match[str]]:
    """_SCRIPTS.finditer(text), found from the places its matches can start."""
    pos = 0
    while (candidate := _SCRIPT_START.search(text, pos)) is not None:
        match = _SCRIPTS.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
            continue
        yield match
        pos = match.end()


# The first <h1>/<h2> of an error page, the whole heading (an article about a
# search "không tìm thấy" is not one).
ERROR_HEADINGS = re.compile(
    r"(?:lỗi|error|404|lỗi hệ thống|không tìm thấy trang( yêu cầu)?|trang không tồn tại|"
    r"(?:bài viết|nội dung|tin bài) không tồn tại(?: hoặc đã bị xóa)?)[.!]?",
    re.IGNORECASE,
)
# A page this short (visible characters: menu, message, footer) that says one of these is an error page.
ERROR_PAGE_MAX_TEXT = 800
ERROR_PHRASES = re.compile(
    r"không tìm thấy trang|trang không tồn tại|(?:bài viết|nội dung|tin bài) không tồn tại|đã bị xóa|"
    r"lỗi hệ thống|page not found",
    re.IGNORECASE,
)
# Every heading ERROR_HEADINGS matches holds one of these words, lowered as ERROR_PHRASE_WORDS (a word of the heading
# is one of the page's: tags become spaces); the heading regex runs only on a page that has one.
ERROR_HEADING_WORDS = ("lỗ", "error", "404", "thấy", "tồn")
# Every phrase ERROR_PHRASES matches holds one of these words (lower case, no "i"/"s": str.lower() finds
# them wherever the case-insensitive regex can match); the regex runs only on a text that has one.
ERROR_PHRASE_WORDS = ("thấy", "tồn", "xóa", "thống", "found")
# is_cut: the last text of a cut page is a paragraph stopped mid-sentence.
CUT_PROSE_MIN = 80
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", ")", ":", ";")
ERROR_TITLES = re.compile(
    r"\b(404|403|500|502|503)\b|not found|không tìm thấy|trang không tồn tại|lỗi hệ thống|"
    r"access denied|forbidden|service unavailable|bài viết không tồn tại|"
    r"^\s*(?:lỗi|error)\s*(?:$|[-|–—:])",  # "Lỗi - Công an tỉnh …" (an article may start "Lỗi vi phạm …")
    re.IGNORECASE,
)
# The error message as a whole text of its own (between two tags), wherever it stands on the page: an error page
# served with 200 may show the site's latest news beside it, more text than ERROR_PAGE_MAX_TEXT.  An article
# mentions these words inside its sentences, never as a line alone.
ERROR_LINE = re.compile(
    r">\s*(?:xin lỗi[,.!]?\s*)?(?:"
    r"không tìm thấy (?:trang|bài viết|nội dung|tin bài|tài nguyên)(?: (?:bạn |được )?yêu cầu)?|"
    r"(?:trang|bài viết|nội dung|tin bài|tin tức)(?: bạn (?:tìm kiếm|yêu cầu|truy cập))? không tồn tại"
    r"(?: hoặc đã bị (?:xóa|xoá|gỡ bỏ|gỡ))?|"
    r"(?:the )?page (?:you requested )?(?:could not be|was not|not) found|"
    r"the requested resource (?:could not be|was not) found"  # Liferay's portlet message, both languages
    r")\s*[.!]?\s*<",
    re.IGNORECASE,
)


# Words one of which every match of the WAF_MARKERS row contains (case folded):
# the case-insensitive regexes run only on a page that has one (they cost ~5 ms on 20 KB).
WAF_NEEDLES = {"js-cookie-reload": ("document.cookie",), "incapsula": ("incap",),
               "cloudflare": ("cf-browser-verification", "challenge-platform", "just a moment"),
               "request-rejected": ("requested url was rejected",)}


def check_page(text: str, *, content_type: str | None = None) -> None:
    """Raise NotAnArticle when the page is a challenge, truncated or an error."""
    if content_type and "html" not in content_type and "xml" not in content_type:
        raise NotAnArticle("not-html", f"content type {content_type}")
    head = text[:20000].casefold()
    for pattern, name in WAF_MARKERS:
        if not any(needle in head for needle in WAF_NEEDLES[name]):
            continue
        if pattern.search(text[:20000]) and visible_chars(text) < CHALLENGE_MAX_TEXT:
            raise NotAnArticle("waf-challenge", name)
    if is_cut(text):
        raise NotAnArticle("truncated", "the page does not end with </html>")  # see is_cut
    title = re.search(r"<title[^>]*>(.*?)</title>", text[:20000], re.IGNORECASE | re.DOTALL)
    if title and ERROR_TITLES.search(title.group(1)):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.IGNORECASE | re.DOTALL)
        if not (heading and len(heading.group(1)) > 40):
            raise NotAnArticle("error-page", f"title says {title.group(1).strip()[:80]!r}")
    lowered = text.lower()  # for the error tests' word prefilters, lowered once
    said = (error_heading(text, lowered) or error_line(text, lowered) or unavailable_message(text, lowered)
            or closed_message(text, lowered))
    if said:
        raise NotAnArticle("error-page", f"the page says {said[:80]!r}")


def is_cut(text: str) -> bool:
    """A page cut off in transfer, told from a whole page that lacks its closing tags.

    Real pages may end with scripts, comments or nothing after the article.  A
    page with no </body> or </html> near its end is cut when it stops inside a
    tag or a text, or when its last text is a long line of prose that stops
    mid-sentence (the article's paragraph, with no footer after it).
    """
    if re.search(r"</(?:html|body)\s*>", text[-4096:], re.IGNORECASE):
        return False
    tail = text.rstrip()
    if not tail.endswith(">"):
        return True
    if re.search(r"(?:</(?:script|style|noscript)\s*>|-->)$", tail, re.IGNORECASE):
        return False
    shown = [t for t in (" ".join(x.split()) for x in _TAGS.split(_SCRIPTS.sub(" ", tail[-4096:]))) if t]
    last = shown[-1] if shown else ""
    return len(last) >= CUT_PROSE_MIN and not last.endswith(SENTENCE_ENDS)


def error_heading(text: str, lowered: str | None = None) -> str | None:
    """What an error page served with status 200 says: its first heading, or its little text.
    `lowered`: text.lower(); a page without the words of ERROR_HEADINGS (ERROR_PHRASES) has no such heading (text)."""
    lowered = text.lower() if lowered is None else lowered
    heading = re.search(r"<(h[12])[^>]*>(.*?)</\1\s*>", text, re.IGNORECASE | re.DOTALL) \
        if any(word in lowered for word in ERROR_HEADING_WORDS) else None
    if heading:
        said = " ".join(_TAGS.sub(" ", heading.group(2)).split())
        if ERROR_HEADINGS.fullmatch(said):
            return said
    if not any(word in lowered for word in ERROR_PHRASE_WORDS):
        return None
    shown = shown_text(text, ERROR_PAGE_MAX_TEXT)
    if shown is None:  # a page with this much text is no error page
        return None
    lowered = shown.lower()
    if not any(word in lowered for word in ERROR_PHRASE_WORDS):
        return None
    found = ERROR_PHRASES.search(shown)
    return found.group(0) if found else None


# Every ERROR_LINE match holds one of these, in the case of str.lower(): each of their letters matches
# under re.IGNORECASE only itself and its capital (tests/families/test_shown_text.py), both lowered to it
# ("tồn tạ": the "i" after it also matches "ı", which lower() keeps).  Searching the lowered page for
# them costs a third of the case-insensitive regex, which then runs only on a page that has one.
ERROR_LINE_WORDS = ("tìm thấy", "tồn tạ", "found")


def error_line(text: str, lowered: str | None = None) -> str | None:
    """An error message standing alone as a text of its own (ERROR_LINE).  `lowered`: text.lower()."""
    lowered = text.lower() if lowered is None else lowered
    if not any(word in lowered for word in ERROR_LINE_WORDS):
        return None
    found = ERROR_LINE.search(text)
    return " ".join(found.group(0).strip("<>").split()) if found else None
