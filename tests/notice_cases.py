"""The notice fixtures (tests/fixtures/notices/*.toml), read for the tests and the benchmark."""

from __future__ import annotations

import tomllib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notices"
FILES = {"wanted": "wanted.toml", "withdrawal": "withdrawals.toml", "fraud": "fraud.toml",
         "appeal": "appeals.toml", "story": "stories.toml"}


def load(kind: str) -> list[dict]:
    with (FIXTURES / FILES[kind]).open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    for case in cases:
        case["kind"] = kind
    return cases


def every_case() -> list[dict]:
    return [case for kind in FILES for case in load(kind)]


def content_html(case: dict) -> str:
    """The body as a page would have it: paragraphs, and the case's images."""
    paragraphs = "".join(f"<p>{p}</p>" for p in case["text"].split("\n\n"))
    return paragraphs + "".join(f'<p><img src="{url}" alt=""></p>' for url in case.get("images", []))


def plain(value):
    """A field's JSON with only the values (spans dropped), to compare with a fixture."""
    if isinstance(value, dict) and {"value", "start", "end", "text"} <= value.keys():
        return plain(value["value"])
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
