"""One sha256 of every reading: to show a speed change left every output as it was (issue 10).

    .venv/bin/python benchmarks/readings_digest.py [--htmldate ../htmldate] [--trafilatura ../trafilatura]

Reads every page of bench_extract.py's four sets (families, blind, full-size, real) the way its speed table does
(families.extract_article + process.normalize_article), and, when given, every page of htmldate's and
trafilatura's evaluation sets the way bench_real.py does (`tintuc-feed extract`'s steps: charset, the voters,
normalization), with one fixed "now"; prints the number of readings and the sha256 of their reprs (an error's
type and message included).  Run it on two checkouts (PYTHONPATH=<checkout>/src) and compare the lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _bench_sets(digest, sets: list[str]) -> int:
    from tintuc_feed import families
    from tintuc_feed.process import normalize_article

    count = 0
    for name in sets:
        for page_id, source, url, hints, html in bench_extract.page_sets()[name]:
            try:
                raw = families.extract_article(source, url, html, hints=hints)
                out = f"{raw!r}\n{normalize_article(raw, source, fetched_at=NOW, fetched_url=url)!r}"
            except (families.NotAnArticle, ValueError) as exc:
                out = f"{type(exc).__name__}: {exc}"
            digest.update(f"{name}/{page_id}\n{out}\n".encode("utf-8", "surrogatepass"))
            count += 1
    return count


def _evaluation_pages(htmldate: Path | None, trafilatura: Path | None) -> list[tuple[str, Path]]:
    pages: list[tuple[str, Path]] = []
    if htmldate is not None:
        tests = htmldate / "tests"
        items: dict[str, dict] = {}
        for name in ("eval_mediacloud_2020.json", "eval_default.json"):
            items.update(json.loads((tests / name).read_text("utf-8")))
        pages += [(url, path) for url, item in sorted(items.items())
                  if (path := next((tests / d / item["file"] for d in ("test_set", "cache", "eval")
                                    if (tests / d / item["file"]).is_file()), None))]
    if trafilatura is not None:
        tests = trafilatura / "tests"
        items = json.loads((tests / "evaldata.json").read_text("utf-8"))
        pages += [(url, path) for url, item in sorted(items.items())
                  if (path := next((tests / d / item["file"] for d in ("cache", "eval")
                                    if (tests / d / item["file"]).is_file()), None))]
    return pages


def _evaluation_sets(digest, pages: list[tuple[str, Path]]) -> int:
    from tintuc_feed import families, voters
    from tintuc_feed.charset import decode_page
    from tintuc_feed.extract import pick_source
    from tintuc_feed.process import normalize_article

    for url, path in pages:
        try:
            source = pick_source(url, None, None)
            raw = voters.read_article(source, url, decode_page(path.read_bytes(), None)[0], now=NOW)
            out = f"{raw!r}\n{asdict(normalize_article(raw, source, fetched_at=NOW, fetched_url=url))!r}"
        except (families.NotAnArticle, ValueError) as exc:
            out = f"{type(exc).__name__}: {exc}"
        digest.update(f"{url}\n{out}\n".encode("utf-8", "surrogatepass"))
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="families,blind,full-size,real")
    parser.add_argument("--htmldate", type=Path, help="a clone of adbar/htmldate (its evaluation pages)")
    parser.add_argument("--trafilatura", type=Path, help="a clone of adbar/trafilatura (its evaluation pages)")
    args = parser.parse_args(argv)
    digest = hashlib.sha256()
    count = _bench_sets(digest, [s for s in args.sets.split(",") if s])
    print(f"bench sets: {count} readings, sha256 {digest.hexdigest()}")
    pages = _evaluation_pages(args.htmldate, args.trafilatura)
    if pages:
        digest = hashlib.sha256()
        count = _evaluation_sets(digest, pages)
        print(f"evaluation sets: {count} readings, sha256 {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
