"""The generic reader's title: the visible headline the page's metadata agrees with.

A page names its article several times: the JSON-LD headline, og:title /
twitter:title, <title> (with the site's name: "… - Chính trị - Xã hội - Tuổi
Trẻ Online") and the <h1> readers see.  The metadata is often an SEO variant
or carries a suffix; the <h1> is what the article shows, but a blog's <h1> may
be the site's logo.  So, in order (TITLE_RULES):

    h1-agrees       an <h1> (not a logo) equal to one of the metadata titles,
                    or to its start or end ("Tin A" in "Tin A | Báo X")
    h1-part-agrees  a run of the <h1>'s parts, cut at its child elements, that
                    agrees: the headline beside a kicker or a deck the markup
                    sets apart ("<small>Serie</small><br>Tin A", og:title "Tin A")
      heading-names-meta  (replaces the two above) the agreeing <h1> agrees with
                    <title> only, and an <h2>/<h3> is word for word the JSON-LD
                    headline, og:title or twitter:title: the <h1> names the page
                    or a topic ("<h1>Altersvorsorge</h1><h2>Tin A</h2>", og "Tin A")
      heading-spelled-as-meta  (replaces the agreeing h1) the h1 differs from the
                    metadata in case only, and an <h2>/<h3> spells it as the metadata does
    media-label     a heading behind a bracketed media label ("[Video] Tin A") whose
                    rest the metadata names (title_forms)
    heading-agrees  the same for <h2>/<h3> (pages whose <h1> is the logo)
    single-h1       the page's only non-logo <h1>
    h1-named        of several <h1>s, the one whose words a metadata title holds
                    (nearly) all of: og:title may be a share text or an SEO variant
    meta-shared     the longest text two disagreeing metadata titles both hold whole
                    or up to a spaced separator (og "Rubrik?: Tin A", <title> "X | Vorschau: Tin A")
    jsonld.headline / og:title / twitter:title
    title-beside-logo  <title> without the start or end the logo <h1> shows
    heading-is-title   an <h2>/<h3> that is <title> word for word, however short,
                    unless <title> is the site's, a portal's or a section's name
    h1              the longest non-logo <h1>: the only one, or one of 10 characters
                    or more (several short <h1>s are a sidebar's labels: "Page", "User")

A heading's text leaves out the parts KICKER_CLASS names (kicker, roofline,
deck, text for screen readers only: not the headline) and is joined as the
browser shows it ("Frauen im <abbr>THW</abbr>: …" has no space before ":").
Comparisons are on fold_key (case, marks and punctuation folded); the text
returned is the heading's own, typography kept ("–", "…").  The site suffix
of a metadata title is left to normalize.titles.clean_title.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.etree import _Element as Tag

from ..normalize.text import fold_key
from ..normalize.titles import is_portal_name, is_section_name
from ..url_join import join_url
from . import tree
from .base import meta_content, text_of
from .page import Page
from .title_forms import capitals_as_meta, continued, media_label_rest
from .title_parts import heading_parts, heading_text

# class/id words of a site logo or site title heading (on the heading or its two nearest ancestors).
LOGO_CLASS = re.compile(
    r"(?:^|[-_])(?:logo|site-?title|site-?name|sitename|blog-?title|blogname|brand|branding|masthead)(?:$|[-_])",
    re.IGNORECASE,
)
LOGO_ANCESTORS = 2
MIN_AGREE_CHARS = 10  # a shorter heading matching the start/end of a metadata title is a label, not the headline
MIN_HEADING_CHARS = 15  # an <h2>/<h3> that agrees must be at least this long (box titles are short)
SINGLE_H1_MIN_CHARS = 10
SPACED_SEPARATOR = re.compile(r"[^\w\s]*\s+[^\w\s]+\s*|[^\w\s]+\s+")  # " - ", ": ", "?: ", " | ", not "10-in-1"
MIN_NAMED_WORDS = 4
MIN_NAMED_SHARE = 0.8
HOME_PATH = re.compile(r"/?(?:index\.\w+)?")
META_TITLES = ("og:title", "twitter:title")
LOGO_WORD = re.compile(r"^\s*logo\b[\s:-]*|[\s:-]*\blogo\s*$", re.IGNORECASE)  # alt="Logo Báo X", "Báo X logo"
MAX_LOGO_ALT_CHARS = 60
FROM_METADATA = frozenset({"jsonld.headline", "meta:og:title", "meta:twitter:title", "meta-shared"})


_NON_WORD, _RUNS, _WORD_CHAR = re.compile(r"[\W_]+"), re.compile(r"[^\W_]+|[\W_]+"), re.compile(r"[^\W_]")  # compiled once


def _key(text: str | None) -> str:
    return " ".join(fold_key(text or "").split())


def _compact(text: str | None) -> str:
    return _NON_WORD.sub("", fold_key(text or ""))


def _words(text: str) -> tuple[list[str], list[str]]:
    """The folded words of a text, and the gap before each word and after the last (gaps[i] precedes words[i])."""
    words, gaps, gap = [], [], ""
    for part in _RUNS.findall(text):
        if _WORD_CHAR.match(part):
            words.append(_key(part))
            gaps.append(gap)
            gap = ""
        else:
            gap += part
    return words, [*gaps, gap]


def _cut_at_separator(gap: str) -> bool:
    return bool(gap.strip())  # "Tin A | Báo X", "Tin A-lo luyen": not a plain space


def agrees(heading: str, titles: list[str], min_chars: int = MIN_AGREE_CHARS) -> bool:
    """The heading equals one of the titles, or its start or end up to a separator (a suffix or prefix cut off)."""
    key = _key(heading)
    if not key:
        return False
    head = key.split()
    for title in titles:
        if _key(title) == key:
            return True
        if len(key) < min_chars:
            continue
        words, gaps = _words(title)
        n = len(head)
        if n < len(words) and " ".join(words[:n]) == key and _cut_at_separator(gaps[n]):
            return True
        if n < len(words) and " ".join(words[-n:]) == key and _cut_at_separator(gaps[len(words) - n]):
            return True
    return False


def site_names(page: Page, url: str) -> set[str]:
    """Compact keys of the site's own names: og:site_name, the host, the host's first label."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    site = meta_content(page, "og:site_name")
    names = {_compact(host), _compact(host.split(".")[0]), _compact(site[0] if site else "")}
    return {n for n in names if n}


