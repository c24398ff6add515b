"""One test per expected field of every recorded fixture page (see cases.py)."""

from __future__ import annotations

import pytest

from .cases import article_fields, field_matches, list_fields, load_cases

ARTICLE_CASES = load_cases("article")
LIST_CASES = load_cases("list")


def _params(cases):
    return [pytest.param(case, field, id=f"{case.id}:{field}") for case in cases for field in case.expected]


_article_cache: dict = {}


def _article(case):
    if case.id not in _article_cache:
        _article_cache[case.id] = article_fields(case)
    return _article_cache[case.id]


@pytest.mark.parametrize(("case", "field"), _params(ARTICLE_CASES))
def test_article_field(case, field):
    actual = _article(case)[field]
    assert field_matches(case, field, actual), f"{field}: got {actual!r}, expected {case.expected[field]!r}"


@pytest.mark.parametrize(("case", "field"), _params(LIST_CASES))
def test_list_field(case, field):
    actual = list_fields(case)[field]
    assert actual == case.expected[field]


@pytest.mark.parametrize("family", ["bocongan", "cand", "dnn-cmsview", "vhv", "wordpress", "generic"])
def test_each_family_has_three_articles_and_a_list(family):
    assert sum(c.family == family for c in ARTICLE_CASES) >= 3 and any(c.family == family for c in LIST_CASES)
