"""`--download-timeout S` and `--time-budget S` (src/tintuc_feed/crawl_limits.py): an operator's one-off limits
win over the sources file for that run, and are refused with the config's own words when out of range."""

from __future__ import annotations

import threading

import pytest
from support import run_cli

from faults.hostile import (
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    list_page,
    page,
    source_status,
    sources_toml,
    summary_row,
)
from faults.test_slow_source import hang, quiet
from tintuc_feed.cli import _crawl_options, build_parser
from tintuc_feed.runner import _command

HUNG_PAGES = 8
FLAG_TIMEOUT, FLAG_BUDGET = 2, 12
# what the file says: with these a hung page holds the site 60 s (asked twice), longer than the crawl's --timeout
FILE_LIMITS = "download_timeout = 60\ntime_budget = 600\n"


def test_the_flags_win_over_the_sources_file_for_one_run(tmp_path):
    release = threading.Event()
    hung = [f"/tin-tuc/treo-{i}.html" for i in range(HUNG_PAGES)]
    with quiet(HostileSite()) as slow, HostileSite() as fast:
        fast.route(LIST_PATH, page(list_page(["/tin-tuc/nhanh-1.html"])))
        fast.route("/tin-tuc/nhanh-1.html", page(article_html("Bài của trang nhanh")))
        slow.route(LIST_PATH, page(list_page(hung)))
        for path in hung:
            slow.route(path, hang(release))
        sources = tmp_path / "sources.toml"
        sources.write_text(f"[crawl]\n{FILE_LIMITS}\n" + sources_toml(slow, "slow", FILE_LIMITS)
                           + sources_toml(fast, "fast"), "utf-8")
        try:
            result, _, out = crawl(tmp_path, sources, "--download-timeout", str(FLAG_TIMEOUT),
                                   "--time-budget", str(FLAG_BUDGET), "--timeout", "100", timeout=180)
        finally:
            release.set()
    assert result.returncode == 1, result.stderr[-3000:]  # the slow source failed; the crawl was not killed
    assert "took longer" not in result.stderr
    status = source_status(out, "slow")
    assert f"stopped after {FLAG_BUDGET} s: site too slow" in status["last_error"], status
    assert f"download_timeout {FLAG_TIMEOUT} s" in status["last_error"], status
    assert summary_row(result.stdout, "fast")["status"] != "FAILED"


BAD_VALUES = [
    # (flag, value, words of the refusal: the same as the sources file's for the same key)
    ("--download-timeout", "0", "must be from 1 to 300 seconds"),
    ("--download-timeout", "301", "must be from 1 to 300 seconds"),
    ("--download-timeout", "abc", "must be a number of seconds"),
    ("--download-timeout", "nan", "must be from 1 to 300 seconds"),
    ("--time-budget", "9", "must be from 10 to 86400 seconds"),
    ("--time-budget", "-5", "must be from 10 to 86400 seconds"),
    ("--time-budget", "inf", "must be from 10 to 86400 seconds"),
]


@pytest.mark.parametrize("command", ["crawl", "run"])
@pytest.mark.parametrize(("flag", "value", "words"), BAD_VALUES)
def test_a_bad_value_is_refused_before_anything_is_written(tmp_path, command, flag, value, words):
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = run_cli(command, "--db", str(db), "--output", str(out), f"{flag}={value}")
    assert result.returncode == 2
    assert f"argument {flag}: {words}" in result.stderr
    assert not db.exists() and not out.exists()


@pytest.mark.parametrize("command", ["crawl", "run"])
def test_the_crawl_process_gets_the_flags(tmp_path, command):
    args = build_parser().parse_args([command, "--db", str(tmp_path / "t.db"), "--download-timeout", "7.5",
                                      "--time-budget", "90"])
    line = _command([], _crawl_options(args), run_id=1)
    assert line[line.index("--download-timeout") + 1] == "7.5"
    assert line[line.index("--time-budget") + 1] == "90.0"
    plain = _command([], _crawl_options(build_parser().parse_args([command, "--db", str(tmp_path / "t.db")])), 1)
    assert "--download-timeout" not in plain and "--time-budget" not in plain
