"""feeds.opml: every feed as OPML 2.0, grouped by province, for importing into a reader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime

from lxml import etree

from ..sanitize import strip_xml_illegal
from .common import Feed, in_vn, join_url
from .plan import SITE_NAME

GENERAL_GROUP = "Tổng hợp"


def render_opml(feeds: Sequence[Feed], *, base_url: str, updated: datetime) -> bytes:
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = f"{SITE_NAME}: danh sách nguồn tin"
    etree.SubElement(head, "dateModified").text = format_datetime(in_vn(updated))
    etree.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    etree.SubElement(head, "ownerId").text = join_url(base_url, "")
    body = etree.SubElement(root, "body")
    for group, members in grouped(feeds):
        outline = etree.SubElement(body, "outline", text=group, title=group)
        for feed in members:
            _feed_outline(outline, feed)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def grouped(feeds: Sequence[Feed]) -> list[tuple[str, list[Feed]]]:
    """(group name, feeds) with the general feeds first, then provinces A-Z; a province's own feed leads."""
    groups: dict[str, list[Feed]] = {}
    for feed in feeds:
        groups.setdefault(feed.group or GENERAL_GROUP, []).append(feed)
    general = groups.pop(GENERAL_GROUP, [])
    for members in groups.values():
        members.sort(key=lambda f: (f.kind != "province", f.title))
    ordered = sorted(groups.items())
    return ([(GENERAL_GROUP, general)] if general else []) + ordered


def _feed_outline(parent: etree._Element, feed: Feed) -> None:
    title = strip_xml_illegal(feed.title)
    etree.SubElement(
        parent, "outline", type="rss", text=title, title=title, xmlUrl=feed.links.rss, htmlUrl=feed.links.home,
        description=strip_xml_illegal(feed.description), language="vi", version="RSS2",
    )
