"""The selector prefilter: a selector the page cannot match is answered [] without its XPath.

A document registered here (`index_document`, when Page parses it) had these class tokens and
ids when it was parsed, and its source text names every attribute its elements carry.  Every
alternative of a selector group needs some of these (`requirements`, a table with a test per
row); when each alternative needs one the page never had, the selector finds nothing.

Sound because the library never adds a class, id or attribute to a page's tree, nor moves an
element of another tree into it (what it creates: GAP elements and bare <p>s); a node removed
later keeps its tokens in the index (a superset), and a removed node still belongs to its
document (getroottree()).  tests/families/test_selector_index.py runs every recorded page with
VERIFY_INDEX on, and compares the prefiltered select with the bare XPath on generated pages.

What an alternative may need:
- ("class", token) / ("id", value): `.a`, `#b`, the page's class tokens and ids;
- ("class*", text) / ("id*", text): an attribute test with a value on class or id (`[class*=author]`,
  `[class^=td-]`, `[id=x]`…): that text lies in some element's class (id) attribute;
- ("attr", name): any other attribute test but `!=` (`[itemprop=articleBody]`, `[rel~=author]`,
  `[datetime]`): some element carries the attribute.  libxml2's HTML parser lowercases an attribute's
  name (ASCII letters only, as cssselect's HTML translator lowercases the selector's), so an attribute
  of the tree is named, in some ASCII case, in the text: the text's bytes lowered (bytes.lower()
  changes ASCII letters only) hold the name.  Looked up once per document and name, then remembered.
"""

from __future__ import annotations

import re
from functools import cache

from cssselect import SelectorError
from cssselect import parse as parse_css
from cssselect import parser as css_parser
from lxml import etree

VERIFY_INDEX = False  # tests: run the XPath anyway and fail if a skipped selector would have matched
_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)
_ID_VALUES = etree.XPath("descendant-or-self::*/@id", smart_strings=False)
_ATTR_NAME = re.compile(r"[a-z_][a-z0-9_.-]*")  # an ASCII attribute name (a name test the text can answer)


class DocumentIndex:
    """What one parsed document had: class tokens and ids, their raw values, its text; the answers so far."""

    __slots__ = ("alternatives", "answers", "attrs", "classes", "groups", "ids", "lowered", "root", "text", "tokens")

    def __init__(self, root: etree._Element, text: str | None) -> None:
        self.root = root
        self.classes = " ".join(_CLASS_VALUES(root))
        ids = _ID_VALUES(root)
        self.ids = " ".join(ids)
        tokens = {("class", t) for t in self.classes.split()}
        tokens.update(("id", v) for v in ids)
        self.tokens = frozenset(tokens)
        self.text = text
        self.lowered: bytes | None = None
        self.attrs: dict[str, bool] = {}
        self.answers: dict[str, bool] = {}  # per selector: skipped (the index never changes)
        self.groups: dict[tuple[str, ...], tuple[str, ...]] = {}  # per group of selectors: those not skipped
        self.alternatives: dict[str, tuple[int, ...] | None] = {}  # per selector group: its alternatives kept

    def has(self, need: tuple[str, str]) -> bool:
        """Whether the document may hold what `need` names (True when it cannot tell)."""
        kind, value = need
        if kind in ("class", "id"):
            return need in self.tokens
        if kind == "class*":
            return value in self.classes
        if kind == "id*":
            return value in self.ids
        if self.text is None:  # kind "attr", on a tree indexed without its text
            return True
        found = self.attrs.get(value)
        if found is None:
            if self.lowered is None:
                self.lowered = self.text.encode("utf-8", "surrogatepass").lower()
            found = self.attrs[value] = value.encode("ascii") in self.lowered
        return found


_INDEXES: dict[int, DocumentIndex] = {}


def index_document(root: etree._Element, text: str | None = None) -> None:
    """Index a freshly parsed (or copied) document: its class tokens and ids, and the text it was parsed
    from (attribute names; None: attribute tests are never skipped).  forget_document undoes it."""
    _INDEXES[id(root)] = DocumentIndex(root, text)


def forget_document(root_id: int) -> None:
    _INDEXES.pop(root_id, None)


def cannot_match(node: etree._Element, css: str) -> bool:
    """True when `css` finds nothing below `node` because its document lacks what the selector needs."""
    entry = _INDEXES.get(id(top := node.getroottree().getroot()))
    if entry is None or entry.root is not top:
        return False
    skip = entry.answers.get(css)
    if skip is None:
        skip = entry.answers[css] = _skipped(_checks(css), entry)
    return skip


def alternatives(node: etree._Element, css: str) -> tuple[int, ...] | None:
    """Of a selector group (`.a, .b, #c`) that may match, the places of the alternatives the document may
    match, when it rules some out (their union is then the group's answer: the others find nothing); None
    when every alternative stays (or the group has one, or the document is not indexed)."""
    entry = _INDEXES.get(id(top := node.getroottree().getroot()))
    if entry is None or entry.root is not top:
        return None
    if css in entry.alternatives:
        return entry.alternatives[css]
    checks = _checks(css)
    kept = tuple(place for place, (needed, others) in enumerate(checks)
                 if needed <= entry.tokens and all(entry.has(need) for need in others))
    entry.alternatives[css] = found = kept if 0 < len(kept) < len(checks) else None
    return found


