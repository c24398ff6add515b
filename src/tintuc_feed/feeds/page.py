"""index.html: the page a person opens to find feeds and see which sources work.

Plain HTML with inline CSS, no JavaScript.  Every value from a site or the
configuration is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from html import escape

from ..model import SourceHealth, StoredArticle
from ..sources import Source
from .common import Feed, in_vn, published_of
from .opml import grouped
from .plan import SITE_NAME

HEADLINES = 30
STALE_AFTER = timedelta(days=2)
CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2327;background:#f6f7f7}
header,main,footer{max-width:64rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}h1{margin:.2rem 0;font-size:1.7rem}h2{margin-top:2rem;border-bottom:2px solid #c3c4c7}
section.group{background:#fff;border:1px solid #dcdcde;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-top:1px solid #eee;
vertical-align:top}th{font-size:.85rem;color:#50575e}.subscribe a{margin-right:.4rem;font-size:.85rem}
.ok{color:#00753a}.flag{color:#b32d2e;font-weight:600}.muted{color:#646970;font-size:.9rem}
ol.news li{margin:.3rem 0}a{color:#2271b1}a:hover{color:#135e96}
@media (prefers-color-scheme:dark){body{background:#1d2327;color:#f0f0f1}section.group{background:#2c3338;
border-color:#50575e}a{color:#72aee6}th{color:#c3c4c7}}
"""


def render_index(
    feeds: Sequence[Feed],
    sources: Sequence[Source],
    health: Mapping[str, SourceHealth],
    headlines: Sequence[StoredArticle],
    *,
    base_url: str,
    generated_at: datetime,
) -> bytes:
    by_source = {source.id: source for source in sources}
    parts = [_head(), _header(generated_at, health), "<main>"]
    parts.append(_headlines(headlines[:HEADLINES], by_source))
    parts.append("<h2>Nguồn tin theo tỉnh, thành</h2>")
    parts += [_group(name, members, by_source, health, generated_at) for name, members in grouped(feeds)]
    parts.append("</main>")
    parts.append(_footer())
    return "\n".join(parts).encode("utf-8")


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(SITE_NAME)}</title>\n"
        '<link rel="alternate" type="application/rss+xml" title="Tất cả các nguồn (RSS)" href="rss/all.xml">\n'
        '<link rel="alternate" type="application/atom+xml" title="Tất cả các nguồn (Atom)" href="atom/all.xml">\n'
        '<link rel="alternate" type="application/feed+json" title="Tất cả các nguồn (JSON)" href="json/all.json">\n'
        f"<style>{CSS}</style>\n</head>\n<body>"
    )


def _header(generated_at: datetime, health: Mapping[str, SourceHealth]) -> str:
    flagged = sum(1 for h in health.values() if h.flagged)
    note = f'<span class="flag">{flagged} nguồn cần kiểm tra</span>' if flagged else '<span class="ok">mọi nguồn ổn</span>'
    return (
        f"<header><h1>{escape(SITE_NAME)}</h1>"
        '<p>Tin tức từ các trang Công an tỉnh, thành, dưới dạng RSS, Atom và JSON Feed. '
        'Nhập <a href="feeds.opml">feeds.opml</a> vào trình đọc tin để theo dõi tất cả.</p>'
        f'<p class="muted">Cập nhật {_when(generated_at)} · {note} · '
        '<a href="status.json">status.json</a> · <a href="articles.jsonl">articles.jsonl</a></p></header>'
    )


def _headlines(items: Sequence[StoredArticle], by_source: Mapping[str, Source]) -> str:
    if not items:
        return "<h2>Tin mới nhất</h2><p class=\"muted\">Chưa có bài nào.</p>"
    rows = [_headline(item, by_source) for item in items]
    return "<h2>Tin mới nhất</h2><ol class=\"news\">" + "".join(rows) + "</ol>"


def _headline(item: StoredArticle, by_source: Mapping[str, Source]) -> str:
    article = item.article
    source = by_source.get(article.source_id)
    where = source.name if source else article.source_id
    return (
        f'<li><a href="{escape(article.url)}">{escape(article.title)}</a> '
        f'<span class="muted">— {escape(where)}, {_when(published_of(item))}</span></li>'
    )


def _group(
    name: str,
    feeds: Sequence[Feed],
    by_source: Mapping[str, Source],
    health: Mapping[str, SourceHealth],
    now: datetime,
) -> str:
    rows = [_feed_row(feed, by_source, health, now) for feed in feeds]
    anchor = f' id="{escape(feeds[0].id)}"' if feeds and feeds[0].kind == "province" else ""
    return (
        f'<section class="group"{anchor}><h3>{escape(name)}</h3><table>'
        "<tr><th>Nguồn</th><th>Theo dõi</th><th>Thành công cuối</th><th>7 ngày</th><th>Tình trạng</th></tr>"
        + "".join(rows) + "</table></section>"
    )


def _feed_row(feed: Feed, by_source: Mapping[str, Source], health: Mapping[str, SourceHealth], now: datetime) -> str:
    source = by_source.get(feed.id) if feed.kind == "source" else None
    anchor = f' id="source-{escape(feed.id)}"' if source else f' id="{escape(feed.id)}"'
    title = f'<a href="{escape(feed.links.home)}">{escape(feed.title)}</a>'
    if source is None:
        count = len(feed.items)
        return f"<tr{anchor}><td>{title}</td><td>{_subscribe(feed)}</td><td></td><td></td>" \
               f'<td class="muted">{count} bài</td></tr>'
    h = health.get(source.id)
    return (
        f"<tr{anchor}><td>{title}</td><td>{_subscribe(feed)}</td>"
        f"<td>{_when(h.last_success) if h else 'chưa chạy'}</td>"
        f"<td>{h.articles_last_7d if h else 0}</td><td>{_state(h, now)}</td></tr>"
    )


def _subscribe(feed: Feed) -> str:
    links = (("RSS", feed.links.rss), ("Atom", feed.links.atom), ("JSON", feed.links.json))
    return '<span class="subscribe">' + "".join(f'<a href="{escape(u)}">{n}</a>' for n, u in links) + "</span>"


def _state(health: SourceHealth | None, now: datetime) -> str:
    if health is None:
        return '<span class="muted">chưa có dữ liệu</span>'
    parts = []
    if health.flagged:
        parts.append(f'<span class="flag">⚠ {escape(health.flagged)}</span>')
    if health.last_error:
        parts.append(f'<span class="muted">Lỗi gần nhất: {escape(health.last_error)}</span>')
    if not parts:
        stale = health.last_success is None or in_vn(now) - in_vn(health.last_success) > STALE_AFTER
        parts.append('<span class="muted">chưa cập nhật gần đây</span>' if stale else '<span class="ok">ổn</span>')
    return "<br>".join(parts)


def _footer() -> str:
    return (
        '<footer><p class="muted">Tạo bởi tintuc-feed. Nội dung thuộc về các trang nguồn; '
        "mỗi bài dẫn về trang gốc.</p></footer>\n</body>\n</html>\n"
    )


def _when(moment: datetime | None) -> str:
    return in_vn(moment).strftime("%H:%M %d/%m/%Y") if moment else "chưa có"
