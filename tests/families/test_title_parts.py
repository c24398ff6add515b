"""A heading's shown text and its parts (families/title_parts.py): one test per table row and per join rule."""

from __future__ import annotations

import pytest

from tintuc_feed.families import tree
from tintuc_feed.families.base import parse_html
from tintuc_feed.families.title_parts import (
    DECK_WORDS,
    HEADLINE_WORDS,
    KICKER_WORDS,
    NOT_HEADLINE_WORDS,
    heading_parts,
    heading_text,
    headline_part,
)


def h1(inner: str):
    doc = parse_html(f"<html><body><div class='main'><h1 class='title'>{inner}</h1></div></body></html>")
    return next(doc.root.iter("h1"))


# One class word per row of KICKER_WORDS, in the shapes themes write it.
KICKER_CASES = {
    "kicker": "article-heading__kicker",
    "roofline": "article-header__roofline typo--roofline",
    "dachzeile": "dachzeile",
    "overline": "headline-overline",
    "topline": "headline headline--topline",
    "supertitle": "supertitle",
    "super-title": "post-super-title",
    "pretitle": "pretitle",
    "pre-title": "pre-title",
    "eyebrow": "eyebrow",
    "sr-only": "sr-only",
    "screen-reader-text": "screen-reader-text",
    "visually-hidden": "visually-hidden",
    "visuallyhidden": "visuallyhidden",
    "element-invisible": "element-invisible",
}


def test_every_kicker_word_has_a_case():
    assert set(KICKER_CASES) == set(KICKER_WORDS)


@pytest.mark.parametrize("word", KICKER_WORDS)
def test_kicker_part_left_out(word):
    node = h1(f"<span class='{KICKER_CASES[word]}'>Chuyên đề</span> Tin A về an ninh trật tự")
    assert heading_text(node) == "Tin A về an ninh trật tự"


@pytest.mark.parametrize("word", DECK_WORDS)
def test_deck_part_left_out_unless_kept(word):
    node = h1(f"Tin A về an ninh trật tự <small class='post-{word}'>Lời kể của nhân chứng</small>")
    assert heading_text(node) == "Tin A về an ninh trật tự"
    assert heading_text(node, keep_decks=True) == "Tin A về an ninh trật tự Lời kể của nhân chứng"


def test_kicker_word_inside_another_word_is_no_kicker():
    # "deckblatt", "kickers-club": the word must stand alone between "-"/"_" or the ends
    node = h1("<span class='deckblatt'>Báo cáo</span> <span class='kickers'>Tin A</span>")
    assert heading_text(node) == "Báo cáo Tin A"


def test_separator_left_at_the_cut_goes():
    node = h1("<span class='kicker'>Chuyên đề</span><span class='sep'>: </span><span>Tin A về an ninh</span>")
    assert heading_text(node) == "Tin A về an ninh"


def test_only_kicker_text_keeps_the_whole_heading():
    assert heading_text(h1("<span class='kicker'>Chuyên đề an ninh</span>")) == "Chuyên đề an ninh"


# (inner html, shown text): how element boundaries join
JOINS = [
    ("Lực lượng <abbr title='Cảnh sát cơ động'>CSCĐ</abbr>: ra quân", "Lực lượng CSCĐ: ra quân"),  # no space before ":"
    ("„<em>Nóng</em>“ trên đường", "„Nóng“ trên đường"),  # quotes hug the word
    ("<span>Tin</span><span>A</span>", "Tin A"),  # two words never glued
    ("Tin A<br>về giao thông", "Tin A về giao thông"),  # <br> is a space
    ("Tin A<div>về giao thông</div>", "Tin A về giao thông"),  # a block is a space
    ("Tin <!-- x -->A<script>var x;</script>", "Tin A"),
    ("Công an  tỉnh\n X", "Công an tỉnh X"),
]


@pytest.mark.parametrize(("inner", "shown"), JOINS)
def test_join(inner, shown):
    assert heading_text(h1(inner)) == shown


