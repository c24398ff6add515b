"""Normalization speed and correctness, beside dateparser and htmldate on the same strings and pages.

    .venv/bin/python benchmarks/bench_normalize.py [--runs 5] [--size 2000]

Inputs (nothing is fetched; htmldate is only ever given HTML text, never a URL):
  * the date strings and bylines of research/sources.md sections 5-6, each with the value the research
    says it means (RESEARCH_DATES, RESEARCH_BYLINES below);
  * every recorded article page under tests/fixtures/families/ and tests/fixtures/blind/: the family reads
    the page (families.extract_article) and the raw strings it finds -- every date candidate
    (RawArticle.dates), the byline, the title -- are the inputs, judged against the page's expected.json.

Speed: each input list is repeated to at least --size calls and timed --runs times; the median is reported
as calls per second, with the ratio to the project's own function.  Correctness is counted once per input:
  * dates: the research strings one by one (parse_date at the string's origin vs dateparser.parse);
    fixture pages as the pipeline reads them: the first candidate, in the family's order, that the parser
    accepts, against expected `published` (exact instant) or `published_date` (the day);
  * htmldate.find_date on the page HTML (outputformat with time; original_date=True), against the same
    expected day (htmldate gives no time of day here);
  * bylines: research bylines and the blind pages' expected `authors` (names, in order).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.families.cases import registry
from tintuc_feed import families
from tintuc_feed.model import RawDate
from tintuc_feed.normalize import clean_title, parse_byline, parse_date, pick_published
from tintuc_feed.process import normalize_article

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
RESEARCH_NOW = datetime(2026, 7, 10, 12, 0, tzinfo=VN)  # after every research example

# research/sources.md section 5: (string, origin, what it means).  None: no publication date.
RESEARCH_DATES = (
    ("14:19 03/03/2025", "text", "2025-03-03T14:19:00+07:00"),  # 1 AMP header, HH:MM DD/MM/YYYY
    ("11:10 18/07/2022", "text", "2022-07-18T11:10:00+07:00"),  # 2
    ("Thứ Bảy, 18/07/2015, 08:00", "text", "2015-07-18T08:00:00+07:00"),  # 3
    ("1/12/2023 7:56:00 AM", "jsonld", "2023-01-12T07:56:00+07:00"),  # 4 US M/D/YYYY, local time
    ("Thứ năm, 20/11/2025 | 14:24", "text", "2025-11-20T14:24:00+07:00"),  # 7
    ("06/07/2026", "list", "2026-07-06T00:00:00+07:00"),  # 8 date only (day first)
    ("2026-07-06T04:18:59.398Z", "jsonld", "2026-07-06T11:18:59.398000+07:00"),  # 9 UTC
    ("Mon, 06 Jul 2026 11:18:59 +0700", "meta", "2026-07-06T11:18:59+07:00"),  # 10 RFC 822
    ("2026-01-19T08:50:00", "api", "2026-01-19T08:50:00+07:00"),  # 11 ISO without offset: local
    ("2026-01-19T08:50:00Z", "api", "2026-01-19T08:50:00+07:00"),  # 11 "sometimes with Z": still local (*)
    ("Thứ Hai, 16/02/2026 06:38 GMT+7", "text", "2026-02-16T06:38:00+07:00"),  # 12
    ("Thứ Sáu, 09/01/2026 06:46 GMT+7", "text", "2026-01-09T06:46:00+07:00"),  # 12
    ("Thứ 6, 16.02.2024 | 23:46:40", "text", "2024-02-16T23:46:40+07:00"),  # 13 dotted, seconds
    ("Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)| 17/11/2022 14:06", "text", "2022-11-17T14:06:00+07:00"),  # 14
    ("03/10/2022 08:00", "text", "2022-10-03T08:00:00+07:00"),  # 15
    ("https://bocongan.gov.vn/bai-viet/bat-doi-tuong-1783311539", "url", "2026-07-06T11:18:59+07:00"),  # 16
    ("03/04/2024", "text", "2024-04-03T00:00:00+07:00"),  # a visible date is day first (dates.py)
)
# (*) the Hanoi API's Z is wrong by the project's reading of the research (local times); an ISO reader
# that honours Z is right by the standard.  Counted, and marked in the table.

# research/sources.md section 6: (byline as found, the authors' names it carries).
RESEARCH_BYLINES = (
    ("Hoàng Anh", ["Hoàng Anh"]),
    ("Minh Quỳnh - Bá Hiển - Quang Khải", ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]),
    ("Thanh Nguyên (VKSQS khu vực 72/Quân khu 7)", ["Thanh Nguyên"]),
    ("ẢNH: NHƯ Ý", []),  # a photo credit, not an author
    ("(Ảnh: Khánh Hồng)", []),
    ("Nguồn: CAND", []),  # a source line
    ("Theo VTC News", []),
    ("Đại tá Nguyễn Thanh Hải", ["Nguyễn Thanh Hải"]),  # rank is not part of the name
    ("Thiếu tá Đào Huy Dương", ["Đào Huy Dương"]),
)

DP_SETTINGS = {"DATE_ORDER": "DMY", "TIMEZONE": "Asia/Ho_Chi_Minh", "RETURN_AS_TIMEZONE_AWARE": True}


# --- inputs ------------------------------------------------------------------------------------------

def article_pages() -> list[dict]:
    """Every fixture article page with a registry source, read by its family."""
    pages = []
    for meta_path in sorted(FIXTURES.glob("*/*/*/meta.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        source = registry().get(meta.get("source"))
        if meta.get("kind") != "article" or source is None:
            continue
        folder = meta_path.parent
        text = next(p for p in sorted(folder.iterdir()) if p.name.startswith("input.")).read_text("utf-8")
        try:
            raw = families.extract_article(source, meta["url"], text, hints=meta.get("hints") or {})
        except families.NotAnArticle:
            continue
        expected = json.loads((folder / "expected.json").read_text("utf-8"))
        pages.append({"id": f"{folder.parent.parent.name}/{folder.parent.name}/{folder.name}", "raw": raw,
                      "source": source, "text": text, "html": not text.lstrip().startswith(("{", "[")),
                      "fetched_at": datetime.fromisoformat(meta["fetched_at"]), "expected": expected})
    return pages


# --- the parsers under comparison --------------------------------------------------------------------

def dateparser_default(s: str):
    import dateparser

    return dateparser.parse(s)


def dateparser_vi(s: str):
    import dateparser

    return dateparser.parse(s, languages=["vi"], settings=DP_SETTINGS)


def dateparser_vi_en(s: str):
    import dateparser

    return dateparser.parse(s, languages=["vi", "en"], settings=DP_SETTINGS)


DATEPARSERS = {
    "dateparser.parse(s)": dateparser_default,
    "dateparser vi, DMY, TZ": dateparser_vi,
    "dateparser vi+en, DMY, TZ": dateparser_vi_en,
}


def as_vn(value: datetime | None) -> datetime | None:
    """A naive result is read as Vietnam local time (the fairest reading of a baseline without a zone)."""
    if value is None:
        return None
    return value.replace(tzinfo=VN) if value.tzinfo is None else value


def safe(fn, *args):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args)
    except Exception:  # noqa: BLE001 -- a baseline that raises on a string has not read it
        return None


def first_accepted(parse, dates: tuple[RawDate, ...]) -> datetime | None:
    """What a pipeline built on `parse` would publish: the first candidate it reads."""
    for candidate in dates:
        value = as_vn(safe(parse, candidate.raw))
        if value is not None:
            return value
    return None


def htmldate_of(html: str) -> str | None:
    from htmldate import find_date

    return safe(lambda: find_date(html, outputformat="%Y-%m-%dT%H:%M:%S", original_date=True))


def naive_authors(byline: str | None) -> list[str]:
    """The obvious baseline: split on the separators bylines use, keep what is left."""
    return [p.strip() for p in re.split(r"\s+[-–]\s+|[,;/\n]", byline or "") if p.strip()]


# --- correctness ---------------------------------------------------------------------------------------

def same_instant(value: datetime | None, expected: str | None) -> bool:
    """Equal to the second (parse_date drops milliseconds, which no feed shows)."""
    if expected is None or value is None:
        return value is None and expected is None
    return value.replace(microsecond=0) == datetime.fromisoformat(expected).replace(microsecond=0)


def page_expectation(page: dict) -> tuple[str, str] | None:
    """('instant', iso) or ('day', yyyy-mm-dd) from expected.json."""
    exp = page["expected"]
    if exp.get("published"):
        return "instant", exp["published"]
    if exp.get("published_date"):
        return "day", exp["published_date"]
    return None


def judge_page(value: datetime | None, expectation: tuple[str, str]) -> tuple[bool, bool]:
    """(exact, same day) against the page's expected value."""
    if value is None:
        return False, False
    kind, expected = expectation
    local = value.astimezone(VN)
    day = local.date().isoformat() == expected[:10]
    if kind == "day":
        return day, day
    target = datetime.fromisoformat(expected)
    return same_instant(value, expected), local.date() == target.astimezone(VN).date()


