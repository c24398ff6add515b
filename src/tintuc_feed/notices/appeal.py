"""Appeals to the public (tìm người bị hại, chủ sở hữu tài sản, nhân chứng, thân nhân): what, whom, by when."""

from __future__ import annotations

import re

from .phones import find_phones
from .text import POLICE_UNIT, Document, Found, name_at, parse_date_at

# (label, Vietnamese display, folded pattern, why)
ASKS: tuple[tuple[str, str, re.Pattern, str], ...] = (
    ("victim", "Tìm người bị hại", re.compile(r"\b(bi hai|nguoi da (vay|nop|chuyen) tien)\b"),
     "victims are asked to come forward"),
    ("owner", "Tìm chủ sở hữu tài sản", re.compile(r"\bchu so huu\b"), "owners of seized property are sought"),
    ("witness", "Tìm nhân chứng", re.compile(r"\b(nhan chung|nguoi chung kien|chung kien)\b"),
     "witnesses are asked to come forward"),
    ("relatives", "Tìm thân nhân", re.compile(r"\b(than nhan|nhan than|nguoi than)\b"),
     "the relatives of a dead or lost person are sought"),
)
ASK_LABELS = {label: display for label, display, _p, _w in ASKS}
REQUEST = re.compile(r"\b(kinh de nghi|de nghi|ai la|ai biet|nhung nguoi)\b")
CONTACT_CUE = re.compile(r"\b(lien he( voi)?|den|gap|lien lac( voi)?)\s+")
CONTACT_UNIT = re.compile(
    f"(?:(?:Cơ quan (?:Cảnh sát|An ninh) điều tra|Cơ quan CSĐT|Cơ quan ANĐT|Phòng [^,;.\\n]{{3,50}}?) )?{POLICE_UNIT}")
TITLES = re.compile(r"(dieu tra vien|dong chi|d/c|can bo|trinh sat vien|(dai|thuong|trung|thieu) (ta|uy|tuong))\s+")
DEADLINE_DATE = re.compile(r"\b(truoc ngay|han cuoi|den het ngay|cham nhat (la )?ngay)\s*:?\s*")
DEADLINE_DAYS = re.compile(r"\b(trong (thoi han|vong)|thoi han) (\d{1,3}) ngay\b")


def asks(doc: Document) -> list[Found]:
    found = []
    for label, _display, pattern, _why in ASKS:
        match = pattern.search(doc.folded)
        if match:
            found.append(doc.found(label, match.start(), match.end()))
    return sorted(found, key=lambda f: f.span.start)


def request(doc: Document) -> Found | None:
    """The sentence that asks the public to come forward."""
    match = REQUEST.search(doc.folded, doc.body_start)
    if not match:
        return None
    start, end = doc.sentence_bounds(match.start())
    text = doc.text[start:end].strip()
    offset = start + doc.text[start:end].find(text)
    return doc.found(text, offset, offset + len(text))


def contact_unit(doc: Document, sentence: Found | None) -> Found | None:
    """The unit to contact: after "liên hệ / đến / gặp" in the request sentence, else the sentence's, else the first."""
    start, end = (sentence.span.start, sentence.span.end) if sentence else (doc.body_start, len(doc.text))
    for cue in CONTACT_CUE.finditer(doc.folded, start, end):
        match = CONTACT_UNIT.search(doc.text, cue.end(), end)
        if match:
            return doc.found(match.group(0), match.start(), match.end())
    match = CONTACT_UNIT.search(doc.text, start, end) or CONTACT_UNIT.search(doc.text, doc.body_start)
    return doc.found(match.group(0), match.start(), match.end()) if match else None


def officer(doc: Document) -> Found | None:
    """The officer named to contact: "Điều tra viên Đại úy Huỳnh Văn Lợi" -> "Huỳnh Văn Lợi"."""
    for cue in TITLES.finditer(doc.folded, doc.body_start):
        position = cue.end()
        while more := TITLES.match(doc.folded, position):
            position = more.end()
        name = name_at(doc, position)
        if name:
            return name
    return None


def deadline(doc: Document) -> tuple[Found | None, Found | None]:
    """(date, days): "trước ngày 30/11/2024" -> 2024-11-30; "trong thời hạn 30 ngày" -> 30."""
    when = None
    match = DEADLINE_DATE.search(doc.folded, doc.body_start)
    if match:
        when = parse_date_at(doc, match.end())
    days = DEADLINE_DAYS.search(doc.folded, doc.body_start)
    within = doc.found(int(days.group(3)), days.start(), days.end()) if days else None
    return when, within


def read_appeal(doc: Document) -> dict[str, object]:
    sentence = request(doc)
    when, within = deadline(doc)
    found = {"asks": asks(doc), "request": sentence, "contact_unit": contact_unit(doc, sentence),
             "officer": officer(doc), "phones": find_phones(doc, doc.body_start), "deadline": when,
             "deadline_days": within}
    return {key: value for key, value in found.items() if value is not None}
