"""A byline and the date on one line under the title: the byline's part is the author (issue 13, follow-up).

Portals print the writer and the day on one line ("Tác giả: Minh Anh - 20/11/2025", "Minh Anh - 14:24
20/11/2025", "Nguyễn Văn A | 20/11/2025 08:30", sources.md's "Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)|
17/11/2022 14:06", or the day first: "20/11/2025 | Minh Anh").  The date reader reads the date's part
(normalize/date_lines.py, the "|" and spaced-dash segments); here the other part is the byline, never the date
glued to the name.

| separator  | pattern         | example                           |
|------------|-----------------|-----------------------------------|
| pipe       | "|" (spaces or not) | "Nguyễn Văn A | 20/11/2025 08:30" |
| dash       | a spaced - – —  | "Minh Anh - 14:24 20/11/2025"     |

A line splits when one side is only a date line and the rest (one or more parts in a row) is a byline
(looks_like_byline, at least one author): a title's dash, a sentence with a date, stay whole.
"""

from __future__ import annotations

import re

from ..normalize.authors import looks_like_byline, parse_byline
from ..normalize.date_lines import is_date_line

MAX_LINE_CHARS = 160  # the date lines' own limit (normalize/date_lines.MAX_DATE_LINE)
SEPARATORS = (
    ("pipe", re.compile(r"\s*\|\s*")),
    ("dash", re.compile(r"\s+[-–—]\s+")),
)


def byline_of(line: str) -> str | None:
    """The byline's part of a line that holds a byline and the date (the table above), or None."""
    text = " ".join(line.split())
    if len(text) > MAX_LINE_CHARS:
        return None
    for _name, separator in SEPARATORS:
        parts = [part for part in separator.split(text) if part]
        if len(parts) < 2:
            continue
        dated = [is_date_line(part) for part in parts]
        names = [part for part, is_date in zip(parts, dated, strict=True) if not is_date]
        if not any(dated) or not names or not _in_a_row(dated):
            continue
        byline = " - ".join(names)
        if looks_like_byline(byline) and parse_byline(byline).authors:
            return byline
    return None


def _in_a_row(dated: list[bool]) -> bool:
    """The date's parts at one end of the line, the byline's at the other (never a name between two dates)."""
    return dated in (sorted(dated), sorted(dated, reverse=True))


def byline_near_title(lines) -> str | None:
    """The byline of the first line near the title that holds a byline and the date (lines: texts)."""
    for text in lines:
        byline = byline_of(text)
        if byline:
            return byline
    return None
