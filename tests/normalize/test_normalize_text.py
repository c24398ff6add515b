"""normalize_text / normalize_block / fold_key: one case or more per table row."""

import unicodedata

import pytest

from tintuc_feed.normalize.text import (
    FORBIDDEN_CHARS,
    SPACE_CHARS,
    fold_key,
    normalize_block,
    normalize_text,
    remove_illegal_xml_chars,
)

NFD_VIET = unicodedata.normalize("NFD", "Công an tỉnh Việt Nam một cộng nặng")

TEXT_CASES = [
    ("Đề án;\xa0triển khai", "Đề án; triển khai"),  # the seed's NBSP
    (NFD_VIET, "Công an tỉnh Việt Nam một cộng nặng"),  # decomposed input (BBC, macOS exports)
    ("C\u034fô\u034fn\u034fg\u034f a\u034fn\u034f", "Công an"),  # research 8.3 spam mirror
    ("Công\u200b an\u200c tỉnh\u200d", "Công an tỉnh"),  # zero-width characters
    ("\ufeffTin mới", "Tin mới"),  # BOM at the start of a scraped string
    ("hiện\u00adđại", "hiệnđại"),  # soft hyphen is invisible
    ("a\u2060b\u200ec\u202ad", "abcd"),  # word joiner, LRM, bidi embedding
    ("a\x00b\x08c\x1fd\x7fe\x9ff", "abcdef"),  # C0/C1 controls, XML-illegal
    ("a\ud800b", "ab"),  # lone surrogate
    ("a\ufffeb\uffff", "ab"),  # XML-illegal noncharacters
    ("&quot;Đẩy mạnh&quot; &amp; hiện đại", '"Đẩy mạnh" & hiện đại'),  # entities
    ("Tom &amp;amp; Jerry", "Tom & Jerry"),  # double-escaped (Hanoi API Description)
    ("&#272;&#7855;k", "Đắk"),  # numeric entities
    ("a&#8203;b", "ab"),  # an entity that decodes to an invisible char
    ("a&nbsp;b", "a b"),  # entity NBSP
    ("  Tin \t tức\n\nmới\r\n ", "Tin tức mới"),  # whitespace collapsed to one line
    ("a\u2003b\u202fc\u3000d", "a b c d"),  # em space, narrow NBSP, ideographic space
    ("hoà hòa Thanh Hoá Thanh Hóa Đăk Đắk", "hoà hòa Thanh Hoá Thanh Hóa Đăk Đắk"),  # spelling kept
    ("", ""),
    ("\u200b \xa0", ""),
]


@pytest.mark.parametrize(("raw", "expected"), TEXT_CASES)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_text_output_is_nfc():
    out = normalize_text(NFD_VIET)
    assert unicodedata.is_normalized("NFC", out)
    assert len(out) < len(NFD_VIET)


@pytest.mark.parametrize("ch", sorted(FORBIDDEN_CHARS))
def test_every_forbidden_char_is_removed(ch):
    assert normalize_text(f"a{ch}b") == "ab"


@pytest.mark.parametrize("ch", sorted(SPACE_CHARS))
def test_every_space_char_becomes_a_space(ch):
    assert normalize_text(f"a{ch}b") == "a b"


BLOCK_CASES = [
    ("Đoạn một.\n\nĐoạn hai.", "Đoạn một.\n\nĐoạn hai."),
    ("Dòng một\nDòng hai", "Dòng một\nDòng hai"),  # lines within a paragraph kept
    ("A\n \n\n\t\nB", "A\n\nB"),  # several blank lines: one paragraph break
    ("A\r\nB\rC", "A\nB\nC"),  # CR LF and CR
    ("A\u2029B\u2028C", "A\n\nB\nC"),  # Unicode paragraph and line separators
    ("  A  \xa0 x \n\n\n  B  ", "A x\n\nB"),
    ("\n\nA\n\n", "A"),
    ("A&#10;B", "A\nB"),  # an encoded newline is a line break, not a paragraph break
]


@pytest.mark.parametrize(("raw", "expected"), BLOCK_CASES)
def test_normalize_block(raw, expected):
    assert normalize_block(raw) == expected


FOLD_EQUAL = [
    ("Thanh Hoá", "Thanh Hóa"),  # old / new tone placement
    ("hoà", "hòa"),
    ("thuỷ", "thủy"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("Đăk Nông", "Đắk Nông"),  # Đăk / Đắk
    ("Đăk Lăk", "Dak Lak"),
    ("Thanh Hóá", "Thanh Hoa"),  # research 8.2: doubled diacritic typo
    ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),  # punctuation to spaces
    ("TP.HCM", "tp hcm"),
    (NFD_VIET, "cong an tinh viet nam mot cong nang"),  # NFD dot-below before circumflex
    ("C\u034fô\u034fn\u034fg", "cong"),
]


@pytest.mark.parametrize(("a", "b"), FOLD_EQUAL)
def test_fold_key_equates(a, b):
    assert fold_key(a) == fold_key(b)


FOLD_DIFFERENT = [
    ("Hà Nội", "Hà Nam"),
    ("Quảng Nam", "Quảng Ninh"),
    ("an", "anh"),
]


@pytest.mark.parametrize(("a", "b"), FOLD_DIFFERENT)
def test_fold_key_keeps_different_words_apart(a, b):
    assert fold_key(a) != fold_key(b)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Đắk Nông", "dak nong"), ("  ĐẠI TÁ, Nguyễn_Văn  A! ", "dai ta nguyen van a"), ("", "")],
)
def test_fold_key_values(raw, expected):
    assert fold_key(raw) == expected


def test_display_text_is_not_folded():
    assert normalize_text("Thanh Hoá") != normalize_text("Thanh Hóa")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\x01b\x0bc\td\ne\rf", "abc\td\ne\rf"), ("\ud83d", ""), ("😀ok", "😀ok")],
)
def test_remove_illegal_xml_chars(raw, expected):
    assert remove_illegal_xml_chars(raw) == expected


@pytest.mark.parametrize("func", [normalize_text, normalize_block, fold_key])
def test_non_str_gives_empty(func):
    assert func(None) == ""
