"""The generic reader's byline: who signed the article, never the site.

Evidence, in order (BYLINE_RULES):

    jsonld.author      JSON-LD author people (an Organization author, or
                       the site's own name, is skipped: issue 3)
    css:<selector>     a byline element (AUTHOR_SELECTORS, then any element
                       whose class names an author) outside comments and
                       forms, whose text parses to a name
    layout:byline-line the body's last short name line (layout.take_byline_line)
    layout:signature   without a body container: a short right-aligned name
                       line after the title ("<p align=right><b>Quang Phong -
                       Tùng Nguyên</b></p>", the portals' way of signing)
    meta:<name>        <meta name=author> and kin, read before the page's
                       <meta> elements are stripped; a URL or @handle is no name

What is read is the raw byline; normalize.authors.parse_byline splits it
into people, credits and the source ("Theo CAND").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml import etree
from lxml.etree import _Element as Tag

from ..normalize.authors import is_outlet, looks_like_byline, parse_byline, reprint_writer
from ..normalize.site_names import is_site_name, site_keys
from ..normalize.text import fold_key
from . import byline_above, byline_date, byline_lines, layout, tree
from .base import jsonld_objects, jsonld_people, meta_content, possible, select_all
from .page import Page

AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website", "brand"})
# Elements that carry a byline, most specific first.
AUTHOR_SELECTORS = (
    ".box-author", ".author-name", ".byline__author-name", ".td-post-author-name", ".post-author-name",
    ".author", ".tac-gia", ".tacgia", ".byline", "[rel~=author]", ".detail-author", ".aliaspost", ".detail-auth",
    ".post-author", "[itemprop~=author] [itemprop=name]", "[itemprop~=author]",
    "[class*=author]", "[class*=Author]", "[class*=byline]", "[class*=autor]",
    ".post-meta",  # the line under the title on VCCorp's mobile pages ("Long Trần - Theo Trí Thức Trẻ")
)
# Meta lines that hold a byline only sometimes (else a date, categories, "Posted on … by admin"): read
# only when all their text is a byline.
META_LINE_SELECTORS = frozenset({".post-meta"})
# A byline element inside one of these (class/id words) is a commenter's or a form's.
NOT_ARTICLE = re.compile(r"(?:^|[-_])(?:comment\w*|respond|reply|form|avatar|related|widget|sidebar|share\w*)(?:$|[-_])",
                         re.IGNORECASE)
SKIP_TAGS = ("form", "input", "textarea", "label", "img", "meta", "link", "script", "style", "button", "select")
MAX_BYLINE_ELEMENT_CHARS = 200  # longer: an author's biography box, not a byline
SIGNATURE_MAX_CHARS = 60
OUTLET_MAX_CHARS = 40
SIGNATURE_AFTER_CHARS = 300  # a signature after the body container comes before this much other text
PAGE_FORM_SHARE = 0.5  # a <form> holding more of the page's text than this is the page (ASP.NET)
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
# A company or an institution named in <meta name=author> (folded words): not a person who signs.
ORGANIZATION_WORDS = frozenset({
    "gmbh", "ag", "ev", "e v", "ltd", "inc", "llc", "corp", "sa", "srl", "bv", "kg", "verlag", "media",
    "ministerium", "bundesministerium", "departement", "stiftung", "verband", "bundesverband",
})  # fmt: skip
# Letters only Vietnamese writes (marks folded away by fold_key): a text with enough of them is Vietnamese.
VIETNAMESE_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
VIETNAMESE_MIN_SHARE = 0.03  # of the letters; Vietnamese prose has ~15 %, French or German ~0


def page_keys(page: Page, url: str) -> frozenset[str]:
    site = meta_content(page, "og:site_name")
    return site_keys([site[0] if site else None], urlsplit(url).hostname)


def meta_author(page: Page, keys: frozenset[str]) -> tuple[str, str] | None:
    """(name, meta name) of the first author <meta> holding a person's name; call it before strip_noise.

    A URL, an @handle, a domain, the site's name or a company ("… GmbH") is no author.
    """
    for name in AUTHOR_META:
        found = meta_content(page, name)
        value = found[0].strip() if found else ""
        if value and not re.match(r"(?:https?:|www\.|@|/)", value) and not re.search(r"\w\.[a-z]{2,4}\b|@", value) \
                and not is_site_name(value, keys) and not is_organization(value):
            return value, name
    return None


def is_organization(name: str) -> bool:
    words = fold_key(name).split()
    return any(w in ORGANIZATION_WORDS for w in words) or " ".join(words[-2:]) in ORGANIZATION_WORDS


def shown_on_page(name: str, page: Page) -> bool:
    """The name is in the page's visible text (a <meta> author the page never shows is a CMS account)."""
    key = " ".join(fold_key(name).split())
    return bool(key) and f" {key} " in f" {' '.join(fold_key(tree.flat_text(page.root)).split())} "


