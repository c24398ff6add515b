"""clean_title: site-name suffixes removed, spelling kept, headlines never cut."""

import pytest

from tintuc_feed.normalize.titles import PORTAL_PATTERNS, SECTION_NAMES, clean_title, host_name, is_portal_name

SEED_TITLE = "Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại"

STRIP_CASES = [
    ("Tin A - Công an tỉnh Đăk Nông", "Tin A"),  # police unit + province (old spelling)
    ("Tin A - Công an tỉnh Thanh Hoá", "Tin A"),
    ("Tin A – Công an thành phố Hà Nội", "Tin A"),  # en dash
    ("Tin A | Công an TP. Hồ Chí Minh", "Tin A"),
    ("Tin A | Cổng thông tin điện tử Bộ Công an", "Tin A"),  # PORTAL_PATTERNS rows 0/1
    ("Tin A - Trang thông tin điện tử Công an tỉnh Đăk Lăk", "Tin A"),  # research 4.3 seed label
    ("Tin A | Cổng thông tin Công an tỉnh Lâm Đồng", "Tin A"),
    ("Tin A - Báo Công an nhân dân điện tử", "Tin A"),  # row 2
    ("Tin A - Báo Công an TP.HCM", "Tin A"),  # row 3
    ("Tin A - Công an nhân dân", "Tin A"),  # row 4
    ("Tin A - CAND", "Tin A"),  # row 5
    ("Tin A - Bộ Công an", "Tin A"),  # row 6
    ("Tin A | cand.com.vn", "Tin A"),  # row 7: a domain
    ("Tin A - Báo Công an nhân dân - Công an tỉnh Lâm Đồng", "Tin A"),  # two suffixes
    ("  Tin&nbsp;A &amp; B - CAND ", "Tin A & B"),  # normalized first
    # multi-level suffixes (issue 13): sections beside the site's name go with it
    ("Tin A - Chính trị - Xã hội - Tuổi Trẻ Online", "Tin A"),
    ("Tin A | Pháp luật | Người Lao Động Online", "Tin A"),  # nld.com.vn, 2012
    ("Tin A | Internet | GenK.vn", "Tin A"),  # genk.vn: a domain
    ("Tin A - Phong cách - Xinhxinh.com.vn", "Tin A"),
    ("Tin A - Báo VnExpress Sức khỏe", "Tin A"),
    ("Thời sự - CAND", "Thời sự"),  # the headline is never emptied
]


@pytest.mark.parametrize(("raw", "expected"), STRIP_CASES)
def test_clean_title_strips_portal_suffix(raw, expected):
    assert clean_title(raw) == expected


KEEP_CASES = [
    SEED_TITLE,  # "Công an tỉnh Đăk Nông" inside the headline
    "Công an tỉnh Lâm Đồng",  # the whole title is a portal name: nothing would remain
    "Hà Nội - Hải Phòng: tăng cường phối hợp",
    "Trao quà Tết - ấm lòng người nghèo",
    "Công an tỉnh Lâm Đồng - 80 năm xây dựng",  # the "suffix" is the headline's end
    "Hoà bình và Thanh Hoá",  # old tone placement kept
    "Công an tỉnh Đăk Lăk ra quân",
    "Tin A - Công an tỉnh Không Có",  # not a province
]


@pytest.mark.parametrize(
    ("raw", "url", "expected"),
    [
        ("Tin A | homify", "https://www.homify.de/ideen/1", "Tin A"),  # the host's name (trafilatura's eval set)
        ("Tin A - Tuổi Trẻ", "https://tuoitre.vn/x.htm", "Tin A"),  # host label without tone marks or spaces
        ("Tin A › Nordish", "https://nordish.de/x", "Tin A"),  # "›" separator
        ("Tin A • CareElite", "https://careelite.de/x", "Tin A"),  # "•" separator
        ("Tin A -", "https://a.de/x", "Tin A"),  # an empty suffix
        ("Tin A - -", "https://a.de/x", "Tin A"),  # two empty suffixes, all dropped at once (hypothesis: "0 - -")
        ("Tin A - Tin B", "https://homify.de/x", "Tin A - Tin B"),  # not the host's name: kept
        ("Tin A | homify.de", "https://www.homify.de/x", "Tin A"),  # a domain named by its first label
        ("Tin A // CareElite", "https://careelite.de/x", "Tin A"),  # "//" separator
        # a site's name before the headline, after "|", "»", "::", "//" (issue 13)
        ("homify.de | Tin A", "https://www.homify.de/x", "Tin A"),
        ("tintuc.vn // » Tin A", "https://tintuc.vn/x", "Tin A"),  # "// »": one separator
        ("Nordish » Tin A", "https://nordish.de/x", "Tin A"),
        ("Nordish :: Tin A - Nordish", "https://nordish.de/x", "Tin A"),  # prefix and suffix
        ("Nordish | ", "https://nordish.de/x", "Nordish"),  # nothing after it: kept
        ("Tin B | Tin A", "https://nordish.de/x", "Tin B | Tin A"),  # not the site's name: kept
        ("Nordish - Tin A", "https://nordish.de/x", "Nordish - Tin A"),  # a hyphen: may be the headline's
    ],
)
def test_host_name_and_more_separators(raw, url, expected):
    assert clean_title(raw, [host_name(url)]) == expected


