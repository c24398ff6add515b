"""Atom is rendered once (feedgen's tree amended before it is serialized) and gives the bytes the
render-parse-render it replaced gave: that renderer is kept here as the reference.

Compared on every feed a publish of the sample corpus writes (all, provinces, topics, sources, health) and
on generated items (hypothesis: titles, summaries, tags, authors, images and bodies
made of markup, entities, CDATA ends, CR/LF, non-BMP and XML-illegal characters).
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from feeds.atom_reference import render_atom_render_parse_render
from feeds.feedfixtures import BASE_URL, SOURCES, TOPICS, make_articles, make_health
from tintuc_feed.feeds import feedgen_adapter
from tintuc_feed.feeds.publish import plan_feeds
from tintuc_feed.model import Author


def feeds_of(articles):
    return plan_feeds(SOURCES, articles, make_health(), base_url=BASE_URL, topics=TOPICS)


def test_every_feed_of_the_sample_corpus_is_byte_identical():
    feeds = feeds_of(make_articles())
    assert len(feeds) >= 8 and sum(len(feed.items) for feed in feeds) >= 15
    for feed in feeds:
        once = feedgen_adapter.render_atom(feed)
        assert once == render_atom_render_parse_render(feed), feed.id
        entries = etree.fromstring(once).findall("{http://www.w3.org/2005/Atom}entry")
        assert [e.find("{http://www.w3.org/2005/Atom}link").get("rel") for e in entries] == ["alternate"] * len(entries)


PIECES = st.sampled_from(["", " ", "\r\n", "a\rb", "]]>", "&amp;", "<b>x</b>", "\u00a0", "tiếng Việt", "\t", "\U0001F600",
                          "\x0b", "'\"", "\ud800", "\x00", "&#13;", "<![CDATA[", "Công an"])
TEXT = st.lists(PIECES, max_size=5).map("".join)
IMAGES = st.sampled_from([None, "https://congan.lamdong.gov.vn/uploads/a.png", "http://x.vn/y?a=1&b=2", "https://x.vn/ả.webp"])


@st.composite
def rewritten(draw, stored):
    article = stored.article
    changed = dataclasses.replace(
        article, title="T" + draw(TEXT), summary=draw(st.one_of(st.none(), TEXT)), image=draw(IMAGES),
        tags=tuple("#" + tag for tag in draw(st.lists(TEXT, max_size=3))),  # the store keeps no empty title or tag
        authors=tuple(Author(name="N" + name, name_raw="r") for name in draw(st.lists(TEXT, max_size=2))),
        content_html=draw(st.sampled_from(["", article.content_html])) + draw(TEXT), content_text=draw(TEXT))
    return dataclasses.replace(stored, article=changed)


@given(st.tuples(*(rewritten(stored) for stored in make_articles())))
def test_generated_items_are_byte_identical(articles):
    for feed in feeds_of(list(articles)):
        assert feedgen_adapter.render_atom(feed) == render_atom_render_parse_render(feed), feed.id
