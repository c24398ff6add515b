"""The notice files publishing writes, from a NoticeSet:

    notices/wanted.json  notices/fraud.json  notices/appeals.json   the records (schemas in tintuc_feed/schemas/)
    notices/fraud-indicators.csv                                    one phone / link / domain / account a line
    rss|atom|json/notices-wanted|notices-fraud|notices-appeals      a feed item per notice (feedgen adapter)

and the section of index.html that points to them.  Same records, same bytes:
nothing here reads the clock.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from html import escape
from typing import Any

from ..feeds.common import Feed, feed_links, join_url
from ..feeds.feedgen_adapter import render_atom, render_rss
from ..feeds.isolate import ItemGuard
from ..feeds.jsonfeed import dumps, render_json_feed
from ..model import StoredArticle
from ..sanitize import XML_ILLEGAL
from .records import NoticeSet, newest_key
from .summary import indicator_lines, person_line

VERSION = 1
# feed id -> (title, description, JSON file)
FEEDS = {
    "notices-wanted": ("Thông báo truy nã", ("Người bị truy nã theo thông báo của Công an; thông báo đã đình nã "
                                            "được ghi rõ."), "notices/wanted.json"),
    "notices-fraud": ("Cảnh báo lừa đảo", ("Thủ đoạn, số điện thoại, đường link và tài khoản trong các cảnh báo "
                                          "lừa đảo của Công an."), "notices/fraud.json"),
    "notices-appeals": ("Thông báo tìm bị hại, chủ sở hữu, nhân chứng", "Công an đề nghị người dân liên hệ.",
                        "notices/appeals.json"),
}
INDICATORS_CSV = "notices/fraud-indicators.csv"


def notice_documents(notices: NoticeSet) -> dict[str, bytes]:
    """The three JSON files."""
    return {
        "notices/wanted.json": dumps({"version": VERSION, "kind": "wanted", "active": notices.active,
                                      "withdrawn": notices.withdrawn, "withdrawals": notices.withdrawals}, indent=2),
        "notices/fraud.json": dumps({"version": VERSION, "kind": "fraud", "warnings": notices.fraud}, indent=2),
        "notices/appeals.json": dumps({"version": VERSION, "kind": "appeal", "appeals": notices.appeals}, indent=2),
    }


def notice_feeds(notices: NoticeSet, base_url: str, item_limit: int) -> list[Feed]:
    """One feed per kind; items newest first (as the records are), at most item_limit."""
    items = {
        "notices-wanted": [_wanted_item(r, notices) for r in _newest(notices.active + notices.withdrawn)],
        "notices-fraud": [_item(r, notices, _fraud_html(r)) for r in notices.fraud],
        "notices-appeals": [_item(r, notices, _appeal_html(r)) for r in notices.appeals],
    }
    feeds = []
    for feed_id, (title, description, document) in FEEDS.items():
        links = feed_links(base_url, feed_id, home=join_url(base_url, document))
        feeds.append(Feed(id=feed_id, title=title, description=description, links=links,
                          items=tuple(items[feed_id][:item_limit]), kind="notices"))
    return feeds


def notice_files(notices: NoticeSet, base_url: str, item_limit: int) -> dict[str, bytes]:
    """Every notice file, by path relative to the output folder."""
    files = notice_documents(notices)
    files[INDICATORS_CSV] = render_indicators(notices.fraud)
    guard = ItemGuard()  # an article that cannot be written is left out, as in every other feed (isolate.py)
    for feed in notice_feeds(notices, base_url, item_limit):
        files |= guard.render(feed, _feed_files)[1]
    return files


def _feed_files(feed: Feed) -> dict[str, bytes]:
    return {f"rss/{feed.id}.xml": render_rss(feed), f"atom/{feed.id}.xml": render_atom(feed),
            f"json/{feed.id}.json": render_json_feed(feed)}


def _newest(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Newest notice first, a notice's persons in its order (the sort is stable)."""
    return sorted(records, key=newest_key, reverse=True)


def _item(record: dict[str, Any], notices: NoticeSet, html: str, updated: datetime | None = None) -> StoredArticle:
    """The record as a feed item: the article's date and link, the summary as title, the fields as content."""
    stored = notices.sources[record["id"]]
    article = replace(stored.article, title=record["summary"], title_raw=record["summary"], summary=record["summary"],
                      content_html=html + _source_link(stored), content_text=record["summary"], authors=(),
                      image=(record.get("photo") or {}).get("value"))
    return StoredArticle(article=article, guid=record["id"], first_seen=stored.first_seen,
                         updated=max(stored.updated, updated) if updated else stored.updated)


def _wanted_item(record: dict[str, Any], notices: NoticeSet) -> StoredArticle:
    updated = None
    if record["withdrawn_by"]:
        updated = notices.sources[record["withdrawn_by"]["id"]].updated
    return _item(record, notices, _wanted_html(record), updated)


def _source_link(stored: StoredArticle) -> str:
    return f'<p>Nguồn: <a href="{escape(stored.article.url)}">{escape(stored.article.title)}</a></p>'


WANTED_ROWS = (("other_names", "Tên gọi khác"), ("sex", "Giới tính"), ("birth_date", "Ngày sinh"),
               ("birth_year", "Năm sinh"), ("residence", "Nơi cư trú"), ("decision_number", "Quyết định truy nã số"),
               ("decision_date", "Ngày quyết định"), ("issuing_unit", "Đơn vị ra quyết định"))


