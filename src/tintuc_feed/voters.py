"""A second opinion on the date where a page's structure gives no strong one (issue 13).

The families read a page by its structure.  The generic reading (and a family
that fell back to it) may end with no strong date: no JSON-LD, <meta>, <time>
or date element, only a line found near the title, the list page's date, or
nothing.  Then htmldate reads the page too, in its fast mode: structured
markup, the URL and the page's header only.  Its extensive mode also guesses
from any date in the text, which invents dates on pages that have none (three
of the saved real pages in tests/fixtures/real: a related-news date, a
comment's date).

Rules, in order (one test each in tests/test_voters.py):

| the structure gives        | htmldate (fast) gives | kept                      | recorded in matched["date_vote"] |
|----------------------------|-----------------------|---------------------------|----------------------------------|
| a strong date (see below)  | (not asked)           | the structure's           | (nothing)                        |
| a weak date or none        | nothing               | the structure's (or none) | "htmldate:none"                  |
| none                       | a day                 | htmldate's day            | "htmldate:only"                  |
| none                       | the crawl's day, shown only on the header's clock lines ("Hôm nay: …", "… GMT+7", families/clock_lines.py), fast or on the header lines | no date (never the crawl's day invented) | "htmldate:clock <day>" |
| none                       | nothing; its extensive mode on the header lines (families/header_dates.py) a day shown there | that day, in the order families/date_order.py reads the line's numeric date | "htmldate:header" |
| none                       | nothing, on the header lines too; the body opens with a press release's dateline (families/datelines.py) | the dateline's day | "htmldate:none" (matched["date"] "body:dateline …") |
| a weak date, same day      | that day              | the structure's           | "htmldate:agrees"                |
| a weak date, another day   | another day           | the structure's           | "htmldate:disagrees <day>"       |
| a weak date, annotate=False | (not asked)          | the structure's           | (nothing)                        |

Strong: a machine origin (JSON-LD, <meta>, <time>, an API), a selector the
source gave, or a site family's own date element; the generic family's date
classes are weak.  A disagreement keeps the structure's date: on the saved pages a line right
under the title (a forum's "started by X, 14/12/12") is as often right as
htmldate's header date.  A day from htmldate has precision "date" (local
midnight); it is never given a time.

With a weak date htmldate's answer only annotates matched["date_vote"]: the
dates, hence the normalized article, are the same whatever it says.  A crawl
stores the article, not matched, so it reads with annotate=False and does not
ask htmldate then (crawler/pages.py: ~2 ms of a worker's 12 ms on a portal page);
`tintuc-feed extract` and `tintuc-feed sources check` keep the annotation.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from . import families
from .families import clock_lines, date_order, datelines, header_dates
from .families.base import parse_html
from .model import RawArticle, RawDate
from .normalize import machine_dates
from .normalize.dates import MACHINE_ORIGINS, parse_date, pick_published

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# matched["date"] rules that name a strong structural source besides a machine
# origin: the source's own selectors, and a family's own date element.  The
# generic family's date classes (".date", ".time" …) are guesses anywhere in the
# page (a sidebar's "| 20/12/2012"), so for a generic reading they are weak.
USER_SELECTOR = "selector:"
FAMILY_ELEMENT = "css:"


def read_article(
    source, url: str, text: str, *, hints=None, content_type: str | None = None, now: datetime | None = None,
    annotate: bool = True,
) -> RawArticle:
    """families.extract_article, then the date vote for generic (or degraded) readings.

    annotate=False: htmldate is not asked where its answer would only annotate matched (see the table).
    """
    raw = families.extract_article(source, url, text, hints=hints, content_type=content_type)
    now = now or datetime.now(VN)
    if source.family == "generic" or raw.degraded:
        raw = vote_date(prefer_site_zone(raw, now=now), text, url, now=now, generic=_generic_date(source, raw),
                        annotate=annotate)
    return record_list_hint(raw, (hints or {}).get("date"), now=now)


SAME_INSTANT = 60  # seconds: two machine dates this close are one publication instant


def _written_offset(raw: str) -> datetime | None:
    """The instant a machine date writes with an explicit offset (ISO, RFC 822, machine_dates shapes)."""
    for written in (raw, machine_dates.to_iso(raw) or ""):
        try:
            moment = datetime.fromisoformat(written.strip())
        except ValueError:
            continue
        if moment.tzinfo is not None:
            return moment
    return None


def prefer_site_zone(raw: RawArticle, *, now: datetime) -> RawArticle:
    """The first machine date written in UTC, and the same instant written in another offset further on
    (JSON-LD "…T06:35:29+00:00", <time> "…T22:35:29-08:00"): the site's own writing goes first.

    The instant is the same; the raw date kept (and the day a reader of the page sees) is the site's.
    """
    parsed = [(d, _written_offset(d.raw)) for d in raw.dates if d.origin in MACHINE_ORIGINS]
    parsed = [(d, m) for d, m in parsed if m is not None and parse_date(d.raw, d.origin, now=now) is not None]
    if not parsed or parsed[0][0] is not raw.dates[0] or parsed[0][1].utcoffset():
        return raw
    first = parsed[0][1]
    local = next((d for d, m in parsed[1:] if m.utcoffset() and abs((m - first).total_seconds()) <= SAME_INSTANT),
                 None)
    if local is None:
        return _derive_site_zone(raw, parsed[0][0], first, now=now)
    matched = {**raw.matched, "date_zone": f"{local.origin}: the site's offset"}
    return replace(raw, dates=(local, *(d for d in raw.dates if d is not local)), matched=matched)


ZONE_STEP = 15  # minutes: every offset in use is a whole quarter hour
ZONE_RANGE = (-12 * 60, 14 * 60)  # minutes


def _derive_site_zone(raw: RawArticle, utc: RawDate, instant: datetime, *, now: datetime) -> RawArticle:
    """The UTC instant, and a date and time the page writes without an offset ("2023-11-08 18:09:55",
    "03/05/2022 21:44") to the same minute in some zone: that zone's offset is the site's.  The instant
    is kept exactly; the raw date becomes the page's wall clock with the offset it implies, and
    matched["date_zone"] names the string it was read from."""
    utc_wall = instant.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    for candidate in raw.dates:
        if candidate is utc or candidate.origin in ("url", "htmldate") or _written_offset(candidate.raw):
            continue
        parsed = parse_date(candidate.raw, candidate.origin, now=now)
        if parsed is None or parsed.precision != "datetime":
            continue
        wall = parsed.value.replace(tzinfo=None)
        minutes = (wall.replace(second=0) - utc_wall).total_seconds() / 60
        if not minutes or minutes % ZONE_STEP or not ZONE_RANGE[0] <= minutes <= ZONE_RANGE[1]:
            continue
        offset = timezone(timedelta(minutes=minutes))
        local = RawDate(instant.astimezone(offset).isoformat(), utc.origin)
        matched = {**raw.matched, "date_zone": f"{local.raw[-6:]} from {candidate.origin} {candidate.raw!r}"}
        return replace(raw, dates=(local, *raw.dates), matched=matched)
    return raw


def record_list_hint(raw: RawArticle, hint: str | None, *, now: datetime) -> RawArticle:
    """Say in matched whether the list page's date was taken: the page's own date always comes first.

    matched["date"] = "list-hint" when the published date is the list's;
    matched["date_hint"] = "list-hint:unused" when the page gave its own.
    """
    if not hint or not hint.strip():
        return raw
    picked = pick_published(raw.dates, now=now)
    matched = dict(raw.matched)
    if picked is not None and picked.origin == "list" and picked.raw == hint:
        matched["date"] = "list-hint"
    else:
        matched["date_hint"] = "list-hint:unused"
    return replace(raw, matched=matched)


def _generic_date(source, raw: RawArticle) -> bool:
    """Whether the date reading came from the generic family (itself, or filling in for a family)."""
    return source.family == "generic" or raw.matched.get("date", "").startswith("generic:")


def has_strong_date(raw: RawArticle, *, generic: bool = True, now: datetime | None = None) -> bool:
    """True when the first date candidate comes from markup made for it (or a selector the source gave)."""
    if not raw.dates:
        return False
    rule = raw.matched.get("date", "")
    if raw.dates[0].origin in MACHINE_ORIGINS:  # a machine date no table reads is no answer
        return parse_date(raw.dates[0].raw, raw.dates[0].origin, now=now or datetime.now(VN)) is not None
    if rule.startswith(USER_SELECTOR):
        return "(no match" not in rule
    return rule.startswith(FAMILY_ELEMENT) and not generic


def htmldate_day(text: str, url: str | None, *, extensive: bool = False) -> str | None:
    """htmldate's reading of the page (fast mode unless told): "YYYY-MM-DD" or None."""
    from htmldate import find_date  # a heavy import, only when a vote is needed

    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        return find_date(text, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, OverflowError):  # a page htmldate cannot parse gives no opinion
        return None