def is_vietnamese(text: str) -> bool:
    """At least VIETNAMESE_MIN_SHARE of the text's letters are Vietnamese ones (every one of which is a letter)."""
    lower = text.lower()
    letters = sum(map(str.isalpha, lower))
    return bool(letters) and len(_VIETNAMESE_LETTER.findall(lower)) >= VIETNAMESE_MIN_SHARE * letters


_VIETNAMESE_LETTER = re.compile(f"[{''.join(sorted(VIETNAMESE_LETTERS))}]")


def jsonld_persons(value) -> list[str]:
    """JSON-LD author names, Organization authors left out."""
    if isinstance(value, list):
        return [n for item in value for n in jsonld_persons(item)]
    if isinstance(value, dict):
        types = value.get("@type", "")
        names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if names & ORGANIZATION_TYPES:
            return []
    return jsonld_people(value)


def with_author_refs(page: Page, obj: dict | None) -> dict | None:
    """The article object with its author references resolved: a schema graph (Yoast and kin) gives
    `"author": {"@id": "…#/schema/person/…"}` and the Person, with its name, elsewhere in the graph.

    The graph names the CMS account that posted ("vpohl", the site's secretary): a Person is taken only
    when its name is a name (not a lower-case login) and the page shows it, as for <meta name=author>.
    Call before strip_noise (it removes the JSON-LD scripts).
    """
    author = (obj or {}).get("author")
    items = author if isinstance(author, list) else [author]
    if not any(isinstance(a, dict) and _is_ref(a) for a in items):
        return obj
    nodes = {o["@id"]: o for o in jsonld_objects(page) if isinstance(o.get("@id"), str) and not _is_ref(o)}
    resolved = [_resolve(a, nodes, page) if isinstance(a, dict) and _is_ref(a) else a for a in items]
    return {**obj, "author": resolved}


def _resolve(ref: dict, nodes: dict[str, dict], page: Page) -> dict:
    node = nodes.get(ref["@id"])
    names = jsonld_people(node) if node else []
    if names and all(name != name.lower() and shown_on_page(name, page) for name in names):
        return node
    return ref


def _is_ref(value: dict) -> bool:
    """A JSON-LD node reference: an @id and nothing that describes the node."""
    return isinstance(value.get("@id"), str) and not ({"name", "@type"} & value.keys())


def people(names: Iterable[str], keys: frozenset[str]) -> list[str]:
    return [n for n in names if not is_site_name(n, keys)]


def _in_article(node: Tag) -> bool:
    if node.tag in SKIP_TAGS:
        return False
    for candidate in (node, *node.iterancestors()):
        if candidate.tag in ("article", "main", "body", "html") or candidate.getparent() is None:
            break  # the page's (or page form's) and the article's own classes ("comments-open") say nothing
        words = [*tree.classes(candidate), candidate.get("id") or ""]
        if candidate.tag in ("form", "aside", "nav") or any(
                NOT_ARTICLE.search(w) and not layout.BYLINE_CLASS.search(w) for w in words if w):
            return False
    return True


def names_in(text: str, keys: frozenset[str]) -> bool:
    """The byline text gives at least one author who is not the site."""
    return any(not is_site_name(a.name, keys) for a in parse_byline(text).authors)


