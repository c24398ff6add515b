"""Round 4 of the blind pages, end to end: crawl over HTTP, store, publish, read the feeds back.

Two portals are played on 127.0.0.1 from the pages written from the research alone
(tests/fixtures/blind/*/r4_*):
- a provincial portal (generic family): its category page r4_list_dash_and_weekday_dates lists three
  articles with the date beside each link; one shows no date of its own (it takes the list's), one shows
  its own ("2:24:10 CH"), one republishes a cand story ("Theo CAND");
- cand.com.vn (cand family): a category page linking the original of that story.
`tintuc-feed crawl` runs in a subprocess as a user runs it.  The feeds are read with feedparser and the JSON
Feed schemas; each item's title, date and authors must equal the blind expectations (expected.json), and
the republished story appears once in the `all` feed.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import jsonschema
import pytest
from support import JSONFEED_SCHEMA, run_cli

from tintuc_feed.sources import load_sources

from .site import FixtureSite

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
HTML = "text/html"
VIETNAM = timezone(timedelta(hours=7))
PORTAL_LIST = "/tin-tuc/an-ninh-trat-tu"
PORTAL_ARTICLES = {  # path on the portal -> the blind page served there
    "/tin-tuc/an-ninh-trat-tu/bat-doi-tuong-trom-cap-day-dien-tai-xa-dien-chau-7781.html":
        "generic/r4_no_date_dash_list_hint",
    "/tin-tuc/an-ninh-trat-tu/phat-hien-xe-tai-cho-go-khong-ro-nguon-goc-7779.html":
        "generic/r4_ch_pm_seconds_bai_va_anh_top_byline",
    "/tin-tuc/an-ninh-trat-tu/tuan-tra-kiem-soat-dem-tren-quoc-lo-1a-7775.html": "generic/r4_republished_theo_cand_copy",
}
CAND_LIST = "/Hoat-dong-LL-CAND/"
CAND_ARTICLE = "/Hoat-dong-LL-CAND/tang-cuong-bao-dam-an-ninh-trat-tu-dip-tet-nguyen-dan-i790120/"
CAND_LIST_PAGE = (f'<html><body><div class="box-title"><a href="{CAND_ARTICLE}">Tăng cường bảo đảm an ninh, trật tự'
                  " dịp Tết Nguyên đán</a></div></body></html>")
EMPTY_LIST = "<html><body><ul class='news-list'></ul></body></html>"


def page(case: str) -> str:
    return next((BLIND / case).glob("input.*")).read_text("utf-8")


def expected(case: str) -> dict:
    return json.loads((BLIND / case / "expected.json").read_text("utf-8"))


def source_block(builtin, base: str, list_path: str, real_host: str) -> str:
    host = re.escape(base.split("://", 1)[1])
    assert re.escape(real_host) in builtin.article_url_pattern
    pattern = rf"^http://{host}/" + builtin.article_url_pattern.split(r"\.vn/", 1)[1]  # the path rule, on 127.0.0.1
    province = f'province = "{builtin.province}"\n' if builtin.province else ""
    return (f'[[source]]\nid = "{builtin.id}"\nname = "{builtin.name}"\n{province}list_urls = ["{base}{list_path}"]\n'
            f"article_url_pattern = '{pattern}'\nfamily = \"{builtin.family}\"\nmax_pages = 2\nstatus = \"fixture\"\n")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("blind-r4-crawl")
    builtin = {s.id: s for s in load_sources()}
    portal_routes = {PORTAL_LIST: (HTML, page("generic/r4_list_dash_and_weekday_dates")),
                     PORTAL_LIST + "?page=2": (HTML, EMPTY_LIST)}
    portal_routes.update({path: (HTML, page(case)) for path, case in PORTAL_ARTICLES.items()})
    cand_routes = {CAND_LIST: (HTML, CAND_LIST_PAGE), CAND_ARTICLE: (HTML, page("cand/r4_uikit_original_of_republished_story")),
                   CAND_LIST + "page-2/": (HTML, EMPTY_LIST)}
    with FixtureSite(portal_routes, ("congan.nghean.gov.vn",)) as portal, FixtureSite(cand_routes, ("cand.com.vn",)) as cand:
        sources = tmp / "sources.toml"
        sources.write_text(source_block(builtin["congan-nghe-an"], portal.base, PORTAL_LIST, "congan.nghean.gov.vn")
                           + "\n" + source_block(builtin["cand"], cand.base, CAND_LIST, "cand.com.vn"), "utf-8")
        out = tmp / "out"
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp / "t.db"), "--output", str(out),
                         "--delay", "0")
    assert result.returncode == 0, result.stderr
    return out, portal.base, cand.base


def json_items(out: Path, name: str) -> list[dict]:
    """The items of the published JSON Feed `name`."""
    return json.loads((out / "json" / f"{name}.json").read_text("utf-8"))["items"]


def _want(case: str) -> tuple[str, str | None, list[str]]:
    exp = expected(case)
    return exp["title"], exp.get("published") or exp.get("published_date"), exp["authors"]


def _date_matches(got: str | None, want: str) -> bool:
    if got is None:
        return False
    return got == want if "T" in want else datetime.fromisoformat(got).date().isoformat() == want


@pytest.mark.parametrize("case", [*PORTAL_ARTICLES.values()])
def test_portal_json_feed_item_equals_the_blind_expectation(published, case):
    out, base, _ = published
    title, date, authors = _want(case)
    (item,) = [i for i in json_items(out, "congan-nghe-an") if i["title"] == title]
    assert _date_matches(item.get("date_published"), date), item.get("date_published")
    assert [a["name"] for a in item.get("authors", [])] == authors
    assert item["url"].startswith(base)


def test_cand_json_feed_item_equals_the_blind_expectation(published):
    out, _, base = published
    title, date, authors = _want("cand/r4_uikit_original_of_republished_story")
    (item,) = json_items(out, "cand")
    assert (item["title"], item["date_published"], [a["name"] for a in item["authors"]]) == (title, date, authors)
    assert item["url"] == base + CAND_ARTICLE


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_xml_feeds_read_back_with_feedparser(published, kind):
    out, _, _ = published
    entries = xml_feed_entries(out / kind / "congan-nghe-an.xml")
    for case in PORTAL_ARTICLES.values():
        assert_entry_is_the_blind_expectation(entries, case)


def assert_xml_feeds_hold_the_cases(out: Path, kind: str, feeds) -> None:
    """Each (feed, blind cases) pair: the `kind` ("rss", "atom") feed holds one entry per case, as expected."""
    for feed, cases in feeds:
        entries = xml_feed_entries(out / kind / f"{feed}.xml")
        assert len(entries) == len(cases)
        for case in cases.values():
            assert_entry_is_the_blind_expectation(entries, case)


def xml_feed_entries(path: Path) -> dict:
    """An RSS or Atom feed read back with feedparser, well-formed: its entries by title."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {e.title: e for e in parsed.entries}


