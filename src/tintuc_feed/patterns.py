"""URL patterns of a sources file, compiled with RE2: linear time whatever the pattern or the URL.

A pattern is searched in every link of every list page, so Python's backtracking `re` would let one
pattern like `(a+)+$` burn a CPU until the crawl's time limit.  RE2 (google-re2, pinned) guarantees
time linear in the URL's length; in exchange it has no lookaround and no backreferences.  Such a pattern
is refused when the file is read, with the reason; the exclusion a negative lookahead expressed goes in
`article_url_exclude`, a second pattern: a URL is an article URL when it matches `article_url_pattern`
and does not match `article_url_exclude`.

Differences from Python's `re` that a pattern author may meet (README, "Describing a site"):
`\\Z` is spelled `\\z` (or `$`), `\\w`, `\\d` and `\\b` are ASCII-only, and `$` does not match before a
trailing newline (URLs have none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import re2

# Hints for the syntax RE2 refuses, by the start of its error message.
_HINTS = (
    ("invalid perl operator: (?=", "lookahead (?=...) is not supported"),
    ("invalid perl operator: (?!", ("negative lookahead (?!...) is not supported; put what it excluded in "
                                    "article_url_exclude")),
    ("invalid perl operator: (?<", "lookbehind (?<=...) / (?<!...) is not supported"),
    ("invalid escape sequence: \\Z", "\\Z is spelled \\z (or $) in RE2"),
    ("invalid escape sequence: \\", "backreferences and this escape are not supported"),
)


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message says why."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own copy of the error on stderr
    return options


def compile_pattern(pattern: str):
    """The RE2 regex for pattern, or PatternError with a reason a person can act on."""
    if not isinstance(pattern, str):
        raise PatternError(f"must be a string, not {type(pattern).__name__}")
    if not pattern.strip():
        raise PatternError("is empty (it would match every URL)")
    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = next((text for start, text in _HINTS if detail.startswith(start)), None)
        reason = f"{hint} ({detail})" if hint else detail
        raise PatternError(f"is not a regex RE2 accepts: {reason}") from None


_UNKNOWN = object()  # an url not searched yet (None is an answer)


@lru_cache(maxsize=64)
def _shared(include: str, exclude: str | None) -> tuple[tuple, dict]:
    """The compiled pair and the answers kept for it, shared by every UrlPattern of the same patterns: a
    crawl's worker gets a fresh copy of the source with each page it reads, the answers stay."""
    return (compile_pattern(include), compile_pattern(exclude) if exclude else None), {}


@dataclass(frozen=True)
class UrlPattern:
    """article_url_pattern and its optional article_url_exclude, both RE2; search() as re's does."""

    include: str
    exclude: str | None = None
    _compiled: tuple = field(init=False, repr=False, compare=False)
    # url -> search(url), shared (_shared): a site's menu, sidebar and footer links come back on every list
    # page, and a search through RE2's wrapper costs ~10 µs (a portal list page's ~600 links: 6 ms).
    _answers: dict = field(init=False, repr=False, compare=False)

    ANSWERS_KEPT = 2048  # answers kept per pattern (~0.6 MB); past that, the kept ones are dropped

    def __post_init__(self) -> None:
        compiled, answers = _shared(self.include, self.exclude)
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_answers", answers)

    def __reduce__(self):  # RE2 objects do not pickle; the patterns do
        return UrlPattern, (self.include, self.exclude)

    def search(self, url: str):
        """The include pattern's match in url (None when absent or when the exclude pattern matches);
        the answer given before for the same url while it is kept."""
        answers = self._answers
        found = answers.get(url, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        found = self._search(url)
        if len(answers) >= self.ANSWERS_KEPT:
            answers.clear()
        answers[url] = found
        return found

    def _search(self, url: str):
        include, exclude = self._compiled
        found = include.search(url)
        if found is None or (exclude is not None and exclude.search(url) is not None):
            return None
        return found
