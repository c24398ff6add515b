"""Who decided the date, and who was right where tintuc-feed and htmldate disagree (issue 13).

For each page of an evaluation set (or one half of it): tintuc-feed's day and the rule that decided it
(`_extraction.matched["date"]`, with the htmldate vote in `matched["date_vote"]`), htmldate's own day
(extensive mode, as bench_real.py scores it) and the expected day.  Pages where the two days differ are
counted by decision source: how many each side got right, and how many neither did.  A source that loses
to htmldate on most of its disagreements, on several pages, is one whose arbitration (voters.py) should
change.  "(no date)" is a page tintuc-feed gives no date; a page it refuses (not an article) is
"(refused)".

    .venv/bin/python benchmarks/date_arbitration.py --htmldate ../htmldate --half dev --cache /tmp/readings.json
    .venv/bin/python benchmarks/date_arbitration.py --trafilatura ../trafilatura --half dev --cache /tmp/readings.json

The cache is bench_real.py's (htmldate's readings keyed by its version); `--pages FILE` writes one JSON
line per page (read it on the dev half only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_real  # bench_real puts the repository's src and tests on the path)

from tintuc_feed.extract import ExtractError, extract_to_json


def pages_of(htmldate: Path | None, trafilatura: Path | None, half: str | None) -> list[tuple[str, Path, str | None]]:
    """(url, page file, expected day or None) of the chosen set, in bench_real's order and halves."""
    if htmldate is not None:
        tests = htmldate / "tests"
        items: dict[str, dict] = {}
        for name in ("eval_mediacloud_2020.json", "eval_default.json"):
            items.update(json.loads((tests / name).read_text("utf-8")))
        folders = ("test_set", "cache", "eval")
    else:
        tests = trafilatura / "tests"
        items = {u: i for u, i in json.loads((tests / "evaldata.json").read_text("utf-8")).items() if "date" in i}
        folders = ("cache", "eval")
    chosen = []
    for url, item in bench_real.sample(sorted(items.items()), None, half):
        path = next((tests / d / item["file"] for d in folders if (tests / d / item["file"]).is_file()), None)
        if path is not None:
            chosen.append((url, path, item.get("date") or None))
    return chosen


def decision(record: dict | None) -> str:
    if record is None:
        return "(refused)"
    matched = record["_extraction"]["matched"]
    rule = matched.get("date", "(no date)").split(" (")[0]
    vote = matched.get("date_vote", "").split(" ")[0]
    return f"{rule} / {vote}" if vote else rule


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--htmldate", type=Path, help="a clone of adbar/htmldate")
    group.add_argument("--trafilatura", type=Path, help="a clone of adbar/trafilatura")
    parser.add_argument("--half", choices=("dev", "test"))
    parser.add_argument("--cache", type=Path, help="bench_real.py's cache of the libraries' readings")
    parser.add_argument("--pages", type=Path, help="write one JSON line per page here")
    args = parser.parse_args(argv)
    readers = bench_real.Readers(("htmldate",), args.cache)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    lines, right = [], {"tintuc-feed": 0, "htmldate": 0}
    chosen = pages_of(args.htmldate, args.trafilatura, args.half)
    for url, path, expected in chosen:
        try:
            record = extract_to_json(url, sources_file=None, source_id=None, html_file=str(path))
        except (ExtractError, ValueError):
            record = None
        ours = bench_real.own_zone_day(record) if record else None
        theirs = readers.read(url, path)["htmldate"].get("day")
        ours_right, theirs_right = ours == expected, theirs == expected
        right["tintuc-feed"] += ours_right
        right["htmldate"] += theirs_right
        source = decision(record)
        if ours != theirs:
            row = counts[source]
            row[0] += 1
            row[1] += ours_right
            row[2] += theirs_right
            row[3] += not (ours_right or theirs_right)
        lines.append({"url": url, "file": str(path), "expected": expected, "ours": ours, "htmldate": theirs,
                      "decided_by": source})
    readers.save()
    if args.pages is not None:
        args.pages.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    print(f"{len(chosen)} pages; right: tintuc-feed {right['tintuc-feed']}, htmldate {right['htmldate']}")
    print("\n| decided by (matched date / vote) | disagreements | tintuc-feed right | htmldate right | neither |")
    print("|---|---:|---:|---:|---:|")
    for source, row in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        print(f"| {source} | " + " | ".join(str(n) for n in row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
