"""Normalization: text, dates, bylines, titles and province names.

Pure functions over strings; nothing happens at import time.
"""

from tintuc_feed.normalize.authors import Byline, looks_like_byline, parse_byline
from tintuc_feed.normalize.dates import (
    ParsedDate,
    find_date_line,
    is_date_line,
    is_plausible,
    parse_date,
    pick_published,
)
from tintuc_feed.normalize.provinces import PROVINCES, Province, ProvinceMatch, province_names, resolve_province
from tintuc_feed.normalize.text import fold_key, normalize_block, normalize_text, remove_illegal_xml_chars
from tintuc_feed.normalize.titles import clean_title

__all__ = [
    "PROVINCES",
    "Byline",
    "ParsedDate",
    "Province",
    "ProvinceMatch",
    "clean_title",
    "find_date_line",
    "fold_key",
    "is_date_line",
    "is_plausible",
    "looks_like_byline",
    "normalize_block",
    "normalize_text",
    "parse_byline",
    "parse_date",
    "pick_published",
    "province_names",
    "remove_illegal_xml_chars",
    "resolve_province",
]
