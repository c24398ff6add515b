"""Extraction accuracy per family and field, family vs generic-only, and speed.

    python benchmarks/bench_extract.py [--runs 5] [--speed-only] [--statistic min] [--clock cpu] [--sets families,...,real-selectors]
    python benchmarks/bench_extract.py --stages [--runs 15] [--sets families,blind,full-size]

Reads every recorded fixture page in tests/fixtures/families/ (the same pages
and expected fields as tests/families/test_fixtures.py) and reads each twice:
with the source's own family, and with the generic family alone.  A field
counts as right when it matches expected.json exactly as the tests judge it.
List pages are scored on the exact list of article links.  Speed is pages per
second through families.extract_article, the median of --runs passes.

Speed beside trafilatura and a bare lxml parse (--speed-only, issue 10): for
three sets of article pages -- the HTML fixtures of tests/fixtures/families,
the blind pages of tests/fixtures/blind, full-size pages (the sample site's
six articles inside 50-250 KB of generated portal chrome,
benchmarks/portal_pages.py), and the real-page corpus of tests/fixtures/real
(saved Vietnamese news pages, read by the generic family) -- each page is read, interleaved page by page in
the same process, by tintuc-feed (families.extract_article +
process.normalize_article, what the crawl does), by trafilatura's
bare_extraction(html, url=url, with_metadata=True), and by a bare
lxml.html.fromstring(html).  Per page, the median of --runs passes (after a
warm-up pass; --statistic min takes the fastest pass instead, steadier on a loaded
machine; --clock cpu times each reading by its thread's CPU time, not the elapsed time); per set, the mean of those per-page times in ms, and the ratios as the
median of per-page ratios.  Run it against another tree of the code with
PYTHONPATH=<that tree>/src (docs/BENCHMARKS.md).

--stages times the two halves of tintuc-feed's reading apart, per page the fastest
pass of each: families.extract_article (the families' reading, page checks and parse
included) and process.normalize_article (sanitizing, text, dates, bylines, titles,
provinces, canonical URL), and the share normalization takes.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from tests.families.cases import (
    article_fields,
    field_matches,
    list_fields,
    load_cases,
    source_for,
)
from tintuc_feed import families
from tintuc_feed.sources import Source

FIELDS = ("title", "published", "published_origin", "byline", "summary", "body_start", "body_end", "body_excludes",
          "image", "canonical_url", "degraded")


def _safe(read, case, family):
    try:
        return read(case, family)
    except families.NotAnArticle:
        return {}


def accuracy() -> dict[str, dict[str, list[int]]]:
    """family -> field -> [family right, generic right, pages]."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for case in load_cases("article"):
        own, generic = _safe(article_fields, case, None), _safe(article_fields, case, "generic")
        for field in FIELDS:
            if field in case.expected:
                row = table[case.family][field]
                row[0] += field in own and field_matches(case, field, own[field])
                row[1] += field in generic and field_matches(case, field, generic[field])
                row[2] += 1
    for case in load_cases("list"):
        row = table[case.family]["list links"]
        row[0] += list_fields(case)["articles"] == case.expected["articles"]
        row[1] += list_fields(case, "generic")["articles"] == case.expected["articles"]
        row[2] += 1
    return table


def speed(runs: int, family: str | None) -> float:
    """Pages per second through extract_article, median of `runs` passes."""
    cases = [(c, source_for(c, family)) for c in load_cases("article")]
    texts = [c.text for c, _ in cases]
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for (case, source), text in zip(cases, texts, strict=True):
            try:
                families.extract_article(source, case.meta["url"], text, hints=case.meta.get("hints") or {})
            except families.NotAnArticle:
                pass
        rates.append(len(cases) / (time.perf_counter() - start))
    return statistics.median(rates)


def _is_html(case) -> bool:
    return not case.text.lstrip().startswith(("{", "["))


# ---- speed beside trafilatura and a bare lxml parse (issue 10) ---------------------------

