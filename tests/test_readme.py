"""The README's two commands stay true: CI runs the test command word for word."""

from __future__ import annotations

from support import REPO


def readme_commands() -> list[str]:
    lines = (REPO / "README.md").read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.startswith("    python3 -m venv .venv")]


def test_readme_starts_with_two_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("tintuc-feed crawl")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command_word_for_word():
    ci = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    assert ci[-1].strip() == readme_commands()[1]


def test_the_main_command_is_a_real_subcommand():
    from tintuc_feed.cli import build_parser

    command = readme_commands()[0].rsplit("tintuc-feed ", 1)[1].split()
    assert build_parser().parse_args(command).func.__name__ == "cmd_crawl"