def header_day(text: str, title: str | None) -> str | None:
    """htmldate's extensive mode on the header lines only, kept when a line shows that day (header_dates)."""
    page = parse_html(text)
    lines = header_dates.header_lines(page, title)
    if not lines:
        return None
    day = htmldate_day(header_dates.as_html(lines), None, extensive=True)
    if not day or not header_dates.shows_day(day, lines):
        return None
    return date_order.ordered_day(day, lines, page)  # day-first or month-first: the line and the page decide


def vote_date(raw: RawArticle, text: str, url: str, *, now: datetime, generic: bool = True,
              annotate: bool = True) -> RawArticle:
    """The table of the module doc."""
    if has_strong_date(raw, generic=generic, now=now):
        return raw
    ours = pick_published(raw.dates, now=now)
    if ours is not None and not annotate:  # the dates stay the structure's whatever htmldate says
        return raw
    day = htmldate_day(text, url)
    matched = dict(raw.matched)
    if day is None and ours is None:
        day = header_day(text, raw.title)
        if day is not None and _on_clocks(text, day, now):
            matched["date_vote"] = f"htmldate:clock {day}"  # the header's today, the crawl's day: no date
            return replace(raw, matched=matched)
        if day is not None:
            matched["date_vote"] = matched["date"] = "htmldate:header"
            return replace(raw, dates=(RawDate(day, "htmldate"), *raw.dates), matched=matched)
        dated = _dateline(raw, matched)
        if dated is not None:
            return dated
    if day is None:
        matched["date_vote"] = "htmldate:none"
        return replace(raw, matched=matched)
    if ours is None and _on_clocks(text, day, now):
        matched["date_vote"] = f"htmldate:clock {day}"  # the header's today, the crawl's day: no date
        return replace(raw, matched=matched)
    if ours is None:
        matched["date_vote"] = "htmldate:only"
        matched["date"] = "htmldate"
        return replace(raw, dates=(RawDate(day, "htmldate"), *raw.dates), matched=matched)
    same = ours.value.date().isoformat() == day
    matched["date_vote"] = "htmldate:agrees" if same else f"htmldate:disagrees {day}"
    return replace(raw, matched=matched)


def _on_clocks(text: str, day: str, now: datetime) -> bool:
    """htmldate's day ("YYYY-MM-DD") is the crawl's day in Vietnam (a naive time is Vietnam's) and the page shows
    it only on clock lines (families/clock_lines.py): the header's today, no publication date."""
    crawl_day = (now.astimezone(VN) if now.tzinfo else now).date()
    return day == crawl_day.isoformat() and clock_lines.shown_only_on_clocks(text, crawl_day)


def _dateline(raw: RawArticle, matched: dict[str, str]) -> RawArticle | None:
    """The body's dateline (families/datelines.py) on a page nothing else dates."""
    opening = datelines.body_opening(raw.body_html)
    day = datelines.dateline_day(opening)
    if day is None:
        return None
    matched["date_vote"] = "htmldate:none"
    matched["date"] = f"body:dateline ({opening[:40]!r})"
    return replace(raw, dates=(RawDate(day, "text"), *raw.dates), matched=matched)
