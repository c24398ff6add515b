"""`tintuc-feed extract` prints the article's notice record beside the article."""

from __future__ import annotations

import json

from support import SAMPLE_ARTICLE, SEED_PAGE, run_cli

from tintuc_feed.sample_site import site_root


def _extract(page) -> dict:
    result = run_cli("extract", "https://congan.daknong.gov.vn/" + SAMPLE_ARTICLE, "--html", str(page))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_extract_prints_the_wanted_notice_of_a_wanted_page():
    record = _extract(site_root() / SAMPLE_ARTICLE)
    notice = record["notice"]
    assert notice["kind"] == "wanted" and notice["classification"]["rule"] == "wanted-title"
    [person] = notice["fields"]["people"]
    assert person["name"]["value"] == "Trần Văn Bình"
    assert person["birth_year"]["value"] == 1990
    document = record["title"] + "\n\n" + record["content_text"]
    assert document[person["name"]["start"]:person["name"]["end"]] == "Trần Văn Bình"


def test_extract_says_a_story_is_a_story():
    record = _extract(SEED_PAGE)
    assert record["notice"]["kind"] == "story" and record["notice"]["fields"] == {}
