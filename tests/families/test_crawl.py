"""A real crawl per family (Scrapy in a child process, delay 0) against a local
server playing the site from the fixture pages, checked in the store.

Each site also serves one page that is not an article (a WAF challenge, a
truncated page, an error page with status 200) which must be counted as
skipped and never stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tintuc_feed.runner import CrawlOptions, crawl
from tintuc_feed.sample_site import site_root
from tintuc_feed.sources import load_sources
from tintuc_feed.store import Store

from .cases import ROOT
from .site import FixtureSite

SAMPLE = site_root() / "tin-tuc-su-kien"
HTML, JSON, XML = "text/html", "application/json", "application/rss+xml"
API = "/DesktopModules/cmsview/api/NewsContent/"
LISTNEW = API + "listnew?PortalId=0&ModuleId=698&GetType=3&PageIndex={n}&txtKeyword="


def page(path: str) -> str:
    return (ROOT / path).read_text("utf-8")


SITES = {
    "bocongan": {
        "hosts": ("bocongan.gov.vn", "www.bocongan.gov.vn"),
        "list_paths": ["/chuyen-muc/thong-tin-doi-ngoai-1751367399", "/api/rss/34.xml"],
        "pattern": r"/bai-viet/[a-z0-9-]+-(?:[0-9]{10}|d[0-9]+-t[0-9]+)$",
        "routes": {
            "/chuyen-muc/thong-tin-doi-ngoai-1751367399": (HTML, page("bocongan/list-category/input.html")),
            "/api/rss/34.xml": (XML, page("bocongan/list-rss/input.xml")),
            "/bai-viet/bo-cong-an-tang-cuong-hop-tac-voi-interpol-1783311539":
                (HTML, page("bocongan/article-epoch-id/input.html")),
            "/bai-viet/doan-cong-tac-bo-cong-an-lam-viec-tai-lao-1783200000":
                (HTML, page("negative/waf-challenge.html")),
            "/bai-viet/hop-tac-phong-chong-ma-tuy-voi-campuchia-d2-t43729":
                (HTML, page("bocongan/article-migrated-id/input.html")),
        },
        "stored": {"Bộ Công an tăng cường hợp tác với Interpol trong phòng, chống tội phạm xuyên quốc gia",
                "Công an các địa phương ra quân bảo đảm trật tự an toàn giao thông dịp Tết"},
    },
    "cand": {
        "hosts": ("cand.com.vn",),
        "list_paths": ["/ban-tin-113/"],
        "pattern": r"/[A-Za-z0-9-]+/[A-Za-z0-9-]+-i[0-9]+/$",
        "routes": {
            "/ban-tin-113/": (HTML, page("cand/list-category-page/input.html")),
            "/ban-tin-113/page-2/": (HTML, page("negative/list-no-links.html")),
            "/ban-tin-113/khong-che-ten-con-do-dot-xe-dam-canh-sat-bi-thuong-i760722/":
                (HTML, page("cand/article-uikit-pm/input.html")),
            "/ban-tin-113/triet-pha-duong-day-danh-bac-i760700/": (HTML, page("cand/article-uikit/input.html")),
            "/Hoat-dong-LL-CAND/tang-cuong-hop-tac-quoc-te--i707751/": (HTML, page("negative/truncated.html")),
        },
        "stored": {"Khống chế tên côn đồ đốt xe, đâm cảnh sát bị thương",
                "Đối tượng Nguyễn Văn Đài bị truy tố về tội tuyên truyền chống Nhà nước"},
    },
    "dnn-cmsview": {
        "hosts": ("congan.hanoi.gov.vn",),
        "list_paths": ["/tin-antt-va-canh-bao-toi-pham"],
        "pattern": r"/tin-tuc/[^/?#]+-[0-9]+$",
        "routes": {
            "/tin-antt-va-canh-bao-toi-pham": (HTML, page("dnn-cmsview/list-category-page/input.html")),
            LISTNEW.format(n=1): (JSON, page("dnn-cmsview/list-api-page1/input.json")),
            LISTNEW.format(n=2): (JSON, page("dnn-cmsview/list-api-empty/input.json")),
            API + "getbyid?id=12345": (JSON, page("dnn-cmsview/article-getbyid/input.json")),
            API + "getbyid?id=12340": (JSON, page("dnn-cmsview/article-getbyid-list/input.json")),
            API + "getbyid?id=12333": (HTML, page("negative/error-200.html")),
        },
        "stored": {"Triệt phá ổ nhóm cướp giật tài sản trên địa bàn quận Đống Đa",
                "Cảnh báo thủ đoạn giả danh công an gọi điện lừa đảo"},
    },
    "vhv": {
        "hosts": ("conganthanhhoa.gov.vn",),
        "list_paths": ["/tin-tuc-su-kien/tin-an-ninh-trat-tu/tin-antt-trong-tinh"],
        "pattern": r"/(?:[a-z0-9-]+/)+[a-z0-9-]+\.html$",
        "routes": {
            "/tin-tuc-su-kien/tin-an-ninh-trat-tu/tin-antt-trong-tinh": (HTML, page("vhv/list-category/input.html")),
            "/tin-tuc-su-kien/tin-an-ninh-trat-tu/tin-antt-trong-tinh/"
            "cong-an-tinh-thanh-hoa-triet-pha-duong-day-mua-ban-ma-tuy-lien-tinh.html":
                (HTML, page("vhv/article-rating-boilerplate/input.html")),
            "/tin-tuc-su-kien/tin-an-ninh-trat-tu/tin-antt-trong-tinh/bat-doi-tuong-trom-cap.html":
                (HTML, page("negative/truncated.html")),
            "/de-an-06/y-nghia-cua-day-12-so-tren-cccd-gan-chip-hien-nay.html":
                (HTML, page("vhv/article-title-detail/input.html")),
        },
        "stored": {"Công an tỉnh Thanh Hóa triệt phá đường dây mua bán ma túy liên tỉnh",
                "Ý nghĩa của dãy 12 số trên CCCD gắn chip hiện nay"},
    },
    "wordpress": {
        "hosts": ("congan.quangtri.gov.vn",),
        "list_paths": ["/category/tin-tuc/"],
        "pattern": r"/[a-z0-9-]+/$",
        "exclude": r"/category/$",  # RE2 has no lookahead
        "routes": {
            "/category/tin-tuc/": (HTML, page("wordpress/list-category/input.html")),
            "/category/tin-tuc/page/2/": (HTML, page("negative/error-200.html")),
            "/cong-an-tinh-quang-tri-ra-quan-tran-ap-toi-pham-dip-cuoi-nam/":
                (HTML, page("wordpress/article-tagdiv/input.html")),
            "/quang-tri-bat-giu-doi-tuong-van-chuyen-phao-no/": (HTML, page("negative/waf-challenge.html")),
        },
        "stored": {"Công an tỉnh Quảng Trị ra quân trấn áp tội phạm dịp cuối năm"},
    },
    "generic": {
        "hosts": ("congan.daknong.gov.vn",),
        "list_paths": ["/tin-tuc-su-kien/"],
        "pattern": r"/tin-tuc-su-kien/[a-z0-9-]+-[0-9]+\.html$",
        "routes": {
            "/tin-tuc-su-kien/": (HTML, page("generic/list-seed-daknong/input.html")),
            "/tin-tuc-su-kien/xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html":
                (HTML, page("generic/article-seed-daknong/input.html")),
            "/tin-tuc-su-kien/phong-chay-chua-chay-mua-kho-3034.html": (HTML, page("negative/error-200.html")),
            **{f"/tin-tuc-su-kien/{name}": (HTML, (SAMPLE / name).read_text("utf-8")) for name in (
                "hoi-thao-nghiep-vu-cong-an-xa-3030.html", "truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html",
                "triet-pha-duong-day-lua-dao-chiem-doat-tai-san-qua-mang-3018.html")},
        },
        "stored": {("Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, "
                "hiện đại")},
        "stored_count": 4,  # the seed and three more pages of the bundled sample site
    },
}


def _sources_toml(family: str, base: str, spec: dict) -> str:
    urls = ", ".join(f'"{base}{p}"' for p in spec["list_paths"])
    return (f'[[source]]\nid = "crawl-{family}"\nname = "{family} played locally"\nlist_urls = [{urls}]\n'
            f"article_url_pattern = '{spec['pattern']}'\n"
            + (f"article_url_exclude = '{spec['exclude']}'\n" if "exclude" in spec else "")
            + f"family = \"{family}\"\nmax_pages = 3\nstatus = \"fixture\"\n")


@pytest.fixture(scope="module", params=sorted(SITES))
def crawled(request, tmp_path_factory):
    family, spec = request.param, SITES[request.param]
    tmp: Path = tmp_path_factory.mktemp(family)
    with FixtureSite(spec["routes"], spec["hosts"]) as site:
        sources_file = tmp / "sources.toml"
        sources_file.write_text(_sources_toml(family, site.base, spec), "utf-8")
        sources = load_sources(sources_file)
        outcomes = crawl(sources, CrawlOptions(db=tmp / "t.db", sources_file=str(sources_file), delay=0.0,
                                               timeout=120, log_level="WARNING"))
    with Store(tmp / "t.db") as store:
        stored = store.articles()
    return family, spec, outcomes[f"crawl-{family}"], stored, site.requests


def test_crawl_stores_the_articles(crawled):
    _, spec, _, stored, _ = crawled
    titles = {s.article.title for s in stored}
    assert (spec["stored"] <= titles, len(titles)) == (True, spec.get("stored_count", len(spec["stored"])))


def test_crawl_skips_the_page_that_is_not_an_article(crawled):
    _, _, outcome, _, _ = crawled
    assert (outcome.ok, outcome.counts["skipped"]) == (True, 1)


def test_crawl_reads_every_article_with_its_family(crawled):
    _, _, outcome, _, _ = crawled
    assert outcome.counts["degraded"] == 0


def test_crawl_dates_every_stored_article(crawled):
    _, _, _, stored, _ = crawled
    assert [s.article.url for s in stored if s.article.published is None] == []
