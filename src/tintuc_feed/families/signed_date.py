"""The date in the signature: a byline read with the date on its line gives both (issue 13, ninth pass).

Portals sign at the end of the body with the day beside the name ("Nguyễn Văn A (20/11/2025)", "PV -
20/11/2025", a right-aligned "<b>Minh Anh - 20/11/2025</b>"), and a byline element may hold both ("<div
class=author>Minh Anh - 20/11/2025</div>").  Whichever family read that byline, the line splits by
families/byline_date.split_line's table: the author is the name alone, and the day is a date of the page,
read after the page's own (its machine dates, the date line under the title) and before the list page's hint
and the URL: it dates a page nothing else dates, and never replaces a date the page gives elsewhere.

| byline line                      | byline       | date added (origin "text", Vietnam's time unless it says) |
|----------------------------------|--------------|------------------------------------------------------------|
| "Nguyễn Văn A (20/11/2025)"      | Nguyễn Văn A | "20/11/2025"                                               |
| "PV - 20/11/2025"                | PV           | "20/11/2025"                                               |
| "Minh Anh\nTheo CAND"            | unchanged    | none                                                       |
| "Công an tỉnh (20/11/2025)"      | unchanged    | none (no byline beside the date)                           |
"""

from __future__ import annotations

from dataclasses import replace

from ..model import RawArticle, RawDate
from .byline_date import split_line

RULE = "byline-date"
AFTER_ORIGINS = ("list", "url")  # the signature's date goes before these


def with_signed_date(raw: RawArticle) -> RawArticle:
    """The article with its byline's date line split (the table above); unchanged when no line splits."""
    if not raw.byline:
        return raw
    lines = raw.byline.split("\n")
    for index, line in enumerate(lines):
        found = split_line(line)
        if found:
            lines[index] = found[0]
            return replace(raw, byline="\n".join(lines), **_with_date(raw, found[1]))
    return raw


def _with_date(raw: RawArticle, date: str) -> dict:
    dates = list(raw.dates)
    if any(d.origin == "text" and date in " ".join(d.raw.split()) for d in dates):
        return {}  # the date line under the title already holds it
    at = next((i for i, d in enumerate(dates) if d.origin in AFTER_ORIGINS), len(dates))
    dates.insert(at, RawDate(date, "text"))
    matched = {**raw.matched, "date": RULE} if at == 0 else raw.matched
    return {"dates": tuple(dates), "matched": matched}
