"""Extraction accuracy per family and field, family vs generic-only, and speed.

    python benchmarks/bench_extract.py [--runs 5] [--speed-only]

Reads every recorded fixture page in tests/fixtures/families/ (the same pages
and expected fields as tests/families/test_fixtures.py) and reads each twice:
with the source's own family, and with the generic family alone.  A field
counts as right when it matches expected.json exactly as the tests judge it.
List pages are scored on the exact list of article links.  Speed is pages per
second through families.extract_article, the median of --runs passes.

Speed beside trafilatura (issue 4): milliseconds per article page, per family,
for the family's extract_article, for generic-only, and for trafilatura's bare
extraction of the same page text in the same run -- trafilatura.extract with
output_format="txt", and with output_format="html", with_metadata=True (title,
date, author: the closest to what a family returns).  Each figure is the
median over --runs passes of the mean time per page; the ratio is
trafilatura / family.  The JSON API pages of dnn-cmsview are not HTML and are
left out of the trafilatura columns (and of the ratio).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.families.cases import (
    article_fields,
    field_matches,
    list_fields,
    load_cases,
    source_for,
)
from tintuc_feed import families

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


def _family_reader(case, family):
    source, url, hints = source_for(case, family), case.meta["url"], case.meta.get("hints") or {}

    def read(text):
        try:
            families.extract_article(source, url, text, hints=hints)
        except families.NotAnArticle:
            pass
    return read


def _trafilatura_reader(output_format: str, with_metadata: bool):
    import trafilatura

    def read(text):
        trafilatura.extract(text, output_format=output_format, with_metadata=with_metadata)
    return read


READERS = {
    "family": lambda case: _family_reader(case, None),
    "generic-only": lambda case: _family_reader(case, "generic"),
    "trafilatura txt": lambda case: _trafilatura_reader("txt", False),
    "trafilatura html+meta": lambda case: _trafilatura_reader("html", True),
}


def _is_html(case) -> bool:
    return not case.text.lstrip().startswith(("{", "["))


def per_article_ms(runs: int) -> dict[str, dict[str, float]]:
    """family -> reader -> ms per page (median of `runs` passes, readers interleaved within each pass)."""
    cases = load_cases("article")
    texts = {case.id: case.text for case in cases}
    readers = {name: {case.id: make(case) for case in cases} for name, make in READERS.items()}
    samples: dict[tuple[str, str], list[float]] = defaultdict(list)
    for _ in range(runs + 1):  # the first pass warms caches (imports, compiled selectors) and is dropped
        totals: dict[tuple[str, str], list[float]] = defaultdict(list)
        for name, by_case in readers.items():
            for case in cases:
                if name.startswith("trafilatura") and not _is_html(case):
                    continue
                gc.disable()
                start = time.perf_counter()
                by_case[case.id](texts[case.id])
                elapsed = time.perf_counter() - start
                gc.enable()
                totals[(case.family, name)].append(elapsed)
                if _is_html(case):
                    totals[("all HTML pages", name)].append(elapsed)
        for key, times in totals.items():
            samples[key].append(1000 * sum(times) / len(times))
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (family, name), values in samples.items():
        out[family][name] = statistics.median(values[1:])
    return out


def render_speed(runs: int) -> str:
    ms = per_article_ms(runs)
    names = list(READERS)
    lines = [f"ms per article page, median of {runs} runs ({families.__file__}):", "",
             "| family | pages | " + " | ".join(names) + " | trafilatura txt / family | html+meta / family |",
             "|---|---:|" + "---:|" * len(names) + "---:|---:|"]
    counts = defaultdict(int)
    for case in load_cases("article"):
        counts[case.family] += 1
        counts["all HTML pages"] += _is_html(case)
    for family in [*sorted(f for f in ms if f != "all HTML pages"), "all HTML pages"]:
        row = ms[family]
        cells = [f"{row[n]:.2f}" if n in row else "—" for n in names]
        ratios = [f"{row[t] / row['family']:.2f}" if t in row else "—" for t in names[2:]]
        lines.append(f"| {family} | {counts[family]} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
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
    args = parser.parse_args(argv)
    if not args.speed_only:
        print(render(accuracy(), args.runs))
        print()
    print(render_speed(args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
