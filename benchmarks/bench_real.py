"""tintuc-feed's generic reader beside htmldate and trafilatura, same pages, same scoring.

    git clone https://github.com/adbar/htmldate ../htmldate
    git clone https://github.com/adbar/trafilatura ../trafilatura
    .venv/bin/python benchmarks/bench_real.py --htmldate ../htmldate --trafilatura ../trafilatura [--limit N]

Three page sets (a set whose clone is not given is left out):

- real: tests/fixtures/real, saved Vietnamese news pages with expected fields
  written by reading them (tests/real_pages.py holds the checks; the test suite
  runs the same checks field by field).
- htmldate: htmldate's evaluation pages (tests/eval_mediacloud_2020.json and
  tests/eval_default.json, pages in tests/test_set, cache, eval) with the
  publication day each page gives.
- trafilatura: trafilatura's evaluation pages (tests/evaldata.json, pages in
  tests/cache and tests/eval) with title, author, date and the "with"/"without"
  snippets of the main text.

Each page is read three ways: tintuc-feed as `tintuc-feed extract URL --html
FILE` reads it (tintuc_feed.extract.extract_to_json; a page it refuses reads as
nothing), htmldate.find_date(original_date=True, extensive_search=True), and
trafilatura.bare_extraction(with_metadata=True, include_comments=False,
include_tables=True) -- the settings of trafilatura's own evaluation.

Scoring, the same for every tool:
- date: the publication day in the page's own zone (tintuc-feed keeps the
  raw date: an ISO date with an offset is read in that offset; otherwise the
  day of the normalized Asia/Ho_Chi_Minh date).  Accuracy over the pages with
  an expected date; "none right" counts pages whose expected date is empty
  and the tool gave none.
- title: whitespace-normalized NFC equality, over pages with a title.
- authors: the list of names equal to the expected one ("; " separates names
  in trafilatura's data), over pages with an author (trafilatura's
  eval_authors.py method); "none right" over pages whose expected author is
  empty (the tool must give none).
- body: trafilatura's own method (tests/eval_common.py count_item): each
  "with" snippet found in the text is a true positive, each "without"
  snippet found a false positive; precision, recall, F1 over all pages.  On
  the real set the "with" snippets are body_start, body_end and the "must"
  sentences, the "without" ones the "must_not" sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import defaultdict
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from real_pages import Reading, check, norm
from real_pages import cases as real_cases

from tintuc_feed.extract import ExtractError, extract_to_json

TOOLS = ("tintuc-feed", "htmldate", "trafilatura")


def read_ours(url: str, path: Path) -> dict:
    try:
        record = extract_to_json(url, sources_file=None, source_id=None, html_file=str(path))
    except (ExtractError, ValueError):
        return {}
    return {
        "title": record.get("title"),
        "day": own_zone_day(record),
        "authors": [a["name"] for a in record.get("authors", ())],
        "body": record.get("content_text"),
    }


def own_zone_day(record: dict) -> str | None:
    """The publication day in the page's own zone (see the module doc)."""
    published = record.get("published")
    if not published:
        return None
    raw = (record.get("published_raw") or "").strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None:
        return moment.date().isoformat()
    return published[:10]


def read_htmldate(html: str) -> dict:
    from htmldate import find_date

    try:
        return {"day": find_date(html, original_date=True, extensive_search=True)}
    except Exception:  # noqa: BLE001 - a crash is a miss, as in trafilatura's evaluation
        return {}


def read_trafilatura(html: str) -> dict:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    except Exception:  # noqa: BLE001 - a crash is a miss
        return {}
    if doc is None:
        return {}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "day": doc.date, "authors": authors, "body": doc.text}


def read_page(url: str, path: Path) -> dict[str, dict]:
    html = path.read_bytes().decode("utf-8", errors="replace")
    return {"tintuc-feed": read_ours(url, path), "htmldate": read_htmldate(html), "trafilatura": read_trafilatura(html)}


class Score:
    """Counts per tool and field: right / total, and body tp/fp/fn/tn."""

    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0])
        self.body = defaultdict(lambda: [0, 0, 0, 0])

    def mark(self, tool: str, field: str, right: bool) -> None:
        cell = self.counts[tool, field]
        cell[0] += bool(right)
        cell[1] += 1

    def mark_body(self, tool: str, text: str | None, with_: list[str], without: list[str]) -> None:
        body = norm(text)
        tp = sum(1 for s in with_ if norm(s) in body) if text else 0
        fp = sum(1 for s in without if norm(s) in body) if text else 0
        cell = self.body[tool]
        for i, n in enumerate((tp, fp, len(with_) - tp, len(without) - fp)):
            cell[i] += n

    def ratio(self, tool: str, field: str) -> str:
        right, total = self.counts[tool, field]
        return f"{right / total:.2f} ({right}/{total})" if total else "–"

    def body_scores(self, tool: str) -> str:
        tp, fp, fn, _ = self.body[tool]
        if not tp + fp + fn:
            return "–"
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn)
        return f"P {precision:.2f} R {recall:.2f} F1 {f1:.3f}"


