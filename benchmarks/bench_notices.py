"""Notices: precision and recall per kind and per field on the fixture notices, beside a keyword baseline;
time per article.

    .venv/bin/python benchmarks/bench_notices.py [--runs 5]

Inputs: every notice of tests/fixtures/notices/*.toml (wanted, withdrawals, fraud, appeals, and the stories
that must stay stories), each with the record a careful reader takes from it.

* Kind: each article is classified (rules) and the kind compared with the fixture's; per kind,
  precision = right / classified as that kind, recall = right / fixtures of that kind.  The baseline is a
  keyword classifier ("truy nã" in the title -> wanted, "đình nã" -> withdrawal, "lừa đảo" -> fraud,
  "tìm" -> appeal), the obvious thing to do without rules.
* Fields: per field, a value read that equals the fixture's is a true positive, a value read that is wrong
  or that the fixture does not have is a false positive, a fixture value not read (or read wrong) a false
  negative.  List fields (phones, domains, tricks…) count per element.  Wanted fields per person, persons
  paired in order.
* Speed: read_notice on every fixture, --runs times; median ms per article, and the share of it spent on
  classification alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from notice_cases import content_html, every_case, plain

from tintuc_feed.notices import notice_json, read_notice
from tintuc_feed.notices.classify import classify
from tintuc_feed.notices.text import Document, fold_same_length
from tintuc_feed.notices.wanted import FIELDS as WANTED_FIELDS

KINDS = ("wanted", "withdrawal", "fraud", "appeal", "story")
FRAUD_FIELDS = ("tricks", "phones", "contact_phones", "urls", "domains", "apps", "accounts", "impersonated")
APPEAL_FIELDS = ("asks", "contact_unit", "officer", "phones", "deadline", "deadline_days")
BASELINE = (("dinh na", "withdrawal"), ("truy na", "wanted"), ("lua dao", "fraud"), ("tim ", "appeal"))


def baseline_kind(title: str) -> str:
    folded = fold_same_length(title.lower())
    return next((kind for word, kind in BASELINE if word in folded), "story")


def kind_scores(cases, kind_of) -> dict[str, tuple[float, float, int]]:
    predicted = [(case["kind"], kind_of(case)) for case in cases]
    scores = {}
    for kind in KINDS:
        tp = sum(1 for want, got in predicted if want == got == kind)
        said = sum(1 for _, got in predicted if got == kind)
        real = sum(1 for want, _ in predicted if want == kind)
        scores[kind] = (tp / said if said else 1.0, tp / real if real else 1.0, real)
    return scores


def _items(value) -> list:
    if value is None:
        return []
    return [repr(v) for v in value] if isinstance(value, list) else [repr(value)]


def count(counter: Counter, field: str, got, want) -> None:
    got_items, want_items = Counter(_items(got)), Counter(_items(want))
    tp = sum((got_items & want_items).values())
    counter[field, "tp"] += tp
    counter[field, "fp"] += sum(got_items.values()) - tp
    counter[field, "fn"] += sum(want_items.values()) - tp


def field_scores(cases) -> Counter:
    counter: Counter = Counter()
    for case in cases:
        fields = plain(notice_json(read_notice(case["title"], case["text"], content_html(case)))["fields"])
        if case["kind"] == "wanted":
            people = fields.get("people", [])
            for index, person in enumerate(case["expected"]):
                got = people[index] if index < len(people) else {}
                for name in ("name", *WANTED_FIELDS):
                    count(counter, f"wanted.{name}", got.get(name), person.get(name))
            for extra in people[len(case["expected"]):]:  # persons read that the notice does not name
                count(counter, "wanted.name", extra.get("name"), None)
        elif case["kind"] in ("fraud", "appeal"):
            names = FRAUD_FIELDS if case["kind"] == "fraud" else APPEAL_FIELDS
            for name in names:
                count(counter, f"{case['kind']}.{name}", fields.get(name), case.get(name))
        elif case["kind"] == "withdrawal":
            for name in ("reason", "wanted_decision", "decision_number"):
                count(counter, f"withdrawal.{name}", fields.get(name), case.get(name))
            people = fields.get("people", [])
            for index, person in enumerate(case["expected"]):
                got = people[index] if index < len(people) else {}
                for name in ("name", "birth_year"):
                    count(counter, f"withdrawal.{name}", got.get(name), person.get(name))
    return counter


def speed(cases, runs: int) -> tuple[float, float]:
    def timed(work) -> float:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            for case in cases:
                work(case)
            samples.append((time.perf_counter() - start) * 1000 / len(cases))
        return statistics.median(samples)

    full = timed(lambda c: read_notice(c["title"], c["text"], content_html(c)))
    only = timed(lambda c: classify(Document(c["title"], c["text"])))
    return full, only


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = every_case()
    rules = kind_scores(cases, lambda c: read_notice(c["title"], c["text"]).kind)
    base = kind_scores(cases, lambda c: baseline_kind(c["title"]))
    print(f"{len(cases)} fixture articles: " + ", ".join(f"{k} {rules[k][2]}" for k in KINDS))
    print("\n| kind | n | precision | recall | keyword baseline P | baseline R |\n|---|---|---|---|---|---|")
    for kind in KINDS:
        p, r, n = rules[kind]
        bp, br, _ = base[kind]
        print(f"| {kind} | {n} | {p:.2f} | {r:.2f} | {bp:.2f} | {br:.2f} |")
    counter = field_scores(cases)
    print("\n| field | true pos. | false pos. | false neg. | precision | recall |\n|---|---|---|---|---|---|")
    for field in sorted({f for f, _ in counter}):
        tp, fp, fn = counter[field, "tp"], counter[field, "fp"], counter[field, "fn"]
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"| {field} | {tp} | {fp} | {fn} | {precision:.2f} | {recall:.2f} |")
    full, only = speed(cases, args.runs)
    print(f"\nread_notice: median {full:.3f} ms per article over {args.runs} runs; "
          f"classification alone {only:.3f} ms ({only / full:.0%} of it)")


if __name__ == "__main__":
    main()
