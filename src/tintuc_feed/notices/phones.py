"""Vietnamese phone numbers in notice text, normalized to E.164 (+84…) or dropped.

Numbers are written "0868.123.456", "0393 456 789", "+84 886 555 999",
"(+84) 24 3999 8888", "069.2222.000", "1900 6868".  Validation is
Google's libphonenumber (the `phonenumbers` package) for Vietnam, plus one
rule of our own: the 069 numbers of the police's own network (069 + 7
digits), which every police notice gives as its contact and libphonenumber
does not know.  Anything else (short codes like 113, account numbers,
fragments) is dropped: a number is E.164 or absent, never half-read.

In a fraud warning a number is either the scammers' (an indicator) or the
police's (whom to call).  ROLE_CUES decides by the nearest cue before the
number in its sentence, or a cue just after it ("… của đối tượng").
"""

from __future__ import annotations

import re

import phonenumbers

from .text import Document, Found

CANDIDATE = re.compile(
    r"(?<![\w+])(?:\(\+84\)|\+84|0084|0)[\s.\-]?\(?\d\)?(?:[\s.\-]?\d){7,10}(?![\d])"
    r"|(?<![\w+])1[89]00[\s.\-]?\d{2,4}(?:[\s.\-]?\d{2,4})?(?![\d])"
)
POLICE_NETWORK = re.compile(r"^\+8469\d{7}$")  # 069 xxx xxxx: the police's own landline network


def to_e164(raw: str) -> str | None:
    """raw as +84… if it is a Vietnamese number we can vouch for, else None."""
    digits = re.sub(r"[^\d+]", "", raw.replace("(+84)", "+84"))
    if digits.startswith("0084"):
        digits = "+84" + digits[4:]
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 84:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number) or POLICE_NETWORK.match(e164):
        return e164
    return None


def find_phones(doc: Document, start: int = 0, end: int | None = None,
                exclude: tuple[tuple[int, int], ...] = ()) -> list[Found]:
    """Every valid phone number in doc.text[start:end], as E.164 with its span; spans in exclude skipped."""
    found: list[Found] = []
    for match in CANDIDATE.finditer(doc.text, start, len(doc.text) if end is None else end):
        if any(a < match.end() and match.start() < b for a, b in exclude):
            continue
        value = to_e164(match.group(0))
        if value:
            found.append(doc.found(value, match.start(), match.end()))
    return found


# (cue on folded text, role, why).  The cue nearest before the number, in its sentence, decides.
ROLE_CUES: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(r"\bbao (ngay |tin )?(cho|den|toi|voi)\b"), "contact", "the public is told to report to this number"),
    (re.compile(r"\blien he (voi )?(co quan|cong an|phong|doi|dieu tra vien|dong chi|can bo)\b"), "contact",
     "the number of the police unit to contact"),
    (re.compile(r"\b(duong day nong cua cong an|so truc ban|qua so)\b"), "contact", "the police's hotline"),
    (re.compile(r"\b(doi tuong|ke gian|gia danh|mao danh|gia mao|fanpage|hotline|dau so)\b"), "scam",
     "a number the scammers use"),
    (re.compile(r"\b(goi (dien )?(thoai )?tu (so|thue bao)|so may|so la)\b"), "scam", "the number the calls come from"),
)
AFTER_SCAM = re.compile(r"^\s*(cua (cac )?(doi tuong|ke gian))\b")


def phone_role(doc: Document, found: Found) -> str:
    """"scam" or "contact": see ROLE_CUES; a number with no cue in its sentence is taken as the scammers'."""
    if AFTER_SCAM.match(doc.folded[found.span.end:found.span.end + 30]):
        return "scam"
    sentence_start, _ = doc.sentence_bounds(found.span.start)
    before = doc.folded[sentence_start:found.span.start]
    best: tuple[int, str] | None = None
    for pattern, role, _why in ROLE_CUES:
        for match in pattern.finditer(before):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else "scam"
