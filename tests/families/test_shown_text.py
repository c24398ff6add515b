"""page_checks.shown_text reads a page piece by piece exactly as the whole-text regexes read it.

error_heading asks it whether a page shows fewer than ERROR_PAGE_MAX_TEXT characters and, only
then, for the page's text; these tests put it beside the whole-text formula on HTML-like text
cut into pieces as small as three characters (a tag, a script or a comment across every boundary),
and check the word prefilter of ERROR_PHRASES against every phrase the regex can match.
"""

import re
import sys
from re import _parser as sre_parse  # the regex's own parse tree: the finite language of ERROR_PHRASES

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import page_checks

from .regex_language import language

PIECES = st.sampled_from(
    ["<", ">", "<>", "<p>", "</p>", "<br/>", "<a href='x>y'>", "<script>", "</script>", "<SCRIPT type=x>",
     "</script >", "<style>", "</style>", "<noscript>", "</noscript>", "<!--", "-->", "<!-- c -->", "a", "Ừ",
     "không tìm thấy trang", "x < y", "y > x", " ", "\n", "\t", "\xa0", "\u2003", "\x1c", "lỗi hệ thống"]
)  # fmt: skip
HTML = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)
# The scripts pattern as first written: a lazy scan for the closing tag.
LAZY_SCRIPTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
SCRIPT_PIECES = st.sampled_from(
    ["<script", "<SCRIPT", "<ſcript", "<scrıpt", "<style", "<noscript", "<scripts", ">", "</script>", "</ScRiPt >",
     "</ſcript>", "</script\n>", "</style>", "</noscript>", "</script", "<", "/", "-", "--", "<!--", "<!---", "-->",
     "--->", "<!-->", "a", " ", "\n", "x<y"]
)  # fmt: skip
SCRIPTED = st.lists(st.one_of(SCRIPT_PIECES, st.text(max_size=2)), max_size=30).map("".join)


def reference(text: str) -> str:
    return " ".join(page_checks._TAGS.sub(" ", page_checks._SCRIPTS.sub(" ", text)).split())


@settings(max_examples=400)
@given(HTML, st.integers(min_value=0, max_value=60), st.sampled_from([1, 3, 7, 4096]))
def test_shown_text_equals_the_whole_text_regexes(text, limit, piece_chars):
    old = page_checks.PIECE_CHARS
    page_checks.PIECE_CHARS = piece_chars
    try:
        whole = reference(text)
        visible = len(re.sub(r"\s+", "", page_checks._TAGS.sub(" ", page_checks._SCRIPTS.sub(" ", text))))
        assert page_checks.shown_text(text) == whole
        assert page_checks.shown_text(text, limit) == (None if visible >= limit else whole)
        assert page_checks.visible_chars(text) == visible
    finally:
        page_checks.PIECE_CHARS = old


@settings(max_examples=1000)
@given(SCRIPTED)
def test_scripts_pattern_finds_what_the_lazy_pattern_finds(text):
    expected = [m.span() for m in LAZY_SCRIPTS.finditer(text)]
    assert [m.span() for m in page_checks._SCRIPTS.finditer(text)] == expected
    assert [m.span() for m in page_checks._script_matches(text)] == expected


def test_a_long_page_stops_early_and_a_short_one_is_read_whole():
    page = "<html><body>" + "<p>Công an tỉnh</p>" * 2000 + "<h1>Lỗi hệ thống</h1></body></html>"
    assert page_checks.shown_text(page, page_checks.ERROR_PAGE_MAX_TEXT) is None
    assert page_checks.shown_text(page[:300] + "</body></html>", page_checks.ERROR_PAGE_MAX_TEXT).startswith("Công an tỉnh")


def test_str_split_spaces_are_the_regex_spaces():
    """visible_chars counts with str.split(), the old code removed re's \\s: the same characters."""
    assert all(bool(re.fullmatch(r"\s", chr(c))) == chr(c).isspace() for c in range(sys.maxunicode + 1))



def test_every_error_phrase_holds_a_prefilter_word():
    phrases = language(sre_parse.parse(page_checks.ERROR_PHRASES.pattern, page_checks.ERROR_PHRASES.flags))
    assert len(phrases) >= 8
    for phrase in phrases:
        assert page_checks.ERROR_PHRASES.fullmatch(phrase)
        for variant in (phrase, phrase.upper(), phrase.title()):
            assert any(word in variant.lower() for word in page_checks.ERROR_PHRASE_WORDS), variant
    for word in page_checks.ERROR_PHRASE_WORDS:  # str.lower() and the regex's case folding agree on these letters
        assert word == word.lower() and not set(word) & set("iısſkK")


@pytest.mark.parametrize(("said", "page"), [
    ("Không tìm thấy trang", "<html><body><p>Không tìm thấy trang</p></body></html>"),
    ("Page not found", "<html><body><div>Page <b>not</b> found</div></body></html>"),
    (None, "<html><body>" + "<p>Không tìm thấy trang yêu cầu. " + "Tin tức " * 200 + "</p></body></html>"),
    (None, "<html><body><p>Bài viết về an ninh</p></body></html>"),
])
def test_error_heading_reads_short_pages_only(said, page):
    assert page_checks.error_heading(page) == said


def test_error_line_words_letters_match_only_themselves_and_their_capitals():
    """error_line searches the lowered page for ERROR_LINE_WORDS before running ERROR_LINE (case-insensitive):
    every character that re.IGNORECASE matches to one of their letters lowers to that letter."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in set("".join(page_checks.ERROR_LINE_WORDS)) - {" "}:
        matching = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        assert matching == {letter, letter.upper()}, letter
        assert all(c.lower() == letter for c in matching)


LINE_PIECES = st.sampled_from(
    [">", "<", " ", "\n", "Xin lỗi, ", "XIN LỖI! ", "không tìm thấy ", "Không Tìm Thấy ", "KHÔNG TÌM THẤY ", "trang",
     "bài viết", "Nội dung", "tin tức", " bạn yêu cầu", " bạn tìm kiếm", " không tồn tại", " KHÔNG TỒN TẠI",
     " không tồn tạı", " KHÔNG TỒN TẠİ", " hoặc đã bị xóa", "The page ", "PAGE ", "page you requested ", "not ",
     "could not be ", "was not ", "found", "FOUND", "fouND", ".", "!", "<p>", "</p>", "x", "İ", "ı"]
)  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=2)), max_size=25).map("".join))
def test_error_line_reads_as_the_regex_alone(text):
    found = page_checks.ERROR_LINE.search(text)
    assert page_checks.error_line(text) == (" ".join(found.group(0).strip("<>").split()) if found else None)


@pytest.mark.parametrize("line", ["Không tìm thấy trang yêu cầu", "Bài viết không tồn tại hoặc đã bị xóa",
                                  "TIN TỨC BẠN TRUY CẬP KHÔNG TỒN TẠİ", "Page not found", "The page could not be FOUND"])
def test_each_error_line_form_is_found(line):
    assert page_checks.error_line(f"<html><body><div>x</div><p> {line}. </p></body></html>") is not None
