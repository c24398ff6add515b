"""Page bytes to text: the charset the page declares, verified against its bytes.

Vietnamese portals still serve pages in legacy charsets (windows-1258 writes
tone marks as separate combining characters, so its text is NFC-normalized
here) and some declare a charset their bytes contradict.  The rules, in order:

1. A byte order mark decides.
2. Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever is
   declared: a single-byte declaration on UTF-8 bytes is the classic source of
   mojibake ("CÃ´ng an"), and no real windows-1258/1252 text is valid UTF-8.
   Bytes that are UTF-8 but for a few invalid sequences (a truncated teaser,
   a byte pasted from a legacy page: at most one per UTF8_MIN_VALID_PER_INVALID
   valid multi-byte characters) are UTF-8 too, the invalid bytes read as
   U+FFFD, as a browser reads them; a real legacy page has few valid sequences.
3. Otherwise the declared charset (HTTP header, then <meta>) if the bytes
   decode with it; else charset-normalizer's reading of the bytes among
   FALLBACK_CHARSETS.

Two kinds of page are refused after that (NotAnArticle, counted as skipped):
a binary body (BINARY_MAGIC, or NUL bytes) whatever its content type says, and
text that still reads as mojibake (MOJIBAKE: UTF-8 bytes once read as
cp1252/latin-1 and stored that way by the site: at least MOJIBAKE_MIN pairs,
holding at least MOJIBAKE_SHARE of the page's accented letters).
"""

from __future__ import annotations

import re
import unicodedata

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from .families.base import NotAnArticle

# Leading bytes of bodies that are never HTML -> what they are.
BINARY_MAGIC: dict[bytes, str] = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip data",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"RIFF": "RIFF media (WebP, WAV, AVI)",
    b"\x00\x00\x00": "binary data (video or font)",
}
# Charsets tried when the declared one does not fit the bytes (charset-normalizer picks among them).
FALLBACK_CHARSETS = ["utf_8", "cp1258", "cp1252", "latin_1"]
# UTF-8 lead bytes of Vietnamese letters read as cp1252/latin-1, followed by a continuation byte read the same
# way: "Ã´" (ô), "áº¡" (ạ), "á»‡" (ệ), "Ä‘" (đ), "Æ°" (ư), "â€œ" (“).  Two kinds of lead:
# - upper-case leads (Â Ã Ä Å Æ) pair with any continuation, the cp1252 punctuation included ("CÃ”NG" is CÔNG);
# - lower-case leads (á â ã) are also real Vietnamese letters, and real text puts a closing quote, a dash or an
#   ellipsis right after them ("quá”", "đã…", "Đắk Lắk–"): they pair only with a continuation no real text
#   writes after a letter -- the Latin-1 range but NBSP ("áº", "á»"), and "€", "„", "†", "‡" ("â€œ").
UPPER_LEADS = "\u00c2-\u00c6"
UPPER_ENDS = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
              "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
LOWER_LEADS = "\u00e1-\u00e3"
LOWER_ENDS = "\u0080-\u009f\u00a1-\u00bf\u20ac\u201e\u2020\u2021"  # a subset of UPPER_ENDS
MOJIBAKE = re.compile(f"[{UPPER_LEADS}][{UPPER_ENDS}]|[{LOWER_LEADS}][{LOWER_ENDS}]")
# mojibake_pairs counts MOJIBAKE's matches from their second character: pair ends are rare in real text (quotes,
# dashes, NBSP) where the lower-case leads are common Vietnamese letters, so the scan stops far less often (5x
# faster on saved real pages).  No end is a lead, so the pairs never overlap and the counts are the same
# (tests/faults/test_charset.py compares them).
_PAIR_END = re.compile(f"[{UPPER_ENDS}]")
_LOWER_END = re.compile(f"[{LOWER_ENDS}]")
_UPPER_LEAD = re.compile(f"[{UPPER_LEADS}]")
_LOWER_LEAD = re.compile(f"[{LOWER_LEADS}]")
MOJIBAKE_MIN = 3  # pairs in a page before it counts as garbled (one "Â©" in a footer is not enough) ...
# ... and the share of the page's non-ASCII letters inside them: a page the site stored garbled has nearly all its
# accented letters in pairs (0.6-0.9), a good page with a few garbled product links or one quoted title 0.1 or less.
MOJIBAKE_SHARE = 0.2


def binary_kind(body: bytes) -> str | None:
    """What a body that cannot be a web page is ("a PDF document"), or None."""
    head = body[:16].lstrip(b" \t\r\n")
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    if read_bom(body)[0] is None and b"\x00" in body[:4096]:  # UTF-16/32 pages carry a BOM
        return "binary data"
    return None


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


UTF8_MIN_VALID_PER_INVALID = 20


def _is_mostly_utf8(body: bytes) -> bool:
    """Valid UTF-8 multi-byte characters outnumber the invalid sequences UTF8_MIN_VALID_PER_INVALID to one
    (asked only of bodies that are not valid UTF-8)."""
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    return invalid > 0 and valid >= UTF8_MIN_VALID_PER_INVALID * invalid


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def choose_encoding(body: bytes, content_type: str | None) -> str:
    """The encoding to read body with (rules 1-3 above)."""
    bom_encoding, _ = read_bom(body)
    if bom_encoding:
        return bom_encoding
    if _is_utf8(body) or _is_mostly_utf8(body):
        return "utf-8"
    declared = http_content_type_encoding(content_type or "") or html_body_declared_encoding(body)
    if declared and _decodes(body, declared):
        return declared
    from charset_normalizer import from_bytes

    best = from_bytes(body, cp_isolation=FALLBACK_CHARSETS).best()
    return best.encoding if best else "cp1252"


def decode_page(body: bytes, content_type: str | None) -> tuple[str, str]:
    """(text, encoding): the body read with choose_encoding, BOM dropped, NFC (windows-1258 tone marks joined)."""
    encoding = choose_encoding(body, content_type)
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        body = body[len(bom):]
    return unicodedata.normalize("NFC", body.decode(encoding, errors="replace")), encoding


def mojibake_pairs(text: str) -> int:
    """How many MOJIBAKE pairs the text holds (len(MOJIBAKE.findall(text)), counted from the pairs' ends)."""
    pairs = 0
    for end in _PAIR_END.finditer(text, 1):
        at = end.start()
        if _UPPER_LEAD.match(text, at - 1) or (_LOWER_LEAD.match(text, at - 1) and _LOWER_END.match(text, at)):
            pairs += 1
    return pairs


def garbled_share(text: str, pairs: int) -> float:
    """The pairs' share of the text's non-ASCII letters (each pair's lead is one of them)."""
    letters = sum(1 for ch in text if ch >= "\x80" and ch.isalpha())
    return pairs / letters if letters else 1.0


def article_text(body: bytes, content_type: str | None) -> str:
    """An article page's text; NotAnArticle for a binary body ("not-html") or a garbled one ("mojibake")."""
    kind = binary_kind(body)
    if kind:
        raise NotAnArticle("not-html", f"the body is {kind} (served as {content_type or 'no content type'})")
    text, encoding = decode_page(body, content_type)
    pairs = mojibake_pairs(text)
    if pairs >= MOJIBAKE_MIN and (share := garbled_share(text, pairs)) >= MOJIBAKE_SHARE:
        raise NotAnArticle(
            "mojibake",
            f"read as {encoding}, the text is still garbled ({pairs} pairs like 'Ã´', {share:.0%} of its letters)",
        )
    return text
