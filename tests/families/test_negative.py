"""Pages that are not articles never become one, for every family (research 1.3, 11)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tintuc_feed import families
from tintuc_feed.families import NotAnArticle

from .cases import ROOT, registry

NEGATIVE = ROOT / "negative"
SOURCES = {"bocongan": "bocongan", "cand": "cand", "dnn-cmsview": "congan-ha-noi", "vhv": "congan-thanh-hoa",
           "wordpress": "congan-quang-tri", "generic": "congan-da-nang"}
PAGES = {"waf-challenge.html": "waf-challenge", "truncated.html": "truncated", "error-200.html": "error-page"}


def _source(family):
    return registry()[SOURCES[family]]


@pytest.mark.parametrize("family", sorted(SOURCES))
@pytest.mark.parametrize(("page", "reason"), sorted(PAGES.items()))
def test_not_an_article(family, page, reason):
    text = (NEGATIVE / page).read_text("utf-8")
    with pytest.raises(NotAnArticle) as caught:
        families.extract_article(_source(family), "https://example.gov.vn/bai-viet/x-1783311539", text)
    assert caught.value.reason == reason


@pytest.mark.parametrize("family", sorted(SOURCES))
def test_list_without_links_is_reported(family):
    text = (NEGATIVE / "list-no-links.html").read_text("utf-8")
    url = _source(family).home + "chuyen-muc-moi"  # a category whose DNN ModuleId is not known either
    page = families.parse_list(_source(family), url, text)
    assert (page.articles, (page.problem or "").split(":")[0] in ("no-links", "no-module")) == ((), True)


@pytest.mark.parametrize("family", ["bocongan", "cand", "vhv", "wordpress"])
def test_waf_list_page_is_a_problem_not_an_empty_list(family):
    text = (NEGATIVE / "waf-challenge.html").read_text("utf-8")
    page = families.parse_list(_source(family), _source(family).list_urls[0], text)
    assert (page.problem or "").startswith("waf-challenge")


@pytest.mark.parametrize(("body", "reason"), [('{"Id": 1, "Name": "x", "FullCon', "truncated"),
                                              ('{"Id": 1, "Name": "Tin", "FullContent": ""}', "no-content")])
def test_dnn_api_bodies_that_are_not_articles(body, reason):
    with pytest.raises(NotAnArticle) as caught:
        families.extract_article(_source("dnn-cmsview"), "https://congan.hanoi.gov.vn/tin-tuc/x-1", body)
    assert caught.value.reason == reason


def test_family_that_finds_nothing_falls_back_to_generic_marked_degraded():
    text = (ROOT / "generic" / "article-jsonld-danang" / "input.html").read_text("utf-8")
    source = replace(_source("generic"), family="cand")
    raw = families.extract_article(source, "https://congan.danang.gov.vn/tin-tuc/x-4521", text)
    assert (raw.degraded, raw.body_html is not None) == (True, True)
