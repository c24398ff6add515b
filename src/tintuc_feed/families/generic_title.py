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
A chosen heading whose markup names one part the headline beside other styled
parts gives that part (headline-part, title_parts.headline_part: "<span
class=subline>Serie</span><span class=headline>Tin A</span>", a kicker no
table row knows).
Comparisons are on fold_key (case, marks and punctuation folded); the text
returned is the heading's own, typography kept ("–", "…").  The site suffix
of a metadata title is left to normalize.titles.clean_title.

This module is the choice; the parts it chooses from are title_candidates
(headings, metadata titles), title_text (comparing them), title_site (the
site's name, the logo) and title_forms (capitals, media labels, cut titles).
"""

from __future__ import annotations

from lxml.etree import _Element as Tag

from ..normalize.titles import is_portal_name, is_section_name
from .page import Page
from .title_candidates import headings, metadata_titles
from .title_forms import capitals_as_meta, continued, media_label_rest
from .title_parts import heading_parts, heading_text, headline_part
from .title_site import logo_names, site_names, title_beside_logo, without_logo_name
from .title_text import agrees, compact, ends, key, shared_part, spaced, word_set

MIN_HEADING_CHARS = 15  # an <h2>/<h3> that agrees must be at least this long (box titles are short)
SINGLE_H1_MIN_CHARS = 10
MIN_NAMED_WORDS = 4
MIN_NAMED_SHARE = 0.8
FROM_METADATA = frozenset({"jsonld.headline", "meta:og:title", "meta:twitter:title", "meta-shared"})


def _h1_agreeing(headings: list[tuple[str, Tag]], titles: list[str]) -> tuple[str, str] | None:
    """The h1 text the metadata names (module doc): equal before cut, the whole heading before its parts."""
    keys = {key(t) for t in titles}
    wholes = [text for text, _ in headings]
    wholes += [t for _, node in headings if (t := heading_text(node, keep_decks=True)) not in wholes]
    parts: list[str] | None = None  # the headings' parts, read only when no whole heading equals a title
    for kind, rule, test in (("wholes", "h1-agrees", keys.__contains__), ("parts", "h1-part-agrees", keys.__contains__),
                             ("wholes", "h1-agrees", None), ("parts", "h1-part-agrees", None)):
        if kind == "parts" and parts is None:
            parts = [part for _, node in headings for part in heading_parts(node)]
        found = wholes if kind == "wholes" else parts
        agreeing = [t for t in found if (test(key(t)) if test else agrees(t, titles))]
        if agreeing:
            return max(agreeing, key=len), rule
    return None


def _named_beside(page: Page, url: str, names: set[str], h1_nodes: list[tuple[str, Tag]], h1_text: str,
                  meta: list[tuple[str, str]]) -> tuple[str, str] | None:
    """heading-names-meta: the h1 agrees with <title> alone while an <h2>/<h3> is, word for word, the headline
    the JSON-LD, og:title or twitter:title give (the h1 names the page or a topic, the h2 is the article's)."""
    strong = [t for t, where in meta if where != "title"]
    if not strong or _h1_agreeing(h1_nodes, strong):
        return None
    keys = {key(t) for t in strong} - {key(h1_text)}
    named = [t for t, _ in headings(page, ("h2", "h3"), url, names) if len(t) >= MIN_HEADING_CHARS and key(t) in keys]
    return (max(named, key=len), "heading-names-meta") if named else None


def _h1_named(h1s: list[str], titles: list[str]) -> str | None:
    """h1-named: of several h1s, the one whose words a metadata title holds nearly all of (a share text or an
    SEO variant in og:title, the headline's words in <title>)."""
    best, score = None, 0.0
    for text in h1s:
        words = word_set(text)
        if len(text) < SINGLE_H1_MIN_CHARS or len(words) < MIN_NAMED_WORDS:
            continue
        share = max((len(words & word_set(t)) / len(words) for t in titles), default=0.0)
        if share >= MIN_NAMED_SHARE and share > score:
            best, score = text, share
    return best


def _heading_is_title(page: Page, url: str, names: set[str], meta: list[tuple[str, str]]) -> str | None:
    """heading-is-title: an <h2>/<h3> that is <title> word for word, however short ("Baumgutachten"), unless it
    is the site's or a portal's name or a news section's ("Tin tức": a list page's label): the page's own name
    confirmed by what it shows."""
    page_title = next((t for t, where in meta if where == "title"), None)
    if not page_title or compact(page_title) in names or is_portal_name(page_title) or is_section_name(page_title):
        return None
    wanted = key(page_title)
    return next((text for text, _ in headings(page, ("h2", "h3"), url, names) if key(text) == wanted), None)


def _spelled_as_meta(page: Page, url: str, names: set[str], h1_text: str, titles: list[str]) -> tuple[str, str] | None:
    """heading-spelled-as-meta: the agreeing h1 differs from the metadata in case only ("Using defadvice") while an
    <h2>/<h3> is a metadata title letter for letter ("Using Defadvice"): the page shows the metadata's spelling
    twice, the h1 once (an h1 in the post's body, exported with it).  An h1 in capitals with no such heading stays."""
    text, exact = spaced(h1_text), [spaced(t) for t in titles]
    if any(text in t for t in exact) or not any(text.casefold() in t.casefold() for t in exact):
        return None
    wanted = key(text)
    same = [t for t, _ in headings(page, ("h2", "h3"), url, names) if key(t) == wanted and spaced(t) in exact]
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
        found = _headline_part(page, found)
        spelled = capitals_as_meta(found[0], [t for t, _ in meta], lambda t: ends(t).values())
        if spelled:
            return spelled, "capitals-as-meta"
    return found


def _headline_part(page: Page, found: tuple[str, str]) -> tuple[str, str]:
    """headline-part: a chosen heading whose markup names one part the headline beside other styled parts (a
    kicker no table knows: "<span class=subline>Serie</span><span class=headline>Tin A</span>") gives that part."""
    for node in page.root.iter("h1", "h2", "h3"):
        if heading_text(node) == found[0]:
            part = headline_part(node)
            return (part, "headline-part") if part and part != found[0] else found
    return found


def _pick(page: Page, meta: list[tuple[str, str]], url: str) -> tuple[str, str] | None:
    names = site_names(page, url)
    titles = [t for t, _ in meta]
    h1_nodes = headings(page, ("h1",), url, names)
    h1s = [text for text, _ in h1_nodes]
    found = _h1_agreeing(h1_nodes, titles)
    if found:
        found = _named_beside(page, url, names, h1_nodes, found[0], meta) or found
        return _spelled_as_meta(page, url, names, found[0], titles) or found
    lower = [text for text, _ in headings(page, ("h2", "h3"), url, names) if len(text) >= MIN_HEADING_CHARS]
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
    rest = title_beside_logo(page, url, names, next((t for t, where in meta if where == "title"), None))
    if rest:
        return rest, "title-beside-logo"
    shown = _heading_is_title(page, url, names, meta)
    if shown:
        return shown, "heading-is-title"
    if len(h1s) == 1 or (h1s and len(max(h1s, key=len)) >= SINGLE_H1_MIN_CHARS):
        return max(h1s, key=len), "h1"
    return None
