"""Extraction accuracy per family and field, family vs generic-only, and speed.

    python benchmarks/bench_extract.py [--runs 5] [--markdown]

Reads every recorded fixture page in tests/fixtures/families/ (the same pages
and expected fields as tests/families/test_fixtures.py) and reads each twice:
with the source's own family, and with the generic family alone.  A field
counts as right when it matches expected.json exactly as the tests judge it.
List pages are scored on the exact list of article links.  Speed is pages per
second through families.extract_article, the median of --runs passes.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args(argv)
    print(render(accuracy(), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