def _wanted_html(record: dict[str, Any]) -> str:
    parts = []
    if record["withdrawn_by"]:
        by = record["withdrawn_by"]
        parts.append(f'<p><strong>Đã đình nã.</strong> Theo <a href="{escape(by["article"]["url"])}">'
                     f'{escape(by["article"]["title"])}</a>.</p>')
    rows = [(label, record[key]["value"]) for key, label in WANTED_ROWS if record.get(key)]
    rows += [("Tội danh", c["name"] + (f" (Điều {c['article']})" if c.get("article") else ""))
             for c in (record["charges"] or {}).get("value", [])]
    parts.append(_list(rows))
    if record["confidence"] != "high":
        parts.append(f'<p>Độ tin cậy: {record["confidence"]}; chưa đọc được: {escape(", ".join(record["missing"]))}.</p>')
    return "".join(parts)


def _fraud_html(record: dict[str, Any]) -> str:
    return _list([tuple(line.split(": ", 1)) for line in indicator_lines(record)])


def _appeal_html(record: dict[str, Any]) -> str:
    rows = [("Đề nghị", (record.get("request") or {}).get("value")),
            ("Liên hệ", (record.get("contact_unit") or {}).get("value")),
            ("Cán bộ", (record.get("officer") or {}).get("value"))]
    rows += [("Điện thoại", p["value"]) for p in record.get("phones", [])]
    return _list([(k, v) for k, v in rows if v])


def _list(rows: Sequence[tuple[str, Any]]) -> str:
    if not rows:
        return ""
    items = "".join(f"<li>{escape(str(k))}: {escape(_text(v))}</li>" for k, v in rows)
    return f"<ul>{items}</ul>"


def _text(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


# ---- fraud-indicators.csv -------------------------------------------------------------------------
CSV_COLUMNS = ("type", "value", "display", "bank", "first_seen", "last_seen", "count", "articles")


def render_indicators(warnings: Sequence[dict[str, Any]]) -> bytes:
    """One line per scam phone number, link, domain or bank account: when first and last cited, and by which articles."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for record in warnings:
        when = record["article"]["published"] or record["article"]["first_seen"]
        for kind, value, display, bank in _indicators(record):
            row = seen.setdefault((kind, value), {"display": display, "bank": bank, "dates": [], "articles": []})
            row["dates"].append(when)
            if record["article"]["url"] not in row["articles"]:
                row["articles"].append(record["article"]["url"])
            row["bank"] = row["bank"] or bank
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for (kind, value), row in sorted(seen.items()):
        writer.writerow((kind, value, row["display"], row["bank"] or "", min(row["dates"]), max(row["dates"]),
                         len(row["articles"]), " ".join(sorted(row["articles"]))))
    return out.getvalue().encode("utf-8")


def _indicators(record: dict[str, Any]):
    for phone in record.get("phones", []):
        yield "phone", phone["value"], phone["value"], None
    for key, kind in (("urls", "url"), ("domains", "domain")):
        for link in record.get(key, []):
            yield kind, link["value"], link["display"], None
    for account in record.get("accounts", []):
        yield "account", account["value"]["number"], account["value"]["number"], account["value"].get("bank")


# ---- index.html ----------------------------------------------------------------------------------
INDEX_NEWEST = 5


def index_section(notices: NoticeSet) -> str:
    """The "Thông báo của Công an" card of index.html: counts, newest of each kind, files and feeds."""
    blocks = [
        ("notices-wanted", f"Truy nã: {len(notices.active)} đang truy nã, {len(notices.withdrawn)} đã đình nã",
         [(person_line(r), r["article"]["url"]) for r in notices.active[:INDEX_NEWEST]]),
        ("notices-fraud", f"Cảnh báo lừa đảo: {len(notices.fraud)}",
         [(r["summary"], r["article"]["url"]) for r in notices.fraud[:INDEX_NEWEST]]),
        ("notices-appeals", f"Tìm bị hại, chủ sở hữu, nhân chứng: {len(notices.appeals)}",
         [(r["summary"], r["article"]["url"]) for r in notices.appeals[:INDEX_NEWEST]]),
    ]
    parts = ['<section class="card" id="notices"><h2>Thông báo của Công an</h2>']
    for feed_id, head, rows in blocks:
        document = FEEDS[feed_id][2]
        links = (f'<span class="subscribe"><a class="rss" href="rss/{feed_id}.xml">RSS</a>'
                 f'<a class="atom" href="atom/{feed_id}.xml">Atom</a><a class="json" href="json/{feed_id}.json">JSON</a>'
                 f'<a href="{document}">Dữ liệu</a></span>')
        items = "".join(f'<li><a href="{_html(url)}" lang="vi">{_html(text)}</a></li>' for text, url in rows)
        parts.append(f"<h3>{escape(head)}</h3>{links}" + (f'<ol class="news">{items}</ol>' if items else ""))
    parts.append(f'<p class="muted">Danh sách số điện thoại, đường link, tài khoản lừa đảo: '
                 f'<a href="{INDICATORS_CSV}">fraud-indicators.csv</a></p></section>')
    return "".join(parts)



def _html(text: str) -> str:
    """Escaped for index.html, without characters no HTML or XML reader accepts (a row an older version stored)."""
    return escape(XML_ILLEGAL.sub("", text))
