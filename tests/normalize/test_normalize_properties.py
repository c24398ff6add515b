"""Property tests: every normalizer is total, idempotent where that applies, and NFC-clean."""

import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.model import DATE_ORIGINS, RawDate
from tintuc_feed.normalize import (
    clean_title,
    find_date_line,
    fold_key,
    is_date_line,
    looks_like_byline,
    normalize_block,
    normalize_text,
    parse_byline,
    parse_date,
    pick_published,
    resolve_province,
)
from tintuc_feed.normalize.text import FORBIDDEN_CHARS, SPACE_CHARS, remove_illegal_xml_chars

VN = ZoneInfo("Asia/Ho_Chi_Minh")

# Text biased towards what breaks things: Vietnamese letters (composed and
# decomposed), combining marks, invisible and XML-illegal characters,
# entities, separators, digits and date punctuation.
PIECES = st.sampled_from(
    [
        "Đắk", "Nông", "hoà", "Thanh Hoá", "ộ", "o\u0323\u0302", "\u0301", "\u034f", "\u200b", "\ufeff", "\xa0",
        "\u00ad", "\x00", "\x0b", "\ud800", "\ufffe", "&amp;", "&amp;amp;", "&#7855;", "&#x200b;", "&nbsp;", "&",
        "amp;", "\n", "\n\n", "\r\n", "\u2028", "\u2029", " - ", " | ", ":", "(", ")", ",", ";", " và ", "Ảnh:",
        "Theo ", "Thượng úy ", "02/06/2023", "14:24", "GMT+7", "Thứ Bảy, ", "M.TÍN", "1/12/2023 7:56:00 AM", "Z",
        "2026-07-06T04:18:59.398Z", "/bai-viet/x-1783311539", "hôm qua", "2 giờ trước", "Công an tỉnh ", "cũ",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=12).map("".join))


def is_clean(s: str) -> bool:
    return (
        unicodedata.is_normalized("NFC", s)
        and not any(ch in FORBIDDEN_CHARS for ch in s)
        and remove_illegal_xml_chars(s) == s
    )


@settings(max_examples=400)
@given(TEXT)
def test_normalize_text_properties(s):
    out = normalize_text(s)
    assert normalize_text(out) == out
    assert is_clean(out)
    assert "\n" not in out and "  " not in out and out == out.strip()
    assert not any(ch in SPACE_CHARS for ch in out)


@settings(max_examples=400)
@given(TEXT)
def test_normalize_block_properties(s):
    out = normalize_block(s)
    assert normalize_block(out) == out
    assert is_clean(out)
    assert "\n\n\n" not in out and out == out.strip()
    assert all(line == normalize_text(line) for line in out.split("\n") if line)


@settings(max_examples=400)
@given(TEXT)
def test_fold_key_properties(s):
    out = fold_key(s)
    assert fold_key(out) == out
    assert is_clean(out)
    assert out == out.lower()
    assert "đ" not in out and not any(unicodedata.category(ch) == "Mn" for ch in out)


@given(TEXT)
def test_fold_key_ignores_case_and_tone_placement(s):
    assert fold_key(s.replace("hòa", "hoà")) == fold_key(s.replace("hoà", "hòa"))


@settings(max_examples=300)
@given(TEXT, st.lists(st.text(max_size=20), max_size=3))
def test_clean_title_properties(s, site_names):
    out = clean_title(s, site_names)
    assert clean_title(out, site_names) == out
    assert is_clean(out)
    assert (out == "") == (normalize_text(s) == "")  # never strips a title to nothing


NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)).map(lambda d: d.replace(tzinfo=VN))


@settings(max_examples=400)
@given(TEXT, st.sampled_from(DATE_ORIGINS), NOWS)
def test_parse_date_never_raises_and_is_plausible(s, origin, now):
    parsed = parse_date(s, origin, now=now)
    if parsed is not None:
        assert parsed.value.tzinfo == VN
        assert parsed.precision in ("date", "datetime")
        assert parsed.value <= now + timedelta(days=1)
        assert parsed.raw == s and parsed.origin == origin
        if parsed.precision == "date":
            assert (parsed.value.hour, parsed.value.minute, parsed.value.second) == (0, 0, 0)


@given(st.dates(min_value=datetime(1996, 1, 1).date(), max_value=datetime(2026, 7, 1).date()))
def test_any_visible_day_first_date_round_trips(day):
    now = datetime(2026, 7, 7, tzinfo=VN)
    raw = f"{day.day:02d}/{day.month:02d}/{day.year}"
    parsed = parse_date(raw, "text", now=now)
    assert parsed.value.date() == day and parsed.precision == "date"
    assert find_date_line(["Ngày " + raw + ", Công an tỉnh tổ chức hội nghị", raw]) == 1


@given(st.lists(st.tuples(TEXT, st.sampled_from(DATE_ORIGINS)), max_size=4))
def test_pick_published_never_raises(items):
    now = datetime(2026, 7, 7, tzinfo=VN)
    picked = pick_published([RawDate(raw, origin) for raw, origin in items], now=now)
    if picked is not None:
        first = next(parse_date(r, o, now=now) for r, o in items if parse_date(r, o, now=now))
        assert picked == first


@given(st.lists(TEXT, max_size=5))
def test_find_date_line_never_raises(lines):
    index = find_date_line(lines)
    assert index is None or is_date_line(lines[index])


@settings(max_examples=400)
@given(st.one_of(st.none(), TEXT))
def test_parse_byline_properties(s):
    byline = parse_byline(s)
    assert byline.raw == (s if s and s.strip() else None)
    for author in byline.authors:
        assert author.name and is_clean(author.name) and author.name == normalize_text(author.name)
        assert fold_key(author.name) not in ("admin",)
    for credit in byline.credits:
        assert credit and is_clean(credit)
    assert byline.origin is None or (byline.origin and is_clean(byline.origin))


@given(TEXT)
def test_looks_like_byline_and_resolve_never_raise(s):
    assert looks_like_byline(s) in (True, False)
    match = resolve_province(s)
    assert match is None or match.unit
