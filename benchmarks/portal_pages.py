"""Full-size portal pages, generated deterministically: the sample site's articles inside 50-250 KB of chrome.

A provincial portal's article page is a few KB of article inside a mega menu,
sidebars of latest/most-read news with thumbnails and dates, banners, a poll,
inline scripts (analytics, a menu JSON blob, chat widgets), style blocks and a
footer link farm to every unit.  `portal_page(article_html, size_kb, seed)`
wraps one of src/tintuc_feed/sample_site's articles in that much of it, with
the same random.Random(seed) every time: the same bytes on every machine.

    python benchmarks/portal_pages.py OUTDIR     writes them, to look at
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "src" / "tintuc_feed" / "sample_site" / "tin-tuc-su-kien").glob("*-[0-9]*.html"))
SIZES_KB = (50, 100, 150, 200, 250)

WORDS = ("công an", "tỉnh", "huyện", "xã", "triển khai", "kế hoạch", "bảo đảm", "an ninh", "trật tự", "giao thông",
         "phòng cháy", "chữa cháy", "tội phạm", "ma túy", "lừa đảo", "mạng xã hội", "hội nghị", "tổng kết", "năm",
         "cao điểm", "tuyên truyền", "pháp luật", "nhân dân", "lực lượng", "chiến sĩ", "khen thưởng", "điều tra",
         "bắt giữ", "đối tượng", "vụ án", "thanh niên", "học sinh", "đoàn viên", "phong trào", "toàn dân",
         "bảo vệ", "Tổ quốc", "cải cách", "hành chính", "định danh", "điện tử", "căn cước", "cư trú", "biên giới")
SECTIONS = ("Tin tức - Sự kiện", "An ninh trật tự", "Phòng chống tội phạm", "Cải cách hành chính", "Văn bản",
            "Hỏi đáp", "Gương người tốt", "Xây dựng Đảng", "Giao thông", "Phòng cháy chữa cháy", "Video", "Ảnh")
UNITS = ("Phòng Tham mưu", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát kinh tế", "Phòng Cảnh sát giao thông",
         "Phòng An ninh chính trị nội bộ", "Phòng Quản lý hành chính về trật tự xã hội", "Công an huyện Cư Jút",
         "Công an huyện Đắk Mil", "Công an huyện Krông Nô", "Công an huyện Đắk Song", "Công an thành phố Gia Nghĩa")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def _slug(rng: random.Random) -> str:
    return "-".join(rng.choice(("tin", "an-ninh", "xa", "huyen", "cong-an", "bao-dam", "ke-hoach")) for _ in range(5))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2023)} {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"


def mega_menu(rng: random.Random) -> str:
    columns = "".join(
        f'<li class="menu-item has-sub"><a href="/{_slug(rng)}/">{section}</a><ul class="sub-menu">'
        + "".join(f'<li class="menu-item"><a href="/{_slug(rng)}/">{_sentence(rng, 3)}</a></li>' for _ in range(12))
        + "</ul></li>" for section in SECTIONS)
    return (f'<header class="site-header"><div class="header-top"><span class="clock">Thứ Hai, {_date(rng)}</span>'
            f'<a class="login" href="/dang-nhap">Đăng nhập</a></div><nav class="megamenu"><ul class="menu">{columns}'
            "</ul></nav></header>")


def news_widget(rng: random.Random, title: str) -> str:
    items = "".join(
        f'<li class="news-item"><a class="thumb" href="/tin-tuc-su-kien/{_slug(rng)}-{rng.randint(1000, 9999)}.html">'
        f'<img src="/Portals/0/thumbs/{rng.randint(1, 99999)}.jpg" alt="{_sentence(rng, 4)}" width="120" height="80"></a>'
        f'<h4 class="news-title"><a href="/tin-tuc-su-kien/{_slug(rng)}-{rng.randint(1000, 9999)}.html">'
        f'{_sentence(rng, rng.randint(8, 16))}</a></h4><span class="time">{_date(rng)}</span></li>'
        for _ in range(15))
    return f'<div class="box widget"><h3 class="box-title">{title}</h3><ul class="list-news">{items}</ul></div>'


def banner(rng: random.Random) -> str:
    return (f'<div class="banner-ads"><a href="https://quangcao.example.vn/{rng.randint(1, 999)}" rel="nofollow">'
            f'<img src="/Portals/0/banner/{rng.randint(1, 99)}.gif" alt="Quảng cáo"></a></div>')


def poll(rng: random.Random) -> str:
    options = "".join(f'<li><label><input type="radio" name="poll" value="{i}"> {_sentence(rng, 4)}</label></li>'
                      for i in range(5))
    return (f'<div class="box poll"><h3 class="box-title">Thăm dò ý kiến</h3><form action="/poll"><p>'
            f'{_sentence(rng, 10)}?</p><ul>{options}</ul><button type="submit">Bình chọn</button></form></div>')


def inline_script(rng: random.Random) -> str:
    menu = [{"id": rng.randint(1, 9999), "title": _sentence(rng, 3), "url": f"/{_slug(rng)}/",
             "children": [{"id": rng.randint(1, 9999), "title": _sentence(rng, 2)} for _ in range(6)]} for _ in range(12)]
    return (f"<script>window.__PORTAL_MENU__ = {json.dumps(menu, ensure_ascii=False)};"
            "(function(w,d){var s=d.createElement('script');s.async=true;s.src='/js/stat.js?v=" + str(rng.randint(1, 99))
            + "';d.head.appendChild(s);w.dataLayer=w.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            "gtag('js', new Date());})(window,document);</script>")


def style_block(rng: random.Random) -> str:
    rules = "".join(f".w{rng.randint(1, 9999)} .item-{i}{{margin:{i}px;padding:{rng.randint(0, 20)}px;color:#"
                    f"{rng.randint(0, 0xFFFFFF):06x}}}" for i in range(60))
    return f"<style>{rules}</style>"


def footer(rng: random.Random) -> str:
    links = "".join(f'<li><a href="https://{_slug(rng)}.example.gov.vn/">{rng.choice(UNITS)} {_sentence(rng, 2)}</a></li>'
                    for _ in range(120))
    return (f'<footer class="site-footer"><div class="footer-links"><h4>Liên kết</h4><ul>{links}</ul></div>'
            '<div class="copyright">© Cổng thông tin điện tử Công an tỉnh Đắk Nông. Ghi rõ nguồn khi phát hành lại '
            'thông tin từ website này.</div></footer>')


def portal_page(article_html: str, size_kb: int, seed: int) -> str:
    """The article page with chrome added until it is about size_kb kilobytes (UTF-8)."""
    rng = random.Random(seed)
    head = [inline_script(rng), style_block(rng)]
    top = [mega_menu(rng)]
    side: list[str] = []
    bottom = [footer(rng), inline_script(rng)]
    makers = [lambda: news_widget(rng, "Tin mới nhất"), lambda: banner(rng), lambda: news_widget(rng, "Đọc nhiều"),
              lambda: poll(rng), lambda: inline_script(rng), lambda: style_block(rng),
              lambda: news_widget(rng, "Tin liên quan"), lambda: footer(rng)]
    page = _assemble(article_html, head, top, side, bottom)
    turn = 0
    while len(page.encode("utf-8")) < size_kb * 1024:
        piece = makers[turn % len(makers)]()
        (head if "<script" in piece[:8] or "<style" in piece[:7] else bottom if "<footer" in piece[:8]
         else side).append(piece)
        turn += 1
        page = _assemble(article_html, head, top, side, bottom)
    return page


def _assemble(article_html: str, head: list[str], top: list[str], side: list[str], bottom: list[str]) -> str:
    page = article_html.replace("</head>", "".join(head) + "</head>", 1)
    page = page.replace("<body>", "<body>" + "".join(top), 1)
    page = page.replace('<div class="col-right">', '<div class="col-right">' + "".join(side), 1)
    return page.replace("</body>", "".join(bottom) + "</body>", 1)


def pages() -> list[tuple[str, str, str]]:
    """(name, url, html) for every sample article at every size."""
    out = []
    for index, path in enumerate(ARTICLES):
        text = path.read_text("utf-8")
        url = "https://congan.daknong.gov.vn/tin-tuc-su-kien/" + path.name
        for size in SIZES_KB:
            out.append((f"{path.stem[:24]}@{size}KB", url, portal_page(text, size, seed=1000 * index + size)))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for name, _, html in pages():
        (target / f"{name}.html").write_text(html, "utf-8")
