"""fold_key's plain-text path (issue 10): a string that is its own normalize_text and whose letters lose their marks to
ASCII is folded by one NFD and an ASCII translate; these tests run the full steps (_fold_step to a fixed point, as
fold_key did) beside it on generated text and on every string of the recorded pages."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import tree
from tintuc_feed.normalize import text as T

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _fold_before(s: str) -> str:
    return T._to_fixed_point(s, T._fold_step)


PIECES = st.sampled_from(
    ["Công", "an", "tỉnh", "Đắk", "ĐẮK", "Lắk", "hoà", "Hoá", "đ", "Đ", "ǅ", "İ", "ı", "ß", "ﬁ", "Ω", "µ", "ø", "æ",
     "o\u0323\u0302", "\u0301", "\u0345", "\u1dc0", "\u20d0", "e\u0302\u0301", "２", "²", "½", "_", "-", ".", ":", " ",
     "  ", "\n", "\t", "\xa0", "\u200b", "&amp;", "&#7855;", "x", "Z", "9", "'", "\x1c", "\x7f"]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=2)), max_size=12).map("".join))


@settings(max_examples=3000)
@given(TEXT)
def test_fold_equals_the_full_steps(s):
    assert T._fold(s) == _fold_before(s)
    key = T._plain_ascii_key(s)
    assert key is None or (key == T._fold_step(s) and key.isascii())


def test_plain_vietnamese_takes_the_fast_path():
    assert T._plain_ascii_key("Công an tỉnh Đắk Lắk: ra quân") == "cong an tinh dak lak ra quan"
    assert T._plain_ascii_key(" Công") is None  # not its own normalize_text
    assert T._plain_ascii_key("Ωmega") is None  # a letter that keeps no ASCII form


def test_the_translate_table_is_the_punctuation_pattern_on_ascii():
    for c in range(128):
        assert (chr(c).translate(T._ASCII_PUNCT_SPACES) == " ") == bool(T._FOLD_PUNCT_RE.fullmatch(chr(c)))


def test_fold_equals_the_full_steps_on_every_recorded_string():
    files = sorted(FIXTURES.glob("families/**/input.html")) + sorted(FIXTURES.glob("blind/**/input.html"))
    assert len(files) > 60
    seen = 0
    for path in files:
        root = tree.parse(path.read_bytes().decode("utf-8", "replace"))
        for text, _, _ in tree.all_strings(root):
            for s in (text, " ".join(text.split()), *text.split()):
                assert T._fold(s) == _fold_before(s), s
                seen += 1
    assert seen > 10_000


def test_every_code_point_alone():
    for c in range(sys.maxunicode + 1):
        s = chr(c)
        key = T._plain_ascii_key(s)
        assert key is None or key == _fold_before(s), hex(c)