def date_correctness(pages: list[dict]) -> dict:
    """parser -> {research: n right, research_rows: [...], pages_exact, pages_day, pages}."""
    dated = [(p, page_expectation(p)) for p in pages if page_expectation(p)]
    out = {}
    project = {
        "research": [parse_date(s, origin, now=RESEARCH_NOW) for s, origin, _ in RESEARCH_DATES],
        "pages": [pick_published(p["raw"].dates, now=p["fetched_at"]) for p, _ in dated],
    }
    rows = {"tintuc_feed parse_date": ([r.value if r else None for r in project["research"]],
                                       [r.value if r else None for r in project["pages"]])}
    for name, fn in DATEPARSERS.items():
        rows[name] = ([as_vn(safe(fn, s)) for s, _, _ in RESEARCH_DATES],
                      [first_accepted(fn, p["raw"].dates) for p, _ in dated])
    for name, (research, page_values) in rows.items():
        judged = [judge_page(v, e) for v, (_, e) in zip(page_values, dated, strict=True)]
        out[name] = {
            "research": sum(same_instant(v, e) for v, (_, _, e) in zip(research, RESEARCH_DATES, strict=True)),
            "research_values": research,
            "pages_exact": sum(j[0] for j in judged),
            "pages_day": sum(j[1] for j in judged),
            "pages": len(dated),
        }
    html_dated = [(p, e) for p, e in dated if p["html"]]
    found = [htmldate_of(p["text"]) for p, _ in html_dated]
    judged = [judge_page(datetime.fromisoformat(v).replace(tzinfo=VN) if v else None, e)
              for v, (_, e) in zip(found, html_dated, strict=True)]
    out["htmldate.find_date(html)"] = {"pages_exact": sum(j[0] for j in judged), "pages_day": sum(j[1] for j in judged),
                                       "pages": len(html_dated)}
    out["tintuc_feed on the HTML pages"] = {
        "pages_exact": sum(judge_page(v, e)[0] for v, (p, e) in zip(rows["tintuc_feed parse_date"][1], dated,
                                                                        strict=True) if p["html"]),
        "pages_day": sum(judge_page(v, e)[1] for v, (p, e) in zip(rows["tintuc_feed parse_date"][1], dated,
                                                                      strict=True) if p["html"]),
        "pages": len(html_dated),
    }
    return out


