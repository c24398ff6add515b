"""The text a notice is read from, folded for matching without losing offsets.

A notice's document is its title, a blank line, then its body text
(``Article.content_text``): ``document = title + "\\n\\n" + text``.  Every
extracted field keeps the span of the document it came from (start, end and
the exact text), so ``document[start:end] == text`` always holds.

Matching happens on a folded copy of exactly the same length (lower case, no
tone marks, đ -> d, one character for one character), so an offset found in
the folded copy is an offset in the original.  Names are read on the
original, where capital letters still mark them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

SEPARATOR = "\n\n"


@cache
def _fold_char(ch: str) -> str:
    """One character folded to one character: base letter, lower case; anything else unchanged."""
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    lowered = (base or ch).lower()
    return lowered if len(lowered) == 1 else ch


def fold_same_length(text: str) -> str:
    """text folded for matching, len() unchanged: offsets carry over to the original."""
    return "".join(_fold_char(ch) for ch in text)


_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in range(0x61, 0x1F00) if chr(c).islower() and chr(c).isalpha())
UPPER = f"[{re.escape(_UPPER)}]"
LOWER = f"[{re.escape(_LOWER)}]"
# A word of a Vietnamese personal name: "Tùng", "A", "NGUYỄN", "Pánh", "Niê", "H'Hen".
NAME_WORD = f"{UPPER}(?:{LOWER}|['’]{LOWER})*|{UPPER}+"
# A police unit below its body: "Bộ Công an", "Công an tỉnh Đắk Lắk", "Công an Thành phố Hồ Chí Minh".
PLACE_WORD = f"(?:{UPPER}[\\w'’]*|\\d+)"
POLICE_UNIT = (f"(?:Bộ Công an|Công an (?i:tỉnh|thành phố|tp\\.?|huyện|quận|thị xã|phường|xã|đặc khu) "
               f"{PLACE_WORD}(?: {PLACE_WORD}){{0,4}})")
NAME_RE = re.compile(f"(?:{NAME_WORD})(?: (?:{NAME_WORD})){{1,5}}(?!\\w)")


@dataclass(frozen=True)
class Span:
    """What a field was read from: document[start:end] == text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Found:
    """A field's value (normalized) and the span it came from."""

    value: Any
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "start": self.span.start, "end": self.span.end, "text": self.span.text}


class Document:
    """Title and body as one string, with its folded twin."""

    def __init__(self, title: str, text: str) -> None:
        self.title = title or ""
        self.body_start = len(self.title) + len(SEPARATOR)
        self.text = self.title + SEPARATOR + (text or "")
        self.folded = fold_same_length(self.text)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def found(self, value: Any, start: int, end: int) -> Found:
        return Found(value, self.span(start, end))

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """The sentence around position: from after the last '.', ';', '!', '?' or line break before it."""
        start = position
        while start > 0 and not _ends_sentence(self.text, start - 1):
            start -= 1
        end = position
        while end < len(self.text) and not _ends_sentence(self.text, end):
            end += 1
        return start, end


def _ends_sentence(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "\n;!?":
        return True
    return ch == "." and (i + 1 == len(text) or text[i + 1] in " \n")


def name_at(doc: Document, position: int) -> Found | None:
    """A personal name starting at position (after spaces), as displayed: ALL CAPS -> Title Case."""
    while position < len(doc.text) and doc.text[position] in " :":
        position += 1
    match = NAME_RE.match(doc.text, position)
    if not match:
        return None
    raw = match.group(0)
    value = raw.title() if raw.isupper() else raw
    return doc.found(value, match.start(), match.end())


DATE_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
DATE_WORDS = re.compile(r"(\d{1,2}) thang (\d{1,2}) nam (\d{4})(?!\d)")


def parse_date_at(doc: Document, position: int) -> Found | None:
    """A day-first date starting at position ("12/03/1990", "01-02-2023", "07.3.2024", "20 tháng 5 năm 2023")."""
    for pattern, text in ((DATE_NUMERIC, doc.text), (DATE_WORDS, doc.folded)):
        match = pattern.match(text, position)
        if match:
            value = _iso(*match.groups())
            return doc.found(value, match.start(), match.end()) if value else None
    return None


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def first_match(pattern: re.Pattern, doc: Document, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first match of a folded-text pattern in doc.folded[start:end]."""
    return pattern.search(doc.folded, start, len(doc.text) if end is None else end)


def skip_spaces(doc: Document, position: int, chars: str = " :") -> int:
    while position < len(doc.text) and doc.text[position] in chars:
        position += 1
    return position
