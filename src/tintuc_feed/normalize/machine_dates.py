"""Machine-written dates that are not ISO 8601 nor RFC 822 (JSON-LD, <meta>, <time datetime>).

Seen in datePublished values of the htmldate and trafilatura evaluation pages
(issue 13); one test per row in tests/test_machine_dates.py.  Each shape is
rewritten to an ISO string with an explicit offset, or read with its English
month name, then read by normalize.dates as ISO.  Only machine origins use this
module: a visible date line reads an English month itself (normalize/date_lines.py,
the portals' English pages) but never a zone abbreviation ("2:24 PM EST" is no date line).

| shape                                                   | example                                    |
|---------------------------------------------------------|--------------------------------------------|
| ISO basic format                                        | 20200924T15:04:34Z                         |
| ISO with a zone abbreviation                            | 2020-09-25T16:02:50CDT, 2022-05-04T03:00:00 UTC |
| English month, weekday, time and zone in any order      | Tue, Sep 15 2020 10:01:41 EDT              |
| Unix `date` / C ctime                                   | Tue Jul 30 09:35:14 CEST 2019              |
| JavaScript Date.toString                                | Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time) |
| time first                                              | 04:25:06 PM IST Apr 08, 2020               |
| English date only                                       | May 12, 2024 / 12 May 2024                 |

Zone abbreviations are ambiguous in general; ZONES holds the reading used on
news sites (CST is US Central, IST India).  An unknown abbreviation gives None.
"""

from __future__ import annotations

import re

# abbreviation -> offset written as ISO (+hh:mm)
ZONES = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "UT": "+00:00",
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "WET": "+00:00", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "MEZ": "+01:00",
    "MESZ": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "IST": "+05:30",
    "ICT": "+07:00", "WIB": "+07:00", "SGT": "+08:00", "HKT": "+08:00", "PHT": "+08:00", "JST": "+09:00",
    "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00",
}
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
WEEKDAYS = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"

_ZONE_NAMES = "|".join(sorted(ZONES, key=len, reverse=True))
_ISO_BASIC = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})T(?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?(?P<rest>.*)")
_ISO_ZONE = re.compile(r"(?P<iso>\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{1,2}(?:[.,]\d+)?)?)\s*(?P<zone>[A-Z]{1,5})")
_PAREN = re.compile(r"\([^)]*\)")
_MONTH = re.compile(r"\b(?P<name>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)")
_TIME = re.compile(r"(?<!\d)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{1,2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?(?![\d:])",
                   re.IGNORECASE)
_OFFSET = re.compile(r"(?:\b(?:GMT|UTC))?\s*(?P<sign>[+-])(?P<hh>\d{2}):?(?P<mm>\d{2})\b|\b(?P<zone>" + _ZONE_NAMES + r")\b")
_DAY = re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_FILLER = re.compile(r"^[\s,.:-]*(?:(?:at|on|the|of)\b[\s,.:-]*)*$", re.IGNORECASE)


def to_iso(s: str) -> str | None:
    """The machine date rewritten as ISO 8601 (with its offset when it has one), or None."""
    s = " ".join(s.split())
    basic = _ISO_BASIC.fullmatch(s)
    if basic:
        iso = f"{basic['y']}-{basic['m']}-{basic['d']}T{basic['H']}:{basic['M']}:{basic['S'] or '00'}"
        rest = basic["rest"].strip()
        if not rest:
            return iso
        offset = _zone(rest)
        return iso + offset if offset else None
    zoned = _ISO_ZONE.fullmatch(s)
    if zoned:
        offset = ZONES.get(zoned["zone"].upper())
        return f"{zoned['iso'].replace(' ', 'T')}{offset}" if offset else None
    return _english(s)


def _zone(text: str) -> str | None:
    m = _OFFSET.fullmatch(text.strip())
    if not m:
        return None
    if m["zone"]:
        return ZONES[m["zone"].upper()]
    return f"{m['sign']}{m['hh']}:{m['mm']}"


def _english(s: str) -> str | None:
    text = _PAREN.sub(" ", s)
    text = re.sub(r"\b" + WEEKDAYS + r"(?![a-z])", " ", text, flags=re.IGNORECASE)
    month = _MONTH.search(text)
    if not month:
        return None
    text = text[:month.start()] + " " + text[month.end():]
    parts, text = _take(_TIME, text)
    offset = None
    zone, text = _take(_OFFSET, text)
    if zone is not None:
        offset = ZONES[zone["zone"].upper()] if zone["zone"] else f"{zone['sign']}{zone['hh']}:{zone['mm']}"
    year, text = _take(_YEAR, text)
    day, text = _take(_DAY, text)
    if year is None or day is None or not _FILLER.fullmatch(text):
        return None
    iso = f"{year['y']}-{MONTHS[month['name'].lower()]:02d}-{int(day['d']):02d}"
    if parts is None:
        return iso
    hour = int(parts["H"]) % 12 + (12 if (parts["ampm"] or "").lower().startswith("p") else 0) \
        if parts["ampm"] else int(parts["H"])
    return f"{iso}T{hour:02d}:{parts['M']}:{int(parts['S'] or 0):02d}{offset or ''}"


def _take(pattern: re.Pattern[str], text: str) -> tuple[re.Match | None, str]:
    m = pattern.search(text)
    if not m:
        return None, text
    return m, text[:m.start()] + " " + text[m.end():]
