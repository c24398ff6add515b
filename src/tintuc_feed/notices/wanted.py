"""Wanted notices (truy nã) and the notices that end them (đình nã, arrest, surrender): per person.

A notice names one person or several.  Each person starts at an anchor (a
"Họ và tên:" label, a name after "truy nã đối với (bị can|đối tượng)", a
numbered list item "1. Nguyễn Văn A, sinh …"); the person's block runs to the
next anchor.  Fields are read in the block; a field the block lacks is taken
from the whole notice only when the notice gives exactly one value for it (a
decision, a unit or a charge shared by everyone named).  Nothing is guessed:
a field not found is absent, listed in `missing`, and lowers `confidence`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .text import POLICE_UNIT, Document, Found, name_at, parse_date_at, skip_spaces

# ---- anchors: where a person's block starts ---------------------------------------------------
# (folded pattern; the name follows the match; whether birth details must follow within BIRTH_WINDOW)
ANCHORS: tuple[tuple[re.Pattern, bool, str], ...] = (
    (re.compile(r"\bho (va )?ten( khai sinh)?\s*:"), False, "the 'Họ và tên:' label of the labelled form"),
    (re.compile(r"\b(truy na|dinh na|doi voi)\s*:?\s*(cac )?((bi can|bi cao|doi tuong)( truy na)? )?"), True,
     "a name after 'truy nã / đình nã / đối với (bị can|đối tượng)'"),
    (re.compile(r"\b(bi can|bi cao|doi tuong)( truy na)? "), True, "a name after 'bị can' / 'đối tượng'"),
    (re.compile(r"(?m)^\d{1,2}[.)]\s+"), True, "a numbered list item"),
)
BIRTH_WINDOW = 60
BIRTH_NEAR = re.compile(r"\b(sinh (ngay|nam)|sn)\b")


@dataclass
class Person:
    """One person of a notice: field name -> Found (absent when not found)."""

    name: Found
    start: int
    end: int
    fields: dict[str, object] = field(default_factory=dict)


def find_people(doc: Document) -> list[Person]:
    """The persons a notice names, in order, each with its block [start, end)."""
    anchors: list[Found] = []
    for pattern, needs_birth, _why in ANCHORS:
        for match in pattern.finditer(doc.folded, doc.body_start):
            name = name_at(doc, match.end())
            if name is None:
                continue
            if needs_birth and not BIRTH_NEAR.search(doc.folded, name.span.end, name.span.end + BIRTH_WINDOW):
                continue
            anchors.append(name)
    return _blocks(doc, anchors)


def _blocks(doc: Document, anchors: list[Found]) -> list[Person]:
    seen: set[str] = set()
    unique = []
    for name in sorted(anchors, key=lambda f: f.span.start):
        key = doc.folded[name.span.start:name.span.end].replace(" ", "")
        if key not in seen and not any(_overlaps(name, other) for other in unique):
            seen.add(key)
            unique.append(name)
    if not unique:
        return []
    ends = [a.span.start for a in unique[1:]] + [len(doc.text)]
    return [Person(name, name.span.start, end) for name, end in zip(unique, ends, strict=True)]


def _overlaps(a: Found, b: Found) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


# ---- fields ------------------------------------------------------------------------------------

SEX = re.compile(r"\bgioi tinh\s*:?\s*(nam|nu)\b")
OTHER_NAMES = re.compile(r"\bten (goi )?khac\s*:\s*")
BIRTH = re.compile(r"\b(?:sinh (?:ngay|nam)|sn)\s*:?\s*")
YEAR = re.compile(r"(19|20)\d{2}(?!\d)")
RESIDENCE = re.compile(r"\b(noi dkhktt|noi dktt|dkhktt|dktt|hktt|noi thuong tru|thuong tru tai|noi cu tru"
                       r"|cu tru tai|tru tai|noi o hien nay)\s*:?\s*(tai\s+)?")
RESIDENCE_STOP = re.compile(r";|\n|\(|\.(?=\s|$)|, (?=(ve toi|bi truy na|doi tuong|dan toc|con ong|con ba|nghe nghiep"
                            r"|noi o|da |hien |sinh |quoc tich|ton giao|toi danh|bi bat|nay)\b)")
CHARGE_CUE = re.compile(r"\b(?:ve (?:cac )?toi|toi danh|pham toi|ve hanh vi)\s*:?\s*")
QUOTED = re.compile(r"[\"“]([^\"”\n]{2,120})[\"”]")
UNQUOTED_CHARGE = re.compile(r"[^,.;\n\"“]{3,80}")
ARTICLE = re.compile(r"(?:diem [a-z] )?(?:khoan (\d{1,2}) )?dieu (\d{1,3})\b")
DECISION = re.compile(r"\b(?:quyet dinh truy na|qdtn)\s*(?:so)?\s*:?\s*")
DINH_NA_DECISION = re.compile(r"\bquyet dinh dinh na\s*(?:so)?\s*:?\s*")
NUMBER = re.compile(r"\d{1,5}/[^\s,;]+")
DATE_AFTER = re.compile(r"[\s,]*(?:ngay\s*)")
DATE_BEFORE = re.compile(r"\bngay\s+(?=\d)")
UNIT = re.compile(f"(?:Cơ quan (?:Cảnh sát|An ninh) điều tra|Cơ quan CSĐT|Cơ quan ANĐT|Cơ quan điều tra) {POLICE_UNIT}")


def sex(doc: Document, start: int, end: int) -> Found | None:
    match = SEX.search(doc.folded, start, end)
    if not match:
        return None
    return doc.found("nữ" if match.group(1) == "nu" else "nam", match.start(1), match.end(1))


def other_names(doc: Document, start: int, end: int) -> Found | None:
    match = OTHER_NAMES.search(doc.folded, start, end)
    if not match:
        return None
    stop = re.compile(r"[;\n.)]").search(doc.text, match.end(), end)
    value_end = stop.start() if stop else end
    names = [n.strip() for n in doc.text[match.end():value_end].split(",") if n.strip()]
    return doc.found(names, match.end(), value_end) if names else None


def birth(doc: Document, start: int, end: int) -> tuple[Found | None, Found | None]:
    """(year, full date) of the first birth mention in the block."""
    match = BIRTH.search(doc.folded, start, end)
    if not match:
        return None, None
    full = parse_date_at(doc, match.end())
    if full:
        return doc.found(int(full.value[:4]), full.span.start, full.span.end), full
    year = YEAR.match(doc.text, match.end())
    return (doc.found(int(year.group(0)), year.start(), year.end()), None) if year else (None, None)


def residence(doc: Document, start: int, end: int) -> Found | None:
    match = RESIDENCE.search(doc.folded, start, end)
    if not match:
        return None
    stop = RESIDENCE_STOP.search(doc.folded, match.end(), end)
    value_end = stop.start() if stop else end
    value = doc.text[match.end():value_end].strip(" ,")
    return doc.found(value, match.end(), match.end() + len(value)) if value else None


def charges(doc: Document, start: int, end: int) -> Found | None:
    """[{name, article, clause}] of the first charge phrase in the block."""
    match = CHARGE_CUE.search(doc.folded, start, end)
    if not match:
        return None
    names = _charge_names(doc, match.end(), end)
    if not names:
        return None
    last = names[-1][2]
    sentence_end = doc.sentence_bounds(last)[1]
    articles = list(ARTICLE.finditer(doc.folded, last, min(sentence_end, end)))
    items = []
    for i, (name, _s, _e) in enumerate(names):
        item: dict[str, object] = {"name": name}
        if i < len(articles):
            clause, number = articles[i].groups()
            item["article"] = int(number)
            if clause:
                item["clause"] = int(clause)
        items.append(item)
    span_end = articles[min(len(articles), len(names)) - 1].end() if articles else last
    return doc.found(items, names[0][1], span_end)


def _charge_names(doc: Document, position: int, end: int) -> list[tuple[str, int, int]]:
    names = []
    quoted = QUOTED.match(doc.text, position)
    while quoted and quoted.start() < end:
        names.append((quoted.group(1).strip(), quoted.start(), quoted.end()))
        joiner = re.compile(r"\s*(?:,|và)\s*").match(doc.text, quoted.end())
        quoted = QUOTED.match(doc.text, joiner.end()) if joiner else None
    if names:
        return names
    plain = UNQUOTED_CHARGE.match(doc.text, position, end)
    if plain and not re.search(r"\d", plain.group(0)):
        text = plain.group(0).rstrip()
        return [(text, plain.start(), plain.start() + len(text))]
    return []


def decision(doc: Document, start: int, end: int, cue: re.Pattern = DECISION) -> tuple[Found | None, Found | None]:
    """(number, date) of a decision: "Quyết định truy nã số 05/QĐ-CSHS ngày 15/3/2024" or "Ngày …, … ra QĐTN số …"."""
    match = cue.search(doc.folded, start, end)
    if not match:
        return None, None
    number = NUMBER.match(doc.text, skip_spaces(doc, match.end()))
    if not number:
        return None, None
    value = _trim_number(number.group(0))
    found = doc.found(value, number.start(), number.start() + len(value))
    return found, _decision_date(doc, found)


def _trim_number(raw: str) -> str:
    raw = raw.rstrip(".:")
    while raw.endswith(")") and raw.count(")") > raw.count("("):
        raw = raw[:-1]
    return raw


def _decision_date(doc: Document, number: Found) -> Found | None:
    after = DATE_AFTER.match(doc.folded, number.span.end)
    if after and (found := parse_date_at(doc, after.end())):
        return found
    sentence_start, _ = doc.sentence_bounds(number.span.start)
    window_start = max(sentence_start, number.span.start - 200)
    before = list(DATE_BEFORE.finditer(doc.folded, window_start, number.span.start))
    return parse_date_at(doc, before[-1].end()) if before else None


def issuing_unit(doc: Document, start: int, end: int) -> Found | None:
    match = UNIT.search(doc.text, start, end)
    return doc.found(match.group(0), match.start(), match.end()) if match else None


# ---- putting it together -----------------------------------------------------------------------

CORE = ("birth_year", "residence", "charges", "decision_number")
FIELDS = ("other_names", "sex", "birth_year", "birth_date", "residence", "charges", "decision_number",
          "decision_date", "issuing_unit", "photo")


def read_block(doc: Document, start: int, end: int) -> dict[str, Found]:
    """Every field found in doc[start:end]."""
    year, full = birth(doc, start, end)
    number, when = decision(doc, start, end)
    found = {"other_names": other_names(doc, start, end), "sex": sex(doc, start, end), "birth_year": year,
             "birth_date": full, "residence": residence(doc, start, end), "charges": charges(doc, start, end),
             "decision_number": number, "decision_date": when, "issuing_unit": issuing_unit(doc, start, end)}
    return {key: value for key, value in found.items() if value is not None}


SHARED = ("charges", "decision_number", "decision_date", "issuing_unit")


def read_people(doc: Document, images: Sequence[Found] = ()) -> list[Person]:
    """The wanted persons of a notice with their fields (see the module docstring)."""
    people = find_people(doc)
    whole = _document_values(doc, people)
    for index, person in enumerate(people):
        person.fields = read_block(doc, person.start, person.end)
        for key in SHARED:
            if key not in person.fields and key in whole:
                person.fields[key] = whole[key]
        photo = _photo(images, index, len(people))
        if photo:
            person.fields["photo"] = photo
    return people


def _document_values(doc: Document, people: list[Person]) -> dict[str, Found]:
    """Fields the notice gives exactly once (one distinct value) in the whole body."""
    shared = {}
    for key, reader in (("charges", charges), ("issuing_unit", issuing_unit)):
        values = _all_values(doc, reader)
        if len({repr(v.value) for v in values}) == 1:
            shared[key] = values[0]
    decisions = _all_values(doc, lambda d, s, e: decision(d, s, e)[0])
    if len({v.value for v in decisions}) == 1:
        shared["decision_number"] = decisions[0]
        when = _decision_date(doc, decisions[0])
        if when:
            shared["decision_date"] = when
    return shared


def _all_values(doc: Document, reader: Callable) -> list[Found]:
    values, position = [], doc.body_start
    while position < len(doc.text):
        found = reader(doc, position, len(doc.text))
        if found is None or found.span.end <= position:
            break
        values.append(found)
        position = found.span.end
    return values


def _photo(images: Sequence[Found], index: int, count: int) -> Found | None:
    """The person's photo: the only image for one person, else the index-th when images and persons pair up."""
    if count == 1 and images:
        return images[0]
    if count > 1 and len(images) == count:
        return images[index]
    return None