def author_element(page: Page | Tag, keys: frozenset[str]) -> tuple[str, str] | None:
    """(text, selector) of the first byline element that names someone; the element leaves the page."""
    seen: set[Tag] = set()
    for css, node in _candidates(page):
        if node in seen:
            continue
        seen.add(node)
        text = "\n".join(s for s in (x.strip() for x in tree.get_text(node, "\n").split("\n")) if s)
        if text and len(text) <= MAX_BYLINE_ELEMENT_CHARS and _in_article(node) and names_in(declared(text), keys) \
                and (css not in META_LINE_SELECTORS or looks_like_byline(" ".join(text.split()))):
            tree.remove(node)
            return text, css
    return None


def _candidates(page: Page | Tag):
    for css in possible(page, AUTHOR_SELECTORS):
        for node in select_all(page, css):
            yield css, node


def signature(page: Page, title: str | None, keys: frozenset[str]) -> str | None:
    """A short right-aligned name line after the title (pages read without a body container)."""
    anchor = layout.title_element(page, title) if title else None
    nodes = tree.elements_from(anchor) if anchor is not None else page.root.iter()
    for node in nodes:
        if isinstance(node.tag, str) and _right_aligned(node):
            text = _signature_text(node, keys)
            if text:
                tree.remove(node)
                return text
    return None


def _signature_text(node: Tag, keys: frozenset[str]) -> str | None:
    """The right-aligned node's text if it signs: a short byline naming someone, not a link ("X", "Đóng")."""
    if node.tag == "a" or tree.find(node, "a") is not None or tree.find_parent(node, "a") is not None:
        return None
    text = tree.flat_text(node)
    return text if 1 < len(text) <= SIGNATURE_MAX_CHARS and looks_like_byline(text) and names_in(text, keys) else None


def _right_aligned(node: Tag) -> bool:
    return byline_lines.is_right_aligned(node)


def signature_after(container: Tag, keys: frozenset[str]) -> str | None:
    """A right-aligned name line just after the body container (the signature in a sibling block)."""
    seen = 0
    for node in _following(container):
        if not isinstance(node.tag, str) or node.tag == tree.GAP:
            continue
        if _right_aligned(node) and (text := _signature_text(node, keys)):
            tree.remove(node)
            return text
        seen += sum(len(s.strip()) for s in tree.direct_strings(node))
        if seen > SIGNATURE_AFTER_CHARS:
            return None
    return None


def _outlet_after(container: Tag) -> str | None:
    """The outlet's line right after the body ("Theo <b>Vân Anh</b>" ends the body, "Lao Động" follows)."""
    for node in _following(container):
        if isinstance(node.tag, str) and any(s.strip() for s in tree.direct_strings(node)):
            text = tree.flat_text(node)
            if len(text) <= OUTLET_MAX_CHARS and is_outlet(text):
                tree.remove(node)
                return text
            return None
    return None


def _following(node: Tag):
    """The elements after the node (not inside it), in document order."""
    for current in (node, *node.iterancestors()):
        for sibling in current.itersiblings():
            yield from sibling.iter()


def page_forms(page: Page) -> list[Tag]:
    """The <form>s that hold most of the page's text (ASP.NET's one form around everything).

    Call before strip_noise: it removes every form, and the byline with it; read_byline reads them alone.
    """
    forms = tree.descendants(page.root, "form")
    if not forms:
        return []
    total = _TEXT_LENGTH(page.root)
    return [form for form in forms if _TEXT_LENGTH(form) > PAGE_FORM_SHARE * total]


