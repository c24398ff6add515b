"""index.html: the page a person opens to find feeds and see which sources work.

Plain HTML with the stylesheet inlined (page_style.CSS), no JavaScript.  Every
value from a site or the configuration is escaped.  Nothing reads the clock:
"now" is the generated_at publish() passes, so the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from html import escape

from ..model import SourceHealth, StoredArticle
from ..sources import Source
from .common import Feed, date_published, in_vn, rfc3339
from .opml import GENERAL_GROUP, grouped
from .page_style import CSS
from .plan import SITE_NAME

HEADLINES = 30
STALE_AFTER = timedelta(days=2)
# A source's state: (css class, the words shown); colour and words always go together.
STATES = {
    "bad": "⚠ Cần kiểm tra",
    "warn-error": "! Lần gần nhất bị lỗi",
    "warn-old": "◷ Chưa cập nhật gần đây",
    "none": "– Chưa chạy",
    "ok": "✓ Hoạt động tốt",
}


def render_index(
    feeds: Sequence[Feed],
    sources: Sequence[Source],
    health: Mapping[str, SourceHealth],
    headlines: Sequence[StoredArticle],
    *,
    base_url: str,
    generated_at: datetime,
    sections: Sequence[str] = (),
) -> bytes:
    """index.html; sections are extra HTML cards (the notices') placed after the headlines."""
    by_source = {source.id: source for source in sources}
    groups = grouped(feeds)
    states = {s.id: source_state(health.get(s.id), generated_at) for s in sources}
    health_feed = next((feed for feed in feeds if feed.kind == "health"), None)
    parts = [_head(), _top(generated_at, states), '<main class="wrap">', _alert(sources, health, health_feed)]
    parts += [_general(members) for name, members in groups if name == GENERAL_GROUP]
    parts.append(_headlines(headlines[:HEADLINES], by_source))
    parts += sections
    parts.append("<h2>Nguồn tin theo tỉnh, thành</h2>")
    parts += [_group(name, members, by_source, health, states) for name, members in groups if name != GENERAL_GROUP]
    parts += ["</main>", _footer()]
    return "\n".join(parts).encode("utf-8")


def source_state(health: SourceHealth | None, now: datetime) -> str:
    """One of STATES' keys: how a source is doing, for the badge and the row colour."""
    if health is None or (health.last_attempt is None and health.last_success is None):
        return "none"
    if health.flagged:
        return "bad"
    if health.last_error:
        return "warn-error"
    if health.last_success is None or in_vn(now) - in_vn(health.last_success) > STALE_AFTER:
        return "warn-old"
    return "ok"


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escape(SITE_NAME)}: tin từ Công an các tỉnh, thành</title>\n"
        '<link rel="alternate" type="application/rss+xml" title="Tất cả các nguồn (RSS)" href="rss/all.xml">\n'
        '<link rel="alternate" type="application/atom+xml" title="Tất cả các nguồn (Atom)" href="atom/all.xml">\n'
        '<link rel="alternate" type="application/feed+json" title="Tất cả các nguồn (JSON)" href="json/all.json">\n'
        f"<style>{CSS}</style>\n</head>\n<body>"
    )


def _top(generated_at: datetime, states: Mapping[str, str]) -> str:
    counts = {key: sum(1 for s in states.values() if s == key) for key in STATES}
    badges = [f'<span class="badge {_css(key)}">{escape(STATES[key])}: {n}</span>'
              for key, n in counts.items() if n]
    return (
        '<header class="top"><div class="wrap">'
        f"<h1>{escape(SITE_NAME)}</h1>"
        "<p>Tin tức từ các trang Công an tỉnh, thành, dưới dạng RSS, Atom và JSON Feed. "
        'Nhập <a href="feeds.opml">feeds.opml</a> vào trình đọc tin để theo dõi tất cả.</p>'
        f'<div class="summary"><span>{len(states)} nguồn</span>{"".join(badges)}'
        f"<span>Cập nhật {_time(generated_at)}</span></div>"
        "</div></header>"
    )


def _alert(sources: Sequence[Source], health: Mapping[str, SourceHealth], health_feed: Feed | None) -> str:
    names = {source.id: source.name for source in sources}
    flagged = [h for sid, h in sorted(health.items()) if h.flagged]
    if not flagged:
        return ""
    items = "".join(
        f'<li><a href="#source-{escape(h.source_id)}">{escape(names.get(h.source_id, h.source_id))}</a>: '
        f"{escape(h.flagged)}{_since(h.flagged_since)}</li>" for h in flagged
    )
    return (
        f'<section class="card alert"><h2>⚠ {len(flagged)} nguồn cần kiểm tra</h2><ul>{items}</ul>'
        '<p class="muted">Theo dõi tình trạng các nguồn: '
        f'{_subscribe(health_feed) if health_feed else ""} · <a href="status.json">status.json</a></p></section>'
    )


def _since(moment: datetime | None) -> str:
    return f' <span class="muted">(từ {_time(moment)})</span>' if moment else ""


