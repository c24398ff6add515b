"""A press release's dateline: the date that opens the body, the last date source of an undated page (issue 13).

A press release, and an agency dispatch, opens its first paragraph with a dateline: the place and the day it
was released, then the text ("Karlsruhe, (12.11.2021). Traditionell …", "01.02.2022 „Der Arbeitsmarkt …",
"BERLIN, 1. Februar 2022 (dpa) – …", "WASHINGTON, Feb. 1, 2022 /PRNewswire/ -- …").  That day is the
publication day.  A date inside the first sentence is not a dateline: it is an event's date, as a Vietnamese
police report opens ("Ngày 1/6/2023, Công an …", "Sáng 26-5, …", "(CAND) - Ngày …"), so the rules are strict:

| part                 | rule                                                                                         |
|----------------------|----------------------------------------------------------------------------------------------|
| where                | the start of the body's first block of text (raw.body_html; headings and photos skipped), or of its second when the first is a byline line ("Von Claudia Lindner": BYLINE_LEADS, ≤ BYLINE_MAX characters); nothing before the date but a place |
| place (optional)     | one to four capitalised words without digits, then a comma ("Karlsruhe,", "Hà Nội,")      |
| date                 | a full date with its year (DATE_FORMS below), bare or in parentheses; no word before it    |
| after the date       | DATELINE_ENDS: ".", a dash, "|", "/", "(" (an agency's "(dpa)"), an opening quote; never a comma (a sentence "1.6.2023, the police …") nor a word |

A word before the date ("Ngày", "On", "Am", "Sáng") or a comma after it makes it prose.  voters.vote_date asks
for the dateline only when nothing else dates the page: no structure's date, no list hint, no htmldate reading
in its fast mode and none on the header lines.  One test per row in tests/test_datelines.py.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree, html

from tintuc_feed.normalize.byline_tables import BYLINE_LEADS
from tintuc_feed.normalize.text import fold_key, normalize_text

OPENING_CHARS = 200  # the dateline is read in the body's first characters only
# Not the body's text for a dateline: a heading over the first paragraph (a press release's subtitle), a photo.
SKIPPED = ("script", "style", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = ("p", "div", "li", "blockquote", "td", "th", "section", "article", "header", "ul", "ol", "table", "br", "dd",
          "dt", "pre")
BYLINE_MAX = 60  # characters: a byline line over the dateline ("Von Claudia Lindner"), not a sentence

# Month names written out, by language (the first three letters are enough where they are unique).
MONTH_NAMES = (
    ("en", ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december")),
    ("de", ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "dezember")),
    ("fr", ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre")),
    ("es", ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre")),
    ("it", ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
            "ottobre", "novembre", "dicembre")),
)
_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
          "nov": 11, "dec": 12}

# (name, pattern with groups d, m (a number) or month (a name), y): the date of a dateline.
DATE_FORMS = (
    ("dmy", r"(?P<d>\d{1,2})(?P<sep>[./-])\s?(?P<m>\d{1,2})(?P=sep)\s?(?P<y>\d{4})"),  # 12.11.2021, 2/6/2023
    ("ymd", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),  # 2022-02-01
    ("day month year", r"(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,10})\.?\s+(?:de\s+)?(?P<y>\d{4})"),
    ("month day, year", r"(?P<month>[^\W\d_]{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"),
)
# What may follow a dateline's date: the end of the dateline, never a comma or a word.
DATELINE_ENDS = r"[.|/(„“”\"«»‹›–—-]"
PLACE = r"(?P<place>[^\W\d_][^\W\d]*(?:[ ][^\W\d_][^\W\d]*){0,3})\s*,\s*"


@cache
def _month_numbers() -> dict[str, int]:
    numbers = dict(_SHORT)
    for _lang, names in MONTH_NAMES:
        numbers.update({name: i for i, name in enumerate(names, start=1)})
    return numbers


@cache
def _opening_res() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(rf"(?:{PLACE})?(?P<open>\(\s*)?(?:{pattern})(?(open)\s*\))\s*(?:{DATELINE_ENDS})", re.IGNORECASE)
        for _name, pattern in DATE_FORMS
    )


def _place_ok(place: str | None) -> bool:
    return place is None or all(word[0].isupper() for word in place.split())


def _day(m: re.Match) -> str | None:
    month = int(m["m"]) if m.groupdict().get("m") else _month_numbers().get(m["month"].lower())
    day, year = int(m["d"]), int(m["y"])
    if not month or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def dateline_day(opening: str) -> str | None:
    """The day ("YYYY-MM-DD") of the dateline that opens this text, or None (the table of the module doc)."""
    opening = normalize_text(opening)[:OPENING_CHARS]
    for pattern in _opening_res():
        m = pattern.match(opening)
        if m and _place_ok(m["place"]):
            return _day(m)
    return None


def body_opening(body_html: str | None) -> str:
    """The body's first block of text (its headings and photos skipped), or its second after a byline line."""
    blocks = _first_blocks(body_html)
    if len(blocks) > 1 and _is_byline(blocks[0]):
        return blocks[1][: OPENING_CHARS * 2]
    return blocks[0][: OPENING_CHARS * 2] if blocks else ""


def _is_byline(block: str) -> bool:
    key = fold_key(block)
    return len(block) <= BYLINE_MAX and any(key.startswith(lead + " ") for lead in BYLINE_LEADS)


def _first_blocks(body_html: str | None, count: int = 2) -> list[str]:
    if not body_html or not body_html.strip():
        return []
    try:
        root = html.fragment_fromstring(body_html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, *SKIPPED, with_tail=False)
    for node in root.iter(*BLOCKS):  # a block's text starts and ends a line
        node.text = "\n" + (node.text or "")
        node.tail = "\n" + (node.tail or "")
    blocks: list[str] = []
    for line in "".join(root.itertext()).split("\n"):
        line = " ".join(line.split())
        if line:
            blocks.append(line)
            if len(blocks) == count:
                break
    return blocks
