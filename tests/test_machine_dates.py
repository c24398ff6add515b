"""normalize/machine_dates.py: datePublished shapes seen on real pages, one test per row (issue 13)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed.normalize.dates import parse_date
from tintuc_feed.normalize.machine_dates import ZONES, to_iso

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=VN)


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# (raw as found in JSON-LD / <meta> / <time datetime>, the instant it means)
SHAPES = [
    ("20200924T15:04:34Z", datetime(2020, 9, 24, 15, 4, 34, tzinfo=_tz(0))),
    ("2020-09-25T16:02:50CDT", datetime(2020, 9, 25, 16, 2, 50, tzinfo=_tz(-5))),
    ("2022-05-04T03:00:00 UTC", datetime(2022, 5, 4, 3, 0, tzinfo=_tz(0))),
    ("2020-12-05T23:15:0Z", datetime(2020, 12, 5, 23, 15, tzinfo=_tz(0))),
    ("Tue, Sep 15 2020 10:01:41 EDT", datetime(2020, 9, 15, 10, 1, 41, tzinfo=_tz(-4))),
    ("Tue Jul 30 09:35:14 CEST 2019", datetime(2019, 7, 30, 9, 35, 14, tzinfo=_tz(2))),
    ("Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)", datetime(2020, 8, 25, 0, 23, 33, tzinfo=_tz(0))),
    ("04:25:06 PM IST Apr 08, 2020", datetime(2020, 4, 8, 16, 25, 6, tzinfo=_tz(5.5))),
    ("September 3rd, 2020 at 9:05 am", datetime(2020, 9, 3, 9, 5, tzinfo=VN)),
    ("May 12, 2024", datetime(2024, 5, 12, tzinfo=VN)),
    ("12 May 2024", datetime(2024, 5, 12, tzinfo=VN)),
    ("Thu, 12 Oct 2023 14:24:00 ICT", datetime(2023, 10, 12, 14, 24, tzinfo=VN)),
]


@pytest.mark.parametrize(("raw", "instant"), SHAPES, ids=[s[0] for s in SHAPES])
def test_machine_date_shape(raw, instant):
    parsed = parse_date(raw, "jsonld", now=NOW)
    assert parsed is not None and parsed.value == instant


# (raw, why it is no date)
NOT_DATES = [
    ("2020-09-25T16:02:50XYZ", "an unknown zone abbreviation"),
    ("Tin tức May 2024", "words besides the date, no day"),
    ("May the force be with you 2024 12", "prose"),
    ("20200924", "digits only"),
]


@pytest.mark.parametrize(("raw", "why"), NOT_DATES, ids=[s[1] for s in NOT_DATES])
def test_not_a_machine_date(raw, why):
    assert to_iso(raw) is None


def test_zone_table_offsets_are_whole_quarter_hours_within_a_day():
    for name, offset in ZONES.items():
        sign, hh, mm = offset[0], int(offset[1:3]), int(offset[4:6])
        assert sign in "+-" and hh <= 14 and mm in (0, 15, 30, 45), name


def test_visible_dates_read_english_months_but_not_zone_abbreviations():
    # the portals' English pages show "Nov 20, 2025 2:24 PM" (normalize/date_lines.py, eighth pass) ...
    assert parse_date("May 12, 2024", "text", now=NOW).value.date().isoformat() == "2024-05-12"
    # ... but a visible line's zone abbreviation is not read as local time: no date rather than a wrong hour
    assert parse_date("May 12, 2024 10:00 EDT", "text", now=NOW) is None
    assert parse_date("Tue, Sep 15 2020 10:01:41 EDT", "text", now=NOW) is None
