"""Start-up time and memory of the command line, against what it imported before issue 10.

    .venv/bin/python benchmarks/bench_startup.py --runs 15

Each measurement is a fresh interpreter (wall time from spawn to exit, peak RSS from os.wait4's rusage):
  * `tintuc-feed --version` as installed (the console script);
  * the same through `python -m tintuc_feed.cli --version`;
  * before: the same call after importing what cli.py imported at the top before issue 10 (runner -> store,
    feeds, dedupe -> datasketch -> scipy; cli_sources -> families), i.e. the old start-up;
  * `python -c pass`: the interpreter alone.
Medians of --runs, interleaved so that load on the machine hits every command alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BEFORE = ("import datasketch, tintuc_feed.runner, tintuc_feed.families, tintuc_feed.cli_sources\n"
          "from tintuc_feed.cli import main\nmain(['--version'])")


def commands() -> dict[str, list[str]]:
    script = shutil.which("tintuc-feed", path=str(Path(sys.executable).parent)) or "tintuc-feed"
    return {
        "tintuc-feed --version": [script, "--version"],
        "python -m tintuc_feed.cli --version": [sys.executable, "-m", "tintuc_feed.cli", "--version"],
        "before: old imports, then --version": [sys.executable, "-c", BEFORE],
        "python -c pass": [sys.executable, "-c", "pass"],
    }


def run_once(argv: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, (argv, child.returncode)
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} runs={args.runs}")
    cmds = commands()
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, command in cmds.items():
            results[name].append(run_once(command))
    base = statistics.median(s for s, _ in results["tintuc-feed --version"])
    print("| command | wall s (median) | peak RSS MiB (median) | time vs `tintuc-feed --version` |")
    print("|---|---:|---:|---:|")
    for name, runs in results.items():
        wall = statistics.median(s for s, _ in runs)
        rss = statistics.median(m for _, m in runs)
        print(f"| {name} | {wall:.3f} | {rss:.0f} | {wall / base:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
