"""The patterns normalization and the title reader compile once are the patterns they used to pass to re
on every call (issue 10: re's own cache is a lookup per call; a byline line made ~20 of them)."""

from __future__ import annotations

import re

from tintuc_feed.families import title_parts, title_text
from tintuc_feed.normalize import authors, byline_names, byline_tables, titles


def test_byline_patterns_are_the_tables():
    assert authors._HARD.pattern == byline_tables.HARD_SEPARATORS
    assert authors._NAME_SEPARATORS.pattern == byline_tables.NAME_SEPARATORS
    assert authors._NAME_JOINERS.pattern == byline_tables.NAME_JOINERS
    assert authors._OUTLET_PREFIX.pattern == byline_tables.OUTLET_PREFIX
    for compiled in (authors._HARD, authors._NAME_SEPARATORS, authors._NAME_JOINERS, authors._OUTLET_PREFIX,
                     authors._PARENS, authors._PAREN_GROUP, byline_names._NAME_UNIT, authors._REPRINT):
        assert compiled.flags == re.compile(compiled.pattern).flags == re.UNICODE


def test_title_patterns_are_the_tables():
    assert titles._TITLE_SEPARATORS.pattern == titles.TITLE_SEPARATORS
    assert titles._TRAILING_SEPARATOR.pattern == titles.TRAILING_SEPARATOR
    assert titles._POLICE_UNIT.pattern == titles.POLICE_UNIT_PATTERN
    assert [p.pattern for p in titles._portal_res()] == list(titles.PORTAL_PATTERNS)
    assert title_text._WORD_CHAR.pattern == r"[^\W_]" and title_parts._SOFT_BETWEEN_WORDS.pattern == r"(?<=\w)\x00+(?=\w)"


def test_byline_and_title_readings_on_known_rows():
    byline = authors.parse_byline("Thượng úy Lê Văn Hùng (Phòng PC02) - Ảnh: Minh Châu\nTheo CAND")
    assert [a.name for a in byline.authors] == ["Lê Văn Hùng"] and byline.origin == "CAND"
    assert byline.authors[0].affiliation == "Phòng PC02" and byline.credits == ("Ảnh: Minh Châu",)
    assert titles.clean_title("Bắt giữ đối tượng - Công an tỉnh Đắk Nông") == "Bắt giữ đối tượng"
