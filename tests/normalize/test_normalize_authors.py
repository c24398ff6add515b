"""parse_byline / looks_like_byline: research section 6 strings first, then one case per table row."""

import pytest

from tintuc_feed.model import Author
from tintuc_feed.normalize.authors import looks_like_byline, parse_byline
from tintuc_feed.normalize.byline_names import natural_case
from tintuc_feed.normalize.byline_tables import (
    CREDIT_MARKERS,
    GROUP_NAMES,
    HONORIFICS,
    KEEP_UPPER,
    LABELS,
    MENU_LABELS,
    NON_AUTHORS,
    RANKS,
    SOURCE_MARKERS,
)
from tintuc_feed.normalize.site_names import site_keys, without_site_names


def names(raw):
    return [a.name for a in parse_byline(raw).authors]


# (raw, authors, credits, origin)
BYLINE_CASES = [
    ("Minh Quỳnh - Bá Hiển - Quang Khải", ["Minh Quỳnh", "Bá Hiển", "Quang Khải"], (), None),  # the seed
    ("Hoàng Anh", ["Hoàng Anh"], (), None),  # amp.cand bare line
    ("BT", ["BT"], (), None),  # antv initials under the title
    ("Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)", ["Thanh Nguyên"], (), None),  # congly, unit kept aside
    ("ẢNH: NHƯ Ý", [], ("ẢNH: NHƯ Ý",), None),  # thanhnien upper-case photo credit
    ("(Ảnh: Khánh Hồng)", [], ("Ảnh: Khánh Hồng",), None),  # dantri/vov credit in parentheses
    ("Ảnh: CABG", [], ("Ảnh: CABG",), None),  # credit to a police unit
    ("Ảnh minh họa", [], ("Ảnh minh họa",), None),
    ("Ảnh cắt từ clip.", [], ("Ảnh cắt từ clip",), None),
    ("Theo CAND", [], (), "CAND"),
    ("Nguồn: CAND", [], (), "CAND"),  # Java aggregator source line
    ("Nguồn: Báo Công an nhân dân", [], (), "Báo Công an nhân dân"),
    ("Theo VTC News,", [], (), "VTC News"),
    (
        "Theo Cổng thông tin điện tử Công an thành phố Hải Phòng:",
        [],
        (),
        "Cổng thông tin điện tử Công an thành phố Hải Phòng",
    ),
    ("(VGP) -", [], (), "VGP"),  # re-post prefix
    ("(ANTV) - Hoàng Long", ["Hoàng Long"], (), "ANTV"),  # outlet dateline then a name
    ("PV: Thưa Bộ trưởng, xin ông cho biết", [], (), None),  # interview label
    ("Lời tòa soạn: Bài viết dưới đây", [], (), None),  # editor's note
    ("Bài và ảnh: Minh Anh", ["Minh Anh"], (), None),  # LABELS row 1
    ("Bài, ảnh: Minh Anh, Hoàng Long", ["Minh Anh", "Hoàng Long"], (), None),
    ("BÀI VÀ ẢNH: MINH ANH", ["Minh Anh"], (), None),
    ("Tin, ảnh: Hà An", ["Hà An"], (), None),
    ("Bài: Minh Anh; Ảnh: CABG", ["Minh Anh"], ("Ảnh: CABG",), None),
    ("Tác giả: Thượng úy Nguyễn Văn Hùng", ["Nguyễn Văn Hùng"], (), None),  # LABELS row 2 + rank
    ("Thực hiện: Nhóm PV", ["Nhóm PV"], (), None),  # group name stays
    ("Nhóm PV", ["Nhóm PV"], (), None),
    ("Video: Quang Khải", [], ("Video: Quang Khải",), None),  # LABELS credit row
    ("Đồ họa: Minh Anh", [], ("Đồ họa: Minh Anh",), None),
    ("Nguồn ảnh: Bộ Công an", [], ("Nguồn ảnh: Bộ Công an",), None),
    ("Minh Anh (Ảnh: Duy Thái)", ["Minh Anh"], ("Ảnh: Duy Thái",), None),
    ("Hà An\nẢnh: BCA", ["Hà An"], ("Ảnh: BCA",), None),  # line breaks split
    ("Hoàng Anh (Theo CAND)", ["Hoàng Anh"], (), "CAND"),
    ("M.TÍN - Đ.DŨNG", ["M.Tín", "Đ.Dũng"], (), None),  # natural case, raw kept
    ("Minh Anh và Hoàng Long", ["Minh Anh", "Hoàng Long"], (), None),  # " và "
    ("Phòng Kỹ thuật và hậu cần", ["Phòng Kỹ thuật và hậu cần"], (), None),  # "và" inside a unit's name
    ("Phòng PV01 và Minh Anh", ["Phòng PV01", "Minh Anh"], (), None),  # "và" before a capital: two
    ("Công an huyện kiểm tra hiện trường vụ cháy nhà dân", [], (), None),  # unlabelled: 6 words at most
    ("Minh Anh & Hoàng Long", ["Minh Anh", "Hoàng Long"], (), None),  # "&"
    ("Minh Anh; Hoàng Long", ["Minh Anh", "Hoàng Long"], (), None),  # ";"
    ("Minh Anh – Hoàng Long", ["Minh Anh", "Hoàng Long"], (), None),  # en dash
    ("Hoàng Anh.", ["Hoàng Anh"], (), None),  # trailing punctuation
    ("Minh Anh - Minh Anh", ["Minh Anh"], (), None),  # repeated name once
    ("Admin", [], (), None),  # NON_AUTHORS: never "Admin"
    ("", [], (), None),
    ("  \n ", [], (), None),
]


