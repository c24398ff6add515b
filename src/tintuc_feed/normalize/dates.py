"""Publication dates: one raw string + where it came from -> an aware datetime.

Decisions (see the tests for one case per row):
- Output is always aware, in Asia/Ho_Chi_Minh.  A string with a day but no
  time gives local midnight and precision "date"; nothing is invented.
- Visible strings ("text", "list") are day first, always: 03/04/2024 is
  3 April.  Two-digit years are 20yy unless that is after the crawl year,
  then 19yy.  An English month written as a word ("Nov 20, 2025 2:24 PM",
  "20 November 2025": the portals' English pages) names the month; the line
  is local time unless it gives an offset.
- A visible string must be a date *line*: a date (with its year) or a
  relative form, plus only weekday, labels ("Cập nhật:", "lúc"), time and
  time zone.  A sentence that carries a date ("Ngày 1/6/2023, Công an tỉnh …")
  is an event date and gives None.  Segments split by "|" that hold no date
  (a byline, a section name) are tolerated beside the date.
- Machine origins ("jsonld", "meta", "time", "api"): ISO 8601, RFC 822,
  ASP.NET "/Date(ms)/", the shapes of normalize/machine_dates.py (English
  months, zone abbreviations) and the US form "M/D/YYYY h:mm:ss AM" (cand's JSON-LD,
  local time) are read; anything else falls back to the visible rules.
  A slashed date WITHOUT AM/PM is day first even there.
- Time zones: an explicit offset or "Z" is honoured, except that "api" (the
  Hanoi DNN API) writes local time and sometimes a wrong "Z": on "api" a
  trailing Z is ignored and the time read as local.  No offset means local.
  "GMT+7" means +07:00 (never the POSIX-inverted -07:00).
- "list" (a list page's card): ISO as written (a <time datetime>), else the
  visible rules, else a day and month without a year ("08:30 29/11"), read
  as the latest such day not after `now` (a list shows recent articles).
- "url": bocongan's /bai-viet/<slug>-<10 digits> id is the publication
  instant in Unix seconds.
- Plausibility: not more than FUTURE_TOLERANCE after `now`, not before
  EARLIEST_YEAR.  Implausible dates give None.

The visible date line (what it is, its day-first reading, relative forms) lives
in normalize/date_lines.py; this module reads machine strings, list cards and
URLs, and re-exports the date-line names it always had.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache
from typing import NamedTuple

from tintuc_feed.model import RawDate
from tintuc_feed.normalize import machine_dates
from tintuc_feed.normalize.date_lines import (  # noqa: F401  (the visible tables and readers, re-exported)
    _CLASSIFY_NOW,
    _FLAGS,
    DATE_LINE_LABELS,
    DAY_PERIODS,
    MAX_DATE_LINE,
    RELATIVE_PATTERNS,
    TZ_NAME,
    VISIBLE_DATE_PATTERNS,
    _aware,
    _date_part,
    _find_date,
    _hms,
    _relative,
    _scan,
    find_date_line,
    is_date_line,
    vn_tz,
)
from tintuc_feed.normalize.text import normalize_text

# Vietnam joined the Internet in November 1997 and its first news sites came
# after; 1995 leaves a margin yet rejects CMS defaults (01/01/1900, 0001-01-01,
# the 1970 epoch).
EARLIEST_YEAR = 1995
# One day absorbs a wrong time zone (a stray Z shifts by 7 h) and clock skew;
# more than that is a typo (2032 for 2023) or a scheduled placeholder.
FUTURE_TOLERANCE = timedelta(days=1)
MACHINE_ORIGINS = frozenset({"jsonld", "meta", "time", "api"})
VISIBLE_ORIGINS = frozenset({"text", "list"})


@dataclass(frozen=True)
class ParsedDate:
    value: datetime  # aware, Asia/Ho_Chi_Minh
    precision: str  # "datetime" | "date"
    raw: str  # the string as given
    origin: str  # one of model.DATE_ORIGINS


# --- Machine forms ---------------------------------------------------------------

ISO_PATTERN = (
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{1,2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?"
)
# cand.com.vn JSON-LD: "1/12/2023 7:56:00 AM" is 12 January, local time.
US_PATTERN = (
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?|sa|ch)"
)
# ASP.NET JSON dates: "/Date(1685667600000)/" or "/Date(1685667600000+0700)/".
DOTNET_PATTERN = r"/?Date\((?P<ms>-?\d{1,15})(?:[+-]\d{4})?\)/?"
RFC822_PATTERN = r"(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}.*"
# bocongan article URL: /bai-viet/<slug>-<10-digit Unix seconds>
URL_EPOCH_PATTERN = r"/bai-viet/[^/?#]*?-(?P<epoch>\d{10})(?:[/?#]|$)"


class _MachineRes(NamedTuple):
    iso: re.Pattern[str]
    us: re.Pattern[str]
    dotnet: re.Pattern[str]
    rfc822: re.Pattern[str]
    url_epoch: re.Pattern[str]
    yearless: re.Pattern[str]


@cache
def _machine_res() -> _MachineRes:
    """The patterns of this module, compiled at first use, once per process."""
    return _MachineRes(re.compile(ISO_PATTERN), re.compile(US_PATTERN, _FLAGS), re.compile(DOTNET_PATTERN),
                       re.compile(RFC822_PATTERN), re.compile(URL_EPOCH_PATTERN), re.compile(YEARLESS_PATTERN))


def _offset(tz: str | None, origin: str) -> timedelta | None:
    if not tz or (tz.upper() == "Z" and origin == "api"):
        return None  # no offset: local time (the Hanoi API's Z is wrong)
    if tz.upper() == "Z":
        return timedelta(0)
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


def _parse_iso(s: str, origin: str) -> tuple[tuple, tuple | None, timedelta | None] | None:
    m = _machine_res().iso.fullmatch(s)
    if not m:
        return None
    hms = (int(m["H"]), int(m["M"]), int(m["S"] or 0)) if m["H"] else None
    return (int(m["y"]), int(m["m"]), int(m["d"])), hms, _offset(m["tz"], origin)


def _parse_us(s: str) -> tuple[tuple, tuple | None, timedelta | None] | None:
    m = _machine_res().us.fullmatch(s)
    if not m:
        return None
    month, day = int(m["m"]), int(m["d"])
    if month > 12 >= day:  # "25/12/2023 3:00 PM": cannot be month first
        month, day = day, month
    return (int(m["y"]), month, day), _hms(m), None


def _parse_instant(s: str) -> datetime | None:
    m = _machine_res().dotnet.fullmatch(s)
    if m:
        return datetime.fromtimestamp(int(m["ms"]) / 1000, UTC)
    if _machine_res().rfc822.fullmatch(s):
        return parsedate_to_datetime(s)  # naive when its zone is unknown ("ICT")
    return None


def _build(ymd: tuple, hms: tuple | None, offset: timedelta | None) -> tuple[datetime, str]:
    if hms is None:
        return datetime(*ymd, tzinfo=vn_tz()), "date"
    hour, minute, second = hms
    tz = timezone(offset) if offset is not None else vn_tz()
    value = datetime(*ymd, hour, minute, min(second, 59), tzinfo=tz)
    return value.astimezone(vn_tz()), "datetime"


def _parse_machine(s: str, origin: str, now: datetime) -> tuple[datetime, str] | None:
    parts = _parse_iso(s, origin) or _parse_us(s)
    if parts:
        return _build(*parts)
    instant = _parse_instant(s)
    if instant is not None and instant.tzinfo is not None:
        return instant.astimezone(vn_tz()), "datetime"
    rewritten = machine_dates.to_iso(s)
    parts = _parse_iso(rewritten, origin) if rewritten else None
    if parts:
        return _build(*parts)
    if instant is not None:  # RFC 822 with a zone neither email.utils nor ZONES knows: UTC, as before
        return instant.replace(tzinfo=UTC).astimezone(vn_tz()), "datetime"
    return _parse_visible(s, now)


def _parse_visible(s: str, now: datetime) -> tuple[datetime, str] | None:
    part = _date_part(s, now)
    if part is None:
        return _relative(s, now)
    scan = _scan(part, now)
    return _build(scan.ymd, scan.hms, scan.offset)


def _parse_url(s: str) -> tuple[datetime, str] | None:
    m = _machine_res().url_epoch.search(s)
    if not m:
        return None
    return datetime.fromtimestamp(int(m["epoch"]), UTC).astimezone(vn_tz()), "datetime"


# --- Public API --------------------------------------------------------------------


def is_plausible(dt: datetime, *, now: datetime) -> bool:
    """Not more than FUTURE_TOLERANCE after `now`, not before EARLIEST_YEAR."""
    dt, now = _aware(dt), _aware(now)
    return datetime(EARLIEST_YEAR, 1, 1, tzinfo=vn_tz()) <= dt <= now + FUTURE_TOLERANCE


def _dispatch(s: str, origin: str, now: datetime) -> tuple[datetime, str] | None:
    if origin == "url":
        return _parse_url(s)
    if origin in MACHINE_ORIGINS:
        return _parse_machine(s, origin, now)
    if origin == "list":
        return _parse_list(s, now)
    return _parse_visible(s, now)


# A list page's "29/11" or "08:30 29/11": the day and month of a recent article, no year.
YEARLESS_PATTERN = r"(?<![\d/.:-])(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?![\d/.:-])"


def _parse_list(s: str, now: datetime) -> tuple[datetime, str] | None:
    """A list card's date: ISO (a <time datetime>), a date line, or a day and month of the last 12 months."""
    parts = _parse_iso(s, "list")
    if parts:
        return _build(*parts)
    found = _parse_visible(s, now)
    if found is not None or _find_date(s, now):
        return found
    days = list(_machine_res().yearless.finditer(s))
    if len(days) != 1 or not (1 <= int(days[0]["m"]) <= 12 and 1 <= int(days[0]["d"]) <= 31):
        return None
    for year in (now.year, now.year - 1):  # the latest such day that is not in the future
        dated = f"{s[:days[0].start()]}{days[0]['d']}/{days[0]['m']}/{year}{s[days[0].end():]}"
        found = _parse_visible(dated, now)
        if found is None or found[0] <= now + FUTURE_TOLERANCE:
            return found
    return None


