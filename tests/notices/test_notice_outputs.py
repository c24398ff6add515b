"""Publishing writes the notice files: records valid against their schemas, withdrawn persons out of the
active list, feeds readable by feedparser, the indicators CSV, the index.html section; unchanged files are
not rewritten, and the store path gives the bytes the in-memory path gives."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import pytest
from notice_cases import fixture_articles, load
from support import JSONFEED_SCHEMA

from tintuc_feed.feeds import publish
from tintuc_feed.feeds.from_store import publish_from_store
from tintuc_feed.sources import Source
from tintuc_feed.store import Store

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2025, 6, 1, 9, 0, tzinfo=VN)
SOURCES = [Source(id="thongbao-site", name="Công an thử", province="Lâm Đồng",
                  list_urls=("https://congan.example.gov.vn/thong-bao",), article_url_pattern="/thong-bao/")]
OPTIONS = {"base_url": "http://127.0.0.1:8080/", "item_limit": 100}
KINDS = ("wanted", "fraud", "appeals")
PERSONS = sum(len(case["expected"]) for case in load("wanted"))  # every person the wanted fixtures name
WITHDRAWN = 5  # the withdrawal fixtures that name a listed person


def schema(name: str) -> dict:
    return json.loads(resources.files("tintuc_feed").joinpath("schemas", name).read_text("utf-8"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("notices")
    with Store(root / "store.sqlite") as store:
        for n, article in enumerate(fixture_articles()):
            store.upsert(article, now=NOW + timedelta(seconds=n))
        report = publish_from_store(root / "out", store, SOURCES, store.health(now=NOW), **OPTIONS)
    return root / "out", report


def _json(out, name):
    return json.loads((out / "notices" / name).read_text("utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_file_is_valid_against_its_schema(published, kind):
    out, _ = published
    jsonschema.validate(_json(out, f"{kind}.json"), schema(f"notices-{kind}.schema.json"))


def _person(document, name):
    return next(p for p in document["active"] + document["withdrawn"] if p["name"]["value"] == name)


@pytest.mark.parametrize(("name", "matched_by", "withdrawal"), [
    ("Lê Văn Tùng", "decision_number", "d01-dinh-na-by-number"),
    ("Nguyễn Văn Hùng", "name_birth_year", "d02-surrender-by-name"),
    ("Trần Văn Bình", "name_birth_year", "d03-arrested-report"),
    ("Hoàng Thị Mai", "decision_number", "d04-decision-number-second-person"),
    ("Đinh Công Tráng", "decision_number", "d06-arrested-title-only"),
])
def test_a_withdrawn_person_leaves_the_active_list(published, name, matched_by, withdrawal):
    out, _ = published
    document = _json(out, "wanted.json")
    assert name not in {p["name"]["value"] for p in document["active"]}
    person = _person(document, name)
    assert person["status"] == "withdrawn"
    assert person["withdrawn_by"]["matched_by"] == matched_by
    assert person["withdrawn_by"]["article"]["url"].endswith(f"/{withdrawal}.html")


def test_the_others_of_a_notice_stay_wanted(published):
    out, _ = published
    active = {p["name"]["value"] for p in _json(out, "wanted.json")["active"]}
    assert {"Trịnh Văn Sơn", "Ngô Đức Anh", "Phạm Quang Huy", "Đỗ Minh Khang"} <= active
    assert len(active) == PERSONS - WITHDRAWN


def test_a_withdrawal_of_someone_we_never_listed_withdraws_nothing(published):
    out, _ = published
    withdrawals = {w["article"]["url"].rsplit("/", 1)[1]: w for w in _json(out, "wanted.json")["withdrawals"]}
    assert withdrawals["d05-cancelled-unknown.html"]["withdraws"] == []


def _feed(out, kind, fmt):
    path = out / {"rss": "rss", "atom": "atom"}[fmt] / f"notices-{kind}.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_wanted_feed_says_which_are_withdrawn(published, fmt):
    out, _ = published
    entries = _feed(out, "wanted", fmt).entries
    assert len(entries) == PERSONS
    titles = [e.title for e in entries]
    assert sum(t.startswith("Đã đình nã: ") for t in titles) == WITHDRAWN
    assert "Truy nã: Phạm Quang Huy (sinh 1992) – Cướp tài sản" in titles
    assert "Đã đình nã: Lê Văn Tùng (sinh 1990) – Giết người (đã bị bắt)" in titles


@pytest.mark.parametrize(("kind", "count"), [("fraud", 16), ("appeals", 8)])
def test_fraud_and_appeal_feeds_have_an_item_per_notice(published, kind, count):
    out, _ = published
    entries = _feed(out, kind, "rss").entries
    assert len(entries) == count
    prefix = "Cảnh báo lừa đảo: " if kind == "fraud" else "Tìm"
    assert all(e.title.startswith(prefix) for e in entries)


@pytest.mark.parametrize("kind", KINDS)
def test_json_feeds_pass_the_schemas(published, kind):
    out, _ = published
    document = json.loads((out / "json" / f"notices-{kind}.json").read_text("utf-8"))
    jsonschema.validate(document, schema("jsonfeed-item.schema.json"))
    if JSONFEED_SCHEMA.exists():
        jsonschema.validate(document, json.loads(JSONFEED_SCHEMA.read_text("utf-8")))
    assert document["items"]


def _indicators(out):
    return list(csv.DictReader(io.StringIO((out / "notices" / "fraud-indicators.csv").read_text("utf-8"))))


def test_indicators_csv_lists_scam_numbers_links_and_accounts(published):
    out, _ = published
    rows = {(r["type"], r["value"]): r for r in _indicators(out)}
    assert ("phone", "+84868123456") in rows
    assert rows[("domain", "dichvucong-gov.vn.com")]["display"] == "dichvucong-gov[.]vn[.]com"
    assert rows[("account", "0071001234567")]["bank"] == "Vietcombank"
    row = rows[("phone", "+84868123456")]
    assert row["first_seen"] == row["last_seen"] == "2025-03-01T08:00:00+07:00"
    assert row["articles"].endswith("/f01-fake-police-call.html") and row["count"] == "1"


def test_indicators_csv_never_lists_the_police_or_the_state(published):
    out, _ = published
    values = {r["value"] for r in _indicators(out)}
    assert "+84692924555" not in values and "+842703822444" not in values  # police numbers to call
    assert not any(v.endswith(".gov.vn") or v == "csgt.vn" for v in values)


def test_index_has_the_notices_section(published):
    out, _ = published
    page = (out / "index.html").read_text("utf-8")
    assert 'id="notices"' in page and f"{PERSONS - WITHDRAWN} đang truy nã, {WITHDRAWN} đã đình nã" in page
    assert 'href="notices/fraud-indicators.csv"' in page and 'href="rss/notices-wanted.xml"' in page


def test_publishing_again_rewrites_no_notice_file(published, tmp_path):
    out, _ = published
    before = {p: p.stat().st_mtime_ns for p in (out / "notices").iterdir()}
    with Store(out.parent / "store.sqlite") as store:
        report = publish_from_store(out, store, SOURCES, store.health(now=NOW), **OPTIONS)
    assert not [f for f in report.written if "notices" in f]
    assert before == {p: p.stat().st_mtime_ns for p in (out / "notices").iterdir()}


def test_in_memory_publish_writes_the_same_notice_files(published, tmp_path):
    out, _ = published
    with Store(out.parent / "store.sqlite") as store:
        publish(tmp_path, SOURCES, store.articles(), store.health(now=NOW), **OPTIONS)
    for path in (out / "notices").iterdir():
        if not path.name.startswith("."):
            assert (tmp_path / "notices" / path.name).read_bytes() == path.read_bytes(), path.name
    for kind in KINDS:
        assert (tmp_path / "rss" / f"notices-{kind}.xml").read_bytes() == (out / "rss" / f"notices-{kind}.xml").read_bytes()


def test_a_withdrawal_older_than_the_notice_does_not_end_it(tmp_path):
    articles = fixture_articles()
    wanted = next(a for a in articles if a.url.endswith("/w01-labelled-full-date.html"))
    older = next(a for a in articles if a.url.endswith("/d01-dinh-na-by-number.html"))
    older = type(older)(**{**older.__dict__, "published": wanted.published - timedelta(days=30)})
    out = tmp_path / "out"
    publish(out, SOURCES, [], {}, **OPTIONS)  # an empty store writes empty, valid files
    assert _json(out, "wanted.json")["active"] == []
    with Store(tmp_path / "s.sqlite") as store:
        store.upsert(wanted, now=NOW)
        store.upsert(older, now=NOW)
        publish_from_store(out, store, SOURCES, store.health(now=NOW), **OPTIONS)
    document = _json(out, "wanted.json")
    assert [p["name"]["value"] for p in document["active"]] == ["Lê Văn Tùng"]
