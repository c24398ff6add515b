"""find_province: one case or more per PLACE_PREFIXES / FORMER_SUFFIXES row, and the bare names it must not take."""

from __future__ import annotations

import pytest

from tintuc_feed.normalize.mentions import FORMER_SUFFIXES, PLACE_PREFIXES, find_province

FOUND = [
    # (text, unit, former, the table row it exercises)
    ("Công an tỉnh Đắk Lắk triệt phá đường dây lừa đảo", "Đắk Lắk", None, "cong an tinh"),
    ("Công an thành phố Hải Phòng khởi tố vụ án", "Hải Phòng", None, "cong an thanh pho"),
    ("Công an TP.HCM bắt giữ nhóm đối tượng", "Hồ Chí Minh", None, "cong an tp"),
    ("Công an Hà Nội điều tra vụ cháy", "Hà Nội", None, "cong an"),
    ("Bắt đối tượng trộm cắp tại tỉnh Bình Định", "Gia Lai", "Bình Định", "tinh"),
    ("Hội nghị tại thành phố Cần Thơ", "Cần Thơ", None, "thanh pho"),
    ("TP Huế tổ chức lễ hội", "Huế", None, "tp"),
    ("Tai nạn giao thông trên địa bàn Gia Lai", "Gia Lai", None, "dia ban"),
    ("phường Tuy Hòa (thuộc Phú Yên cũ)", "Đắk Lắk", "Phú Yên", "cu"),
    ("Công an tỉnh Đăk Nông (cũ) bàn giao hồ sơ", "Lâm Đồng", "Đắk Nông", "cong an tinh"),
    ("CONG AN TINH THANH HOA", "Thanh Hóa", None, "cong an tinh"),
]
NOT_FOUND = [
    "Chống diễn biến hòa bình trên không gian mạng",  # "hòa bình" is peace here
    "Ông Long An và bà Hà Nam được khen thưởng",  # people's names
    "Bộ trưởng Lương Tam Quang làm việc với các đơn vị",
    "",
]


@pytest.mark.parametrize("text, unit, former, row", FOUND)
def test_finds_the_unit_and_former_province(text, unit, former, row):
    found = find_province([text])
    assert (found.unit, found.former) == (unit, former)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_bare_names_are_not_places(text):
    assert find_province([text]) is None


def test_every_table_row_has_a_case():
    rows = {case[3] for case in FOUND}
    assert set(PLACE_PREFIXES) | set(FORMER_SUFFIXES) <= rows


def test_texts_are_tried_in_order():
    found = find_province([None, "Tin trong nước", "Công an tỉnh Nghệ An", "Công an tỉnh Hà Tĩnh"])
    assert found.unit == "Nghệ An"
