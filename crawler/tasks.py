"""The calls the crawl process hands to its page readers, named without importing what they run.

A worker unpickles these functions by name (crawler.tasks); what they run (crawler.pages: the families,
normalization, the store's preparation) the fork server has imported already (crawler/workers.py: PRELOAD).
The crawl process imports it only when it reads a page itself (the warmup, TINTUC_EXTRACT_WORKERS=0, a
worker that died): a crawl whose list page brings nothing new never imports more than its family.
"""

from __future__ import annotations


def read_page(*args):
    """crawler.pages.read_page: an article page, from its bytes to the row the store writes."""
    from . import pages

    return pages.read_page(*args)


def read_list(source, url: str, text: str):
    """crawler.pages.read_list: the family's reading of a list page (a model.ListPage)."""
    from . import pages

    return pages.read_list(source, url, text)


def start_urls(source) -> list[str]:
    """The family's first list pages of a source."""
    from tintuc_feed import families

    return families.start_urls(source)
