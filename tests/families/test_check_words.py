"""check_page's error tests gated by words of the lowered page (issue 10): the page is lowered once, and each
case-insensitive regex (ERROR_HEADINGS' heading, ERROR_PHRASES' short page, FAILED_LINE, PLACEHOLDER) runs only
on a page holding a word every one of its matches holds.  Shown here: each word is in every match (the regex's
own parse), its letters match under re.IGNORECASE only themselves and their capitals, which str.lower() maps back
(so the lowered page has the word wherever the regex can match), and the gated readings equal the regexes alone
on generated pages and on every recorded page.
"""

from __future__ import annotations

import re
import sys
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import empty_pages, page_checks

from .golden import FIXTURES
from .regex_language import language

EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
WORDS = (*page_checks.ERROR_HEADING_WORDS, empty_pages.FAILED_WORD, empty_pages.PLACEHOLDER_WORD)


@pytest.mark.parametrize("letter", sorted(set("".join(WORDS)) - set("0123456789")))
def test_each_words_letter_matches_only_itself_and_its_capital(letter):
    matching = set(re.findall(re.escape(letter), EVERY, re.IGNORECASE))
    assert matching == {letter, letter.upper()}, letter
    assert all(c.lower() == letter for c in matching)


@pytest.mark.parametrize("digit", sorted(set("".join(WORDS)) & set("0123456789")))
def test_a_digit_matches_only_itself(digit):
    assert set(re.findall(re.escape(digit), EVERY, re.IGNORECASE)) == {digit}



def test_every_error_heading_holds_a_word():
    headings = language(sre_parse.parse(page_checks.ERROR_HEADINGS.pattern, page_checks.ERROR_HEADINGS.flags))
    assert len(headings) >= 20
    for heading in headings:
        assert page_checks.ERROR_HEADINGS.fullmatch(heading)
        for variant in (heading, heading.upper(), heading.title()):
            assert any(word in variant.lower() for word in page_checks.ERROR_HEADING_WORDS), variant


def _mandatory_literals(pattern: re.Pattern) -> str:
    """The characters the regex's top level matches literally, each run of them cut from the next by a "|"."""
    runs, run = [], ""
    for op, arg in sre_parse.parse(pattern.pattern, pattern.flags):
        if op is sre_parse.LITERAL:
            run += chr(arg)
        else:
            runs.append(run)
            run = ""
    return "|".join([*runs, run])


@pytest.mark.parametrize(("pattern", "word"), [(empty_pages.FAILED_LINE, empty_pages.FAILED_WORD),
                                               (empty_pages.PLACEHOLDER, empty_pages.PLACEHOLDER_WORD)])
def test_every_match_holds_the_word(pattern, word):
    assert word in _mandatory_literals(pattern)


def _error_heading_before(text: str) -> str | None:
    """error_heading as it was: the heading regex and the page's text read on every page."""
    heading = re.search(r"<(h[12])[^>]*>(.*?)</\1\s*>", text, re.IGNORECASE | re.DOTALL)
    if heading:
        said = " ".join(page_checks._TAGS.sub(" ", heading.group(2)).split())
        if page_checks.ERROR_HEADINGS.fullmatch(said):
            return said
    shown = page_checks.shown_text(text, page_checks.ERROR_PAGE_MAX_TEXT)
    if shown is None:
        return None
    lowered = shown.lower()
    if not any(word in lowered for word in page_checks.ERROR_PHRASE_WORDS):
        return None
    found = page_checks.ERROR_PHRASES.search(shown)
    return found.group(0) if found else None


def _readings(text: str) -> tuple:
    lowered = text.lower()
    return (page_checks.error_heading(text, lowered), empty_pages.failed_message(text, lowered),
            empty_pages.placeholder_under_title(text, lowered))


def _readings_before(text: str) -> tuple:
    return (_error_heading_before(text), empty_pages.failed_message(text), empty_pages.placeholder_under_title(text))


PIECES = st.sampled_from(
    ["<h1>", "</h1>", "<H2 class=x>", "</h2 >", "<p>", "</p>", "<br>", "<li>", "</li>", "<form>", "</form>", " ", "\n",
     "Lỗi", "LỖI", "lỗi hệ thống", "Error", "ERROR", "404", "Không tìm thấy trang", "KHÔNG TÌM THẤY", "Trang không tồn tại",
     "TỒN TẠI", "bài viết không tồn tại hoặc đã bị xóa", "Đã có lỗi xảy ra.", "ĐÃ CÓ LỖI XẢY RA", "Vui lòng thử lại sau.",
     "Nội dung đang được cập nhật", "TIN BÀI ĐANG CẬP NHẬT...", "Đang cập nhật", "page not found", "İ", "ı", "ſ",
     "<div style='display:none'>", "</div>", "Công an tỉnh", "x" * 90]
)  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join))
def test_gated_readings_equal_the_regexes_alone(text):
    assert _readings(text) == _readings_before(text)


def test_gated_readings_equal_the_regexes_alone_on_every_recorded_page():
    files = sorted(FIXTURES.glob("**/input.html"))
    assert len(files) > 100
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        assert _readings(text) == _readings_before(text), path
