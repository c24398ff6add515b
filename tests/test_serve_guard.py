"""serve_guard.coalesce_ranges, a row per case (the real server is asked in tests/faults/test_fault_serve.py)."""

from __future__ import annotations

import pytest

from tintuc_feed.serve_guard import MAX_PARTS, coalesce_ranges

ROWS = [
    # (parsed ranges, file size, expected)
    ([(0, 9)], 100, [(0, 9)]),
    ([(0, None)] * 300, 100, [(0, 99)]),  # the same range asked 300 times: one part
    ([(i, i) for i in range(600)], 1000, [(0, 599)]),  # adjacent: merged
    ([(50, 59), (0, 9), (5, 14)], 100, [(0, 14), (50, 59)]),  # sorted, overlapping merged
    ([(None, 5)], 100, [(95, 99)]),  # a suffix
    ([(None, 500)], 100, [(0, 99)]),  # a suffix longer than the file
    ([(90, 500)], 100, [(90, 99)]),  # an end past the file is cut
    ([(100, 200), (None, 0)], 100, []),  # nothing inside the file: 416
    ([(0, 0)], 0, []),  # an empty file
    ([(2 * i, 2 * i) for i in range(MAX_PARTS)], 100, [(2 * i, 2 * i) for i in range(MAX_PARTS)]),
    ([(2 * i, 2 * i) for i in range(MAX_PARTS + 1)], 100, None),  # too many parts: the whole file, 200
    ([(2 * i, 2 * i) for i in range(600)], 10_000, None),
]


@pytest.mark.parametrize(("ranges", "size", "expected"), ROWS)
def test_coalesce_ranges(ranges, size, expected):
    assert coalesce_ranges(ranges, size) == expected
