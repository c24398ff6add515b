"""Visible date lines: what a line shown on a page must be to give a date, and its reading.

The visible half of normalize.dates (which reads machine strings, list cards and
URLs, and decides plausibility): day first, always; a date *line* is a date (with
its year) or a relative form, plus only weekday, labels, time and time zone; "|"
segments without a date are tolerated beside the date.  The rules are listed in
normalize/dates.py's docstring; tests in tests/normalize/test_normalize_dates.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from tintuc_feed.normalize.text import fold_key, normalize_text

TZ_NAME = "Asia/Ho_Chi_Minh"
MAX_DATE_LINE = 160  # characters; a longer line is prose, not a date line
# Classifying a line needs no clock: a fixed "now" only decides 2-digit years.
_CLASSIFY_NOW = datetime(2100, 1, 1)


@cache
def vn_tz() -> ZoneInfo:
    return ZoneInfo(TZ_NAME)


def _aware(now: datetime) -> datetime:
    return now.replace(tzinfo=vn_tz()) if now.tzinfo is None else now.astimezone(vn_tz())


# --- Visible forms: day first --------------------------------------------------

# An English month, written out or abbreviated (the first three letters give its number).
ENGLISH_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                 r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])")
_ENGLISH_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

# The rows below that write the month as a word: a site's header clock and a card's date are written so.
MONTH_WORD_FORMS = frozenset({"english mdy", "english dmy", "month_name_first", "day_month_name"})

# Month names in words (WordPress vi: "Tháng Một" … "Tháng Mười Hai"), folded -> month; longest first in the regex.
MONTH_WORDS = {"muoi mot": 11, "muoi hai": 12, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
               "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_MONTHS_RE = r"mười\s+một|mười\s+hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín"

# (name, pattern with groups d, m (a number or a Vietnamese month word) or mon (an English month), y).
# Tried in order; the first match wins.
VISIBLE_DATE_PATTERNS = (
    # year first is unambiguous: "2023-06-02", "2023/06/02"
    ("ymd", r"(?<!\d)(?P<y>\d{4})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    # "02/06/2023", "16.02.2024", "26-05-2023", "2/6/23": one separator throughout
    ("dmy", r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-])"),
    # "ngày 1 tháng 6 năm 2023", "1 tháng 6, 2023" ("ngày" is a label)
    ("words", r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,|năm)?\s*(?P<y>\d{4})(?!\d)"),
    # English pages of the portals: "Nov 20, 2025", "November 20th, 2025", "Sept. 3 2025"
    ("english mdy", r"\b(?P<mon>" + ENGLISH_MONTH + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)"),
    # "20 November 2025", "20 Nov. 2025", "20th of November, 2025"
    ("english dmy", r"(?<![\d/.:-])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + ENGLISH_MONTH
     + r")\.?,?\s+(?P<y>\d{4})(?!\d)"),
    # the month in words, as WordPress's Vietnamese locale writes it: "Tháng Mười Một 25, 2025" ("F j, Y"),
    # "25 Tháng Mười Một, 2025" ("j F, Y")
    ("month_name_first", rf"(?<!\w)tháng\s+(?P<m>{_MONTHS_RE})\s+(?P<d>\d{{1,2}})\s*,\s*(?P<y>\d{{4}})(?!\d)"),
    ("day_month_name", rf"(?<!\d)(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>{_MONTHS_RE})\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
)

# Vietnamese words for the part of the day written after a time, and how each
# turns a 12-hour clock into 24 hours (see _hms): "10:03 sáng", "04:00 chiều",
# "11:05 tối" (news.zing.vn, 2012), "1 giờ trưa", "2 giờ đêm".
DAY_PERIODS = (
    ("sáng", "am"),  # morning: 12 sáng is 00
    ("trưa", "noon"),  # midday: 11, 12 stay; 1-5 are p.m.
    ("chiều", "pm"),  # afternoon
    ("tối", "pm"),  # evening
    ("đêm", "night"),  # night: 6-11 are p.m., 12 is midnight, 1-5 stay
)
_PERIOD_RULE = {word: rule for word, rule in DAY_PERIODS}

# Times: "14:24", "23:46:40", "14h24", "14g24" (g for giờ), "9 giờ 15 phút", "7:56:00 AM", "7:56 SA"
# (Vietnamese Windows locales write SA/CH for AM/PM), "11:05 tối"; the hour alone, "14h", "14g", "9 giờ
# sáng" (minute 0; never "2 giờ trước", a relative form, nor an hour over 23).
TIME_PATTERN = (
    r"(?<![\d/.:])(?:(?P<H>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<M>\d{2})(?:\s*[:']\s*(?P<S>\d{2}))?(?:\s*phút)?"
    r"|(?P<HO>[01]?\d|2[0-3])\s*(?:h|g|giờ)(?![^\W\d_])(?!\s*(?:\d|trước|tiếng)))"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?|sa|ch|" + "|".join(word for word, _ in DAY_PERIODS) + r")\b)?(?![\d/:])"
)
# "GMT+7", "(GMT+7)", "GMT +07:00", "UTC+7": +07:00, east of Greenwich.
TZ_PATTERN = r"\(?\s*(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?\s*\)?"

# Folded words allowed beside a date on a date line (weekdays, labels).
DATE_LINE_LABELS = (
    r"thu (?:hai|ba|tu|nam|sau|bay|[2-7])",  # "Thứ Bảy", "Thứ năm", "Thứ 6"
    r"chu nhat|cn",  # Sunday
    r"t[2-7]",  # "T2" … "T7", short weekdays
    r"cap nhat(?: luc| ngay)?",  # "Cập nhật:", "Cập nhật lúc"
    r"(?:ngay )?(?:dang|xuat ban)(?: luc| ngay| vao)?",  # "Ngày đăng:", "Đăng lúc", "Xuất bản"
    r"thoi gian(?: dang)?",  # "Thời gian đăng:"
    r"(?:vao )?luc|ngay|vao",  # "lúc", "Ngày 02/06/2023", "vào lúc"
    r"(?:last )?(?:updated?|modified|published|posted)(?: on| at)?|at|on",  # English labels, "… at 2:24 PM"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?",  # English weekdays: "Thursday", "Thu"
)

# Relative forms, on the folded line with any time removed: (pattern, unit).
RELATIVE_PATTERNS = (
    (r"(?P<n>\d{1,4}) giay truoc", "seconds"),
    (r"(?P<n>\d{1,4}) phut truoc", "minutes"),
    (r"(?P<n>\d{1,4}) (?:gio|tieng) truoc", "hours"),  # "2 giờ trước", "3 tiếng trước"
    (r"(?P<n>\d{1,3}) ngay truoc", "days"),
    (r"(?P<n>\d{1,2}) tuan truoc", "weeks"),
    (r"vua xong|vua dang|vua cap nhat", "now"),
    (r"hom nay", "today"),
    (r"hom qua", "yesterday"),
    (r"hom kia", "day_before"),
)
_RELATIVE_UNITS = {"seconds", "minutes", "hours", "now"}  # those give a time of day
_RELATIVE_DAYS = {"today": 0, "yesterday": 1, "day_before": 2}

_FLAGS = re.IGNORECASE
_TIME_RE = re.compile(TIME_PATTERN, _FLAGS)
_TZ_RE = re.compile(TZ_PATTERN, _FLAGS)
_DIGIT_RE = re.compile(r"\d")
_LABELS_RE = re.compile(r"\b(?:" + "|".join(DATE_LINE_LABELS) + r")\b")


@dataclass(frozen=True)
class _Scan:
    ymd: tuple[int, int, int] | None
    hms: tuple[int, int, int] | None
    offset: timedelta | None
    residue: str


def _year(text: str, now: datetime) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= now.year else 1900
    return year


@cache
def _visible_date_res() -> tuple[re.Pattern[str], ...]:
    """VISIBLE_DATE_PATTERNS compiled once per process (a family tests many lines of each page)."""
    return tuple(re.compile(pattern, _FLAGS) for _name, pattern in VISIBLE_DATE_PATTERNS)


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTH_WORDS[" ".join(fold_key(text).split())]


def _find_date(s: str, now: datetime) -> tuple[tuple[int, int, int], str] | None:
    for pattern in _visible_date_res():
        m = pattern.search(s)
        if m:
            groups = m.groupdict()
            month = _month(groups["m"]) if groups.get("m") else _ENGLISH_MONTHS[groups["mon"][:3].lower()]
            ymd = (_year(m["y"], now), month, int(m["d"]))
            return ymd, s[: m.start()] + " " + s[m.end() :]
    return None


def _hms(m: re.Match) -> tuple[int, int, int]:
    hour = int(m["H"] or m.groupdict()["HO"])  # HO: the hour alone ("14h", "14g")
    minute, second = int(m["M"] or 0), int(m["S"] or 0)
    ampm = (m["ampm"] or "").replace(".", "").lower()
    rule = {"sa": "am", "ch": "pm"}.get(ampm) or _PERIOD_RULE.get(ampm) or ampm
    if rule in ("am", "night") and hour == 12:
        hour = 0
    elif (rule == "pm" and hour < 12) or (rule == "noon" and 1 <= hour <= 5) or (rule == "night" and 6 <= hour <= 11):
        hour += 12
    return hour, minute, second


def _find_time(s: str) -> tuple[tuple[int, int, int] | None, str]:
    m = _TIME_RE.search(s)
    if not m:
        return None, s
    return _hms(m), s[: m.start()] + " " + s[m.end() :]


def _find_offset(s: str) -> tuple[timedelta | None, str]:
    m = _TZ_RE.search(s)
    if not m:
        return None, s
    minutes = int(m["hh"]) * 60 + int(m["mm"] or 0)
    sign = -1 if m["sign"] == "-" else 1
    return timedelta(minutes=sign * minutes), s[: m.start()] + " " + s[m.end() :]


def _scan(s: str, now: datetime) -> _Scan:
    found = _find_date(s, now)
    ymd, rest = found if found else (None, s)
    offset, rest = _find_offset(rest)
    hms, rest = _find_time(rest)
    return _Scan(ymd, hms, offset, rest)


def _only_labels(residue: str) -> bool:
    return not _LABELS_RE.sub(" ", fold_key(residue)).strip()


def _is_pure_segment(segment: str, now: datetime) -> bool:
    scan = _scan(segment, now)
    return (scan.ymd is not None or scan.hms is not None) and _only_labels(scan.residue)


# A counter printed on the date's line ("21/11/2025 | 09:40 Lượt xem: 1.254", "09:40 - 1.254 lượt xem"): a segment
# of its own, so the time beside it stays the date's.  Rows: COUNTER_WORDS (lower case, tone marks kept), before
# or after the number (tests/test_blind_round7b_rows.py, one test per row).
COUNTER_WORDS = ("lượt xem", "lượt đọc", "lượt truy cập", "lượt thích", "lượt chia sẻ", "số lần xem", "bình luận",
                 "views", "view", "comments")
_COUNTER_WORDS_RE = "|".join(re.escape(w) for w in sorted(COUNTER_WORDS, key=len, reverse=True))
COUNTERS = (  # the words then the number first ("Lượt xem: 1.254"), then a number before the words ("1.254 lượt xem"),
    # never the minutes of a time ("09:40 Lượt xem: 12": the 40 is the time's)
    re.compile(rf"(?<!\w)(?:{_COUNTER_WORDS_RE})\s*:?\s*\(?\d[\d.,]*\)?(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<![\w:])\d[\d.,]*\s+(?:{_COUNTER_WORDS_RE})(?!\w)", re.IGNORECASE),
)


def without_counters(line: str) -> str:
    """The line with each counter made a segment break ("|")."""
    for counter in COUNTERS:
        line = counter.sub("|", line)
    return line


def _date_part(line: str, now: datetime) -> str | None:
    """The date-and-time segments of a date line, or None if it is not one."""
    if len(line) > MAX_DATE_LINE:
        return None
    line = without_counters(line)
    kept, other = [], []
    for segment in _segments(line, now):
        (kept if _is_pure_segment(segment, now) else other).append(segment)
    if any(_find_date(segment, now) for segment in other):
        return None  # a date inside prose: an event date, not a date line
    part = " | ".join(kept)
    return part if _find_date(part, now) else None


# A byline and the date on one line, a spaced dash between ("Minh Anh - 14:24 20/11/2025", "Tác giả: Minh
# Anh - 20/11/2025"): split there only when every other part is a byline (a title's dash stays prose).
BYLINE_DASH = re.compile(r"\s+[-–—]\s+")


def _segments(line: str, now: datetime) -> list[str]:
    """The line's "|" segments, a segment split again at its spaced dashes when it is a byline and a date."""
    segments: list[str] = []
    for segment in line.split("|"):
        parts = BYLINE_DASH.split(segment)
        split = len(parts) > 1 and not _is_pure_segment(segment, now) and _byline_and_date(parts, now)
        segments += parts if split else [segment]
    return segments