def parse_date(raw: str, origin: str, *, now: datetime) -> ParsedDate | None:
    """Parse one date string found at `origin`; None if absent or implausible.

    `now` is the crawl time; a naive `now` is read as Vietnam local time.
    """
    if not isinstance(raw, str):
        return None
    now = _aware(now)
    try:
        found = _dispatch(normalize_text(raw), origin, now)
    except (ValueError, OverflowError, OSError):
        return None  # a date-shaped string that is no date (31/02, 25:00)
    if found is None or not is_plausible(found[0], now=now):
        return None
    return ParsedDate(found[0], found[1], raw, origin)


def pick_published(candidates: Sequence[RawDate], *, now: datetime) -> ParsedDate | None:
    """The first candidate, in the order given, that parses to a plausible date."""
    for candidate in candidates:
        parsed = parse_date(candidate.raw, candidate.origin, now=now)
        if parsed is not None:
            return parsed
    return None


def is_list_date(line: str) -> bool:
    """True for what a list card may show as its article's date: a date line, ISO, or "08:30 29/11"."""
    text = normalize_text(line)
    if len(text) > MAX_DATE_LINE:
        return False
    try:
        return _parse_list(text, _aware(_CLASSIFY_NOW)) is not None
    except (ValueError, OverflowError):
        return False
