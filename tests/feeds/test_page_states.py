"""index.html's health states (colour and words), its alert box, and byte stability."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import lxml.html
import pytest

from feeds.feedfixtures import BASE_URL, SOURCES, VN, make_health
from tintuc_feed.feeds import publish
from tintuc_feed.feeds.page import STATES, source_state
from tintuc_feed.model import SourceHealth

NOW = datetime(2025, 7, 3, 12, tzinfo=VN)
WORKING = SourceHealth("x", last_attempt=NOW - timedelta(hours=1), last_success=NOW - timedelta(hours=1))


@pytest.mark.parametrize(("health", "state"), [
    (None, "none"),
    (SourceHealth("x"), "none"),
    (WORKING, "ok"),
    (dataclasses.replace(WORKING, last_error="HTTP 500", consecutive_failures=1), "warn-error"),
    (dataclasses.replace(WORKING, last_success=NOW - timedelta(days=3)), "warn-old"),
    (dataclasses.replace(WORKING, flagged="không có bài mới trong 7 ngày"), "bad"),
])
def test_source_state(health, state):
    assert source_state(health, NOW) == state


def page(tmp_path, articles, health):
    publish(tmp_path, SOURCES, articles, health, base_url=BASE_URL)
    return lxml.html.fromstring((tmp_path / "index.html").read_bytes())


def test_each_state_is_shown_in_words_and_as_a_class(tmp_path, articles):
    doc = page(tmp_path, articles, make_health())
    flagged, working = doc.get_element_by_id("source-dak-nong"), doc.get_element_by_id("source-lam-dong")
    assert "state-bad" in flagged.get("class") and STATES["bad"] in flagged.text_content()
    assert "state-ok" in working.get("class") and STATES["ok"] in working.text_content()
    never = doc.get_element_by_id("source-ha-noi")
    assert STATES["none"] in never.text_content()
    labels = [td.get("data-label") for td in working.xpath("td")]  # stacked cards on a phone show the labels
    assert labels == ["Nguồn", "Tình trạng", "Thành công cuối", "Bài 7 ngày", "Lỗi gần nhất", "Theo dõi"]


def test_alert_lists_flagged_sources_with_their_start_and_the_health_feed(tmp_path, articles):
    health = make_health()
    health["dak-nong"] = dataclasses.replace(health["dak-nong"], flagged_since=datetime(2025, 7, 1, 6, tzinfo=VN))
    alert = page(tmp_path, articles, health).xpath("//section[contains(@class,'alert')]")[0]
    text = " ".join(alert.text_content().split())
    assert "1 nguồn cần kiểm tra" in text and "Công an tỉnh Đắk Nông (cũ)" in text and "06:00 01/07/2025" in text
    assert {a.get("href") for a in alert.iter("a")} >= {"#source-dak-nong", BASE_URL + "rss/health.xml"}


def test_no_alert_when_nothing_is_flagged(tmp_path, articles):
    health = {"lam-dong": make_health()["lam-dong"]}
    assert not page(tmp_path, articles, health).xpath("//section[contains(@class,'alert')]")


def test_same_data_gives_the_same_bytes(tmp_path, articles):
    publish(tmp_path / "a", SOURCES, articles, make_health(), base_url=BASE_URL)
    report = publish(tmp_path / "a", SOURCES, articles, make_health(), base_url=BASE_URL)
    assert "index.html" in report.unchanged
