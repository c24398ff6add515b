"""`tintuc-feed notices`: the police notices in the store, as a table or JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

KINDS = ("wanted", "fraud", "appeal")
TABLE_COLUMNS = ("kind", "status", "date", "summary", "url")


def add_notices_parser(sub, db_default: str) -> None:
    p = sub.add_parser("notices", help="list the wanted notices, fraud warnings and appeals in the store")
    p.add_argument("--db", metavar="PATH", default=db_default, help=f"SQLite store (default: {db_default})")
    p.add_argument("--kind", choices=KINDS, help="only this kind (default: all three)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_notices)


def cmd_notices(args) -> int:
    from .notices.records import NoticeCollector
    from .store import Store

    if not Path(args.db).is_file():
        print(f"tintuc-feed: error: no store at {args.db} (run `tintuc-feed crawl` first, or give --db)",
              file=sys.stderr)
        return 2
    collector = NoticeCollector()
    with Store(args.db) as store, store.snapshot() as reader:
        for stored in reader.all_newest():
            collector.add(stored)
    notices = collector.build()
    chosen = {"wanted": {"active": notices.active, "withdrawn": notices.withdrawn,
                         "withdrawals": notices.withdrawals},
              "fraud": notices.fraud, "appeal": notices.appeals}
    if args.kind:
        chosen = {args.kind: chosen[args.kind]}
    if args.format == "json":
        print(json.dumps(chosen, ensure_ascii=False, indent=2))
    else:
        print_table(chosen)
    return 0


def print_table(chosen: dict) -> None:
    rows = []
    wanted = chosen.get("wanted", {})
    for record in wanted.get("active", []) + wanted.get("withdrawn", []):
        rows.append(("wanted", record["status"], *_row(record)))
    rows += [("fraud", "", *_row(r)) for r in chosen.get("fraud", [])]
    rows += [("appeal", "", *_row(r)) for r in chosen.get("appeal", [])]
    print("\t".join(TABLE_COLUMNS))
    for row in rows:
        print("\t".join(row))
    if not rows:
        print("(no notices)")


def _row(record: dict) -> tuple[str, str, str]:
    article = record["article"]
    return (article["published"] or article["first_seen"])[:10], record["summary"], article["url"]
