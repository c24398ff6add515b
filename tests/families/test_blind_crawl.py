"""A real crawl of a legacy generic portal written from the research alone (blind round 2).

A local server plays congan.hatinh.gov.vn as a classic ASP.NET/DNN table layout: its category page
lists articles at Default.aspx?tabid=…&ID=… addresses with the date beside each link and a pager
whose next link reads "Tiếp »"; one listed article is an error page served with status 200; one
moved (301) to a slug address that page 2 lists again and shows no date of its own.  The source is
the built-in congan-ha-tinh with its own article pattern, pointed at the local server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tintuc_feed.runner import CrawlOptions, crawl
from tintuc_feed.sources import load_sources
from tintuc_feed.store import Store

from .site import FixtureSite

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind" / "generic"
HTML = "text/html"
LIST = "/Default.aspx?tabid=61&CateID=12"
MOVED = "/tin-tuc/khoi-to-doi-tuong-trom-cap-tai-san-tai-cho-dem-4470.html"


def blind(name: str) -> str:
    return (BLIND / name / "input.html").read_text("utf-8")


def list_page(rows: list[tuple[str, str, str]], next_page: str | None) -> str:
    cells = "".join(f'<TR><TD><A class=NewsTitle href="{href}">{title}</A> <SPAN class=NewsDate>({day})</SPAN></TD></TR>'
                    for href, title, day in rows)
    pager = f'<TABLE class=Pager><TR><TD><A href="{next_page}">Tiếp &raquo;</A></TD></TR></TABLE>' if next_page else ""
    return f"<HTML><BODY><TABLE class=ListNews>{cells}</TABLE>{pager}</BODY></HTML>"


ROUTES = {
    LIST: (HTML, blind("r2_list_table_tiep")),
    LIST + "&ID=4481": (HTML, blind("r2_cap_nhat_luc_upper")),
    LIST + "&ID=4478": (HTML, blind("r2_error_200_khong_ton_tai")),
    LIST + "&ID=4470": ("redirect", "{base}" + MOVED),
    MOVED: (HTML, blind("r2_no_date")),
    LIST + "&Page=2": (HTML, list_page([(MOVED, "Khởi tố đối tượng trộm cắp tài sản tại chợ đêm", "29/03/2024"),
                                         ("/tin-tuc/phoi-hop-xu-ly-vu-an-lua-dao-chiem-doat-tai-san-4460.html",
                                          "Phối hợp xử lý vụ án lừa đảo", "28/03/2024")], LIST + "&Page=3")),
    "/tin-tuc/phoi-hop-xu-ly-vu-an-lua-dao-chiem-doat-tai-san-4460.html": (HTML, blind("r2_byline_date_one_line")),
    LIST + "&Page=3": (HTML, list_page([], None)),
}
TITLES = {"Bắt giữ đối tượng mua bán trái phép chất ma túy tại xã Diễn Châu",
          "Tuyên truyền phòng, chống ma túy trong trường học",
          "Phối hợp xử lý vụ án lừa đảo chiếm đoạt tài sản"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("blind-crawl")
    with FixtureSite(ROUTES, ("congan.hatinh.gov.vn",)) as site:
        builtin = {s.id: s for s in load_sources()}["congan-ha-tinh"]
        host = re.escape(site.base.split("://", 1)[1])
        pattern = builtin.article_url_pattern.replace(r"^https?://congan\.hatinh\.gov\.vn/", rf"^http://{host}/")
        assert pattern != builtin.article_url_pattern
        toml = (f'[[source]]\nid = "congan-ha-tinh"\nname = "{builtin.name}"\nprovince = "Hà Tĩnh"\n'
                f'list_urls = ["{site.base}{LIST}"]\narticle_url_pattern = \'{pattern}\'\nfamily = "generic"\n'
                'max_pages = 3\nstatus = "fixture"\n')
        sources_file = tmp / "sources.toml"
        sources_file.write_text(toml, "utf-8")
        sources = load_sources(sources_file)
        outcomes = crawl(sources, CrawlOptions(db=tmp / "t.db", sources_file=str(sources_file), delay=0.0,
                                               timeout=120, log_level="WARNING"))
    with Store(tmp / "t.db") as store:
        stored = store.articles()
    return outcomes["congan-ha-tinh"], stored, site.requests


def test_the_articles_of_both_list_pages_are_stored_once(crawled):
    _, stored, _ = crawled
    assert sorted(s.article.title for s in stored) == sorted(TITLES)


def test_the_pager_reading_tiep_is_followed(crawled):
    _, _, requests = crawled
    assert LIST + "&Page=2" in requests


def test_the_error_page_served_with_200_is_skipped(crawled):
    outcome, stored, _ = crawled
    assert outcome.counts["skipped"] >= 1
    assert not any("không tồn tại" in (s.article.content_text or "") for s in stored)


def test_the_moved_article_without_a_date_takes_the_date_beside_its_link(crawled):
    _, stored, _ = crawled
    (moved,) = [s.article for s in stored if s.article.title == "Tuyên truyền phòng, chống ma túy trong trường học"]
    assert moved.published is not None and moved.published.date().isoformat() == "2024-03-29"


def test_every_other_article_keeps_its_own_date(crawled):
    _, stored, _ = crawled
    dates = {s.article.title: s.article.published.isoformat() for s in stored if s.article.published}
    assert dates["Bắt giữ đối tượng mua bán trái phép chất ma túy tại xã Diễn Châu"] == "2024-04-02T09:15:00+07:00"
    assert dates["Phối hợp xử lý vụ án lừa đảo chiếm đoạt tài sản"] == "2022-11-17T14:06:00+07:00"