def confidence(fields: dict[str, Found]) -> tuple[str, list[str]]:
    """("high" | "medium" | "low", the fields not found)."""
    missing = [key for key in FIELDS if key not in fields]
    have = sum(1 for key in CORE if key in fields)
    if have == len(CORE):
        return "high", missing
    if "birth_year" in fields and have >= 3:
        return "medium", missing
    return "low", missing


# ---- withdrawals -------------------------------------------------------------------------------

REASONS: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(r"\b(da chet|tu vong|chet)\b"), "dead", "the person died"),
    (re.compile(r"\b(dau thu|ra dau thu|ra trinh dien)\b"), "surrendered", "the person surrendered"),
    (re.compile(r"\b(bi bat|bat giu|bat duoc|di ly|sa luoi)\b"), "arrested", "the person was caught"),
    (re.compile(r"\b(huy bo|thu hoi|dinh na)\b"), "cancelled", "the decision was withdrawn, no reason given"),
)


def withdrawal_reason(doc: Document) -> Found | None:
    for pattern, reason, _why in REASONS:
        match = pattern.search(doc.folded)
        if match:
            return doc.found(reason, match.start(), match.end())
    return None


def read_withdrawal(doc: Document) -> dict[str, object]:
    """The persons a withdrawal names (name, birth year), the wanted decision it ends, its own decision, the reason."""
    people = []
    for person in find_people(doc):
        year, _ = birth(doc, person.start, person.end)
        people.append({"name": person.name, **({"birth_year": year} if year else {})})
    wanted_number, wanted_date = decision(doc, doc.body_start, len(doc.text))
    own_number, own_date = decision(doc, doc.body_start, len(doc.text), DINH_NA_DECISION)
    found = {"people": people, "wanted_decision": wanted_number, "wanted_decision_date": wanted_date,
             "decision_number": own_number, "decision_date": own_date, "reason": withdrawal_reason(doc)}
    return {key: value for key, value in found.items() if value is not None}