def logo_names(page: Page, url: str) -> set[str]:
    """Compact keys of the alt texts of the site's logo: an <img> that a logo class names (on it or its two nearest
    ancestors) or that a link home holds, less a "Logo" word ("Logo Công an tỉnh X"): a site's name no table knows."""
    found = set()
    for img in page.root.iter("img"):
        alt = LOGO_WORD.sub("", img.get("alt") or "").strip()
        if not alt or len(alt) > MAX_LOGO_ALT_CHARS:
            continue
        link = tree.find_parent(img, "a")
        href = link.get("href") if link is not None else None
        home = href is not None and HOME_PATH.fullmatch(urlsplit(join_url(url, href) or "").path or "/")
        if home or _logo_class(img):
            found.add(_compact(alt))
    return found - {""}


def without_logo_name(title: str, logos: set[str]) -> str:
    """logo-name-cut: a metadata title without the start or end that the logo's alt text is ("Tin A | Foo Mag"
    beside <img class=logo alt="Foo Mag">), up to a spaced separator; what remains must be a headline."""
    seps = _separators(title)
    if seps:
        first, last = seps[0], seps[-1]
        head, tail = title[: first.start()].strip(), title[last.end() :].strip()
        if _compact(tail) in logos and len(title[: last.start()].strip()) >= MIN_AGREE_CHARS:
            title = title[: last.start()].strip()
        elif _compact(head) in logos and len(title[first.end() :].strip()) >= MIN_AGREE_CHARS:
            title = title[first.end() :].strip()
    return title


def _logo_class(node: Tag) -> bool:
    for candidate in (node, *list(node.iterancestors())[:LOGO_ANCESTORS]):
        words = tree.classes(candidate) + [candidate.get("id") or ""]
        if any(LOGO_CLASS.search(w) for w in words if w):
            return True
    return False


def is_logo(node: Tag, text: str, url: str, names: set[str]) -> bool:
    """A heading that shows the site, not an article: its name, a link home, or a logo class."""
    if _compact(text) in names:
        return True
    for link in node.iter("a"):
        href = link.get("href")
        if href is not None and HOME_PATH.fullmatch(urlsplit(join_url(url, href) or "").path or "/"):
            return True
    return _logo_class(node)


def _headings(page: Page, tags: tuple[str, ...], url: str, names: set[str]) -> list[tuple[str, Tag]]:
    """(text, node) of the headings that are no link and no logo, in document order."""
    found = []
    for node in page.root.iter(*tags):
        text = heading_text(node)
        if text and tree.find_parent(node, "a") is None and not is_logo(node, text, url, names):
            found.append((text, node))
    return found