def test_section_after_the_site_name():
    """news.zing.vn, 2012: "<headline> - Zing News | Xã hội"."""
    assert clean_title("Tin A - Zing News | Xã hội", ["Zing News"]) == "Tin A"
    assert clean_title("Tin A - Zing News | Xã hội") == "Tin A - Zing News | Xã hội"  # no known site name


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_every_section_name_goes_with_a_site_name_and_only_then(name):
    assert clean_title(f"Tin A - {name} - Tuổi Trẻ Online") == "Tin A"
    assert clean_title(f"Tin A - {name} | Zing News", ["Zing News"]) == "Tin A"
    assert clean_title(f"Tin A - {name}") == f"Tin A - {name}"  # no site name beside it: part of the headline


@pytest.mark.parametrize("raw", KEEP_CASES)
def test_clean_title_keeps(raw):
    assert clean_title(raw) == raw


def test_police_portal_prefix():
    """A portal's own name before the headline goes after "|"; after a hyphen it may start the headline."""
    unit = "Công an tỉnh Lâm Đồng"
    assert clean_title(f"{unit} | Tin A | Báo Công an Nhân dân", [unit]) == "Tin A"
    assert clean_title(f"{unit} - 80 năm xây dựng và trưởng thành", [unit]) == f"{unit} - 80 năm xây dựng và trưởng thành"
    assert clean_title("Báo Công an Nhân dân | Tin A", []) == "Báo Công an Nhân dân | Tin A"  # a pattern, no site name


# A category prefix (issue 13, fourth titles pass): a run of section names, with or without the site's name
# before it, cut before "|", "»", "›", "•", "::", "//" only.
SECTION_PREFIX_CASES = [
    ("An ninh trật tự | Tin A", [], "Tin A"),
    ("Tin tức » Tin A", [], "Tin A"),
    ("Tin tức - Sự kiện | Tin A", [], "Tin A"),  # a section name holding a hyphen
    ("Báo X » Pháp luật » Tin A", ["Báo X"], "Tin A"),  # a breadcrumb: the site, then its section
    ("Pháp luật | Tin A - Báo X", ["Báo X"], "Tin A"),  # a prefix and a suffix
    ("Kinh tế - xã hội tỉnh X tăng trưởng 8%", [], "Kinh tế - xã hội tỉnh X tăng trưởng 8%"),  # hyphen: the headline
    ("Pháp luật: Tin A", [], "Pháp luật: Tin A"),  # a colon starts headlines
    ("Thời sự | Pháp luật", [], "Pháp luật"),  # a section alone after a section: never emptied
    ("Chuyện lạ | Tin A", [], "Chuyện lạ | Tin A"),  # not a known section name
]


@pytest.mark.parametrize(("raw", "names", "expected"), SECTION_PREFIX_CASES)
def test_section_prefix(raw, names, expected):
    assert clean_title(raw, names) == expected


def test_site_names_are_compared_folded():
    assert clean_title("Tin A - Trang tin Công an Đăk Nông", ["Trang tin Công an Đắk Nông"]) == "Tin A"
    assert clean_title("Tin A - Trang tin Công an Đăk Nông") == "Tin A - Trang tin Công an Đăk Nông"


def test_clean_title_normalizes_decomposed_text():
    import unicodedata

    assert clean_title(unicodedata.normalize("NFD", SEED_TITLE)) == SEED_TITLE


@pytest.mark.parametrize(
    ("pattern", "example"),
    list(
        zip(
            PORTAL_PATTERNS,
            [
                "Trang thông tin điện tử Công an tỉnh X",
                "Cổng thông tin Công an Hà Nội",
                "Báo Công an nhân dân",
                "Báo Công an TPHCM",
                "Công an nhân dân online",
                "CAND Online",
                "Bộ Công an Việt Nam",
                "www.bocongan.gov.vn",
                "Báo VnExpress Sức khỏe",
                "Tuổi Trẻ Online",
            ],
            strict=True,
        )
    ),
)
def test_every_portal_pattern(pattern, example):
    assert is_portal_name(example)


@pytest.mark.parametrize("text", ["Tết ấm", "Hội nghị", "", "Công an xã Ea Tiêu"])
def test_not_portal_names(text):
    assert not is_portal_name(text)