FETCHED_AT = datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def page_sets() -> dict[str, list[tuple[str, Source, str, dict, str]]]:
    """set name -> [(page id, source, url, hints, html)]: recorded fixtures, blind pages, full-size pages."""
    from portal_pages import pages

    from tests.families.golden import FIXTURES, REAL_SOURCE, SAMPLE_SOURCE, _case_dirs

    sets = {}
    for name in ("families", "blind"):
        sets[name] = [(c.id, source_for(c), c.meta["url"], c.meta.get("hints") or {}, c.text)
                      for c in _case_dirs(FIXTURES / name) if c.meta["kind"] == "article" and _is_html(c)]
    sets["full-size"] = [(name, SAMPLE_SOURCE, url, {}, html) for name, url, html in pages()]
    sets["real"] = [(folder.name, REAL_SOURCE, json.loads((folder / "meta.json").read_text("utf-8"))["url"], {},
                     (folder / "input.html").read_text("utf-8"))
                    for folder in sorted(p for p in (FIXTURES / "real").iterdir() if p.is_dir())]
    # The real pages read by a source whose `[source.selectors]` body selector always matches (the page's
    # <body>): what the generic reader costs when a source's own selector gives the body (--sets only).
    with_body = replace(REAL_SOURCE, selectors={"body": "body"})
    sets["real-selectors"] = [(page_id, with_body, url, hints, html) for page_id, _, url, hints, html in sets["real"]]
    return sets


DEFAULT_SETS = ("families", "blind", "full-size", "real")


def tintuc_reader(source, url, hints):
    """Extraction + normalization, what the crawl does with a page."""
    from tintuc_feed.process import normalize_article

    def read(html):
        try:
            raw = families.extract_article(source, url, html, hints=hints)
            normalize_article(raw, source, fetched_at=FETCHED_AT, fetched_url=url)
        except (families.NotAnArticle, ValueError):
            pass
    return read


def trafilatura_reader(source, url, hints):
    import trafilatura

    def read(html):
        trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return read


def lxml_reader(source, url, hints):
    import lxml.html

    def read(html):
        lxml.html.fromstring(html)
    return read


SPEED_READERS = {"tintuc-feed": tintuc_reader, "trafilatura": trafilatura_reader, "lxml.html.fromstring": lxml_reader}


def page_times(pages, runs: int, statistic=statistics.median, clock=time.perf_counter) -> dict[str, list[float]]:
    """reader -> per-page seconds over `runs` passes, their median or min (readers interleaved page by page; one
    warm-up pass)."""
    readers = {name: [make(source, url, hints) for _, source, url, hints, _ in pages]
               for name, make in SPEED_READERS.items()}
    samples = {name: [[] for _ in pages] for name in readers}
    for n in range(runs + 1):
        _forget_folds()  # each pass reads the pages as new ones (a crawl folds each byline once)
        for i, page in enumerate(pages):
            for name, by_page in readers.items():
                gc.disable()
                start = clock()
                by_page[i](page[4])
                elapsed = clock() - start
                gc.enable()
                if n:
                    samples[name][i].append(elapsed)
    return {name: [statistic(s) for s in per_page] for name, per_page in samples.items()}


# What is remembered of one article's own strings (its folds, its byline): emptied before each pass, so
# that a pass reads the pages as new ones.  Memories of a source's constants (its site names, its
# province) are kept: a crawl reads many pages of each source.
PAGE_MEMORIES = (("text", "_fold_key_cached"), ("authors", "_parse_byline_cached"))


def _forget_folds() -> None:
    from tintuc_feed import normalize

    for module, name in PAGE_MEMORIES:
        cached = getattr(getattr(normalize, module, None), name, None)
        if cached is not None:
            cached.cache_clear()


STATISTICS = {"median": statistics.median, "min": min}
# wall: elapsed time; cpu: the reading thread's CPU time (time.thread_time), which time spent waiting for a
# core on a loaded machine does not inflate (a shared 2-core VM at load 8 doubles wall times unevenly)
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}


