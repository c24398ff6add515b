"""A byline and the date on one line: the byline's part is the author, the date's part the date (issue 13).

Portals print the writer and the day on one line: under the title ("Tác giả: Minh Anh - 20/11/2025", "Minh Anh
- 14:24 20/11/2025", "Nguyễn Văn A | 20/11/2025 08:30", sources.md's "Thanh Nguyên (VKSQS khu vực 72/Quân khu
7)| 17/11/2022 14:06", or the day first: "20/11/2025 | Minh Anh"), in the kicker row above it ("Thứ Năm,
20/11/2025 08:30 | Nguyễn Văn A": families/byline_above.py), or as the signature that ends the body ("Nguyễn
Văn A (20/11/2025)", "PV - 20/11/2025": families/signed_date.py).  The date reader reads the date's part
(normalize/date_lines.py, the "|" and spaced-dash segments); here the other part is the byline, never the
date glued to the name.  Under the title a line is a string, or the row its elements sit in when the name
and the day are elements of their own ("<span>Nguyễn Văn A</span> | <span>20/11/2025</span>": row_of).

| separator  | pattern                      | example                           |
|------------|------------------------------|-----------------------------------|
| pipe       | "|" (spaces or not)          | "Nguyễn Văn A | 20/11/2025 08:30" |
| dash       | a spaced - – —               | "Minh Anh - 14:24 20/11/2025"     |
| brackets   | the date in () or [] at the end | "Nguyễn Văn A (20/11/2025)"    |

A line splits when one side is only a date line and the rest (one or more parts in a row) is a byline
(looks_like_byline, at least one author; or a unit signing: "Phòng PC04 (20/11/2025)"): a title's dash, a
sentence with a date, stay whole; a province's name ("Hà Nội | 20/11/2025") is a dateline's place, no byline.
"""

from __future__ import annotations

import re

from ..normalize.authors import is_name_like, is_unit, looks_like_byline, parse_byline
from ..normalize.date_lines import is_date_line
from ..normalize.provinces import resolve_province
from . import tree

MAX_LINE_CHARS = 160  # the date lines' own limit (normalize/date_lines.MAX_DATE_LINE)
SEPARATORS = (
    ("pipe", re.compile(r"\s*\|\s*")),
    ("dash", re.compile(r"\s+[-–—]\s+")),
)
_DIGIT = re.compile(r"\d")  # every date line has one: the cheap test before is_date_line
DAY_ALONE_MAX_CHARS = 48  # "Thứ Năm, 20/11/2025 08:30 (GMT+7)": a day in an element of its own
BRACKETED_DATE = re.compile(r"(?P<name>[^()\[\]]+?)\s*[(\[](?P<date>[^()\[\]]+)[)\]]")


def split_line(line: str) -> tuple[str, str] | None:
    """(the byline's part, the date's part) of a line that holds a byline and the date (the table above), or None."""
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
        if _is_byline(byline):
            return byline, " ".join(part for part, is_date in zip(parts, dated, strict=True) if is_date)
    bracketed = BRACKETED_DATE.fullmatch(text)
    if bracketed and is_date_line(bracketed["date"].strip()) and _is_byline(bracketed["name"]):
        return bracketed["name"], bracketed["date"].strip()
    return None


def _is_byline(text: str) -> bool:
    """A byline naming someone, or a unit signing where a name would ("Phòng PC04", "Minh Quỳnh - Phòng PV01":
    byline_lines.unit_signature's test)."""
    authors = parse_byline(text).authors
    if not authors or resolve_province(text) is not None:  # "Hà Nội | 20/11/2025": a dateline's place
        return False
    return looks_like_byline(text) or (any(is_unit(a.name) or (a.affiliation and is_unit(a.affiliation)) for a in authors)
                                       and all(is_unit(a.name) or is_name_like(a.name) for a in authors))


def byline_of(line: str) -> str | None:
    """The byline's part of a line that holds a byline and the date (the table above), or None."""
    found = split_line(line)
    return found[0] if found else None


def _in_a_row(dated: list[bool]) -> bool:
    """The date's parts at one end of the line, the byline's at the other (never a name between two dates)."""
    return dated in (sorted(dated), sorted(dated, reverse=True))


def byline_near_title(lines) -> str | None:
    """The byline of the first line near the title that holds a byline and the date (lines: (text, string)
    pairs, layout.lines_near_title).  A line is a string, or the row its element sits in when the name and the
    day are elements of their own ("<span>Nguyễn Văn A</span> | <span>20/11/2025</span>")."""
    for text, string in lines:
        byline = byline_of(text) or (_is_day_alone(text) and byline_of(row_of(string, text)))  # the day's own row
        if byline:
            return byline
    return None


def _is_day_alone(text: str) -> bool:
    """A short string that is a date line (cheap tests first: most strings near the title are prose)."""
    return len(text) <= DAY_ALONE_MAX_CHARS and _DIGIT.search(text) is not None and is_date_line(text)


def row_of(string: tuple, text: str) -> str:
    """The text of the row holding the string: the parent of the element that shows only this string ("" if
    that is the whole page or longer than a line)."""
    node = tree.string_parent(string)
    while node is not None and node.getparent() is not None and tree.flat_text(node) == text:
        node = node.getparent()
    if node is None or node.tag in ("body", "html"):
        return ""
    row = tree.flat_text(node)
    return row if len(row) <= MAX_LINE_CHARS else ""