def possible(node: etree._Element, selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The selectors of `selectors` (in order) that `cannot_match` does not rule out below `node`: one lookup
    per group and document instead of one per selector (a reader's table of ~5-15 selectors, most of which a
    small page cannot match).  Every selector when the document is not indexed or VERIFY_INDEX is on."""
    entry = _INDEXES.get(id(top := node.getroottree().getroot()))
    if entry is None or entry.root is not top or VERIFY_INDEX:
        return selectors
    kept = entry.groups.get(selectors)
    if kept is None:
        kept = entry.groups[selectors] = _group_answer(top, entry, selectors)
    return kept


# Across documents: (group, what the document holds of the group's needs) -> the selectors kept.  A group's
# answer depends on the document only through that (each alternative's class/id needs are part of the group's
# tokens, its other needs one of the group's others), so pages alike in it share one answer: a few set
# operations per group and page instead of one _skipped per selector (tests/families/test_group_answers.py).
_GROUP_ANSWERS: dict[tuple, tuple[str, ...]] = {}
GROUP_ANSWERS_MAX = 4096  # emptied when full (a crawl of many sites: the answers of a few thousand kinds of page)


def _group_answer(top: etree._Element, entry: DocumentIndex, selectors: tuple[str, ...]) -> tuple[str, ...]:
    tokens, others = _group_needs(selectors)
    key = (selectors, tokens & entry.tokens, tuple(entry.has(need) for need in others))
    kept = _GROUP_ANSWERS.get(key)
    if kept is None:
        if len(_GROUP_ANSWERS) >= GROUP_ANSWERS_MAX:
            _GROUP_ANSWERS.clear()
        kept = _GROUP_ANSWERS[key] = tuple(css for css in selectors if not cannot_match(top, css))
    return kept


@cache
def _group_needs(selectors: tuple[str, ...]) -> tuple[frozenset[tuple[str, str]], tuple[tuple[str, str], ...]]:
    """Every class/id need of the group's alternatives (one set), and every other need (in a fixed order)."""
    tokens: set[tuple[str, str]] = set()
    others: set[tuple[str, str]] = set()
    for css in selectors:
        for needed, other in _checks(css):
            tokens |= needed
            others.update(other)
    return frozenset(tokens), tuple(sorted(others))


def skipped(needs: tuple[frozenset[tuple[str, str]], ...], entry: DocumentIndex) -> bool:
    """True when every alternative of the selector needs something the document never had."""
    return bool(needs) and not any(all(entry.has(need) for need in alternative) for alternative in needs)


def _skipped(checks: tuple[tuple[frozenset[tuple[str, str]], tuple[tuple[str, str], ...]], ...],
             entry: DocumentIndex) -> bool:
    """`skipped`, the class tokens and ids of each alternative tested as one set (in C), the rest after."""
    if not checks:
        return False
    tokens = entry.tokens
    for needed, others in checks:
        if needed <= tokens and (not others or all(entry.has(need) for need in others)):
            return False
    return True


@cache
def _checks(css: str) -> tuple[tuple[frozenset[tuple[str, str]], tuple[tuple[str, str], ...]], ...]:
    """requirements(css), each alternative split: (its class and id needs, its other needs)."""
    return tuple((frozenset(n for n in needs if n[0] in ("class", "id")),
                  tuple(sorted(n for n in needs if n[0] not in ("class", "id")))) for needs in requirements(css))


@cache
def requirements(css: str) -> tuple[frozenset[tuple[str, str]], ...]:
    """Per alternative of the selector group, what its element or an element it is combined with
    needs of the document; () when some alternative needs nothing (no prefilter)."""
    try:
        selectors = parse_css(css)
    except SelectorError:
        return ()
    out = []
    for selector in selectors:
        needs: set[tuple[str, str]] = set()
        _collect(selector.parsed_tree, needs)
        if not needs:
            return ()
        out.append(frozenset(needs))
    return tuple(out)


def _collect(part, needs: set[tuple[str, str]]) -> None:
    """Add what `part` requires of the document; a part it does not know adds nothing."""
    if isinstance(part, css_parser.Class):
        if part.class_name and not any(ch.isspace() for ch in part.class_name):
            needs.add(("class", part.class_name))
        _collect(part.selector, needs)
    elif isinstance(part, css_parser.Hash):
        needs.add(("id", part.id))
        _collect(part.selector, needs)
    elif isinstance(part, css_parser.Attrib):
        need = _attribute_need(part)
        if need is not None:
            needs.add(need)
        _collect(part.selector, needs)
    elif isinstance(part, css_parser.CombinedSelector):
        _collect(part.selector, needs)
        _collect(part.subselector, needs)
    elif isinstance(part, (css_parser.Pseudo, css_parser.Function, css_parser.Negation,
                           css_parser.Relation, css_parser.Matching, css_parser.SpecificityAdjustment)):
        _collect(part.selector, needs)  # the conditions only narrow what the element selector matches


def _attribute_need(part: css_parser.Attrib) -> tuple[str, str] | None:
    """What an attribute test needs: its name ("attr"), or for class and id with a value, the value's text."""
    if part.namespace or part.operator == "!=":  # [a!=b] also matches an element without the attribute
        return None
    name = part.attrib.lower()  # cssselect's HTML translator lowercases it
    if part.operator != "exists" and name in ("class", "id"):
        value = part.value.value if part.value is not None else ""
        return (f"{name}*", value) if value else None
    return ("attr", name) if _ATTR_NAME.fullmatch(name) else None
