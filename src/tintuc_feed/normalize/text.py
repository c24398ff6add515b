"""Text normalization: NFC, entities, invisible characters, whitespace.

Displayed text keeps its spelling exactly (old and new tone placement, "Đăk"
and "Đắk"); only `fold_key` folds those differences, for comparison.

Every function here is total (never raises on a str), idempotent, and returns
NFC text free of the characters in FORBIDDEN_CHARS and XML-illegal ones.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache

# Invisible characters removed outright (they carry no text).
FORBIDDEN_CHARS = frozenset(
    "\u00ad"  # SOFT HYPHEN: an invisible hyphenation hint
    "\u034f"  # COMBINING GRAPHEME JOINER: spam mirrors interleave it ("C͏ô͏n͏g͏")
    "\u061c"  # ARABIC LETTER MARK (bidi control)
    "\u115f\u1160"  # Hangul fillers, rendered as nothing
    "\u180e"  # MONGOLIAN VOWEL SEPARATOR, formerly a space, now invisible
    "\u200b\u200c\u200d"  # ZERO WIDTH SPACE / NON-JOINER / JOINER
    "\u200e\u200f"  # LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # WORD JOINER and invisible operators
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u3164"  # HANGUL FILLER
    "\ufeff"  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
    "\ufff9\ufffa\ufffb"  # interlinear annotation controls
)

# Characters that are spaces in all but name: mapped to " ".
SPACE_CHARS = frozenset(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"
)

# Line breaks: mapped to "\n" (U+2029 PARAGRAPH SEPARATOR to a paragraph break).
LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}

_LINE_BREAK_RE = re.compile("|".join(re.escape(k) for k in LINE_BREAKS))
_SPACES_RE = re.compile("[" + "".join(sorted(SPACE_CHARS)) + "]")
_WS_RUN_RE = re.compile(r"[ \n]+")
_BLANK_LINES_RE = re.compile(r"\n[ ]*\n\s*")
_FOLD_PUNCT_RE = re.compile(r"[\W_]+")
# XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_XML_ILLEGAL_RE = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# FORBIDDEN_CHARS and the C1 controls but U+0085 (a line break), in one class.
_INVISIBLE_RE = re.compile("[" + "".join(sorted(FORBIDDEN_CHARS)) + "\x7f-\x84\x86-\x9f]")
# Every character of U+0300-U+036F is a combining mark (Mn); Vietnamese NFD uses only those.
_BASIC_MARKS_RE = re.compile("[\u0300-\u036f]+")
_BEYOND_BASIC_RE = re.compile("[^\x00-\u036f]")
FOLD_CACHE_MAX_CHARS = 200  # fold_key remembers the keys of strings up to this long (names, labels, lines)
# Fixed-point cap: after the first pass a change only shortens the text
# ("&amp;amp;" -> "&amp;" -> "&"), so len(s) more passes always suffice.
_MAX_PASSES = 8
# Fast paths: a string with none of the characters a step changes (entities, spaces but U+0020, line
# breaks, invisible and XML-illegal characters), no run of two spaces, no space at either end and in NFC
# is its own normalize_text; normalize_block also allows "\n" and "\n\n" between lines that are.
# tests/normalize/test_normalize_fast_paths.py checks each fast path against the full steps.
_CHANGED_CHARS = ("&\r\x85\u2028\u2029" + "".join(sorted(SPACE_CHARS)) + "".join(sorted(FORBIDDEN_CHARS))
                  + "\x7f-\x84\x86-\x9f")
# The characters outside XML 1.0 (_XML_ILLEGAL_RE's class) as ranges, to join one class with the others:
# one character class is searched far faster than an alternation; the runs are substrings (str.find).
_XML_ILLEGAL_RANGES = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_TEXT_WORK_RE = re.compile("[\n" + _CHANGED_CHARS + _XML_ILLEGAL_RANGES + "]")
_TEXT_WORK_RUNS = ("  ",)
_BLOCK_WORK_RE = re.compile("[" + _CHANGED_CHARS + _XML_ILLEGAL_RANGES + "]")
_BLOCK_WORK_RUNS = ("  ", " \n", "\n ", "\n\n\n")


def remove_illegal_xml_chars(s: str) -> str:
    """Drop characters XML 1.0 forbids (C0 controls, surrogates, U+FFFE/F)."""
    return _XML_ILLEGAL_RE.sub("", s)


def remove_invisible_chars(s: str) -> str:
    """Drop XML-illegal characters, C1 controls and invisible format characters."""
    return _INVISIBLE_RE.sub("", remove_illegal_xml_chars(s))


def _is_c1_control(ch: str) -> bool:
    return "\x7f" <= ch <= "\x9f" and ch != "\x85"


def _clean_once(s: str) -> str:
    """One pass: entities, invisible characters, spaces, NFC (no collapsing)."""
    s = html.unescape(remove_invisible_chars(_SPACES_RE.sub(" ", s)))
    s = remove_invisible_chars(_SPACES_RE.sub(" ", s))
    s = _LINE_BREAK_RE.sub(lambda m: LINE_BREAKS[m.group(0)], s)
    s = _SPACES_RE.sub(" ", s)
    return unicodedata.normalize("NFC", s)


def _to_fixed_point(s: str, step) -> str:
    """Apply `step` until the text stops changing (double-escaped entities)."""
    for _ in range(_MAX_PASSES + len(s)):
        new = step(s)
        if new == s:
            return new
        s = new
    return s


def _text_step(s: str) -> str:
    return _WS_RUN_RE.sub(" ", _clean_once(s)).strip(" ")


def normalize_text(s: str) -> str:
    """One line of display text: NFC, entities decoded, invisible chars out, spaces collapsed."""
    if not isinstance(s, str):
        return ""
    if _is_plain(s, _TEXT_WORK_RE, _TEXT_WORK_RUNS):
        return s
    return _to_fixed_point(s, _text_step)


def _is_plain(s: str, work: re.Pattern[str], runs: tuple[str, ...]) -> bool:
    """True when no step would change s (see _CHANGED_CHARS)."""
    return (s[:1] not in (" ", "\n") and s[-1:] not in (" ", "\n") and work.search(s) is None
            and not any(run in s for run in runs) and unicodedata.is_normalized("NFC", s))


def _block_step(s: str) -> str:
    s = _clean_once(s)
    paragraphs = _BLANK_LINES_RE.split(s)
    out = []
    for para in paragraphs:
        lines = [_text_step(line) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def normalize_block(s: str) -> str:
    """Like normalize_text, but keeps paragraphs ("\\n\\n") and lines ("\\n")."""
    if not isinstance(s, str):
        return ""
    if _is_plain(s, _BLOCK_WORK_RE, _BLOCK_WORK_RUNS):
        return s
    return _to_fixed_point(s, _block_step)


def strip_marks(s: str) -> str:
    """Remove every combining mark and map đ/Đ to d/D ("Đắk Lắk" -> "Dak Lak")."""
    if s.isascii():  # no mark, no đ, and NFD/NFC leave ASCII as it is
        return s
    bare = s.translate(_ascii_marks_table())
    if bare.isascii():  # every character was ASCII or in the table: the full steps give the same
        return bare
    return _strip_marks(s)


# Latin letters with marks (Vietnamese uses U+00C0-U+01B0 and U+1EA0-U+1EF9) and the combining marks.
_TABLE_RANGES = ((0x00C0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF))


@cache
def _ascii_marks_table() -> dict[int, str]:
    """Each character of _TABLE_RANGES whose _strip_marks is ASCII -> that ASCII ("ắ" -> "a", U+0301 -> "").

    Sound for whole strings made of these and ASCII: NFD decomposes character by character and only
    reorders marks, which are all removed, and NFC leaves ASCII as it is (tests compare the two).
    """
    table = {}
    for start, end in _TABLE_RANGES:
        for code in range(start, end + 1):
            bare = _strip_marks(chr(code))
            if bare.isascii():
                table[code] = bare
    return table


def _strip_marks(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    bare = _BEYOND_BASIC_RE.sub(_drop_mark, _BASIC_MARKS_RE.sub("", decomposed))
    return unicodedata.normalize("NFC", bare)


def _drop_mark(m: re.Match) -> str:
    return "" if unicodedata.category(m.group()) == "Mn" else m.group()


def _fold_step(s: str) -> str:
    s = strip_marks(normalize_text(s).lower())
    return _FOLD_PUNCT_RE.sub(" ", s).strip()


def fold_key(s: str) -> str:
    """Comparison key: lower case, no diacritics, punctuation as spaces.

    "Thanh Hoá", "Thanh Hóa" and "THANH HOA" fold equal, as do "Đăk" and
    "Đắk".  Never shown to readers.
    """
    if not isinstance(s, str):
        return ""
    if len(s) <= FOLD_CACHE_MAX_CHARS:  # the byline and rank tables fold the same short strings again and again
        return _fold_key_cached(s)
    return _fold(s)


@lru_cache(maxsize=16384)
def _fold_key_cached(s: str) -> str:
    return _fold(s)


def _fold(s: str) -> str:
    """_to_fixed_point(s, _fold_step), without the pass that only confirms an ASCII key.

    An ASCII key of _fold_step is lower-case letters and digits in words one space apart: a fixed
    point of _fold_step (tests/normalize/test_normalize_fast_paths.py checks both).
    """
    key = _plain_ascii_key(s)
    if key is not None:
        return key
    key = _fold_step(s)
    if key == s or key.isascii():
        return key
    return _to_fixed_point(s, _fold_step)


# ASCII but letters and digits -> " " (_FOLD_PUNCT_RE's [\W_] on ASCII text), for str.translate's ASCII fast path.
_ASCII_PUNCT_SPACES = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum() or chr(c) == "_"})
_BEYOND_BASIC_MARKS = re.compile("[^\x00-\x7f\u0300-\u036f]")  # neither ASCII nor a basic combining mark


def _plain_ascii_key(s: str) -> str | None:
    """_fold_step(s) when s is its own normalize_text and its letters lose their marks to ASCII, else None.

    Then _fold_step is strip_marks(s.lower()) with punctuation as single spaces, and strip_marks is
    _strip_marks (its fast paths are the same function): đ to d, NFD, the marks out.  When the NFD text
    is ASCII and basic marks (U+0300-U+036F) only, dropping its non-ASCII characters drops exactly the
    marks, and the ASCII result is its own NFC.  No table lookup per character (str.translate with a
    dict), one NFD in C; tests/normalize/test_normalize_fast_paths.py compares it with the full steps.
    """
    if not (s[:1] not in (" ", "\n") and s[-1:] not in (" ", "\n") and _TEXT_WORK_RE.search(s) is None
            and "  " not in s and unicodedata.is_normalized("NFC", s)):  # _is_plain(s, _TEXT_WORK_RE, _TEXT_WORK_RUNS)
        return None
    lowered = s.lower()
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d").replace("Đ", "D"))
        if _BEYOND_BASIC_MARKS.search(decomposed) is not None:
            return None
        lowered = decomposed.encode("ascii", "ignore").decode("ascii")
    return " ".join(lowered.translate(_ASCII_PUNCT_SPACES).split())