def names(values) -> list[str]:
    return [norm(v) for v in values or ()]


def score_real(score: Score, limit: int | None) -> int:
    pages = real_cases()[:limit]
    for case in pages:
        got = read_page(case.url, case.html_path)
        exp = case.expected
        for tool in TOOLS:
            result = got[tool]
            reading = Reading(
                result.get("title"), result.get("day"), tuple(result.get("authors") or ()), result.get("body")
            )
            if tool != "htmldate":
                for field in ("title", "authors"):
                    score.mark(tool, field, check(field, exp, reading) is None)
                with_ = [exp["body_start"], exp["body_end"], *exp["must"]]
                score.mark_body(tool, result.get("body"), with_, list(exp["must_not"]))
            score.mark(tool, "date", check("published_day", exp, reading) is None)
    return len(pages)


def sample(items: list, limit: int | None) -> list:
    """Every k-th item (sorted input), so a limited run is spread over the whole set and repeatable."""
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def score_htmldate(score: Score, clone: Path, limit: int | None) -> int:
    tests = clone / "tests"
    pages: dict[str, dict] = {}
    for name in ("eval_mediacloud_2020.json", "eval_default.json"):
        pages.update(json.loads((tests / name).read_text("utf-8")))
    chosen = sample(sorted(pages.items()), limit)
    for url, item in chosen:
        path = next(
            (tests / d / item["file"] for d in ("test_set", "cache", "eval") if (tests / d / item["file"]).is_file()),
            None,
        )
        if path is None:
            continue
        got = read_page(url, path)
        for tool in TOOLS:
            day = got[tool].get("day")
            if item.get("date"):
                score.mark(tool, "date", day == item["date"])
            else:
                score.mark(tool, "date none right", day is None)
    return len(chosen)


def score_trafilatura(score: Score, clone: Path, limit: int | None) -> int:
    tests = clone / "tests"
    data = json.loads((tests / "evaldata.json").read_text("utf-8"))
    chosen = sample(sorted(data.items()), limit)
    for url, item in chosen:
        path = next((tests / d / item["file"] for d in ("cache", "eval") if (tests / d / item["file"]).is_file()), None)
        if path is None:
            continue
        got = read_page(url, path)
        for tool in TOOLS:
            result = got[tool]
            if "date" in item:
                if item["date"]:
                    score.mark(tool, "date", result.get("day") == item["date"])
                else:
                    score.mark(tool, "date none right", result.get("day") is None)
            if tool == "htmldate":
                continue
            if item.get("title"):
                score.mark(tool, "title", norm(result.get("title")) == norm(item["title"]))
            if "author" in item:
                gold = item["author"] if isinstance(item["author"], list) else item["author"].split(";")
                gold = [g for g in names(gold) if g]
                if gold:
                    score.mark(tool, "authors", names(result.get("authors")) == gold)
                else:
                    score.mark(tool, "authors none right", not result.get("authors"))
            score.mark_body(tool, result.get("body"), item["with"], item["without"])
    return len(chosen)


def table(title: str, score: Score, pages: int, fields: list[str]) -> str:
    lines = [
        f"### {title} ({pages} pages)",
        "",
        "| field | " + " | ".join(TOOLS) + " |",
        "|---|" + "---:|" * len(TOOLS),
    ]
    for field in fields:
        lines.append(f"| {field} | " + " | ".join(score.ratio(t, field) for t in TOOLS) + " |")
    if any(score.body[t][0] + score.body[t][1] + score.body[t][2] for t in TOOLS):
        lines.append("| body (trafilatura's method) | " + " | ".join(score.body_scores(t) for t in TOOLS) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--htmldate", type=Path, help="a clone of adbar/htmldate")
    parser.add_argument("--trafilatura", type=Path, help="a clone of adbar/trafilatura")
    parser.add_argument("--limit", type=int, help="pages per set (spread evenly over the sorted set)")
    parser.add_argument("--sets", default="real,htmldate,trafilatura")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)  # htmldate/trafilatura log every odd page
    sets = args.sets.split(",")
    started = time.perf_counter()
    if "real" in sets:
        score = Score()
        n = score_real(score, args.limit)
        print(table("tests/fixtures/real", score, n, ["title", "date", "authors"]))
    if "htmldate" in sets and args.htmldate:
        score = Score()
        n = score_htmldate(score, args.htmldate, args.limit)
        print(table("htmldate's evaluation set", score, n, ["date"]))  # every page there has a date
    if "trafilatura" in sets and args.trafilatura:
        score = Score()
        n = score_trafilatura(score, args.trafilatura, args.limit)
        print(
            table(
                "trafilatura's evaluation set",
                score,
                n,
                ["title", "date", "date none right", "authors", "authors none right"],
            )
        )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