@pytest.mark.parametrize(("raw", "authors", "credits", "origin"), BYLINE_CASES)
def test_parse_byline(raw, authors, credits, origin):
    byline = parse_byline(raw)
    assert [a.name for a in byline.authors] == authors
    assert byline.credits == credits
    assert byline.origin == origin


def test_byline_keeps_raw_and_affiliation():
    raw = "Thanh Nguyên (Công an xã Ea Tiêu)"
    byline = parse_byline(raw)
    assert byline.raw == raw
    assert byline.authors == (Author("Thanh Nguyên", raw, "Công an xã Ea Tiêu"),)


def test_all_caps_name_keeps_raw():
    authors = parse_byline("M.TÍN - Đ.DŨNG").authors
    assert [(a.name, a.name_raw) for a in authors] == [("M.Tín", "M.TÍN"), ("Đ.Dũng", "Đ.DŨNG")]


def test_none_byline():
    assert parse_byline(None).authors == () and parse_byline(None).raw is None
    assert parse_byline("").raw is None  # None means not found, never ""


@pytest.mark.parametrize("rank", RANKS)
def test_every_rank_is_stripped(rank):
    assert names(f"{rank} Nguyễn Văn Hùng") == ["Nguyễn Văn Hùng"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đại tướng Lương Tam Quang", "Lương Tam Quang"),  # research 6 ranks as they appear
        ("Trung tướng Tô Ân Xô", "Tô Ân Xô"),
        ("thiếu tá Trần Văn Tiên", "Trần Văn Tiên"),  # lower case in running text
        ("Đại uý Lê Văn Hùng", "Lê Văn Hùng"),  # old tone placement "uý"
        ("Đồng chí Đại tá Nguyễn Thanh Hải", "Nguyễn Thanh Hải"),  # honorific then rank
    ],
)
def test_rank_variants(raw, expected):
    assert names(raw) == [expected]


@pytest.mark.parametrize("honorific", HONORIFICS)
def test_every_honorific_is_stripped_before_a_name(honorific):
    assert names(f"{honorific} Nguyễn Văn Hùng") == ["Nguyễn Văn Hùng"]


def test_rank_alone_is_not_removed_to_nothing():
    assert names("Đại tá") == ["Đại tá"]


LABEL_ROW_CASES = {  # one raw per LABELS row, in order
    0: "Bài và ảnh: Minh Anh",
    1: "Tác giả: Minh Anh",
    2: "Ảnh: Minh Anh",
    3: "Ảnh minh họa: Minh Anh",
    4: "Nguồn: Minh Anh",
    5: "PV: Minh Anh",
    6: "Von: Minh Anh",
}
LABEL_ROW_KIND = {"author": ("authors", 1), "credit": ("credits", 1), "source": ("origin", "Minh Anh")}