def byline_correctness(pages: list[dict]) -> dict:
    cases = list(RESEARCH_BYLINES)
    cases += [(p["raw"].byline, p["expected"]["authors"]) for p in pages if "authors" in p["expected"]]
    project = sum([a.name for a in parse_byline(b).authors] == want for b, want in cases)
    naive = sum(naive_authors(b) == want for b, want in cases)
    return {"cases": len(cases), "research": len(RESEARCH_BYLINES), "project": project, "naive": naive}


# --- speed -----------------------------------------------------------------------------------------------

def repeated(items: list, size: int) -> list:
    return (items * (size // max(len(items), 1) + 1))[: max(size, len(items))]


def rate(fn, items: list, runs: int) -> float:
    """Calls per second over `items`, median of `runs` passes."""
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            fn(item)
        rates.append(len(items) / (time.perf_counter() - start))
    return statistics.median(rates)


def speed(pages: list[dict], runs: int, size: int) -> list[tuple[str, str, float, str]]:
    """(what, function, calls/s, ratio note) rows."""
    strings = [(s, origin, RESEARCH_NOW) for s, origin, _ in RESEARCH_DATES]
    strings += [(d.raw, d.origin, p["fetched_at"]) for p in pages for d in p["raw"].dates]
    dates = repeated(strings, size)
    slow = repeated(strings, max(size // 10, len(strings)))  # dateparser is slow: fewer calls, same mix
    rows = []
    ours = rate(lambda t: parse_date(t[0], t[1], now=t[2]), dates, runs)
    rows.append((f"date strings ({len(strings)} distinct)", "tintuc_feed parse_date", ours, "1"))
    for name, fn in DATEPARSERS.items():
        theirs = rate(lambda t, fn=fn: safe(fn, t[0]), slow, runs)
        rows.append(("", name, theirs, f"{ours / theirs:.0f}x slower than parse_date"))
    bylines = [b for b, _ in RESEARCH_BYLINES] + [p["raw"].byline for p in pages if p["raw"].byline]
    rows.append((f"bylines ({len(bylines)} distinct)", "tintuc_feed parse_byline",
                 rate(parse_byline, repeated(bylines, size), runs), ""))
    rows.append(("", "naive split (baseline)", rate(naive_authors, repeated(bylines, size), runs), ""))
    titles = [(p["raw"].title, [n for n in (p["raw"].site_name, p["source"].name) if n]) for p in pages]
    rows.append((f"titles ({len(titles)} distinct)", "tintuc_feed clean_title",
                 rate(lambda t: clean_title(*t), repeated(titles, size), runs), ""))
    articles = repeated(pages, max(size // 4, len(pages)))
    ours = rate(lambda p: normalize_article(p["raw"], p["source"], fetched_at=p["fetched_at"]), articles, runs)
    rows.append((f"whole articles ({len(pages)} pages)", "tintuc_feed normalize_article", ours, "1"))
    html_pages = [p["text"] for p in pages if p["html"]]
    theirs = rate(htmldate_of, repeated(html_pages, max(size // 20, len(html_pages))), runs)
    rows.append(("", "htmldate.find_date(html) (a date only)", theirs,
                 f"{ours / theirs:.1f}x normalize_article's rate" if ours > theirs else
                 f"{theirs / ours:.1f}x faster than normalize_article"))
    pick = [(p["raw"].dates, p["fetched_at"]) for p in pages]
    ours = rate(lambda t: pick_published(t[0], now=t[1]), repeated(pick, size), runs)
    rows.append(("published date per article", "tintuc_feed pick_published", ours, "1"))
    for name, fn in list(DATEPARSERS.items())[1:2]:
        theirs = rate(lambda t, fn=fn: first_accepted(fn, t[0]), repeated(pick, max(size // 10, len(pick))), runs)
        rows.append(("", f"{name}, first accepted candidate", theirs, f"{ours / theirs:.0f}x slower"))
    return rows


# --- report ----------------------------------------------------------------------------------------------

def render(pages: list[dict], runs: int, size: int) -> str:
    lines = [(f"{len(pages)} fixture article pages; {sum(len(p['raw'].dates) for p in pages)} date candidates; "
             f"{len(RESEARCH_DATES)} research date strings; runs={runs}, size={size}"), ""]
    lines += ["| input | function | calls/s (median) | ratio |", "|---|---|---:|---|"]
    lines += [f"| {what} | {fn} | {r:,.0f} | {note} |" for what, fn, r, note in speed(pages, runs, size)]
    correct = date_correctness(pages)
    lines += ["", "| date reader | research strings right | fixture pages: exact instant | fixture pages: right day |",
              "|---|---:|---:|---:|"]
    for name, c in correct.items():
        research = f"{c['research']}/{len(RESEARCH_DATES)}" if "research" in c else "—"
        lines.append(f"| {name} | {research} | {c['pages_exact']}/{c['pages']} | {c['pages_day']}/{c['pages']} |")
    lines += ["", "Research strings, value by value (✓ = the research's meaning):", "",
              "| string | origin | expected | " + " | ".join(n for n in correct if "research" in correct[n]) + " |",
              "|---|---|---|" + "---|" * sum("research" in c for c in correct.values())]
    for i, (s, origin, expected) in enumerate(RESEARCH_DATES):
        cells = []
        for c in correct.values():
            if "research" in c:
                v = c["research_values"][i]
                cells.append(("✓ " if same_instant(v, expected) else "✗ ") + (v.isoformat() if v else "None"))
        lines.append(f"| `{s}` | {origin} | {expected} | " + " | ".join(cells) + " |")
    b = byline_correctness(pages)
    lines += ["", (f"Bylines ({b['cases']}: {b['research']} research examples + the blind pages' expected authors): "
              f"parse_byline {b['project']}/{b['cases']} right, naive split {b['naive']}/{b['cases']}.")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=2000, help="calls per timed pass (dateparser: a tenth)")
    args = parser.parse_args(argv)
    print(render(article_pages(), args.runs, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
