"""Reprint credits, outlets, notes and joined names in parse_byline (normalize.authors, byline_tables).

Vietnamese convention: "Theo CAND" names a source and no author; "Theo Minh Quỳnh (CAND)", or
"Theo Minh Quỳnh" over a line with the outlet, names the writer of a reprinted article.
"""

import pytest

from tintuc_feed.normalize.authors import is_outlet, looks_like_byline, parse_byline, reprint_writer
from tintuc_feed.normalize.byline_tables import OUTLET_LEADS, OUTLET_NAMES, OUTLET_WORDS

# (raw, authors, origin)
REPRINTS = [
    ("Theo CAND", [], "CAND"),  # an outlet: a source only
    ("Theo Tiền Phong", [], "Tiền Phong"),  # an outlet that reads like a name (OUTLET_NAMES)
    ("Theo Minh Quỳnh (CAND)", ["Minh Quỳnh"], "CAND"),  # writer, outlet in parentheses
    ("Minh Quỳnh (Theo CAND)", ["Minh Quỳnh"], "CAND"),
    ("Theo Vân Hà\nLao Động", ["Vân Hà"], "Lao Động"),  # writer's line, the outlet's line under it
    ("Theo Hà Vy\nBáo/Tin24", ["Hà Vy"], "Báo/Tin24"),
    ("Theo Hà Vy\n12/03/2014", [], "Hà Vy"),  # a date under it is no outlet: the line stays a source
    ("Theo Minh Anh (TTXVN/AFP)", [], "Minh Anh (TTXVN/AFP)"),  # a chain of sources: a relayed story
    ("Theo Minh Tú/Tin.vn\nReuters", [], "Minh Tú/Tin.vn"),  # the source's own source under it, no writer
    ("Theo CAND\nMinh Quỳnh", ["Minh Quỳnh"], "CAND"),  # a name under a source is a name
    ("Hạ An - Theo Báo Tin", ["Hạ An"], "Báo Tin"),
    ("Hoàng Anh/CAND", ["Hoàng Anh"], "CAND"),  # writer/outlet on one line
    ("Minh Quỳnh - Bá Hiển/TTXVN", ["Minh Quỳnh", "Bá Hiển"], "TTXVN"),
    ("Hoàng Anh/Minh Quỳnh", ["Hoàng Anh/Minh Quỳnh"], None),  # a name after the slash is no outlet: left as written
]


@pytest.mark.parametrize(("raw", "authors", "origin"), REPRINTS)
def test_reprint_credit(raw, authors, origin):
    byline = parse_byline(raw)
    assert ([a.name for a in byline.authors], byline.origin) == (authors, origin)


@pytest.mark.parametrize(("text", "writer"), [
    ("Theo Vân Anh", "Vân Anh"), ("Theo Hồ Hương,", "Hồ Hương"), ("theo Minh Quỳnh", "Minh Quỳnh"),
    ("Theo CAND", None), ("Theo Lao Động", None), ("Theo VTC News", None), ("Theo Báo Tin", None),
    ("Theo thông tin ban đầu", None), ("Theo", None), ("Vân Anh", None), ("Theo Minh Nguyễn/Vcamp.vn", None),
])
def test_reprint_writer(text, writer):
    assert reprint_writer(text) == writer


@pytest.mark.parametrize("lead", OUTLET_LEADS)
def test_every_outlet_lead(lead):
    assert is_outlet(f"{lead.capitalize()} Minh Hà")


def test_outlet_lead_keeps_tone_marks():
    assert is_outlet("Báo Tin") and not is_outlet("Bảo Tín")  # "Bảo" is a given name


@pytest.mark.parametrize("word", OUTLET_WORDS)
def test_every_outlet_word(word):
    assert is_outlet(f"Hà {word.capitalize()}")


@pytest.mark.parametrize("name", OUTLET_NAMES)
def test_every_outlet_name(name):
    assert is_outlet(name.title())


@pytest.mark.parametrize(("text", "expected"), [
    ("CAND", True), ("TTXVN", True), ("Vcamp.vn", True), ("Zing/Themost10", True),
    ("Minh Quỳnh", False), ("Hà Vy", False), ("Nguyễn Văn An", False), ("", True),
])
def test_is_outlet(text, expected):
    assert is_outlet(text) is expected


# (raw, names): notes in parentheses, names joined by a word (NAME_JOINERS), a label after a name
OTHER = [
    ("Hà Vy\n(tổng hợp)", ["Hà Vy"]),  # a note alone in parentheses is about the name before it
    ("Hà Vy (lược dịch)", ["Hà Vy"]),
    ("Anna Berg and Tom Lee", ["Anna Berg", "Tom Lee"]),
    ("Lena Roth und Jan Weber", ["Lena Roth", "Jan Weber"]),
    ("Herz und Blut", ["Herz und Blut"]),  # one word each side: one name (a blog's)
    ("Research and Development Team", ["Research and Development Team"]),
    ("T.K. Ảnh: Hoàng Long", ["T.K."]),  # a label after a name on one line (LABEL_MAX_WORDS)
    ("Minh Anh Bài và ảnh: Hà Vy", ["Minh Anh", "Hà Vy"]),
]


@pytest.mark.parametrize(("raw", "names"), OTHER)
def test_notes_joiners_and_labels(raw, names):
    assert [a.name for a in parse_byline(raw).authors] == names


def test_signature_and_photo_credit_on_one_line_is_a_byline():
    assert looks_like_byline("T.K. Ảnh: Hoàng Long")
    assert parse_byline("T.K. Ảnh: Hoàng Long").credits == ("Ảnh: Hoàng Long",)


# (raw, [(name, affiliation)]): a unit after a name, past a dash, is where the name works, not a second author
UNIT_AFTER_NAME = [
    ("Thượng tá Nguyễn Văn Cản - Phòng Tham mưu", [("Nguyễn Văn Cản", "Phòng Tham mưu")]),
    ("Minh Quỳnh - Công an xã Sa Pa", [("Minh Quỳnh", "Công an xã Sa Pa")]),
    ("Minh Quỳnh - Bá Hiển - Đội Cảnh sát giao thông", [("Minh Quỳnh", None), ("Bá Hiển", "Đội Cảnh sát giao thông")]),
    ("Thanh Nguyên (VKSQS khu vực 72) - Ban Biên tập", [("Thanh Nguyên", "VKSQS khu vực 72"), ("Ban Biên tập", None)]),
    ("Minh Quỳnh - Văn Phong", [("Minh Quỳnh", None), ("Văn Phong", None)]),  # a name, not "Văn phòng"
    ("Phòng Tham mưu", [("Phòng Tham mưu", None)]),  # a unit alone signs the article: left as it was
]


@pytest.mark.parametrize(("raw", "authors"), UNIT_AFTER_NAME)
def test_unit_after_a_name_is_its_affiliation(raw, authors):
    assert [(a.name, a.affiliation) for a in parse_byline(raw).authors] == authors
