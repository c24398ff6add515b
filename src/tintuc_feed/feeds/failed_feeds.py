"""Publishing isolates feeds: one feed that cannot be written never stops the others.

isolate.py leaves out the items a feed cannot hold; a feed whose rendering still fails (a bug in a writer
for that feed's data) used to raise out of the whole publish, so every feed after it, status.json and
index.html kept their old state and the operator saw only a traceback.  Now that feed's previous files stay as
they were (its three files are rendered before any is written), every other feed and page is written, the
error is logged once, and status.json says which feed failed and why (`feed_errors`, and `feed_error` on the
source's entry).  The publish manifest keeps the feed's previous signature and does not record the store as
published, so the next publish renders that feed again.  A file that cannot be written (a full disk, a
read-only folder: atomic.OutputError) is not one feed's problem: it still stops the publish with one line
naming the file, the files already there left as they were (tests/faults/test_fault_errors.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .isolate import REASON_WIDTH, printable

log = logging.getLogger("tintuc_feed.publish")
T = TypeVar("T")


@dataclass(frozen=True)
class FeedFailure:
    """A feed this publish could not write, and why; its previous files are kept."""

    feed_id: str
    reason: str


def rendered_or_failed(failures: list[FeedFailure], feed_id: str, render: Callable[[], T]) -> T | None:
    """render(), or None with the failure appended to `failures` and logged (its files left as they were)."""
    try:
        return render()
    except Exception as exc:  # noqa: BLE001 - whatever one feed's writer raises, the others are still written
        reason = printable(" ".join(f"{type(exc).__name__}: {exc}".split()))[:REASON_WIDTH]
        failures.append(FeedFailure(feed_id, reason))
        log.error("feed %s could not be written, its previous files kept: %s", feed_id, reason)
        return None
