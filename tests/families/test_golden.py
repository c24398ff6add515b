"""Extraction output on every recorded page equals the committed golden file, field by field.

See golden.py for what is read and how to rewrite the file after an intended change.
"""

from __future__ import annotations

import difflib
import os
import re
from functools import cache

import pytest

from . import golden


@cache
def _actual() -> dict[str, dict]:
    return golden.readings()


if os.environ.get("TINTUC_GOLDEN_WRITE") == "1":
    golden.write()

EXPECTED = golden.load()


def _pieces(value) -> list[str]:
    """A value as lines for a diff: HTML split after each tag, lists one item a line."""
    if isinstance(value, str):
        return re.sub(r"(>)", r"\1\n", value).splitlines() or [""]
    if isinstance(value, list):
        return [repr(item) for item in value]
    return [repr(value)]


def field_diff(name: str, expected, actual) -> str:
    lines = difflib.unified_diff(_pieces(expected), _pieces(actual), "golden", "now", lineterm="", n=2)
    return f"--- field {name!r}\n" + "\n".join(lines)


def test_every_reading_is_in_the_golden_file():
    actual, expected = set(_actual()), set(EXPECTED)
    assert actual == expected, (
        f"readings not in the golden file: {sorted(actual - expected)}; "
        f"golden entries no longer read: {sorted(expected - actual)}"
    )


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_reading_matches_golden(key):
    expected, actual = EXPECTED[key], _actual().get(key)
    assert actual is not None, f"{key} is no longer read"
    names = list(dict.fromkeys([*expected, *actual]))
    diffs = [field_diff(n, expected.get(n), actual.get(n)) for n in names if expected.get(n) != actual.get(n)]
    assert not diffs, f"{key}: {len(diffs)} field(s) changed\n" + "\n".join(diffs)


def test_golden_file_is_deterministic():
    assert golden.dumps(golden.load()) == golden.GOLDEN.read_text("utf-8")
