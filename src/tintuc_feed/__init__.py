"""tintuc-feed: clean feeds from Vietnamese police news websites."""

__version__ = "0.1.0"