def assert_entry_is_the_blind_expectation(entries: dict, case: str) -> None:
    """The feedparser entry of the blind page `case` has its expected date (read in Vietnam's time) and authors."""
    title, date, authors = _want(case)
    entry = entries[title]
    got = datetime.fromtimestamp(calendar.timegm(entry.published_parsed), VIETNAM).isoformat()  # feedparser: UTC
    assert _date_matches(got, date), entry.published
    names = [a.get("name") for a in entry.get("authors", [])] if authors else []
    assert [n for n in names if n] == authors


def test_json_feeds_pass_the_schemas(published):
    out, _, _ = published
    assert_json_feeds_pass_the_schemas(out, ("congan-nghe-an", "cand", "all"))


def assert_json_feeds_pass_the_schemas(out: Path, names) -> None:
    """Each named JSON Feed validates against the project's item schema and the JSON Feed 1.1 schema."""
    from importlib import resources

    item_schema = json.loads(resources.files("tintuc_feed").joinpath("schemas", "jsonfeed-item.schema.json")
                             .read_text("utf-8"))
    for name in names:
        document = json.loads((out / "json" / f"{name}.json").read_text("utf-8"))
        jsonschema.validate(document, item_schema)
        if JSONFEED_SCHEMA.exists():
            jsonschema.validate(document, json.loads(JSONFEED_SCHEMA.read_text("utf-8")))


def test_the_republished_story_appears_once_in_the_all_feed(published):
    out, portal, cand = published
    title = expected("cand/r4_uikit_original_of_republished_story")["title"]
    copies = [i for i in json_items(out, "all") if i["title"] == title]
    assert len(copies) == 1
    (story,) = copies
    assert story["url"] == cand + CAND_ARTICLE  # 09:00 at cand, before the portal's 10:30 copy
    copy_path = next(p for p, c in PORTAL_ARTICLES.items() if c == "generic/r4_republished_theo_cand_copy")
    assert story["_tintuc"]["also_published_at"] == [portal + copy_path]
    assert len(json_items(out, "all")) == len(PORTAL_ARTICLES)  # three portal stories and cand's, one of them shared
