"""The real-page corpus (tests/fixtures/real): loading and per-field checks.

Each case is a folder holding input.html (a page saved by someone else, copied
from a public repository as data) and meta.json: the page's URL, where the copy
came from (repository, path, commit) and the expected fields, written by
reading the page.  A check returns None when the field is right, else a short
message saying what came out instead.  benchmarks/bench_real.py scores the
same corpus with the same rules.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).parent / "fixtures" / "real"
FIELDS = ("title", "published_day", "authors", "body_start", "body_end", "must", "must_not")

# body_start must begin within this many characters of the body text (a lead
# or a caption may come first); body_end may be followed by this many (a
# byline, a "Theo ..." line).
START_WINDOW = 600
END_WINDOW = 300


@dataclass(frozen=True)
class Case:
    name: str
    url: str
    html_path: Path
    expected: dict
    provenance: dict


def cases() -> list[Case]:
    out = []
    for folder in sorted(p for p in REAL.iterdir() if p.is_dir()):
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        out.append(Case(folder.name, meta["url"], folder / "input.html", meta["expected"], meta["provenance"]))
    return out


def norm(text: str | None) -> str:
    """NFC, no-break spaces as spaces, whitespace runs collapsed."""
    text = unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Reading:
    """What one extractor gave for a page, in the form the checks compare."""

    title: str | None
    day: str | None  # YYYY-MM-DD in the page's own zone, or None
    authors: tuple[str, ...] | None  # None: the tool does not report authors
    body: str | None


def check(field: str, expected: dict, got: Reading) -> str | None:
    want = expected[field]
    if field == "title":
        return None if norm(got.title) == norm(want) else f"title {got.title!r}"
    if field == "published_day":
        allowed = want if isinstance(want, list) else [want]
        return None if got.day in allowed else f"day {got.day!r}"
    if field == "authors":
        names = [norm(a) for a in got.authors or ()]
        return None if names == [norm(a) for a in want] else f"authors {names!r}"
    body = norm(got.body)
    if field == "body_start":
        at = body.find(norm(want))
        return None if 0 <= at <= START_WINDOW else f"body_start at {at}: {body[:120]!r}"
    if field == "body_end":
        at = body.rfind(norm(want))
        tail = len(body) - (at + len(norm(want))) if at >= 0 else -1
        return None if 0 <= tail <= END_WINDOW else f"body_end tail {tail}: {body[-120:]!r}"
    if field == "must":
        missing = [s for s in want if norm(s) not in body]
        return f"missing {missing!r}" if missing else None
    if field == "must_not":
        present = [s for s in want if norm(s) in body]
        return f"present {present!r}" if present else None
    raise ValueError(field)