def read_byline(page: Page, obj: dict | None, container: Tag | None, title: str | None, keys: frozenset[str],
                meta: tuple[str, str] | None, matched: dict[str, str], forms: list[Tag] = ()) -> str | None:
    """The raw byline by BYLINE_RULES' order (module doc); `keys` (page_keys), `meta` (meta_author) and
    `forms` (page_forms) are read before strip_noise removes the <meta> and <form> elements."""
    found = people(jsonld_persons((obj or {}).get("author")), keys)
    if found:
        matched["authors"] = "jsonld.author"
        if container is not None:
            byline_lines.take_byline_line(container)  # the same names signing the body are not body text
        return " - ".join(declared(name) for name in found)
    element = author_element(page, keys)
    if element:
        matched["authors"] = f"css:{element[1]}"
        if container is not None and is_vietnamese(tree.flat_text(container)):
            byline_lines.take_byline_line(container)  # "Theo Infonet" and what follows end the body
        return declared(element[0])
    line = _signed_line(page, container, title, keys, matched) or _in_page_forms(page, forms, title, keys, matched)
    if line:
        return _with_dated_writer(page, container, title, line, matched)
    line = _with_date(page, container, title)
    if line:
        matched["authors"] = "layout:byline-with-date"
        return line
    if meta and shown_on_page(meta[0], page):
        matched["authors"] = f"meta:{meta[1]}"
        return declared(meta[0])
    return None


def _with_dated_writer(page: Page, container: Tag | None, title: str | None, line: str,
                       matched: dict[str, str]) -> str:
    """A signed line naming no writer (a source, "Nguồn: Báo Quảng Ngãi", or a credit) and a byline printed with
    the date by the title ("Minh Trí, Đức Thắng | 19/11/2025 09:30"): both are the byline."""
    if parse_byline(line).authors:
        return line
    dated = _with_date(page, container, title)
    if not dated or not parse_byline(dated).authors:
        return line
    matched["authors"] = f"layout:byline-with-date+{matched.get('authors', '')}"
    return f"{dated}\n{line}"


def _with_date(page: Page, container: Tag | None, title: str | None) -> str | None:
    """The byline printed with the date on one line near the title (families/byline_date.py); Vietnamese
    pages only, as the signed line."""
    if not is_vietnamese(tree.flat_text(container if container is not None else page.root)):
        return None
    near = byline_date.byline_near_title(layout.lines_near_title(page, container, title))
    above = None if near else byline_above.row_above(page, title)  # the kicker row above the title
    return near or (above[0] if above else None)


def declared(text: str) -> str:
    """A name the markup declares an author's: "Theo Hồ Hương" there names the writer, not a source.

    ("Theo CAND", an outlet, stays a source.)
    """
    first, _, rest = text.partition("\n")
    writer = reprint_writer(first)
    return f"{writer}\n{rest}".strip() if writer and not rest.strip() else text


def _signed_line(page: Page, container: Tag | None, title: str | None, keys: frozenset[str],
                 matched: dict[str, str]) -> str | None:
    """The Vietnamese portals' signature: the body's last name line, a right-aligned name line after the
    body or after the title, or a reprint credit ("Theo <b>Vũ Vũ</b>" and the outlet).

    Only on Vietnamese text: elsewhere a short last line with a name is a caption or a quote.
    """
    if not is_vietnamese(tree.flat_text(container if container is not None else page.root)):
        return None
    if container is not None:
        line = byline_lines.take_byline_line(container)
        if line:
            matched["authors"] = "layout:byline-line"
            outlet = _outlet_after(container) if reprint_writer(line) else None
            return f"{line}\n{outlet}" if outlet else line
    for rule, read in (("layout:signature-after", lambda: signature_after(container, keys) if container is not None
                        else None),
                       ("layout:signature", lambda: signature(page, title, keys)),
                       ("layout:reprint-credit", lambda: byline_lines.reprint_credit(page.root))):
        line = read()
        if line:
            matched["authors"] = rule
            return line
    return None


def _in_page_forms(page: Page, forms: list[Tag], title: str | None, keys: frozenset[str],
                   matched: dict[str, str]) -> str | None:
    """The byline rules on each page-wide <form> strip_noise took out, read as a page of its own."""
    for form in forms:
        if not tree.is_removed(form, page.root):
            continue
        alone = Page(page.text, form)
        layout.strip_noise(alone)
        element = author_element(form, keys)
        if element:
            matched["authors"] = f"page-form:css:{element[1]}"
            return declared(element[0])
        container = layout.densest_block(alone)
        line = _signed_line(alone, container, title, keys, matched)
        if line:
            matched["authors"] = f"page-form:{matched['authors']}"
            return line
    return None
