"""The 34 units of 2025 (research 9.2) and the spellings that resolve to them."""

import re

import pytest

from tintuc_feed.normalize.provinces import (
    ALIASES,
    PROVINCES,
    ProvinceMatch,
    _index,
    province_by_name,
    province_names,
    resolve_province,
)
from tintuc_feed.normalize.text import fold_key

# Research 9.2, typed again here so a table edit must be matched by a test edit.
EXPECTED_MERGERS = {
    "Tuyên Quang": {"Hà Giang"},
    "Lào Cai": {"Yên Bái"},
    "Thái Nguyên": {"Bắc Kạn"},
    "Phú Thọ": {"Vĩnh Phúc", "Hòa Bình"},
    "Bắc Ninh": {"Bắc Giang"},
    "Hưng Yên": {"Thái Bình"},
    "Hải Phòng": {"Hải Dương"},
    "Ninh Bình": {"Hà Nam", "Nam Định"},
    "Quảng Trị": {"Quảng Bình"},
    "Đà Nẵng": {"Quảng Nam"},
    "Quảng Ngãi": {"Kon Tum"},
    "Gia Lai": {"Bình Định"},
    "Khánh Hòa": {"Ninh Thuận"},
    "Lâm Đồng": {"Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Phú Yên"},
    "Hồ Chí Minh": {"Bình Dương", "Bà Rịa - Vũng Tàu"},
    "Đồng Nai": {"Bình Phước"},
    "Tây Ninh": {"Long An"},
    "Cần Thơ": {"Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Bến Tre", "Trà Vinh"},
    "Đồng Tháp": {"Tiền Giang"},
    "Cà Mau": {"Bạc Liêu"},
    "An Giang": {"Kiên Giang"},
}
UNCHANGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
             "Hà Tĩnh", "Cao Bằng"}  # fmt: skip
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def test_thirty_four_units():
    assert len(PROVINCES) == 34
    assert set(province_names()) == UNCHANGED | set(EXPECTED_MERGERS)
    assert {p.name: set(p.absorbed) for p in PROVINCES if p.absorbed} == EXPECTED_MERGERS
    assert {p.name for p in PROVINCES if p.kind == "city"} == CITIES
    assert sum(len(p.absorbed) for p in PROVINCES) == 63 - 34


@pytest.mark.parametrize("province", PROVINCES, ids=lambda p: p.slug)
def test_each_unit(province):
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", province.slug)
    assert province.slug == fold_key(province.name).replace(" ", "-")
    assert resolve_province(province.name) == ProvinceMatch(province.name, None)
    assert province_by_name(province.name) == province
    for former in province.absorbed:
        assert resolve_province(former) == ProvinceMatch(province.name, former)
        assert resolve_province(f"{former} cũ") == ProvinceMatch(province.name, former)


VARIANT_CASES = [
    ("Đắk Nông", "Lâm Đồng", "Đắk Nông"),
    ("Đăk Nông", "Lâm Đồng", "Đắk Nông"),  # the seed's spelling
    ("Dak Nong", "Lâm Đồng", "Đắk Nông"),
    ("Daknong", "Lâm Đồng", "Đắk Nông"),
    ("Đắk Nông cũ", "Lâm Đồng", "Đắk Nông"),
    ("tỉnh Đắk Nông (cũ)", "Lâm Đồng", "Đắk Nông"),
    ("Lâm Đồng", "Lâm Đồng", None),
    ("Lâm Đồng (cũ)", "Lâm Đồng", "Lâm Đồng"),  # the pre-merger Lâm Đồng
    ("Hà Nội cũ", "Hà Nội", None),  # unchanged unit: nothing was absorbed
    ("Thừa Thiên Huế", "Huế", None),
    ("Thừa Thiên - Huế", "Huế", None),
    ("TT-Huế", "Huế", None),
    ("TP.HCM", "Hồ Chí Minh", None),
    ("TPHCM", "Hồ Chí Minh", None),
    ("Hồ Chí Minh", "Hồ Chí Minh", None),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh", None),
    ("Sài Gòn", "Hồ Chí Minh", None),
    ("Thanh Hoá", "Thanh Hóa", None),  # old tone placement
    ("Thanh Hóá", "Thanh Hóa", None),  # research 8.2 typo
    ("THANH HÓA", "Thanh Hóa", None),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"),
    ("Bà Rịa–Vũng Tàu", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"),
    ("BR-VT", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"),
    ("Đăk Lăk", "Đắk Lắk", None),  # research 8.2
    ("Daklak", "Đắk Lắk", None),
    ("Đắc Lắc", "Đắk Lắk", None),
    ("Phú Yên cũ", "Đắk Lắk", "Phú Yên"),  # research 9.1 "(thuộc Phú Yên cũ)"
    ("Hoà Bình", "Phú Thọ", "Hòa Bình"),
    ("Bắc Cạn", "Thái Nguyên", "Bắc Kạn"),
    ("Kontum", "Quảng Ngãi", "Kon Tum"),
    ("TP. Cần Thơ", "Cần Thơ", None),
    ("Công an tỉnh Quảng Nam", "Đà Nẵng", "Quảng Nam"),
]


@pytest.mark.parametrize(("raw", "unit", "former"), VARIANT_CASES)
def test_resolve_variants(raw, unit, former):
    assert resolve_province(raw) == ProvinceMatch(unit, former)


@pytest.mark.parametrize("alias", ALIASES)
def test_every_alias_resolves(alias):
    assert resolve_province(alias) is not None


@pytest.mark.parametrize("raw", ["", "Việt Nam", "Ea Tiêu", "Nam", "Hà", "tỉnh", None, "Quảng"])
def test_not_provinces(raw):
    assert resolve_province(raw) is None


def test_no_two_names_share_a_key():
    names = [p.name for p in PROVINCES] + [f for p in PROVINCES for f in p.absorbed]
    keys = [fold_key(n).replace(" ", "") for n in names]
    assert len(set(keys)) == len(keys) == 63
    assert len(_index()) >= 2 * 63 - 10  # spaced and joined forms
