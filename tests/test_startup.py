"""Start-up: the command line does not import what only some commands need.

`tintuc-feed --version`, `--help` and usage errors should not load the store,
the feeds, numpy, Scrapy/Twisted or an HTML parser; dedupe does its MinHash
and LSH on numpy and never imports datasketch or scipy.  Checked on
sys.modules in a fresh interpreter (behaviour, not timing; the timing is in
docs/BENCHMARKS.md).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("scipy", "datasketch", "scrapy", "twisted", "numpy", "bs4", "lxml", "feedgen", "trafilatura")


def _imported_after(code: str) -> list[str]:
    script = (
        "import json, sys\n" + code + "\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_cli_imports_nothing_heavy():
    assert _imported_after("import tintuc_feed.cli") == []


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["crawl", "--item-limit", "0"], ["build", "--help"]])
def test_version_help_and_usage_errors_import_nothing_heavy(argv):
    code = (
        "import contextlib, io\nfrom tintuc_feed.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    try:\n        main({argv!r})\n    except SystemExit:\n        pass"
    )
    assert _imported_after(code) == []


def test_dedupe_and_the_store_do_not_import_datasketch_or_scipy():
    code = "import tintuc_feed.store, tintuc_feed.runner\nfrom tintuc_feed.dedupe import cluster_texts\n" \
           "cluster_texts([(1, 'a b c ' * 40), (2, 'a b c ' * 40)])"
    imported = _imported_after(code)
    assert "numpy" in imported  # the check itself works: dedupe's numpy is there
    assert "scipy" not in imported and "datasketch" not in imported
