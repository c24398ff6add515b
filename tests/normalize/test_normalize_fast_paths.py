"""The normalizers' fast paths return exactly what the full steps return.

normalize_text / normalize_block return a string unchanged when no step would change it, and
strip_marks returns an ASCII string as it is; these tests run the full steps beside them on text
made of the characters each step acts on (and on plain text, where the fast paths are taken).
"""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.normalize.text import (
    _BASIC_MARKS_RE,
    _BEYOND_BASIC_RE,
    FORBIDDEN_CHARS,
    LINE_BREAKS,
    SPACE_CHARS,
    _block_step,
    _drop_mark,
    _text_step,
    _to_fixed_point,
    normalize_block,
    normalize_text,
    strip_marks,
)

# Every character a step acts on, Vietnamese letters composed and decomposed, and plain words.
PIECES = st.sampled_from(
    [
        *sorted(FORBIDDEN_CHARS), *sorted(SPACE_CHARS), *LINE_BREAKS, "\x00", "\x1f", "\x7f", "\x85", "\x9f",
        "\ud800", "\ufffe", "&", "&amp;", "&amp;amp;", "&#7855;", "&nbsp;", "&#x200b;", "amp;", " ", "  ", "\n",
        "\n\n", "\n\n\n", " \n", "\n ", "\u0301", "o\u0323\u0302", "ộ", "Đắk", "Nông", "hoà", "Thanh Hoá", "Công an",
        "tỉnh", "abc", "Z", "1", ".", ",", "-", ":",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=2)), max_size=14).map("".join))
PLAIN_WORDS = st.lists(st.sampled_from(["Công", "an", "tỉnh", "Đắk", "Nông", "hoà", "2024", "A.B", "x"]),
                       min_size=1, max_size=6).map(" ".join)
PLAIN_BLOCK = st.lists(st.lists(PLAIN_WORDS, min_size=1, max_size=3).map("\n".join), max_size=4).map("\n\n".join)


@settings(max_examples=600)
@given(TEXT)
def test_normalize_text_equals_the_full_steps(s):
    assert normalize_text(s) == _to_fixed_point(s, _text_step)


@settings(max_examples=600)
@given(TEXT)
def test_normalize_block_equals_the_full_steps(s):
    assert normalize_block(s) == _to_fixed_point(s, _block_step)


@given(PLAIN_WORDS)
def test_plain_text_is_returned_as_it_is(s):
    assert normalize_text(s) is s and _to_fixed_point(s, _text_step) == s


@given(PLAIN_BLOCK)
def test_plain_block_is_returned_as_it_is(s):
    assert normalize_block(s) is s and _to_fixed_point(s, _block_step) == s


@pytest.mark.parametrize("s", ["a  b", " a", "a ", "a\nb", "a&amp;b", "a\xa0b", "a\u200bb", "Ho\u0301a", "a\rb"])
def test_text_that_a_step_changes_is_not_returned_as_it_is(s):
    assert normalize_text(s) != s


@pytest.mark.parametrize("s", ["a\n\n\nb", "a \nb", "a\n b", "\na", "a\n", "a  b", "a&lt;", "Ho\u0301a"])
def test_block_that_a_step_changes_is_not_returned_as_it_is(s):
    assert normalize_block(s) != s


@given(TEXT)
def test_strip_marks_on_ascii_equals_the_full_steps(s):
    ascii_only = s.encode("ascii", "ignore").decode("ascii")
    decomposed = unicodedata.normalize("NFD", ascii_only)
    full = unicodedata.normalize("NFC", _BEYOND_BASIC_RE.sub(_drop_mark, _BASIC_MARKS_RE.sub("", decomposed)))
    assert strip_marks(ascii_only) == full == ascii_only
