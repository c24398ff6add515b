"""`--download-timeout S` and `--time-budget S`: the `[crawl]` table's limits for one run, from the command line.

An operator who sees a slow site (or a slow link) wants to try other limits once, without editing the sources
file.  The flags are checked by the same rules as the file's keys (config_rules.CRAWL_RULES: the same ranges,
the same words), and they win over everything for that run: a source's own key, then `[crawl]`, then the
defaults (crawler/settings.py's DOWNLOAD_TIMEOUT, crawler/budget.py's DEFAULT_TIME_BUDGET).

`tintuc-feed crawl` and `tintuc-feed run` take them; the crawl process (crawler/main.py) takes the same flags
and applies them to the sources it loads, so a queued crawl run by a `tintuc-feed worker` gets them too.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence

# (flag, the key of [crawl] it stands for, help)
FLAGS = (
    ("--download-timeout", "download_timeout", ("seconds one download may take, for this run (1-300; overrides "
                                               "the sources file's download_timeout and [crawl])")),
    ("--time-budget", "time_budget", ("seconds each source's crawl may take in this run (10-86400; overrides "
                                     "the sources file's time_budget and [crawl])")),
)


def seconds_flag(key: str):
    """An argparse type: a number checked by the `[crawl]` key's own rule."""
    def parse(text: str) -> float:
        from .config_rules import CRAWL_RULES  # here: building the parser imports no pattern engine

        check = CRAWL_RULES[key].check
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number of seconds, not {text!r}") from None
        problem = check(int(value) if value.is_integer() else value)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return value
    parse.__name__ = "seconds"
    return parse


def add_flags(parser: argparse.ArgumentParser) -> None:
    for flag, key, help_text in FLAGS:
        parser.add_argument(flag, dest=key, type=seconds_flag(key), default=None, metavar="S", help=help_text)


def chosen(args) -> dict[str, float]:
    """{key: seconds} of the flags given."""
    return {key: getattr(args, key) for _, key, _ in FLAGS if getattr(args, key, None) is not None}


def command_args(options) -> list[str]:
    """The flags again, from a CrawlOptions, for the crawl process's command line."""
    return [part for flag, key, _ in FLAGS if getattr(options, key) is not None
            for part in (flag, repr(float(getattr(options, key))))]


def apply(sources: Sequence, limits: dict[str, float]) -> list:
    """The sources with the run's limits in place of their own."""
    return [dataclasses.replace(source, **limits) for source in sources] if limits else list(sources)
