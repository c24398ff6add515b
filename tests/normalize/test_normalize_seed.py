"""The canonical seed article (shared/seeds/000_…): the checks others rely on."""

from datetime import datetime
from zoneinfo import ZoneInfo

from tintuc_feed.normalize import (
    clean_title,
    find_date_line,
    looks_like_byline,
    normalize_block,
    normalize_text,
    parse_byline,
    parse_date,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 7, 7, 12, 0, tzinfo=VN)

SEED_TITLE = "Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại"
SEED_LINES = [
    SEED_TITLE,
    "",
    "02/06/2023",
    (
        "Ngày 1/6/2023, Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt, triển khai thực hiện Quyết định 89-QĐ-TU "
        "ngày 21/4/2023 của Ban Thường vụ Tỉnh ủy Đắk Nông phê duyệt Đề án"
    ),
    "Toàn cảnh Hội nghị",
    "",
    "Minh Quỳnh - Bá Hiển - Quang Khải",
    "Tìm kiếm",
    "Tin tức - Sự kiện",
    "Liên kết website",
]


def test_seed_title_unchanged():
    assert clean_title(SEED_TITLE) == SEED_TITLE


def test_seed_date_line_found_and_day_first():
    index = find_date_line(SEED_LINES)
    assert index == 2
    parsed = parse_date(SEED_LINES[index], "text", now=NOW)
    assert parsed is not None
    assert parsed.value == datetime(2023, 6, 2, tzinfo=VN)
    assert parsed.value.utcoffset().total_seconds() == 7 * 3600
    assert parsed.precision == "date"
    assert parsed.raw == "02/06/2023" and parsed.origin == "text"


def test_seed_event_date_is_not_a_publication_date():
    assert parse_date(SEED_LINES[3], "text", now=NOW) is None
    assert find_date_line(SEED_LINES[3:]) is None


def test_seed_byline():
    byline = parse_byline("Minh Quỳnh - Bá Hiển - Quang Khải")
    assert [a.name for a in byline.authors] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]
    assert byline.credits == () and byline.origin is None


def test_seed_byline_line_is_told_from_caption_and_menus():
    flags = [looks_like_byline(line) for line in SEED_LINES]
    assert [SEED_LINES[i] for i, flag in enumerate(flags) if flag] == ["Minh Quỳnh - Bá Hiển - Quang Khải"]


def test_seed_nbsp_becomes_space():
    assert normalize_text("Đề án;\xa0triển khai") == "Đề án; triển khai"
    assert normalize_block("Đề án;\xa0triển khai\n\nđoạn hai") == "Đề án; triển khai\n\nđoạn hai"
