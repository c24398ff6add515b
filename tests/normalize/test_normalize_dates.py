"""parse_date / pick_published / find_date_line: real strings from research section 5 first."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed.model import RawDate
from tintuc_feed.normalize.dates import (
    DATE_LINE_LABELS,
    DAY_PERIODS,
    EARLIEST_YEAR,
    RELATIVE_PATTERNS,
    VISIBLE_DATE_PATTERNS,
    find_date_line,
    is_date_line,
    is_plausible,
    parse_date,
    pick_published,
)
from tintuc_feed.normalize.text import fold_key

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 7, 7, 12, 0, tzinfo=VN)
D, DT = "date", "datetime"


def vn(*args):
    return datetime(*args, tzinfo=VN)


# (raw, origin, expected local value, precision): research section 5, by row number.
REAL_CASES = [
    ("14:19 03/03/2025", "text", vn(2025, 3, 3, 14, 19), DT),  # 5.1 amp.cand AMP header
    ("11:10 18/07/2022", "text", vn(2022, 7, 18, 11, 10), DT),  # 5.2
    ("Thứ Bảy, 18/07/2015, 08:00", "text", vn(2015, 7, 18, 8, 0), DT),  # 5.3 weekday, comma
    ("1/12/2023 7:56:00 AM", "jsonld", vn(2023, 1, 12, 7, 56), DT),  # 5.4 cand JSON-LD: US month first
    ("Thứ năm, 20/11/2025 | 14:24", "text", vn(2025, 11, 20, 14, 24), DT),  # 5.7 VHV pipe
    ("06/07/2026", "list", vn(2026, 7, 6), D),  # 5.8 bocongan list: 6 July
    ("2026-07-06T04:18:59.398Z", "jsonld", vn(2026, 7, 6, 11, 18, 59), DT),  # 5.9 UTC with ms
    ("Mon, 06 Jul 2026 11:18:59 +0700", "meta", vn(2026, 7, 6, 11, 18, 59), DT),  # 5.10 RFC 822
    ("2026-01-19T08:50:00", "api", vn(2026, 1, 19, 8, 50), DT),  # 5.11 Hanoi API, local
    ("2026-01-19T08:50:00Z", "api", vn(2026, 1, 19, 8, 50), DT),  # 5.11 its wrong Z ignored
    ("Thứ Hai, 16/02/2026 06:38 GMT+7", "text", vn(2026, 2, 16, 6, 38), DT),  # 5.12 GMT+7 is +07:00
    ("Thứ 6, 16.02.2024 | 23:46:40", "text", vn(2024, 2, 16, 23, 46, 40), DT),  # 5.13 dots, seconds
    (
        "Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)| 17/11/2022 14:06",  # 5.14 byline beside
        "text",
        vn(2022, 11, 17, 14, 6),
        DT,
    ),
    ("03/10/2022 08:00", "text", vn(2022, 10, 3, 8, 0), DT),  # 5.15 kiemsat: 3 October
    ("https://bocongan.gov.vn/bai-viet/tin-abc-1783311539", "url", vn(2026, 7, 6, 11, 18, 59), DT),  # 5.16
    ("https://mps.gov.vn/chinh-sach-phap-luat/bai-viet/x-y-1766998122", "url", vn(2025, 12, 29, 15, 48, 42), DT),
    ("02/06/2023", "text", vn(2023, 6, 2), D),  # the seed
]

# More forms named by the issue, each a row of VISIBLE_DATE_PATTERNS / labels / time zone.
FORM_CASES = [
    ("03/04/2024", "text", vn(2024, 4, 3), D),  # day first, always
    ("3/4/2024", "text", vn(2024, 4, 3), D),
    ("26-05-2023", "text", vn(2023, 5, 26), D),  # dashes
    ("2023-06-02", "list", vn(2023, 6, 2), D),  # ymd row
    ("2023/06/02 08:15", "list", vn(2023, 6, 2, 8, 15), DT),
    ("02/06/23", "text", vn(2023, 6, 2), D),  # two-digit year: 20yy
    ("02/06/98", "text", vn(1998, 6, 2), D),  # two-digit year after now: 19yy
    ("ngày 1 tháng 6 năm 2023", "text", vn(2023, 6, 1), D),  # words row
    ("1 tháng 6, 2023", "text", vn(2023, 6, 1), D),
    ("Tháng Mười Một 25, 2025", "text", vn(2025, 11, 25), D),  # month_name_first row (WordPress vi "F j, Y")
    ("25 Tháng Mười Hai, 2025 14:24", "text", vn(2025, 12, 25, 14, 24), DT),  # day_month_name row ("j F, Y")
    ("Ngày 1 Tháng 6 Năm 2023 lúc 9:05", "text", vn(2023, 6, 1, 9, 5), DT),
    ("Chủ nhật, 03/04/2024 - 10:20 (GMT+7)", "text", vn(2024, 4, 3, 10, 20), DT),  # "(GMT+7)", "-"
    ("Cập nhật: 02/06/2023 lúc 08:15", "text", vn(2023, 6, 2, 8, 15), DT),  # label, "lúc"
    ("Cập nhật lúc 08:15, 02/06/2023", "text", vn(2023, 6, 2, 8, 15), DT),
    ("Ngày đăng: 02/06/2023", "text", vn(2023, 6, 2), D),
    ("Thứ 2, 05/06/2023 - 14h30", "text", vn(2023, 6, 5, 14, 30), DT),  # "14h30"
    ("T2, 05/06/2023", "text", vn(2023, 6, 5), D),  # short weekday
    ("02/06/2023 08:15 GMT+0", "text", vn(2023, 6, 2, 15, 15), DT),  # an explicit other offset
    ("02/06/2023 08:15 UTC+07:00", "text", vn(2023, 6, 2, 8, 15), DT),
    ("02/06/2023 8:15 PM", "text", vn(2023, 6, 2, 20, 15), DT),  # AM/PM on a visible line: still day first
    ("02/06/2023 12:05 SA", "text", vn(2023, 6, 2, 0, 5), DT),  # SA = AM in vi-VN locales
    ("02/04/2024 09:15 SA", "text", vn(2024, 4, 2, 9, 15), DT),
    ("02/04/2024 09:15 CH", "text", vn(2024, 4, 2, 21, 15), DT),  # CH = PM in vi-VN locales
    ("02/04/2024 12:05 CH", "text", vn(2024, 4, 2, 12, 5), DT),  # 12 CH is noon
    ("1/12/2023 7:56:00 CH", "jsonld", vn(2023, 1, 12, 19, 56), DT),  # 5.4's form from a vi-VN server
    ("Thứ Hai, 03/11/2025 - 08:15", "text", vn(2025, 11, 3, 8, 15), DT),  # weekday, " - ", time after
    ("Updated: 02/06/2023", "text", vn(2023, 6, 2), D),
    ("12/25/2023 3:00:00 PM", "jsonld", vn(2023, 12, 25, 15, 0), DT),  # US form, PM
    ("25/12/2023 3:00:00 PM", "jsonld", vn(2023, 12, 25, 15, 0), DT),  # impossible month first: swapped
    ("12/1/2023 12:00:00 AM", "jsonld", vn(2023, 12, 1, 0, 0), DT),  # 12 AM is midnight
    ("02/06/2023 08:00", "jsonld", vn(2023, 6, 2, 8, 0), DT),  # no AM/PM: day first even in JSON-LD
    ("2023-06-02T08:00:00+07:00", "jsonld", vn(2023, 6, 2, 8, 0), DT),
    ("2023-06-02T01:00:00Z", "meta", vn(2023, 6, 2, 8, 0), DT),  # Z honoured outside "api"
    ("2023-06-02T08:00:00", "meta", vn(2023, 6, 2, 8, 0), DT),  # naive: local
    ("2023-06-02T08:00:00.1234567", "jsonld", vn(2023, 6, 2, 8, 0), DT),  # .NET 7-digit fraction
    ("2023-06-02T03:00:00+02:00", "api", vn(2023, 6, 2, 8, 0), DT),  # api: explicit offset honoured
    ("2023-06-02", "time", vn(2023, 6, 2), D),  # <time datetime> date only
    ("/Date(1685667600000)/", "api", vn(2023, 6, 2, 8, 0), DT),  # ASP.NET JSON date
    ("Fri, 02 Jun 2023 01:00:00 GMT", "meta", vn(2023, 6, 2, 8, 0), DT),
    ("  02/06/2023\xa0 ", "text", vn(2023, 6, 2), D),  # NBSP around
    # time before the date (issue 13)
    ("Cập nhật lúc 09:15 ngày 02/04/2024", "text", vn(2024, 4, 2, 9, 15), DT),
    ("09:15 ngày 02/04/2024", "list", vn(2024, 4, 2, 9, 15), DT),
    ("Cập nhật: 9 giờ 15 phút, ngày 2/4/2024", "text", vn(2024, 4, 2, 9, 15), DT),  # "giờ … phút"
    # DAY_PERIODS rows: the part of the day after a 12-hour time
    ("10:03 sáng ngày 2/4/2024", "text", vn(2024, 4, 2, 10, 3), DT),
    ("12:20 sáng 2/4/2024", "text", vn(2024, 4, 2, 0, 20), DT),  # 12 sáng: just after midnight
    ("12:30 trưa 2/4/2024", "text", vn(2024, 4, 2, 12, 30), DT),
    ("1 giờ 05 trưa 2/4/2024", "text", vn(2024, 4, 2, 13, 5), DT),
    ("Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều", "text", vn(2012, 11, 30, 16, 0), DT),  # news.zing.vn
    ("Cập nhật thứ hai, ngày 24/12/12 11:05 tối", "text", vn(2012, 12, 24, 23, 5), DT),  # news.zing.vn
    ("11:40 đêm 2/4/2024", "text", vn(2024, 4, 2, 23, 40), DT),
    ("2 giờ 10 đêm 2/4/2024", "text", vn(2024, 4, 2, 2, 10), DT),
    ("12:10 đêm 2/4/2024", "text", vn(2024, 4, 2, 0, 10), DT),  # 12 đêm: midnight
    # "g" for giờ and the hour alone, as the blind rounds met them (eighth pass)
    ("14g24 ngày 20/11/2025", "text", vn(2025, 11, 20, 14, 24), DT),
    ("Thứ năm, 20/11/2025 | 14g24", "text", vn(2025, 11, 20, 14, 24), DT),
    ("14g ngày 20/11/2025", "text", vn(2025, 11, 20, 14, 0), DT),  # the hour alone: minute 0
    ("Cập nhật: 14h, 20/11/2025", "text", vn(2025, 11, 20, 14, 0), DT),
    ("20/11/2025 - 14 giờ", "text", vn(2025, 11, 20, 14, 0), DT),
    ("9 giờ sáng ngày 20/11/2025", "text", vn(2025, 11, 20, 9, 0), DT),
    ("8g tối 20/11/2025", "text", vn(2025, 11, 20, 20, 0), DT),
    ("20/11/2025 | 24h", "text", vn(2025, 11, 20), D),  # "24h" (a site's name) is no hour: the day only
    # English lines of the portals' English pages, local time unless a zone is given (eighth pass)
    ("Nov 20, 2025 2:24 PM", "text", vn(2025, 11, 20, 14, 24), DT),
    ("November 20th, 2025", "text", vn(2025, 11, 20), D),
    ("Sept. 3 2025 09:05", "text", vn(2025, 9, 3, 9, 5), DT),
    ("20 November 2025", "text", vn(2025, 11, 20), D),
    ("20th of Nov., 2025 14:24 GMT+0", "text", vn(2025, 11, 20, 21, 24), DT),
    ("Thursday, November 20, 2025", "text", vn(2025, 11, 20), D),
    ("Thu, 20 Nov 2025 | 14:24", "text", vn(2025, 11, 20, 14, 24), DT),
    ("Posted on November 20, 2025 at 2:24 pm", "text", vn(2025, 11, 20, 14, 24), DT),
    ("Updated: 20 Nov 2025 - 08:00", "text", vn(2025, 11, 20, 8, 0), DT),
    ("Nov 20, 2025", "list", vn(2025, 11, 20), D),  # a list card of an English page
]

# Relative forms against NOW (2026-07-07 12:00): RELATIVE_PATTERNS rows.
RELATIVE_CASES = [
    ("30 giây trước", vn(2026, 7, 7, 11, 59, 30), DT),
    ("15 phút trước", vn(2026, 7, 7, 11, 45), DT),
    ("2 giờ trước", vn(2026, 7, 7, 10, 0), DT),
    ("3 tiếng trước", vn(2026, 7, 7, 9, 0), DT),
    ("3 ngày trước", vn(2026, 7, 4), D),
    ("1 tuần trước", vn(2026, 6, 30), D),
    ("Vừa xong", vn(2026, 7, 7, 12, 0), DT),
    ("hôm nay", vn(2026, 7, 7), D),
    ("hôm qua", vn(2026, 7, 6), D),
    ("Hôm qua lúc 14:20", vn(2026, 7, 6, 14, 20), DT),
    ("08:30 hôm nay", vn(2026, 7, 7, 8, 30), DT),
    ("hôm kia", vn(2026, 7, 5), D),
    ("Cập nhật 2 giờ trước", vn(2026, 7, 7, 10, 0), DT),
]


@pytest.mark.parametrize(("raw", "origin", "expected", "precision"), REAL_CASES + FORM_CASES)
def test_parse_date(raw, origin, expected, precision):
    parsed = parse_date(raw, origin, now=NOW)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.value.tzinfo == VN
    assert parsed.precision == precision
    assert (parsed.raw, parsed.origin) == (raw, origin)


@pytest.mark.parametrize(("raw", "expected", "precision"), RELATIVE_CASES)
@pytest.mark.parametrize("origin", ["text", "list"])
def test_relative_forms(raw, origin, expected, precision):
    parsed = parse_date(raw, origin, now=NOW)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (expected, precision)


def test_relative_forms_follow_now():
    later = NOW + timedelta(days=10)
    assert parse_date("hôm qua", "text", now=later).value == vn(2026, 7, 16)


# Not publication dates, or not dates at all.
NONE_CASES = [
    ("Ngày 1/6/2023, Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt", "text"),  # seed: event date
    ("Ngày 3/3", "text"),  # research 5: inline dates, no year
    ("khoảng 11h ngày 3/3", "text"),
    ("sáng 26-5", "text"),
    ("Chiều 28.6", "text"),
    ("vào 18h30 ngày 23/7/1999 tại trụ sở", "text"),
    ("(20/7/1962 - 20/7/2022) kỷ niệm 60 năm", "text"),
    ("Đến 23h25’ ngày 26/5", "text"),
    ("14:24", "text"),  # a time alone
    ("Tìm kiếm", "text"),
    ("", "text"),
    ("31/02/2023", "text"),  # no such day
    ("02/13/2023", "text"),  # day first: month 13 does not exist
    ("02/06/2023 25:00", "text"),
    ("01/01/1900", "text"),  # CMS default: before EARLIEST_YEAR
    ("0001-01-01T00:00:00", "jsonld"),  # .NET DateTime.MinValue
    ("1970-01-01T00:00:00Z", "meta"),  # epoch zero
    ("2032-06-02", "jsonld"),  # far future
    ("09/07/2026", "list"),  # two days after NOW: beyond the tolerance
    ("https://bocongan.gov.vn/bai-viet/tin-abc-d2-t43729", "url"),  # migrated article: no epoch
    ("https://cand.com.vn/Cong-an/abc-i660692/", "url"),
    ("https://bocongan.gov.vn/chuyen-muc/hoat-dong-cua-bo-cong-an-1754966863", "url"),  # a category, not /bai-viet/
    ("1/12/2023 7:56:00 AM", "url"),
    ("không có ngày", "jsonld"),
]


@pytest.mark.parametrize(("raw", "origin"), NONE_CASES)
def test_parse_date_none(raw, origin):
    assert parse_date(raw, origin, now=NOW) is None


def test_us_form_is_only_for_machine_origins():
    # The same string on a visible line is day first (1 December).
    assert parse_date("1/12/2023 7:56:00 AM", "text", now=NOW).value == vn(2023, 12, 1, 7, 56)
    assert parse_date("1/12/2023 7:56:00 AM", "jsonld", now=NOW).value == vn(2023, 1, 12, 7, 56)


def test_gmt_plus_7_is_not_minus_7():
    parsed = parse_date("02/06/2023 08:00 GMT+7", "text", now=NOW)
    assert parsed.value.astimezone(UTC) == datetime(2023, 6, 2, 1, 0, tzinfo=UTC)


def test_date_only_is_local_midnight_not_an_invented_time():
    parsed = parse_date("02/06/2023", "text", now=NOW)
    assert (parsed.value.hour, parsed.value.minute, parsed.value.second) == (0, 0, 0)
    assert parsed.value.utcoffset() == timedelta(hours=7)


def test_naive_now_is_local_time():
    assert parse_date("hôm qua", "text", now=datetime(2026, 7, 7, 1, 0)).value == vn(2026, 7, 6)


@pytest.mark.parametrize(("name", "pattern"), VISIBLE_DATE_PATTERNS)
def test_every_visible_date_pattern_has_a_case(name, pattern):
    raws = [raw for raw, origin, *_ in FORM_CASES + REAL_CASES if origin in ("text", "list")]
    assert any(re.search(pattern, raw, re.IGNORECASE) for raw in raws), name


@pytest.mark.parametrize(("word", "rule"), DAY_PERIODS)
def test_every_day_period_has_a_case(word, rule):
    assert any(f" {word} " in f" {raw} " for raw, *_ in FORM_CASES), word


def test_day_period_inside_a_sentence_is_still_an_event_date():
    assert parse_date("Khoảng 11:05 tối 24/12/2012, Công an phường nhận tin báo", "text", now=NOW) is None


@pytest.mark.parametrize(("pattern", "unit"), RELATIVE_PATTERNS)
def test_every_relative_pattern_has_a_case(pattern, unit):
    assert any(re.search(pattern, fold_key(raw)) for raw, *_ in RELATIVE_CASES), unit


@pytest.mark.parametrize(
    ("label_line", "expected"),
    [
        ("Thứ hai, 05/06/2023", vn(2023, 6, 5)),
        ("Thứ Ba 06/06/2023", vn(2023, 6, 6)),
        ("Thứ tư, 07/06/2023", vn(2023, 6, 7)),
        ("Thứ Sáu, 09/06/2023", vn(2023, 6, 9)),
        ("Chủ Nhật, 11/06/2023", vn(2023, 6, 11)),
        ("CN, 11/06/2023", vn(2023, 6, 11)),
        ("Xuất bản: 11/06/2023", vn(2023, 6, 11)),
        ("Thời gian đăng: 11/06/2023", vn(2023, 6, 11)),
        ("Đăng lúc 11/06/2023", vn(2023, 6, 11)),
        ("Published on 11/06/2023", vn(2023, 6, 11)),
        ("Sunday, June 11, 2023", vn(2023, 6, 11)),
        ("Sun 11 June 2023", vn(2023, 6, 11)),
    ],
)
def test_date_line_labels(label_line, expected):
    assert parse_date(label_line, "text", now=NOW).value == expected


def test_label_table_size_is_covered():
    # One test row above per label row at least; a new row needs a new case.
    assert len(DATE_LINE_LABELS) == 9


# --- find_date_line / is_date_line ------------------------------------------------------

DATE_LINES = [
    "02/06/2023",
    "Thứ năm, 20/11/2025 | 14:24",
    "14:19 03/03/2025",
    "Thứ Bảy, 18/07/2015, 08:00",
    "Thứ 6, 16.02.2024 | 23:46:40",
    "Cập nhật: 02/06/2023 08:15",
    "Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)| 17/11/2022 14:06",
    "Tin tức | 02/06/2023",
    "2 giờ trước",
    "ngày 1 tháng 6 năm 2023",
    "14g24 ngày 20/11/2025",
    "Nov 20, 2025 2:24 PM",
    "Thursday, 20 November 2025",
]

NOT_DATE_LINES = [
    "Ngày 1/6/2023, Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt, triển khai thực hiện Quyết định 89-QĐ-TU",
    "Ngày 21/4/2023 Ban Thường vụ Tỉnh ủy đã ban hành Quyết định số 989-QĐ-TU",
    "Nghị quyết 12 ngày 16/3/2022 của Bộ Chính trị",
    "(20/7/1962 - 20/7/2022)",
    "Ngày 3/3",
    "Toàn cảnh Hội nghị",
    "Minh Quỳnh - Bá Hiển - Quang Khải",
    "14:24",
    "",
    "Xây dựng lực lượng Công an tỉnh Đăk Nông | 02/06/2023 và 03/06/2023 là hai ngày hội nghị",
    "Vào lúc 14g ngày 20/11/2025, Công an phường nhận được tin báo",  # an event's hour, in a sentence
    "On Nov 20, 2025 the provincial police arrested two suspects",  # an English sentence with a date
    "Thursday, November 20",  # no year
    "May 2025",  # a month, no day
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_is_date_line(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_is_not_date_line(line):
    assert not is_date_line(line)


def test_find_date_line_skips_sentences():
    lines = [NOT_DATE_LINES[0], "", "Toàn cảnh", "14:19 03/03/2025", "02/06/2023"]
    assert find_date_line(lines) == 3
    assert find_date_line(NOT_DATE_LINES) is None
    assert find_date_line([]) is None


# --- pick_published / is_plausible ------------------------------------------------------


def test_pick_published_takes_first_plausible_in_order():
    candidates = [
        RawDate("0001-01-01T00:00:00", "jsonld"),  # implausible: skipped
        RawDate("không rõ", "meta"),  # unparseable: skipped
        RawDate("1/12/2023 7:56:00 AM", "jsonld"),
        RawDate("02/06/2023", "text"),
    ]
    picked = pick_published(candidates, now=NOW)
    assert (picked.value, picked.origin, picked.raw) == (vn(2023, 1, 12, 7, 56), "jsonld", "1/12/2023 7:56:00 AM")


def test_pick_published_none():
    assert pick_published([], now=NOW) is None
    assert pick_published([RawDate("Ngày 1/6/2023, họp", "text")], now=NOW) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NOW, True),
        (NOW + timedelta(hours=23), True),  # within the one-day tolerance (a stray Z)
        (NOW + timedelta(days=1, seconds=1), False),
        (vn(EARLIEST_YEAR, 1, 1), True),
        (vn(EARLIEST_YEAR - 1, 12, 31, 23, 59), False),
        (datetime(2026, 7, 7, 0, 0), True),  # naive: read as local
    ],
)
def test_is_plausible(value, expected):
    assert is_plausible(value, now=NOW) is expected
