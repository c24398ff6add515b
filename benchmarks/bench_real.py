"""tintuc-feed's generic reader beside htmldate and trafilatura, same pages, same scoring.

    git clone https://github.com/adbar/htmldate ../htmldate
    git clone https://github.com/adbar/trafilatura ../trafilatura
    .venv/bin/python benchmarks/bench_real.py --htmldate ../htmldate --trafilatura ../trafilatura [--limit N]

While working on one field: `--tools tintuc-feed` reads with tintuc-feed only; `--cache FILE`
keeps htmldate's and trafilatura's readings (keyed by their versions) so a second run reads each
page with them once; `--misses FILE` writes tintuc-feed's wrong fields (set, URL, page file,
field, expected, got), one JSON object a line; `--half dev` / `--half test` reads only the even /
odd pages of the two evaluation sets, to tune on one half and check on the other.

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
  raw date: an ISO date with an offset, or an RFC 822 / English-month date
  with its zone, is read in that offset; otherwise the day of the normalized
  Asia/Ho_Chi_Minh date).  Accuracy over the pages with
  an expected date; "none right" counts pages whose expected date is empty
  and the tool gave none.
- title: whitespace-normalized NFC equality, over pages with a title; case,
  punctuation and spelling count.  trafilatura's own evaluation scores no
  titles (its tests/realworld_tests.py compares them exactly).  A second row,
  "title, case aside", compares them case-folded, for information only: some
  expected titles are written as a stylesheet shows them ("PEANUT BUTTER
  TRUFFLES" for <h1>Peanut Butter Truffles</h1>, text-transform in a CSS file
  the saved page does not hold).  The goal is measured on the exact row.
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
from tintuc_feed.normalize.machine_dates import to_iso

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
    raw = (record.get("published_raw") or "").strip()
    for written in (raw, to_iso(raw) or ""):  # ISO, then the machine shapes (RFC 822, zone names) as ISO
        try:
            moment = datetime.fromisoformat(written)
        except ValueError:
            continue
        if moment.tzinfo is not None:
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


class Readers:
    """Reads a page with each chosen tool; the other libraries' readings can be kept in a cache file.

    htmldate's and trafilatura's readings of a page do not change while their versions do not, so a run
    with ``--cache FILE`` reads each page with them once; the file is keyed by their versions.  Tools left
    out with ``--tools`` read nothing and score nothing.
    """

    def __init__(self, tools: tuple[str, ...], cache: Path | None):
        self.tools = tools
        self.cache_path = cache
        self.key = _library_versions()
        self.cache: dict[str, dict] = {}
        if cache is not None and cache.is_file():
            stored = json.loads(cache.read_text("utf-8"))
            if stored.get("versions") == self.key:
                self.cache = stored["pages"]
        self.misses: list[dict] = []

    def read(self, url: str, path: Path) -> dict[str, dict]:
        got: dict[str, dict] = {}
        if "tintuc-feed" in self.tools:
            got["tintuc-feed"] = read_ours(url, path)
        others = [t for t in ("htmldate", "trafilatura") if t in self.tools]
        if others:
            cached = self.cache.get(str(path))
            if cached is None or any(t not in cached for t in others):
                html = path.read_bytes().decode("utf-8", errors="replace")
                cached = dict(cached or {})
                cached.setdefault("htmldate", read_htmldate(html)) if "htmldate" in others else None
                cached.setdefault("trafilatura", read_trafilatura(html)) if "trafilatura" in others else None
                self.cache[str(path)] = cached
            got.update({t: cached[t] for t in others})
        return got

    def miss(self, set_name: str, url: str, path: Path, field: str, expected, got) -> None:
        self.misses.append(
            {"set": set_name, "url": url, "file": str(path), "field": field, "expected": expected, "got": got}
        )

    def save(self) -> None:
        if self.cache_path is not None and self.cache:
            tmp = self.cache_path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"versions": self.key, "pages": self.cache}, ensure_ascii=False), "utf-8")
            tmp.replace(self.cache_path)


def _library_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("htmldate", "trafilatura")}


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


def score_real(score: Score, readers: Readers, limit: int | None) -> int:
    pages = real_cases()[:limit]
    for case in pages:
        got = readers.read(case.url, case.html_path)
        exp = case.expected
        for tool, result in got.items():
            reading = Reading(
                result.get("title"), result.get("day"), tuple(result.get("authors") or ()), result.get("body")
            )
            checks = [("published_day", "date")]
            if tool != "htmldate":
                checks += [("title", "title"), ("authors", "authors")]
                with_ = [exp["body_start"], exp["body_end"], *exp["must"]]
                score.mark_body(tool, result.get("body"), with_, list(exp["must_not"]))
            for field, label in checks:
                problem = check(field, exp, reading)
                score.mark(tool, label, problem is None)
                if problem is not None and tool == "tintuc-feed":
                    readers.miss("real", case.url, case.html_path, label, exp.get(field), problem)
    return len(pages)


def sample(items: list, limit: int | None, half: str | None = None) -> list:
    """Every k-th item (sorted input), so a limited run is spread over the whole set and repeatable.

    `half` keeps the pages at even ("dev") or odd ("test") positions of the sorted set: tune a
    heuristic on one half, then check on the other that the gain was not bought on those pages.
    """
    if half:
        items = items[0::2] if half == "dev" else items[1::2]
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


CASE_ASIDE = "title, case aside"


def _mark(score: Score, readers: Readers, where: tuple, tool: str, field: str, expected, got, right: bool) -> None:
    score.mark(tool, field, right)
    if not right and tool == "tintuc-feed":
        readers.miss(*where, field, expected, got)


def score_htmldate(score: Score, readers: Readers, clone: Path, limit: int | None, half: str | None = None) -> int:
    tests = clone / "tests"
    pages: dict[str, dict] = {}
    for name in ("eval_mediacloud_2020.json", "eval_default.json"):
        pages.update(json.loads((tests / name).read_text("utf-8")))
    chosen = sample(sorted(pages.items()), limit, half)
    for url, item in chosen:
        path = next(
            (tests / d / item["file"] for d in ("test_set", "cache", "eval") if (tests / d / item["file"]).is_file()),
            None,
        )
        if path is None:
            continue
        where = ("htmldate", url, path)
        for tool, result in readers.read(url, path).items():
            day = result.get("day")
            if item.get("date"):
                _mark(score, readers, where, tool, "date", item["date"], day, day == item["date"])
            else:
                _mark(score, readers, where, tool, "date none right", None, day, day is None)
    return len(chosen)


def score_trafilatura(score: Score, readers: Readers, clone: Path, limit: int | None, half: str | None = None) -> int:
    tests = clone / "tests"
    data = json.loads((tests / "evaldata.json").read_text("utf-8"))
    chosen = sample(sorted(data.items()), limit, half)
    for url, item in chosen:
        path = next((tests / d / item["file"] for d in ("cache", "eval") if (tests / d / item["file"]).is_file()), None)
        if path is None:
            continue
        where = ("trafilatura", url, path)
        for tool, result in readers.read(url, path).items():
            if "date" in item:
                day = result.get("day")
                if item["date"]:
                    _mark(score, readers, where, tool, "date", item["date"], day, day == item["date"])
                else:
                    _mark(score, readers, where, tool, "date none right", None, day, day is None)
            if tool == "htmldate":
                continue
            if item.get("title"):
                title = result.get("title")
                _mark(score, readers, where, tool, "title", item["title"], title, norm(title) == norm(item["title"]))
                score.mark(tool, CASE_ASIDE, norm(title).casefold() == norm(item["title"]).casefold())
            if "author" in item:
                gold = item["author"] if isinstance(item["author"], list) else item["author"].split(";")
                gold = [g for g in names(gold) if g]
                authors = result.get("authors")
                if gold:
                    _mark(score, readers, where, tool, "authors", gold, authors, names(authors) == gold)
                else:
                    _mark(score, readers, where, tool, "authors none right", [], authors, not authors)
            score.mark_body(tool, result.get("body"), item["with"], item["without"])
            _body_misses(readers, where, tool, result.get("body"), item["with"], item["without"])
    return len(chosen)


def _body_misses(readers: Readers, where: tuple, tool: str, text: str | None, with_: list, without: list) -> None:
    if tool != "tintuc-feed":
        return
    body = norm(text)
    missing = [s for s in with_ if norm(s) not in body]
    present = [s for s in without if text and norm(s) in body]
    if missing:
        readers.miss(*where, "body missing", missing, None)
    if present:
        readers.miss(*where, "body boilerplate", present, None)


def table(title: str, score: Score, pages: int, fields: list[str], tools: tuple[str, ...] = TOOLS) -> str:
    lines = [
        f"### {title} ({pages} pages)",
        "",
        "| field | " + " | ".join(tools) + " |",
        "|---|" + "---:|" * len(tools),
    ]
    for field in fields:
        lines.append(f"| {field} | " + " | ".join(score.ratio(t, field) for t in tools) + " |")
    if any(score.body[t][0] + score.body[t][1] + score.body[t][2] for t in tools):
        lines.append("| body (trafilatura's method) | " + " | ".join(score.body_scores(t) for t in tools) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--htmldate", type=Path, help="a clone of adbar/htmldate")
    parser.add_argument("--trafilatura", type=Path, help="a clone of adbar/trafilatura")
    parser.add_argument("--limit", type=int, help="pages per set (spread evenly over the sorted set)")
    parser.add_argument("--sets", default="real,htmldate,trafilatura")
    parser.add_argument(
        "--half", choices=("dev", "test"), help="only the even (dev) or odd (test) pages of the two evaluation sets"
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="tools to run, comma-separated")
    parser.add_argument("--cache", type=Path, help="a JSON file keeping htmldate's and trafilatura's readings")
    parser.add_argument("--misses", type=Path, help="write tintuc-feed's wrong fields here, one JSON object a line")
    args = parser.parse_args(argv)
    tools = tuple(t for t in TOOLS if t in args.tools.split(","))
    if not tools:
        parser.error(f"--tools: choose among {', '.join(TOOLS)}")
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)  # htmldate/trafilatura log every odd page
    readers = Readers(tools, args.cache)
    sets = args.sets.split(",")
    started = time.perf_counter()
    try:
        if "real" in sets:
            score = Score()
            n = score_real(score, readers, args.limit)
            print(table("tests/fixtures/real", score, n, ["title", "date", "authors"], tools))
        if "htmldate" in sets and args.htmldate:
            score = Score()
            n = score_htmldate(score, readers, args.htmldate, args.limit, args.half)
            print(table("htmldate's evaluation set", score, n, ["date", "date none right"], tools))
        if "trafilatura" in sets and args.trafilatura:
            score = Score()
            n = score_trafilatura(score, readers, args.trafilatura, args.limit, args.half)
            fields = ["title", CASE_ASIDE, "date", "date none right", "authors", "authors none right"]
            print(table("trafilatura's evaluation set", score, n, fields, tools))
    finally:
        readers.save()
        if args.misses is not None:
            lines = (json.dumps(m, ensure_ascii=False, default=str) for m in readers.misses)
            args.misses.write_text("".join(line + "\n" for line in lines), "utf-8")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