def _h1_agreeing(headings: list[tuple[str, Tag]], titles: list[str]) -> tuple[str, str] | None:
    """The h1 text the metadata names (module doc): equal before cut, the whole heading before its parts."""
    keys = {_key(t) for t in titles}
    wholes = [text for text, _ in headings]
    wholes += [t for _, node in headings if (t := heading_text(node, keep_decks=True)) not in wholes]
    parts: list[str] | None = None  # the headings' parts, read only when no whole heading equals a title
    for kind, rule, test in (("wholes", "h1-agrees", keys.__contains__), ("parts", "h1-part-agrees", keys.__contains__),
                             ("wholes", "h1-agrees", None), ("parts", "h1-part-agrees", None)):
        if kind == "parts" and parts is None:
            parts = [part for _, node in headings for part in heading_parts(node)]
        found = wholes if kind == "wholes" else parts
        agreeing = [t for t in found if (test(_key(t)) if test else agrees(t, titles))]
        if agreeing:
            return max(agreeing, key=len), rule
    return None


def metadata_titles(page: Page, obj: dict | None) -> list[tuple[str, str]]:
    """(title, where) for the JSON-LD headline, og:title, twitter:title and <title>, in that order."""
    found = []
    headline = (obj or {}).get("headline")
    if isinstance(headline, str) and headline.strip():
        found.append((html.unescape(headline).strip(), "jsonld.headline"))
    for name in META_TITLES:
        meta = meta_content(page, name)
        if meta and meta[1] == name:
            found.append((meta[0], f"meta:{name}"))
    page_title = text_of(page.title)
    if page_title:
        found.append((page_title, "title"))
    return found


def _named_beside(page: Page, url: str, names: set[str], h1_nodes: list[tuple[str, Tag]], h1_text: str,
                  meta: list[tuple[str, str]]) -> tuple[str, str] | None:
    """heading-names-meta: the h1 agrees with <title> alone while an <h2>/<h3> is, word for word, the headline
    the JSON-LD, og:title or twitter:title give (the h1 names the page or a topic, the h2 is the article's)."""
    strong = [t for t, where in meta if where != "title"]
    if not strong or _h1_agreeing(h1_nodes, strong):
        return None
    keys = {_key(t) for t in strong} - {_key(h1_text)}
    named = [t for t, _ in _headings(page, ("h2", "h3"), url, names) if len(t) >= MIN_HEADING_CHARS and _key(t) in keys]
    return (max(named, key=len), "heading-names-meta") if named else None


def _word_set(text: str) -> set[str]:
    return set(_words(text)[0])


def _h1_named(h1s: list[str], titles: list[str]) -> str | None:
    """h1-named: of several h1s, the one whose words a metadata title holds nearly all of (a share text or an
    SEO variant in og:title, the headline's words in <title>)."""
    best, score = None, 0.0
    for text in h1s:
        words = _word_set(text)
        if len(text) < SINGLE_H1_MIN_CHARS or len(words) < MIN_NAMED_WORDS:
            continue
        share = max((len(words & _word_set(t)) / len(words) for t in titles), default=0.0)
        if share >= MIN_NAMED_SHARE and share > score:
            best, score = text, share
    return best


def _separators(title: str) -> list[re.Match[str]]:
    """The spaced separators inside the title (" - ", ": ", " | "; not the hyphen of "10-in-1")."""
    found = re.finditer(r"[\W_]+", title)
    return [m for m in found if SPACED_SEPARATOR.fullmatch(m.group()) and 0 < m.start() < m.end() < len(title)]


def _ends(title: str) -> dict[str, str]:
    """{folded key: text} of the title and each start and end of it up to a separator ("Rubrik: Tin A | Báo X")."""
    found = {_key(title): title.strip()}
    for m in _separators(title):
        for part in (title[: m.start()], title[m.end() :]):
            if len(part.strip()) >= MIN_AGREE_CHARS:
                found.setdefault(_key(part), part.strip())
    return found


def shared_part(titles: list[str], names: set[str]) -> str | None:
    """meta-shared: the longest text two metadata titles that disagree both hold whole or up to a separator
    (og:title "Rubrik: Tin A", <title> "Báo X | Vorschau: Tin A": "Tin A")."""
    ends = [_ends(t) for t in dict.fromkeys(titles)]
    pairs = [(a, b) for i, a in enumerate(ends) for b in ends[i + 1 :]]
    common = [a[k] for a, b in pairs for k in a.keys() & b.keys() if _compact(k) not in names]
    return max(common, key=len) if common else None


