"""A page holding characters XML forbids (a backspace or vertical tab pasted from a word processor, a form
feed) is read as the same page without them, by every family, article and list pages alike.

lxml's parser keeps such characters in the tree, and the first text or tail a reader sets with one (a
byline line taken out of the body, a read-also line removed) raised ValueError: the whole article was
lost to one invisible character.  families.extract_article / parse_list read such a page again without them.
"""

from __future__ import annotations

import dataclasses

import pytest

from tintuc_feed import families

from .cases import load_cases, source_for

CASES = [c for c in load_cases() if c.path.joinpath("input.html").exists()]


def _soiled(text: str) -> str:
    """Invisible characters in text, in tails and in attribute values, the way pasted text carries them."""
    return (text.replace("</p>", "</p>\x08").replace("<p>", "<p>\x0b").replace("</b>", "\x1f</b>")
            .replace("</strong>", "</strong>\x08 ").replace("\">", "\x08\">", 3))


def _read(case, text: str):
    source = source_for(case)
    if case.meta["kind"] == "list":
        return families.parse_list(source, case.meta["url"], text)
    return families.extract_article(source, case.meta["url"], text, hints=case.meta.get("hints"))


def _visible(value):
    """The reading with the invisible characters taken out of every string and its white space collapsed
    (the raw reading keeps a page's characters as they were when no reader tripped on them, and a tail of
    "\x08" and an indent is kept where an indent alone is not; normalization drops both)."""
    if isinstance(value, str):
        return " ".join(families.readable_text(value).split())
    if isinstance(value, dict):
        return {k: _visible(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_visible(v) for v in value]
    return value


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_invisible_characters_change_nothing(case):
    soiled = _soiled(case.text)
    assert soiled != case.text
    clean = families.readable_text(soiled)
    assert "\x08" not in clean and "\x0b" not in clean and "\x1f" not in clean
    assert _visible(dataclasses.asdict(_read(case, soiled))) == _visible(dataclasses.asdict(_read(case, clean)))


def test_a_form_feed_is_white_space_and_a_backspace_nothing():
    assert families.readable_text("Công\x0can\x08 tỉnh") == "Công an tỉnh"
