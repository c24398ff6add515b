"""What normalization remembers, and its shortcuts, give exactly what the full computation gives.

Issue 10 (the fixed cost per page): parse_byline remembers its readings (a family tests a byline line,
then normalization reads the same byline), resolve_province and site_keys remember a source's constants,
fold_key skips the pass that only confirms an ASCII key, find_province tries its two rules apart and
a text once, and the date patterns are compiled once.  Each is run here beside the computation it
stands for.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.normalize import authors, date_lines, dates, mentions, provinces, site_names
from tintuc_feed.normalize import text as text_module
from tintuc_feed.normalize.text import _fold, _fold_step, _to_fixed_point, fold_key

# ---- fold_key: one pass when the key is ASCII ---------------------------------------------------------

FOLD_PIECES = st.sampled_from([
    "Công an", "tỉnh", "Đắk Lắk", "ĐẮK", "Thanh Hoá", "hòa", "ß", "ǅ", "K", "İ", "ﬁ", "Ⅻ", "½", "２０２３", "٣",
    "\u0301", "o\u0323\u0302", "&amp;", "&amp;amp;", "&#7855;", "\xa0", "\u200b", " ", "  ", "\n", "_", "-", ".",
    "ø", "Ω", "ǈ", "ﬀ", "ꭰ",
])  # fmt: skip
FOLD_TEXT = st.one_of(st.text(), st.lists(st.one_of(FOLD_PIECES, st.text(max_size=2)), max_size=12).map("".join))


@settings(max_examples=800)
@given(FOLD_TEXT)
def test_fold_equals_the_fixed_point_of_the_fold_step(s):
    assert _fold(s) == _to_fixed_point(s, _fold_step) == fold_key(s)


@settings(max_examples=800)
@given(FOLD_TEXT)
def test_an_ascii_key_is_a_fixed_point_of_the_fold_step(s):
    key = _fold_step(s)
    if key.isascii():
        assert _fold_step(key) == key


# ---- strip_marks: one table lookup per character when every character is in the table -----------------

MARKED = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x00C0, max_codepoint=0x024F), st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF), st.characters(max_codepoint=0x7F),
    st.sampled_from(["đ", "Đ", "ø", "ß", "ǅ", "\u1dc0", "\u20d0", "Ω", "\u0345"])))


@settings(max_examples=1000)
@given(st.one_of(MARKED, FOLD_TEXT))
def test_strip_marks_equals_the_full_steps(s):
    assert text_module.strip_marks(s) == text_module._strip_marks(s)


def test_the_table_holds_every_vietnamese_letter():
    vietnamese = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    for letter in vietnamese + vietnamese.upper():
        assert ord(letter) in text_module._ascii_marks_table(), letter


# ---- parse_byline remembers its readings --------------------------------------------------------------

BYLINE_PIECES = st.sampled_from([
    "Minh Quỳnh", "Bá Hiển", "Quang Khải", " - ", ", ", "; ", "/", "\n", "Theo ", "CAND", "Ảnh: ", "Khánh Hồng",
    "Nguồn: ", "Bài và ảnh: ", "Thượng úy ", "Đ/c ", "(PC02)", "(tổng hợp)", "(08/23/2011)", "NGUYỄN VĂN C",
    "H.V.", "Jr.", "By ", "Vcamp.vn", "(Vietnamnet/Reuters)", "Nhóm PV", ":", ".", "  ",
])  # fmt: skip
BYLINES = st.one_of(st.text(max_size=20), st.lists(BYLINE_PIECES, max_size=8).map("".join))


@settings(max_examples=500)
@given(BYLINES)
def test_parse_byline_remembered_equals_the_reading(raw):
    first = authors.parse_byline(raw)
    assert first == authors._parse_byline(raw)
    assert authors.parse_byline(raw) == first  # the remembered reading, asked again


def test_a_long_byline_is_read_each_time_not_remembered():
    raw = "Minh Quỳnh - " * (authors.BYLINE_CACHE_MAX_CHARS // 10)
    before = authors._parse_byline_cached.cache_info().currsize
    assert authors.parse_byline(raw) == authors._parse_byline(raw)
    assert authors._parse_byline_cached.cache_info().currsize == before


def test_the_remembered_byline_cannot_be_changed_by_a_caller():
    byline = authors.parse_byline("Minh Quỳnh - Bá Hiển")
    assert isinstance(byline.authors, tuple) and isinstance(byline.credits, tuple)
    assert authors.Byline.__dataclass_params__.frozen


def test_parse_byline_of_no_string_is_empty():
    assert authors.parse_byline(None) == authors.Byline()


# ---- resolve_province and site_keys remember a source's constants ---------------------------------------

PROVINCE_WORDS = st.sampled_from(
    [*(p.name for p in provinces.PROVINCES), *provinces.ALIASES, "tỉnh ", "TP. ", "Công an tỉnh ", " cũ", "(cũ)",
     "Hà", "Nội", "x"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=12), st.lists(PROVINCE_WORDS, max_size=3).map("".join)))
def test_resolve_province_remembered_equals_the_lookup(name):
    assert provinces.resolve_province(name) == provinces._resolve(name)
    assert provinces.resolve_province(name) == provinces._resolve(name)


def test_every_province_and_alias_resolves_as_before():
    for name in [*(p.name for p in provinces.PROVINCES), *provinces.ALIASES,
                 *(f for p in provinces.PROVINCES for f in p.absorbed)]:
        for spelled in (name, name.upper(), f"tỉnh {name}", f"{name} cũ", "x" * 101 + name):
            assert provinces.resolve_province(spelled) == provinces._resolve(spelled)


NAMES = st.one_of(st.none(), st.text(max_size=10), st.sampled_from(["VnExpress", "Dân trí", "Tuổi Trẻ Online", "CAND"]))
HOSTS = st.one_of(st.none(), st.sampled_from(["vnexpress.net", "www.dantri.com.vn", "cand.com.vn", "", "WWW.X.VN"]))


@settings(max_examples=300)
@given(st.lists(NAMES, max_size=3), HOSTS)
def test_site_keys_remembered_equal_the_keys(names, host):
    assert site_names.site_keys(names, host) == site_names._site_keys.__wrapped__(tuple(names), host)
    assert site_names.site_keys(iter(names), host) == site_names._site_keys.__wrapped__(tuple(names), host)


# ---- find_province: the two rules apart, each text once -------------------------------------------------


def _one_pattern() -> re.Pattern[str]:
    """The rule as it was written before this pass: one pattern, both branches."""
    names = sorted(provinces._index(), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    prefixes = "|".join(mentions.PLACE_PREFIXES)
    suffixes = "|".join(mentions.FORMER_SUFFIXES)
    return re.compile(rf"\b(?:(?:{prefixes}) (?P<a>{alternation})|(?P<b>{alternation}) (?:{suffixes}))\b")


FOLDED_WORDS = st.sampled_from(
    [*sorted(provinces._index()), "cong an tinh", "cong an", "tinh", "thanh pho", "tp", "dia ban", "cu", "cua",
     "ha", "noi", "x", "1", "cong an tp hcm"]
)  # fmt: skip
FOLDED = st.lists(FOLDED_WORDS, max_size=10).map(" ".join)


def _reference(key: str) -> tuple[str, bool] | None:
    m = _one_pattern().search(key)
    return None if m is None else (m.group("a") or m.group("b"), m.group("b") is not None)


@settings(max_examples=800)
@given(FOLDED)
def test_the_two_rules_apart_find_what_the_one_pattern_finds(key):
    assert mentions._mention(key) == _reference(key)


def test_the_reference_pattern_is_the_module_s():
    assert mentions._mention_pattern().pattern == _one_pattern().pattern


def _find_province_reference(texts):
    for text in texts:
        if not text:
            continue
        found = _reference(fold_key(text))
        if found:
            match = provinces.resolve_province(found[0] + (" cu" if found[1] else ""))
            if match:
                return match
    return None


TEXTS = st.lists(st.one_of(st.none(), st.lists(st.sampled_from(
    ["Công an tỉnh Đắk Lắk", "Phú Yên cũ", "TP Huế", "Hòa Bình", "chống diễn biến hòa bình", "bắt giữ", "ở",
     "Công an TP.HCM", "trên địa bàn Gia Lai", "tỉnh", "cũ"]), max_size=5).map(" ".join)), max_size=3)


@settings(max_examples=400)
@given(TEXTS)
def test_find_province_equals_the_reference(texts):
    texts = [*texts, *texts]  # a summary made from the first paragraph repeats it
    assert mentions.find_province(texts) == _find_province_reference(texts)


# ---- date patterns compiled once ------------------------------------------------------------------------


def test_compiled_date_patterns_are_the_tables():
    assert [p.pattern for p in date_lines._visible_date_res()] == [p for _, p in date_lines.VISIBLE_DATE_PATTERNS]
    assert all(p.flags & re.IGNORECASE for p in date_lines._visible_date_res())
    res = dates._machine_res()
    assert (res.iso.pattern, res.us.pattern, res.dotnet.pattern, res.rfc822.pattern, res.url_epoch.pattern,
            res.yearless.pattern) == (dates.ISO_PATTERN, dates.US_PATTERN, dates.DOTNET_PATTERN,
                                      dates.RFC822_PATTERN, dates.URL_EPOCH_PATTERN, dates.YEARLESS_PATTERN)
    assert res.us.flags & re.IGNORECASE and not res.iso.flags & re.IGNORECASE
