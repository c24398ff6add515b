"""A page tree's HTML written as BeautifulSoup wrote it (the body HTML the families return).

The golden file (tests/fixtures/golden) fixes that output: minimal entities, attributes sorted,
`<br/>` for an empty void element, whitespace-only strings collapsed outside <pre>/<textarea>, and
a removed element's GAP (families/tree.py) written as nothing but its tail.
"""

from __future__ import annotations

import re

from lxml import etree

from .tree import GAP, collapse

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta",
                  "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex",
                  "nextid", "spacer"})
LIST_ATTRS = {"class", "accesskey", "dropzone"}
TAG_LIST_ATTRS = {"a": {"rel", "rev"}, "link": {"rel", "rev"}, "td": {"headers"}, "th": {"headers"},
                  "form": {"accept-charset"}, "object": {"archive"}, "area": {"rel"}, "icon": {"sizes"},
                  "iframe": {"sandbox"}, "output": {"for"}}
_ESCAPE = re.compile(r"[<>&]")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _escape(text: str) -> str:
    """&, < and > as entities (the same as _ESCAPE.sub with _ENTITY: "&" goes first)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(tag: str, key: str, value: str) -> str:
    if key in LIST_ATTRS or key in TAG_LIST_ATTRS.get(tag, ()):
        value = " ".join(value.split())
    value = _escape(value)
    if '"' in value:
        if "'" in value:
            return f'{key}="{value.replace(chr(34), "&quot;")}"'
        return f"{key}='{value}'"
    return f'{key}="{value}"'


def _string(text: str, parent: etree._Element, out: list[str], in_pre: bool) -> None:
    if not in_pre:
        text = collapse(text, None)
    out.append(text if parent.tag in ("script", "style") else _escape(text))


def _write(node: etree._Element, out: list[str], in_pre: bool) -> None:
    tag = node.tag
    if tag is etree.Comment:
        out.append(f"<!--{node.text or ''}-->")
    elif tag is etree.PI:
        out.append(f"<?{node.target} {node.text or ''}>" if node.text else f"<?{node.target}>")
    elif tag != GAP and isinstance(tag, str):
        attrs = "".join(" " + _attribute(tag, k, v) for k, v in sorted(node.attrib.items()))
        if tag in VOID and not node.text and len(node) == 0:
            out.append(f"<{tag}{attrs}/>")
        else:
            out.append(f"<{tag}{attrs}>")
            write_contents(node, out, in_pre or tag in ("pre", "textarea"))
            out.append(f"</{tag}>")


def write_contents(node: etree._Element, out: list[str], in_pre: bool = False) -> None:
    if node.text:
        _string(node.text, node, out, in_pre)
    for child in node:
        _write(child, out, in_pre)
        if child.tail:
            _string(child.tail, node, out, in_pre)


def inner_html(node: etree._Element) -> str:
    """The node's contents as bs4's decode_contents() wrote them."""
    in_pre = node.tag in ("pre", "textarea") or any(a.tag in ("pre", "textarea") for a in node.iterancestors())
    out: list[str] = []
    write_contents(node, out, in_pre)
    return "".join(out)
