"""byline_names._strip_prefixes and _strip_leads (clean_name) look the name's first folded words up in tables (issue 10: a
byline's names are cleaned on every candidate line); here beside the loops over the rows they replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.normalize import byline_names
from tintuc_feed.normalize.byline_tables import BYLINE_LEADS, HONORIFICS, RANKS
from tintuc_feed.normalize.text import fold_key


def strip_prefixes_before(name: str) -> str:
    changed = True
    while changed:
        changed = False
        words = name.split()
        heads: dict[int, str] = {}
        for n, key in byline_names._prefix_keys():
            if len(words) <= n:
                continue
            if n not in heads:
                heads[n] = fold_key(" ".join(words[:n]))
            if heads[n] == key:
                name, changed = " ".join(words[n:]), True
                break
    return name


def strip_leads_before(name: str) -> str:
    words = name.split()
    keys = [fold_key(w).strip() for w in words]
    for lead in byline_names._LEAD_KEYS:
        if tuple(keys[: len(lead)]) == lead:
            return " ".join(words[len(lead):])
    return name


WORDS = st.sampled_from([*RANKS, *HONORIFICS, *BYLINE_LEADS, *(w.upper() for w in RANKS), *(w.title() for w in BYLINE_LEADS),
                         "Nguyễn", "Văn", "An", "Trần Minh", "Đại", "úy", "uý", "Thượng", "tá", "by", "BY", "all", "posts",
                         "von", "-", ".", "Đăng", "bởi", "Viết", "", " ", "\xa0"])


@settings(max_examples=2000)
@given(st.lists(WORDS, max_size=7).map(" ".join))
def test_tables_strip_as_the_row_loops_did(name):
    assert byline_names._strip_prefixes(name) == strip_prefixes_before(name)
    assert byline_names._strip_leads(name) == strip_leads_before(name)


def test_every_row_alone_and_before_a_name():
    for row in (*RANKS, *HONORIFICS, *BYLINE_LEADS):
        for name in (row, f"{row} Nguyễn Văn An", f"{row.upper()} {row} Trần Minh", f"Trần {row}"):
            assert byline_names._strip_prefixes(name) == strip_prefixes_before(name)
            assert byline_names._strip_leads(name) == strip_leads_before(name)
