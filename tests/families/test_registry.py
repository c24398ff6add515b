"""The built-in registry: one source per provincial police force, honest statuses."""

from __future__ import annotations

import pytest

from tintuc_feed.normalize.provinces import PROVINCES, resolve_province
from tintuc_feed.sources import load_sources

SOURCES = load_sources()
BY_ID = {s.id: s for s in SOURCES}
UNITS = [s for s in SOURCES if s.status != "retired" and s.province]
RETIRED = [s for s in SOURCES if s.status == "retired"]


def test_one_source_per_unit_of_the_34():
    assert sorted(s.province for s in UNITS) == sorted(p.name for p in PROVINCES)


def test_ministry_and_newspaper_present():
    assert (BY_ID["bocongan"].family, BY_ID["cand"].family) == ("bocongan", "cand")


@pytest.mark.parametrize(("source_id", "host", "family"), [
    ("congan-ha-noi", "congan.hanoi.gov.vn", "dnn-cmsview"),
    ("congan-thanh-hoa", "conganthanhhoa.gov.vn", "vhv"),
    ("congan-quang-tri", "congan.quangtri.gov.vn", "wordpress"),
    ("congan-ho-chi-minh", "congan.hochiminhcity.gov.vn", "generic"),
    ("congan-lam-dong", "congan.lamdong.gov.vn", "generic"),
    ("congan-dak-lak", "congan.daklak.gov.vn", "generic"),
])
def test_evidenced_domains_and_families(source_id, host, family):
    source = BY_ID[source_id]
    assert (source.list_urls[0].split("/")[2], source.family) == (host, family)


def test_retired_portals_are_disabled():
    assert [s.id for s in RETIRED if s.enabled] == []


def test_every_absorbed_province_has_a_retired_portal():
    absorbed = sorted(name for p in PROVINCES for name in p.absorbed)
    assert sorted(s.province for s in RETIRED) == absorbed


def test_retired_provinces_resolve_to_their_new_unit():
    daknong = BY_ID["congan-dak-nong-cu"]
    assert (daknong.list_urls[0], resolve_province(daknong.province).unit) == ("https://congan.daknong.gov.vn/", "Lâm Đồng")


def test_inferred_domains_say_so():
    evidenced = {"hanoi", "hochiminhcity", "danang", "lamdong", "daklak", "angiang", "quangtri", "camau", "cantho",
                 "thanhhoa"}
    inferred = [s for s in UNITS if not any(e in s.list_urls[0] for e in evidenced)]
    assert [s.id for s in inferred if "inferred" not in (s.note or "")] == []


def test_statuses_match_families():
    assert {s.status for s in SOURCES if s.family != "generic"} == {"verified-structure"}


@pytest.mark.parametrize(("source_id", "url", "is_article"), [
    ("bocongan", "https://bocongan.gov.vn/bai-viet/bo-cong-an-hop-tac-1783311539", True),
    ("bocongan", "https://www.bocongan.gov.vn/bai-viet/cong-an-ra-quan-d2-t43729", True),
    ("bocongan", "https://bocongan.gov.vn/chuyen-muc/chi-dao-dieu-hanh", False),
    ("cand", "https://cand.com.vn/Hoat-dong-LL-CAND/tang-cuong-hop-tac--i707751/", True),
    ("cand", "https://amp.cand.com.vn/ban-tin-113/khong-che-ten-con-do-i760722", True),
    ("cand", "https://cand.com.vn/ban-tin-113/page-2/", False),
    ("congan-ha-noi", "https://congan.hanoi.gov.vn/tin-tuc/triet-pha-o-nhom-12345", True),
    ("congan-ha-noi", "https://congan.hanoi.gov.vn/chi-dao-dieu-hanh", False),
    ("congan-thanh-hoa", "https://conganthanhhoa.gov.vn/de-an-06/y-nghia-cua-day-12-so.html", True),
    ("congan-thanh-hoa", "https://conganthanhhoa.gov.vn/tin-tuc-su-kien/chong-dien-bien-hoa-binh", False),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/bat-giu-doi-tuong-van-chuyen-phao-no/", True),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/category/tin-tuc/", False),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/2024/05/bat-giu-doi-tuong/", True),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/tag/", False),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/wp-login.php", False),
    ("congan-quang-tri", "https://congan.quangtri.gov.vn/feed", True),  # as the lookahead it replaces: no slash
    # generic portals: slugs with an id, and the classic DotNetNuke/ASP.NET article address (an ID= parameter)
    ("congan-ha-tinh", "https://congan.hatinh.gov.vn/tin-tuc/cong-an-tinh-ra-quan-tran-ap-toi-pham-4477.html", True),
    ("congan-ha-tinh", "https://congan.hatinh.gov.vn/Default.aspx?tabid=61&CateID=12&ID=4481", True),
    ("congan-lam-dong", "https://congan.lamdong.gov.vn/portal/default.aspx?tabid=52&NewsID=2011", True),
    ("congan-ha-tinh", "https://congan.hatinh.gov.vn/Default.aspx?tabid=61&CateID=12", False),  # a category
    ("congan-ha-tinh", "https://congan.hatinh.gov.vn/Default.aspx?tabid=61&CateID=12&Page=2", False),  # its pager
    ("congan-ha-tinh", "https://congan.hatinh.gov.vn/tin-tuc", False),
    ("congan-dak-lak", "https://congan.daklak.gov.vn/Pages/tin-tuc-chi-tiet.aspx?ItemID=1234", True),  # SharePoint
    ("congan-dak-lak", "https://congan.daklak.gov.vn/Pages/default.aspx", False),
    ("congan-dak-lak", "https://congan.daklak.gov.vn/-/cong-an-tinh-ra-quan", True),  # Liferay's /-/<urlTitle>
    ("congan-dak-lak", "https://congan.daklak.gov.vn/-/", False),
])
def test_article_url_patterns(source_id, url, is_article):
    assert bool(BY_ID[source_id].article_re.search(url)) is is_article