def _general(feeds: Sequence[Feed]) -> str:
    rows = "".join(
        f'<li id="{escape(feed.id)}"><strong>{escape(feed.title)}</strong> '
        f'<span class="muted">· {len(feed.items)} bài</span><br>{_subscribe(feed)}</li>' for feed in feeds
    )
    return (
        '<section class="card"><div class="all-feeds"><h2>Theo dõi tổng hợp</h2>'
        '<span class="subscribe"><a class="opml" href="feeds.opml">OPML: mọi nguồn</a></span></div>'
        f'<ul class="general">{rows}</ul></section>'
    )


def _headlines(items: Sequence[StoredArticle], by_source: Mapping[str, Source]) -> str:
    if not items:
        return '<section class="card"><h2>Tin mới nhất</h2><p class="muted">Chưa có bài nào.</p></section>'
    rows = "".join(_headline(item, by_source) for item in items)
    return f'<section class="card"><h2>Tin mới nhất</h2><ol class="news">{rows}</ol></section>'


def _headline(item: StoredArticle, by_source: Mapping[str, Source]) -> str:
    article = item.article
    source = by_source.get(article.source_id)
    where = source.name if source else article.source_id
    return (
        f'<li><a href="{escape(article.url)}" lang="vi">{escape(article.title)}</a>'
        f'<span class="meta">{escape(where)}{_dated(item)}</span></li>'
    )


def _group(name, feeds, by_source, health, states) -> str:
    own = [feed for feed in feeds if feed.kind == "province"]
    rows = [_source_row(feed, by_source.get(feed.id), health, states) for feed in feeds if feed.kind != "province"]
    anchor = f' id="{escape(own[0].id)}"' if own else ""
    head = f"<h3>{escape(name)}</h3>"
    if own:
        head += f'<span class="muted">Cả tỉnh · {len(own[0].items)} bài · {_subscribe(own[0])}</span>'
    table = _table(rows) if rows else '<p class="muted">Chưa có nguồn riêng: các bài ở đây đến từ nguồn khác (như tỉnh cũ đã sáp nhập).</p>'
    return f'<section class="card group"{anchor}><div class="group-head">{head}</div>{table}</section>'


def _table(rows: Sequence[str]) -> str:
    heads = ("Nguồn", "Tình trạng", "Thành công cuối", "Bài 7 ngày", "Lỗi gần nhất", "Theo dõi")
    cells = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _source_row(feed: Feed, source: Source | None, health, states) -> str:
    h = health.get(feed.id) if source else None
    state = states.get(feed.id, "none")
    reason = f'<span class="reason">{escape(h.flagged)}{_since(h.flagged_since)}</span>' if h and h.flagged else ""
    cells = (
        ("Nguồn", "", f'<a class="name" href="{escape(feed.links.home)}">{escape(feed.title)}</a>'),
        ("Tình trạng", "", f'<span class="badge {_css(state)}">{escape(STATES[state])}</span>{reason}'),
        ("Thành công cuối", "", (_time(h.last_success) if h else "chưa có") + _worker(h)),
        ("Bài 7 ngày", "num", str(h.articles_last_7d if h else 0)),
        ("Lỗi gần nhất", "err", escape(h.last_error) if h and h.last_error else "—"),
        ("Theo dõi", "", _subscribe(feed)),
    )
    tds = "".join(f'<td data-label="{label}"{_class(css)}>{value}</td>' for label, css, value in cells)
    return f'<tr id="source-{escape(feed.id)}" class="state-{_css(state)}">{tds}</tr>'


def _worker(h) -> str:
    """Which worker crawled the source last (several machines: `tintuc-feed worker`); nothing on one machine."""
    return f' <span class="muted worker">bởi {escape(h.last_worker)}</span>' if h and h.last_worker else ""


def _subscribe(feed: Feed) -> str:
    links = (("rss", "RSS", feed.links.rss), ("atom", "Atom", feed.links.atom), ("json", "JSON", feed.links.json))
    anchors = "".join(f'<a class="{k}" href="{escape(u)}" title="{n}: {escape(feed.title)}">{n}</a>'
                      for k, n, u in links)
    return f'<span class="subscribe">{anchors}</span>'


def _css(state: str) -> str:
    return state.split("-")[0]


def _class(css: str) -> str:
    return f' class="{css}"' if css else ""


def _footer() -> str:
    return (
        '<footer class="wrap"><p class="muted">Tạo bởi tintuc-feed. Nội dung thuộc về các trang nguồn; '
        'mỗi bài dẫn về trang gốc. Tình trạng máy đọc được: <a href="status.json">status.json</a> · '
        'mọi bài: <a href="articles.jsonl">articles.jsonl</a></p></footer>\n</body>\n</html>\n'
    )


def _dated(item: StoredArticle) -> str:
    """" · <time>" for a dated article; nothing for one whose page gave no date."""
    moment = date_published(item)
    return f" · {_time(moment)}" if moment else ""


def _time(moment: datetime | None) -> str:
    if moment is None:
        return "chưa có"
    local = in_vn(moment)
    return f'<time datetime="{rfc3339(local)}">{local.strftime("%H:%M %d/%m/%Y")}</time>'