@pytest.mark.parametrize(("index", "row"), list(enumerate(LABELS)))
def test_every_label_row(index, row):
    byline = parse_byline(LABEL_ROW_CASES[index])
    kind = row[1]
    if kind == "interview":
        assert byline.authors == () and byline.credits == () and byline.origin is None
    elif kind == "source":
        assert byline.origin == "Minh Anh" and byline.authors == ()
    else:
        assert len(getattr(byline, LABEL_ROW_KIND[kind][0])) == 1
        other = "credits" if kind == "author" else "authors"
        assert getattr(byline, other) == ()


@pytest.mark.parametrize("marker", SOURCE_MARKERS)
def test_every_source_marker(marker):
    assert parse_byline(f"{marker.capitalize()} TTXVN").origin == "TTXVN"


@pytest.mark.parametrize("raw", ["Ảnh minh họa", "Ảnh cắt từ clip.", "Ảnh chụp màn hình", "Chụp màn hình"])
def test_every_credit_marker(raw):
    assert parse_byline(raw).credits and not parse_byline(raw).authors
    assert len(CREDIT_MARKERS) == 3  # one raw per row above (row 3 has two spellings)


@pytest.mark.parametrize("word", NON_AUTHORS)
def test_every_non_author(word):
    assert parse_byline(word.title()).authors == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("M.TÍN", "M.Tín"),
        ("NHƯ Ý", "Như Ý"),
        ("NHÓM PV", "Nhóm PV"),
        ("BT", "BT"),
        ("Minh Anh", "Minh Anh"),
        ("ĐỨC - ANH", "Đức - Anh"),
        ("TRẦN HÀ AN", "Trần Hà An"),
    ],
)
def test_natural_case(raw, expected):
    assert natural_case(raw) == expected


@pytest.mark.parametrize("abbreviation", KEEP_UPPER)
def test_keep_upper_rows(abbreviation):
    assert natural_case(f"NHÓM {abbreviation}") == f"Nhóm {abbreviation}"


# --- looks_like_byline --------------------------------------------------------------------

BYLINE_LINES = [
    "Minh Quỳnh - Bá Hiển - Quang Khải",  # the seed
    "Hoàng Anh",  # amp.cand
    "Nhóm PV",
    "Thượng úy Nguyễn Văn Hùng",
    "M.TÍN - Đ.DŨNG",
    "Bài và ảnh: Minh Anh",
    "Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)",
    "Theo CAND",
    "Nguồn: Báo Công an nhân dân",
    "Trần Văn Hùng - Nguyễn Thị Minh Khai",
    "Hoàng Anh.",
    "BT",
]

NOT_BYLINE_LINES = [
    "Toàn cảnh Hội nghị",  # seed caption: lower-case syllable
    "Tìm kiếm",  # seed menu widgets
    "Tin tức - Sự kiện",
    "Liên kết website",
    "Ảnh: Khánh Hồng",  # a credit, not a byline
    "PV: Thưa Bộ trưởng",
    "Bộ trưởng Tô Lâm:",  # interviewee label
    "Lời tòa soạn:",
    "Phát biểu tại hội nghị, Đại tá Bùi Quang Thanh, Giám đốc Công an tỉnh nhấn mạnh",
    "02/06/2023",
    "Hotline: 0692324026",  # antv header
    "Chia sẻ Lưu",  # VHV boilerplate
    "Có thể bạn quan tâm",  # nhandan
    "Trang Chủ",  # title-case menu label (MENU_LABELS)
    "TIN TỨC - SỰ KIỆN",
    "Hoàng",  # one capitalised word: not enough for a name
    "Administrator Website",
    "Đêm 21/2 (tức mùng 5 Tết), giao thông tại cửa ngõ phía Nam Thủ đô",  # AMP related sapo
    "Admin",
    "",
]


@pytest.mark.parametrize("line", BYLINE_LINES)
def test_looks_like_byline(line):
    assert looks_like_byline(line)


@pytest.mark.parametrize("line", NOT_BYLINE_LINES)
def test_does_not_look_like_byline(line):
    assert not looks_like_byline(line)


