"""RSS 2.0 and Atom 1.0 through feedgen, with its quirks kept in this one module.

The quirks handled here:
- add_entry() prepends by default: we always pass order="append".
- naive datetimes raise: every datetime goes through in_vn() first.
- RSS <author> needs an email: author names go to dc:creator instead.
- lastBuildDate/updated default to "now": we set them to the newest item's
  `updated`, so the same items give the same bytes.
- lxml refuses XML-illegal characters: every string is cleaned first.
- RSS <description> is read as HTML by readers (feedparser: text/html), so the
  plain-text summary goes in HTML-escaped; Atom gets it as <summary type="text">.
  description() also sets Atom's content, so content() is always called after it.
- RSS <link> is the *last* feed link added: the self link goes first.
- feedgen 1.0.0 drops rel/type/length of Atom entry links (a shadowed
  variable in FeedEntry.atom_entry), which turns the image into a second
  "alternate" link: _fix_atom_entry_links() rewrites them on the tree feedgen
  builds, before its one serialization (tests/feeds/test_atom_once.py: the
  same bytes as the parse-and-serialize-again this replaced).
"""

from __future__ import annotations

import mimetypes
from html import escape
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from lxml import etree

from ..model import StoredArticle
from ..sanitize import strip_xml_illegal
from .common import GENERATOR, LANGUAGE, Feed, date_published, feed_updated, in_vn, iri, item_html

DEFAULT_IMAGE_TYPE = "image/jpeg"
ATOM = "http://www.w3.org/2005/Atom"


def render_rss(feed: Feed) -> bytes:
    """The feed as RSS 2.0 (with content:encoded, dc:creator, atom:link rel=self)."""
    generator = _generator(feed)
    generator.link(href=feed.links.rss, rel="self", type="application/rss+xml")
    generator.link(href=feed.links.home, rel="alternate")
    return generator.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def render_atom(feed: Feed) -> bytes:
    """The feed as Atom 1.0, serialized once: feedgen builds the tree, the entry links are set right on it."""
    generator = _generator(feed)
    generator.id(feed.links.atom)
    generator.link(href=feed.links.home, rel="alternate", type="text/html")
    generator.link(href=feed.links.atom, rel="self", type="application/atom+xml")
    # What feedgen 1.0.0's atom_str() serializes; its elements carry plain names under xmlns=ATOM.
    root, _ = generator._create_atom(extensions=True)
    _fix_atom_entry_links(root, feed)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _fix_atom_entry_links(root: etree._Element, feed: Feed) -> None:
    """Each entry's links as entry_links() says (feedgen's lose their rel/type/length)."""
    for element, stored in zip(root.iterfind("entry"), feed.items, strict=True):
        for link in element.findall("link"):
            element.remove(link)
        for attributes in entry_links(stored):
            etree.SubElement(element, "link", attributes)


def entry_links(stored: StoredArticle) -> list[dict[str, str]]:
    """The Atom links of an entry: the article page, and its lead image as an enclosure."""
    article = stored.article
    links = [{"rel": "alternate", "type": "text/html", "href": article.url}]
    if article.image:
        links.append({"rel": "enclosure", "type": image_type(article.image), "href": article.image})
    return links


def _generator(feed: Feed) -> FeedGenerator:
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.title(_text(feed.title))
    generator.description(_text(feed.description))
    generator.subtitle(_text(feed.description))
    generator.language(LANGUAGE)
    generator.author({"name": _text(feed.title)})  # Atom needs an author at feed level or in every entry
    generator.generator(GENERATOR)
    generator.updated(feed_updated(feed.items))
    for item in feed.items:
        _add_entry(generator, item)
    return generator


def _add_entry(generator: FeedGenerator, stored: StoredArticle) -> None:
    article = stored.article
    entry = generator.add_entry(order="append")
    entry.id(iri(stored.guid))
    entry.guid(stored.guid, permalink=stored.guid == article.url)
    entry.title(_text(article.title))
    entry.link(href=article.url, rel="alternate", type="text/html")
    if date_published(stored) is not None:  # an undated article gets no pubDate / <published>
        entry.published(date_published(stored))
    entry.updated(in_vn(stored.updated))
    _add_authors(entry, stored)
    summary = _text(article.summary or _excerpt(article.content_text) or article.title)
    entry.summary(summary, type="text")  # Atom: <summary type="text">, shown as text
    entry.description(escape(summary, quote=False))  # RSS: readers take <description> for HTML, so escape it
    entry.content(_text(item_html(stored)) if article.content_html else escape(summary, quote=False), type="html")
    for tag in article.tags:
        entry.category(term=_text(tag), label=_text(tag))
    if article.image:
        entry.enclosure(url=article.image, length=0, type=image_type(article.image))


def _add_authors(entry, stored: StoredArticle) -> None:
    names = [_text(author.name) for author in stored.article.authors]
    for name in names:
        entry.author({"name": name})
    if names:
        entry.dc.dc_creator(names)


def image_type(url: str) -> str:
    """The MIME type an image URL's extension suggests (JPEG when unknown)."""
    guessed, _ = mimetypes.guess_type(urlsplit(url).path)
    return guessed if guessed and guessed.startswith("image/") else DEFAULT_IMAGE_TYPE


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _text(value: str) -> str:
    return strip_xml_illegal(value)

