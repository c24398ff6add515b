"""Fixtures for the publishing tests; the builders live in feedfixtures.py."""

from feeds.feedfixtures import articles, health, published  # noqa: F401 - pytest fixtures
