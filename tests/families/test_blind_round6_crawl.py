"""Round 6 of the blind pages, end to end: list page -> pager -> articles over HTTP, store, publish, feeds read back.

Two portals are played on 127.0.0.1 from the pages written from the research alone (tests/fixtures/blind/*/r6_*):
- a provincial portal (generic family, congan-da-nang): its category page r6_list_base_href_relative_cards_trang_sau
  has a <base href> on the site's root, relative links, cards with an image link and a title link to the same
  article, and a "Trang sau ›" pager; its page 2 is r6_list_numbers_only_trang_path_weekday_dash_time (page numbers
  only).  One of the listed links answers with an error page served with status 200 (r6_error_200_dnn_…);
- cand.com.vn (cand family): r6_list_uikit_cards_image_and_title_link_trang_sau, with a side column ("Đọc nhiều")
  in UIkit's grid; its page 2 is cand's own error page served with 200 (r6_error_200_404_…).
`tintuc-feed crawl` runs in a subprocess as a user runs it.  The feeds are read with feedparser and the JSON Feed
schemas: each item's title, date and authors equal the blind expectations (expected.json), the error pages and the
side column's story are nowhere, and no list page past `max_pages` is asked for.
"""

from __future__ import annotations

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

HTML = "text/html"
PORTAL_LIST = "/tin-tuc/an-ninh-trat-tu/"
PORTAL_PAGE_2 = "/tin-tuc/an-ninh-trat-tu/trang-2.html"  # the first list's "Trang sau ›", read against its <base href>
PORTAL_PAGE_3 = "/tin-tuc-su-kien/an-ninh-trat-tu/trang-2/"  # page 2's own next page: past max_pages
PORTAL_ARTICLES = {  # path on the portal -> the blind page served there
    "/tin-tuc/an-ninh-trat-tu/bat-giu-doi-tuong-cuop-giat-tai-san-tren-duong-bach-dang-4521.html":
        "generic/r6_rank_name_dash_time_date_one_line_top_print_email_views_related",
    "/tin-tuc/an-ninh-trat-tu/tuan-tra-dam-bao-trat-tu-an-toan-giao-thong-dem-cuoi-tuan-4512.html":
        "generic/r6_weekday_date_comma_time_bai_va_anh_rank_end_inline_dates_tin_khac",
    "/tin-tuc-su-kien/an-ninh-trat-tu/triet-pha-o-nhom-cho-vay-lai-nang-tai-nha-trang-8812.html":
        "generic/r6_liferay_ngay_dang_thuc_hien_pair_end_ban_in_xem_them",
    "/tin-tuc-su-kien/an-ninh-trat-tu/bat-doi-tuong-trom-cap-xe-may-tai-cam-ranh-8809.html":
        "generic/r6_itemprop_meta_date_only_header_clock_dateline_unit_paren_nguon_domain",
}
PORTAL_ERROR = ("/tin-tuc/an-ninh-trat-tu/canh-bao-thu-doan-gia-danh-cong-an-goi-dien-lua-dao-4518.html",
                "generic/r6_error_200_dnn_khong_tim_thay_trang_yeu_cau_right_pane")
CAND_LIST = "/ban-tin-113/"
CAND_ARTICLES = {
    "/ban-tin-113/bat-doi-tuong-truy-na-dac-biet-lan-tron-12-nam-i790512/":
        "cand/r6_uikit_box_author_two_ranks_dash_xem_them_share_bar",
    "/ban-tin-113/dieu-tra-vu-chay-nha-lam-3-nguoi-thuong-vong-i790498/":
        "cand/r6_2019_timepost_single_digit_month_aliaspost_theo_ttxvn",
}
CAND_SIDE = "/Thoi-su/bo-truong-luong-tam-quang-tiep-doan-dai-bieu-i790401/"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("blind-r6-crawl")
    builtin = {s.id: s for s in load_sources()}
    portal_routes = {PORTAL_LIST: (HTML, page("generic/r6_list_base_href_relative_cards_trang_sau")),
                     PORTAL_PAGE_2: (HTML, page("generic/r6_list_numbers_only_trang_path_weekday_dash_time")),
                     PORTAL_ERROR[0]: (HTML, page(PORTAL_ERROR[1]))}
    portal_routes.update({path: (HTML, page(case)) for path, case in PORTAL_ARTICLES.items()})
    cand_routes = {CAND_LIST: (HTML, page("cand/r6_list_uikit_cards_image_and_title_link_trang_sau")),
                   CAND_LIST + "page-2/": (HTML, page("cand/r6_error_200_404_trang_khong_ton_tai_tin_moi_nhat"))}
    cand_routes.update({path: (HTML, page(case)) for path, case in CAND_ARTICLES.items()})
    with FixtureSite(portal_routes, ("congan.danang.gov.vn", "congan.khanhhoa.gov.vn")) as portal, \
            FixtureSite(cand_routes, ("cand.com.vn",)) as cand:
        sources = tmp / "sources.toml"
        sources.write_text(source_block(builtin["congan-da-nang"], portal.base, PORTAL_LIST, "congan.danang.gov.vn")
                           + "\n" + source_block(builtin["cand"], cand.base, CAND_LIST, "cand.com.vn"), "utf-8")
        out = tmp / "out"
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp / "t.db"), "--output", str(out),
                         "--delay", "0")
    assert result.returncode == 0, result.stderr
    return out, portal, cand


@pytest.mark.parametrize(("feed", "path", "case"), [("congan-da-nang", p, c) for p, c in PORTAL_ARTICLES.items()]
                         + [("cand", p, c) for p, c in CAND_ARTICLES.items()])
def test_json_feed_item_equals_the_blind_expectation(crawled, feed, path, case):
    out, portal, cand = crawled
    title, date, authors = _want(case)
    (item,) = [i for i in json_items(out, feed) if i["title"] == title]
    assert _date_matches(item.get("date_published"), date), item.get("date_published")
    assert [a["name"] for a in item.get("authors", [])] == authors
    assert item["url"] == (portal if feed == "congan-da-nang" else cand).base + path


def test_the_lists_links_and_pagers_were_followed_as_a_reader_would(crawled):
    out, portal, cand = crawled
    assert {PORTAL_LIST, PORTAL_PAGE_2} <= set(portal.requests)  # the pager read against the <base href>
    assert PORTAL_PAGE_3 not in portal.requests  # max_pages = 2
    assert not [p for p in portal.requests if p.count("/tin-tuc/an-ninh-trat-tu/") > 1]  # no link one folder deep
    assert CAND_LIST + "page-2/" in cand.requests and CAND_SIDE not in cand.requests  # the side column is not the list
    assert len(json_items(out, "congan-da-nang")) == len(PORTAL_ARTICLES)
    assert len(json_items(out, "cand")) == len(CAND_ARTICLES)


def test_an_error_page_served_with_200_is_in_no_feed(crawled):
    out, portal, _ = crawled
    assert PORTAL_ERROR[0] in portal.requests
    urls = {i["url"] for i in json_items(out, "all")}
    assert portal.base + PORTAL_ERROR[0] not in urls
    assert not [i for i in json_items(out, "all") if "Không tìm thấy" in i["title"] or "404" in i["title"]]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_xml_feeds_read_back_with_feedparser(crawled, kind):
    out, _, _ = crawled
    assert_xml_feeds_hold_the_cases(out, kind, (("congan-da-nang", PORTAL_ARTICLES), ("cand", CAND_ARTICLES)))


def test_json_feeds_pass_the_schemas(crawled):
    out, _, _ = crawled
    assert_json_feeds_pass_the_schemas(out, ("congan-da-nang", "cand", "all"))
