"""A tampered copy of the sample site: article pages carrying what a careless or hostile portal may serve.

Each fault sits on its own article page, so one real crawl (over HTTP on 127.0.0.1) exercises every one,
and the pages left alone (the seed among them) show that nothing else is lost.  Pages are written as
bytes exactly as a server would send them: `&#1;` stays an entity, JSON-LD escapes stay escapes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tintuc_feed.sample_site import site_root

ARTICLES = "tin-tuc-su-kien"
CONTROL_IN_OG_IMAGE = f"{ARTICLES}/truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html"
CONTROL_IN_JSONLD = f"{ARTICLES}/phong-chay-chua-chay-mua-kho-3034.html"
CONTROL_IN_BODY = f"{ARTICLES}/hoi-thao-nghiep-vu-cong-an-xa-3030.html"
HOSTILE_TEXT = f"{ARTICLES}/dam-bao-an-toan-giao-thong-dip-nghi-le-3021.html"
SEED = f"{ARTICLES}/xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html"
UNTOUCHED = f"{ARTICLES}/triet-pha-duong-day-lua-dao-chiem-doat-tai-san-qua-mang-3018.html"

IFRAME_DESCRIPTION = 'Cảnh báo <iframe src=javascript:alert(document.cookie)></iframe> & "mẹo" <b>an toàn</b>'
LONG_TITLE_WORD = "Đảm bảo an toàn "  # repeated to 10,000 characters
LONG_TITLE = (LONG_TITLE_WORD * (10_000 // len(LONG_TITLE_WORD) + 1))[:10_000]


def _head_insert(path: Path, markup: str) -> None:
    html = path.read_text("utf-8")
    path.write_text(html.replace("</head>", markup + "\n</head>", 1), "utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    html = path.read_text("utf-8")
    assert old in html, (path, old)
    path.write_text(html.replace(old, new, 1), "utf-8")


def build_hostile_site(root: Path) -> Path:
    """The sample site copied to root, with the faults above written into its pages; returns root."""
    shutil.copytree(site_root(), root)
    # 1. og:image with a control character as an HTML entity.
    _head_insert(root / CONTROL_IN_OG_IMAGE, '<meta property="og:image" content="/anh/og&#1;image.jpg">')
    # 2. JSON-LD: image with a control character, a headline and an author with a lone surrogate (JSON escapes).
    #    The page's <h1> (which its <title> repeats) is the title; the JSON-LD author is the byline.
    _head_insert(root / CONTROL_IN_JSONLD, '<script type="application/ld+json">{"@context": "https://schema.org",'
                 ' "@type": "NewsArticle", "headline": "Chủ động phòng cháy \\ud800 rừng mùa khô",'
                 ' "author": {"@type": "Person", "name": "Minh \\ud800 Quỳnh"},'
                 ' "image": "/anh/jsonld\\u0001image.jpg", "datePublished": "2023-09-25T08:00:00+07:00"}</script>')
    # 3. The body: an image and a link with a control character, a link to javascript:.
    _replace(root / CONTROL_IN_BODY, "<p>", '<p><img src="/anh/body&#1;image.jpg" alt="Hội thao">'
             '<a href="/tin-tuc-su-kien/khac&#1;bai.html">Xem thêm</a> <a href="javascript:alert(1)">bấm</a> ')
    # 4. Markup in the meta description, a 10,000-character title.
    _head_insert(root / HOSTILE_TEXT, f'<meta name="description" content="{_attr(IFRAME_DESCRIPTION)}">')
    _replace(root / HOSTILE_TEXT, "Đảm bảo an toàn giao thông dịp nghỉ lễ Quốc khánh 2/9</h1>", f"{LONG_TITLE}</h1>")
    return root


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
