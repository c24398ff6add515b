"""The seed in other portals' layouts: the generic family must read each one exactly.

The pages are built here from the seed's own text (../shared/seeds), so each
case differs from the others only in markup: where the title, the date line,
the byline and the sidebar sit, and what names them.
"""

from __future__ import annotations

import html
import json
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from support import SEED_FILE

from tintuc_feed import families
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SOURCE = Source(id="x", name="Công an tỉnh Đắk Nông", list_urls=("https://congan.daknong.gov.vn/",),
                article_url_pattern=".", province="Đắk Nông")
BYLINE = "Minh Quỳnh - Bá Hiển - Quang Khải"
SIDEBAR = ("Tìm kiếm", "Tin tức - Sự kiện", "Liên kết website")


def seed_parts():
    lines = SEED_FILE.read_text("utf-8").split("\n")
    body = [line for line in lines[3:] if line.strip()]
    return lines[0], lines[2], body[: body.index(BYLINE)]


def expected_paragraphs():
    return [unicodedata.normalize("NFC", p.replace("\xa0", " ")).strip() for p in seed_parts()[2]]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def paragraphs(tag: str = "p") -> str:
    return "".join(f"<{tag}>{e(p)}</{tag}>\n" for p in seed_parts()[2])


def sidebar_h3() -> str:
    return "".join(f"<h3>{s}</h3>" for s in SIDEBAR)


def layouts() -> dict[str, str]:
    title, date, body = seed_parts()
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                         "datePublished": "2023-06-02T08:00:00+07:00",
                         "author": [{"@type": "Person", "name": n} for n in ("Minh Quỳnh", "Bá Hiển", "Quang Khải")]},
                        ensure_ascii=False)
    return {
        "sidebar inside the body's parent": f"<html><head><title>{e(title)}</title></head><body><div class='main'>"
        f"<h1>{e(title)}</h1><p>{date}</p>{paragraphs()}<p>{BYLINE}</p>{sidebar_h3()}</div></body></html>",
        "date span, named content, sidebar div": f"<html><head><title>{e(title)} | Cổng thông tin điện tử Công an "
        f"tỉnh Đắk Nông</title></head><body><div class='left'><h1 class='title'>{e(title)}</h1><span class='date'>"
        f"{date}</span><div class='article-content'>{paragraphs()}<p style='text-align:right'><strong>{BYLINE}"
        f"</strong></p></div></div><div class='sidebar'>{sidebar_h3()}<select><option>BCA</option></select></div>"
        "</body></html>",
        "author element after the body": f"<html><body><h1>{e(title)}</h1><div class='time'>{date}</div>"
        f"<div class='detail'>{paragraphs()}</div><div class='author'>{BYLINE}</div>"
        + "".join(f"<div class='box'><div class='box-title'>{s}</div></div>" for s in SIDEBAR) + "</body></html>",
        "json-ld and a byline line": f"<html><head><script type='application/ld+json'>{jsonld}</script></head><body>"
        f"<article><h1>{e(title)}</h1><time datetime='2023-06-02T08:00:00+07:00'>{date}</time>{paragraphs()}"
        f"<p>{BYLINE}</p></article><aside>{sidebar_h3()}</aside></body></html>",
        "h2 title, divs, no <title>": f"<html><body><div class='news-detail'><h2 class='news-title'>{e(title)}</h2>"
        f"<div class='news-date'>Ngày đăng: {date}</div><div class='news-body'><div>{e(body[0])}</div>"
        f"<div style='text-align:center'><img src='/a.jpg'><br><i>{e(body[1])}</i></div>"
        + "".join(f"<div>{e(p)}</div>" for p in body[2:])
        + f"<div style='text-align:right'><b>{BYLINE}</b></div></div></div>"
        + "".join(f"<div class='box'><div class='box-head'>{s}</div></div>" for s in SIDEBAR) + "</body></html>",
        "logo h1, og:title with suffix, h2 title": f"<html><head><meta property='og:title' content='{e(title)} - "
        f"Công an tỉnh Đắk Nông'></head><body><header><h1 class='logo'>Công an tỉnh Đắk Nông</h1></header><main>"
        f"<h2>{e(title)}</h2><p class='meta'>Thứ Sáu, {date} - 08:30</p>{paragraphs()}<p>{BYLINE}</p></main>"
        f"<footer>{' '.join(SIDEBAR)}</footer></body></html>",
        "br-separated text, bold title": f"<html><body><div id='content'><b>{e(title)}</b><br><br>{date}<br>"
        + "<br>".join(e(p) for p in body) + f"<br>{BYLINE}<br></div><div id='right'>" + "<br>".join(SIDEBAR)
        + "</div></body></html>",
    }


@pytest.fixture(scope="module", params=list(layouts()))
def article(request):
    page = layouts()[request.param]
    raw = families.extract_article(SOURCE, "https://congan.daknong.gov.vn/tin-tuc/a-1.html", page)
    return normalize_article(raw, SOURCE, fetched_at=datetime(2026, 1, 1, tzinfo=VN))


def test_title(article):
    assert article.title == seed_parts()[0]


def test_published_day(article):
    assert article.published.date().isoformat() == "2023-06-02"


def test_authors(article):
    assert [a.name for a in article.authors] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]


def test_body_is_exactly_the_paragraphs_and_caption(article):
    assert article.content_text.split("\n\n") == expected_paragraphs()
