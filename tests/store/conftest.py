from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed.model import Article, Author
from tintuc_feed.store import Store

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2025, 7, 10, 8, 0, tzinfo=TZ)

BODY = (
    "Ngày 9/7, Công an tỉnh Thanh Hóa cho biết đã bắt giữ đối tượng Nguyễn Văn A về hành vi lừa đảo "
    "chiếm đoạt tài sản qua mạng xã hội.\n\nTheo cơ quan điều tra, đối tượng giả danh cán bộ ngân hàng, "
    "gọi điện yêu cầu người dân cung cấp mã OTP rồi chiếm đoạt hơn 500 triệu đồng của nhiều bị hại."
)


def make_article(**changes) -> Article:
    base = Article(
        url="https://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/",
        source_id="cand",
        title="Bắt đối tượng lừa đảo chiếm đoạt 500 triệu đồng",
        title_raw="Bắt đối tượng lừa đảo chiếm đoạt 500 triệu đồng - Báo Công an Nhân dân",
        content_html="<p>" + BODY.replace("\n\n", "</p><p>") + "</p>",
        content_text=BODY,
        published=datetime(2025, 7, 9, 14, 19, tzinfo=TZ),
        published_raw="14:19 09/07/2025",
        published_origin="meta",
        date_precision="datetime",
        authors=(Author(name="Hoàng Anh", name_raw="Hoàng Anh"),),
        byline_raw="Hoàng Anh",
        credits=("Ảnh: CAND",),
        tags=("lừa đảo", "Thanh Hóa"),
        province="Thanh Hóa",
    )
    return dataclasses.replace(base, **changes)


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_location(request, tmp_path):
    """Where a store lives, once per backend: an SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_location):
    with Store(store_location) as s:
        yield s


@pytest.fixture
def sqlite_store(tmp_path):
    """For what only SQLite has (PRAGMAs, EXPLAIN QUERY PLAN)."""
    with Store(tmp_path / "store.sqlite") as s:
        yield s
