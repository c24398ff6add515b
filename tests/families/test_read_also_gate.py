"""read_also.remove reads a root's blocks one by one only when the root's folded text holds a prefix's needle
(issue 10).  Every string each READ_ALSO_PREFIXES row matches holds a needle (the rows enumerated); the gated
removal against the ungated one on the recorded pages' elements and on generated blocks."""

from __future__ import annotations

import copy
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tintuc_feed.families import read_also, tree
from tintuc_feed.families.page import Page

from .regex_language import language
from .test_reading_fast_paths import _recorded_pages


@pytest.mark.parametrize(("kind", "row"), read_also.READ_ALSO_PREFIXES)
def test_every_string_a_prefix_row_matches_holds_a_needle(kind, row):
    strings = language(sre_parse.parse(row))
    assert strings
    for text in strings:
        assert any(needle in text for needle in read_also.PREFIX_NEEDLES), (kind, text)


def _both_ways(root, monkeypatch) -> tuple[list[str], bytes, list[str], bytes]:
    gated, ungated = copy.deepcopy(root), copy.deepcopy(root)
    lines = read_also.remove(gated)
    with monkeypatch.context() as patch:
        patch.setattr(read_also, "may_hold_prefix", lambda root: True)
        reference = read_also.remove(ungated)
    return lines, etree.tostring(gated), reference, etree.tostring(ungated)


def test_the_gated_removal_is_the_ungated_one_on_the_recorded_pages(monkeypatch):
    roots = gated_out = 0
    for html in _recorded_pages():
        page = Page(html)
        for root in [page.root.find("body"), *page.root.iter("article", "main", "section", "div")][:60]:
            if root is None:
                continue
            lines, after, reference, reference_after = _both_ways(root, monkeypatch)
            assert (lines, after) == (reference, reference_after)
            roots += 1
            gated_out += not read_also.may_hold_prefix(root)
    assert roots > 2_000 and gated_out > roots // 4  # most roots hold no prefix: their blocks are not read


LABELS = st.sampled_from(["Xem thêm:", "ĐỌC THÊM", "Tin liên quan", "Mời bạn đọc xem thêm", "Có thể bạn quan tâm",
                          ">>", "»", "›", "Xem", "thêm", "Tin", "quan", "Theo CAND", ""])
WORDS = st.sampled_from(["Công an", "tỉnh", "bắt", "đối tượng", "xem", "thêm", "liên", "quan tâm", " ", "\n"])


@st.composite
def containers(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        tag = draw(st.sampled_from(["p", "div", "h3", "ul"]))
        label, words = draw(LABELS), " ".join(draw(st.lists(WORDS, max_size=4)))
        link = f"<a href='/x-{len(blocks)}'>{words or 'Tin'}</a>" if draw(st.booleans()) else words
        inner = f"<li>{link}</li>" if tag == "ul" else f"{label} {link}" + ("<br>" + link if draw(st.booleans()) else "")
        blocks.append(f"<{tag}>{inner}</{tag}>")
    return "<html><body><div id='c'>" + "".join(blocks) + "</div></body></html>"


@settings(max_examples=300)
@given(containers())
def test_the_gated_removal_is_the_ungated_one_on_generated_blocks(html):
    root = tree.parse(html).find(".//div")
    lines, after, reference, reference_after = _both_ways(root, _Patch())
    assert (lines, after) == (reference, reference_after)


class _Patch:
    """monkeypatch.context() for a hypothesis test (the fixture is function-scoped)."""

    def context(self):
        return pytest.MonkeyPatch.context()