@pytest.mark.parametrize("label", MENU_LABELS)
def test_every_menu_label_is_not_a_byline(label):
    assert not looks_like_byline(label.title())


@pytest.mark.parametrize("pattern", GROUP_NAMES)
def test_group_name_rows(pattern):
    examples = {GROUP_NAMES[0]: "Nhóm phóng viên", GROUP_NAMES[1]: "CTV"}
    assert looks_like_byline(examples[pattern])


SITE_NAME_CASES = [
    # (author names, site names, host, kept)
    (["VnExpress"], ["vnexpress.net"], "vnexpress.net", []),  # meta author = the site (real page, 2025)
    (["Dân trí"], [], "dantri.com.vn", []),  # the host's label, tone marks and spaces aside
    (["Báo Công an Nhân dân"], ["Báo Công an Nhân dân"], "cand.com.vn", []),  # og:site_name
    (["Công an tỉnh Lâm Đồng"], ["Công an tỉnh Lâm Đồng"], "congan.lamdong.gov.vn", []),  # the source's name
    (["Lê Phương", "VnExpress"], ["vnexpress.net"], "www.vnexpress.net", ["Lê Phương"]),  # people stay
    (["Minh Quỳnh"], ["Công an tỉnh Đắk Nông"], "congan.daknong.gov.vn", ["Minh Quỳnh"]),
]


@pytest.mark.parametrize(("names", "sites", "host", "kept"), SITE_NAME_CASES)
def test_site_name_is_never_an_author(names, sites, host, kept):
    authors = tuple(Author(n, n) for n in names)
    assert [a.name for a in without_site_names(authors, site_keys(sites, host))] == kept


# The web's bylines (generic reader, issue 13): lead words, labels alone on a line, joining words,
# dates and times beside the name, initials that keep their dot.  (raw, names)
WEB_BYLINES = [
    ("By\nPoppy Reid\nFeb 21, 2020", ["Poppy Reid"]),  # lead alone, date line
    ("Von Julia Müller", ["Julia Müller"]),
    ("Par Chokri GHARBI", ["Chokri GHARBI"]),  # mixed case kept
    ("Author Andreas Kalt", ["Andreas Kalt"]),
    ("Von: Wolfgang Schmale", ["Wolfgang Schmale"]),  # the label row with a colon
    ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
    ("Bởi\nadmin\n-", []),  # Vietnamese WordPress "Bởi admin": a lead and a non-author
    ("04.02.2022\nDennis Steimels", ["Dennis Steimels"]),
    ("Janic Cathomen, 01.12.2021", ["Janic Cathomen"]),
    ("Datum:\n19.11.2021\nAutor:\nFritz Imhof", ["Fritz Imhof"]),  # an unknown label alone is no name
    ("von\nLars Fischer\nund\nAlina Schadwinkel", ["Lars Fischer", "Alina Schadwinkel"]),  # joining word alone
    ("~ Cem Basman", ["Cem Basman"]),
    ("Perry Bacon Jr.", ["Perry Bacon Jr."]),  # the dot of "Jr." stays
    ("H.V.", ["H.V."]),  # initials keep their dot
    ("Juan Carlos Muñoz C.", ["Juan Carlos Muñoz C."]),
    ("Rodolfo Costa.", ["Rodolfo Costa"]),  # a sentence's dot goes
    ("NHỮNG CĂN BỆNH LẠ (08/23/2011)", []),  # a headline with its date (a related-news item), no author
    ("Thượng úy Nguyễn Văn Hùng (Công an quận 12)", ["Nguyễn Văn Hùng"]),  # a unit with a number stays a unit
    ("r23", ["r23"]),  # a user name with digits is a name
]


@pytest.mark.parametrize(("raw", "expected"), WEB_BYLINES)
def test_web_bylines(raw, expected):
    assert names(raw) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("NHỮNG CĂN BỆNH LẠ\n(08/23/2011)", False),  # a related-news item with its date, not a signature
    ("Minh Quỳnh (PC02)", True),
])
def test_a_date_in_parentheses_is_no_byline(line, expected):
    assert looks_like_byline(line) is expected
