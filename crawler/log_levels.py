"""Scrapy's own WARNING lines about a failure our errbacks already report, demoted to INFO.

An operator reading the log at WARNING must see one line per failed page: ours, which names the source, the
URL, what happened and what to do (crawler/spiders/portal.py, tintuc_feed.fetch_errors).  Scrapy adds its own
for some failures; each row below is one such line, shown only with `-v` (INFO).  "Gave up retrying …" is
demoted by a setting instead (RETRY_GIVE_UP_LOG_LEVEL, crawler/settings.py).
"""

from __future__ import annotations

import logging

# (Scrapy's logger, how its message starts): our errback says the same ("the connection closed before a whole
# answer came (ResponseDataLossError)"); Scrapy's adds advice (DOWNLOAD_FAIL_ON_DATALOSS) we do not want taken.
DEMOTED: tuple[tuple[str, str], ...] = (
    ("scrapy.core.downloader.handlers.http11", "Got data loss in "),
    ("scrapy.core.downloader.handlers._base_streaming", "Got data loss in "),
)


class Demote(logging.Filter):
    """Lower a WARNING record whose message starts with `prefix` to INFO."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(self.prefix):
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True


def install() -> None:
    for name, prefix in DEMOTED:
        logger = logging.getLogger(name)
        if not any(isinstance(f, Demote) and f.prefix == prefix for f in logger.filters):
            logger.addFilter(Demote(prefix))
