"""`tintuc-feed sources list|check`: the registry as an operator sees it, and a page read field by field."""

from __future__ import annotations

import json

from support import SEED_PAGE, run_cli

from tintuc_feed.normalize.provinces import province_names


def test_list_as_json_has_every_unit_the_ministry_and_cand():
    result = run_cli("sources", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"id", "name", "province", "family", "status", "enabled"} <= set(rows[0])
    ids = {row["id"] for row in rows}
    assert {"bocongan", "cand"} <= ids
    live_units = {row["province"] for row in rows if row["enabled"] and row["status"] != "retired"}
    assert set(province_names()) <= live_units  # all 34 units since 1 July 2025
    retired = [row for row in rows if row["status"] == "retired"]
    assert retired and not any(row["enabled"] for row in retired)


def test_list_as_a_table_has_a_header_and_a_row_per_source():
    table = run_cli("sources", "list").stdout.splitlines()
    rows = json.loads(run_cli("sources", "list", "--format", "json").stdout)
    assert table[0].split() == ["id", "name", "province", "family", "status", "enabled"]
    assert len(table) == len(rows) + 1


def test_check_shows_what_each_field_matched(tmp_path, sample_sources):
    result = run_cli("sources", "check", "daknong-sample", "--sources", str(sample_sources), "--html", str(SEED_PAGE),
                     "--url", "https://congan.daknong.gov.vn/tin-tuc-su-kien/xay-dung-3012.html")
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "layout:date-line" in lines["date"] and "02/06/2023" in lines["date"]
    assert "layout:byline-line" in lines["authors"] and "Minh Quỳnh - Bá Hiển - Quang Khải" in lines["authors"]
    assert "MISSING" not in lines["title"] and "MISSING" not in lines["body"]


def test_check_on_a_list_page_lists_its_article_links(sample_sources):
    from tintuc_feed.sample_site import site_root

    page = site_root() / "tin-tuc-su-kien" / "index.html"
    result = run_cli("sources", "check", "daknong-sample", "--sources", str(sample_sources), "--html", str(page),
                     "--url", "https://congan.daknong.gov.vn/tin-tuc-su-kien/")
    assert result.returncode == 0, result.stderr
    assert "read as a list page" in result.stdout
    for slug in ("phong-chay-chua-chay-mua-kho-3034", "hoi-thao-nghiep-vu-cong-an-xa-3030",
                 "truy-na-doi-tuong-pham-toi-giet-nguoi-3025"):  # the page's three items
        assert f"https://congan.daknong.gov.vn/tin-tuc-su-kien/{slug}.html" in result.stdout


def test_check_on_a_challenge_page_says_so_and_exits_1(tmp_path, sample_sources):
    page = tmp_path / "waf.html"
    page.write_text("<html><script>document.cookie='incap=1';location.reload()</script></html>", "utf-8")
    result = run_cli("sources", "check", "daknong-sample", "--sources", str(sample_sources), "--html", str(page),
                     "--url", "https://congan.daknong.gov.vn/tin-tuc-su-kien/bai-9.html")
    assert result.returncode == 1
    assert "waf-challenge" in result.stdout