def test_plain_heading_equals_flat_text():
    node = h1("Công an tỉnh X <b>bắt</b> đối tượng")
    assert heading_text(node) == tree.flat_text(node)


def test_parts_cut_at_child_elements():
    node = h1("<span class='post-title'><small>Chuyên mục</small><br>Tin A về giao thông</span>")
    assert heading_parts(node) == ["Chuyên mục", "Tin A về giao thông"]


def test_parts_runs_from_either_end():
    node = h1("<span>Một</span> <span>Hai</span> <span>Ba</span>")
    assert heading_parts(node) == ["Một", "Hai Ba", "Một Hai", "Ba"]


def test_parts_of_plain_heading_are_none():
    assert heading_parts(h1("Tin A về giao thông")) == []


# One class word per row of HEADLINE_WORDS, in the shapes themes write it: the part named the headline, beside a
# styled part no kicker row knows ("subline", "intro").
HEADLINE_CASES = {
    "headline": "v-A_-headline v-A_-headline__article--alpha",
    "title": "article-heading__title",
    "heading": "post-heading",
    "hed": "story-hed",
}


def test_every_headline_word_has_a_case():
    assert set(HEADLINE_CASES) == set(HEADLINE_WORDS)


@pytest.mark.parametrize("word", HEADLINE_WORDS)
def test_headline_part_beside_a_styled_part(word):
    node = h1(f"<span class='v-A_-subline'>Vanlife in Schweden</span> "
              f"<span class='{HEADLINE_CASES[word]}'>Skandinavien im Wohnmobil erleben</span>")
    assert heading_text(node) == "Vanlife in Schweden Skandinavien im Wohnmobil erleben"  # no table names "subline"
    assert headline_part(node) == "Skandinavien im Wohnmobil erleben"


# One class per row of NOT_HEADLINE_WORDS: a part that says it is around the headline is not it.
NOT_HEADLINE_CASES = {
    "intro": "headline-intro",
    "sub": "headline-sub",
    "pre": "pre-heading",
    "super": "super-headline",
    "top": "title-top",
    "over": "over-title",
    "label": "title-label",
    "tag": "title-tag",
    "category": "title-category",
    "date": "title-date",
}


def test_every_not_headline_word_has_a_case():
    assert set(NOT_HEADLINE_CASES) == set(NOT_HEADLINE_WORDS)


@pytest.mark.parametrize("word", NOT_HEADLINE_WORDS)
def test_part_around_the_headline_is_not_named(word):
    # Spiegel's shape: "headline-intro" beside "headline": the headline, not the intro
    node = h1(f"<span class='{NOT_HEADLINE_CASES[word]}'>Chuyên đề</span> <span class='headline'>Tin A về an ninh</span>")
    assert headline_part(node) == "Tin A về an ninh"
    # the same part alone beside an unnamed one is never taken for the headline
    node = h1(f"<span class='{NOT_HEADLINE_CASES[word]}'>Chuyên đề</span> <span class='x'>Tin A về an ninh</span>")
    assert headline_part(node) is None


@pytest.mark.parametrize("inner", [
    "<span class='headline'>Tin A về an ninh</span> <em>trật tự</em>",  # an unstyled <em>: the headline's own words
    "<span class='headline'>Tin A về an ninh</span> trật tự",  # loose text beside it
    "<span class='headline'>Tin A</span><span class='title'>về an ninh</span>",  # two named parts
    "<span class='headline'>Tin A về an ninh trật tự</span>",  # one part only: nothing set apart
    "Tin A về an ninh trật tự",
    # a "headline" part shorter than the styled part beside it: a headline set on two lines, not a kicker
    "<span class='headline'>Công an tỉnh X:</span> <span class='line-2'>triển khai đợt cao điểm trấn áp tội phạm</span>",
])
def test_no_headline_part(inner):
    assert headline_part(h1(inner)) is None


def test_headline_part_inside_a_lone_wrapper():
    node = h1("<div class='wrap'><span class='serie'>Serie</span>"
              "<span class='headline'>Tin A về an ninh</span></div>")
    assert headline_part(node) == "Tin A về an ninh"
