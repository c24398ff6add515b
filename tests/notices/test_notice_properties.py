"""Properties (hypothesis, derandomized so CI runs are repeatable): reading a notice never raises,
every phone number is E.164 (+84…) or dropped, every span is exact."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from notice_cases import every_case

from tintuc_feed.notices import notice_json, read_notice
from tintuc_feed.notices.phones import to_e164
from tintuc_feed.notices.text import SEPARATOR

E164 = re.compile(r"^\+84\d{8,10}$")
# Pieces of real notices, numbers and punctuation, shuffled: what breaks regexes.
PIECES = sorted({w for case in every_case() for w in (case["title"] + " " + case["text"]).split()})
NOISE = st.sampled_from(["+84", "(+84)", "0", ".", " ", "\n\n", ";", ":", "\"", "“", "”", "/", "-", "(", ")",
                         "Họ và tên:", "sinh năm", "Quyết định truy nã số", "số tài khoản", "https://", ".com",
                         "giả danh", "đề nghị liên hệ", "trước ngày", "e\u0301", "\u200b"])
WORDS = st.one_of(st.sampled_from(PIECES), NOISE, st.text(max_size=6), st.from_regex(r"\d{1,12}", fullmatch=True))
TEXTS = st.lists(WORDS, max_size=60).map(" ".join)
TITLES = st.sampled_from(["Thông báo truy nã", "Thông báo đình nã", "Cảnh báo lừa đảo giả danh Công an",
                          "Thông báo tìm người bị hại", "Tin tức"]) | TEXTS


def _phones(value, key=None):
    if isinstance(value, dict):
        if {"value", "start", "end", "text"} <= value.keys():
            if key in ("phones", "contact_phones"):
                yield value["value"]
            return
        for k, item in value.items():
            yield from _phones(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _phones(item, key)


def _spans(value):
    if isinstance(value, dict):
        if {"value", "start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(TITLES, TEXTS)
def test_reading_never_raises_and_phones_are_e164(title, text):
    record = notice_json(read_notice(title, text, ""))
    assert record["kind"] in ("wanted", "withdrawal", "fraud", "appeal", "story")
    for phone in _phones(record["fields"]):
        assert E164.match(phone), phone
    document = title + SEPARATOR + text
    for span in _spans(record["fields"]):
        if span["text"] is not None:
            assert document[span["start"]:span["end"]] == span["text"]


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.text(alphabet="0123456789+ .-()", max_size=20))
def test_to_e164_is_e164_or_none(raw):
    value = to_e164(raw)
    assert value is None or E164.match(value)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_text_reads(title, text):
    read_notice(title, text, text)
