"""Forms of a headline the page writes two ways: in capitals, or behind a media label.

Both are decided by the page's own metadata (the JSON-LD headline, og:title,
twitter:title, <title>), never by a guess at the words:

    capitals-as-meta  the chosen heading is written in capitals ("CÔNG AN TỈNH
                      X TRIỂN KHAI …", typed so on many police portals) and a
                      metadata title gives the same words, letter for letter but
                      for case, not in capitals: the metadata's text is taken.
                      A feed reader gets the headline as the editor wrote it in
                      sentence case (proper nouns kept: no case rule could
                      rebuild "Công an tỉnh Lâm Đồng" from "CÔNG AN TỈNH LÂM
                      ĐỒNG").  A heading in capitals that no metadata spells
                      otherwise stays as the page writes it; a stylesheet's
                      `text-transform` is never applied (the page's text is kept).
    media-label       the heading starts with a bracketed label naming the item's
                      form ("[Video]", "[Ảnh]", "(Infographic)", MEDIA_LABELS) and
                      a metadata title is the rest of it: the page names the
                      headline without the tag, which the brackets set apart as
                      a class-marked kicker is.  A label the metadata carries too
                      stays (the site's own headline); so does one that reads as
                      the sentence's own words ("Clip: …", "VIDEO: Voting on …",
                      which trafilatura's annotators keep), and a topic in
                      brackets ("[Vui vẻ] Chuyện …": not a media form).
    meta-completed    a title taken from the metadata and cut short ("Tin A dài…": a
                      CMS's length limit) yields to another metadata title or an
                      <h1> that it starts and goes on.
    hint-completed    (generic.parse_article) a list page's link text cut short
                      ("Tin A dài…") yields to the page's title line or <title>
                      that it starts, and one in capitals to the page's text
                      that spells it otherwise (as capitals-as-meta): the
                      list-page hint is the title only where the page gives
                      none, and never a cut or capitalized one over the page's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..normalize.text import fold_key

# Labels of an item's form that a heading may carry before the headline.  Each row has its test
# (tests/families/test_title_forms.py); compared case-blind with their marks ("ẢNH" and "Ảnh" alike, never
# "Anh:", which starts headlines: "Anh: Thủ tướng …" names England).
MEDIA_LABELS = (
    "video", "clip", "ảnh", "photo", "photos", "infographic", "infographics", "emagazine", "e-magazine",
    "megastory", "longform", "podcast", "audio", "phóng sự ảnh",
)  # fmt: skip
_LABEL = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "-?") for w in MEDIA_LABELS)
# "[Video] Tin A", "(Clip) Tin A", "[Ảnh] - Tin A": the bracketed label, then the headline.
MEDIA_PREFIX = re.compile(rf"^\s*[\[(]\s*(?:{_LABEL})\s*[\])]\s*[:|\-–—]?\s*", re.IGNORECASE)
MIN_CAPITAL_LETTERS = 8  # "ASEAN" alone is an acronym, not a heading in capitals
MIN_REST_CHARS = 10  # what is left after the label must be a headline


def _spaced(text: str) -> str:
    return " ".join(text.split())


def in_capitals(text: str) -> bool:
    """Every cased letter is a capital, and there are enough of them to be a heading written in capitals."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(letters) >= MIN_CAPITAL_LETTERS and all(c.isupper() for c in letters)


def capitals_as_meta(heading: str, metadata: list[str], pieces) -> str | None:
    """capitals-as-meta: the metadata's text for a heading in capitals, when one spells the same letters otherwise.

    `pieces(title)` gives a metadata title and its starts and ends at separators (a site suffix cut off)."""
    if not in_capitals(heading):
        return None
    key = _spaced(heading).casefold()
    for title in metadata:
        for piece in pieces(title):
            if _spaced(piece).casefold() == key and not in_capitals(piece):
                return _spaced(piece)
    return None


def without_media_label(heading: str) -> str | None:
    """The heading without a leading media label ("[Video] Tin A" -> "Tin A"), or None when it has none."""
    m = MEDIA_PREFIX.match(heading)
    if not m:
        return None
    rest = heading[m.end() :].strip()
    return rest if len(rest) >= MIN_REST_CHARS else None


def media_label_rest(headings: list[str], named: Callable[[str], bool]) -> str | None:
    """media-label: the rest of a labelled heading that the metadata names (`named`: equal to a metadata title, or
    to its start or end before a site suffix), module doc."""
    for heading in headings:
        rest = without_media_label(heading)
        if rest and named(rest):
            return rest
    return None


TRUNCATED = re.compile(r"\s*(?:…|\.{3})\s*$")  # a list page's teaser cut short: "Công an tỉnh X triển khai…"
MIN_HINT_STEM = 10
SUFFIX = re.compile(r"\s+[-|–—»›]\s+")  # "Tin A - Công an tỉnh X": the <title>'s first part


def completed_hint(hint: str, shown: list[str | None]) -> str | None:
    """hint-completed: the page's own text that a truncated list-page title starts ("Tin A dài…" beside the page's
    title line or <title> "Tin A dài hơn nữa - Báo X"), or None.  The list page's link text is the title only
    where the page has no clear one; cut short, it yields to the page's whole text."""
    if in_capitals(hint):  # a list page in capitals ("CÔNG AN TỈNH X …"), the page's own text in sentence case
        spelled = capitals_as_meta(hint, [t for t in shown if t], lambda t: [t, SUFFIX.split(t)[0]])
        if spelled:
            return spelled
    return continued(hint, shown)


def continued(text: str, shown: list[str | None]) -> str | None:
    """The first of `shown` that a text cut short ("Tin A dài…", "Tin A dài ...") starts and goes on, or None."""
    m = TRUNCATED.search(text)
    stem = " ".join(fold_key(text[: m.start()]).split()) if m else ""
    if len(stem) < MIN_HINT_STEM:
        return None
    for whole in shown:
        if not whole or TRUNCATED.search(whole):  # itself cut short (the same text among the metadata)
            continue
        if " ".join(fold_key(whole).split()).startswith(stem) and len(whole.strip()) > len(stem):
            return whole.strip()
    return None
