"""The normalizers' fast paths return exactly what the full steps return.

normalize_text / normalize_block return a string unchanged when no step would change it, and
strip_marks returns an ASCII string as it is; these tests run the full steps beside them on text
made of the characters each step acts on (and on plain text, where the fast paths are taken).
"""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.normalize import authors, byline_names, date_lines
from tintuc_feed.normalize.byline_tables import GROUP_NAMES, HONORIFICS, MENU_LABELS, RANKS
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
    fold_key,
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


# ---- date lines: a line without a digit has no date part -----------------------------------

DATE_PIECES = st.sampled_from(
    ["Thứ Bảy", "thứ 2", "ngày", "tháng", "năm", "lúc", "Cập nhật:", "GMT+7", "(GMT+7)", "02/06/2023", "2023-06-02",
     "1 tháng 6 năm 2023", "14:24", "14h24", "9 giờ 15 phút", "7:56 SA", "10:03 sáng", "2 giờ trước", "hôm qua",
     "Hôm nay", "vừa xong", "| ", " - ", "/", ".", "-", ":", " ", "\u0661\u0662/\u0660\u0666/\u0662\u0660\u0662\u0663",
     "２０２３-０６-０２", "tháng Sáu", "T7", "CN"]
)  # fmt: skip
DATE_LINES = st.lists(st.one_of(DATE_PIECES, st.text(max_size=2)), max_size=10).map("".join)


@settings(max_examples=500)
@given(DATE_LINES)
def test_is_date_line_equals_the_full_reading(line):
    now = date_lines._aware(date_lines._CLASSIFY_NOW)
    text = normalize_text(line)
    full = date_lines._date_part(text, now) is not None or date_lines._relative(text, now) is not None
    assert date_lines.is_date_line(line) == full


@settings(max_examples=500)
@given(DATE_LINES)
def test_no_date_pattern_matches_without_a_digit(line):
    bare = "".join(ch for ch in line if not ch.isdecimal())
    assert date_lines._find_date(bare, date_lines._aware(date_lines._CLASSIFY_NOW)) is None


# ---- bylines: the tables compiled and folded once give the same readings ------------------------------

def test_compiled_byline_tables_are_the_tables():
    assert [k for _, k in authors._label_res()] == [k for _, k in authors.LABELS]
    assert [p.pattern for p, _ in authors._label_res()] == [p for p, _ in authors.LABELS]
    assert byline_names._prefix_keys() == tuple((len(p.split()), fold_key(p)) for p in RANKS + HONORIFICS)
    assert byline_names._menu_keys() == {fold_key(label) for label in MENU_LABELS}
    assert [p.pattern for p in byline_names._group_res()] == list(GROUP_NAMES)
    assert [p.pattern for p in authors._credit_res()] == [rf"{p}\b" for p in authors.CREDIT_MARKERS]


@pytest.mark.parametrize(("raw", "name"), [
    ("Thượng úy Nguyễn Văn Hùng", "Nguyễn Văn Hùng"),
    ("Đại uý Đồng chí Trần Văn A", "Trần Văn A"),  # a rank then an honorific: both removed
    ("Đ/c Lê Thị B", "Lê Thị B"),
    ("Phóng viên", "Phóng viên"),  # an honorific alone is kept: no name follows
    ("THƯỢNG TÁ NGUYỄN VĂN C", "Nguyễn Văn C"),
])
def test_strip_prefixes_rows(raw, name):
    assert authors.clean_name(raw).name == name
