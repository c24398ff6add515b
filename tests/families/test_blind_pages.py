"""Pages written from the research alone, by someone who had not read the families.

tests/fixtures/blind/<family>/<case>/ holds input.html | input.json | input.xml,
meta.json ({"kind", "source", "url", "fetched_at", "hints"}) and expected.json.
An article runs through families.extract_article and process.normalize_article;
a list page through families.parse_list.  Each expected field is one test.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pytest

from tintuc_feed import families, voters
from tintuc_feed.families.common import hint_date
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import load_sources

from .cases import Case

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
ARTICLE_FIELDS = ("title", "published", "published_date", "authors", "summary_contains", "body_contains",
                  "body_absent", "not_article")
LIST_FIELDS = ("count", "items", "absent_urls", "api_contains", "api_absent", "next_urls", "next_absent", "next_none")


def load_cases(kind: str) -> list[Case]:
    cases = []
    for path in sorted(ROOT.glob("*/*/meta.json")):
        meta = json.loads(path.read_text("utf-8"))
        if meta["kind"] == kind:
            expected = json.loads((path.parent / "expected.json").read_text("utf-8"))
            cases.append(Case(path.parent.parent.name, path.parent.name, path.parent, meta, expected))
    return cases


@cache
def _source(source_id: str):
    return {s.id: s for s in load_sources()}[source_id]


_articles: dict = {}


def _article(case: Case):
    """The page read as the crawl and `tintuc-feed extract` read it: voters.read_article, then normalized;
    the NotAnArticle it raised for a page that is not one."""
    if case.id not in _articles:
        source = _source(case.meta["source"])
        try:
            raw = voters.read_article(source, case.meta["url"], case.text, hints=case.meta.get("hints") or {},
                                      now=case.fetched_at)
        except families.NotAnArticle as exc:
            _articles[case.id] = exc
        else:
            _articles[case.id] = normalize_article(raw, source, fetched_at=case.fetched_at,
                                                   fetched_url=case.meta["url"])
    return _articles[case.id]


def _squash(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _check_article(article, field: str, expected) -> list[str]:
    """What is wrong with one field; an empty list when it is right."""
    if isinstance(article, families.NotAnArticle):
        return [] if field == "not_article" and expected else [f"not an article: {article}"]
    if field == "not_article":
        return [f"read as an article: {article.title!r}"] if expected else []
    text = _squash(article.content_text)
    if field == "title":
        return [] if _squash(article.title) == expected else [f"title {article.title!r}"]
    if field == "published":
        want = datetime.fromisoformat(expected) if expected else None
        got = article.published.replace(microsecond=0) if article.published else None
        return [] if got == want else [f"published {article.published!r}"]
    if field == "published_date":
        got = article.published.date() if article.published else None
        return [] if got == date.fromisoformat(expected) else [f"published {article.published!r}"]
    if field == "authors":
        got = [a.name for a in article.authors]
        return [] if got == expected else [f"authors {got!r} (byline {article.byline_raw!r})"]
    if field == "summary_contains":
        return [] if expected in _squash(article.summary) else [f"summary {article.summary!r}"]
    if field == "body_contains":
        return [f"missing {s!r}" for s in expected if s not in text]
    if field == "body_absent":
        return [f"present {s!r}" for s in expected if s in text]
    raise KeyError(field)


def _list_page(case: Case):
    return families.parse_list(_source(case.meta["source"]), case.meta["url"], case.text)


def _hint_date(link, case: Case):
    return pick_published(hint_date(link.hints), now=case.fetched_at)


def _check_item(link, item: dict, case: Case) -> list[str]:
    wrong = []
    if "title" in item and _squash(link.hints.get("title")) != item["title"]:
        wrong.append(f"{item['url']}: title {link.hints.get('title')!r}")
    if "summary" in item and _squash(link.hints.get("summary")) != item["summary"]:
        wrong.append(f"{item['url']}: summary {link.hints.get('summary')!r}")
    picked = _hint_date(link, case) if ("published" in item or "published_date" in item) else None
    if "published" in item and (not picked or picked.value != datetime.fromisoformat(item["published"])):
        wrong.append(f"{item['url']}: date {link.hints.get('date')!r} -> {picked and picked.value}")
    if "published_date" in item and (not picked or picked.value.date() != date.fromisoformat(item["published_date"])):
        wrong.append(f"{item['url']}: date {link.hints.get('date')!r} -> {picked and picked.value}")
    return wrong


def _check_list(case: Case, field: str, expected) -> list[str]:
    page = _list_page(case)
    links = {a.url: a for a in page.articles}
    if field == "count":
        return [] if len(page.articles) == expected else [f"{len(page.articles)} links: {list(links)}"]
    if field == "items":
        wrong = [f"missing {i['url']}" for i in expected if i["url"] not in links]
        return wrong + [w for i in expected if i["url"] in links for w in _check_item(links[i["url"]], i, case)]
    if field == "absent_urls":
        return [f"present {u}" for u in expected if u in links]
    if field == "next_urls":
        return [f"no next page {u}: {list(page.next_urls)}" for u in expected if u not in page.next_urls]
    if field == "next_none":
        return [f"next pages {list(page.next_urls)}"] if expected and page.next_urls else []
    if field == "next_absent":
        return [f"next page {u}" for u in expected if u in page.next_urls]
    fetches = [a.fetch_url or "" for a in page.articles] + list(page.next_urls)
    if field == "api_contains":
        return [f"no request has {s!r}: {fetches}" for s in expected if not any(s in u for u in fetches)]
    if field == "api_absent":
        return [f"a request has {s!r}: {fetches}" for s in expected if any(s in u for u in fetches)]
    raise KeyError(field)


def _params(cases, fields):
    """One test per expected field; a field expected.json lists under "still_wrong" (field -> why) is a strict xfail:
    it fails the run the day it starts passing, and its line is then removed."""
    def marks(case, field):
        why = case.expected.get("still_wrong", {}).get(field)
        return [pytest.mark.xfail(strict=True, reason=why)] if why else []
    return [pytest.param(c, f, id=f"{c.id}:{f}", marks=marks(c, f)) for c in cases for f in fields if f in c.expected]


@pytest.mark.parametrize(("case", "field"), _params(load_cases("article"), ARTICLE_FIELDS))
def test_blind_article_field(case, field):
    wrong = _check_article(_article(case), field, case.expected[field])
    assert not wrong, f"{case.id} {field}: " + "; ".join(wrong)


@pytest.mark.parametrize(("case", "field"), _params(load_cases("list"), LIST_FIELDS))
def test_blind_list_field(case, field):
    wrong = _check_list(case, field, case.expected[field])
    assert not wrong, f"{case.id} {field}: " + "; ".join(wrong)


def test_every_family_has_blind_pages():
    families_seen = {c.family for c in load_cases("article")}
    assert families_seen >= {"bocongan", "cand", "dnn-cmsview", "vhv", "wordpress", "generic"}


# --- the heuristics the blind pages led to, one row each ---------------------

_ARTICLE_TEXT = "<p>" + "Công an tỉnh tổ chức hội nghị tổng kết công tác năm. " * 12 + "</p>"
CHALLENGE_ROWS = [
    # (page, is a challenge)
    ("<html><head><script>document.cookie='incap_ses_1=a';location.reload(true);</script></head><body></body></html>",
     True),
    ("<html><head><script src='/_Incapsula_Resource?SWJIYLWA=7'></script></head><body></body></html>", True),
    ((f"<html><head><script src='/_Incapsula_Resource?SWJIYLWA=7'></script></head><body><h1>Tin</h1>{_ARTICLE_TEXT}"
     "</body></html>"), False),  # Incapsula injects its script into real pages too
]


@pytest.mark.parametrize(("page", "challenge"), CHALLENGE_ROWS)
def test_waf_marker_counts_only_on_a_page_without_text(page, challenge):
    try:
        families.page_checks.check_page(page)
        raised = False
    except families.NotAnArticle as exc:
        raised = str(exc).startswith("waf-challenge")
    assert raised is challenge


TITLE_LINE_ROWS = [
    # (html, the title the layout reads)
    (('<td class="box-title">Tin tức - Sự kiện</td><td><a href="/a">Tin khác</a></td>'
     '<td class="NewsTitle"><b>Xây dựng lực lượng Công an trong sạch vững mạnh</b></td>'
     '<td class="NewsDate">Thứ Sáu, 02/06/2023 08:30 (GMT+7)</td>'),
     "Xây dựng lực lượng Công an trong sạch vững mạnh"),
    (('<div class="box-title">Liên kết website</div><div>Bộ Công an</div>'
     '<h2>Hội nghị tổng kết công tác Công an năm 2025</h2><div>02/06/2023</div>'),
     "Hội nghị tổng kết công tác Công an năm 2025"),
]


@pytest.mark.parametrize(("html", "title"), TITLE_LINE_ROWS)
def test_title_line_is_the_heading_the_date_follows(html, title):
    from tintuc_feed.families import layout

    soup = families.base.parse_html(f"<html><body>{html}</body></html>")
    assert layout.title_line(soup, None)[0] == title


def test_list_items_in_a_sidebar_are_not_the_list():
    from tintuc_feed.families import common

    soup = families.base.parse_html('<div class="td-main-content"><div class="item" id="a"></div></div>'
                                    '<div class="td-main-sidebar"><div class="item" id="b"></div></div>'
                                    '<aside><div class="item" id="c"></div></aside>')
    assert [n.get("id") for n in common.outside_sidebars(families.base.select_all(soup, ".item"))] == ["a"]


# --- rows the second blind round led to ---------------------------------------

_CARD = '<div class="item"><h3><a href="/tin-tuc/{0}-cong-an-tinh-ra-quan-tran-ap-toi-pham-{1}.html">Tin {1}</a></h3></div>'
MAIN_LINK_ROWS = [
    # (list page body, the ids whose links are the list's)
    (_CARD.format("a", 1) + _CARD.format("b", 2) + "<aside>" + _CARD.format("c", 3) + "</aside>", [1, 2]),
    (_CARD.format("a", 1) + '<div class="sidebar">' + _CARD.format("c", 3) + "</div>", [1]),
    (_CARD.format("a", 1) + '<div class="side-col"><div class="widget">' + _CARD.format("c", 3) + "</div></div>", [1]),
    ('<div class="widget">' + _CARD.format("a", 1) + "</div><aside>" + _CARD.format("c", 3) + "</aside>", [1, 3]),
]


@pytest.mark.parametrize(("body", "ids"), MAIN_LINK_ROWS)
def test_generic_list_leaves_sidebar_links_unless_nothing_else(body, ids):
    source = _source("congan-ha-tinh")
    page = families.parse_list(source, "https://congan.hatinh.gov.vn/tin-tuc", f"<html><body>{body}</body></html>")
    assert [int(a.url.rsplit("-", 1)[1].split(".")[0]) for a in page.articles] == ids


def test_cand_list_leaves_sidebar_links():
    html = ('<html><body><div class="box-title"><a href="/phap-luat/xet-xu-vu-an-i770101/">A</a></div>'
            '<div class="uk-width-1-3@m sidebar"><div class="box-title"><a href="/ban-tin-113/tin-doc-i769000/">B</a>'
            '</div></div></body></html>')
    page = families.parse_list(_source("cand"), "https://cand.com.vn/phap-luat/", html)
    assert [a.url for a in page.articles] == ["https://cand.com.vn/phap-luat/xet-xu-vu-an-i770101/"]


_LEAD = "Công an tỉnh triển khai đồng bộ các giải pháp bảo đảm an ninh, trật tự phục vụ mùa du lịch hè."
SAPO_ROWS = [
    # (page head + body, the summary generic reads)
    (f'<h1>Tin</h1><div class="sapo-detail">{_LEAD}</div>', _LEAD),
    (f'<h1>Tin</h1><p class="detail-desc"><strong>{_LEAD}</strong></p>', _LEAD),
    (f'<meta name="description" content="Mô tả của trang."><h1>Tin</h1><div class="sapo">{_LEAD}</div>',
     "Mô tả của trang."),  # the page's own description first
    (f'<h1>Tin</h1><ul><li><a href="/b-1.html">Tin khác</a><div class="sapo">{_LEAD}</div></li></ul>', None),  # teaser
    ('<h1>Tin</h1><div class="sapo">Xem thêm</div>', None),  # a label, not a lead
]


@pytest.mark.parametrize(("html", "summary"), SAPO_ROWS)
def test_generic_summary_from_the_shown_sapo(html, summary):
    from tintuc_feed.families import generic

    page = families.base.parse_html(f"<html><head></head><body>{html}<p>{_ARTICLE_TEXT}</p></body></html>")
    found = generic._summary(page, None) or generic.shown_sapo(page)
    assert found == summary
