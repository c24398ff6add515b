"""Round 7 of the blind pages (part A), end to end: list page -> pager -> articles over HTTP, store, publish, feeds.

Two portals are played on 127.0.0.1 from the pages written from the research alone (tests/fixtures/blind/*/r7_*):
- a DNN portal installed in a virtual directory (dnn-cmsview): its category page
  r7_virtual_dir_cong_an_quot_json_page_var_header_block gives `sf_siteRoot` "/cong-an/" in a `&quot;`-quoted
  __dnnVariable; the list API (r7_listnew_pinned_item_repeated_in_more_null_publish, the pinned item repeated in
  ListMoreData) and each article's getbyid are asked under /cong-an/, never at the host's root; the API's page 2 is
  empty (the end of the list);
- a provincial portal (generic family, congan-can-tho): r7_list_xem_them_button_real_link_query_page, whose only
  pager is a "Xem thêm" button linking "?page=2"; page 2 is r7_list_utm_ref_and_comment_fragments_one_item_each,
  where one article is linked as "?utm_source=…", "#comments", "?ref=list" and plain.  Two listed links answer with
  error pages served with 200 (r7's maintenance notice and login wall).
`tintuc-feed crawl` runs in a subprocess as a user runs it.  The feeds are read with feedparser and the JSON Feed
schemas: each item equals its blind expectation, the URL variants of one article are ONE item with its clean URL,
and the error pages are in no feed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import run_cli

from tintuc_feed.sources import load_sources

from .site import FixtureSite
from .test_blind_round4_crawl import (
    _date_matches,
    _want,
    assert_json_feeds_pass_the_schemas,
    assert_xml_feeds_hold_the_cases,
    json_items,
    page,
    source_block,
)

HTML, JSON = "text/html", "application/json"
DNN_ROOT = "/cong-an"
DNN_LIST = DNN_ROOT + "/an-toan-giao-thong"
API = DNN_ROOT + "/DesktopModules/cmsview/api/NewsContent/"
DNN_PAGE_1 = API + "listnew?PortalId=0&ModuleId=419&GetType=3&PageIndex=1&txtKeyword="
DNN_PAGE_2 = API + "listnew?PortalId=0&ModuleId=419&GetType=3&PageIndex=2&txtKeyword="
DNN_ARTICLES = {  # the listed item's Id -> the blind getbyid page served for it
    53120: "dnn-cmsview/r6_getbyid_seed_trio_right_table_caption_anh_name",
    53114: "dnn-cmsview/r4_getbyid_centered_caption_rank_byline",
    53101: "dnn-cmsview/r3_getbyid_vgp_unit_byline",
}
PORTAL_LIST = "/tin-an-ninh-trat-tu"
PORTAL_PAGE_2 = "/tin-an-ninh-trat-tu?page=2"  # the "Xem thêm" button's href
PORTAL_ARTICLES = {  # path on the portal -> the blind page served there
    "/tin-an-ninh-trat-tu/tang-cuong-tuan-tra-kiem-soat-dem-tren-cac-tuyen-duong-trung-tam-640.html":
        "generic/r6_rank_name_dash_time_date_one_line_top_print_email_views_related",
    "/tin-tuc/an-ninh-trat-tu/son-la-bat-giu-doi-tuong-van-chuyen-12-banh-heroin-1770.html":
        "generic/r6_weekday_date_comma_time_bai_va_anh_rank_end_inline_dates_tin_khac",
    "/tin-tuc/an-ninh-trat-tu/cong-an-xa-chieng-mung-ra-mat-to-bao-ve-an-ninh-co-so-1769.html":
        "generic/r6_liferay_ngay_dang_thuc_hien_pair_end_ban_in_xem_them",
}
PORTAL_ERRORS = {
    "/tin-an-ninh-trat-tu/khoi-to-doi-tuong-lua-dao-chiem-doat-tai-san-qua-mang-xa-hoi-639.html":
        "generic/r7_error_200_he_thong_dang_bao_tri",
    "/tin-an-ninh-trat-tu/ra-mat-mo-hinh-camera-an-ninh-tai-phuong-ninh-kieu-638.html":
        "generic/r7_error_200_login_wall_ban_can_dang_nhap",
}
VARIANT = "/tin-tuc/an-ninh-trat-tu/son-la-bat-giu-doi-tuong-van-chuyen-12-banh-heroin-1770.html"


def _dnn_block(builtin, base: str) -> str:
    host = re.escape(base.split("://", 1)[1])
    return (f'[[source]]\nid = "{builtin.id}"\nname = "{builtin.name}"\nlist_urls = ["{base}{DNN_LIST}"]\n'
            f"article_url_pattern = '^http://{host}{DNN_ROOT}/tin-tuc/[^/?#]+-[0-9]+/?$'\n"
            f'family = "{builtin.family}"\nmax_pages = 3\nstatus = "fixture"\n')


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("blind-r7-crawl")
    builtin = {s.id: s for s in load_sources()}
    dnn_routes = {DNN_LIST: (HTML, page("dnn-cmsview/r7_virtual_dir_cong_an_quot_json_page_var_header_block")),
                  DNN_PAGE_1: (JSON, page("dnn-cmsview/r7_listnew_pinned_item_repeated_in_more_null_publish")),
                  DNN_PAGE_2: (JSON, page("dnn-cmsview/r4_listnew_past_the_end_empty"))}
    dnn_routes.update({f"{API}getbyid?id={i}": (JSON, page(case)) for i, case in DNN_ARTICLES.items()})
    portal_routes = {PORTAL_LIST: (HTML, page("generic/r7_list_xem_them_button_real_link_query_page")),
                     PORTAL_PAGE_2: (HTML, page("generic/r7_list_utm_ref_and_comment_fragments_one_item_each"))}
    portal_routes.update({p: (HTML, page(c)) for p, c in {**PORTAL_ARTICLES, **PORTAL_ERRORS}.items()})
    with FixtureSite(dnn_routes, ("congan.hanoi.gov.vn",)) as dnn, \
            FixtureSite(portal_routes, ("congan.cantho.gov.vn", "congan.sonla.gov.vn")) as portal:
        sources = tmp / "sources.toml"
        sources.write_text(_dnn_block(builtin["congan-ha-noi"], dnn.base) + "\n"
                           + source_block(builtin["congan-can-tho"], portal.base, PORTAL_LIST, "congan.cantho.gov.vn"),
                           "utf-8")
        out = tmp / "out"
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp / "t.db"), "--output", str(out),
                         "--delay", "0")
    assert result.returncode == 0, result.stderr
    return out, dnn, portal


CASES = [("congan-ha-noi", c) for c in DNN_ARTICLES.values()] + [("congan-can-tho", c) for c in PORTAL_ARTICLES.values()]


@pytest.mark.parametrize(("feed", "case"), CASES)
def test_json_feed_item_equals_the_blind_expectation(crawled, feed, case):
    out, _, _ = crawled
    title, date, authors = _want(case)
    (item,) = [i for i in json_items(out, feed) if i["title"] == title]
    assert _date_matches(item.get("date_published"), date), item.get("date_published")
    assert [a["name"] for a in item.get("authors", [])] == authors


def test_the_dnn_portal_is_read_under_its_virtual_directory(crawled):
    out, dnn, _ = crawled
    assert {DNN_LIST, DNN_PAGE_1, DNN_PAGE_2} <= set(dnn.requests)  # list -> API page 1 -> page 2 (empty: the end)
    assert not [p for p in dnn.requests if p.startswith("/DesktopModules/")]  # never at the host's root
    assert not [p for p in dnn.requests if "ModuleId=650" in p]  # the header's fixed block is not the list
    assert sorted(p for p in dnn.requests if "getbyid" in p) == sorted(f"{API}getbyid?id={i}" for i in DNN_ARTICLES)
    urls = sorted(i["url"] for i in json_items(out, "congan-ha-noi"))  # the pinned item repeated below: once
    assert len(urls) == len(DNN_ARTICLES) and all(u.startswith(dnn.base + DNN_ROOT + "/tin-tuc/") for u in urls)


def test_the_xem_them_button_is_the_pager_and_url_variants_are_one_item(crawled):
    out, _, portal = crawled
    assert PORTAL_PAGE_2 in portal.requests
    items = json_items(out, "congan-can-tho")
    assert len(items) == len(PORTAL_ARTICLES)
    variant = [i for i in items if VARIANT in i["url"]]
    assert len(variant) == 1 and variant[0]["url"] == portal.base + VARIANT  # no utm_, ref or #fragment left
    asked = [p for p in portal.requests if p.split("?")[0].split("#")[0] == VARIANT]
    assert asked == [VARIANT]  # fetched once, by its clean URL


def test_error_pages_served_with_200_are_in_no_feed(crawled):
    out, _, portal = crawled
    assert set(PORTAL_ERRORS) <= set(portal.requests)
    urls = {i["url"] for i in json_items(out, "all")}
    assert not {portal.base + p for p in PORTAL_ERRORS} & urls
    assert not [i for i in json_items(out, "all") if "bảo trì" in i["title"] or "Đăng nhập" in i["title"]]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_xml_feeds_read_back_with_feedparser(crawled, kind):
    out, _, _ = crawled
    assert_xml_feeds_hold_the_cases(out, kind, (("congan-ha-noi", DNN_ARTICLES), ("congan-can-tho", PORTAL_ARTICLES)))


def test_json_feeds_pass_the_schemas(crawled):
    out, _, _ = crawled
    assert_json_feeds_pass_the_schemas(out, ("congan-ha-noi", "congan-can-tho", "all"))