def _byline_and_date(parts: list[str], now: datetime) -> bool:
    from tintuc_feed.normalize.authors import looks_like_byline  # names are authors.py's; it reads no dates

    pure = [_is_pure_segment(part, now) for part in parts]
    bylines = [part for part, p in zip(parts, pure, strict=True) if not p]  # "(20/7/1962 - 20/7/2022)": none
    return any(pure) and bool(bylines) and all(looks_like_byline(part) for part in bylines)


# --- Relative forms ------------------------------------------------------------


def _relative(s: str, now: datetime) -> tuple[datetime, str] | None:
    hms, rest = _find_time(s)
    key = fold_key(rest)
    for pattern, unit in _relative_res():
        m = pattern.fullmatch(key)
        if m:
            return _relative_value(unit, int(m.groupdict().get("n") or 0), hms, now)
    return None


@cache
def _relative_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    """RELATIVE_PATTERNS between optional DATE_LINE_LABELS, compiled once per process."""
    labels = "|".join(DATE_LINE_LABELS)
    return tuple((re.compile(rf"(?:(?:{labels}) )*(?:{pattern})(?: (?:{labels}))*"), unit)
                 for pattern, unit in RELATIVE_PATTERNS)


def _relative_value(unit: str, n: int, hms, now: datetime) -> tuple[datetime, str]:
    if unit in _RELATIVE_UNITS:
        delta = timedelta(**{unit: n}) if unit != "now" else timedelta(0)
        return (now - delta).replace(microsecond=0), "datetime"
    days = n * 7 if unit == "weeks" else n if unit == "days" else _RELATIVE_DAYS[unit]
    day = (now - timedelta(days=days)).date()
    if hms is None:
        return datetime(day.year, day.month, day.day, tzinfo=vn_tz()), "date"
    return datetime(day.year, day.month, day.day, *hms, tzinfo=vn_tz()), "datetime"


# --- Public API --------------------------------------------------------------------


def is_date_line(line: str, *, now: datetime | None = None) -> bool:
    """True for a line that is only a date/time (with weekday, labels, byline after "|")."""
    now = _aware(now or _CLASSIFY_NOW)
    text = normalize_text(line)
    if _DIGIT_RE.search(text) is None:  # every VISIBLE_DATE_PATTERNS row needs a digit: no date part
        return _relative(text, now) is not None
    return _date_part(text, now) is not None or _relative(text, now) is not None


def date_form(line: str) -> str | None:
    """The name of the VISIBLE_DATE_PATTERNS row that reads the line's date ("dmy", "english mdy", …), or None."""
    text = normalize_text(line)
    for (name, _pattern), compiled in zip(VISIBLE_DATE_PATTERNS, _visible_date_res(), strict=True):
        if compiled.search(text):
            return name
    return None


def find_date_line(lines: Sequence[str]) -> int | None:
    """Index of the first line that IS a date line (not a sentence with a date)."""
    for index, line in enumerate(lines):
        if isinstance(line, str) and is_date_line(line):
            return index
    return None

