"""The Atom renderer before issue 10 (render, parse, render), kept as the reference the one-pass renderer
must equal byte for byte: tests/feeds/test_atom_once.py and benchmarks/bench_atom.py use it."""

from __future__ import annotations

from lxml import etree

from tintuc_feed.feeds import feedgen_adapter


def render_atom_render_parse_render(feed) -> bytes:
    """feedgen's bytes parsed back, entry links replaced, serialized again."""
    generator = feedgen_adapter._generator(feed)
    generator.id(feed.links.atom)
    generator.link(href=feed.links.home, rel="alternate", type="text/html")
    generator.link(href=feed.links.atom, rel="self", type="application/atom+xml")
    root = etree.fromstring(generator.atom_str(pretty=False, encoding="UTF-8", xml_declaration=True))
    atom = feedgen_adapter.ATOM
    for element, stored in zip(root.iterfind(f"{{{atom}}}entry"), feed.items, strict=True):
        for link in element.findall(f"{{{atom}}}link"):
            element.remove(link)
        for attributes in feedgen_adapter.entry_links(stored):
            etree.SubElement(element, f"{{{atom}}}link", attributes)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
