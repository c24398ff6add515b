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


# When each kind of fixture is published: wanted notices first, their withdrawals after.
KIND_START = {"wanted": (2024, 1, 1), "withdrawal": (2025, 2, 1), "fraud": (2025, 3, 1), "appeal": (2025, 4, 1),
              "story": (2025, 5, 1)}


def fixture_articles():
    """Every fixture as a normalized Article, as the crawler would store it (one source, dated by kind)."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from tintuc_feed.model import Article

    vn = ZoneInfo("Asia/Ho_Chi_Minh")
    articles = []
    for kind in FILES:
        for index, case in enumerate(load(kind)):
            published = datetime(*KIND_START[kind], 8, 0, tzinfo=vn) + timedelta(days=index)
            articles.append(Article(
                url=f"https://congan.example.gov.vn/thong-bao/{case['id']}.html", source_id="thongbao-site",
                title=case["title"], title_raw=case["title"], content_html=content_html(case),
                content_text=case["text"], published=published, published_raw=published.strftime("%d/%m/%Y"),
                date_precision="datetime", province="Lâm Đồng"))
    return articles
