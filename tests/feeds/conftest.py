"""Fixtures for the publishing tests; the builders live in feedfixtures.py."""

from feedfixtures import articles, health, published  # noqa: F401 - pytest fixtures
