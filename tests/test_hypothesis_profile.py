"""Property tests are deterministic under CI: the profile tests/conftest.py loads, and no test overriding it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import settings
from support import REPO


def test_the_ci_profile_is_derandomized_without_a_database():
    profile = settings.get_profile("tintuc-ci")
    assert profile.derandomize is True
    assert profile.database is None
    assert profile.print_blob is True


@pytest.mark.skipif(not os.environ.get("CI"), reason="checks the profile CI loads; locally tests explore freely")
def test_under_ci_the_default_settings_are_the_ci_profile():
    assert settings.default.derandomize is True and settings.default.database is None


def test_ci_script_sets_ci():
    assert 'export CI="${CI:-true}"' in (REPO / ".ci" / "run").read_text("utf-8")


def test_no_property_test_sets_its_own_seed_or_randomness():
    """A @seed, derandomize=False or a database in one test would undo the profile for it."""
    offenders = []
    for path in (REPO / "tests").rglob("*.py"):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text("utf-8")
        if re.search(r"@seed\(|derandomize\s*=\s*False|database\s*=\s*(?!None)", text):
            offenders.append(path.name)
    assert offenders == [], offenders


def test_no_profile_has_a_deadline():
    """A per-example deadline fails at random on a loaded machine; speed is measured in benchmarks/."""
    assert settings.get_profile("tintuc").deadline is None
    assert settings.get_profile("tintuc-ci").deadline is None
    assert settings.default.deadline is None
