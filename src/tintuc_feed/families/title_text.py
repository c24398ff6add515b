"""How the title rules compare a heading with the page's metadata titles: on folded words, cut at separators.

Titles are compared on fold_key (case, marks and punctuation folded, spaces
squeezed: `key`), or with every non-word character dropped (`compact`, for a
site's name: "Báo X" and "baox.vn"'s "baox" alike).  A metadata title often
carries more than the headline around a spaced separator (" - ", ": ", " | ";
never the hyphen of "10-in-1"): "Tin A | Báo X", "Rubrik: Tin A".  So

    agrees       a heading equals a title, or its start or end up to a separator
    ends         a title and each start and end of it up to a separator
    shared_part  (rule meta-shared) the longest text two disagreeing metadata
                 titles both hold whole or up to a separator
"""

from __future__ import annotations

import re

from ..normalize.text import fold_key

MIN_AGREE_CHARS = 10  # a shorter heading matching the start/end of a metadata title is a label, not the headline
SPACED_SEPARATOR = re.compile(r"[^\w\s]*\s+[^\w\s]+\s*|[^\w\s]+\s+")  # " - ", ": ", "?: ", " | ", not "10-in-1"

_NON_WORD, _RUNS, _WORD_CHAR = re.compile(r"[\W_]+"), re.compile(r"[^\W_]+|[\W_]+"), re.compile(r"[^\W_]")  # compiled once


def key(text: str | None) -> str:
    return " ".join(fold_key(text or "").split())


def compact(text: str | None) -> str:
    return _NON_WORD.sub("", fold_key(text or ""))


def spaced(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> tuple[list[str], list[str]]:
    """The folded words of a text, and the gap before each word and after the last (gaps[i] precedes words[i])."""
    found, gaps, gap = [], [], ""
    for part in _RUNS.findall(text):
        if _WORD_CHAR.match(part):
            found.append(key(part))
            gaps.append(gap)
            gap = ""
        else:
            gap += part
    return found, [*gaps, gap]


def word_set(text: str) -> set[str]:
    return set(words(text)[0])


def _cut_at_separator(gap: str) -> bool:
    return bool(gap.strip())  # "Tin A | Báo X", "Tin A-lo luyen": not a plain space


def agrees(heading: str, titles: list[str], min_chars: int = MIN_AGREE_CHARS) -> bool:
    """The heading equals one of the titles, or its start or end up to a separator (a suffix or prefix cut off)."""
    heading_key = key(heading)
    if not heading_key:
        return False
    head = heading_key.split()
    for title in titles:
        if key(title) == heading_key:
            return True
        if len(heading_key) < min_chars:
            continue
        title_words, gaps = words(title)
        n = len(head)
        if n < len(title_words) and " ".join(title_words[:n]) == heading_key and _cut_at_separator(gaps[n]):
            return True
        if n < len(title_words) and " ".join(title_words[-n:]) == heading_key \
                and _cut_at_separator(gaps[len(title_words) - n]):
            return True
    return False


def separators(title: str) -> list[re.Match[str]]:
    """The spaced separators inside the title (" - ", ": ", " | "; not the hyphen of "10-in-1")."""
    found = re.finditer(r"[\W_]+", title)
    return [m for m in found if SPACED_SEPARATOR.fullmatch(m.group()) and 0 < m.start() < m.end() < len(title)]


def ends(title: str) -> dict[str, str]:
    """{folded key: text} of the title and each start and end of it up to a separator ("Rubrik: Tin A | Báo X")."""
    found = {key(title): title.strip()}
    for m in separators(title):
        for part in (title[: m.start()], title[m.end() :]):
            if len(part.strip()) >= MIN_AGREE_CHARS:
                found.setdefault(key(part), part.strip())
    return found


def shared_part(titles: list[str], names: set[str]) -> str | None:
    """meta-shared: the longest text two metadata titles that disagree both hold whole or up to a separator
    (og:title "Rubrik: Tin A", <title> "Báo X | Vorschau: Tin A": "Tin A"); never one of the site's `names`."""
    title_ends = [ends(t) for t in dict.fromkeys(titles)]
    pairs = [(a, b) for i, a in enumerate(title_ends) for b in title_ends[i + 1 :]]
    common = [a[k] for a, b in pairs for k in a.keys() & b.keys() if compact(k) not in names]
    return max(common, key=len) if common else None
