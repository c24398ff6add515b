"""Hostile input: CPU time of pathological pages and of every regular expression on pathological text.

    .venv/bin/python benchmarks/bench_hostile.py [--pages] [--regexes] [--limit SECONDS]

--pages: the seed page (tests/fixtures/families/generic/article-seed-daknong) with one hostile block
before </body>, read from bytes the way a crawl worker reads it (crawler.pages.read_page: charset,
family, normalization, the store's preparation); CPU seconds per page and what came out.  A page that
takes longer than --limit seconds is stopped (reported as "> limit": a stuck worker).  Run it against
another tree of the code with PYTHONPATH=<that tree>/src.

--regexes: every pattern the library compiles (recorded while its modules import and every recorded
family page is read) is run with finditer over 22 pathological texts of 2,000 and 16,000 characters
("- " repeated, "09:15 ", digits and slashes, one long word, ...); patterns whose time grows more than 20x
for the 8x longer text (quadratic or worse) and take over 20 ms are listed.  None is expected.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

NOW = datetime(2026, 11, 29, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

# name -> the block added before </body>
BLOCKS = {
    "10,000 colons on one line ('09:15 ' x 10,000)": "<p>" + "09:15 " * 10_000 + "</p>",
    "a byline of 10,000 '- '": "<p><strong>Tác giả: " + "- " * 10_000 + "</strong></p>",
    "one 200,000-letter word": "<p>" + "a" * 200_000 + "</p>",
    "8,000 one-word paragraphs": "<p>a</p>" * 8_000,
    "100,000 one-word paragraphs": "<p>a</p>" * 100_000,
    "5,000 nested divs": "<div>" * 5_000 + "x" + "</div>" * 5_000,
    "10 MB of paragraphs": "<p>" + ("chữ " * 250 + "</p><p>") * 10_000 + "</p>",
    "ld+json nested 100,000 deep": '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
    "5 links to 'http://[bad'": '<a href="http://[bad">x</a>' * 5,
}


def _seed():
    from families.cases import load_cases

    return next(c for c in load_cases() if c.id == "generic/article-seed-daknong")


def _read_one(name: str, queue) -> None:
    from families.cases import source_for

    from crawler.pages import read_page

    case = _seed()
    page = case.text.replace("</body>", BLOCKS[name] + "</body>", 1).encode("utf-8")
    start = time.process_time()
    try:
        read = read_page(source_for(case), case.meta["url"], page, case.meta.get("hints"),
                         "text/html; charset=utf-8", case.meta["url"], NOW)
        outcome = read.get("skipped") or ("article" if read.get("prepared") else read.get("error"))
    except Exception as exc:  # noqa: BLE001 - the benchmark reports what a worker would lose
        outcome = f"exception {type(exc).__name__}"
    queue.put((time.process_time() - start, outcome))


def bench_pages(limit: float) -> None:
    print("| hostile block before </body> of the seed page | CPU s | outcome |\n|---|---:|---|")
    context = multiprocessing.get_context("fork")
    for name in BLOCKS:
        queue = context.Queue()
        worker = context.Process(target=_read_one, args=(name, queue))
        worker.start()
        worker.join(limit)
        if worker.is_alive():
            worker.kill()
            worker.join()
            print(f"| {name} | > {limit:.0f} | stopped (a stuck worker) |", flush=True)
            continue
        seconds, outcome = queue.get() if not queue.empty() else (float("nan"), "worker died")
        print(f"| {name} | {seconds:.2f} | {outcome} |", flush=True)


UNITS = ["a", "- ", "1/", "12 ", "09:15 ", "Công an ", ":", " ", "\n", "(", "Ảnh: ", "a.", "A. ", "1-", "ngày ",
         "Nguyễn Văn A, ", "Theo ", "\u00a0", "<p>", "&nbsp;", "http://", "tháng 1 "]


def _recorded_patterns() -> dict:
    seen: dict = {}
    compile_ = re._compile

    def recording(pattern, flags):
        compiled = compile_(pattern, flags)
        if isinstance(pattern, str) and compiled not in seen:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "re/_compiler.py")):
                frame = frame.f_back
            seen[compiled] = f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"
        return compiled

    re._compile = recording
    try:
        import importlib
        import pkgutil

        from families.cases import load_cases, source_for

        import tintuc_feed
        from crawler.pages import read_list, read_page

        for module in pkgutil.walk_packages(tintuc_feed.__path__, "tintuc_feed."):
            try:
                importlib.import_module(module.name)
            except Exception:  # noqa: BLE001, S112 - a module that needs an optional extra
                continue
        for case in load_cases():
            if not case.path.joinpath("input.html").exists():
                continue
            if case.meta["kind"] == "list":
                read_list(source_for(case), case.meta["url"], case.text)
            else:
                read_page(source_for(case), case.meta["url"], case.text.encode("utf-8"), case.meta.get("hints"), None,
                          case.meta["url"], NOW)
    finally:
        re._compile = compile_
    return {p: where for p, where in seen.items() if "tintuc_feed" in where}


def _cost(pattern, text: str) -> float:
    start = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def bench_regexes() -> None:
    patterns = _recorded_patterns()
    slow = []
    for pattern, where in patterns.items():
        for unit in UNITS:
            short, long_ = unit * (2_000 // len(unit)), unit * (16_000 // len(unit))
            first = _cost(pattern, short)
            if first < 0.0005:
                continue
            second = _cost(pattern, long_)
            if second > 0.02 and second / first > 20:
                slow.append((second, second / first, where, unit, pattern.pattern[:100]))
    print(f"{len(patterns)} patterns compiled by tintuc_feed, {len(UNITS)} texts each: {len(slow)} superlinear")
    for second, growth, where, unit, text in sorted(slow, reverse=True):
        print(f"  {second * 1000:8.1f} ms  x{growth:5.1f}  {where}  {unit!r}  {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true")
    parser.add_argument("--regexes", action="store_true")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a page's worker is stopped")
    args = parser.parse_args()
    if args.regexes or not args.pages:
        bench_regexes()
    if args.pages or not args.regexes:
        bench_pages(args.limit)


if __name__ == "__main__":
    main()
