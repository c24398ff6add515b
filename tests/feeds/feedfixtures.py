"""Realistic inputs for the publishing tests: sources, stored articles, health."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from tintuc_feed.feeds import Topic
from tintuc_feed.model import Article, Author, SourceHealth, StoredArticle
from tintuc_feed.sanitize import html_to_text, sanitize_html
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BASE_URL = "http://127.0.0.1:8080/"
REPO = Path(__file__).resolve().parents[2]
PROJECT_SCHEMAS = REPO / "src" / "tintuc_feed" / "schemas"
# The official JSON Feed 1.1 schema (Jakob Krigovsky's, ISC licence beside it), kept in the repository so the
# check runs on every clone.
JSONFEED_SCHEMA = REPO / "tests" / "fixtures" / "schemas" / "jsonfeed-1.1.schema.json"

LAM_DONG = Source(
    id="lam-dong", name="Công an tỉnh Lâm Đồng", list_urls=("https://congan.lamdong.gov.vn/tin-tuc",),
    article_url_pattern=r"/tin-tuc/", province="Lâm Đồng",
)
DAK_NONG = Source(
    id="dak-nong", name="Công an tỉnh Đắk Nông (cũ)", list_urls=("https://congan.daknong.gov.vn/tin-tuc",),
    article_url_pattern=r"/tin-tuc/", province="Lâm Đồng", former_province="Đắk Nông",
)
HA_NOI = Source(
    id="ha-noi", name="Công an Thành phố Hà Nội", list_urls=("https://congan.hanoi.gov.vn/tin-tuc",),
    article_url_pattern=r"/tin-tuc/", province="Hà Nội", site_url="https://congan.hanoi.gov.vn/",
)
SOURCES = (LAM_DONG, DAK_NONG, HA_NOI)
TOPICS = (Topic(id="ma-tuy", name="Ma túy", include=("ma túy",), exclude=("tuyên truyền",)),)

BODY = """
<p>Ngày 1/6/2023, Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt, triển khai thực hiện Quyết định
89-QĐ-TU của Ban Thường vụ Tỉnh ủy Đắk Nông phê duyệt Đề án “Đẩy mạnh xây dựng lực lượng Công an tỉnh
Đắk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ và hiện đại”.</p>
<figure><img data-src="/uploads/2023/06/hoi-nghi.jpg" src="/images/blank.gif" alt="Toàn cảnh"><figcaption>
<em>Toàn cảnh Hội nghị</em></figcaption></figure>
<p style="text-align:justify" onclick="track()">Phát biểu tại hội nghị, Đại tá Bùi Quang Thanh, Giám đốc
Công an tỉnh nhấn mạnh ý nghĩa của Nghị quyết 12 của Bộ Chính trị.</p>
<script>window.ads = 1</script>
"""


def stored(
    n: int,
    source: Source,
    title: str,
    *,
    day: int,
    hour: int = 8,
    body: str = BODY,
    authors: tuple[Author, ...] = (Author("Minh Quỳnh", "PV Minh Quỳnh"),),
    guid: str | None = None,
    former_province: str | None = None,
    image: str | None = None,
    updated_delta: timedelta = timedelta(hours=1),
) -> StoredArticle:
    url = f"{source.home.rstrip('/')}/tin-tuc/bai-{n}.html"
    html = sanitize_html(body, url)
    published = datetime(2025, 7, day, hour, 30, tzinfo=VN)
    article = Article(
        url=url, source_id=source.id, title=title, title_raw=f"  {title} ", content_html=html,
        content_text=html_to_text(html), published=published, published_raw=f"{day:02d}/07/2025 {hour:02d}:30",
        published_origin="text", date_precision="datetime", authors=authors, byline_raw="PV Minh Quỳnh",
        credits=("Ảnh: Bá Hiển",), summary=f"Tóm tắt: {title}", image=image, tags=("An ninh trật tự",),
        province=source.province, former_province=former_province or source.former_province,
    )
    return StoredArticle(article=article, guid=guid or url, first_seen=published + timedelta(minutes=5),
                         updated=published + updated_delta)


def make_articles() -> list[StoredArticle]:
    return [
        stored(1, LAM_DONG, "Triệt phá đường dây mua bán ma túy xuyên tỉnh", day=3, hour=9,
               image="https://congan.lamdong.gov.vn/uploads/ma-tuy.jpg"),
        stored(2, LAM_DONG, "Công an Lâm Đồng tuyên truyền phòng chống ma túy trong trường học", day=2,
               guid="urn:tintuc:lam-dong:2"),
        stored(3, DAK_NONG, "Xây dựng lực lượng Công an tỉnh Đắk Nông trong sạch, vững mạnh", day=1, hour=7,
               authors=(Author("Minh Quỳnh", "Minh Quỳnh"), Author("Bá Hiển", "Bá Hiển", "Phòng PV01"))),
        stored(4, HA_NOI, "Hà Nội: bắt đối tượng trộm cắp xe máy <b>tại</b> Cầu Giấy & Đống Đa", day=3, hour=7,
               authors=()),
        stored(5, HA_NOI, "Bắt giữ 3 đối tượng vận chuyển Ma Tuý tổng hợp", day=2, hour=20),
    ]


def make_health() -> dict[str, SourceHealth]:
    return {
        "lam-dong": SourceHealth("lam-dong", last_attempt=datetime(2025, 7, 3, 10, tzinfo=VN),
                                 last_success=datetime(2025, 7, 3, 10, tzinfo=VN), articles_last_7d=2,
                                 newest_published=datetime(2025, 7, 3, 9, 30, tzinfo=VN), last_found=20, last_new=1),
        "dak-nong": SourceHealth("dak-nong", last_attempt=datetime(2025, 7, 3, 10, tzinfo=VN),
                                 last_success=datetime(2025, 6, 30, 10, tzinfo=VN), last_error="HTTP 503 <gateway>",
                                 consecutive_failures=4, articles_last_7d=1, flagged="4 lần thu thập lỗi liên tiếp"),
    }


@pytest.fixture
def articles() -> list[StoredArticle]:
    return make_articles()


@pytest.fixture
def health() -> dict[str, SourceHealth]:
    return make_health()


@pytest.fixture
def published(tmp_path, articles, health):
    """An output directory written by publish(), and its report."""
    from tintuc_feed.feeds import publish

    out = tmp_path / "out"
    report = publish(out, SOURCES, articles, health, base_url=BASE_URL, topics=TOPICS)
    return out, report


def load_schema(name: str) -> dict:
    return json.loads((PROJECT_SCHEMAS / name).read_text("utf-8"))


def validate(document: object, schema: dict) -> None:
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator_class(schema, format_checker=validator_class.FORMAT_CHECKER).validate(document)
