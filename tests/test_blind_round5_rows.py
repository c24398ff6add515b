"""Rows of the tables the fifth blind round (tests/fixtures/blind/*/r5_*) led to, one test each.

- the month written in words, as WordPress's Vietnamese locale prints `the_date()` ("F j, Y": "Tháng Mười Một
  25, 2025"; "j F, Y": "25 Tháng Mười Một, 2025"): normalize/date_lines.py VISIBLE_DATE_PATTERNS rows
  month_name_first and day_month_name, MONTH_WORDS;
- a photo credit alone under the signature ("Lê Văn Hùng", then "(Ảnh: Duy Thái)", both right-aligned at the end of
  the body) gave no author: the credit was taken as the byline.  The signature above it is now read with it
  (families/byline_lines.py _with_signature_above; parse_byline tells the writer from the photographer).
The crawl-level rows (fetch_errors.py, moved_site.py, crawl_policy.redirect_detail) have their own files:
tests/test_fetch_errors.py, tests/test_moved_site.py and the loopback crawls of tests/faults/test_round5_crawl.py.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tintuc_feed import families
from tintuc_feed.normalize.authors import parse_byline
from tintuc_feed.normalize.date_lines import MONTH_WORDS, is_date_line
from tintuc_feed.normalize.dates import parse_date
from tintuc_feed.normalize.text import fold_key
from tintuc_feed.sources import load_sources

NOW = datetime(2025, 11, 29, 8, 0)
MONTHS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai"]


@pytest.mark.parametrize(("number", "word"), list(enumerate(MONTHS, start=1)))
@pytest.mark.parametrize("form", ["Tháng {w} 5, 2024", "5 Tháng {w}, 2024", "5 tháng {w} 2024", "tháng {w} 5, 2024 lúc 10:05"])
def test_each_month_word_in_each_wordpress_form(number, word, form):
    parsed = parse_date(form.format(w=word), "text", now=NOW)
    assert parsed is not None and (parsed.value.year, parsed.value.month, parsed.value.day) == (2024, number, 5)
    assert is_date_line(form.format(w=word))


def test_a_time_beside_the_month_words_is_kept():
    parsed = parse_date("Tháng Mười Một 25, 2025 2:24 CH", "text", now=NOW)
    assert (parsed.value.isoformat(), parsed.precision) == ("2025-11-25T14:24:00+07:00", "datetime")


def test_the_month_table_covers_twelve_months_once():
    assert sorted(set(MONTH_WORDS.values())) == list(range(1, 13))
    assert all(fold_key(word).replace(" ", "") == word.replace(" ", "") for word in MONTH_WORDS)


@pytest.mark.parametrize("line", [
    "Tháng năm 2025",  # a month and year, no day: not a date
    "Tháng Mười Một vừa qua, 25 cán bộ được khen thưởng năm 2025",  # prose
    "Ngày 25 tháng Mười Một, lực lượng Công an đã bắt giữ đối tượng",  # no year, a sentence
])
def test_prose_and_partial_forms_are_not_date_lines(line):
    assert not is_date_line(line)


# --- a photo credit under the signature ----------------------------------------------------------------------

SOURCE = next(s for s in load_sources() if s.id == "congan-khanh-hoa")
URL = "https://congan.khanhhoa.gov.vn/tin-tuc/giai-cuu-ngu-dan-gap-nan-tren-bien-8940.html"
PROSE = "".join(f"<p>Đoạn {i}: lực lượng Công an đã phối hợp giải cứu ngư dân, bảo đảm an toàn cho người và tàu cá "
                "trên vùng biển của tỉnh trong mùa mưa bão.</p>" for i in range(4))
RIGHT = '<p style="text-align:right">{}</p>'


def _page(ending: str) -> str:
    return ('<html lang="vi"><head><meta charset="utf-8"><title>Giải cứu ngư dân gặp nạn trên biển</title></head><body>'
            '<div class="nav"><a href="/">Trang chủ</a></div><div class="detail"><h1>Giải cứu ngư dân gặp nạn trên biển'
            '</h1><div class="date">18/11/2025 15:20</div><div class="content">' + PROSE + ending +
            "</div></div></body></html>")


@pytest.mark.parametrize(("ending", "authors", "credit"), [
    (RIGHT.format("<strong>Lê Văn Hùng</strong>") + RIGHT.format("<em>(Ảnh: Duy Thái)</em>"), ["Lê Văn Hùng"],
     "Ảnh: Duy Thái"),
    (RIGHT.format("<b>Minh Quỳnh - Bá Hiển</b>") + RIGHT.format("Ảnh: Minh Hậu"), ["Minh Quỳnh", "Bá Hiển"],
     "Ảnh: Minh Hậu"),
    (RIGHT.format("<strong>Phòng PV01</strong>") + RIGHT.format("<em>Ảnh: CABG</em>"), ["Phòng PV01"], "Ảnh: CABG"),
    # a credit under body text is no signature: no author, the sentence stays in the body
    ("<p>Các ngư dân đã được đưa vào bờ an toàn.</p>" + RIGHT.format("<em>(Ảnh: BCA)</em>"), [], None),
])
def test_a_photo_credit_under_the_signature_leaves_the_signature_as_author(ending, authors, credit):
    raw = families.extract_article(SOURCE, URL, _page(ending))
    byline = parse_byline(raw.byline or "")
    assert [a.name for a in byline.authors] == authors
    if credit:
        assert credit in byline.credits and credit not in (raw.body_html or "")
    else:
        assert "Các ngư dân đã được đưa vào bờ an toàn." in raw.body_html