def render_speed(runs: int, statistic: str = "median", names: tuple[str, ...] = DEFAULT_SETS, clock: str = "wall") -> str:
    lines = [f"Extraction + normalization per page, {statistic} of {runs} passes, {clock} clock ({families.__file__}):", "",
             ("| pages | n | median KB | tintuc-feed ms | trafilatura ms | lxml parse ms | trafilatura / tintuc-feed "
             "(median of per-page ratios) | tintuc-feed / lxml parse |"), "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, pages in page_sets().items():
        if name not in names:
            continue
        times = page_times(pages, runs, STATISTICS[statistic], CLOCKS[clock])
        own, traf, bare = times["tintuc-feed"], times["trafilatura"], times["lxml.html.fromstring"]
        size = statistics.median(len(p[4].encode("utf-8")) / 1024 for p in pages)
        lines.append(
            f"| {name} | {len(pages)} | {size:.1f} | {1000 * statistics.mean(own):.2f} | "
            f"{1000 * statistics.mean(traf):.2f} | {1000 * statistics.mean(bare):.3f} | "
            f"{statistics.median(t / o for t, o in zip(traf, own, strict=True)):.2f} | "
            f"{statistics.median(o / b for o, b in zip(own, bare, strict=True)):.1f} |")
    return "\n".join(lines)


def stage_times(pages, runs: int) -> tuple[list[float], list[float]]:
    """Per page, the fastest of `runs` passes of extract_article alone and of normalize_article alone (on that
    pass's RawArticle; after a warm-up pass; page memories emptied before each pass, as in page_times)."""
    from tintuc_feed.process import normalize_article

    extract, normalize = [float("inf")] * len(pages), [float("inf")] * len(pages)
    for n in range(runs + 1):
        _forget_folds()
        for i, (_, source, url, hints, html) in enumerate(pages):
            gc.disable()
            start = time.perf_counter()
            try:
                raw = families.extract_article(source, url, html, hints=hints)
            except families.NotAnArticle:
                raw = None
            middle = time.perf_counter()
            try:
                if raw is not None:
                    normalize_article(raw, source, fetched_at=FETCHED_AT, fetched_url=url)
            except ValueError:
                pass
            end = time.perf_counter()
            gc.enable()
            if n:
                extract[i], normalize[i] = min(extract[i], middle - start), min(normalize[i], end - middle)
    return extract, normalize


def render_stages(runs: int, names: tuple[str, ...] = DEFAULT_SETS) -> str:
    """Where tintuc-feed's time goes: the families' reading (extract_article) and normalization."""
    lines = [f"Extraction and normalization apart, fastest of {runs} passes per page ({families.__file__}):", "",
             "| pages | n | extract_article ms | normalize_article ms | normalization share |",
             "|---|---:|---:|---:|---:|"]
    for name, pages in page_sets().items():
        if name not in names:
            continue
        extract, normalize = stage_times(pages, runs)
        own, norm = statistics.mean(extract), statistics.mean(normalize)
        lines.append(f"| {name} | {len(pages)} | {1000 * own:.3f} | {1000 * norm:.3f} | {100 * norm / (own + norm):.0f} % |")
    return "\n".join(lines)


def render(table, runs: int) -> str:
    lines = ["| family | field | family right | generic-only right | pages |", "|---|---|---|---|---|"]
    totals = defaultdict(lambda: [0, 0, 0])
    for family in sorted(table):
        for field, (own, generic, pages) in table[family].items():
            lines.append(f"| {family} | {field} | {own}/{pages} | {generic}/{pages} | {pages} |")
            for i, v in enumerate((own, generic, pages)):
                totals[family][i] += v
    lines += ["", "| family | all fields, family | all fields, generic-only |", "|---|---|---|"]
    for family, (own, generic, n) in sorted(totals.items()):
        lines.append(f"| {family} | {own}/{n} ({100 * own / n:.0f} %) | {generic}/{n} ({100 * generic / n:.0f} %) |")
    n_pages = len(load_cases("article"))
    lines += ["", (f"Speed over the {n_pages} article pages (median of {runs} runs): "
              f"families {speed(runs, None):.0f} pages/s, generic-only {speed(runs, 'generic'):.0f} pages/s.")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--speed-only", action="store_true", help="only the per-article timing beside trafilatura")
    parser.add_argument("--statistic", choices=sorted(STATISTICS), default="median",
                        help="per page, the median of the passes or the fastest (steadier on a loaded machine)")
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS),
                        help="comma-separated page sets of the speed table (also: real-selectors)")
    parser.add_argument("--stages", action="store_true",
                        help="only the time of extract_article and of normalize_article apart, per set")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="elapsed time, or the reading thread's CPU time (steadier on a loaded machine)")
    args = parser.parse_args(argv)
    if args.stages:
        print(render_stages(args.runs, tuple(args.sets.split(","))))
        return 0
    if not args.speed_only:
        print(render(accuracy(), args.runs))
        print()
    print(render_speed(args.runs, args.statistic, tuple(args.sets.split(",")), args.clock))
    return 0


if __name__ == "__main__":
    sys.exit(main())
