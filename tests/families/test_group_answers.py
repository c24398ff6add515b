"""selector_index.possible shares a group's answer between documents alike in what the group needs (issue 10).

The answer computed selector by selector (cannot_match, the reference) against the shared one, the memory
carried from page to page: on every recorded page for every group of selectors the readers ask, and on
generated pages and groups (a small memory, emptied when full, included)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import selector_index
from tintuc_feed.families.page import Page

from . import golden
from .test_reading_fast_paths import _recorded_pages
from .test_selector_index import GROUPS, documents


def _selector_by_selector(root, group: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(css for css in group if not selector_index.cannot_match(root, css))


def _asked_groups(monkeypatch) -> set[tuple[str, ...]]:
    """Every group of selectors the readers ask the index about, reading the golden file's pages."""
    asked: set[tuple[str, ...]] = set()
    original = selector_index.possible

    def recorded(node, selectors):
        asked.add(selectors)
        return original(node, selectors)
    monkeypatch.setattr(selector_index, "possible", recorded)
    golden.readings()
    monkeypatch.undo()
    return asked


def test_every_recorded_page_gets_the_selector_by_selector_answer_for_every_group(monkeypatch):
    groups = sorted(_asked_groups(monkeypatch))
    assert len(groups) > 10
    selector_index._GROUP_ANSWERS.clear()
    asked = 0
    for html in _recorded_pages():
        root = Page(html).root
        for group in groups:
            assert selector_index.possible(root, group) == _selector_by_selector(root, group), group
            asked += 1
    assert len(selector_index._GROUP_ANSWERS) < asked // 4  # pages alike share answers


@settings(max_examples=300)
@given(st.lists(documents(), min_size=1, max_size=4), st.lists(GROUPS, min_size=1, max_size=6, unique=True))
def test_generated_pages_get_the_selector_by_selector_answer(pages, group):
    group = tuple(group)
    for html in pages:  # the memory is carried from one page (and one example) to the next
        root = Page(html).root
        assert selector_index.possible(root, group) == _selector_by_selector(root, group)


def test_the_memory_is_emptied_when_full(monkeypatch):
    monkeypatch.setattr(selector_index, "GROUP_ANSWERS_MAX", 3)
    selector_index._GROUP_ANSWERS.clear()
    pages = [f"<html><body><p class='{c}' {a}>t</p></body></html>" for c in ("a", "b", "a b", "z")
             for a in ("", "itemprop='x'")]
    for html in pages:
        root = Page(html).root
        for group in ((".a", ".b", "[itemprop] .a, .z"), ("#q", ".b p", "[itemprop]")):
            assert selector_index.possible(root, group) == _selector_by_selector(root, group)
            assert len(selector_index._GROUP_ANSWERS) <= 3