def _title_beside_logo(page: Page, url: str, names: set[str], meta: list[tuple[str, str]]) -> str | None:
    """title-beside-logo: <title> without its start or end that the page's logo <h1> shows, up to a separator
    ("Tin A - Mục - Blog X" beside <h1>Mục - Blog X</h1>): the site's name as the page shows it."""
    page_title = next((t for t, where in meta if where == "title"), None)
    if not page_title:
        return None
    logos = {_key(t) for node in page.root.iter("h1") if (t := heading_text(node)) and is_logo(node, t, url, names)}
    for m in _separators(page_title):
        head, tail = page_title[: m.start()].strip(), page_title[m.end() :].strip()
        if _key(tail) in logos and len(head) >= MIN_AGREE_CHARS:
            return head
        if _key(head) in logos and len(tail) >= MIN_AGREE_CHARS:
            return tail
    return None


def _heading_is_title(page: Page, url: str, names: set[str], meta: list[tuple[str, str]]) -> str | None:
    """heading-is-title: an <h2>/<h3> that is <title> word for word, however short ("Baumgutachten"), unless it
    is the site's or a portal's name or a news section's ("Tin tức": a list page's label): the page's own name
    confirmed by what it shows."""
    page_title = next((t for t, where in meta if where == "title"), None)
    if not page_title or _compact(page_title) in names or is_portal_name(page_title) or is_section_name(page_title):
        return None
    key = _key(page_title)
    return next((text for text, _ in _headings(page, ("h2", "h3"), url, names) if _key(text) == key), None)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _spelled_as_meta(page: Page, url: str, names: set[str], h1_text: str, titles: list[str]) -> tuple[str, str] | None:
    """heading-spelled-as-meta: the agreeing h1 differs from the metadata in case only ("Using defadvice") while an
    <h2>/<h3> is a metadata title letter for letter ("Using Defadvice"): the page shows the metadata's spelling
    twice, the h1 once (an h1 in the post's body, exported with it).  An h1 in capitals with no such heading stays."""
    text, exact = _spaced(h1_text), [_spaced(t) for t in titles]
    if any(text in t for t in exact) or not any(text.casefold() in t.casefold() for t in exact):
        return None
    key = _key(text)
    same = [t for t, _ in _headings(page, ("h2", "h3"), url, names) if _key(t) == key and _spaced(t) in exact]
    return (same[0], "heading-spelled-as-meta") if same else None


def pick_title(page: Page, obj: dict | None, url: str) -> tuple[str, str] | None:
    """(title, rule) by TITLE_RULES' order (module doc), or None when the page has none of them; a title in
    capitals that a metadata title spells otherwise is taken as the metadata spells it (capitals-as-meta)."""
    meta = metadata_titles(page, obj)
    found = _pick(page, meta, url)
    if found and found[1] in FROM_METADATA:
        cut = without_logo_name(found[0], logo_names(page, url))
        found = (cut, "logo-name-cut") if cut != found[0] else found
        whole = continued(found[0], [t for t, _ in meta] + [heading_text(n) for n in page.root.iter("h1")])
        found = (whole, "meta-completed") if whole else found
    if found:
        spelled = capitals_as_meta(found[0], [t for t, _ in meta], lambda t: _ends(t).values())
        if spelled:
            return spelled, "capitals-as-meta"
    return found


def _pick(page: Page, meta: list[tuple[str, str]], url: str) -> tuple[str, str] | None:
    names = site_names(page, url)
    titles = [t for t, _ in meta]
    h1_nodes = _headings(page, ("h1",), url, names)
    h1s = [text for text, _ in h1_nodes]
    found = _h1_agreeing(h1_nodes, titles)
    if found:
        found = _named_beside(page, url, names, h1_nodes, found[0], meta) or found
        return _spelled_as_meta(page, url, names, found[0], titles) or found
    lower = [text for text, _ in _headings(page, ("h2", "h3"), url, names) if len(text) >= MIN_HEADING_CHARS]
    labelled = media_label_rest(h1s + lower, lambda rest: agrees(rest, titles))
    if labelled:
        return labelled, "media-label"
    agreeing = [h for h in lower if agrees(h, titles, MIN_HEADING_CHARS)]
    if agreeing:
        return max(agreeing, key=len), "heading-agrees"
    if len(h1s) == 1 and len(h1s[0]) >= SINGLE_H1_MIN_CHARS:
        return h1s[0], "single-h1"
    named = _h1_named(h1s, titles)
    if named:
        return named, "h1-named"
    shared = shared_part(titles, names)
    if shared:
        return shared, "meta-shared"
    for title, where in meta:
        if where != "title":
            return title, where
    rest = _title_beside_logo(page, url, names, meta)
    if rest:
        return rest, "title-beside-logo"
    shown = _heading_is_title(page, url, names, meta)
    if shown:
        return shown, "heading-is-title"
    if len(h1s) == 1 or (h1s and len(max(h1s, key=len)) >= SINGLE_H1_MIN_CHARS):
        return max(h1s, key=len), "h1"
    return None
