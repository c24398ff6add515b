"""The byline tables: the words and shapes normalize.authors reads a byline with.

Every row has its own test (tests/normalize/test_normalize_authors.py).  Labels and
markers are matched on the folded text (normalize.text.fold_key): no tone marks,
lower case, so "Bài và ảnh", "BÀI VÀ ẢNH" and "Đại uý"/"Đại úy" match one row.
"""

from __future__ import annotations

import re

# Police and army ranks written before a name: removed ("Thượng úy Nguyễn Văn
# Hùng" -> "Nguyễn Văn Hùng").  Matched folded, so "Đại uý" matches "Đại úy".
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
)  # fmt: skip

# Forms of address before a name, removed only when a name follows.
HONORIFICS = ("Đồng chí", "Đ/c", "Nhà báo", "Phóng viên", "PV", "CTV", "Cộng tác viên")

# Folded labels ending in ":" -> what follows them.
LABELS = (
    (r"(?:bai|tin)(?: (?:va )?(?:anh|clip|video|thuc hien))*", "author"),  # "Bài và ảnh:", "Bài, ảnh:", "Tin:"
    (r"(?:tac gia|thuc hien|nhom thuc hien|nguoi viet|bai viet|but danh)", "author"),  # "Tác giả:", "Thực hiện:"
    (r"(?:anh|video|clip|do hoa|infographic|thiet ke)(?: (?:va )?(?:anh|video|clip|do hoa))*", "credit"),
    (r"anh minh hoa|anh tu lieu|nguon anh", "credit"),  # "Ảnh minh họa:", "Nguồn ảnh:"
    (r"nguon|theo", "source"),  # "Nguồn: Báo Công an nhân dân"
    (r"pv|phong vien|loi toa soan|loi bbt|bbt", "interview"),  # Q&A and editor's-note labels
    (r"(?:by|von|par|por|autor|autorin|author|auteur|verfasser|written by|geschrieben von)", "author"),  # "Von: X"
)
# The longest text before a colon read as a label ("Bài và ảnh và video" is 19): only the line's last
# this many characters before each colon are tried, so a line of many colons reads in linear time.
LABEL_MAX_CHARS = 60

# A segment starting with one of these (folded, no colon) names a source.
SOURCE_MARKERS = (r"theo", r"nguon")  # "Theo CAND", "Theo VTC News,", "Nguồn CAND"

# Credit phrases that carry no colon: the whole segment is a credit.
CREDIT_MARKERS = (
    r"anh minh hoa",  # "Ảnh minh họa"
    r"anh cat tu clip",  # "Ảnh cắt từ clip."
    r"anh chup man hinh|chup man hinh",  # screenshots
)

# Outlet dateline prefix: "(VGP) - ", "(ANTV) - ", "(CAO) ".
OUTLET_PREFIX = r"^\((?P<outlet>[A-Z0-9][\w.]{1,20})\)\s*[-–—:]?\s*"

# Said instead of a name: not authors.
NON_AUTHORS = ("admin", "administrator", "quan tri", "quan tri vien", "webmaster", "unknown", "anonymous", "null",
               "publisher", "super user", "anonimo")

# Words that lead a byline in the languages of the web, before the name ("By X", "Von X",
# "Publié par X"): removed, folded compare; alone on a line they are no name.
BYLINE_LEADS = (
    "by", "von", "par", "por", "door", "av", "written by", "posted by", "published by", "geschrieben von",
    "veroffentlicht von", "eingestellt von", "erstellt von", "publie par", "escrito por", "author", "autor",
    "autorin", "verfasser", "auteur", "view all posts by", "zeige alle beitrage von", "alle beitrage von",
    "artikel von", "beitrag von", "boi", "dang boi", "viet boi",  # "Bởi", "Đăng bởi", "Viết bởi"
)  # fmt: skip
# Words that join names or trail a byline, alone in a segment: no name ("Lars Fischer\nund\nAlina Schadwinkel").
CONNECTORS = ("und", "and", "y", "et", "e", "in", "am", "on", "le", "/", "&", "+", "·", "»", "→", "|")

# A segment that is a date or a time, not a name: "Feb 21", "2020", "04.02.2022", "15:33 Uhr", "(08/23/2011)".
DATE_SEGMENT = re.compile(r"\d[./:-]\d|\b(?:1[89]|20)\d\d\b|^\D*\s\d{1,2}\.?$|^\d{1,2}\.?\s\D*$")

