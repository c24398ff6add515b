"""The generic reader on real pages nobody here wrote, field by field.

Each (page, field) is one test: the page is read as `tintuc-feed extract URL
--html FILE` reads it, and the field is compared with what the page says
(tests/fixtures/real/*/meta.json, written by reading the page).  Fields the
reader still gets wrong are listed in tests/fixtures/real/baseline.json with
what came out; they are expected failures that must keep failing (strict):
when one is fixed the test fails until its line is removed, so the list only
shrinks and every fix is counted.  After adding pages, the file is rewritten
from the fields that fail now with

    TINTUC_BASELINE_WRITE=1 .venv/bin/pytest -q tests/test_real_pages.py

and its diff read: only the new pages' fields (or a field a change fixed) may move.
"""

from __future__ import annotations

import functools
import json
import os
from datetime import datetime

import pytest
from real_pages import FIELDS, REAL, Reading, cases, check

from tintuc_feed.extract import ExtractError, extract_to_json

CASES = {c.name: c for c in cases()}


@functools.cache
def reading(name: str) -> Reading:
    case = CASES[name]
    try:
        record = extract_to_json(case.url, sources_file=None, source_id=None, html_file=str(case.html_path))
    except ExtractError:
        return Reading(None, None, (), None)
    published = record.get("published")
    day = datetime.fromisoformat(published).date().isoformat() if published else None
    return Reading(
        record.get("title"), day, tuple(a["name"] for a in record.get("authors", ())), record.get("content_text")
    )


def failures() -> dict[str, str]:
    """Every (page, field) wrong now, keyed as in baseline.json, with what came out."""
    found = ((f"{n}/{f}", check(f, CASES[n].expected, reading(n))) for n in CASES for f in FIELDS)
    return {key: message for key, message in found if message is not None}


if os.environ.get("TINTUC_BASELINE_WRITE") == "1":
    (REAL / "baseline.json").write_text(json.dumps(failures(), ensure_ascii=False, indent=1) + "\n", "utf-8")
BASELINE = json.loads((REAL / "baseline.json").read_text("utf-8"))


@pytest.mark.parametrize(("name", "field"), [(n, f) for n in CASES for f in FIELDS])
def test_field(name, field):
    failure = check(field, CASES[name].expected, reading(name))
    key = f"{name}/{field}"
    if key in BASELINE:
        assert failure is not None, f"{key} is right now: remove it from tests/fixtures/real/baseline.json"
        pytest.xfail(failure)
    assert failure is None, failure


def test_corpus_is_described():
    """Every page has its provenance and every expected field; the baseline names only real cases."""
    assert len(CASES) >= 40  # issue 13: at least 40 pages from at least 15 sites
    hosts = {c.url.split("/")[2].removeprefix("www.") for c in CASES.values()}
    assert len(hosts) >= 15
    for case in CASES.values():
        assert {"repository", "path", "commit"} <= set(case.provenance), case.name
        assert len(case.provenance["commit"]) == 40, case.name
        assert set(FIELDS) <= set(case.expected), case.name
        assert case.html_path.stat().st_size > 1000, case.name
    for key in BASELINE:
        name, field = key.split("/")
        assert name in CASES and field in FIELDS, key
