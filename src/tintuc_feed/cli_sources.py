"""`tintuc-feed sources list|check`: what the registry holds, and how a page reads."""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path

from .sources import load_sources, select_sources

LIST_COLUMNS = ("id", "name", "province", "family", "status", "enabled")
CHECK_FIELDS = ("title", "date", "authors", "body", "summary", "image")


def add_sources_parser(sub) -> None:
    p = sub.add_parser("sources", help="list the sources, or check how a source reads a page")
    inner = p.add_subparsers(dest="sources_command", required=True, metavar="ACTION")
    ls = inner.add_parser("list", help="the sources: id, name, province, family, status, enabled")
    ls.add_argument("--sources", metavar="FILE")
    ls.add_argument("--format", choices=("table", "json"), default="table")
    ls.set_defaults(func=cmd_list)
    check = inner.add_parser("check", help="run a source's family on one page and show what matched")
    check.add_argument("id")
    check.add_argument("--sources", metavar="FILE")
    check.add_argument("--html", metavar="FILE", help="the page, from a file")
    check.add_argument("--url", help="the page's URL (fetched unless --html is given)")
    check.set_defaults(func=cmd_check)


def cmd_list(args) -> int:
    sources = load_sources(args.sources)
    rows = [{c: getattr(s, c) for c in LIST_COLUMNS} for s in sources]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    widths = {c: max(len(c), *(len(str(r[c] or "")) for r in rows)) for c in LIST_COLUMNS}
    print("  ".join(c.ljust(widths[c]) for c in LIST_COLUMNS))
    for row in rows:
        print("  ".join(str(row[c] if row[c] is not None else "").ljust(widths[c]) for c in LIST_COLUMNS))
    return 0


def cmd_check(args) -> int:
    from . import families, voters
    from .charset import decode_page
    from .extract import ExtractError, fetch

    source = select_sources(load_sources(args.sources), [args.id])[0]
    url = args.url or source.list_urls[0]
    try:
        body, content_type = (Path(args.html).read_bytes(), None) if args.html else fetch(url)
    except (OSError, ExtractError) as exc:
        print(f"tintuc-feed: {exc}", file=sys.stderr)
        return 1
    text = decode_page(body, content_type)[0]  # the charset the page declares, checked against its bytes
    if not source.article_re.search(url):  # the source's own pattern says what kind of page this is
        return _report_list(source, url, text, "the URL is not an article URL of this source")
    try:
        raw = voters.read_article(source, url, text)
    except families.NotAnArticle as exc:
        return _report_list(source, url, text, f"not an article: {exc}")
    print(f"source {source.id} (family {source.family}) on {url}")
    values = {f.name: getattr(raw, f.name) for f in fields(raw)}
    shown = {"title": values["title"], "date": [d.raw for d in raw.dates if d.origin != "url"][:1] or None,
             "authors": values["byline"], "body": _short(values["body_html"]), "summary": values["summary"],
             "image": values["image"]}
    for name in CHECK_FIELDS:
        rule = raw.matched.get(name, "-")
        print(f"  {name:<8} {'MISSING' if not shown[name] else 'ok':<8} via {rule:<32} {_short(str(shown[name] or ''))}")
    if raw.degraded:
        print("  degraded: the family found too little; the generic reading filled in")
    return 0 if raw.title and raw.body_html else 1


def _report_list(source, url: str, text: str, problem) -> int:
    """Not an article page: maybe it is a list page; say what the family sees there."""
    from . import families

    page = families.parse_list(source, url, text)
    print(f"source {source.id} (family {source.family}) on {url}: read as a list page ({problem})")
    print(f"  as a list page: {len(page.articles)} article links, {len(page.next_urls)} next pages")
    for link in page.articles[:10]:
        print(f"    {link.url}")
    if page.problem:
        print(f"  problem: {page.problem}")
    return 0 if page.articles else 1


def _short(text: str | None, width: int = 70) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