# A role written after a name ("Hữu Phúc - CTV", "Minh Anh, PV"): the name's role, not a second author (folded).
# Alone ("PV") or as a group ("Nhóm PV") it is still the byline's one author (GROUP_NAMES).
ROLES_AFTER_NAME = ("ctv", "cong tac vien", "pv", "phong vien", "btv", "bien tap vien")

# Groups kept as one author ("Nhóm PV" stays a name).
GROUP_NAMES = (r"nhom (?:pv|phong vien|ctv|cong tac vien|tac gia|bien tap)", r"pv|ctv|btv")

# Title-case menu labels that look like names but are not.
MENU_LABELS = (
    "Trang chủ", "Tin tức", "Sự kiện", "Liên hệ", "Giới thiệu", "Tìm kiếm", "Hình ảnh",
    "Văn bản", "Đăng nhập", "Hỏi đáp", "Chia sẻ", "Bình luận", "Xem thêm", "Tin liên quan",
)  # fmt: skip

# Abbreviations kept upper-case when an ALL-CAPS name is re-cased.
KEEP_UPPER = ("PV", "CTV", "BTV", "TTXVN", "CAND", "BCA", "VKSND", "TAND", "CA", "PC", "TP")

NAME_SEPARATORS = r"\s+[-–—]\s+|\s*[,;&\n]\s*|\s+và\s+|\s*\|\s*"
HARD_SEPARATORS = r"\s[-–—]\s|[;|(\n]"
MAX_NAME_WORDS = 6  # longer is a sentence, not a name
MAX_UNIT_WORDS = 16  # a unit's full name after a label ("Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao")
MAX_SYLLABLE_LETTERS = 7  # "nghiêng", the longest Vietnamese syllable
MAX_BYLINE_CHARS = 100

# Joining words between two full names, split only there ("Lars Fischer und Alina Schadwinkel");
# "Herz und Blut" (one word each side) is one name.  "và" joins names always (NAME_SEPARATORS).
NAME_JOINERS = r"\s+(?:and|und)\s+"

# A news outlet's name, not a person's: how "Theo Lao Động" (a source) differs from "Theo Vân Anh"
# (the writer of a reprint).  Words that open an outlet's name (lower case, tone marks kept:
# "Báo" is an outlet, "Bảo" a given name) ...
OUTLET_LEADS = ("báo", "tạp chí", "thông tấn", "đài", "truyền hình", "cổng thông tin", "trang tin", "kênh", "tờ")
# ... folded words that name one anywhere ...
OUTLET_WORDS = ("news", "online", "times", "post", "tv", "radio", "magazine", "daily", "press", "media", "net", "plus",
                "express", "tribune", "herald", "journal", "review")
# ... and the Vietnamese outlets reprints credit most, folded ("Lao Động", "Trí Thức Trẻ").
OUTLET_NAMES = (
    "lao dong", "nguoi lao dong", "tuoi tre", "thanh nien", "tien phong", "dan tri", "vnexpress", "vietnamnet",
    "zing", "zingnews", "tri thuc tre", "dai doan ket", "nhan dan", "quan doi nhan dan", "cong an nhan dan",
    "an ninh thu do", "phap luat", "phap luat tp hcm", "sai gon giai phong", "vietnamplus", "infonet", "soha",
    "kenh14", "cafef", "cafebiz", "genk", "afamily", "giao duc thoi dai", "kinh te do thi", "dau tu", "vneconomy",
    "ngoi sao", "eva", "vov", "vtv", "vtc", "ha noi moi", "thoi bao kinh te sai gon", "doi song phap luat",
    "phu nu", "gia dinh", "suc khoe doi song", "tin tuc", "dan viet", "nong nghiep viet nam", "cong ly",
    "bao moi", "baomoi", "vietnamfinance", "the thao van hoa", "viet nam moi",
)  # fmt: skip

# A unit after a name ("Nguyễn Văn Cản - Phòng Tham mưu") is the name's affiliation, not a second author.  Matched
# lower case with the diacritics ("Văn Phong" is a name, "Văn phòng" a unit).
UNIT_LEADS = ("phòng", "công an", "đội", "cục", "văn phòng", "ban", "trung tâm", "trại", "viện kiểm sát", "vksnd",
              "vksqs", "tòa án", "toà án", "bộ chỉ huy", "bộ đội biên phòng", "sở", "ubnd")
